// Package claims turns one analysed article into typed claims with their
// evidence: who attributes which attack to whom (and how sure they say they
// are), which state is said to sponsor an actor, who denies it, whom an
// actor targets, what it uses and exploits, since when it is active, who
// first reported it, and which other names the article gives it.
//
// Claims are read from single sentences with word lists in English,
// Italian, French, German, Spanish and Dutch, on top of what the recognizer
// believed (actors, countries and their roles, targets, malware,
// vulnerabilities). A sentence that names no actor but says "the group"
// refers to the last actor named; a quoted sentence takes its speaker from
// around the quotation ("... ,” the FBI said"; "Ha affermato il ministro").
// Nothing here changes the catalogue: an alias statement is a claim, to be
// weighed against others by whoever stores it.
package claims

import (
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// Claim types.
const (
	Attribution   = "attribution"
	Sponsorship   = "sponsorship"
	Denial        = "denial"
	Targeting     = "targeting"
	Uses          = "uses"
	Exploits      = "exploits"
	Activity      = "activity"
	FirstReported = "first-reported"
	AliasClaim    = "alias"
)

// Hedges, from the most to the least certain wording.
const (
	Asserted = "asserted"
	Assessed = "assessed"
	Likely   = "likely"
	Alleged  = "alleged"
	Possible = "possible"
)

// Party kinds.
const (
	KindActor         = "actor"
	KindCountry       = "country"
	KindOrganisation  = "organisation"
	KindVendor        = "vendor"
	KindSector        = "sector"
	KindMalware       = "malware"
	KindTool          = "tool"
	KindVulnerability = "vulnerability"
	KindPerson        = "person"
	KindUnknown       = "unknown"
)

// Claim is one typed statement drawn from one sentence.
type Claim struct {
	Type       string `json:"type"`
	Subject    Party  `json:"subject"`              // usually the actor; for a denial, the accused
	Object     Party  `json:"object,omitzero"`      // state, target, malware, vulnerability or other name
	Attributor *Party `json:"attributor,omitempty"` // who makes (or denies) the claim, when the text says
	Hedge      string `json:"hedge"`
	Denies     []int  `json:"denies,omitempty"` // for a denial: indexes of the claims it rejects
	Date       string `json:"date,omitempty"`   // activity and first-reported: "2019-12", "2012"
	Sentence   int    `json:"sentence"`         // index into Analysis.Sentences
	Start      int    `json:"start"`            // byte offsets of the evidence sentence
	End        int    `json:"end"`
	Evidence   string `json:"evidence"`
	Language   string `json:"language"`
}

// Party is who or what a claim is about or comes from.
type Party struct {
	Kind string `json:"kind"`
	ID   string `json:"id,omitempty"` // catalogue id when known ("actor:gallium", "country:BE")
	Name string `json:"name"`
}

// IsZero reports whether the party is unset (a claim with no object).
func (p Party) IsZero() bool { return p.Kind == "" && p.Name == "" }

// Extract returns the claims of one analysed article: sentence by
// sentence, then the sponsorships read from the article as a whole, then
// the denials, whose Denies point back at earlier claims by index. lang is
// the article's language, copied into every claim. Extract reads the
// analysis and never changes it or the catalogue.
func Extract(a *recognize.Analysis, lang string) []Claim {
	if a == nil || len(a.Sentences) == 0 {
		return nil
	}
	d := newDoc(a, lang)
	d.run()
	return d.out
}

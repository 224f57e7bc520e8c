// Package catalog holds aptwatch's canonical entities: threat actors under all
// their names, campaigns, malware, tools, vulnerabilities, countries and
// sectors, with who coined each name and how risky each name is to believe.
package catalog

import (
	"fmt"
	"strings"
)

// Kind is what an entity is.
type Kind string

// Entity kinds.
const (
	Actor         Kind = "actor"
	Campaign      Kind = "campaign"
	Malware       Kind = "malware"
	Tool          Kind = "tool"
	Vulnerability Kind = "vulnerability"
	Country       Kind = "country"
	Sector        Kind = "sector"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{Actor, Campaign, Malware, Tool, Vulnerability, Country, Sector}

// ParseKind accepts a kind name and a few plural or short forms.
func ParseKind(s string) (Kind, error) {
	switch s {
	case "actor", "actors":
		return Actor, nil
	case "campaign", "campaigns", "operation":
		return Campaign, nil
	case "malware":
		return Malware, nil
	case "tool", "tools":
		return Tool, nil
	case "vulnerability", "vulnerabilities", "vuln", "cve":
		return Vulnerability, nil
	case "country", "countries":
		return Country, nil
	case "sector", "sectors":
		return Sector, nil
	}
	return "", fmt.Errorf("unknown kind %q (want one of actor, campaign, malware, tool, vulnerability, country, sector)", s)
}

// Ambiguity is how risky it is to believe a bare mention of an alias.
type Ambiguity int

// Ambiguity levels; see data/README.md.
const (
	AmbiguityNone   Ambiguity = iota // distinctive: match anywhere
	AmbiguityMedium                  // also an ordinary word: needs evidence in the text
	AmbiguityHigh                    // a very common word: needs a cue right next to it
)

func (a Ambiguity) String() string {
	switch a {
	case AmbiguityMedium:
		return "medium"
	case AmbiguityHigh:
		return "high"
	}
	return "none"
}

// Alias is one name of an entity.
type Alias struct {
	Name      string
	Source    string // who coined it: "Microsoft", "Mandiant", ...; "" when unknown
	Ambiguity Ambiguity
	CaseOnly  bool   // match only in this exact letter case
	Typo      bool   // a misspelling seen in the press
	Lang      string // for country and sector terms: the language, ISO 639-1
	Adjective bool   // for countries: a demonym/adjective rather than a name
	Origin    string // where the alias entered the catalogue: "builtin", "misp-galaxy:threat-actor", ...
}

// Link is a scored relation between two entities. Disputed equivalences are
// links, never merged aliases, so that they can be weighed and undone.
type Link struct {
	Relation string // similar, overlaps, attributed-to, part-of, variant-of, conflict
	Target   string // entity id
	Score    float64
	Note     string
	Origin   string
}

// Entity is one canonical thing the catalogue knows.
type Entity struct {
	ID         string
	Kind       Kind
	Name       string // preferred name
	Type       string // actor: apt, ransomware, criminal, hacktivist, unknown; malware: ransomware, rat, ...
	AttackIDs  []string
	MISP       []string // MISP galaxy cluster uuids
	Sponsor    string   // ISO 3166-1 alpha-2
	Motivation string
	FirstSeen  string
	Product    string   // vulnerabilities
	CVEs       []string // vulnerabilities
	Uses       []string // actor -> malware/tool ids
	Aliases    []Alias
	Links      []Link
	Origin     string // "builtin" or the import it came from
	File       string // data file and line, for messages
}

// AttackID returns the entity's current ATT&CK id, or "". An actor that
// also carries the S-id of its eponymous ransomware answers with its G-id,
// or "" when ATT&CK has no group for it.
func (e *Entity) AttackID() string {
	for _, id := range e.AttackIDs {
		if e.Kind != Actor || strings.HasPrefix(id, "G") {
			return id
		}
	}
	return ""
}

// AliasNames returns the entity's names other than the preferred one, without
// duplicates, in catalogue order.
func (e *Entity) AliasNames() []string {
	seen := map[string]bool{e.Name: true}
	var out []string
	for _, a := range e.Aliases {
		if a.Adjective || seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		out = append(out, a.Name)
	}
	return out
}

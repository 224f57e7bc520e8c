package claims

import (
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/recognize/ioc"
)

// doc is one article being read: what the recognizer found, grouped by
// sentence, and the state carried from sentence to sentence (the last
// actors named, the last parties that spoke).
type doc struct {
	a      *recognize.Analysis
	cat    *catalog.Catalog
	lang   string
	text   string
	ts     []recognize.Token
	tf     []uint64 // cue bits of each token (see cueSet)
	sents  []sentence
	quotes []recognize.Span
	out    []Claim
	seen   map[claimKey]bool // claims already emitted, to keep one per sentence
	adj    map[int]bool      // country mentions (by start) that are adjectives
}

// sentence holds the facts of one sentence.
type sentence struct {
	span      recognize.Span
	lo, hi    int        // token range [lo, hi)
	flags     uint64     // cue bits of its words (see cueSet)
	actors    []actorRef // actors named in the sentence, one per entity
	subjects  []actorRef // actors named, or referred to ("the group")
	coref     bool       // subjects come from an earlier sentence
	parties   []party    // named parties (agencies, vendors, states, ...)
	refs      []party    // parties referred to ("they", "the advisory")
	speakers  []party    // who speaks in this sentence, once resolved
	roles     []recognize.CountryRole
	countries []recognize.Mention
	names     []name // actor names as written, for alias statements
	targets   []target
	accused   []string // states the sentence blames, once computed
	accusedOK bool
	malware   []recognize.Mention
	vulns     []Party
	sectors   []recognize.Mention
}

// actorRef is one actor of a sentence.
type actorRef struct {
	p          Party
	ent        *catalog.Entity // nil for a name the catalogue lacks
	start, end int
}

// target is an organisation named as the object of an attack.
type target struct {
	p          Party
	start, end int
}

func newDoc(a *recognize.Analysis, lang string) *doc {
	d := &doc{a: a, cat: a.Catalog(), lang: lang, text: a.Text, ts: a.Tokens, seen: map[claimKey]bool{}, tf: make([]uint64, len(a.Tokens))}
	d.sents = make([]sentence, len(a.Sentences))
	for i, s := range a.Sentences {
		st := &d.sents[i]
		st.span = s
		st.lo = a.TokenAt(s.Start)
		st.hi = a.TokenAt(s.End)
		for j := st.lo; j < st.hi; j++ {
			d.tf[j] = cueBits[d.ts[j].Fold]
			st.flags |= d.tf[j]
		}
	}
	for _, m := range a.Mentions {
		if !m.Accepted || m.Sentence < 0 || m.Sentence >= len(d.sents) {
			continue
		}
		s := &d.sents[m.Sentence]
		switch m.Entity.Kind {
		case catalog.Actor:
			s.names = append(s.names, name{start: m.Start, end: m.End, text: m.Text, ent: m.Entity})
			if !hasEntity(s.actors, m.Entity) {
				s.actors = append(s.actors, actorRef{p: Party{Kind: KindActor, ID: m.Entity.ID, Name: m.Entity.Name}, ent: m.Entity, start: m.Start, end: m.End})
			}
		case catalog.Country:
			s.countries = append(s.countries, m)
		case catalog.Malware, catalog.Tool:
			s.malware = append(s.malware, m)
		case catalog.Vulnerability:
			s.vulns = appendParty(s.vulns, Party{Kind: KindVulnerability, ID: m.Entity.ID, Name: m.Entity.Name})
		case catalog.Sector:
			s.sectors = append(s.sectors, m)
		}
	}
	for _, n := range a.NewActors {
		si := d.sentenceAt(n.Start)
		if si >= 0 {
			d.sents[si].names = append(d.sents[si].names, name{start: n.Start, end: n.End, text: n.Name})
			sort.SliceStable(d.sents[si].names, func(i, j int) bool { return d.sents[si].names[i].start < d.sents[si].names[j].start })
			d.sents[si].actors = append(d.sents[si].actors, actorRef{p: Party{Kind: KindActor, Name: n.Name}, start: n.Start, end: n.End})
			sort.SliceStable(d.sents[si].actors, func(i, j int) bool { return d.sents[si].actors[i].start < d.sents[si].actors[j].start })
		}
	}
	if strings.Contains(d.text, "CVE") || strings.Contains(d.text, "cve") {
		for _, in := range ioc.Find(d.text) {
			if in.Kind == ioc.CVE {
				if si := d.sentenceAt(in.Start); si >= 0 {
					d.sents[si].vulns = appendParty(d.sents[si].vulns, Party{Kind: KindVulnerability, Name: in.Value})
				}
			}
		}
	}
	for _, r := range a.CountryRoles() {
		if r.Sentence >= 0 && r.Sentence < len(d.sents) {
			d.sents[r.Sentence].roles = append(d.sents[r.Sentence].roles, r)
		}
	}
	d.quotes = quoteSpans(d.text)
	for i := range d.sents {
		d.findParties(i)
	}
	d.findTargets()
	return d
}

func hasEntity(rs []actorRef, e *catalog.Entity) bool {
	for _, r := range rs {
		if r.ent == e {
			return true
		}
	}
	return false
}

func appendParty(ps []Party, p Party) []Party {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// sentenceAt returns the sentence holding byte offset off, or -1.
func (d *doc) sentenceAt(off int) int {
	ss := d.a.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
}

// tok returns the folded token j if it lies in sentence si, else "".
func (d *doc) tok(si, j int) string {
	s := &d.sents[si]
	if j < s.lo || j >= s.hi {
		return ""
	}
	return d.ts[j].Fold
}

// surface returns token j as written.
func (d *doc) surface(j int) string { return d.text[d.ts[j].Start:d.ts[j].End] }

// is reports whether sentence si holds a word or a phrase of cue set c.
func (d *doc) is(si int, c *cueSet) bool {
	s := &d.sents[si]
	if s.flags&c.bit != 0 {
		return true
	}
	if s.flags&c.pbit == 0 {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		if d.tf[j]&c.pbit != 0 && c.phrases.at(d.ts, j, s.hi) > 0 {
			return true
		}
	}
	return false
}

// any reports whether sentence si holds a word (or the first word of a
// phrase) of any of the cue sets: a cheap test before a closer look.
func (d *doc) any(si int, cs ...*cueSet) bool {
	for _, c := range cs {
		if d.sents[si].flags&(c.bit|c.pbit) != 0 {
			return true
		}
	}
	return false
}

// flag reports whether sentence si has any of the bits.
func (d *doc) flag(si int, bits uint64) bool { return d.sents[si].flags&bits != 0 }

// find returns the first token of sentence si that is a word of w or
// starts a phrase of p, or -1.
func (d *doc) find(si int, w wordSet, p *phraseSet) int {
	s := &d.sents[si]
	for j := s.lo; j < s.hi; j++ {
		if w != nil && w[d.ts[j].Fold] {
			return j
		}
		if p != nil && p.at(d.ts, j, s.hi) > 0 {
			return j
		}
	}
	return -1
}

// tokIs reports whether token j has any of the cue bits.
func (d *doc) tokIs(j int, bits uint64) bool { return j >= 0 && j < len(d.tf) && d.tf[j]&bits != 0 }

// findFunc returns the first token of sentence si whose folded form
// satisfies f, or -1.
func (d *doc) findFunc(si int, f func(string) bool) int {
	s := &d.sents[si]
	for j := s.lo; j < s.hi; j++ {
		if f(d.ts[j].Fold) {
			return j
		}
	}
	return -1
}

// hasRole reports whether country code plays role in sentence si.
func (d *doc) hasRole(si int, code, role string) bool {
	for _, r := range d.sents[si].roles {
		if r.Code == code && r.Role == role {
			return true
		}
	}
	return false
}

// hedge grades the wording of sentence si; the least certain word wins.
func (d *doc) hedge(si int) string {
	s := &d.sents[si]
	level := 0
	names := []string{Asserted, Assessed, Likely, Alleged, Possible}
	if !d.any(si, cueHedge) {
		return Asserted
	}
	for j := s.lo; j < s.hi; j++ {
		w := d.ts[j].Fold
		switch {
		case w == "may" && j+1 < s.hi && isDigits(d.ts[j+1].Fold):
			// "in May 2021": the month, not the modal.
		case w == "almost" && d.tok(si, j+1) != "certainly":
			// "almost 100 companies" says nothing of certainty.
		case possibleWords[w]:
			level = max(level, 4)
		case allegedWords[w]:
			level = max(level, 3)
		case likelyWords[w]:
			level = max(level, 2)
		case assessedWords[w]:
			level = max(level, 1)
		}
	}
	return names[level]
}

// emit appends a claim read from sentence si, unless the same claim was
// already read from that sentence. It returns the claim's index, or -1.
func (d *doc) emit(si int, c Claim) int {
	key := keyOfClaim(c, si)
	if d.seen[key] {
		return -1
	}
	d.seen[key] = true
	sp := d.sents[si].span
	c.Sentence, c.Start, c.End = si, sp.Start, sp.End
	c.Evidence = d.text[sp.Start:sp.End]
	c.Language = d.lang
	if c.Hedge == "" {
		c.Hedge = d.hedge(si)
	}
	d.out = append(d.out, c)
	return len(d.out) - 1
}

// claimKey identifies a claim within a sentence.
type claimKey struct {
	si              int
	typ             string
	subject, object Party
	attributor      Party
	date            string
}

func keyOfClaim(c Claim, si int) claimKey {
	k := claimKey{si: si, typ: c.Type, subject: c.Subject, object: c.Object, date: c.Date}
	if c.Attributor != nil {
		k.attributor = *c.Attributor
	}
	return k
}

package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/recognize"
)

// party is a Party found in the text, with where it stands.
type party struct {
	Party
	country     string // the state it belongs to or speaks for; "" for vendors, outlets, bodies
	start, end  int    // byte span
	first, last int    // token span, inclusive
	state       bool   // speaks for a state: a government, ministry, embassy, or the country as speaker
	ref         bool   // a word that points back to an earlier party ("they", "the advisory")
	outlet      bool   // a news outlet, which relays claims more often than it makes them
}

// orgEntry is one line of partyLexicon.
type orgEntry struct{ kind, country, name string }

// orgPattern is one name of an entry, as folded tokens.
type orgPattern struct {
	words []string
	caps  int // 2: every token in capitals; 1: first token capitalised; 0: any case
	e     *orgEntry
}

var orgIndex = buildOrgIndex(partyLexicon)

func buildOrgIndex(lex string) map[string][]orgPattern {
	idx := map[string][]orgPattern{}
	for _, line := range strings.Split(lex, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			continue
		}
		head := strings.Fields(f[0])
		e := &orgEntry{kind: head[0], country: strings.TrimSpace(head[1]), name: strings.TrimSpace(f[1])}
		if e.country == "-" {
			e.country = ""
		}
		for _, name := range strings.Split(f[2], ";") {
			name = strings.TrimSpace(name)
			ts := recognize.Tokenize(name)
			if len(ts) == 0 {
				continue
			}
			p := orgPattern{e: e}
			for _, t := range ts {
				p.words = append(p.words, t.Fold)
			}
			switch {
			case isAcronym(name):
				p.caps = 2
			case name != strings.ToLower(name):
				p.caps = 1
			}
			idx[p.words[0]] = append(idx[p.words[0]], p)
		}
	}
	for k, ps := range idx {
		// Longest names first, so that "Washington Post" beats "Washington".
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		idx[k] = ps
	}
	return idx
}

// isAcronym reports whether a name is written all in capitals (digits and
// punctuation aside), with at least two letters.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// orgAt returns the lexicon name that starts at token j, or nil.
func (d *doc) orgAt(j, hi int) *orgPattern {
next:
	for i := range orgIndex[d.ts[j].Fold] {
		p := &orgIndex[d.ts[j].Fold][i]
		if j+len(p.words) > hi {
			continue
		}
		for k, w := range p.words {
			t := d.ts[j+k]
			if t.Fold != w {
				continue next
			}
			sf := d.text[t.Start:t.End]
			if p.caps == 2 && !isAcronym(sf) && !isDigits(sf) {
				continue next
			}
		}
		if p.caps == 1 && !isCapitalised(d.surface(j)) {
			continue
		}
		return p
	}
	return nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// findParties finds the parties of sentence si: lexicon names, states
// speaking through their governments, countries accusing, people with a
// title, and words that point back to an earlier party.
func (d *doc) findParties(si int) {
	s := &d.sents[si]
	var ps []party
	for j := s.lo; j < s.hi; {
		if !d.tokIs(j, bitOrg) {
			j++
			continue
		}
		p := d.orgAt(j, s.hi)
		if p == nil {
			j++
			continue
		}
		n := len(p.words)
		if pt, ok := d.lexiconParty(si, p, j, j+n-1); ok {
			ps = append(ps, pt)
		}
		j += n
	}
	ps = append(ps, d.stateParties(si, ps)...)
	ps = d.spreadLists(si, ps)
	if d.any(si, cueTitle) {
		ps = append(ps, d.persons(si, ps)...)
	}
	for _, p := range ps {
		if !d.targetPosition(si, p.first) {
			s.parties = append(s.parties, p)
		}
	}
	if d.any(si, cueRef) {
		s.refs = d.refParties(si, s.parties)
	}
}

// lexiconParty turns a lexicon match at tokens [first, last] into a party,
// unless the name is a product ("Microsoft Exchange") or a place ("in
// Washington").
func (d *doc) lexiconParty(si int, p *orgPattern, first, last int) (party, bool) {
	e := p.e
	pt := party{start: d.ts[first].Start, end: d.ts[last].End, first: first, last: last, country: e.country}
	switch e.kind {
	case "vendor":
		nx := last + 1
		if d.tok(si, nx) == "s" {
			nx++
		}
		// A product follows its vendor's name directly: "Microsoft
		// Exchange", not "According to Mandiant, APT41 ...".
		if w := d.tok(si, nx); w != "" && strings.TrimSpace(d.text[d.ts[nx-1].End:d.ts[nx].Start]) == "" &&
			(productNouns[w] || isCapitalised(d.surface(nx)) && !vendorUnits[w] && d.orgAt(nx, d.sents[si].hi) == nil && !d.mentionAt(nx)) {
			return party{}, false
		}
		pt.Party = Party{Kind: KindVendor, Name: e.name}
	case "state", "capital":
		if e.kind == "capital" && placePreps[d.tok(si, first-1)] {
			return party{}, false
		}
		pt.Party = stateParty(d.cat, e.country, false)
		pt.state = true
		// "le gouvernement de Pékin", "il governo di Pechino".
		j := first - 1
		for n := 0; n < 2 && stateNounFillers[d.tok(si, j)]; n++ {
			j--
		}
		if j < first-1 && stateNouns[d.tok(si, j)] {
			pt.first, pt.start = j, d.ts[j].Start
		}
	default: // agency, body, outlet
		// "Estados Unidos (EU)": an acronym in brackets after a country
		// abbreviates the country, whatever else it stands for.
		if p.caps == 2 && first > d.sents[si].lo && strings.HasSuffix(strings.TrimSpace(d.text[d.ts[first-1].End:d.ts[first].Start]), "(") && d.countryEndsAt(si, first-1) {
			return party{}, false
		}
		pt.Party = Party{Kind: KindOrganisation, Name: e.name}
		pt.outlet = e.kind == "outlet"
	}
	return pt, true
}

// countryEndsAt reports whether a believed country mention ends with token j.
func (d *doc) countryEndsAt(si, j int) bool {
	for _, m := range d.sents[si].countries {
		if m.End == d.ts[j].End {
			return true
		}
	}
	return false
}

// inParty reports whether token j lies inside one of ps.
func inParty(ps []party, j int) bool {
	for _, p := range ps {
		if p.first <= j && j <= p.last {
			return true
		}
	}
	return false
}

// targetPosition reports whether token j stands as the object of an
// attack ("attacks on Microsoft", "targeting the FBI"), where a party is a
// victim, not a speaker.
func (d *doc) targetPosition(si, j int) bool {
	s := &d.sents[si]
	for k := j - 1; k >= j-3 && k >= s.lo; k-- {
		w := d.ts[k].Fold
		if d.tokIs(k, bitTarget) || w == "on" || w == "su" || w == "sur" || w == "auf" {
			return true
		}
		if strings.ContainsAny(d.text[d.ts[k].End:d.ts[k+1].Start], ",;:(") {
			return false
		}
		if !articleWords[w] && !corefModifiers[w] {
			return false
		}
	}
	return false
}

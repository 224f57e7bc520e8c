package recognize

import (
	"fmt"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Mention is one decided occurrence of a catalogue entity in the text.
type Mention struct {
	Entity   *catalog.Entity
	Alias    catalog.Alias
	Start    int
	End      int
	Text     string
	Rule     string // alias, near-miss, list
	Accepted bool
	Reason   string // why it was believed or not, for --explain
	Sentence int    // index into Analysis.Sentences
}

// Analysis is everything the recognizer found in one text.
type Analysis struct {
	cat       *catalog.Catalog
	Text      string
	Sentences []Span
	Tokens    []Token
	Mentions  []Mention // every decision, in text order; see Accepted
	NewActors []NewActor

	roles   *[]CountryRole // computed once, on first use
	targets *[]Target

	actorSentences   map[int]bool // sentences with a believed actor mention
	malwareSentences map[int]bool // sentences with believed malware or tools
}

// Catalog returns the catalogue the analysis used.
func (a *Analysis) Catalog() *catalog.Catalog { return a.cat }

// Accepted returns the believed mentions of entities of the given kinds.
func (a *Analysis) Accepted(kinds ...catalog.Kind) []Mention {
	var out []Mention
	for _, m := range a.Mentions {
		if !m.Accepted {
			continue
		}
		for _, k := range kinds {
			if m.Entity.Kind == k {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// SentenceAt returns the index of the sentence holding byte offset off.
func (a *Analysis) SentenceAt(off int) int { return sentenceIndex(a.Sentences, off) }

// SentenceText returns the text of sentence i.
func (a *Analysis) SentenceText(i int) string {
	if i < 0 || i >= len(a.Sentences) {
		return ""
	}
	return a.Text[a.Sentences[i].Start:a.Sentences[i].End]
}

// Analyze finds and decides every entity mention in text.
func (r *Recognizer) Analyze(text string) *Analysis {
	a := &Analysis{cat: r.cat, Text: text, Sentences: Sentences(text), Tokens: Tokenize(text)}
	cands := r.Candidates(text)
	cands = append(cands, r.numberLists(text, cands)...)
	sortCandidates(cands)
	d := &decider{a: a, cands: cands, entityOK: map[*catalog.Entity]bool{}}
	d.run()
	d.mergeAliasStatements()
	a.actorSentences = map[int]bool{}
	a.malwareSentences = map[int]bool{}
	for _, m := range a.Mentions {
		if m.Accepted && m.Entity.Kind == catalog.Actor {
			a.actorSentences[m.Sentence] = true
		}
		if m.Accepted && (m.Entity.Kind == catalog.Malware || m.Entity.Kind == catalog.Tool) {
			a.malwareSentences[m.Sentence] = true
		}
	}
	a.NewActors = r.newActors(a)
	return a
}

type decider struct {
	a        *Analysis
	cands    []Candidate
	ms       []Mention
	entityOK map[*catalog.Entity]bool // entities with a mention believed without context
}

// plainlyNamed reports whether entity e has a mention believed without any
// context (a distinctive alias).
func (d *decider) plainlyNamed(e *catalog.Entity) bool { return d.entityOK[e] }

// run decides in passes: first names that need no context, then ambiguous
// ones, which may lean on what the first pass believed.
func (d *decider) run() {
	d.ms = make([]Mention, len(d.cands))
	pending := []int{}
	for i, c := range d.cands {
		ref := d.choose(c)
		al := ref.AliasInfo()
		m := Mention{Entity: ref.Entity, Alias: al, Start: c.Start, End: c.End, Text: c.Text, Rule: c.Rule,
			Sentence: sentenceIndex(d.a.Sentences, c.Start)}
		d.ms[i] = m
		switch ref.Entity.Kind {
		case catalog.Country:
			d.ms[i].Accepted, d.ms[i].Reason = countryCase(al, c.Text)
			if d.ms[i].Accepted && d.region(c) != "" {
				d.ms[i].Accepted, d.ms[i].Reason = false, fmt.Sprintf("part of a region name (%q)", d.region(c))
			}
			continue
		case catalog.Sector:
			d.ms[i].Accepted, d.ms[i].Reason = true, "sector term"
			continue
		}
		if al.CaseOnly && c.Text != al.Name {
			d.ms[i].Reason = fmt.Sprintf("alias %q matches only in that case", al.Name)
			continue
		}
		if al.Ambiguity == catalog.AmbiguityNone && c.Rule == "alias" {
			d.ms[i].Accepted, d.ms[i].Reason = true, fmt.Sprintf("distinctive alias %q", al.Name)
			d.entityOK[ref.Entity] = true
			continue
		}
		pending = append(pending, i)
	}
	for pass := 0; pass < 2; pass++ {
		for _, i := range pending {
			if d.ms[i].Accepted {
				continue
			}
			d.ms[i].Accepted, d.ms[i].Reason = d.evidence(i)
		}
	}
	d.a.Mentions = d.ms
}

// choose picks the entity a candidate most likely names: a threat actor over
// a malware family of the same name unless malware words surround it, and
// a name over an adjective.
func (d *decider) choose(c Candidate) catalog.AliasRef {
	if len(c.Refs) == 1 {
		return c.Refs[0]
	}
	malwareCtx := d.a.near(c.Start, c.End, 2, malwareCues)
	rank := func(r catalog.AliasRef) int {
		a := r.AliasInfo()
		s := 0
		switch r.Entity.Kind {
		case catalog.Actor:
			s = 0
			if malwareCtx != "" {
				s = 3
			}
		case catalog.Malware, catalog.Tool:
			s = 1
		case catalog.Campaign:
			s = 2
		case catalog.Vulnerability:
			s = 4
		case catalog.Country:
			s = 5
		default:
			s = 6
		}
		if a.Adjective {
			s += 2
		}
		if a.Ambiguity != catalog.AmbiguityNone {
			s += 1
		}
		return s
	}
	best := c.Refs[0]
	for _, r := range c.Refs[1:] {
		if rank(r) < rank(best) {
			best = r
		}
	}
	return best
}

// evidence decides an ambiguous or inexact mention from its context.
func (d *decider) evidence(i int) (bool, string) {
	m := d.ms[i]
	al := m.Alias
	lowerCommon := isAllLower(m.Text) && !isAllLower(al.Name) && strings.ToUpper(m.Text) != m.Text
	if lowerCommon {
		return false, fmt.Sprintf("%q is written in lower case, as an ordinary word", m.Text)
	}
	cues := actorCues
	if m.Entity.Kind == catalog.Malware || m.Entity.Kind == catalog.Tool {
		cues = malwareCues
	}
	neg := d.a.sentenceHas(m.Sentence, negativeCues)
	adjacent := d.a.near(m.Start, m.End, 2, cues)
	switch m.Rule {
	case "list":
		return true, "number in a list after an APT name"
	case "list-typo":
		return true, fmt.Sprintf("number cut short in a list of APT names; the text names %s in full", m.Entity.Name)
	}
	listed := d.coListed(i)
	if al.Ambiguity == catalog.AmbiguityHigh {
		// A very common word needs its cue right beside it ("Play
		// ransomware", "gruppo Play"), and never counts in lower case.
		adjacent = d.a.near(m.Start, m.End, 1, cues)
		if isAllLower(m.Text) && !d.plainlyNamed(m.Entity) {
			return false, fmt.Sprintf("%q is a very common word written in lower case", m.Text)
		}
		switch {
		case adjacent != "" && neg == "":
			return true, fmt.Sprintf("very common word, but %q stands next to it", adjacent)
		case listed != "":
			return true, fmt.Sprintf("listed with %s", listed)
		case d.otherAlias(i):
			return true, "the same entity is named unambiguously elsewhere in the text"
		}
		return false, fmt.Sprintf("%q is a very common word and no cue stands next to it", al.Name)
	}
	// medium ambiguity, or a near miss
	if neg != "" && adjacent == "" && listed == "" {
		return false, fmt.Sprintf("the sentence speaks of something else (%q)", neg)
	}
	switch {
	case listed != "":
		return true, fmt.Sprintf("listed with %s", listed)
	case adjacent != "":
		return true, fmt.Sprintf("%q stands next to it", adjacent)
	case d.a.naming(m.Sentence) != "":
		return true, fmt.Sprintf("the sentence names an actor (%q)", d.a.naming(m.Sentence))
	case d.otherAlias(i):
		return true, "the same entity is named unambiguously elsewhere in the text"
	case m.Rule != "near-miss" && isAllUpper(m.Text) && isAllUpper(al.Name) && len(m.Text) > 3 && !d.shouting(m.Sentence):
		if w := d.a.near(m.Start, m.End, 8, cues); w != "" {
			return true, fmt.Sprintf("written in capitals as vendors name actors, and %q is near", w)
		}
	}
	if w := d.a.near(m.Start, m.End, 6, cues); w != "" && m.Rule != "near-miss" {
		return true, fmt.Sprintf("%q is near", w)
	}
	if w := d.a.near(m.Start, m.End, 4, threatWords); w != "" && m.Rule != "near-miss" && m.Entity.Kind == catalog.Actor {
		return true, fmt.Sprintf("%q is near", w)
	}
	return false, fmt.Sprintf("%q is also an ordinary word and the text does not show it is a threat actor", al.Name)
}

// near returns a cue word within n words of [start, end) in the same
// sentence, or "".
func (a *Analysis) near(start, end, n int, cues map[string]bool) string {
	ts := a.Tokens
	si := sentenceIndex(a.Sentences, start)
	var sent Span
	if si >= 0 {
		sent = a.Sentences[si]
	}
	first := tokenAt(ts, start)
	last := tokenAt(ts, end-1)
	for k := 1; k <= n; k++ {
		for _, j := range []int{first - k, last + k} {
			if j < 0 || j >= len(ts) || ts[j].Start < sent.Start || ts[j].End > sent.End {
				continue
			}
			if cues[ts[j].Fold] {
				return ts[j].Fold
			}
		}
	}
	return ""
}

func (a *Analysis) sentenceHas(si int, cues map[string]bool) string {
	if si < 0 {
		return ""
	}
	s := a.Sentences[si]
	for j := tokenAt(a.Tokens, s.Start); j < len(a.Tokens) && a.Tokens[j].Start < s.End; j++ {
		if cues[a.Tokens[j].Fold] {
			return a.Tokens[j].Fold
		}
	}
	return ""
}

// naming returns a naming phrase ("known as") in sentence si, or "".
func (a *Analysis) naming(si int) string {
	if si < 0 {
		return ""
	}
	s := a.Sentences[si]
	ts := a.Tokens
	for j := tokenAt(ts, s.Start); j < len(ts) && ts[j].Start < s.End; j++ {
		if p := phraseAt(ts, j, namingCues); p != nil {
			return strings.Join(p, " ")
		}
	}
	return ""
}

// phraseAt returns the first phrase of ps whose words start at token j.
func phraseAt(ts []Token, j int, ps [][]string) []string {
next:
	for _, p := range ps {
		for k, w := range p {
			if j+k >= len(ts) || ts[j+k].Fold != w {
				continue next
			}
		}
		return p
	}
	return nil
}

// coListed returns the name of a believed actor that stands in the same
// list as mention i (separated only by commas, slashes or "and"), or "".
func (d *decider) coListed(i int) string {
	kind := d.ms[i].Entity.Kind
	same := func(j int) bool {
		k := d.ms[j].Entity.Kind
		return k == kind || (k == catalog.Actor || k == catalog.Campaign) && (kind == catalog.Actor || kind == catalog.Campaign)
	}
	for _, dir := range []int{-1, 1} {
		j := i
		for {
			next := j + dir
			if next < 0 || next >= len(d.ms) {
				break
			}
			lo, hi := d.ms[j].End, d.ms[next].Start
			if dir < 0 {
				lo, hi = d.ms[next].End, d.ms[j].Start
			}
			if lo > hi || !isListGap(d.a.Text[lo:hi]) || !same(next) {
				break
			}
			if d.ms[next].Accepted && d.ms[next].Entity != d.ms[i].Entity {
				return d.ms[next].Text
			}
			j = next
		}
	}
	return ""
}

// isListGap reports whether s only separates items of a list.
func isListGap(s string) bool {
	if len(s) > 12 {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,/;()\t", r) }) {
		if !listJoiners[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// otherAlias reports whether the entity of mention i is believed elsewhere in
// the text under a name that needed no context.
func (d *decider) otherAlias(i int) bool { return d.plainlyNamed(d.ms[i].Entity) }

// shouting reports whether most letters of the sentence are capitals (a
// headline in capitals says nothing about how a name is written).
func (d *decider) shouting(si int) bool {
	if si < 0 {
		return false
	}
	s := d.a.SentenceText(si)
	up, low := 0, 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			up++
		case r >= 'a' && r <= 'z':
			low++
		}
	}
	return up > low
}

// countryCase applies the spelling rules for country names and adjectives:
// names are capitalised in every language; adjectives are capitalised in
// English, lower case in the Romance languages and either in German and
// Dutch.
func countryCase(al catalog.Alias, text string) (bool, string) {
	first := []rune(text)[0]
	upper := strings.ToUpper(string(first)) == string(first)
	switch {
	case !al.Adjective && !upper:
		return false, fmt.Sprintf("country name %q not capitalised", text)
	case al.Adjective && al.Lang == "en" && !upper:
		return false, fmt.Sprintf("English adjective %q not capitalised", text)
	}
	return true, "country " + map[bool]string{true: "adjective", false: "name"}[al.Adjective]
}

// mergeAliasStatements folds names that the text gives as other names of an
// actor ("APT41, also known as Barium, Winnti or Wicked Panda") into that
// actor when the catalogue links the two entities. Unlinked names stay
// separate: the statement is a claim, not a merge.
func (d *decider) mergeAliasStatements() {
	ms := d.a.Mentions
	var chain []int
	flush := func(named bool) {
		if named && len(chain) > 1 {
			head := ms[chain[0]].Entity
			for _, j := range chain[1:] {
				if e := ms[j].Entity; e != head && catalog.Linked(head, e) {
					ms[j].Reason = fmt.Sprintf("given as another name of %s, which the catalogue links to %s", head.Name, e.Name)
					ms[j].Entity = head
					ms[j].Rule = "alias-statement"
				}
			}
		}
		chain = chain[:0]
	}
	named := false
	for i := range ms {
		m := ms[i]
		if !m.Accepted || m.Entity.Kind != catalog.Actor {
			continue
		}
		if len(chain) > 0 {
			prev := ms[chain[len(chain)-1]]
			gap := d.a.Text[prev.End:m.Start]
			switch {
			case prev.Sentence != m.Sentence || len(gap) > 60:
				flush(named)
				named = false
			case isListGap(gap):
			case namingIn(gap):
				named = true
			case gap == "/":
				named = true
			default:
				flush(named)
				named = false
			}
		}
		if len(chain) == 0 {
			// A naming phrase just before the list: "known as APT41 or Winnti".
			sent := d.a.Sentences[m.Sentence]
			from := max(sent.Start, m.Start-50)
			named = namingPhraseIn(d.a.Text[from:m.Start])
		}
		chain = append(chain, i)
	}
	flush(named)
}

// namingIn reports whether s holds a naming phrase ("also known as"), a
// parenthesis or a slash.
func namingIn(s string) bool { return namingPhraseIn(s) || strings.ContainsAny(s, "(/") }

// namingPhraseIn reports whether s holds a naming phrase.
func namingPhraseIn(s string) bool {
	ts := Tokenize(s)
	for j := range ts {
		if phraseAt(ts, j, namingCues) != nil {
			return true
		}
	}
	return false
}

// region returns the qualifier that makes a country name part of a region
// name ("North America", "América del Norte"), or "".
func (d *decider) region(c Candidate) string {
	if !strings.HasPrefix(strings.ToLower(namekey.Fold(c.Text)), "america") && !strings.HasPrefix(strings.ToLower(namekey.Fold(c.Text)), "amerique") {
		return ""
	}
	ts := d.a.Tokens
	first, last := tokenAt(ts, c.Start), tokenAt(ts, c.End-1)
	for _, j := range []int{first - 1, last + 1, last + 2} {
		if j >= 0 && j < len(ts) && regionQualifiers[ts[j].Fold] {
			return ts[j].Fold
		}
	}
	return ""
}

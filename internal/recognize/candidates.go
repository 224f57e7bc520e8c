// Package recognize finds catalogue entities, new actor names and country
// roles in article text, and decides, with evidence it can show, which
// mentions to believe.
package recognize

import (
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Recognizer holds the alias automaton for one catalogue. Build it once per
// process; it is safe for concurrent use.
type Recognizer struct {
	cat      *catalog.Catalog
	trie     *wordTrie
	patterns [][]catalog.AliasRef
}

// New compiles every catalogue name variant into one leftmost-longest
// automaton over name keys.
func New(cat *catalog.Catalog) *Recognizer {
	var keys []string
	r := &Recognizer{cat: cat}
	cat.Keys(func(key string, refs []catalog.AliasRef) {
		keys = append(keys, key)
		r.patterns = append(r.patterns, refs)
	})
	r.trie = newWordTrie(keys)
	return r
}

// Catalog returns the catalogue the recognizer was built from.
func (r *Recognizer) Catalog() *catalog.Catalog { return r.cat }

// Candidate is a span of text that names one or more catalogue entities.
type Candidate struct {
	Start, End int
	Text       string
	Refs       []catalog.AliasRef
	Rule       string // alias, near-miss, list
}

// Candidates returns every catalogue name in text, on word boundaries, in
// order and without overlaps (the longest name wins).
func (r *Recognizer) Candidates(text string) []Candidate {
	s := namekey.NewStream(text)
	var out []Candidate
	r.trie.find(s.Key, s.Words, func(p, first, last int) {
		start, end := int(s.Words[first].TextStart), int(s.Words[last].TextEnd)
		out = append(out, Candidate{Start: start, End: end, Text: text[start:end], Refs: r.patterns[p], Rule: "alias"})
	})
	return r.addNearMisses(text, out)
}

// codeLike finds names such as "UNSC 2814" or "TA-505" that may be a
// misspelt code name: 2 to 6 ASCII letters, an optional space or hyphen,
// 3 to 5 digits, on word boundaries. A byte scan: a regexp here cost more
// than the whole automaton.
func codeLike(text string) [][2]int {
	var out [][2]int
	isLetter := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isDigit(text[i-1]) {
			continue
		}
		d := i
		for d < len(text) && isDigit(text[d]) {
			d++
		}
		if n := d - i; n < 3 || n > 5 || d < len(text) && (isLetter(text[d]) || text[d] >= 0x80) {
			continue
		}
		l := i
		if l > 0 && (text[l-1] == ' ' || text[l-1] == '-') {
			l--
		}
		s := l
		for s > 0 && isLetter(text[s-1]) {
			s--
		}
		if n := l - s; n < 2 || n > 6 || s > 0 && (isDigit(text[s-1]) || text[s-1] >= 0x80 || text[s-1] == '_') {
			continue
		}
		out = append(out, [2]int{s, d})
	}
	return out
}

// addNearMisses resolves code-like names that the automaton did not find
// through the catalogue's one-letter near-miss rule.
func (r *Recognizer) addNearMisses(text string, cands []Candidate) []Candidate {
	locs := codeLike(text)
	if len(locs) == 0 {
		return cands
	}
	// cands are sorted and do not overlap, so their ends are sorted too;
	// near misses are appended after the first n and sorted at the end.
	n := len(cands)
	covered := func(s, e int) bool {
		i := sort.Search(n, func(i int) bool { return cands[i].End > s })
		return i < n && cands[i].Start < e
	}
	added := false
	for _, l := range locs {
		if covered(l[0], l[1]) {
			continue
		}
		ref, ok := r.cat.NearMiss(text[l[0]:l[1]], catalog.Actor)
		if !ok {
			continue
		}
		cands = append(cands, Candidate{Start: l[0], End: l[1], Text: text[l[0]:l[1]], Refs: []catalog.AliasRef{ref}, Rule: "near-miss"})
		added = true
	}
	if added {
		sortCandidates(cands)
	}
	return cands
}

func sortCandidates(cs []Candidate) {
	// insertion sort: few out-of-order items
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Start < cs[j-1].Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// isAllUpper reports whether s has letters and all of them are upper case.
func isAllUpper(s string) bool {
	has := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			has = true
		} else if r > 127 && strings.ToUpper(string(r)) != string(r) {
			return false
		}
	}
	return has
}

// isAllLower reports whether s has no upper-case letters.
func isAllLower(s string) bool { return strings.ToLower(s) == s }

package claims

import (
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/recognize"
)

// Word lists are written as people write the words (accents, apostrophes,
// hyphens) and folded here with the recognizer's own tokenizer, so that a
// list entry and a word of the text always compare in the same form.

// wordSet is a set of folded single words.
type wordSet map[string]bool

// words builds a wordSet from whitespace-separated words. An entry that the
// tokenizer splits ("s'oppose") is kept by its last part, which is the
// content word.
func words(s string) wordSet {
	m := wordSet{}
	for _, w := range strings.Fields(s) {
		ts := recognize.Tokenize(w)
		if len(ts) > 0 {
			m[ts[len(ts)-1].Fold] = true
		}
	}
	return m
}

// phraseSet holds multi-word phrases, matched token by token.
type phraseSet struct {
	byFirst map[string][][]string // longest first
}

// phrases builds a phraseSet from lines of '|'-separated phrases.
func phrases(s string) *phraseSet {
	p := &phraseSet{byFirst: map[string][][]string{}}
	for _, line := range strings.Split(s, "\n") {
		for _, ph := range strings.Split(line, "|") {
			ts := recognize.Tokenize(ph)
			if len(ts) == 0 {
				continue
			}
			ws := make([]string, len(ts))
			for i, t := range ts {
				ws[i] = t.Fold
			}
			p.byFirst[ws[0]] = append(p.byFirst[ws[0]], ws)
		}
	}
	for _, l := range p.byFirst {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return p
}

// at returns the length in tokens of the longest phrase starting at token j
// and ending before token hi, or 0.
func (p *phraseSet) at(ts []recognize.Token, j, hi int) int {
	if j >= hi {
		return 0
	}
next:
	for _, ws := range p.byFirst[ts[j].Fold] {
		if j+len(ws) > hi {
			continue
		}
		for k := 1; k < len(ws); k++ {
			if ts[j+k].Fold != ws[k] {
				continue next
			}
		}
		return len(ws)
	}
	return 0
}

// cueSet is a word list (and maybe a phrase list) that sentences are
// tested against. Every cue set owns one bit; newDoc ORs the bits of a
// sentence's words once, so that asking whether a sentence holds a cue
// costs nothing when it does not, which is most of the time.
type cueSet struct {
	words   wordSet
	phrases *phraseSet
	bit     uint64 // set by a word of words
	pbit    uint64 // set by the first word of a phrase, to be checked
}

var (
	cueBits  = map[string]uint64{} // folded word -> bits of the sets it is in or starts a phrase of
	cueCount uint
)

func newCue(w wordSet, p *phraseSet) *cueSet {
	c := &cueSet{words: w, phrases: p, bit: 1 << cueCount, pbit: 1 << (cueCount + 1)}
	cueCount += 2
	for k := range w {
		cueBits[k] |= c.bit
	}
	if p != nil {
		for k := range p.byFirst {
			cueBits[k] |= c.pbit
		}
	}
	return c
}

// months maps folded month names and abbreviations in the six languages to
// their number.
var months = func() map[string]int {
	m := map[string]int{}
	for i, line := range []string{
		"january jan gennaio janvier januar jänner enero januari",
		"february feb febbraio fevrier février februar febrero februari",
		"march mar marzo mars märz maerz maart",
		"april apr aprile avril abril",
		"may maggio mai mayo mei",
		"june jun giugno juin juni junio",
		"july jul luglio juillet juli julio",
		"august aug agosto aout août",
		"september sep sept settembre septembre septiembre setiembre",
		"october oct ottobre octobre oktober octubre",
		"november nov novembre noviembre",
		"december dec dicembre decembre décembre dezember diciembre",
	} {
		for w := range words(line) {
			m[w] = i + 1
		}
	}
	return m
}()

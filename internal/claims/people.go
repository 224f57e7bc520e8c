package claims

import (
	"sort"
)

// People with a title, and words that point back to a party named before.

// persons finds people named after a title: "Deputy Attorney General
// Jeffrey Rosen", "Foreign Secretary Dominic Raab".
func (d *doc) persons(si int, ps []party) []party {
	s := &d.sents[si]
	var out []party
	for j := s.lo; j < s.hi; j++ {
		n := titlePhrases.at(d.ts, j, s.hi)
		if n == 0 || inParty(ps, j) {
			continue
		}
		k := j + n
		for k < s.hi && k < j+n+3 && isCapitalised(d.surface(k)) && len(d.ts[k].Fold) > 1 && d.orgAt(k, s.hi) == nil && !d.mentionAt(k) {
			k++
		}
		if k == j+n {
			continue
		}
		out = append(out, party{Party: Party{Kind: KindPerson, Name: d.text[d.ts[j].Start:d.ts[k-1].End]},
			start: d.ts[j].Start, end: d.ts[k-1].End, first: j, last: k - 1})
		j = k - 1
	}
	return out
}

// mentionAt reports whether token j lies in a believed mention.
func (d *doc) mentionAt(j int) bool {
	t := d.ts[j]
	ms := d.a.Mentions
	// Mentions are sorted by start and do not overlap.
	i := sort.Search(len(ms), func(i int) bool { return ms[i].End > t.Start })
	return i < len(ms) && ms[i].Accepted && ms[i].Start <= t.Start && t.End <= ms[i].End
}

// refParties finds words that point back to a party named earlier: "they
// found", "the agencies said", "the advisory said", "il comunicato".
func (d *doc) refParties(si int, ps []party) []party {
	s := &d.sents[si]
	var out []party
	for j := s.lo; j < s.hi; j++ {
		w := d.ts[j].Fold
		if !pronounParties[w] && !statementNouns[w] || inParty(ps, j) {
			continue
		}
		ok := false
		switch w {
		case "they", "ils", "elles", "sie", "ellos", "zij", "loro":
			// A pronoun counts as a speaker only before a claim verb.
			for k := j + 1; k <= j+3 && k < s.hi; k++ {
				if reportCues[d.ts[k].Fold] || strongCues[d.ts[k].Fold] || speechVerbs[d.ts[k].Fold] {
					ok = true
				}
			}
		default:
			// "the advisory said", "officials believed", "Ha affermato il
			// ministro": a determiner before, and a claim verb near, so
			// that "soutenues par le gouvernement" points at nobody.
			det := false
			for k := j - 1; k >= j-3 && k >= s.lo; k-- {
				if articleWords[d.ts[k].Fold] || corefDeterminers[d.ts[k].Fold] {
					det = true
					break
				}
				if isCapitalised(d.surface(k)) {
					break
				}
			}
			ok = det && d.speechNear(si, j)
		}
		if ok {
			out = append(out, party{Party: Party{Kind: KindUnknown, Name: d.surface(j)}, start: d.ts[j].Start, end: d.ts[j].End, first: j, last: j, ref: true})
		}
	}
	return out
}

// speechNear reports whether a claim or speech verb stands within four
// words of token j.
func (d *doc) speechNear(si, j int) bool {
	s := &d.sents[si]
	for k := max(s.lo, j-4); k < s.hi && k <= j+4; k++ {
		if k != j && d.tokIs(k, cueReport.bit|cueSpeech.bit|cueStrong.bit) {
			return true
		}
	}
	return false
}

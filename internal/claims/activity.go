package claims

import (
	"fmt"
	"strconv"
)

// activity reads "active at least since 2012", "attivo almeno dal 2012",
// "actif depuis 2012", "aktiv seit mindestens 2012", "activo desde 2012",
// "actief sinds 2012": the actor's activity start, as Date.
func (d *doc) activity(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || !d.any(si, cueSince) {
		return
	}
	for j := s.lo; j < s.hi; j++ {
		if !activeWords[d.ts[j].Fold] {
			continue
		}
		for k := j + 1; k < s.hi && k <= j+5; k++ {
			if !sinceWords[d.ts[k].Fold] {
				continue
			}
			date, _ := d.dateAt(si, k+1, 5)
			if date == "" {
				break
			}
			for _, a := range s.subjects {
				d.emit(si, Claim{Type: Activity, Subject: a.p, Date: date})
			}
			return
		}
	}
	// "since at least 2012 ... has been active": the date before the word.
	for j := s.lo; j < s.hi; j++ {
		if !sinceWords[d.ts[j].Fold] {
			continue
		}
		date, end := d.dateAt(si, j+1, 4)
		if date == "" {
			continue
		}
		for k := max(s.lo, j-3); k < s.hi && k <= end+3; k++ {
			if activeWords[d.ts[k].Fold] {
				for _, a := range s.subjects {
					d.emit(si, Claim{Type: Activity, Subject: a.p, Date: date})
				}
				return
			}
		}
	}
}

// firstReported reads "first reported by Microsoft in December 2019" and
// its translations: Date is when, Attributor who, when the text says.
func (d *doc) firstReported(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || !d.any(si, cueFirst) {
		return
	}
	for j := s.lo; j < s.hi; j++ {
		n := firstPhrases.at(d.ts, j, s.hi)
		if n == 0 {
			continue
		}
		verb := -1
		for k := max(s.lo, j-3); k < s.hi && k <= j+n+2; k++ {
			if firstVerbs[d.ts[k].Fold] {
				verb = k
				break
			}
		}
		if verb < 0 {
			continue
		}
		from := max(verb, j+n-1) + 1
		var by *Party
		for _, p := range s.parties {
			if p.first >= from && p.first <= from+3 && agentPreps[d.tok(si, p.first-1)] || p.first >= from && p.first <= from+4 && agentPreps[d.tok(si, p.first-2)] {
				pp := p.Party
				by = &pp
				break
			}
		}
		date := ""
		for k := from; k < s.hi && k <= from+8; k++ {
			if dt, _ := d.dateAt(si, k, 1); dt != "" {
				date = dt
				break
			}
		}
		if by == nil && date == "" {
			continue
		}
		for _, a := range s.subjects {
			d.emit(si, Claim{Type: FirstReported, Subject: a.p, Attributor: by, Date: date})
		}
		return
	}
}

// dateAt reads a date starting within n tokens of token j in sentence si:
// "December 2019", "dicembre 2019", "décembre de 2019", "2012", "March
// 2021". It returns "YYYY-MM" or "YYYY", and the index of its last token.
func (d *doc) dateAt(si, j, n int) (string, int) {
	s := &d.sents[si]
	for k := j; k < s.hi && k < j+n; k++ {
		w := d.ts[k].Fold
		if mo, ok := months[w]; ok {
			y := k + 1
			for y < s.hi && y <= k+3 && (isDigits(d.ts[y].Fold) && len(d.ts[y].Fold) <= 2 || d.ts[y].Fold == "de" || d.ts[y].Fold == "del" || d.ts[y].Fold == "of") {
				y++ // "March 2, 2021", "diciembre de 2019"
			}
			if y < s.hi {
				if yr, ok := year(d.ts[y].Fold); ok {
					return fmt.Sprintf("%04d-%02d", yr, mo), y
				}
			}
			continue
		}
		if yr, ok := year(w); ok {
			return strconv.Itoa(yr), k
		}
	}
	return "", -1
}

// year parses a four-digit year of the kind news writes about attacks.
func year(w string) (int, bool) {
	if len(w) != 4 || !isDigits(w) {
		return 0, false
	}
	y, _ := strconv.Atoi(w)
	return y, y >= 1980 && y <= 2099
}

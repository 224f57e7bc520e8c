package ioc

import (
	"strings"
	"unicode/utf8"
)

// cve matches a CVE id at i: "CVE", a separator, a four-digit year, a dash
// and four to seven digits. Articles write it in any case, with a space
// ("CVE 2021-26855"), a non-breaking space, or a typographic dash
// ("CVE‑2021‑26855" after a word processor), so the separators accept
// those; the value is always "CVE-YYYY-NNNN".
func (s *scanner) cve(i int) (int, bool) {
	t := s.text
	if i+3 > len(t) || !strings.EqualFold(t[i:i+3], "cve") {
		return 0, false
	}
	p, _ := cveSep(t, i+3)
	y := p
	for p < len(t) && p-y < 5 && isDigit(t[p]) {
		p++
	}
	if p-y != 4 || t[y:y+2] != "19" && t[y:y+2] != "20" || t[y:y+4] < "1999" {
		return 0, false
	}
	year := t[y:p]
	p, dash := cveSep(t, p)
	if !dash {
		return 0, false
	}
	d := p
	for p < len(t) && isDigit(t[p]) {
		p++
	}
	if p-d < 4 || p-d > 7 || wordAfter(t, p) {
		return 0, false
	}
	s.emit(CVE, i, p, "CVE-"+year+"-"+t[d:p], false)
	return p, true
}

// cveSep skips an optional space, an optional dash and an optional space,
// reporting whether there was a dash.
func cveSep(t string, p int) (int, bool) {
	p += spaceLen(t, p)
	n := dashLen(t, p)
	if n > 0 {
		p += n
		p += spaceLen(t, p)
	}
	return p, n > 0
}

// spaceLen is the length of a space or a no-break space at p, or 0.
func spaceLen(t string, p int) int {
	if p >= len(t) {
		return 0
	}
	if t[p] == ' ' {
		return 1
	}
	if t[p] < utf8.RuneSelf {
		return 0
	}
	switch r, n := utf8.DecodeRuneInString(t[p:]); r {
	case '\u00a0', '\u202f', '\u2009':
		return n
	}
	return 0
}

// dashLen is the length of a hyphen or any Unicode dash at p, or 0.
func dashLen(t string, p int) int {
	if p >= len(t) {
		return 0
	}
	if t[p] == '-' {
		return 1
	}
	if t[p] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(t[p:])
	if '\u2010' <= r && r <= '\u2015' || r == '\u2212' || r == '\ufe63' || r == '\uff0d' {
		return n
	}
	return 0
}

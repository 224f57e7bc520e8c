package story

import (
	"strings"
	"time"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Many articles carry no publication date, yet their text says when the
// event happened: a dateline ("Feb 24, 2022 | CYBERSCOOP", "19 Luglio 2022
// 20:37") or past dates ("in December 2019"). (A page that gives only its
// month says so in extract.Result.Month.) textDates reads them in English, Italian, French, German,
// Spanish, Dutch (and Slovenian months, which cost nothing).
//
// The text is read by hand-written scanners rather than regular
// expressions: every article goes through them, and the scanners cost a
// few microseconds where the expressions cost milliseconds. Each scanner
// follows one expression exactly (regexp_spec_test.go keeps them and checks
// the scanners against them):
//
//	ISO     \b((?:19|20)\d\d)-(\d\d)-(\d\d)\b
//	DMY     \b(\d{1,2})(?:st|nd|rd|th|er|o|\.)?\s+(?:de\s+)?MONTH\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\b
//	        19 July 2021, 19th July, 2021, 16. Juli 2020, 16 de julio de 2020
//	MDY     MONTH\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b
//	        July 19, 2021, Feb. 24 2022 (no \b before: "todayJuly 5, 2021")
//	Num     \b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b
//	        19/07/2021, 19.07.2021
//	MY      \bMONTH\.?,?\s+(?:de\s+|del\s+|of\s+)?((?:19|20)\d\d)\b
//	        in December 2019, marzo 2021, janvier de 2020
//
// where MONTH is any name of monthNames, \s is [\t\n\f\r ] and \b an ASCII
// word boundary, as in package regexp.

// monthNames maps folded month names and abbreviations to month numbers.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range []string{
		"january jan gennaio janvier januar enero januari janvier gen",
		"february feb febbraio fevrier februar febrero februari",
		"march mar marzo mars marz maerz maart marec",
		"april apr aprile avril abril",
		"may maggio mai mayo mei maj",
		"june jun giugno juin juni junio junij",
		"july jul luglio juillet juli julio julij",
		"august aug agosto aout augustus avgust",
		"september sep sept settembre septembre septiembre setiembre",
		"october oct ottobre octobre oktober octubre",
		"november nov novembre noviembre",
		"december dec dicembre decembre dezember diciembre",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

// Shortest and longest month names, to bound the look-ups.
const minMonthLen, maxMonthLen = 3, 10

// Kinds of date expressions, in the order their hits are listed.
const (
	dISO = iota
	dDMY
	dMDY
	dNum
	dMY
	dKinds
)

// dateMatch is one date expression found in folded text: [at, end) and
// the numbers it gives. For dNum, d and mo are the first and second
// numbers as written; the caller decides which is the day.
type dateMatch struct {
	kind      uint8
	at, end   int
	y, mo, d  int
	hasDay    bool
	monthOnly bool
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// isWord is regexp's \w: an ASCII letter, digit or underscore.
func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// wordEndsAt says whether \b holds between s[i-1] and s[i], for an
// s[i-1] known to be a word character.
func wordEndsAt(s string, i int) bool { return i >= len(s) || !isWord(s[i]) }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func lowerEnd(s string, i int) int {
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return i
}

// num reads the decimal number s[i:j] (at most a few digits).
func num(s string, i, j int) int {
	n := 0
	for ; i < j; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// yearAt reads ((?:19|20)\d\d)\b at i, returning the year and its end.
func yearAt(s string, i int) (int, int, bool) {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') ||
		!isDigit(s[i+2]) || !isDigit(s[i+3]) || !wordEndsAt(s, i+4) {
		return 0, 0, false
	}
	return num(s, i, i+4), i + 4, true
}

// monthAt reads a month name that is the whole run of lower-case letters
// s[i:j] and is followed by what may follow a month in the expressions.
func monthAt(s string, i, j int) time.Month {
	if j-i < minMonthLen || j-i > maxMonthLen || j >= len(s) || !(s[j] == '.' || s[j] == ',' || isSpace(s[j])) {
		return 0
	}
	return monthNames[s[i:j]]
}

// scanDates returns the date expressions of folded text, in the order of
// their starts. Like regexp's FindAll, the matches of one kind do not
// overlap; matches of different kinds may.
func scanDates(s string, out []dateMatch) []dateMatch {
	return scanDateKinds(s, 1<<dKinds-1, out)
}

// Kinds that start with a digit, and with a month name.
const (
	digitKinds  = 1<<dISO | 1<<dDMY | 1<<dNum
	letterKinds = 1<<dMDY | 1<<dMY
)

// scanDateKinds is scanDates for the kinds whose bits (1<<dISO...) are set.
func scanDateKinds(s string, kinds uint8, out []dateMatch) []dateMatch {
	var next [dKinds]int // where each kind may match again
	add := func(m dateMatch) {
		if m.at >= next[m.kind] {
			out = append(out, m)
			next[m.kind] = m.end
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			j := digitsEnd(s, i)
			if kinds&digitKinds != 0 && (i == 0 || !isWord(s[i-1])) {
				switch j - i {
				case 4:
					if kinds&(1<<dISO) != 0 {
						if m, ok := isoAt(s, i); ok {
							add(m)
						}
					}
				case 1, 2:
					if kinds&(1<<dDMY) != 0 {
						if m, ok := dmyAt(s, i, j); ok {
							add(m)
						}
					}
					if kinds&(1<<dNum) != 0 {
						if m, ok := numDateAt(s, i, j); ok {
							add(m)
						}
					}
				}
			}
			i = j
		case c >= 'a' && c <= 'z':
			j := lowerEnd(s, i)
			if kinds&letterKinds != 0 && j < len(s) && (s[j] == '.' || s[j] == ',' || isSpace(s[j])) && j-i >= minMonthLen {
				if kinds&(1<<dMY) != 0 && (i == 0 || !isWord(s[i-1])) {
					if m, ok := myAt(s, i, j); ok {
						add(m)
					}
				}
				if kinds&(1<<dMDY) != 0 {
					if m, ok := mdyAt(s, i, j); ok {
						add(m)
					}
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// isoAt reads ISO at i, the start of a run of four digits.
func isoAt(s string, i int) (dateMatch, bool) {
	y, k, ok := yearAt(s, i)
	if !ok || k+6 > len(s) || s[k] != '-' || !isDigit(s[k+1]) || !isDigit(s[k+2]) ||
		s[k+3] != '-' || !isDigit(s[k+4]) || !isDigit(s[k+5]) || !wordEndsAt(s, k+6) {
		return dateMatch{}, false
	}
	return dateMatch{kind: dISO, at: i, end: k + 6, y: y, mo: num(s, k+1, k+3), d: num(s, k+4, k+6), hasDay: true}, true
}

// dmyAt reads DMY at i, the start of the run of one or two digits s[i:j].
func dmyAt(s string, i, j int) (dateMatch, bool) {
	k := j
	if k < len(s) {
		switch {
		case s[k] == '.' || s[k] == 'o':
			k++
		case k+1 < len(s) && (s[k:k+2] == "st" || s[k:k+2] == "nd" || s[k:k+2] == "rd" || s[k:k+2] == "th" || s[k:k+2] == "er"):
			k += 2
		}
	}
	if k2 := skipSpace(s, k); k2 == k {
		return dateMatch{}, false
	} else {
		k = k2
	}
	if k+2 < len(s) && s[k] == 'd' && s[k+1] == 'e' && isSpace(s[k+2]) {
		k = skipSpace(s, k+2)
	}
	me := lowerEnd(s, k)
	mo := monthAt(s, k, me)
	if mo == 0 {
		return dateMatch{}, false
	}
	y, end, ok := afterMonth(s, me, true)
	if !ok {
		return dateMatch{}, false
	}
	return dateMatch{kind: dDMY, at: i, end: end, y: y, mo: int(mo), d: num(s, i, j), hasDay: true}, true
}

// afterMonth reads \.?,?\s+(?:de\s+|del\s+)?YEAR after a month ending at
// k, and also "of" before the year unless dmy is set (MY allows it).
func afterMonth(s string, k int, dmy bool) (int, int, bool) {
	if k < len(s) && s[k] == '.' {
		k++
	}
	if k < len(s) && s[k] == ',' {
		k++
	}
	k2 := skipSpace(s, k)
	if k2 == k {
		return 0, 0, false
	}
	k = k2
	if k+2 < len(s) && (s[k] == 'd' && s[k+1] == 'e' || !dmy && s[k] == 'o' && s[k+1] == 'f') && isSpace(s[k+2]) {
		k = skipSpace(s, k+2)
	} else if k+3 < len(s) && s[k] == 'd' && s[k+1] == 'e' && s[k+2] == 'l' && isSpace(s[k+3]) {
		k = skipSpace(s, k+3)
	}
	return yearAt(s, k)
}

// numDateAt reads Num at i, the start of the run of one or two digits s[i:j].
func numDateAt(s string, i, j int) (dateMatch, bool) {
	k := j
	if k >= len(s) || s[k] != '/' && s[k] != '.' {
		return dateMatch{}, false
	}
	k2 := digitsEnd(s, k+1)
	if n := k2 - k - 1; n < 1 || n > 2 || k2 >= len(s) || s[k2] != '/' && s[k2] != '.' {
		return dateMatch{}, false
	}
	y, end, ok := yearAt(s, k2+1)
	if !ok {
		return dateMatch{}, false
	}
	return dateMatch{kind: dNum, at: i, end: end, y: y, d: num(s, i, j), mo: num(s, k+1, k2), hasDay: true}, true
}

// myAt reads MY at i, the start of the run of lower-case letters s[i:j],
// preceded by a word boundary.
func myAt(s string, i, j int) (dateMatch, bool) {
	// What follows first: most words are not months.
	y, end, ok := afterMonth(s, j, false)
	if !ok {
		return dateMatch{}, false
	}
	mo := monthAt(s, i, j)
	if mo == 0 {
		return dateMatch{}, false
	}
	return dateMatch{kind: dMY, at: i, end: end, y: y, mo: int(mo), d: 1, monthOnly: true}, true
}

// mdyAt reads MDY in the run of lower-case letters s[i:j]: the month is
// its longest tail that is a month name, as MDY has no \b before it.
func mdyAt(s string, i, j int) (dateMatch, bool) {
	if j >= len(s) || s[j] != '.' && !isSpace(s[j]) {
		return dateMatch{}, false
	}
	// Cheap test of what follows first: most words are not months.
	k := j
	if s[k] == '.' {
		k++
	}
	k2 := skipSpace(s, k)
	if k2 == k || k2 >= len(s) || !isDigit(s[k2]) {
		return dateMatch{}, false
	}
	k = k2
	de := digitsEnd(s, k)
	if de-k > 2 {
		return dateMatch{}, false
	}
	day := num(s, k, de)
	k = de
	if k+1 < len(s) && (s[k:k+2] == "st" || s[k:k+2] == "nd" || s[k:k+2] == "rd" || s[k:k+2] == "th") {
		k += 2
	}
	if k < len(s) && s[k] == ',' {
		k++
	}
	k2 = skipSpace(s, k)
	if k2 == k {
		return dateMatch{}, false
	}
	y, end, ok := yearAt(s, k2)
	if !ok {
		return dateMatch{}, false
	}
	for start := max(i, j-maxMonthLen); j-start >= minMonthLen; start++ {
		if mo := monthNames[s[start:j]]; mo != 0 {
			return dateMatch{kind: dMDY, at: start, end: end, y: y, mo: int(mo), d: day, hasDay: true}, true
		}
	}
	return dateMatch{}, false
}

// textDates returns the event date range an undated article gives (from,
// to; zero when it gives none) and the latest date it mentions (after),
// a lower bound on when it was written.
func textDates(text, lang string) (from, to, after time.Time) {
	fold := namekey.Fold(text)
	return datesOf(lang, scanDates(fold, nil))
}

// datesOf is textDates over the date expressions scanDates found in the
// folded text.
func datesOf(lang string, ms []dateMatch) (from, to, after time.Time) {
	first, firstAt := time.Time{}, -1
	for _, m := range ms {
		y, mo, d := m.y, m.mo, m.d
		if m.kind == dNum {
			a, b := m.d, m.mo
			d, mo = a, b // day first, as in all our languages but English
			if lang == "en" {
				d, mo = b, a
			}
			if d <= 12 && mo <= 12 && d != mo && lang == "en" {
				continue // 05/07/2021: ambiguous in English pages
			}
			if mo > 12 {
				d, mo = mo, d
			}
		}
		if !valid(y, mo, d) {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.After(after) {
			after = t
		}
		// A full date near the top is a dateline or byline: the day of
		// publication, which is close to the event's.
		if m.hasDay && m.at < datelineBytes && (firstAt < 0 || m.at < firstAt) {
			first, firstAt = t, m.at
		}
	}
	if from.IsZero() && firstAt >= 0 {
		from, to = first, first
	}
	return from, to, after
}

// datelineBytes is how far from the top a date is read as the dateline.
const datelineBytes = 400

func valid(y, mo, d int) bool {
	return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31
}

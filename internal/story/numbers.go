package story

import (
	"strconv"
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Amounts and counts tie reports of one event together across languages:
// "$70M", "70 millones de dólares" and "70 Millionen US-Dollar" are one
// ransom; "800 stores" and "800 Filialen" one count. numbers returns them
// normalised ("70000000", "800"). Years, dates, times, versions and
// numbers below 20 are left out: they say nothing of the event.
//
// An amount is read by hand (see dates.go for why) as the expression
//
//	(^|[^0-9.,:/\-a-z])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(MAGNITUDE)\b)?
//
// would read it: a number with an optional magnitude word ("70 million",
// "1,500", "1.500", "3,5 Mio", "70M"), magnitudes in our six languages.

var magnitudes = map[string]float64{
	"k": 1e3, "thousand": 1e3, "mila": 1e3, "mille": 1e3, "tausend": 1e3, "mil": 1e3, "duizend": 1e3,
	"m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6, "milioni": 1e6, "milione": 1e6,
	"millionen": 1e6, "million.": 1e6, "millones": 1e6, "millon": 1e6, "miljoen": 1e6,
	"b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "miliardi": 1e9, "miliardo": 1e9, "milliards": 1e9,
	"milliard": 1e9, "milliarden": 1e9, "milliarde": 1e9, "miljard": 1e9, "mrd": 1e9,
}

// maxMagnitudeLen is the length of the longest magnitude word.
var maxMagnitudeLen = func() int {
	n := 0
	for m := range magnitudes {
		n = max(n, len(m))
	}
	return n
}()

func numbers(text string) []string {
	fold := namekey.Fold(text)
	return numbersOf(fold, scanDates(fold, nil))
}

// numbersOf is numbers over folded text and the date expressions
// scanDates found in it.
func numbersOf(fold string, dates []dateMatch) []string {
	s := blankDates(fold, dates)
	var out []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if i > 0 && notBeforeAmount(s[i-1]) {
			i++
			continue
		}
		start, end, magStart, magEnd := amountAt(s, i)
		i = max(end, magEnd)
		// Part of a longer run (a phone number, a time, a version): skip.
		if end < len(s) && (s[end] == ':' || s[end] == '/' || s[end] == '-' ||
			end+1 < len(s) && (s[end] == '.' || s[end] == ',') && isDigit(s[end+1])) {
			continue
		}
		// A run of numbers split by spaces is a phone number or a table.
		if end+1 < len(s) && s[end] == ' ' && isDigit(s[end+1]) ||
			start >= 2 && s[start-1] == ' ' && isDigit(s[start-2]) {
			continue
		}
		v, ok := parseNumber(s[start:end])
		if !ok {
			continue
		}
		if magStart < 0 && end < len(s) && isLetter(s[end]) {
			continue // "24th", "5G", "88a"
		}
		if magStart >= 0 {
			v *= magnitudes[s[magStart:magEnd]]
		} else if v < 20 || v != float64(int64(v)) || v >= 1900 && v <= 2100 {
			continue
		}
		if v < 20 {
			continue
		}
		out = append(out, strconv.FormatInt(int64(v+0.5), 10))
	}
	return out
}

// blankDates blanks the date expressions of folded text: their days are
// not counts. As the expressions did, it blanks each kind of date in turn
// (ISO, DMY, MDY, Num, MY), each read in the text the kinds before left.
func blankDates(fold string, dates []dateMatch) string {
	if len(dates) == 0 {
		return fold // no date, and blanking makes none
	}
	var b []byte
	s := fold
	var ms []dateMatch
	for k := uint8(0); k < dKinds; k++ {
		if b == nil {
			// Nothing blanked yet: the text is the one dates were read in.
			ms = ms[:0]
			for _, m := range dates {
				if m.kind == k {
					ms = append(ms, m)
				}
			}
		} else {
			ms = scanDateKinds(s, 1<<k, ms[:0])
		}
		if len(ms) == 0 {
			continue
		}
		if b == nil {
			b = []byte(fold)
		}
		for _, m := range ms {
			blank(b[m.at:m.end])
		}
		s = string(b)
	}
	return s
}

func blank(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}

// notBeforeAmount says whether c may not precede an amount: [0-9.,:/\-a-z].
func notBeforeAmount(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '.' || c == ',' || c == ':' || c == '/' || c == '-'
}

// amountAt reads the number at i and the magnitude word after it, if any
// (magStart, magEnd are -1 then).
func amountAt(s string, i int) (start, end, magStart, magEnd int) {
	start, magStart, magEnd = i, -1, -1
	j := digitsEnd(s, i)
	end = j
	// \d{1,3}(?:[.,]\d{3})+ first: thousands.
	if j-i <= 3 {
		k := j
		for k+4 <= len(s) && (s[k] == '.' || s[k] == ',') && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) {
			k += 4
		}
		end = k
	}
	// Else \d+(?:[.,]\d+)?.
	if end == j && j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		end = digitsEnd(s, j+1)
	}
	k := skipSpace(s, end)
	if k >= len(s) {
		return
	}
	switch s[k] {
	case 'k', 'm', 'b', 't', 'd':
	default:
		return
	}
	for n := min(maxMagnitudeLen, len(s)-k); n >= 1; n-- {
		if _, ok := magnitudes[s[k:k+n]]; ok && wordBoundary(s, k+n) {
			return start, end, k, k + n
		}
	}
	return
}

// wordBoundary is regexp's \b at i.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWord(s[i-1])
	after := i < len(s) && isWord(s[i])
	return before != after
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }

// parseNumber reads "1,500", "1.500" (thousands) and "3,5", "1.5"
// (decimals).
func parseNumber(s string) (float64, bool) {
	if len(s) > 4 && strings.ContainsAny(s, ".,") {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '.' })
		thousands := len(parts) > 1
		for _, p := range parts[1:] {
			if len(p) != 3 {
				thousands = false
			}
		}
		if thousands {
			s = strings.Join(parts, "")
		}
	}
	s = strings.Replace(s, ",", ".", 1)
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

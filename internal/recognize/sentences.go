package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range of the text.
type Span struct{ Start, End int }

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"u.s": true, "u.k": true, "e.g": true, "i.e": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "vs": true, "st": true, "no": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "gen": true, "col": true, "sen": true, "rep": true, "gov": true,
	"prof": true, "sig": true, "dott": true, "ing": true, "avv": true, "mme": true, "mlle": true, "sr": true,
	"sra": true, "dres": true, "nr": true, "bzw": true, "ca": true, "z.b": true, "d.h": true, "u.a": true,
	"fig": true, "al": true, "etc": false, "approx": true, "ee.uu": true, "eeuu": true,
}

// Sentences splits text into sentences: at line breaks, and after . ! ? or
// an ellipsis followed by space and a capital letter, digit or quote, except
// after common abbreviations and single initials.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if s < e {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			emit(i)
			i++
			continue
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) {
				if text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' || text[j] == '\'' || text[j] == ')' {
					j++
					continue
				}
				// closing quotes: ” ’ »
				if q, size := utf8.DecodeRuneInString(text[j:]); q == '”' || q == '’' || q == '»' {
					j += size
					continue
				}
				break
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\t') && c == '.' && isAbbreviation(text, i) {
				i = j
				continue
			}
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k > j && k < len(text) && startsSentence(text[k:]) {
				emit(j)
				i = k
				continue
			}
			i = j
			continue
		}
		i++
	}
	emit(len(text))
	return out
}

func isAbbreviation(text string, dot int) bool {
	s := dot
	for s > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		s -= size
	}
	w := strings.ToLower(text[s:dot])
	if utf8.RuneCountInString(w) == 1 {
		return true // an initial: "J. Smith"
	}
	return abbreviations[w]
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«¿¡(", r)
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\n' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\n' || text[e-1] == '\r') {
		e--
	}
	return s, e
}

// sentenceIndex finds the sentence holding offset off.
func sentenceIndex(ss []Span, off int) int {
	lo, hi := 0, len(ss)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case off < ss[m].Start:
			hi = m - 1
		case off >= ss[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	if lo >= len(ss) {
		return len(ss) - 1
	}
	return lo
}

package recognize

import (
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Token is one word of the text: a run of letters and digits.
type Token struct {
	Start, End int
	Fold       string // lower case, no diacritics
}

// Tokenize splits text into words with their offsets.
func Tokenize(text string) []Token {
	var out []Token
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if namekey.IsWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, Token{start, i, namekey.Fold(text[start:i])})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Token{start, len(text), namekey.Fold(text[start:])})
	}
	return out
}

// tokenAt returns the index of the first token that ends after off.
func tokenAt(ts []Token, off int) int {
	lo, hi := 0, len(ts)
	for lo < hi {
		m := (lo + hi) / 2
		if ts[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

package story

import (
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/namekey"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// token is one word of a text, as recognize.Tokenize splits it.
type token struct {
	start, end int
	fold       string // lower case, no diacritics
}

// tokenize splits text into words exactly as recognize.Tokenize does, but
// without a new string for words that are already folded (lower-case
// ASCII), which most words are.
func tokenize(text string, out []token) []token {
	start := -1
	plain := true // the current word is lower-case ASCII letters and digits
	emit := func(end int) {
		w := text[start:end]
		if !plain {
			w = namekey.Fold(w)
		}
		out = append(out, token{start, end, w})
		start = -1
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if start < 0 {
					start, plain = i, true
				}
			case c >= 'A' && c <= 'Z':
				if start < 0 {
					start = i
				}
				plain = false
			default:
				if start >= 0 {
					emit(i)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if namekey.IsWordRune(r) {
			if start < 0 {
				start = i
			}
			plain = false
		} else if start >= 0 {
			emit(i)
		}
		i += size
	}
	if start >= 0 {
		emit(len(text))
	}
	return out
}

// text is what FeaturesOf reads an article's text as, once.
type text struct {
	s         string
	tokens    []token
	sentences []recognize.Span
}

func newText(s string) *text {
	return &text{s: s, tokens: tokenize(s, make([]token, 0, len(s)/5)), sentences: recognize.Sentences(s)}
}

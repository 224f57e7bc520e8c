package namekey

import (
	"unicode/utf8"
)

// Stream is the key form of a whole text: Key is built exactly as Key
// builds a name's key, so a name's key occurs in Key exactly where the name
// occurs in the text as whole words. Words maps each word of Key back to
// the text; matches are always whole words, so that is all the mapping
// recognition needs.
type Stream struct {
	Key   []byte
	Words []Word
}

// Word is one word of a key stream: Key[KeyStart:KeyEnd] is the folded form
// of text[TextStart:TextEnd].
type Word struct {
	KeyStart, KeyEnd   int32
	TextStart, TextEnd int32
}

// NewStream builds the key stream of text. Separators are doubled and the
// stream is framed by single spaces, as in Key.
func NewStream(text string) *Stream {
	// Separators double, so a key is about 1.2 times its text; one
	// allocation of 1.5 times avoids copying while it grows.
	key := make([]byte, 1, len(text)+len(text)/2+16)
	key[0] = ' '
	words := make([]Word, 0, len(text)/5+1)
	inWord := false
	var cur Word
	endWord := func(textEnd int) {
		cur.KeyEnd = int32(len(key))
		cur.TextEnd = int32(textEnd)
		words = append(words, cur)
		inWord = false
	}
	startWord := func(textStart int) {
		if len(words) > 0 {
			key = append(key, ' ', ' ')
		}
		cur = Word{KeyStart: int32(len(key)), TextStart: int32(textStart)}
		inWord = true
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if inWord {
					endWord(i)
				}
				i++
				continue
			}
			if !inWord {
				startWord(i)
			}
			key = append(key, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if inWord {
				endWord(i)
			}
			i += size
			continue
		}
		if !inWord {
			startWord(i)
		}
		key = append(key, foldRune(r)...)
		i += size
	}
	if inWord {
		endWord(len(text))
	}
	key = append(key, ' ')
	return &Stream{Key: key, Words: words}
}

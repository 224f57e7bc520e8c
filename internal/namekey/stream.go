package namekey

import (
	"unicode/utf8"
)

// Stream is the key form of a whole text, with a map back to the text.
// Key is built exactly as Key builds a name's key, so a name's key occurs in
// Key exactly where the name occurs in the text as whole words.
type Stream struct {
	Key  []byte
	text string
	// src[i] is the byte offset in the text of the rune that produced
	// Key[i]; for separator bytes, the offset of the next word rune.
	src []int32
}

// NewStream builds the key stream of text. Separators are doubled and the
// stream is framed by single spaces, as in Key.
func NewStream(text string) *Stream {
	n := len(text) + len(text)/8 + 16
	key := make([]byte, 1, n)
	src := make([]int32, 1, n)
	key[0] = ' '
	pendingSep := false
	wrote := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				pendingSep = wrote
				i++
				continue
			}
			if pendingSep {
				key = append(key, ' ', ' ')
				src = append(src, int32(i), int32(i))
				pendingSep = false
			}
			key = append(key, c)
			src = append(src, int32(i))
			wrote = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			pendingSep = wrote
			i += size
			continue
		}
		if pendingSep {
			key = append(key, ' ', ' ')
			src = append(src, int32(i), int32(i))
			pendingSep = false
		}
		f := foldRune(r)
		for j := 0; j < len(f); j++ {
			key = append(key, f[j])
			src = append(src, int32(i))
		}
		wrote = true
		i += size
	}
	key = append(key, ' ')
	src = append(src, int32(len(text)))
	return &Stream{Key: key, text: text, src: src}
}

// Span maps a match of a framed key at [ks, ke) in the stream back to byte
// offsets [start, end) in the text, without the framing spaces.
func (s *Stream) Span(ks, ke int) (start, end int) {
	first, last := ks+1, ke-2
	start = int(s.src[first])
	if first > last {
		return start, start
	}
	end = int(s.src[last])
	_, size := utf8.DecodeRuneInString(s.text[end:])
	return start, end + size
}

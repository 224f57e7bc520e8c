package namekey

import (
	"unicode/utf8"
)

// Stream is the key form of a whole text, with a map back to the text.
// Key is built exactly as Key builds a name's key, so a name's key occurs in
// Key exactly where the name occurs in the text as whole words.
type Stream struct {
	Key string
	// src[i] is the byte offset in the text of the rune that produced Key[i];
	// for separator bytes, the offset of the next word rune (or len(text)).
	src []int32
	// srcEnd[i] is the end offset in the text of that rune.
	srcEnd []int32
}

// NewStream builds the key stream of text. Separators are doubled and the
// stream is framed by single spaces, as in Key.
func NewStream(text string) *Stream {
	key := make([]byte, 0, len(text)+8)
	src := make([]int32, 0, len(text)+8)
	end := make([]int32, 0, len(text)+8)
	push := func(b byte, s, e int) {
		key = append(key, b)
		src = append(src, int32(s))
		end = append(end, int32(e))
	}
	push(' ', 0, 0)
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
				push(' ', i, i)
				push(' ', i, i)
				pendingSep = false
			}
			push(c, i, i+1)
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
			push(' ', i, i)
			push(' ', i, i)
			pendingSep = false
		}
		f := foldRune(r)
		for j := 0; j < len(f); j++ {
			push(f[j], i, i+size)
		}
		wrote = true
		i += size
	}
	push(' ', len(text), len(text))
	return &Stream{Key: string(key), src: src, srcEnd: end}
}

// Span maps a match of a framed key at [ks, ke) in the stream back to byte
// offsets [start, end) in the text, without the framing spaces.
func (s *Stream) Span(ks, ke int) (start, end int) {
	// The match starts with a framing space and ends with one.
	first, last := ks+1, ke-2
	if first > last {
		return int(s.src[first]), int(s.src[first])
	}
	return int(s.src[first]), int(s.srcEnd[last])
}

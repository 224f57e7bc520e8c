package source

import (
	"bytes"
	"fmt"
)

// checkXML refuses documents that declare entities or carry a DTD internal
// subset: that is where billion-laughs and external-entity attacks live,
// and no real feed or OPML file needs one. It is a single linear scan that
// skips comments, CDATA sections and processing instructions (an article
// about XXE may quote "<!ENTITY" inside CDATA). A DOCTYPE with only an
// external identifier, as in Netscape's RSS 0.91, is harmless (nothing is
// fetched) and accepted.
func checkXML(data []byte) error {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return nil
		}
		i += j
		rest := data[i:]
		var end int // bytes to skip; -1 when the construct is unterminated
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = skipTo(rest, 4, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end = skipTo(rest, 9, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			end = skipTo(rest, 2, "?>")
		case hasPrefixFold(rest, "<!DOCTYPE"):
			end = doctypeEnd(rest)
			if end == -2 {
				return fmt.Errorf("%w: DOCTYPE with an internal subset at byte %d", ErrHostile, i)
			}
		case bytes.HasPrefix(rest, []byte("<!")):
			n := min(len(rest), 12)
			return fmt.Errorf("%w: %q at byte %d", ErrHostile, rest[:n], i)
		default:
			end = 1
		}
		if end < 0 {
			return nil // unterminated: the parser will report it
		}
		i += end
	}
}

func skipTo(b []byte, from int, term string) int {
	k := bytes.Index(b[from:], []byte(term))
	if k < 0 {
		return -1
	}
	return from + k + len(term)
}

// doctypeEnd returns the length of a DOCTYPE declaration, -2 when it opens
// an internal subset ('[' outside quotes), -1 when it never ends.
func doctypeEnd(b []byte) int {
	var quote byte
	for k := len("<!DOCTYPE"); k < len(b); k++ {
		c := b[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			return -2
		case c == '>':
			return k + 1
		}
	}
	return -1
}

func hasPrefixFold(b []byte, p string) bool {
	return len(b) >= len(p) && bytes.EqualFold(b[:len(p)], []byte(p))
}

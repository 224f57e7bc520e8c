package article

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds element nesting before the HTML parser sees the page.
// The parser's scope checks walk the stack of open elements, so 100k
// nested tags cost quadratic time; extractors then recurse over the tree.
// Real pages stay below a few dozen levels.
const maxDepth = 256

// limitDepth rewrites the markup so that no element nests deeper than
// max: start tags beyond the limit (and their end tags) are dropped, their
// text kept. Pages within the limit are returned unchanged, so the cost
// for normal input is one tokenizer pass.
func limitDepth(src string, max int) string {
	if !tooDeep(src, max) {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				b.Write(z.Raw())
			}
			return b.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if isVoid(name) {
				b.Write(raw)
				continue
			}
			depth++
			if depth > max {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if isVoid(name) {
				continue
			}
			depth--
			if depth >= max {
				continue
			}
			if depth < 0 {
				depth = 0
			}
		}
		b.Write(raw)
	}
}

// tooDeep estimates nesting with the tokenizer alone (no tree): start
// tags minus end tags. Unclosed <p> and <li> make it an overestimate,
// which is the safe side.
func tooDeep(src string, max int) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !isVoid(name) {
				if depth++; depth > max {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !isVoid(name) && depth > 0 {
				depth--
			}
		}
	}
}

func isVoid(name []byte) bool {
	switch atom.Lookup(name) {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

package article

import (
	"strings"

	"golang.org/x/net/html"
)

// blockElems start a new paragraph in the text; inline elements do not.
var blockElems = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"nav": true, "aside": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true, "figure": true,
	"figcaption": true, "form": true, "address": true, "details": true, "summary": true, "hr": true,
	"caption": true, "center": true, "fieldset": true, "legend": true, "body": true, "html": true,
	// trafilatura's internal element names
	"head": true, "list": true, "item": true, "quote": true,
}

// skipElems hold no readable text.
var skipElems = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "canvas": true, "select": true, "option": true, "button": true,
	"input": true, "textarea": true, "title": true, "meta": true, "link": true,
}

// nodeText renders a tree as text: one paragraph per block element,
// whitespace collapsed inside paragraphs, <br> as a line break.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.walk(n, false)
	w.endParagraph()
	return strings.Join(w.paras, "\n\n")
}

// textWriter accumulates words into lines and lines into paragraphs, so
// that every piece of text is copied a bounded number of times.
type textWriter struct {
	paras []string
	lines []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (w *textWriter) word(s string) {
	if w.space && w.cur.Len() > 0 {
		w.cur.WriteByte(' ')
	}
	w.cur.WriteString(s)
	w.space = false
}

func (w *textWriter) endLine() {
	if t := strings.TrimSpace(w.cur.String()); t != "" {
		w.lines = append(w.lines, t)
	}
	w.cur.Reset()
	w.space = false
}

func (w *textWriter) endParagraph() {
	w.endLine()
	if len(w.lines) > 0 {
		w.paras = append(w.paras, strings.Join(w.lines, "\n"))
		w.lines = w.lines[:0]
	}
}

func (w *textWriter) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			for i, l := range strings.Split(n.Data, "\n") {
				if i > 0 {
					w.endLine()
				}
				w.word(l)
			}
			return
		}
		if startsWithSpace(n.Data) {
			w.space = true
		}
		for _, f := range strings.Fields(n.Data) {
			w.word(f)
			w.space = true
		}
		w.space = endsWithSpace(n.Data) || (w.space && strings.TrimSpace(n.Data) == "")
		return
	case html.ElementNode:
		name := n.Data
		if skipElems[name] {
			return
		}
		if name == "br" || name == "lb" {
			w.endLine()
			return
		}
		if blockElems[name] {
			w.endParagraph()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c, pre || name == "pre")
			}
			w.endParagraph()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
}

func startsWithSpace(s string) bool { return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[0])) }
func endsWithSpace(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[len(s)-1]))
}

// chromeElems are page chrome, never the article.
var chromeElems = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "form": true, "head": true,
}

// pruneChrome removes chrome elements and elements whose class or id
// names them as such (menus, sidebars, cookie banners, share bars).
func pruneChrome(doc *html.Node) *html.Node {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && (chromeElems[c.Data] || skipElems[c.Data] || chromeAttr(c)) {
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
	return doc
}

var chromeWords = []string{"menu", "navbar", "sidebar", "cookie", "consent", "share", "social", "newsletter",
	"related", "comment", "footer", "header", "banner", "advert", "promo", "breadcrumb", "popup", "modal"}

func chromeAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		v := strings.ToLower(a.Val)
		if a.Key == "role" && (v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary") {
			return true
		}
		for _, w := range chromeWords {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// docTitle: og:title, then <title>, then the first <h1>.
func docTitle(doc *html.Node) string {
	var og, title, h1 string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				var prop, content string
				for _, a := range n.Attr {
					switch a.Key {
					case "property", "name":
						prop = a.Val
					case "content":
						content = a.Val
					}
				}
				if og == "" && (prop == "og:title" || prop == "twitter:title") {
					og = content
				}
			case "title":
				if title == "" {
					title = nodeText(n.FirstChild)
				}
			case "h1":
				if h1 == "" {
					h1 = nodeText(n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return strings.TrimSpace(firstNonEmpty(og, h1, title))
}

// stripTags is the last resort when the parser itself fails.
func stripTags(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken:
			b.WriteByte('\n')
		}
	}
}

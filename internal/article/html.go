package article

import (
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Trafilatura's cost grows faster than linearly with the number of
// paragraphs on some paths; beyond these sizes our own, linear,
// extraction is used. Articles are far smaller.
const (
	maxTrafilaturaBytes = 4 << 20
	maxTrafilaturaNodes = 60000
)

// parseHTML extracts the main text with trafilatura, then runs the same
// furniture rules as plain text over it: extractors keep "Read more"
// lines, feed footers and teaser boxes that sit inside the article
// element.
func parseHTML(src string, opt Options) *Article {
	src = limitDepth(src, maxDepth)
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil || doc == nil {
		// html.Parse only fails on reader errors; be defensive anyway.
		a := parsePlain(stripTags(src), opt)
		a.IsHTML = true
		return a
	}

	a := &Article{IsHTML: true}
	var body string
	if len(src) <= maxTrafilaturaBytes && countNodes(doc, maxTrafilaturaNodes+1) <= maxTrafilaturaNodes {
		if res := runTrafilatura(doc, opt); res != nil {
			body = rescueCaptions(doc, nodeText(res.ContentNode))
			a.Title = oneLine(res.Metadata.Title)
			a.Author = oneLine(res.Metadata.Author)
			a.URL = res.Metadata.URL
			if !res.Metadata.Date.IsZero() {
				t := res.Metadata.Date
				if validDate(t.Year(), int(t.Month()), t.Day()) {
					a.Published = civil{t.Year(), int(t.Month()), t.Day()}.String()
				}
			}
		}
	}
	if a.Title == "" {
		a.Title = oneLine(docTitle(doc))
	}

	copt := classifyOptions{title: a.Title}
	if strings.TrimSpace(body) == "" || flattened(body) {
		// Fallback: our own walk over the page minus obvious chrome; the
		// classifier then has to find the banner (and the headline if
		// the metadata has none) itself.
		body = nodeText(pruneChrome(doc))
		copt.banner, copt.findTitle = true, a.Title == ""
	}
	c := classify(body, copt)
	if a.Title == "" {
		a.Title = c.title
	}
	a.Text = withTitle(a.Title, c.text)
	if a.Author == "" {
		a.Author = c.author
	}
	a.Published = firstNonEmpty(a.Published, c.marker, c.date, dateFromURL(opt.URL))
	if a.Published == "" {
		a.Month = c.month
	}
	return a
}

// flattened: the extractor fell back to the whole page as one paragraph
// (trafilatura's baseline does that when it finds no article element).
// Our own walk keeps the block structure the classifier needs.
func flattened(body string) bool {
	return !strings.Contains(body, "\n") && countWords(body) > 150
}

// rescueCaptions puts back photo captions that the extractor removed
// with their <figure>: captions are article text and sometimes the only
// place a name occurs. A caption goes in front of the body paragraph that
// follows it in the page; captions with no following body paragraph
// (galleries, sidebars) are left out.
func rescueCaptions(doc *html.Node, body string) string {
	type item struct {
		caption bool
		text    string
	}
	var items []item
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipElems[n.Data] {
				return
			}
			if n.Data == "figcaption" || (n.Data != "figure" && strings.Contains(strings.ToLower(attr(n, "class")), "caption")) {
				items = append(items, item{true, nodeText(n)})
				return
			}
			if n.Data == "p" {
				items = append(items, item{false, nodeText(n)})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	paras := strings.Split(body, "\n\n")
	normParas := normAll(paras)
	normBody := normPhrase(body)
	inserted := map[int][]string{}
	for i, it := range items {
		if !it.caption {
			continue
		}
		nc := normPhrase(it.text)
		if w := countWords(it.text); w < 3 || w > 80 || strings.Contains(normBody, nc) {
			continue
		}
		for _, next := range items[i+1:] {
			if next.caption || countWords(next.text) < 8 {
				continue
			}
			np := normPhrase(next.text)
			for k, para := range normParas {
				if strings.HasPrefix(para, np[:min(len(np), 60)]) {
					inserted[k] = append(inserted[k], it.text)
					normBody += " " + nc
					break
				}
			}
			break
		}
	}
	if len(inserted) == 0 {
		return body
	}
	var out []string
	for k, para := range paras {
		out = append(out, inserted[k]...)
		out = append(out, para)
	}
	return strings.Join(out, "\n\n")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// withTitle puts the headline at the top of Text unless the body already
// has it among its first lines: headlines are article text (they name
// actors too). A body line that is the start of the title ("Headline"
// for "Headline | Site") counts as the headline, so that the site name
// of a <title> does not become text.
func withTitle(title, body string) string {
	nt := normPhrase(title)
	if nt == "" {
		return body
	}
	for i, l := range strings.SplitN(body, "\n", 4) {
		if i == 3 {
			break
		}
		nl := normPhrase(l)
		if nl == nt || (countWords(l) >= 4 && strings.HasPrefix(nt, nl+" ")) {
			return body
		}
	}
	if body == "" {
		return title
	}
	return title + "\n\n" + body
}

// oneLine collapses the whitespace of metadata values.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func runTrafilatura(doc *html.Node, opt Options) (res *trafilatura.ExtractResult) {
	defer func() {
		// A third-party extractor must not take the process down on a
		// hostile page; we fall back to our own extraction instead.
		if recover() != nil {
			res = nil
		}
	}()
	topt := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		Focus:           trafilatura.Balanced,
	}
	if u, err := url.Parse(opt.URL); err == nil && u.Scheme != "" && u.Host != "" {
		topt.OriginalURL = u
	}
	r, err := trafilatura.ExtractDocument(doc, topt)
	if err != nil {
		return nil
	}
	return r
}

func countNodes(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			count++
			walk(c)
		}
	}
	walk(n)
	return count
}

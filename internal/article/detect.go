package article

import (
	"mime"
	"regexp"
	"strings"
)

// htmlTagRe matches opening or closing tags of elements that occur in
// real pages. Plain news text about web security may quote one or two
// tags; a page has dozens.
var htmlTagRe = regexp.MustCompile(`(?i)</?(?:html|head|body|meta|title|link|script|style|div|span|p|a|br|hr|img|ul|ol|li|h[1-6]|table|tr|td|article|section|nav|header|footer|main|aside|figure|figcaption|blockquote|form|iframe|noscript|strong|em|b|i)(?:\s[^<>]{0,500})?/?>`)

// looksLikeHTML decides by content, not by file name: the start of the
// document, then the density of real tags. The HTTP content type only
// lowers the bar (a server saying text/html is usually right, but feeds
// and APIs also send flattened text with that label).
func looksLikeHTML(s, contentType string) bool {
	head := s
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	t := strings.TrimLeft(head, " \t\n")
	lower := strings.ToLower(t[:min(len(t), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if strings.HasPrefix(lower, "<?xml") || strings.HasPrefix(lower, "<!--") {
		hasHTML := strings.Contains(strings.ToLower(head[:min(len(head), 4096)]), "<html")
		if hasHTML || strings.HasPrefix(lower, "<?xml") {
			// XHTML is a page; other XML (feeds, sitemaps) is not, and
			// belongs to the feed reader, not to the page extractor.
			return hasHTML
		}
	}

	need := 6
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
		need = 2
	}
	// A document that opens with a tag is much more likely markup.
	if strings.HasPrefix(t, "<") && htmlTagRe.MatchString(t[:min(len(t), 300)]) {
		need = 2
	}
	matches := htmlTagRe.FindAllStringIndex(head, need*4)
	if len(matches) < need {
		return false
	}
	closing := 0
	for _, m := range matches {
		if head[m[0]+1] == '/' {
			closing++
		}
	}
	return closing > 0 || len(matches) >= need*2
}

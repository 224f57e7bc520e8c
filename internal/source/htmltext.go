package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainText turns a feed title (which may carry markup or entities) into
// plain text with collapsed white space. Only tags of real HTML elements
// are markup: "the <Exchange> zero-day" keeps its word.
func plainText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(s))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			switch tt {
			case html.TextToken:
				b.Write(z.Text())
			case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
				if name, _ := z.TagName(); atom.Lookup(name) == 0 {
					b.Write(z.Raw())
				}
			}
		}
		s = b.String()
	}
	return strings.Join(strings.Fields(s), " ")
}

// textLongerThan reports whether the text of an HTML fragment (markup,
// scripts and styles aside, runs of white space counted once) has more
// than n characters. It stops reading as soon as it knows.
func textLongerThan(fragment string, n int) bool {
	if utf8.RuneCountInString(fragment) <= n {
		return false // markup only ever adds characters
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	count, skip, space := 0, 0, true
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			for _, r := range string(z.Text()) {
				if unicode.IsSpace(r) {
					if space {
						continue
					}
					space = true
				} else {
					space = false
				}
				if count++; count > n {
					return true
				}
			}
		}
	}
}

package source

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseOPML(t *testing.T) {
	got, err := ParseOPML(readTestdata(t, "opml.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []FeedRef{
		{URL: "https://news.example.com/feed/", Title: "Example Security News"},
		{URL: "https://amp.example.com/rss?cat=1&lang=en", Title: "Ampersand & friends"},
		{URL: "https://blog.example.it/feed.atom", Title: "Sicurezza", Language: "it"},
		{URL: "https://deep.example.it/rss.xml", Title: "Profondo", Language: "it"},
		{URL: "https://www.example.de/security/news.rdf", Title: "Deutsch hier", Language: "de"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseOPML =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseOPMLBad(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://e.example/&b;"/></body></opml>`, ErrHostile},
		{"entity in body", `<opml><body><!ENTITY x SYSTEM "file:///etc/passwd"><outline xmlUrl="https://e.example/"/></body></opml>`, ErrHostile},
		{"not opml", `<rss version="2.0"><channel/></rss>`, ErrMalformed},
		{"broken", `<opml><body><outline xmlUrl="https://e.example/"`, ErrMalformed},
		{"empty", ``, ErrMalformed},
		{"too large", string(make([]byte, MaxOPMLBytes+1)), ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			refs, err := ParseOPML([]byte(tc.data))
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseOPML = %v, %v; want %v", refs, err, tc.want)
			}
		})
	}
}

// Deep nesting costs memory in proportion to the input (bounded by
// MaxOPMLBytes), never stack: the parser walks tokens, it does not recurse.
func TestParseOPMLDeep(t *testing.T) {
	var b []byte
	b = append(b, "<opml><body>"...)
	for range 100000 {
		b = append(b, `<outline text="x">`...)
	}
	b = append(b, `<outline xmlUrl="https://deep.example/rss"/>`...)
	for range 100000 {
		b = append(b, `</outline>`...)
	}
	b = append(b, "</body></opml>"...)
	refs, err := ParseOPML(b)
	if err != nil || len(refs) != 1 {
		t.Fatalf("ParseOPML = %v, %v", refs, err)
	}
}

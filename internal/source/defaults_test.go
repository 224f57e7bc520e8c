package source

import (
	"sort"
	"strings"
	"testing"
)

func TestDefaultFeeds(t *testing.T) {
	feeds := DefaultFeeds()
	if len(feeds) < 30 {
		t.Fatalf("%d default feeds, want at least 30", len(feeds))
	}
	perLang := map[string]int{}
	seen := map[string]bool{}
	for _, f := range feeds {
		perLang[f.Language]++
		c, err := CanonicalURL(f.URL)
		if err != nil {
			t.Errorf("%s: %v", f.URL, err)
		}
		if seen[c] {
			t.Errorf("duplicate feed %s", f.URL)
		}
		seen[c] = true
		if strings.Contains(f.Title, "#") || strings.Contains(f.URL, " ") {
			t.Errorf("comment leaked into %+v", f)
		}
	}
	for _, lang := range []string{"en", "it", "fr", "de", "es", "nl"} {
		if perLang[lang] < 3 {
			t.Errorf("%d feeds in %s, want at least 3", perLang[lang], lang)
		}
	}
	var langs []string
	for l, n := range perLang {
		langs = append(langs, l+":"+strings.Repeat("|", n))
	}
	sort.Strings(langs)
	t.Logf("%d feeds: %s", len(feeds), strings.Join(langs, " "))
}

func TestParseFeedListErrors(t *testing.T) {
	for _, bad := range []string{
		"https://e.example/feed | Title",
		"ftp://e.example/feed | Title | en",
		"https://e.example/feed | | en",
		"https://e.example/feed | Title | english",
	} {
		if _, err := parseFeedList(bad); err == nil {
			t.Errorf("parseFeedList(%q) accepted", bad)
		}
	}
	refs, err := parseFeedList("# comment\n\nhttps://e.example/feed | T | pt-BR  # note\n")
	if err != nil || len(refs) != 1 || refs[0] != (FeedRef{URL: "https://e.example/feed", Title: "T", Language: "pt"}) {
		t.Errorf("got %+v, %v", refs, err)
	}
}

package source

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed feeds.txt
var feedsTxt string

// DefaultFeeds returns the built-in security news feeds (feeds.txt), in
// file order. The list is embedded: it needs no network to read.
func DefaultFeeds() []FeedRef {
	refs, err := parseFeedList(feedsTxt)
	if err != nil {
		panic(err) // feeds.txt is ours and tested: a bad line is a build mistake
	}
	return refs
}

// parseFeedList reads "URL | Title | language" lines; '#' starts a comment
// (whole line, or after white space).
func parseFeedList(text string) ([]FeedRef, error) {
	var refs []FeedRef
	for n, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			return nil, fmt.Errorf("feeds.txt:%d: want URL | Title | language, got %q", n+1, line)
		}
		ref := FeedRef{
			URL:      strings.TrimSpace(parts[0]),
			Title:    strings.TrimSpace(parts[1]),
			Language: primaryLanguage(parts[2]),
		}
		if absoluteHTTP(nil, ref.URL) == "" || ref.Title == "" || ref.Language == "" {
			return nil, fmt.Errorf("feeds.txt:%d: bad feed %q", n+1, line)
		}
		refs = append(refs, ref)
	}
	return refs, nil
}

package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseFeed: whatever the bytes, ParseFeed must not panic, must fail
// only with its typed errors, and must return absolute http(s) item URLs.
func FuzzParseFeed(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "<", "<rss", "<rss version=\"2.0\"><channel><item><link>//x</link></item></channel></rss>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"javascript:x\"/></entry></feed>",
		"{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"url\":\"::\"}]}", "<!DOCTYPE", "<![CDATA[",
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><item><title>&amp;</title></item></rdf:RDF>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed(data, "https://base.example/feed/")
		if err != nil {
			for _, want := range []error{ErrTooLarge, ErrHostile, ErrNotFeed, ErrMalformed} {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("untyped error: %v", err)
		}
		for _, it := range feed.Items {
			if it.URL != "" && !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") {
				t.Errorf("item URL %q is not absolute http(s)", it.URL)
			}
			if it.URL != "" && it.GUID == "" {
				t.Errorf("item with URL %q has no GUID", it.URL)
			}
		}
		_ = utf8.ValidString(feed.Title)
	})
}

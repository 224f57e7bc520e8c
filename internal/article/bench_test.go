package article

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse measures whole-document cost on the test pages: plain
// text goes through the block classifier only, HTML through the parser,
// trafilatura and the classifier. Seeds from ../shared are added when
// present.
func BenchmarkParse(b *testing.B) {
	docs := []struct{ name, file string }{
		{"text-it", "plain_it.txt"},
		{"text-fr", "plain_fr.txt"},
		{"html-news", "news.html"},
		{"html-broken", "broken.html"},
	}
	for _, d := range docs {
		raw, err := os.ReadFile(filepath.Join("testdata", d.file))
		if err != nil {
			b.Fatal(err)
		}
		bench(b, d.name, raw)
	}
	dir := os.Getenv("APTWATCH_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "seeds", "000_508ed627849db09a.txt")); err == nil {
		bench(b, "text-seed-it", raw)
	}
}

func bench(b *testing.B, name string, raw []byte) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(raw, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

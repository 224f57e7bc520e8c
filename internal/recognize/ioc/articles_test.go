package ioc

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// sharedDir locates the shared, read-only test data: $APTWATCH_SHARED, or
// ../shared next to the repository (four levels up from this package).
func sharedDir() string {
	if d := os.Getenv("APTWATCH_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "shared")
}

type article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Gold struct {
		CVEs []string `json:"cves"`
	} `json:"gold"`
}

func readArticles(t *testing.T, path string) []article {
	t.Helper()
	return sharedtest.ReadJSONL[article](t, path)
}

// TestArticles runs Find over the real annotated excerpts. The CVE ids
// found must be exactly the annotated ones; everything else is logged so
// that a reader can see it is sane (no version numbers as IPs, no file
// names or glued sentences as domains).
func TestArticles(t *testing.T) {
	for _, rel := range []string{"articles/dev.jsonl", "seeds/gold.jsonl"} {
		path := filepath.Join(sharedDir(), rel)
		for _, a := range readArticles(t, path) {
			got := Find(a.Text)
			checkInvariants(t, a.Text, got)
			var cves []string
			for _, g := range got {
				if g.Kind == CVE {
					if !slices.Contains(cves, g.Value) {
						cves = append(cves, g.Value)
					}
					continue
				}
				t.Logf("%s %s: %s %q (%q)", rel, a.ID, g.Kind, g.Value, g.Text)
			}
			want := slices.Clone(a.Gold.CVEs)
			slices.Sort(cves)
			slices.Sort(want)
			if !slices.Equal(cves, want) {
				t.Errorf("%s %s: CVEs %v, want %v", rel, a.ID, cves, want)
			}
		}
	}
}

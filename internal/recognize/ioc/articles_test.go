package ioc

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
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
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("annotated articles not found at %s (set APTWATCH_SHARED to the shared data directory)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
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

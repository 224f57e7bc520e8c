package recognize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared (the annotated articles and reference data),
// from APTWATCH_SHARED or relative to the repository.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("APTWATCH_SHARED"); d != "" {
		return d
	}
	d, _ := filepath.Abs("../../../shared")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("shared data not found at %s (set APTWATCH_SHARED): %v", d, err)
	}
	return d
}

type goldArticle struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	Gold struct {
		Actors []struct {
			Name     string   `json:"name"`
			AttackID string   `json:"attack_id"`
			Mentions []string `json:"mentions"`
		} `json:"actors"`
		Sponsor []string `json:"sponsor_countries"`
		Victim  []string `json:"victim_countries"`
		Malware []string `json:"malware"`
		CVEs    []string `json:"cves"`
	} `json:"gold"`
	Notes string `json:"notes"`
}

func readGold(t testing.TB, rel string) []goldArticle {
	path := filepath.Join(sharedDir(t), rel)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("annotated articles not found at %s: %v", path, err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	return out
}

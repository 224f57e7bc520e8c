package recognize

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

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
	path := sharedtest.Path(t, rel)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
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

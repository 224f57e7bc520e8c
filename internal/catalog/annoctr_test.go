package catalog

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

var attackLinkRe = regexp.MustCompile(`attack\.mitre\.org/(?:groups|software)/([GS]\d{4})`)

// TestAnnoCTRLinking measures how many GROUP and MALWARE mentions of the
// AnnoCTR linking test set that ATT&CK covers resolve, with the built-in
// catalogue alone, to an entity carrying the right ATT&CK id.
func TestAnnoCTRLinking(t *testing.T) {
	f, err := os.Open(sharedFile(t, "data/cti-ner/annoctr/linking_mitre_only_test.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := builtin(t)
	type tally struct{ n, ok int }
	byType := map[string]*tally{"GROUP": {}, "MALWARE": {}}
	misses := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var row struct {
			Mention string `json:"mention"`
			Type    string `json:"entity_type"`
			Link    string `json:"label_link"`
			Title   string `json:"label_title"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		tl := byType[row.Type]
		m := attackLinkRe.FindStringSubmatch(row.Link)
		if tl == nil || m == nil {
			continue
		}
		tl.n++
		got, ok := c.Resolve(row.Mention)
		hit := false
		if ok {
			for _, id := range got.Entity.AttackIDs {
				hit = hit || id == m[1]
			}
		}
		if hit {
			tl.ok++
		} else {
			misses[row.Type+" "+row.Mention+" -> want "+m[1]+" "+row.Title]++
		}
	}
	for k, n := range misses {
		t.Logf("miss x%d: %s", n, k)
	}
	all := tally{}
	for typ, tl := range byType {
		t.Logf("AnnoCTR %s mentions linked right: %d/%d (%.1f%%)", typ, tl.ok, tl.n, 100*float64(tl.ok)/float64(tl.n))
		all.n += tl.n
		all.ok += tl.ok
	}
	share := float64(all.ok) / float64(all.n)
	t.Logf("AnnoCTR GROUP+MALWARE: %d/%d (%.1f%%)", all.ok, all.n, 100*share)
	if share < 0.95 {
		t.Errorf("%.1f%% of AnnoCTR group and malware mentions resolve to the right ATT&CK id, want at least 95%%", 100*share)
	}
}

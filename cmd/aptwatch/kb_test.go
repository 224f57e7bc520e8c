package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// runDB runs the command against one database and data directory.
func runDB(t *testing.T, dataDir, db string, args ...string) (string, string, int) {
	t.Helper()
	return runIn(t, dataDir, append([]string{"--db", db}, args...)...)
}

func runIn(t *testing.T, dataDir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"--data-dir", dataDir}, args...)...)
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// TestKnowledgeBaseSeeds is the acceptance: after ingesting the
// seeds and the dev articles, GALLIUM's profile lists both seed articles,
// the names seen, sponsor CN, victim BE and PingPull; and actors agrees
// with extract on the same inputs.
func TestKnowledgeBaseSeeds(t *testing.T) {
	shared := sharedtest.Dir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	dev := filepath.Join(shared, "articles", "dev.jsonl")
	_, errOut, code := runDB(t, dir, db, append(append([]string{"ingest"}, seeds...), dev)...)
	if code != 0 {
		t.Fatalf("ingest exit %d:\n%s", code, errOut)
	}
	out, errOut, code := runDB(t, dir, db, "actor", "GALLIUM", "--format", "json")
	if code != 0 {
		t.Fatalf("actor exit %d:\n%s", code, errOut)
	}
	var p struct {
		NamesSeen []struct{ Name string } `json:"names_seen"`
		Sponsors  []struct{ Code string } `json:"sponsors"`
		Victims   []struct{ Code string } `json:"victims"`
		Malware   []struct{ Name string } `json:"malware"`
		Articles  []struct{ ID string }   `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	has := func(want string, got []string) bool {
		for _, g := range got {
			if strings.EqualFold(g, want) {
				return true
			}
		}
		return false
	}
	var names, sponsors, victims, malware, articles []string
	for _, x := range p.NamesSeen {
		names = append(names, x.Name)
	}
	for _, x := range p.Sponsors {
		sponsors = append(sponsors, x.Code)
	}
	for _, x := range p.Victims {
		victims = append(victims, x.Code)
	}
	for _, x := range p.Malware {
		malware = append(malware, x.Name)
	}
	for _, x := range p.Articles {
		articles = append(articles, x.ID)
	}
	for _, c := range []struct {
		what, want string
		got        []string
	}{
		{"article", "000_508ed627849db09a", articles}, {"article", "001_0adfbe2469141986", articles},
		{"name", "UNSC 2814", names}, {"name", "Softcell", names}, {"name", "Gallium", names},
		{"sponsor", "CN", sponsors}, {"victim", "BE", victims}, {"malware", "PingPull", malware},
	} {
		if !has(c.want, c.got) {
			t.Errorf("GALLIUM profile: %s %q missing from %v", c.what, c.want, c.got)
		}
	}

	// actors agrees with extract: the same actors, in the same number of articles.
	out, _, code = runDB(t, dir, db, "actors", "--format", "json", "--limit", "1000")
	if code != 0 {
		t.Fatal("actors failed")
	}
	var actors []struct {
		ID       string `json:"id"`
		Articles int    `json:"articles"`
	}
	json.Unmarshal([]byte(out), &actors)
	stored := map[string]int{}
	for _, a := range actors {
		stored[a.ID] = a.Articles
	}
	want := map[string]int{}
	for _, in := range append(seeds, dev) {
		out, _, _ := runIn(t, dir, "extract", "--format", "jsonl", in)
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r struct {
				Actors []struct{ ID, Name string }
			}
			json.Unmarshal([]byte(line), &r)
			seen := map[string]bool{}
			for _, a := range r.Actors {
				id := a.ID
				if id == "" {
					id = "new:" + a.Name
				}
				if !seen[id] {
					seen[id] = true
					want[id]++
				}
			}
		}
	}
	for id, n := range want {
		if stored[id] != n {
			t.Errorf("actor %s: %d articles in actors, %d by extract", id, stored[id], n)
		}
	}
	if len(stored) != len(want) {
		t.Errorf("actors lists %d actors, extract finds %d", len(stored), len(want))
	}
}

// TestCrashSafety kills ingest with SIGKILL at random points of a large
// ingest; after a restart the ingest completes, nothing is duplicated and
// check finds every raw document with its derived rows. Ingesting the same
// input again adds nothing.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("long test")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	input := filepath.Join(dir, "articles.jsonl")
	const n = 1500
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	// Articles must differ in more than numbers, or the near-duplicate rule
	// rightly makes them one: each draws its own sentences from a pool.
	actors := []string{"APT28", "Kimsuky", "MuddyWater", "APT41", "Sandworm Team", "Lazarus Group", "APT29", "Turla group"}
	countries := []string{"Belgium", "Germany", "France", "Japan", "Brazil", "Canada", "Italy", "Poland", "India", "Kenya"}
	pool := []string{
		"Researchers said the group %s targeted ministries in %s with phishing emails.",
		"Officials in %[2]s confirmed that %[1]s had breached a regional energy supplier.",
		"The campaign attributed to %s used a new loader against telecom operators in %s.",
		"%s stole credentials from universities and think tanks in %s over several months.",
		"According to the advisory, %s exploited an unpatched VPN appliance at a hospital in %s.",
		"Analysts linked %s to a wave of intrusions at defence contractors in %s.",
		"A spokesperson for the %[2]s foreign ministry declined to comment on the %[1]s report.",
		"The intrusion by %s at a port authority in %s went unnoticed until spring.",
	}
	rng0 := rand.New(rand.NewSource(7))
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Bulletin %d\n\n", i)
		for j := 0; j < 6; j++ {
			fmt.Fprintf(&b, pool[rng0.Intn(len(pool))]+" ", actors[rng0.Intn(len(actors))], countries[rng0.Intn(len(countries))])
			if j%2 == 1 {
				b.WriteString("\n\n")
			}
		}
		json.NewEncoder(f).Encode(map[string]string{"id": fmt.Sprintf("c%04d", i), "text": b.String()})
	}
	f.Close()
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 4; round++ {
		cmd := exec.Command(binary, "--data-dir", dir, "--db", db, "ingest", input)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(300+rng.Intn(1200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	_, errOut, code := runDB(t, dir, db, "ingest", input)
	if code != 0 {
		t.Fatalf("final ingest exit %d:\n%s", code, errOut)
	}
	out, errOut, code := runDB(t, dir, db, "check", "--format", "json")
	if code != 0 {
		t.Fatalf("check exit %d:\n%s\n%s", code, out, errOut)
	}
	var r struct {
		Documents, Articles int
		DocumentsPending    []int64
	}
	json.Unmarshal([]byte(out), &r)
	if r.Documents != n || r.Articles != n || len(r.DocumentsPending) != 0 {
		t.Errorf("after crashes: %d documents, %d articles, %d pending; want %d, %d, 0", r.Documents, r.Articles, len(r.DocumentsPending), n, n)
	}
	_, errOut, _ = runDB(t, dir, db, "ingest", input)
	if !strings.Contains(errOut, "0 new") {
		t.Errorf("ingesting again should add nothing: %s", errOut)
	}
}

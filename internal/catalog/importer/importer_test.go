package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

func sharedFile(t testing.TB, rel string) string { return sharedtest.Path(t, rel) }

func countries(t testing.TB) CountryResolver {
	c, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return func(name string) (string, bool) {
		m, ok := c.Resolve(name, catalog.Country)
		if !ok {
			return "", false
		}
		return strings.TrimPrefix(m.Entity.ID, "country:"), true
	}
}

// TestMISPImportCoverage imports the real MISP galaxy threat-actor and
// mitre-intrusion-set clusters and checks that their names and synonyms
// resolve (issue: at least 99%) and that names the galaxy gives to two
// actors, such as Nobelium, become conflicts.
func TestMISPImportCoverage(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, f := range []string{"threat-actor.json", "mitre-intrusion-set.json"} {
		es, err := ReadFile("misp-galaxy", sharedFile(t, "data/misp-galaxy/"+f), countries(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			names = append(names, e.Name)
			for _, a := range e.Aliases {
				names = append(names, a.Name)
			}
		}
		if _, err := catalog.SaveImport(dir, "misp-galaxy-"+strings.TrimSuffix(f, ".json"), f, es); err != nil {
			t.Fatal(err)
		}
	}
	loaded, err := catalog.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ok := 0
	for _, n := range names {
		if _, found := loaded.Resolve(n); found {
			ok++
		} else {
			t.Logf("not resolved: %q", n)
		}
	}
	share := float64(ok) / float64(len(names))
	t.Logf("MISP galaxy names resolved after import: %d/%d (%.2f%%); %d conflicts", ok, len(names), 100*share, len(loaded.Conflicts))
	if share < 0.99 {
		t.Errorf("%.2f%% of galaxy names resolve, want at least 99%%", 100*share)
	}
	found := false
	for _, c := range loaded.Conflicts {
		if strings.EqualFold(c.Name, "nobelium") {
			found = true
			t.Logf("Nobelium conflict: %v (%s)", c.Entities, c.Note)
		}
	}
	if !found {
		t.Error("Nobelium, which the galaxy gives to two actors, is not listed as a conflict")
	}
	for _, p := range catalog.Validate(loaded.Entities()) {
		if p.Severity == "error" && !strings.Contains(p.Msg, "no link") {
			t.Errorf("after import: %s", p)
		}
	}
}

func TestAttackImport(t *testing.T) {
	es, err := ReadFile("attack", sharedFile(t, "data/mitre-attack-groups/enterprise-attack-groups.json"), nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[catalog.Kind]int{}
	for _, e := range es {
		kinds[e.Kind]++
	}
	t.Logf("ATT&CK bundle: %v", kinds)
	if kinds[catalog.Actor] < 150 || kinds[catalog.Malware] < 500 || kinds[catalog.Tool] < 50 || kinds[catalog.Campaign] < 40 {
		t.Errorf("too few objects converted: %v", kinds)
	}
	dir := t.TempDir()
	if _, err := catalog.SaveImport(dir, "attack", "test", es); err != nil {
		t.Fatal(err)
	}
	loaded, err := catalog.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := loaded.Resolve("Granite Typhoon"); !ok || m.Entity.AttackID() != "G0093" {
		t.Errorf("after ATT&CK import, Granite Typhoon -> %v", m.Entity)
	}
}

func TestMicrosoftImport(t *testing.T) {
	es, err := ReadFile("microsoft", sharedFile(t, "data/microsoft-threat-actor-naming/MicrosoftMapping.json"), countries(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 150 {
		t.Errorf("%d Microsoft names, want about 166", len(es))
	}
	dir := t.TempDir()
	if _, err := catalog.SaveImport(dir, "microsoft", "test", es); err != nil {
		t.Fatal(err)
	}
	loaded, err := catalog.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"Granite Typhoon": "G0093", "Linen Typhoon": "G0027", "Violet Typhoon": "G0128"} {
		if m, ok := loaded.Resolve(q); !ok || m.Entity.AttackID() != want {
			t.Errorf("%s -> %v, want %s", q, m.Entity, want)
		}
	}
	t.Logf("Microsoft table: %d names, %d conflicts", len(es), len(loaded.Conflicts))
}

// TestBadInput: broken files end with a clear error and leave the stored
// catalogue as it was.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	u := "7cdff317-a673-4474-84ec-4f1754947823"
	tests := []struct {
		name, format, path, want string
	}{
		{"not JSON", "misp-galaxy", write("a.json", "<html>nope"), "not valid JSON"},
		{"wrong schema", "misp-galaxy", write("b.json", `{"foo": 1}`), "no \"type\" or \"values\""},
		{"unsupported cluster", "misp-galaxy", write("c.json", `{"type": "sector", "values": []}`), "not supported"},
		{"duplicate uuids", "misp-galaxy", write("d.json", `{"type":"threat-actor","values":[{"value":"A","uuid":"`+u+`"},{"value":"B","uuid":"`+u+`"}]}`), "duplicate uuid"},
		{"missing uuid", "misp-galaxy", write("e.json", `{"type":"threat-actor","values":[{"value":"A"}]}`), "uuid"},
		{"not a bundle", "attack", write("f.json", `[1,2]`), "not a STIX bundle"},
		{"empty bundle", "attack", write("g.json", `{"type":"bundle","objects":[]}`), "holds no"},
		{"microsoft wrong", "microsoft", write("h.json", `{"a":1}`), "naming table"},
		{"microsoft no name", "microsoft", write("i.json", `[{"Other names":"x"}]`), "Threat actor name"},
		{"1 GB file", "misp-galaxy", huge, "limit"},
		{"unknown format", "stix3", write("j.json", `{}`), "unknown import format"},
	}
	store := t.TempDir()
	good, err := ReadFile("microsoft", sharedFile(t, "data/microsoft-threat-actor-naming/MicrosoftMapping.json"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := catalog.SaveImport(store, "microsoft", "test", good)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(stored)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := ReadFile(tt.format, tt.path, nil)
			if err == nil {
				_, err = catalog.SaveImport(store, "microsoft", "test", es)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			after, _ := os.ReadFile(stored)
			if string(after) != string(before) {
				t.Fatal("the stored import changed")
			}
		})
	}
}

// TestImportEveryGalaxyFile imports each MISP galaxy cluster file the issue
// names, one after another, and checks that the catalogue still builds and
// validates without errors other than reported conflicts.
func TestImportEveryGalaxyFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"threat-actor", "microsoft-activity-group", "360net", "malpedia", "ransomware", "tool"} {
		es, err := ReadFile("misp-galaxy", sharedFile(t, "data/misp-galaxy/"+f+".json"), countries(t))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := catalog.SaveImport(dir, "misp-galaxy-"+f, f, es); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Logf("%s: %d entries", f, len(es))
	}
	loaded, err := catalog.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("merged catalogue: %d entities, %d conflicts", len(loaded.Entities()), len(loaded.Conflicts))
	for _, p := range catalog.Validate(loaded.Entities()) {
		if p.Severity == "error" && !strings.Contains(p.Msg, "no link") {
			t.Errorf("after import: %s", p)
		}
	}
	// The seeds' actors still resolve as before.
	for q, want := range map[string]string{"UNSC 2814": "G0093", "APT27": "G0027", "Violet Typhoon": "G0128"} {
		if m, ok := loaded.Resolve(q); !ok || m.Entity.AttackID() != want {
			t.Errorf("after import, %s -> %v, want %s", q, m.Entity, want)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var binary string

// TestMain builds the command once; the tests run it as a user would.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "aptwatch-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "aptwatch")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"--data-dir", t.TempDir()}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	cmd.Stdin = strings.NewReader(stdin)
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestResolveAcceptance(t *testing.T) {
	out, errOut, code := run(t, "", "catalog", "resolve", "UNSC 2814", "GALLIUM", "Softcell", "Granite Typhoon", "APT27",
		"Emissary Panda", "Linen Typhoon", "APT31", "Violet Typhoon", "APT30", "no such actor")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rs []struct {
		Query    string  `json:"query"`
		ID       *string `json:"id"`
		AttackID *string `json:"attack_id"`
	}
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatal(err)
	}
	want := []string{"G0093", "G0093", "G0093", "G0093", "G0027", "G0027", "G0027", "G0128", "G0128", "G0013", ""}
	if len(rs) != len(want) {
		t.Fatalf("%d results, want %d", len(rs), len(want))
	}
	for i, r := range rs {
		got := ""
		if r.AttackID != nil {
			got = *r.AttackID
		}
		if got != want[i] {
			t.Errorf("%q: %q, want %q", r.Query, got, want[i])
		}
	}
	if rs[len(rs)-1].ID != nil {
		t.Error(`an unknown name must give "id": null`)
	}
}

// TestResolveMany: thousands of names in one call, from stdin.
func TestResolveMany(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 5000; i++ {
		in.WriteString("APT29\nnothing at all\n")
	}
	out, errOut, code := run(t, in.String(), "catalog", "resolve", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rs []map[string]any
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 10000 {
		t.Fatalf("%d results (%v), want 10000", len(rs), err)
	}
}

// TestExtractBadInput: every kind of bad input gives a clear error or a
// result for that input, the others still print, and the exit status is 1.
func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Researchers said the Kimsuky group targeted think tanks in South Korea.\n"))
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Il gruppo APT28 ha colpito ministeri in Germania." {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	nested := strings.Repeat("<div>", 200000) + "APT29 was here" + strings.Repeat("</div>", 10)
	longLine := bytes.Repeat([]byte("lorem ipsum APT31 "), 50<<20/18)
	inputs := []string{
		write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
		write("invalid-utf8.txt", []byte("The Lazarus Group \xff\xfe\xfd attacked banks.")),
		write("utf16.txt", utf16),
		write("latin1.txt", []byte("Le groupe APT28 a cibl\xe9 des minist\xe8res fran\xe7ais.")),
		write("empty.txt", nil),
		write("long-line.txt", longLine),
		write("nested.html", []byte(nested)),
		write("truncated.html", []byte("<html><head><title>APT41 charged</title></head><body><p>The Justice Department charged APT41 memb")),
		write("articles.jsonl", []byte("{\"id\":\"a1\",\"text\":\"MuddyWater hit Turkey.\"}\nthis is not json\n{\"id\":\"a2\",\"text\":\"APT29 again.\"}\n")),
		filepath.Join(dir, "does-not-exist.txt"),
		good,
	}
	out, errOut, code := run(t, "", append([]string{"extract", "--format", "jsonl"}, inputs...)...)
	if code != 1 {
		t.Errorf("exit status %d, want 1; stderr:\n%s", code, errOut)
	}
	if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine") {
		t.Fatalf("crashed:\n%s", errOut)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line is not JSON: %v", err)
		}
		ids[r.ID] = true
	}
	for _, id := range []string{"good", "a1", "a2", "latin1", "utf16", "invalid-utf8", "truncated"} {
		if !ids[id] {
			t.Errorf("no result for %s; stderr:\n%s", id, errOut)
		}
	}
	for _, want := range []string{"binary", "empty", "articles.jsonl:2", "does-not-exist"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not report %s:\n%s", want, errOut)
		}
	}
	t.Logf("stderr:\n%s", errOut)
}

func TestExtractSampleSummary(t *testing.T) {
	out, errOut, code := run(t, "", "extract", "../../examples/articles/nl-ministry-intrusion.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"ZIRCONIUM", "Sponsor:     China (CN)", "CVE-2023-4966", "Cobalt Strike"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"LockBit", "Sandworm", "GALLIUM"} {
		if strings.Contains(out, bad) {
			t.Errorf("summary reports %s, which only furniture or an ordinary word names:\n%s", bad, out)
		}
	}
}

func TestCatalogImportBadFileKeepsCatalogue(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("not json"), 0o644)
	_, errOut, code := run(t, "", "catalog", "import", "--format", "misp-galaxy", bad)
	if code != 1 || !strings.Contains(errOut, "not valid JSON") || !strings.Contains(errOut, "catalogue unchanged") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

package catalog

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared, from APTWATCH_SHARED or relative to the
// repository; tests that need it skip with a clear message when it is absent.
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

func sharedFile(t testing.TB, rel string) string {
	p := filepath.Join(sharedDir(t), rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: %v", p, err)
	}
	return p
}

func builtin(t testing.TB) *Catalog {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Package sharedtest locates the shared, read-only test data (annotated
// articles, MISP galaxy, ATT&CK, schemas) that tests read but the
// repository does not hold.
//
// The data lives in ../shared beside the repository, or wherever
// APTWATCH_SHARED points. When it is absent, tests skip with a message that
// says where they looked; with APTWATCH_REQUIRE_SHARED=1 (set by .ci/run)
// they fail instead, so CI never skips them silently.
package sharedtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared data directory, or skips (fails in CI) the test.
func Dir(t testing.TB) string {
	t.Helper()
	d := os.Getenv("APTWATCH_SHARED")
	if d == "" {
		_, file, _, _ := runtime.Caller(0)
		// internal/sharedtest/sharedtest.go -> repository -> ../shared
		d = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	}
	if _, err := os.Stat(d); err != nil {
		missing(t, d, err)
	}
	return d
}

// Path returns a file under the shared directory, or skips (fails in CI).
func Path(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Dir(t), rel)
	if _, err := os.Stat(p); err != nil {
		missing(t, p, err)
	}
	return p
}

func missing(t testing.TB, path string, err error) {
	t.Helper()
	if os.Getenv("APTWATCH_REQUIRE_SHARED") == "1" {
		t.Fatalf("shared test data required but missing at %s: %v", path, err)
	}
	t.Skipf("shared test data not found at %s (set APTWATCH_SHARED to its location): %v", path, err)
}

// Missing skips the test because shared data is absent at path, or fails it
// when APTWATCH_REQUIRE_SHARED=1.
func Missing(t testing.TB, path string, err error) {
	t.Helper()
	missing(t, path, err)
}

// ReadJSONL reads a JSON-lines file of shared data into values of type T,
// skipping (failing in CI) when the file is absent.
func ReadJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		missing(t, path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

package catalog

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

func sharedFile(t testing.TB, rel string) string { return sharedtest.Path(t, rel) }

func builtin(t testing.TB) *Catalog {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

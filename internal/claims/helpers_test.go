package claims

import (
	"sync"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

var (
	recOnce sync.Once
	recVal  *recognize.Recognizer
	recErr  error
)

// testRecognizer builds the recognizer over the built-in catalogue once for
// all tests of the package.
func testRecognizer(t testing.TB) *recognize.Recognizer {
	t.Helper()
	recOnce.Do(func() {
		cat, err := catalog.Builtin()
		if err != nil {
			recErr = err
			return
		}
		recVal = recognize.New(cat)
	})
	if recErr != nil {
		t.Fatal(recErr)
	}
	return recVal
}

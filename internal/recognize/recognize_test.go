package recognize

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

func testRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return New(cat)
}

// TestCandidatesLongestNoOverlap: a name inside a longer name is not found
// again ("Korea" in "North Korea", "Guinea" in "Papua New Guinea").
func TestCandidatesLongestNoOverlap(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text string
		want []string // entity ids in order
	}{
		{"North Korea and Papua New Guinea.", []string{"country:KP", "country:PG"}},
		{"APT27 APT30 APT31", []string{"actor:threat-group-3390", "actor:apt30", "actor:zirconium"}},
		{"UNSC 2814/GALLIUM/SOFTCELL", []string{"actor:gallium", "actor:gallium", "actor:gallium"}},
		{"Advanced Persistent Threat 31 and apt-27", []string{"actor:zirconium", "actor:threat-group-3390"}},
		{"the display is fine", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range r.Candidates(tt.text) {
			if len(c.Refs) > 0 && c.Refs[0].Entity.Kind != catalog.Sector {
				got = append(got, c.Refs[0].Entity.ID)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
				break
			}
		}
	}
}

package recognize

import (
	"os"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

func TestDebugDump(t *testing.T) {
	if os.Getenv("APTWATCH_DEBUG") == "" {
		t.Skip("set APTWATCH_DEBUG=1 to dump decisions")
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := New(cat)
	for _, g := range append(readGold(t, "seeds/gold.jsonl"), readGold(t, "articles/dev.jsonl")...) {
		if id := os.Getenv("APTWATCH_DEBUG_ID"); id != "" && id != g.ID {
			continue
		}
		a := r.Analyze(g.Text)
		t.Logf("=== %s gold actors %v sponsor %v victim %v", g.ID, len(g.Gold.Actors), g.Gold.Sponsor, g.Gold.Victim)
		for _, m := range a.Mentions {
			if m.Entity.Kind == catalog.Sector {
				continue
			}
			t.Logf("  %v %s %q -> %s: %s", m.Accepted, m.Entity.Kind, m.Text, m.Entity.ID, m.Reason)
		}
		for _, n := range a.NewActors {
			t.Logf("  NEW %q %s", n.Name, n.Reason)
		}
		for _, r := range a.CountryRoles() {
			if r.Role != RoleMentioned {
				t.Logf("  ROLE %s %s: %s", r.Code, r.Role, r.Reason)
			}
		}
	}
}

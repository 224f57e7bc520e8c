package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/article/language"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// seed is one line of ../shared/seeds/gold.jsonl (the fields used).
type seed struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// readSeeds returns the two seed articles by language.
func readSeeds(t *testing.T) map[string]seed {
	t.Helper()
	out := map[string]seed{}
	for _, s := range sharedtest.ReadJSONL[seed](t, sharedtest.Path(t, "seeds/gold.jsonl")) {
		out[s.Lang] = s
	}
	if out["en"].Text == "" || out["it"].Text == "" {
		t.Fatalf("seeds: want one English and one Italian article, have %d", len(out))
	}
	return out
}

// find returns the indexes of the claims that satisfy f.
func find(cs []Claim, f func(Claim) bool) []int {
	var out []int
	for i, c := range cs {
		if f(c) {
			out = append(out, i)
		}
	}
	return out
}

func byBelgium(c Claim) bool { return c.Attributor != nil && c.Attributor.ID == "country:BE" }

// TestSeedEnglish checks issue 5's acceptance list on the English seed.
func TestSeedEnglish(t *testing.T) {
	s := readSeeds(t)["en"]
	cs, clean := extractText(t, s.Text, "en")
	var belgian []int
	for _, actor := range []string{"actor:threat-group-3390", "actor:apt30", "actor:zirconium"} {
		got := find(cs, func(c Claim) bool {
			return c.Type == Attribution && c.Subject.ID == actor && byBelgium(c) && c.Object.Name == "FPS Interior"
		})
		if len(got) == 0 {
			t.Errorf("no attribution Belgian government -> %s -> FPS Interior", actor)
		}
		belgian = append(belgian, got...)
	}
	got := find(cs, func(c Claim) bool {
		return c.Type == Attribution && c.Subject.ID == "actor:gallium" && byBelgium(c) && c.Object.Name == "Belgian Defence"
	})
	if len(got) == 0 {
		t.Errorf("no attribution Belgian government -> GALLIUM -> Belgian Defence")
	}
	belgian = append(belgian, got...)
	if got := find(cs, func(c Claim) bool {
		return c.Type == Attribution && byBelgium(c) && c.Attributor.Name != "Belgian government"
	}); len(got) > 0 {
		t.Errorf("Belgium's attributions should all come from %q: %+v", "Belgian government", cs[got[0]].Attributor)
	}
	denials := find(cs, func(c Claim) bool {
		return c.Type == Denial && c.Attributor != nil && c.Attributor.Name == "Chinese embassy"
	})
	if len(denials) == 0 {
		t.Fatalf("no denial by the Chinese embassy")
	}
	for _, i := range belgian {
		if !slices.Contains(cs[denials[0]].Denies, i) {
			t.Errorf("the embassy's denial does not reject claim %d (%s -> %s)", i, cs[i].Attributor.Name, cs[i].Subject.Name)
		}
	}
	want := []struct {
		what string
		f    func(Claim) bool
	}{
		{"GALLIUM uses PingPull", func(c Claim) bool {
			return c.Type == Uses && c.Subject.ID == "actor:gallium" && c.Object.ID == "malware:pingpull"
		}},
		{"GALLIUM targets telecommunications", func(c Claim) bool {
			return c.Type == Targeting && c.Subject.ID == "actor:gallium" && c.Object.ID == "sector:telecommunications"
		}},
		{"GALLIUM first reported by Microsoft in December 2019", func(c Claim) bool {
			return c.Type == FirstReported && c.Subject.ID == "actor:gallium" && c.Attributor != nil && c.Attributor.Name == "Microsoft" &&
				c.Attributor.Kind == KindVendor && c.Date == "2019-12"
		}},
		{"GALLIUM active since 2012", func(c Claim) bool {
			return c.Type == Activity && c.Subject.ID == "actor:gallium" && c.Date == "2012"
		}},
		{"GALLIUM sponsored by China", func(c Claim) bool {
			return c.Type == Sponsorship && c.Subject.ID == "actor:gallium" && c.Object.ID == "country:CN"
		}},
		{"GALLIUM also named UNSC 2814", func(c Claim) bool {
			return c.Type == AliasClaim && c.Subject.ID == "actor:gallium" && c.Object.Name == "UNSC 2814"
		}},
		{"GALLIUM also named SOFTCELL", func(c Claim) bool {
			return c.Type == AliasClaim && c.Subject.ID == "actor:gallium" && c.Object.Name == "SOFTCELL"
		}},
	}
	for _, cc := range []string{"AF", "AU", "BE", "KH", "MY", "MZ", "PH", "RU", "VN"} {
		want = append(want, struct {
			what string
			f    func(Claim) bool
		}{"GALLIUM targets " + cc, func(c Claim) bool {
			return c.Type == Targeting && c.Subject.ID == "actor:gallium" && c.Object.ID == "country:"+cc
		}})
	}
	for _, w := range want {
		if len(find(cs, w.f)) == 0 {
			t.Errorf("missing: %s", w.what)
		}
	}
	for _, c := range cs {
		if c.Language != "en" || c.Evidence == "" || c.Evidence != clean[c.Start:c.End] || c.Evidence != strings.TrimSpace(c.Evidence) {
			t.Errorf("claim without its evidence sentence: %+v", c)
		}
	}
}

// TestSeedItalian checks the Italian seed: the same attributions, read from
// Italian sentences.
func TestSeedItalian(t *testing.T) {
	s := readSeeds(t)["it"]
	cs, _ := extractText(t, s.Text, "it")
	var belgian []int
	for _, actor := range []string{"actor:threat-group-3390", "actor:apt30", "actor:zirconium", "actor:gallium"} {
		got := find(cs, func(c Claim) bool { return c.Type == Attribution && c.Subject.ID == actor && byBelgium(c) })
		if len(got) == 0 {
			t.Errorf("no attribution Belgian government -> %s", actor)
		}
		belgian = append(belgian, got...)
	}
	// The Italian text says the three groups attacked "lo stato" and
	// GALLIUM "la difesa belga".
	for _, actor := range []string{"actor:threat-group-3390", "actor:apt30", "actor:zirconium"} {
		if len(find(cs, func(c Claim) bool {
			return c.Type == Attribution && c.Subject.ID == actor && byBelgium(c) && c.Object.ID == "country:BE" && c.Hedge == Possible
		})) == 0 {
			t.Errorf("no attribution Belgian government -> %s -> Belgium, hedged 'possono essere collegate'", actor)
		}
	}
	if len(find(cs, func(c Claim) bool {
		return c.Type == Attribution && c.Subject.ID == "actor:gallium" && byBelgium(c) && c.Object.Name == "difesa belga"
	})) == 0 {
		t.Errorf("no attribution Belgian government -> GALLIUM -> difesa belga")
	}
	denials := find(cs, func(c Claim) bool {
		return c.Type == Denial && c.Attributor != nil && c.Attributor.Name == "Chinese embassy"
	})
	if len(denials) == 0 {
		t.Fatalf("no denial by the Chinese embassy")
	}
	for _, i := range belgian {
		if !slices.Contains(cs[denials[0]].Denies, i) {
			t.Errorf("the embassy's denial does not reject claim %d (%s)", i, cs[i].Subject.Name)
		}
	}
	if len(find(cs, func(c Claim) bool {
		return c.Type == Exploits && c.Subject.ID == "actor:threat-group-3390" && c.Object.ID == "vulnerability:proxylogon"
	})) == 0 {
		t.Errorf("missing: APT27 exploits ProxyLogon")
	}
	for _, n := range []string{"Softcell", "UNSC 2814"} {
		if len(find(cs, func(c Claim) bool {
			return c.Type == AliasClaim && c.Subject.ID == "actor:gallium" && c.Object.Name == n
		})) == 0 {
			t.Errorf("missing: GALLIUM also named %s", n)
		}
	}
	for _, i := range belgian {
		c := cs[i]
		if c.Language != "it" || language.Detect(c.Evidence) != "it" {
			t.Errorf("claim %d: evidence not an Italian sentence (%s): %q", i, language.Detect(c.Evidence), c.Evidence)
		}
	}
}

package recognize

import (
	"strings"
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

// TestAnalyzeDecisions covers the evidence rules on sentences written for
// this test.
func TestAnalyzeDecisions(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		name string
		text string
		want []string // accepted actor ids, in order, duplicates kept
	}{
		{"number list", "Belgium named APT 27, 30 and 31 as the culprits.",
			[]string{"actor:threat-group-3390", "actor:apt30", "actor:zirconium"}},
		{"number list typo", "APT31 was named. Investigators listed APT 27, 30, and 3 among the groups.",
			[]string{"actor:zirconium", "actor:threat-group-3390", "actor:apt30", "actor:zirconium"}},
		{"slash list with near miss", "The hacker groups known as UNSC 2814/GALLIUM/SOFTCELL.",
			[]string{"actor:gallium", "actor:gallium", "actor:gallium"}},
		{"metal", "China restricts exports of gallium and germanium.", nil},
		{"metal capitalised", "Gallium Prices Jump After China Export Curbs", nil},
		{"actor with cue", "The Gallium group targeted telecom providers.", []string{"actor:gallium"}},
		{"planet", "The BepiColombo mission flew past Mercury on Tuesday.", nil},
		{"film", "Akira, the 1988 anime film, returns to cinemas.", nil},
		{"ransomware cue", "The Akira ransomware gang claimed the attack.", []string{"actor:akira"}},
		{"lower-case word", "Many bank accounts (conti correnti) were emptied.", nil},
		{"typo", "MuddyWater, also known as TEMP.Zargos, hit Turkey.", []string{"actor:muddywater", "actor:muddywater"}},
		{"alias statement", "APT41, autrement connu en tant que Barium ou Winnti, a frappé.",
			[]string{"actor:apt41", "actor:apt41", "actor:apt41"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := r.Analyze(tt.text)
			var got []string
			for _, m := range a.Accepted(catalog.Actor) {
				got = append(got, m.Entity.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				for _, m := range a.Mentions {
					t.Logf("%v %q -> %s: %s", m.Accepted, m.Text, m.Entity.ID, m.Reason)
				}
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCountryRoles covers sponsor, victim and attributor rules in several
// languages, on sentences written for this test.
func TestCountryRoles(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text string
		want map[string]string // code -> role expected among its roles
		not  map[string]string // code -> role that must not be given
	}{
		{"Belgium said Chinese state-backed groups targeted its defence ministry.",
			map[string]string{"CN": RoleSponsor, "BE": RoleAttributor}, nil},
		{"Il gruppo di hacker sostenuti dallo stato cinese ha preso di mira la difesa belga.",
			map[string]string{"CN": RoleSponsor, "BE": RoleVictim}, nil},
		{"Le groupe APT28, lié à la Russie, a visé des ministères en France.",
			map[string]string{"FR": RoleVictim}, nil},
		{"The Russia-linked ransomware gang hit hospitals in Germany.",
			map[string]string{"DE": RoleVictim}, map[string]string{"RU": RoleSponsor}},
		{"North Korean hackers stole cryptocurrency.", nil, map[string]string{"KP": RoleSponsor}},
		{"The U.S. government said the hackers worked for Iranian intelligence.",
			nil, map[string]string{"US": RoleSponsor}},
		{"Authorities in the Netherlands and Germany took part in the operation against the botnet.",
			nil, map[string]string{"NL": RoleVictim, "DE": RoleVictim}},
		{"Die Gruppe griff Ministerien in Deutschland, Frankreich und Italien an.",
			map[string]string{"DE": RoleVictim, "FR": RoleVictim, "IT": RoleVictim}, nil},
	}
	for _, tt := range tests {
		a := r.Analyze(tt.text)
		roles := map[string]map[string]bool{}
		for _, cr := range a.CountryRoles() {
			if roles[cr.Code] == nil {
				roles[cr.Code] = map[string]bool{}
			}
			roles[cr.Code][cr.Role] = true
		}
		for code, role := range tt.want {
			if !roles[code][role] {
				t.Errorf("%q: %s should be %s, got %v", tt.text, code, role, roles[code])
			}
		}
		for code, role := range tt.not {
			if roles[code][role] {
				t.Errorf("%q: %s must not be %s", tt.text, code, role)
			}
		}
	}
}

func TestTargets(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Belgium exposes activities targeting the FPS Interior and the Belgian Defence.", []string{"FPS Interior", "Belgian Defence"}},
		{"The attack hit Colonial Pipeline on Friday.", []string{"Colonial Pipeline"}},
		{"The group targeted Finland and Belgium.", nil},
		{"Hackers targeted Microsoft Exchange servers in March.", nil},
		{"Die Gruppe griff Forschungseinrichtungen an.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range r.Analyze(tt.text).Targets() {
			got = append(got, x.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: targets %q, want %q", tt.text, got, tt.want)
		}
	}
}

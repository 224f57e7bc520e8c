package catalog

import "testing"

// TestResolveAcceptance is the resolution check: the Belgian seeds'
// actors under every name the press and vendors use.
func TestResolveAcceptance(t *testing.T) {
	c := builtin(t)
	tests := []struct{ query, attack string }{
		{"UNSC 2814", "G0093"}, {"GALLIUM", "G0093"}, {"Softcell", "G0093"}, {"Granite Typhoon", "G0093"},
		{"APT27", "G0027"}, {"Emissary Panda", "G0027"}, {"Linen Typhoon", "G0027"},
		{"APT31", "G0128"}, {"Violet Typhoon", "G0128"}, {"APT30", "G0013"},
		{"APT 31", "G0128"}, {"apt-31", "G0128"}, {"Advanced Persistent Threat 31", "G0128"},
		{"Threat Group 3390", "G0027"}, {"TG-3390", "G0027"}, {"ZIRCONIUM", "G0128"},
		{"JUDGMENT PANDA", "G0128"}, {"BRONZE VINEWOOD", "G0128"}, {"Kuschelbär", "G0016"},
		{"kuschelbar", "G0016"}, {"TEMP.Zagros", "G0069"}, {"Static Kitten", "G0069"},
		{"Thallium", "G0094"}, {"ZINC", "G0032"}, {"Blind Eagle", "G0099"},
	}
	for _, tt := range tests {
		m, ok := c.Resolve(tt.query)
		if !ok {
			t.Errorf("%q: not resolved, want %s", tt.query, tt.attack)
			continue
		}
		if got := m.Entity.AttackID(); got != tt.attack {
			t.Errorf("%q: resolved to %s (%s), want %s", tt.query, m.Entity.Name, got, tt.attack)
		}
	}
}

func TestNearMiss(t *testing.T) {
	c := builtin(t)
	tests := []struct {
		query string
		want  string // "" = must not resolve by near miss
	}{
		{"UNSC 2814", "G0093"},
		{"UNSC2814", "G0093"},
		{"XYZQ 2814", ""}, // two edits away
		{"UNC 99999", ""}, // no such digits
	}
	for _, tt := range tests {
		ref, ok := c.NearMiss(tt.query, Actor)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%q: near miss to %s, want none", tt.query, ref.Entity.Name)
		case tt.want != "" && (!ok || ref.Entity.AttackID() != tt.want):
			t.Errorf("%q: near miss %v %v, want %s", tt.query, ok, ref.Entity, tt.want)
		}
	}
}

func TestValidateBuiltin(t *testing.T) {
	es, err := BuiltinEntities()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Validate(es) {
		if p.Severity == "error" {
			t.Error(p)
		}
	}
}

func TestBuiltinSize(t *testing.T) {
	c := builtin(t)
	count := map[Kind]int{}
	crime := 0
	for _, e := range c.Entities() {
		count[e.Kind]++
		if e.Kind == Actor && (e.Type == "ransomware" || e.Type == "criminal" || e.Type == "hacktivist") {
			crime++
		}
	}
	t.Logf("built-in catalogue: %v; %d ransomware/criminal/hacktivist actors", count, crime)
	mins := map[Kind]int{Actor: 280, Country: 240, Sector: 25, Vulnerability: 60}
	for k, n := range mins {
		if count[k] < n {
			t.Errorf("%d %s entities, want at least %d", count[k], k, n)
		}
	}
	if count[Malware]+count[Tool] < 300 {
		t.Errorf("%d malware and tools, want at least 300", count[Malware]+count[Tool])
	}
	if crime < 100 {
		t.Errorf("%d ransomware, criminal and hacktivist groups, want at least 100", crime)
	}
}

package catalog

import (
	"bytes"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `# comment
actor GALLIUM
  attack G0093
  type apt
  sponsor CN
  alias Granite Typhoon | Microsoft
  alias Gallium | Microsoft | medium
  alias UNC2814 | Mandiant
  link similar actor:apt41 0.3 | a note

country Belgium
  id country:BE
  adj it belga; belgi
`
	es, err := Parse(strings.NewReader(src), "test.txt", "builtin")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("got %d entities, want 2", len(es))
	}
	g := es[0]
	if g.ID != "actor:gallium" || g.AttackID() != "G0093" || g.Sponsor != "CN" || len(g.Aliases) != 3 || len(g.Links) != 1 {
		t.Errorf("GALLIUM parsed wrong: %+v", g)
	}
	if g.Aliases[1].Ambiguity != AmbiguityMedium || g.Aliases[0].Source != "Microsoft" {
		t.Errorf("alias flags parsed wrong: %+v", g.Aliases)
	}
	if b := es[1]; b.ID != "country:BE" || len(b.Aliases) != 2 || !b.Aliases[0].Adjective || b.Aliases[0].Lang != "it" {
		t.Errorf("Belgium parsed wrong: %+v", b)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown kind", "thing X\n", "must start with a kind"},
		{"property first", "  alias X\n", "before any record"},
		{"bad attack id", "actor X\n  attack 93\n", "ATT&CK id"},
		{"bad sponsor", "actor X\n  sponsor China\n", "alpha-2"},
		{"bad flag", "actor X\n  alias Y | Z | maybe\n", "unknown alias flag"},
		{"bad link", "actor X\n  link similar actor:y\n", "link wants"},
		{"bad score", "actor X\n  link similar actor:y 2\n", "between 0 and 1"},
		{"bad cve", "vulnerability X\n  cve CVE-21-1\n", "not a CVE"},
		{"bad lang", "country X\n  adj xx foo\n", "unknown language"},
		{"unknown property", "actor X\n  colour red\n", "unknown property"},
		{"empty value", "actor X\n  alias\n", "without a value"},
		{"no name", "actor ---\n", "without a usable name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.src), "t.txt", "builtin")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "t.txt:") {
				t.Errorf("error %q does not say where", err)
			}
		})
	}
}

// TestWriteRoundTrip checks that stored imports read back unchanged.
func TestWriteRoundTrip(t *testing.T) {
	es, err := BuiltinEntities()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, es); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(&buf, "roundtrip", "builtin")
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(es) {
		t.Fatalf("%d entities back, want %d", len(back), len(es))
	}
	for i := range es {
		if es[i].ID != back[i].ID || len(es[i].Aliases) != len(back[i].Aliases) || len(es[i].Links) != len(back[i].Links) {
			t.Fatalf("entity %s changed in the round trip", es[i].ID)
		}
	}
}

func TestKeyVariants(t *testing.T) {
	tests := []struct {
		name string
		want []string // keys that must be among the variants
	}{
		{"APT27", []string{" apt27 ", " apt  27 ", " advanced  persistent  threat  27 "}},
		{"TG-3390", []string{" tg  3390 ", " tg3390 ", " threat  group  3390 "}},
		{"Threat Group-3390", []string{" threat  group  3390 ", " threatgroup3390 "}},
		{"Kuschelbär", []string{" kuschelbar "}},
		{"NoName057(16)", []string{" noname057  16 "}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, k := range KeyVariants(tt.name) {
			got[k] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("KeyVariants(%q) = %q, missing %q", tt.name, KeyVariants(tt.name), w)
			}
		}
	}
}

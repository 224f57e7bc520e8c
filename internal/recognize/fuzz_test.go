package recognize

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze: any text, however broken, gives mentions whose offsets lie
// inside it on rune boundaries and whose Text is the text they point at.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"APT27, APT30 and APT31 attacked Belgium. UNSC 2814/GALLIUM/SOFTCELL",
		"Il gruppo APT 27, 30 e 31 sostenuto dallo stato cinese",
		"gallium prices rose; Gallium Typhoon?",
		"\xff\xfeA\x00P\x00T\x00",
		"Kuschelbär / Cozy Bear — «APT29»",
		"TEMP.Zargos dubbed Storm-0558 tracked as UNC5221",
		"",
	} {
		f.Add(s)
	}
	r := testRecognizer(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := r.Analyze(text)
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("mention %q at [%d,%d) outside text of %d bytes", m.Text, m.Start, m.End, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention text %q differs from text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			// Invalid UTF-8 decodes byte by byte, so only valid text has
			// rune boundaries to respect (the article cleaner makes all
			// text valid before recognition).
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("mention %q at [%d,%d) splits a rune", m.Text, m.Start, m.End)
			}
		}
		for _, n := range a.NewActors {
			if n.Start < 0 || n.End > len(text) || n.Start > n.End {
				t.Fatalf("new actor %q at [%d,%d) outside text", n.Name, n.Start, n.End)
			}
		}
		a.CountryRoles()
	})
}

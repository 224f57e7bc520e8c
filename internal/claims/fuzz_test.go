package claims

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text gives well-formed claims: evidence that
// is the sentence at the claim's offsets, and denials that point at
// attributions.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The FBI said the Lazarus Group was behind the theft. North Korea denied it.",
		"“Belgium assesses these activities to have been undertaken by APT31.” reads the Declaration by the Minister.",
		"Il gruppo APT28, noto anche come Fancy Bear/Sofacy, è attivo dal 2004. Mosca ha negato.",
		"According to\u201c\u201d the \"group\" (APT29 / ) since 2012 «first reported by» ESET in",
		"Le groupe\n\nAPT41 ou Winnti — selon l'ANSSI — a exploité CVE-2021-44228.",
	} {
		f.Add(s)
	}
	rec := testRecognizer(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := rec.Analyze(text)
		cs := Extract(a, "en")
		for i, c := range cs {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Evidence {
				t.Fatalf("claim %d: evidence %q does not match offsets %d-%d", i, c.Evidence, c.Start, c.End)
			}
			if c.Sentence < 0 || c.Sentence >= len(a.Sentences) {
				t.Fatalf("claim %d: sentence %d out of range", i, c.Sentence)
			}
			for _, j := range c.Denies {
				if c.Type != Denial || j < 0 || j >= len(cs) || cs[j].Type != Attribution {
					t.Fatalf("claim %d (%s) denies %d, which is not an attribution", i, c.Type, j)
				}
			}
		}
	})
}

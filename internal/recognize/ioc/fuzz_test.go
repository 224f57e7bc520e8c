package ioc

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind checks what must hold for any input: no panic, offsets in
// range, in order, without overlap, on rune boundaries of valid UTF-8, and
// Text equal to the slice the offsets name.
func FuzzFind(f *testing.F) {
	for _, tc := range findTests {
		f.Add(tc.text)
	}
	f.Add("hxxp[:]//1[.]2[.]3[.]4[:]80/a_(b)] user [at] x [dot] io ::1 fe80::1%eth0 CVE\u2011 2021 \u2013 1234")
	f.Fuzz(func(t *testing.T, text string) {
		got := Find(text)
		checkInvariants(t, text, got)
		if !utf8.ValidString(text) {
			return
		}
		for _, g := range got {
			if !utf8.RuneStart(text[g.Start]) || g.End < len(text) && !utf8.RuneStart(text[g.End]) {
				t.Fatalf("%s %q at %d:%d splits a rune", g.Kind, g.Text, g.Start, g.End)
			}
		}
	})
}

// TestLinear feeds inputs built to make a naive scanner retry at every
// position; each must take about as long as plain text.
func TestLinear(t *testing.T) {
	const n = 1 << 20
	for _, unit := range []string{
		"a-", "a.", "1.", "a+", "a@", "a:", "1:", "::", "http://-/", "http://a.", "[.]a",
		"a [.] ", "cve-", "x(", "ab12", "é.", "a@b.", "a.b.c.d.e@",
	} {
		text := strings.Repeat(unit, n/len(unit))
		start := time.Now()
		Find(text)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q×%d took %v", unit, n/len(unit), d)
		}
	}
}

package article

import (
	"strings"
	"testing"
	"time"
)

// TestDeepNesting: 100k nested elements must neither blow the stack nor
// take long (the parser's scope checks are quadratic in depth).
func TestDeepNesting(t *testing.T) {
	const n = 100000
	pages := map[string]string{
		"closed": "<html><body>" + strings.Repeat("<div>", n) + "<p>APT28 hid its tools deep in the page.</p>" + strings.Repeat("</div>", n) + "</body></html>",
		"open":   "<html><body>" + strings.Repeat("<div><span><b>", n) + "APT28 never closes its tags.",
		"table":  "<html><body>" + strings.Repeat("<table><tr><td>", n/3) + "APT28 nests tables.",
	}
	for name, page := range pages {
		start := time.Now()
		a, err := Parse([]byte(page), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if !strings.Contains(a.Text, "APT28") {
			t.Errorf("%s: text lost: %q", name, a.Text)
		}
	}
}

func TestLimitDepth(t *testing.T) {
	in := strings.Repeat("<div>", 10) + "x" + strings.Repeat("</div>", 10)
	if got := limitDepth(in, 20); got != in {
		t.Errorf("shallow page changed: %q", got)
	}
	got := limitDepth(in, 3)
	if strings.Count(got, "<div>") != 3 || strings.Count(got, "</div>") != 3 || !strings.Contains(got, "x") {
		t.Errorf("limitDepth = %q", got)
	}
}

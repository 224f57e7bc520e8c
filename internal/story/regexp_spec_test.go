package story

import (
	"math/rand"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// The date and amount scanners follow regular expressions, kept here as
// their specification: the scanners must find what these find.

func specSortByLenDesc(xs []string) {
	slices.SortFunc(xs, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
}

var specMonthAlt = func() string {
	var ns []string
	for n := range monthNames {
		ns = append(ns, n)
	}
	// Longest first, so that "mayo" is not read as "may".
	specSortByLenDesc(ns)
	return "(" + strings.Join(ns, "|") + ")"
}()

var specMagnitudeAlt = func() string {
	var ns []string
	for n := range magnitudes {
		ns = append(ns, regexp.QuoteMeta(n))
	}
	specSortByLenDesc(ns)
	return strings.Join(ns, "|")
}()

var (
	specISO    = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	specDMY    = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|er|o|\.)?\s+(?:de\s+)?` + specMonthAlt + `\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\b`)
	specMDY    = regexp.MustCompile(specMonthAlt + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	specNum    = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b`)
	specMY     = regexp.MustCompile(`\b` + specMonthAlt + `\.?,?\s+(?:de\s+|del\s+|of\s+)?((?:19|20)\d\d)\b`)
	specAmount = regexp.MustCompile(`(^|[^0-9.,:/\-a-z])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(` + specMagnitudeAlt + `)\b)?`)
)

func specAtoi(s string, m []int, g int) int {
	if m[2*g] < 0 {
		return 0
	}
	n, _ := strconv.Atoi(s[m[2*g]:m[2*g+1]])
	return n
}

// specTextDates is textDates as the expressions read dates.
func specTextDates(text, lang string) (from, to, after time.Time) {
	fold := namekey.Fold(text)
	type hit struct {
		at  int
		t   time.Time
		day bool
	}
	var hits []hit
	add := func(at, y, mo, d int, day bool) {
		if valid(y, mo, d) {
			hits = append(hits, hit{at, time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), day})
		}
	}
	for _, m := range specISO.FindAllStringSubmatchIndex(fold, -1) {
		add(m[0], specAtoi(fold, m, 1), specAtoi(fold, m, 2), specAtoi(fold, m, 3), true)
	}
	for _, m := range specDMY.FindAllStringSubmatchIndex(fold, -1) {
		add(m[0], specAtoi(fold, m, 3), int(monthNames[fold[m[4]:m[5]]]), specAtoi(fold, m, 1), true)
	}
	for _, m := range specMDY.FindAllStringSubmatchIndex(fold, -1) {
		add(m[0], specAtoi(fold, m, 3), int(monthNames[fold[m[2]:m[3]]]), specAtoi(fold, m, 2), true)
	}
	for _, m := range specNum.FindAllStringSubmatchIndex(fold, -1) {
		a, b := specAtoi(fold, m, 1), specAtoi(fold, m, 2)
		d, mo := a, b
		if lang == "en" {
			d, mo = b, a
		}
		if d <= 12 && mo <= 12 && d != mo && lang == "en" {
			continue
		}
		if mo > 12 {
			d, mo = mo, d
		}
		add(m[0], specAtoi(fold, m, 3), mo, d, true)
	}
	for _, m := range specMY.FindAllStringSubmatchIndex(fold, -1) {
		add(m[0], specAtoi(fold, m, 2), int(monthNames[fold[m[2]:m[3]]]), 1, false)
	}
	first := -1
	for i, h := range hits {
		if h.t.After(after) {
			after = h.t
		}
		if h.day && h.at < datelineBytes && (first < 0 || h.at < hits[first].at) {
			first = i
		}
	}
	if from.IsZero() && first >= 0 {
		from, to = hits[first].t, hits[first].t
	}
	return from, to, after
}

// specNumbers is numbers as the expressions read amounts.
func specNumbers(text string) []string {
	fold := namekey.Fold(text)
	for _, re := range []*regexp.Regexp{specISO, specDMY, specMDY, specNum, specMY} {
		fold = re.ReplaceAllStringFunc(fold, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	var out []string
	for _, m := range specAmount.FindAllStringSubmatchIndex(fold, -1) {
		num := fold[m[4]:m[5]]
		end := m[5]
		if end < len(fold) && (fold[end] == ':' || fold[end] == '/' || fold[end] == '-' ||
			end+1 < len(fold) && (fold[end] == '.' || fold[end] == ',') && isDigit(fold[end+1])) {
			continue
		}
		if end+1 < len(fold) && fold[end] == ' ' && isDigit(fold[end+1]) ||
			m[4] >= 2 && fold[m[4]-1] == ' ' && isDigit(fold[m[4]-2]) {
			continue
		}
		v, ok := parseNumber(num)
		if !ok {
			continue
		}
		mag := ""
		if m[6] < 0 && end < len(fold) && isLetter(fold[end]) {
			continue
		}
		if m[6] >= 0 {
			mag = fold[m[6]:m[7]]
			v *= magnitudes[mag]
		}
		if mag == "" && (v < 20 || v != float64(int64(v)) || v >= 1900 && v <= 2100) {
			continue
		}
		if v < 20 {
			continue
		}
		out = append(out, strconv.FormatInt(int64(v+0.5), 10))
	}
	return out
}

// specFragments are the pieces random texts are made of: what the
// expressions look for, and what comes close.
var specFragments = strings.Fields(`19 07 7 1 31 12 2021 1999 2020 1890 2101 20 19. 1st 2nd 3rd 24th 1er 1o
	de del of . , .. / - : _ a th st x todayjuly julyx july jul. mayo may mai marzo mar marz märz März
	décembre DÉCEMBRE Février sept. septiembre augustus gen Dec. JULY 2021-07-19 2021-7-19 19/07/2021 19.07.2021
	5/7/2021 13/05/2021 date date 2021-07 1,500 1.500 3,5 70M 70 m mn mln mio million million. millions
	millionen milliarden mrd k b bn thousand mila mil duizend 88.0.4324.150 375 593 1011 $70 €3 10:45 5G 88a
	100.000 12,5 0,5 1.2.2021 v1.2 ж é ü $ ( )`)

func specText(r *rand.Rand) string {
	var b strings.Builder
	if r.Intn(4) == 0 {
		b.WriteString([]string{" date ", "date ", "\tdate ", " Date "}[r.Intn(4)])
	}
	for n := r.Intn(12); n >= 0; n-- {
		b.WriteString(specFragments[r.Intn(len(specFragments))])
		b.WriteString([]string{" ", "", "  ", "\n", ", ", " ", "\u00a0"}[r.Intn(7)])
	}
	return b.String()
}

// TestScannersFollowSpec compares the scanners with the expressions on
// random texts made of date and amount fragments, and on the test texts.
func TestScannersFollowSpec(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var texts []string
	for i := 0; i < 20000; i++ {
		texts = append(texts, specText(r))
	}
	for _, bt := range benchTexts {
		texts = append(texts, bt.text)
	}
	bad := 0
	for i, tx := range texts {
		for _, lang := range []string{"en", "de"} {
			f1, t1, a1 := textDates(tx, lang)
			f2, t2, a2 := specTextDates(tx, lang)
			if !f1.Equal(f2) || !t1.Equal(t2) || !a1.Equal(a2) {
				t.Errorf("textDates(%q, %s) = %v %v %v, want %v %v %v", tx, lang, d(f1), d(t1), d(a1), d(f2), d(t2), d(a2))
				bad++
			}
		}
		if got, want := numbers(tx), specNumbers(tx); !slices.Equal(got, want) {
			t.Errorf("%d: numbers(%q) = %v, want %v", i, tx, got, want)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
}

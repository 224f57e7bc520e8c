package article

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	dps "github.com/markusmobius/go-dateparser"
	dpsdate "github.com/markusmobius/go-dateparser/date"
)

// Publication dates are reported only when complete (year, month, day):
// a month-only date says too little to order stories and would be a
// guess dressed as a fact.

// monthNames maps lowercase month names and abbreviations in the
// languages we read to month numbers. Languages outside this table are
// handled by go-dateparser (see parseForeignDate).
var monthNames = map[string]int{}

func init() {
	add := func(m int, names ...string) {
		for _, n := range names {
			monthNames[n] = m
		}
	}
	// en, it, fr, de, es, nl, pt; abbreviations included.
	add(1, "january", "jan", "gennaio", "gen", "janvier", "janv", "januar", "jänner", "jän", "enero", "ene", "januari", "janeiro")
	add(2, "february", "feb", "febbraio", "février", "fevrier", "févr", "fevr", "février", "februar", "febrero", "februari", "fevereiro", "fev")
	add(3, "march", "mar", "marzo", "mars", "märz", "maerz", "mär", "maart", "mrt", "março", "marco")
	add(4, "april", "apr", "aprile", "avril", "avr", "abril", "abr")
	add(5, "may", "maggio", "mag", "mai", "mayo", "mei", "maio")
	add(6, "june", "jun", "giugno", "giu", "juin", "juni", "junio", "junho")
	add(7, "july", "jul", "luglio", "lug", "juillet", "juil", "juli", "julio", "julho")
	add(8, "august", "aug", "agosto", "ago", "août", "aout", "augustus")
	add(9, "september", "sep", "sept", "settembre", "set", "septembre", "septiembre", "setiembre", "setembro")
	add(10, "october", "oct", "ottobre", "ott", "octobre", "oktober", "okt", "octubre", "outubro")
	add(11, "november", "nov", "novembre", "noviembre", "novembro")
	add(12, "december", "dec", "dicembre", "dic", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dezembro")
}

var (
	isoRe = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$)`)
	numRe = regexp.MustCompile(`(?:^|[^\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)(?:[^\d]|$)`)
	// Day-word-year ("19 luglio 2022", "24th february, 2022", "10 de mayo
	// de 2021") and word-day-year ("july 5, 2021"). The word is looked up
	// in monthNames; unknown words go to go-dateparser.
	dmyRe    = regexp.MustCompile(`(?:^|[^\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?(\p{L}{3,12})\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d\d)(?:[^\d]|$)`)
	mdyRe    = regexp.MustCompile(`(?:^|[^\p{L}\d])(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:[^\d]|$)`)
	markerRe = regexp.MustCompile(`^[ \t]*date[ \t]+((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?\b[ \t]*`)
)

// hasYear: every date shape we read has a four-digit year 19xx or 20xx;
// lines without one (nearly all) skip the regular expressions.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') &&
			isDigit(s[i+2]) && isDigit(s[i+3]) && (i+4 == len(s) || !isDigit(s[i+4])) && (i == 0 || !isDigit(s[i-1])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// unglue lowercases s and separates words glued by page widgets
// ("todayJuly 5, 2021" -> "today july 5, 2021").
func unglue(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	prevLower := false
	for _, r := range s {
		if prevLower && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		prevLower = unicode.IsLower(r)
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// civil is a calendar date.
type civil struct{ y, m, d int }

func (c civil) String() string { return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d) }

func validDate(y, m, d int) bool {
	if y < 1990 || y > time.Now().Year()+1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateMatch is a full date found in a line, with its byte span in the
// lowercased, camel-split copy used for matching (only its length is
// used, to judge how much of the line the date fills).
type dateMatch struct {
	date       civil
	start, end int
	text       string
}

// dateOpts tunes findDate.
type dateOpts struct {
	// mdy says whether an ambiguous numeric date (03/04/2021) is
	// month-first (US English); it is called only for such a date, and
	// nil means day-first.
	mdy func() bool
	// foreign bounds the calls to go-dateparser (about 2 ms each) for
	// one document, so that a page full of date-like lines cannot make
	// parsing slow; nil means no bound.
	foreign *int
}

// findDate looks for the first complete date in s.
func findDate(s string, opt dateOpts) (dateMatch, bool) {
	mdy := opt.mdy
	if !hasYear(s) {
		return dateMatch{}, false
	}
	t := unglue(s)
	var best dateMatch
	found := false
	try := func(c civil, start, end int) {
		if !validDate(c.y, c.m, c.d) {
			return
		}
		if !found || start < best.start {
			best, found = dateMatch{c, start, end, t[start:end]}, true
		}
	}
	if m := isoRe.FindStringSubmatchIndex(t); m != nil {
		try(civil{atoi(t[m[2]:m[3]]), atoi(t[m[4]:m[5]]), atoi(t[m[6]:m[7]])}, m[2], m[7])
	}
	// Candidates with an unknown month word, for go-dateparser.
	var foreign [][2]int
	for _, m := range dmyRe.FindAllStringSubmatchIndex(t, 4) {
		if mo, ok := monthNames[t[m[4]:m[5]]]; ok {
			try(civil{atoi(t[m[6]:m[7]]), mo, atoi(t[m[2]:m[3]])}, m[2], m[7])
			break
		}
		foreign = append(foreign, [2]int{m[2], m[7]})
	}
	for _, m := range mdyRe.FindAllStringSubmatchIndex(t, 4) {
		if mo, ok := monthNames[t[m[2]:m[3]]]; ok {
			try(civil{atoi(t[m[6]:m[7]]), mo, atoi(t[m[4]:m[5]])}, m[2], m[7])
			break
		}
		foreign = append(foreign, [2]int{m[2], m[7]})
	}
	if m := numRe.FindStringSubmatchIndex(t); m != nil {
		a, b, y := atoi(t[m[2]:m[3]]), atoi(t[m[4]:m[5]]), atoi(t[m[6]:m[7]])
		switch {
		case a > 12:
			try(civil{y, b, a}, m[2], m[7])
		case b > 12:
			try(civil{y, a, b}, m[2], m[7])
		case mdy != nil && mdy():
			try(civil{y, a, b}, m[2], m[7])
		default:
			try(civil{y, b, a}, m[2], m[7])
		}
	}
	if found {
		return best, true
	}
	// "20. julij 2020": a date shape with a month word we do not know.
	// go-dateparser knows some 200 languages; it is slow (milliseconds),
	// so it only sees these short candidates, never whole texts.
	for _, f := range foreign {
		if opt.foreign != nil {
			if *opt.foreign <= 0 {
				break
			}
			*opt.foreign--
		}
		if c, ok := parseForeignDate(t[f[0]:f[1]]); ok {
			return dateMatch{c, f[0], f[1], t[f[0]:f[1]]}, true
		}
	}
	return dateMatch{}, false
}

var (
	dpsOnce   sync.Once
	dpsConfig *dps.Configuration
)

func parseForeignDate(s string) (civil, bool) {
	dpsOnce.Do(func() {
		dpsConfig = &dps.Configuration{
			StrictParsing: true,
			RequiredParts: []string{"day", "month", "year"},
			// A fixed reference time keeps results reproducible; with all
			// parts required it is never used to fill a gap.
			CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		}
	})
	d, err := dps.Parse(dpsConfig, s)
	// Day or finer precision: the input named a day, it was not filled in.
	if err != nil || d.IsZero() || !(d.Period == dpsdate.Day || d.Period.IsTime()) {
		return civil{}, false
	}
	c := civil{d.Time.Year(), int(d.Time.Month()), d.Time.Day()}
	return c, validDate(c.y, c.m, c.d)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parseMarker reads the " date YYYY[-MM[-DD]]" marker that leads some
// stored page texts. It returns the text after the marker, the date when
// complete, and the month (YYYY-MM) when the marker gives only that.
func parseMarker(text string) (rest, date, month string) {
	m := markerRe.FindStringSubmatchIndex(text)
	if m == nil {
		return text, "", ""
	}
	if m[4] >= 0 {
		y, mo := atoi(text[m[2]:m[3]]), atoi(text[m[4]:m[5]])
		switch {
		case m[6] >= 0 && validDate(y, mo, atoi(text[m[6]:m[7]])):
			date = civil{y, mo, atoi(text[m[6]:m[7]])}.String()
		case m[6] < 0 && validDate(y, mo, 1):
			month = civil{y, mo, 1}.String()[:len("2006-01")]
		}
	}
	return text[m[1]:], date, month
}

var (
	urlSlashRe   = regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$|[^\d])`)
	urlDashRe    = regexp.MustCompile(`(?:^|[/_.\-])((?:19|20)\d\d)[-_](\d\d)[-_](\d\d)(?:$|[/_.\-])`)
	urlCompactRe = regexp.MustCompile(`(?:^|[/_.\-])((?:19|20)\d\d)(\d\d)(\d\d)(?:$|[/_.\-])`)
)

// dateFromURL reads a date from the URL path (/2022/07/19/, -2022-07-19-,
// -20220719-). The query string and fragment are ignored: tracking
// parameters carry timestamps of the visit, not of the article.
func dateFromURL(raw string) string {
	if raw == "" {
		return ""
	}
	path := raw
	if u, err := url.Parse(raw); err == nil {
		path = u.EscapedPath()
	}
	for _, re := range []*regexp.Regexp{urlSlashRe, urlDashRe, urlCompactRe} {
		for _, m := range re.FindAllStringSubmatch(path, -1) {
			y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
			if validDate(y, mo, d) {
				return civil{y, mo, d}.String()
			}
		}
	}
	return ""
}

// isoOrRFC parses metadata dates, trying RFC 3339 and ISO forms first
// (the overwhelmingly common case in <meta> and JSON-LD) before the
// general finder.
func isoOrRFC(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			if validDate(t.Year(), int(t.Month()), t.Day()) {
				return civil{t.Year(), int(t.Month()), t.Day()}.String()
			}
			return ""
		}
	}
	if m, ok := findDate(s, dateOpts{}); ok {
		return m.date.String()
	}
	return ""
}

// englishLike is a cheap hint for reading 03/04/2021: month-first only
// for English-language text. It counts a few function words.
func englishLike(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	en, other := 0, 0
	for _, w := range tokens(s) {
		switch w {
		case "the", "and", "of", "to", "is", "that", "with":
			en++
		case "il", "la", "di", "le", "les", "des", "der", "die", "und", "el", "los", "de", "het", "een", "que", "et":
			other++
		}
	}
	return en > other
}

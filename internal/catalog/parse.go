package catalog

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// ParseError reports a malformed line of a catalogue data file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var (
	attackIDRe  = regexp.MustCompile(`^[GSC]\d{4}$`)
	cveRe       = regexp.MustCompile(`^CVE-\d{4}-\d{4,}$`)
	countryRe   = regexp.MustCompile(`^[A-Z]{2}$`)
	knownLangs  = map[string]bool{"en": true, "it": true, "fr": true, "de": true, "es": true, "nl": true, "pt": true}
	actorTypes  = map[string]bool{"apt": true, "ransomware": true, "criminal": true, "hacktivist": true, "unknown": true}
	relations   = map[string]bool{"similar": true, "overlaps": true, "attributed-to": true, "part-of": true, "variant-of": true, "conflict": true}
	motivations = map[string]bool{"espionage": true, "financial": true, "sabotage": true, "hacktivism": true, "mixed": true}
)

// Parse reads catalogue records in aptwatch's data format (see
// data/README.md). origin is recorded on every entity and alias; file is used
// in error messages.
func Parse(r io.Reader, file, origin string) ([]*Entity, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var (
		out  []*Entity
		cur  *Entity
		line int
	)
	fail := func(format string, args ...any) error {
		return &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if raw[0] != ' ' && raw[0] != '\t' {
			kindWord, name, _ := strings.Cut(trimmed, " ")
			kind, err := ParseKind(kindWord)
			if err != nil || kindWord != string(kind) {
				return nil, fail("a record must start with a kind (actor, campaign, malware, tool, vulnerability, country, sector), got %q", kindWord)
			}
			name = strings.TrimSpace(name)
			if name == "" || namekey.Key(name) == "" {
				return nil, fail("%s record without a usable name", kind)
			}
			cur = &Entity{Kind: kind, Name: name, Origin: origin, File: fmt.Sprintf("%s:%d", file, line)}
			out = append(out, cur)
			continue
		}
		if cur == nil {
			return nil, fail("property line before any record")
		}
		key, val, _ := strings.Cut(trimmed, " ")
		val = strings.TrimSpace(val)
		if val == "" {
			return nil, fail("property %q without a value", key)
		}
		if err := setProperty(cur, key, val, origin); err != nil {
			return nil, fail("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: file, Line: line + 1, Msg: err.Error()}
	}
	for _, e := range out {
		if e.ID == "" {
			e.ID = DefaultID(e.Kind, e.Name)
		}
	}
	return out, nil
}

// DefaultID is the id an entity gets when its record gives none.
func DefaultID(kind Kind, name string) string {
	return string(kind) + ":" + Slug(name)
}

// Slug is the lower-case name with runs of other characters turned into '-'.
func Slug(name string) string {
	return strings.ReplaceAll(strings.TrimSpace(namekey.Words(name)), " ", "-")
}

func setProperty(e *Entity, key, val, origin string) error {
	switch key {
	case "id":
		e.ID = val
	case "type":
		if e.Kind == Actor && !actorTypes[val] {
			return fmt.Errorf("unknown actor type %q", val)
		}
		e.Type = val
	case "attack":
		if !attackIDRe.MatchString(val) {
			return fmt.Errorf("ATT&CK id %q is not of the form G0000, S0000 or C0000", val)
		}
		e.AttackIDs = append(e.AttackIDs, val)
	case "misp":
		e.MISP = append(e.MISP, val)
	case "sponsor":
		if !countryRe.MatchString(val) {
			return fmt.Errorf("sponsor %q is not an ISO 3166-1 alpha-2 code", val)
		}
		e.Sponsor = val
	case "motivation":
		if !motivations[val] {
			return fmt.Errorf("unknown motivation %q", val)
		}
		e.Motivation = val
	case "first-seen":
		e.FirstSeen = val
	case "product":
		e.Product = val
	case "cve":
		v := strings.ToUpper(val)
		if !cveRe.MatchString(v) {
			return fmt.Errorf("%q is not a CVE id", val)
		}
		e.CVEs = append(e.CVEs, v)
	case "uses":
		e.Uses = append(e.Uses, val)
	case "alias":
		a, err := parseAlias(val)
		if err != nil {
			return err
		}
		a.Origin = origin
		e.Aliases = append(e.Aliases, a)
	case "link":
		l, err := parseLink(val)
		if err != nil {
			return err
		}
		l.Origin = origin
		e.Links = append(e.Links, l)
	case "name", "adj", "term":
		lang, list, _ := strings.Cut(val, " ")
		if !knownLangs[lang] {
			return fmt.Errorf("%s: unknown language %q (want en, it, fr, de, es, nl or pt)", key, lang)
		}
		for _, n := range strings.Split(list, ";") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			e.Aliases = append(e.Aliases, Alias{Name: n, Lang: lang, Adjective: key == "adj", Origin: origin})
		}
	default:
		return fmt.Errorf("unknown property %q", key)
	}
	return nil
}

func parseAlias(val string) (Alias, error) {
	parts := strings.Split(val, "|")
	a := Alias{Name: strings.TrimSpace(parts[0])}
	if a.Name == "" || namekey.Key(a.Name) == "" {
		return a, fmt.Errorf("alias without a usable name")
	}
	if len(parts) > 1 {
		a.Source = strings.TrimSpace(parts[1])
	}
	if len(parts) > 2 {
		for _, f := range strings.Fields(strings.Join(parts[2:], " ")) {
			switch f {
			case "medium":
				a.Ambiguity = AmbiguityMedium
			case "high":
				a.Ambiguity = AmbiguityHigh
			case "case":
				a.CaseOnly = true
			case "typo":
				a.Typo = true
			default:
				return a, fmt.Errorf("unknown alias flag %q (want medium, high, case or typo)", f)
			}
		}
	}
	return a, nil
}

func parseLink(val string) (Link, error) {
	head, note, _ := strings.Cut(val, "|")
	f := strings.Fields(head)
	if len(f) != 3 {
		return Link{}, fmt.Errorf("link wants RELATION TARGET-ID SCORE [| NOTE], got %q", val)
	}
	if !relations[f[0]] {
		return Link{}, fmt.Errorf("unknown link relation %q", f[0])
	}
	score, err := strconv.ParseFloat(f[2], 64)
	if err != nil || score < 0 || score > 1 {
		return Link{}, fmt.Errorf("link score %q is not a number between 0 and 1", f[2])
	}
	return Link{Relation: f[0], Target: f[1], Score: score, Note: strings.TrimSpace(note)}, nil
}

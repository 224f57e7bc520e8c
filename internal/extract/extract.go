package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/article"
	"github.com/aptwatch/aptwatch/internal/article/language"
	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/claims"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/recognize/ioc"
)

// Extractor turns documents into Results. Build one per process: it holds
// the compiled alias automaton.
type Extractor struct {
	rec *recognize.Recognizer
}

// New returns an Extractor over a recognizer.
func New(rec *recognize.Recognizer) *Extractor { return &Extractor{rec: rec} }

// Options select optional parts of the result.
type Options struct {
	WithText bool
	Explain  bool
}

// Document is one input: raw bytes plus what the caller knows about them.
type Document struct {
	ID          string
	Raw         []byte
	URL         string
	Published   string // from the input's metadata, YYYY-MM-DD
	ContentType string
}

// Extract cleans one document and extracts from it.
func (x *Extractor) Extract(doc Document, opt Options) (*Result, error) {
	art, err := article.Parse(doc.Raw, article.Options{URL: doc.URL, ContentType: doc.ContentType})
	if err != nil {
		return nil, err
	}
	res := x.FromArticle(art, opt)
	res.ID = doc.ID
	if doc.Published != "" {
		res.Published, res.Month = doc.Published, ""
	}
	return res, nil
}

// FromArticle extracts from an already cleaned article.
func (x *Extractor) FromArticle(art *article.Article, opt Options) *Result {
	text := art.Text
	a := x.rec.Analyze(text)
	res := &Result{
		Title:           art.Title,
		Published:       art.Published,
		Month:           art.Month,
		Language:        language.Detect(text),
		URL:             art.URL,
		Actors:          actors(a),
		Malware:         malware(a),
		Vulnerabilities: []Vuln{},
		Organisations:   []Organisation{},
		Sectors:         sectors(a),
		Indicators:      []Indicator{},
	}
	res.Countries = countries(a)
	res.Organisations = organisations(a)
	var cves []ioc.Indicator
	for _, in := range ioc.Find(text) {
		if in.Kind == "cve" {
			cves = append(cves, in)
			continue
		}
		res.Indicators = append(res.Indicators, Indicator{Type: string(in.Kind), Value: in.Value, Text: in.Text, Start: in.Start, End: in.End, Defanged: in.Defanged})
	}
	res.Vulnerabilities = vulnerabilities(a, cves)
	res.Claims = claims.Extract(a, res.Language)
	if res.Claims == nil {
		res.Claims = []claims.Claim{}
	}
	if opt.WithText {
		res.Text = text
	}
	if opt.Explain {
		res.Explain = explain(a)
	}
	return res
}

func span(m recognize.Mention) Span { return Span{Text: m.Text, Start: m.Start, End: m.End} }

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func actors(a *recognize.Analysis) []Actor {
	out := []Actor{}
	idx := map[*catalog.Entity]int{}
	best := map[*catalog.Entity]float64{}
	for _, m := range a.Accepted(catalog.Actor) {
		i, ok := idx[m.Entity]
		if !ok {
			e := m.Entity
			kind := e.Type
			if kind == "" {
				kind = "unknown"
			}
			out = append(out, Actor{ID: e.ID, Name: e.Name, AttackID: strPtr(e.AttackID()), Aliases: e.AliasNames(),
				Kind: kind, Sponsor: strPtr(e.Sponsor)})
			i = len(out) - 1
			idx[e] = i
		}
		out[i].Mentions = append(out[i].Mentions, span(m))
		if c := mentionConfidence(m); c > best[m.Entity] {
			best[m.Entity] = c
		}
	}
	for e, i := range idx {
		// More mentions make a name more certain, up to 0.99.
		c := best[e] + 0.02*float64(len(out[i].Mentions)-1)
		out[i].Confidence = round2(min(c, 0.99))
	}
	for _, n := range a.NewActors {
		out = append(out, Actor{ID: "", Name: n.Name, Aliases: []string{}, Kind: "unknown",
			Mentions: []Span{{Text: n.Name, Start: n.Start, End: n.End}}, Confidence: 0.3})
	}
	return out
}

func mentionConfidence(m recognize.Mention) float64 {
	switch {
	case m.Rule == "near-miss":
		return 0.6
	case m.Rule == "list":
		return 0.7
	case m.Alias.Ambiguity == catalog.AmbiguityHigh:
		return 0.6
	case m.Alias.Ambiguity == catalog.AmbiguityMedium:
		return 0.75
	}
	return 0.95
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func malware(a *recognize.Analysis) []Malware {
	out := []Malware{}
	idx := map[*catalog.Entity]int{}
	for _, m := range a.Accepted(catalog.Malware, catalog.Tool) {
		i, ok := idx[m.Entity]
		if !ok {
			e := m.Entity
			out = append(out, Malware{ID: e.ID, Name: e.Name, AttackID: strPtr(e.AttackID()), Aliases: e.AliasNames(), Kind: string(e.Kind), Type: e.Type})
			i = len(out) - 1
			idx[e] = i
		}
		out[i].Mentions = append(out[i].Mentions, span(m))
	}
	return out
}

// sectors lists the sectors named as targets: in a sentence where
// something is targeted or attacked.
func sectors(a *recognize.Analysis) []Sector {
	out := []Sector{}
	idx := map[*catalog.Entity]int{}
	for _, m := range a.Accepted(catalog.Sector) {
		if !a.TargetedSentence(m.Sentence) {
			continue
		}
		i, ok := idx[m.Entity]
		if !ok {
			out = append(out, Sector{ID: m.Entity.ID, Name: m.Entity.Name})
			i = len(out) - 1
			idx[m.Entity] = i
		}
		out[i].Mentions = append(out[i].Mentions, span(m))
	}
	return out
}

func countries(a *recognize.Analysis) []Country {
	out := []Country{}
	idx := map[string]int{}
	get := func(code string) int {
		if i, ok := idx[code]; ok {
			return i
		}
		name := code
		if e, ok := a.Catalog().ByID("country:" + code); ok {
			name = e.Name
		}
		out = append(out, Country{Code: code, Name: name, Roles: []string{}, Mentions: []Span{}})
		idx[code] = len(out) - 1
		return len(out) - 1
	}
	for _, m := range a.Accepted(catalog.Country) {
		i := get(strings.TrimPrefix(m.Entity.ID, "country:"))
		out[i].Mentions = append(out[i].Mentions, span(m))
	}
	for _, r := range a.CountryRoles() {
		i := get(r.Code)
		if !slices.Contains(out[i].Roles, r.Role) {
			out[i].Roles = append(out[i].Roles, r.Role)
		}
	}
	for i := range out {
		// "mentioned" only when nothing more is known.
		if len(out[i].Roles) > 1 {
			var rs []string
			for _, r := range out[i].Roles {
				if r != recognize.RoleMentioned {
					rs = append(rs, r)
				}
			}
			out[i].Roles = rs
		}
		sort.Strings(out[i].Roles)
	}
	return out
}

func vulnerabilities(a *recognize.Analysis, cves []ioc.Indicator) []Vuln {
	out := []Vuln{}
	byCVE := map[string]int{}
	for _, c := range cves {
		if i, ok := byCVE[c.Value]; ok {
			out[i].Mentions = append(out[i].Mentions, Span{Text: c.Text, Start: c.Start, End: c.End})
			continue
		}
		out = append(out, Vuln{Name: c.Value, CVEs: []string{c.Value}, Mentions: []Span{{Text: c.Text, Start: c.Start, End: c.End}}})
		byCVE[c.Value] = len(out) - 1
	}
	named := map[*catalog.Entity]int{}
	for _, m := range a.Accepted(catalog.Vulnerability) {
		i, ok := named[m.Entity]
		if !ok {
			e := m.Entity
			out = append(out, Vuln{ID: e.ID, Name: e.Name, CVEs: []string{}, KnownCVEs: e.CVEs, Product: e.Product})
			i = len(out) - 1
			named[e] = i
		}
		out[i].Mentions = append(out[i].Mentions, span(m))
	}
	return out
}

func explain(a *recognize.Analysis) []Decision {
	var out []Decision
	for _, m := range a.Mentions {
		out = append(out, Decision{Entity: m.Entity.Name, Kind: string(m.Entity.Kind), Text: m.Text, Start: m.Start, End: m.End,
			Alias: m.Alias.Name, Rule: m.Rule, Accepted: m.Accepted, Reason: m.Reason, Sentence: a.SentenceText(m.Sentence)})
	}
	for _, n := range a.NewActors {
		out = append(out, Decision{Entity: n.Name, Kind: "actor", Text: n.Name, Start: n.Start, End: n.End, Rule: n.Rule,
			Accepted: true, Reason: n.Reason + "; not in the catalogue", Sentence: a.SentenceText(a.SentenceAt(n.Start))})
	}
	for _, r := range a.CountryRoles() {
		out = append(out, Decision{Entity: r.Code, Kind: "country-role", Text: r.Role, Rule: "role", Accepted: true, Reason: r.Reason, Sentence: a.SentenceText(r.Sentence)})
	}
	return out
}

func organisations(a *recognize.Analysis) []Organisation {
	out := []Organisation{}
	idx := map[string]int{}
	for _, t := range a.Targets() {
		i, ok := idx[t.Name]
		if !ok {
			out = append(out, Organisation{Name: t.Name})
			i = len(out) - 1
			idx[t.Name] = i
		}
		out[i].Mentions = append(out[i].Mentions, Span{Text: t.Name, Start: t.Start, End: t.End})
	}
	return out
}

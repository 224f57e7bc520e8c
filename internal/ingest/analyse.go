package ingest

import (
	"sort"

	"github.com/aptwatch/aptwatch/internal/claims"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/source"
	"github.com/aptwatch/aptwatch/internal/store"
)

// ToAnalysis converts an extract result into the rows the store keeps.
func ToAnalysis(r *extract.Result) *store.Analysis {
	a := &store.Analysis{Article: store.Article{
		ExternalID:  r.ID,
		Title:       r.Title,
		Text:        r.Text,
		Published:   r.Published,
		Language:    r.Language,
		URL:         r.URL,
		Fingerprint: source.Fingerprint(r.Text),
	}}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, x := range r.Actors {
		id := x.ID
		if id == "" {
			id = "new:" + x.Name
		}
		a.Entities = append(a.Entities, store.EntityRef{EntityID: id, Kind: "actor", Type: x.Kind, Name: x.Name,
			AttackID: str(x.AttackID), Sponsor: str(x.Sponsor), Confidence: x.Confidence})
		for _, m := range x.Mentions {
			a.Mentions = append(a.Mentions, store.Mention{EntityID: id, Text: m.Text, Start: m.Start, End: m.End})
		}
	}
	for _, x := range r.Malware {
		a.Entities = append(a.Entities, store.EntityRef{EntityID: x.ID, Kind: x.Kind, Type: x.Type, Name: x.Name, AttackID: str(x.AttackID), Confidence: 0.9})
		for _, m := range x.Mentions {
			a.Mentions = append(a.Mentions, store.Mention{EntityID: x.ID, Text: m.Text, Start: m.Start, End: m.End})
		}
	}
	cves := map[string]bool{}
	for _, v := range r.Vulnerabilities {
		for _, c := range v.CVEs {
			cves[c] = true
		}
		if v.ID != "" { // a named vulnerability
			a.Entities = append(a.Entities, store.EntityRef{EntityID: v.ID, Kind: "vulnerability", Name: v.Name, Confidence: 0.9})
			for _, m := range v.Mentions {
				a.Mentions = append(a.Mentions, store.Mention{EntityID: v.ID, Text: m.Text, Start: m.Start, End: m.End})
			}
		}
	}
	for c := range cves {
		a.CVEs = append(a.CVEs, c)
	}
	sort.Strings(a.CVEs)
	for _, c := range r.Countries {
		for _, role := range c.Roles {
			a.Countries = append(a.Countries, store.CountryRole{Code: c.Code, Role: role})
		}
	}
	for _, s := range r.Sectors {
		a.Sectors = append(a.Sectors, s.ID)
	}
	for _, i := range r.Indicators {
		a.Indicators = append(a.Indicators, store.Indicator{Type: i.Type, Value: i.Value})
	}
	party := func(p claims.Party) store.Party { return store.Party{Kind: p.Kind, ID: p.ID, Name: p.Name} }
	for i, c := range r.Claims {
		sc := store.Claim{Seq: i, Type: c.Type, Subject: party(c.Subject), Object: party(c.Object), Hedge: c.Hedge,
			Denies: c.Denies, Date: c.Date, Start: c.Start, End: c.End, Evidence: c.Evidence, Language: c.Language}
		if c.Attributor != nil {
			sc.Attributor = party(*c.Attributor)
		}
		a.Claims = append(a.Claims, sc)
	}
	return a
}

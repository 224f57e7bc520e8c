// Package story groups articles that report the same event, from any
// outlet and in any language, into stories. Articles are compared by what
// they share: actors, malware, CVEs, targets, victim countries, rare proper
// nouns ("Kaseya", "Colonial") and event concepts written in any of our
// languages ("vaccine", "vaccino", "Impfstoff"), within a time window.
package story

import (
	"sort"
	"strings"
	"time"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// Features is what the clustering knows of one article.
type Features struct {
	ID        string
	Title     string
	Language  string
	Date      time.Time // zero when the article gives none
	Actors    []string
	Malware   []string
	CVEs      []string
	Targets   []string
	Victims   []string
	Sponsors  []string
	Concepts  []string
	Names     []string // rare proper nouns, folded
	ActorName map[string]string
}

// FeaturesOf derives an article's features from its extract result, which
// must carry its text (extract.Options{WithText: true}).
func FeaturesOf(r *extract.Result) Features {
	f := Features{ID: r.ID, Title: r.Title, Language: r.Language, ActorName: map[string]string{}}
	if t, err := time.Parse("2006-01-02", r.Published); err == nil {
		f.Date = t
	}
	for _, a := range r.Actors {
		id := a.ID
		if id == "" {
			id = "new:" + strings.ToLower(a.Name)
		}
		f.Actors = append(f.Actors, id)
		f.ActorName[id] = a.Name
	}
	for _, m := range r.Malware {
		f.Malware = append(f.Malware, m.ID)
	}
	for _, v := range r.Vulnerabilities {
		if v.ID != "" {
			f.CVEs = append(f.CVEs, v.ID)
		}
		f.CVEs = append(f.CVEs, v.CVEs...)
		f.CVEs = append(f.CVEs, v.KnownCVEs...)
	}
	for _, o := range r.Organisations {
		f.Targets = append(f.Targets, strings.ToLower(o.Name))
	}
	for _, c := range r.Countries {
		for _, role := range c.Roles {
			switch role {
			case recognize.RoleVictim:
				f.Victims = append(f.Victims, c.Code)
			case recognize.RoleSponsor:
				f.Sponsors = append(f.Sponsors, c.Code)
			}
		}
	}
	f.Concepts = concepts(r.Text)
	f.Names = properNouns(r.Text, r)
	for _, p := range []*[]string{&f.Actors, &f.Malware, &f.CVEs, &f.Targets, &f.Victims, &f.Sponsors, &f.Concepts, &f.Names} {
		*p = uniq(*p)
	}
	return f
}

func uniq(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if x != "" && (i == 0 || x != xs[i-1]) {
			out = append(out, x)
		}
	}
	return out
}

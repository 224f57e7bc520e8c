// Package story groups articles that report the same event, from any
// outlet and in any language, into stories. Articles are compared by what
// they share: actors, malware, CVEs, targets, victim countries, rare proper
// nouns ("Kaseya", "Colonial"), amounts ("$70M", "70 Millionen") and event
// concepts written in any of our languages ("vaccine", "vaccino",
// "Impfstoff"), weighted by rarity, and only within a time window read
// from the publication date or, failing it, from the dates in the text.
package story

import (
	"sort"
	"strings"
	"time"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/namekey"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// Features is what the clustering knows of one article. It is stored as
// JSON and replayed (Clusterer.Restore), so every field is exported.
type Features struct {
	ID string
	// Key is the caller's own key for the article (the store's row id),
	// reported back in Moves; it is not stored with the features.
	Key      int64 `json:"-"`
	Title    string
	Language string
	Date     time.Time // publication date; zero when the article gives none
	// DateFrom and DateTo are the event dates the text gives when Date is
	// zero: a dateline, or the month the page gives (a whole month). Zero
	// if none.
	DateFrom time.Time `json:",omitempty"`
	DateTo   time.Time `json:",omitempty"`
	// After is the latest date the text mentions: the article cannot
	// be older, which keeps an undated article from joining a story
	// that ended before the events it cites.
	After    time.Time `json:",omitempty"`
	Actors   []string
	Malware  []string
	CVEs     []string
	Targets  []string
	Victims  []string
	Sponsors []string
	Concepts []string
	Names    []string // rare proper nouns, folded
	// Attributors are who makes the article's claims ("us cyber command",
	// "country:BE"): the source of an accusation is part of the event.
	Attributors []string `json:",omitempty"`
	Numbers     []string `json:",omitempty"` // amounts and counts, normalised ("70000000")
	ActorName   map[string]string
	// Lead lists the features (as keys, "a:actor:apt29", "n:kaseya")
	// named in the title or the first lines: what the article is about,
	// rather than its background.
	Lead []string `json:",omitempty"`
	// TargetName keeps the written form of targets for labels.
	TargetName map[string]string `json:",omitempty"`
}

// leadBytes is how much of the text, after the title, counts as the lead.
const leadBytes = 600

// FeaturesOf derives an article's features from its extract result, which
// must carry its text (extract.Options{WithText: true}).
func FeaturesOf(r *extract.Result) Features {
	f := Features{ID: r.ID, Title: r.Title, Language: r.Language, ActorName: map[string]string{}, TargetName: map[string]string{}}
	if t, err := time.Parse("2006-01-02", r.Published); err == nil {
		f.Date = t
	}
	fold := namekey.Fold(r.Text)
	dates := scanDates(fold, nil)
	from, to, after := datesOf(r.Language, dates)
	if m, err := time.Parse("2006-01", r.Month); err == nil {
		// The page gives its month only: the event is in that month.
		from, to = m, m.AddDate(0, 1, -1)
	}
	if f.Date.IsZero() {
		f.DateFrom, f.DateTo = from, to
	}
	f.After = after
	tx := newText(r.Text)
	leadEnd := leadEndOf(tx)
	title := strings.ToLower(r.Title)
	lead := map[string]bool{}
	inLead := func(key string, spans []extract.Span) {
		for _, s := range spans {
			if s.Start < leadEnd || title != "" && strings.Contains(title, strings.ToLower(s.Text)) {
				lead[key] = true
				return
			}
		}
	}
	for _, a := range r.Actors {
		id := a.ID
		if id == "" {
			id = "new:" + strings.ToLower(a.Name)
		}
		f.Actors = append(f.Actors, id)
		f.ActorName[id] = a.Name
		inLead("a:"+id, a.Mentions)
	}
	for _, m := range r.Malware {
		f.Malware = append(f.Malware, m.ID)
		inLead("m:"+m.ID, m.Mentions)
	}
	for _, v := range r.Vulnerabilities {
		ids := append([]string{}, v.CVEs...)
		if v.ID != "" {
			ids = append(ids, v.ID)
		}
		ids = append(ids, v.KnownCVEs...)
		f.CVEs = append(f.CVEs, ids...)
		for _, id := range ids {
			inLead("v:"+id, v.Mentions)
		}
	}
	for _, o := range r.Organisations {
		k := strings.ToLower(o.Name)
		f.Targets = append(f.Targets, k)
		f.TargetName[k] = o.Name
		inLead("t:"+k, o.Mentions)
	}
	for _, c := range r.Countries {
		for _, role := range c.Roles {
			switch role {
			case recognize.RoleVictim:
				f.Victims = append(f.Victims, c.Code)
				inLead("c:"+c.Code, c.Mentions)
			case recognize.RoleSponsor:
				f.Sponsors = append(f.Sponsors, c.Code)
			}
		}
	}
	for _, c := range r.Claims {
		if c.Attributor == nil {
			continue
		}
		k := c.Attributor.ID
		if k == "" {
			k = strings.ToLower(c.Attributor.Name)
		}
		f.Attributors = append(f.Attributors, k)
		if c.Start < leadEnd {
			lead["b:"+k] = true
		}
	}
	var at []int
	f.Concepts, at = concepts(tx)
	for i, c := range f.Concepts {
		if at[i] < leadEnd {
			lead["k:"+c] = true
		}
	}
	f.Names, at = properNouns(tx, r)
	for i, n := range f.Names {
		if at[i] < leadEnd || strings.Contains(title, n) {
			lead["n:"+n] = true
		}
	}
	f.Numbers = numbersOf(fold, dates)
	for _, p := range []*[]string{&f.Actors, &f.Malware, &f.CVEs, &f.Targets, &f.Victims, &f.Sponsors, &f.Concepts, &f.Names, &f.Numbers, &f.Attributors} {
		*p = uniq(*p)
	}
	for k := range lead {
		f.Lead = append(f.Lead, k)
	}
	sort.Strings(f.Lead)
	return f
}

// leadEndOf returns where the lead of a text ends: leadBytes after its
// start, pushed to the end of the sentence there.
func leadEndOf(tx *text) int {
	if len(tx.s) <= leadBytes {
		return len(tx.s)
	}
	for _, s := range tx.sentences {
		if s.End >= leadBytes {
			return min(s.End, 2*leadBytes)
		}
	}
	return len(tx.s)
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

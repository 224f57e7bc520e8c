package story

import (
	"sort"
	"strings"
)

// Label builds a story's title from its content, for readers: the actors
// and the targets most of its articles name, the kind of event, then the
// headline of one of its articles (an English one when there is one, as
// most readers read it), e.g. "APT27, APT30, APT31, GALLIUM against FPS
// Interior, Belgian Defence (defence): Belgium claims China-linked APT
// groups hit its ministries". A story with none of these is labelled by
// its first article's title.
func (s *Story) Label() string {
	if len(s.Articles) == 0 {
		return ""
	}
	half := func(n int) bool { return n*2 >= len(s.Articles) }
	actorCount, targetCount, conceptCount := map[string]int{}, map[string]int{}, map[string]int{}
	names := map[string]string{}
	for _, a := range s.Articles {
		for _, id := range a.Actors {
			actorCount[id]++
			if n := a.ActorName[id]; n != "" {
				names[id] = n
			}
		}
		for _, t := range a.Targets {
			targetCount[t]++
			if n := a.TargetName[t]; n != "" {
				names["t:"+t] = n
			}
		}
		for _, k := range a.Concepts {
			conceptCount[k]++
		}
	}
	top := func(count map[string]int, limit int, need func(int) bool) []string {
		var out []string
		for k, n := range count {
			if need(n) {
				out = append(out, k)
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if count[out[i]] != count[out[j]] {
				return count[out[i]] > count[out[j]]
			}
			return out[i] < out[j]
		})
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	var b strings.Builder
	var an []string
	for _, id := range top(actorCount, 5, half) {
		n := names[id]
		if n == "" {
			n = id
		}
		an = append(an, n)
	}
	sort.Strings(an)
	b.WriteString(strings.Join(an, ", "))
	// Targets named by two articles at least (or the only one).
	var tn []string
	for _, t := range top(targetCount, 3, func(n int) bool { return n >= 2 || len(s.Articles) == 1 }) {
		n := names["t:"+t]
		if n == "" {
			n = t
		}
		tn = append(tn, n)
	}
	if len(tn) > 0 {
		if b.Len() > 0 {
			b.WriteString(" against ")
		} else {
			b.WriteString("Attack on ")
		}
		b.WriteString(strings.Join(tn, ", "))
	}
	if c := top(conceptCount, 1, half); len(c) == 1 && b.Len() > 0 {
		b.WriteString(" (" + c[0] + ")")
	}
	title := s.headline()
	switch {
	case b.Len() == 0:
		return title
	case title == "":
		return b.String()
	}
	return b.String() + ": " + title
}

// headline is the title of an English article of the story if one has a
// title, else of the first article that has one.
func (s *Story) headline() string {
	first := ""
	for _, a := range s.Articles {
		t := strings.TrimSpace(a.Title)
		if t == "" {
			continue
		}
		if a.Language == "en" {
			return t
		}
		if first == "" {
			first = t
		}
	}
	return first
}

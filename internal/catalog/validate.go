package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Problem is one finding of Validate.
type Problem struct {
	Severity string // error or warning
	Entity   string
	Msg      string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Severity, p.Entity, p.Msg) }

// Validate checks a list of entities for duplicate ids, links and uses that
// point nowhere, ATT&CK ids on two entities, and names held by two actors
// (or other non-country entities) without a link between them.
func Validate(es []*Entity) []Problem {
	var ps []Problem
	add := func(sev string, e *Entity, format string, args ...any) {
		where := e.ID
		if e.File != "" {
			where += " (" + e.File + ")"
		}
		ps = append(ps, Problem{Severity: sev, Entity: where, Msg: fmt.Sprintf(format, args...)})
	}
	byID := map[string]*Entity{}
	for _, e := range es {
		if prev, dup := byID[e.ID]; dup {
			add("error", e, "duplicate id, also %s", prev.File)
			continue
		}
		byID[e.ID] = e
	}
	attack := map[string]*Entity{}
	for _, e := range es {
		for _, id := range e.AttackIDs {
			if prev, dup := attack[id]; dup && prev != e {
				add("error", e, "ATT&CK id %s is also on %s", id, prev.ID)
			}
			attack[id] = e
		}
		for _, l := range e.Links {
			if _, ok := byID[l.Target]; !ok {
				add("error", e, "link %s to unknown entity %s", l.Relation, l.Target)
			}
		}
		for _, u := range e.Uses {
			if _, ok := byID[u]; !ok {
				add("warning", e, "uses unknown entity %s", u)
			}
		}
		if e.Kind == Actor && e.Type == "" {
			add("warning", e, "actor without a type")
		}
	}
	owners := map[string][]*Entity{}
	names := map[string]string{}
	for _, e := range es {
		if e.Kind == Country || e.Kind == Sector {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.AliasNames()...) {
			k := namekey.Key(n)
			if seen[k] {
				continue
			}
			seen[k] = true
			owners[k] = append(owners[k], e)
			names[k] = n
		}
	}
	keys := make([]string, 0, len(owners))
	for k := range owners {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		os := owners[k]
		for i := 0; i < len(os); i++ {
			for j := i + 1; j < len(os); j++ {
				if Linked(os[i], os[j]) {
					continue
				}
				sev := "warning"
				if os[i].Kind == Actor && os[j].Kind == Actor {
					sev = "error"
				}
				add(sev, os[j], "name %q is also a name of %s, with no link between them", strings.TrimSpace(names[k]), os[i].ID)
			}
		}
	}
	return ps
}

// Linked reports whether a link joins a and b, in either direction.
func Linked(a, b *Entity) bool {
	for _, l := range a.Links {
		if l.Target == b.ID {
			return true
		}
	}
	for _, l := range b.Links {
		if l.Target == a.ID {
			return true
		}
	}
	return false
}

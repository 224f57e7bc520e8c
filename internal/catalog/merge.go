package catalog

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// Conflict is a name that two or more entities claim. Conflicts are kept as
// scored links between the entities, never resolved by merging them.
type Conflict struct {
	Name      string
	Entities  []string // entity ids; the first is where the name stays
	Claimants []string // the source's own entries that use the name
	Origin    string   // the import that raised it
	Note      string
}

// compatible reports whether an imported entity of kind a may merge into an
// existing entity of kind b. Ransomware families are catalogued as the gangs
// that run them, so malware may merge into an actor.
func compatible(a, b Kind) bool {
	if a == b {
		return true
	}
	switch {
	case a == Malware && b == Actor, a == Actor && b == Malware:
		return true
	case a == Malware && b == Tool, a == Tool && b == Malware:
		return true
	}
	return false
}

// merger folds imported entities into a base set.
type merger struct {
	entities  []*Entity
	byID      map[string]*Entity
	byAttack  map[string]*Entity
	byMISP    map[string]*Entity
	byKey     map[string][]*Entity
	conflicts []Conflict
}

func newMerger(base []*Entity) *merger {
	m := &merger{byID: map[string]*Entity{}, byAttack: map[string]*Entity{}, byMISP: map[string]*Entity{}, byKey: map[string][]*Entity{}}
	for _, e := range base {
		m.add(e)
	}
	return m
}

func (m *merger) add(e *Entity) {
	m.entities = append(m.entities, e)
	m.byID[e.ID] = e
	for _, id := range e.AttackIDs {
		if _, ok := m.byAttack[id]; !ok {
			m.byAttack[id] = e
		}
	}
	for _, u := range e.MISP {
		m.byMISP[u] = e
	}
	m.addName(e, e.Name)
	for _, a := range e.Aliases {
		if !a.Adjective {
			m.addName(e, a.Name)
		}
	}
}

func (m *merger) addName(e *Entity, name string) {
	k := namekey.Key(name)
	for _, x := range m.byKey[k] {
		if x == e {
			return
		}
	}
	m.byKey[k] = append(m.byKey[k], e)
}

func (m *merger) owners(name string, kind Kind) []*Entity {
	var out []*Entity
	for _, e := range m.byKey[namekey.Key(name)] {
		if compatible(kind, e.Kind) {
			out = append(out, e)
		}
	}
	return out
}

// Merge folds imported entities into base and returns the combined list and
// the conflicts found. An imported entity joins the existing entity with the
// same ATT&CK id or MISP uuid, else the one its preferred name resolves to,
// else the one most of its names resolve to; otherwise it is new. Names
// that belong to another entity are not moved: they become conflicts and
// scored links. Links of the imported entities are rewritten to the ids of
// the entities they joined. Base entities are copied, not modified.
func Merge(base []*Entity, imported []*Entity, origin string) ([]*Entity, []Conflict) {
	copied := make([]*Entity, len(base))
	for i, e := range base {
		c := *e
		c.Aliases = append([]Alias(nil), e.Aliases...)
		c.Links = append([]Link(nil), e.Links...)
		c.MISP = append([]string(nil), e.MISP...)
		c.AttackIDs = append([]string(nil), e.AttackIDs...)
		copied[i] = &c
	}
	m := newMerger(copied)
	joined := map[string]*Entity{}    // imported id -> entity it became
	folded := map[*Entity][]*Entity{} // entity -> imported entries folded into it
	for _, x := range imported {
		target := m.target(x)
		if target == nil {
			target = m.newEntity(x, origin)
		} else {
			m.fold(target, x, origin)
		}
		m.sharedNames(target, x, folded[target], origin)
		folded[target] = append(folded[target], x)
		joined[x.ID] = target
		for _, u := range x.MISP {
			m.byMISP[u] = target
		}
	}
	// Rewrite imported links now that every imported entity has a home.
	for _, x := range imported {
		from := joined[x.ID]
		for _, l := range x.Links {
			to := joined[l.Target]
			if to == nil {
				to = m.byMISP[strings.TrimPrefix(l.Target, "misp:")]
			}
			if to == nil {
				to = m.byID[l.Target]
			}
			if to == nil || to == from {
				continue
			}
			l.Target = to.ID
			l.Origin = origin
			addLink(from, l)
		}
		for _, u := range x.Uses {
			if to := joined[u]; to != nil && !slices.Contains(from.Uses, to.ID) {
				from.Uses = append(from.Uses, to.ID)
			}
		}
	}
	return m.entities, m.conflicts
}

// sharedNames records names that the source gives to two of its own entries
// which both fold into one entity here: the source disputes the equivalence
// that the merge makes, so the name is listed rather than merged silently.
func (m *merger) sharedNames(target, x *Entity, earlier []*Entity, origin string) {
	if len(earlier) == 0 {
		return
	}
	names := func(e *Entity) map[string]string {
		out := map[string]string{namekey.Key(e.Name): e.Name}
		for _, a := range e.Aliases {
			if !a.Adjective {
				out[namekey.Key(a.Name)] = a.Name
			}
		}
		return out
	}
	mine := names(x)
	for _, y := range earlier {
		for k, n := range names(y) {
			if _, shared := mine[k]; shared {
				m.conflicts = append(m.conflicts, Conflict{Name: n, Entities: []string{target.ID}, Claimants: []string{y.Name, x.Name}, Origin: origin,
					Note: fmt.Sprintf("%s has separate entries %q and %q that both use this name; both fold into %s", origin, y.Name, x.Name, target.Name)})
			}
		}
	}
}

func (m *merger) target(x *Entity) *Entity {
	for _, id := range x.AttackIDs {
		if e, ok := m.byAttack[id]; ok && compatible(x.Kind, e.Kind) {
			return e
		}
	}
	for _, u := range x.MISP {
		if e, ok := m.byMISP[u]; ok {
			return e
		}
	}
	if own := m.owners(x.Name, x.Kind); len(own) == 1 {
		return own[0]
	} else if len(own) > 1 {
		return preferKind(own, x.Kind)
	}
	counts := map[*Entity]int{}
	for _, a := range x.Aliases {
		for _, e := range m.owners(a.Name, x.Kind) {
			counts[e]++
		}
	}
	var best *Entity
	for e, n := range counts {
		if best == nil || n > counts[best] || n == counts[best] && e.ID < best.ID {
			best = e
		}
	}
	return best
}

func preferKind(es []*Entity, kind Kind) *Entity {
	for _, e := range es {
		if e.Kind == kind {
			return e
		}
	}
	return es[0]
}

func (m *merger) newEntity(x *Entity, origin string) *Entity {
	e := *x
	e.Origin = origin
	e.Links = nil
	e.Aliases = nil
	e.Uses = nil
	id := DefaultID(x.Kind, x.Name)
	if _, taken := m.byID[id]; taken {
		id = x.ID
	}
	e.ID = id
	m.add(&e)
	m.fold(&e, x, origin)
	if singleWord(e.Name) {
		// The preferred name of a new imported entity needs evidence too.
		e.Aliases = append(e.Aliases, Alias{Name: e.Name, Ambiguity: AmbiguityMedium, Origin: origin})
	}
	return &e
}

// fold adds x's names and facts to target.
func (m *merger) fold(target, x *Entity, origin string) {
	names := append([]Alias{{Name: x.Name, Origin: origin}}, x.Aliases...)
	for _, a := range names {
		if a.Adjective {
			continue
		}
		a.Origin = origin
		own := m.owners(a.Name, x.Kind)
		mine := false
		var others []*Entity
		for _, e := range own {
			if e == target {
				mine = true
			} else {
				others = append(others, e)
			}
		}
		if mine {
			continue
		}
		if len(others) > 0 {
			ids := []string{others[0].ID, target.ID}
			m.conflicts = append(m.conflicts, Conflict{Name: a.Name, Entities: ids, Claimants: []string{x.Name}, Origin: origin,
				Note: fmt.Sprintf("%s names it as %s", origin, x.Name)})
			addLink(target, Link{Relation: "conflict", Target: others[0].ID, Score: 0.5, Origin: origin,
				Note: fmt.Sprintf("both claim %q", a.Name)})
			addLink(others[0], Link{Relation: "conflict", Target: target.ID, Score: 0.5, Origin: origin,
				Note: fmt.Sprintf("both claim %q", a.Name)})
			continue
		}
		if a.Ambiguity == AmbiguityNone && singleWord(a.Name) {
			// Imports say nothing of ambiguity; a lone word may be an
			// ordinary one ("Cobalt", "Mercury"), so it needs evidence.
			a.Ambiguity = AmbiguityMedium
		}
		target.Aliases = append(target.Aliases, a)
		m.addName(target, a.Name)
	}
	for _, id := range x.AttackIDs {
		if !slices.Contains(target.AttackIDs, id) {
			target.AttackIDs = append(target.AttackIDs, id)
			if _, ok := m.byAttack[id]; !ok {
				m.byAttack[id] = target
			}
		}
	}
	for _, u := range x.MISP {
		if !slices.Contains(target.MISP, u) {
			target.MISP = append(target.MISP, u)
		}
	}
	if target.Sponsor == "" {
		target.Sponsor = x.Sponsor
	}
	if target.Type == "" {
		target.Type = x.Type
	}
	for _, c := range x.CVEs {
		if !slices.Contains(target.CVEs, c) {
			target.CVEs = append(target.CVEs, c)
		}
	}
}

func addLink(e *Entity, l Link) {
	for _, x := range e.Links {
		if x.Relation == l.Relation && x.Target == l.Target {
			return
		}
	}
	e.Links = append(e.Links, l)
}

// SortConflicts orders conflicts by name for stable output.
func SortConflicts(cs []Conflict) {
	sort.SliceStable(cs, func(i, j int) bool { return strings.ToLower(cs[i].Name) < strings.ToLower(cs[j].Name) })
}

// singleWord reports whether name is one word of letters only.
func singleWord(name string) bool {
	w := strings.Fields(namekey.Words(name))
	if len(w) != 1 {
		return false
	}
	for _, r := range w[0] {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

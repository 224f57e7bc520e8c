package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// AliasRef points at one alias of one entity.
type AliasRef struct {
	Entity *Entity
	Alias  int // index into Entity.Aliases; -1 for the preferred name when it has no alias line
}

// AliasInfo returns the alias, or a synthetic one for the preferred name.
func (r AliasRef) AliasInfo() Alias {
	if r.Alias < 0 {
		return Alias{Name: r.Entity.Name, Origin: r.Entity.Origin}
	}
	return r.Entity.Aliases[r.Alias]
}

// Catalog is the set of canonical entities with their name index.
// It is read-only once built; build a new one to change it.
type Catalog struct {
	entities  []*Entity
	byID      map[string]*Entity
	byKey     map[string][]AliasRef // key variant -> refs
	byJoined  map[string][]AliasRef // separator-free form -> refs
	codes     map[string][]codeRef  // digits of code-like aliases -> refs
	byAttack  map[string]*Entity
	conflicts []Conflict
}

type codeRef struct {
	letters string
	ref     AliasRef
}

// Entities returns every entity in catalogue order.
func (c *Catalog) Entities() []*Entity { return c.entities }

// ByID returns the entity with that id.
func (c *Catalog) ByID(id string) (*Entity, bool) {
	e, ok := c.byID[id]
	return e, ok
}

// ByAttackID returns the entity carrying that ATT&CK id (current or revoked).
func (c *Catalog) ByAttackID(id string) (*Entity, bool) {
	e, ok := c.byAttack[id]
	return e, ok
}

// Keys calls fn for every key variant in the index, for building automata.
func (c *Catalog) Keys(fn func(key string, refs []AliasRef)) {
	keys := make([]string, 0, len(c.byKey))
	for k := range c.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fn(k, c.byKey[k])
	}
}

// Lookup returns the refs indexed under a key variant.
func (c *Catalog) Lookup(key string) []AliasRef { return c.byKey[key] }

// Build indexes entities into a catalogue. Entities must have ids; duplicate
// ids are an error (use Merge to combine sources).
func Build(entities []*Entity) (*Catalog, error) {
	c := &Catalog{
		byID:     make(map[string]*Entity, len(entities)),
		byKey:    make(map[string][]AliasRef, len(entities)*8),
		byJoined: make(map[string][]AliasRef, len(entities)*4),
		codes:    map[string][]codeRef{},
		byAttack: map[string]*Entity{},
	}
	for _, e := range entities {
		if prev, dup := c.byID[e.ID]; dup {
			return nil, fmt.Errorf("duplicate entity id %q (%s and %s)", e.ID, prev.File, e.File)
		}
		c.byID[e.ID] = e
		c.entities = append(c.entities, e)
		for _, id := range e.AttackIDs {
			if _, taken := c.byAttack[id]; !taken {
				c.byAttack[id] = e
			}
		}
		c.index(e)
	}
	return c, nil
}

func (c *Catalog) index(e *Entity) {
	hasPreferred := false
	for i, a := range e.Aliases {
		if a.Name == e.Name && !a.Adjective {
			hasPreferred = true
		}
		c.indexName(a.Name, AliasRef{Entity: e, Alias: i})
	}
	if !hasPreferred {
		c.indexName(e.Name, AliasRef{Entity: e, Alias: -1})
	}
}

func (c *Catalog) indexName(name string, ref AliasRef) {
	for _, k := range KeyVariants(name) {
		c.byKey[k] = appendRef(c.byKey[k], ref)
	}
	j := namekey.Joined(name)
	c.byJoined[j] = appendRef(c.byJoined[j], ref)
	if letters, digits, ok := codeParts(name); ok {
		c.codes[digits] = append(c.codes[digits], codeRef{letters: letters, ref: ref})
	}
}

// appendRef adds ref unless the same entity is already there under that key.
func appendRef(refs []AliasRef, ref AliasRef) []AliasRef {
	for _, r := range refs {
		if r.Entity == ref.Entity {
			return refs
		}
	}
	return append(refs, ref)
}

// codeParts splits a code-like name ("UNC2814", "TA 505", "APT-C-36" is not
// one) into its letters and digits.
func codeParts(name string) (letters, digits string, ok bool) {
	j := namekey.Joined(name)
	i := 0
	for i < len(j) && 'a' <= j[i] && j[i] <= 'z' {
		i++
	}
	if i < 2 || i > 6 || i == len(j) {
		return "", "", false
	}
	for k := i; k < len(j); k++ {
		if j[k] < '0' || j[k] > '9' {
			return "", "", false
		}
	}
	if len(j)-i < 2 {
		return "", "", false
	}
	return j[:i], j[i:], true
}

// Match is the result of resolving a name.
type Match struct {
	Entity *Entity
	Alias  Alias
	Rule   string // exact, spelling, near-miss
	Others []*Entity
}

// Resolve finds the entity a name denotes. kinds restricts the search when
// given. It tries, in order: the name's key and spelling variants, the
// separator-free form, and for code-like names (UNC2814) a near miss of one
// letter in the prefix when exactly one entity fits.
func (c *Catalog) Resolve(name string, kinds ...Kind) (Match, bool) {
	if refs := filterKinds(c.byKey[namekey.Key(name)], kinds); len(refs) > 0 {
		return c.pick(refs, "exact"), true
	}
	for _, k := range KeyVariants(name) {
		if refs := filterKinds(c.byKey[k], kinds); len(refs) > 0 {
			return c.pick(refs, "spelling"), true
		}
	}
	if refs := filterKinds(c.byJoined[namekey.Joined(name)], kinds); len(refs) > 0 {
		return c.pick(refs, "spelling"), true
	}
	if ref, ok := c.NearMiss(name, kinds...); ok {
		return Match{Entity: ref.Entity, Alias: ref.AliasInfo(), Rule: "near-miss"}, true
	}
	return Match{}, false
}

// NearMiss resolves a code-like name whose letters are one edit away from a
// known code with the same digits ("UNSC 2814" -> UNC2814), when exactly one
// entity fits.
func (c *Catalog) NearMiss(name string, kinds ...Kind) (AliasRef, bool) {
	letters, digits, ok := codeParts(name)
	if !ok || len(digits) < 3 {
		return AliasRef{}, false
	}
	var found []AliasRef
	for _, cr := range c.codes[digits] {
		if cr.letters == letters || editDistance(cr.letters, letters) != 1 {
			continue
		}
		if len(filterKinds([]AliasRef{cr.ref}, kinds)) == 0 {
			continue
		}
		found = appendRef(found, cr.ref)
	}
	if len(found) != 1 {
		return AliasRef{}, false
	}
	return found[0], true
}

func filterKinds(refs []AliasRef, kinds []Kind) []AliasRef {
	if len(kinds) == 0 || len(refs) == 0 {
		return refs
	}
	var out []AliasRef
	for _, r := range refs {
		for _, k := range kinds {
			if r.Entity.Kind == k {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// kindRank orders kinds when one name denotes entities of several kinds: a
// name typed by a user most likely means an actor.
var kindRank = map[Kind]int{Actor: 0, Campaign: 1, Malware: 2, Tool: 3, Vulnerability: 4, Country: 5, Sector: 6}

// pick chooses among entities sharing a name: the one whose preferred name it
// is, then the one that holds it as a non-adjective alias, then by kind.
func (c *Catalog) pick(refs []AliasRef, rule string) Match {
	best := refs[0]
	score := func(r AliasRef) int {
		s := kindRank[r.Entity.Kind] * 10
		a := r.AliasInfo()
		if !strings.EqualFold(a.Name, r.Entity.Name) {
			s += 3
		}
		if a.Adjective {
			s += 5
		}
		if a.Origin != "builtin" {
			s++
		}
		return s
	}
	for _, r := range refs[1:] {
		if score(r) < score(best) {
			best = r
		}
	}
	m := Match{Entity: best.Entity, Alias: best.AliasInfo(), Rule: rule}
	for _, r := range refs {
		if r.Entity != best.Entity {
			m.Others = append(m.Others, r.Entity)
		}
	}
	return m
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Fuzzy resolves a long name written with one typo (a letter missing, added,
// changed, or two swapped: "TEMP.Zargos" for TEMP.Zagros) when exactly one
// entity has such a name. Short names are never matched this way.
func (c *Catalog) Fuzzy(name string, kinds ...Kind) (AliasRef, bool) {
	j := namekey.Joined(name)
	if len(j) < 8 {
		return AliasRef{}, false
	}
	var found []AliasRef
	for k, refs := range c.byJoined {
		if len(k) < len(j)-1 || len(k) > len(j)+1 || k[0] != j[0] {
			continue
		}
		if osaDistance(k, j) != 1 {
			continue
		}
		for _, r := range filterKinds(refs, kinds) {
			if r.AliasInfo().Ambiguity == AmbiguityNone {
				found = appendRef(found, r)
			}
		}
	}
	if len(found) != 1 {
		return AliasRef{}, false
	}
	return found[0], true
}

// osaDistance is the edit distance counting a swap of two adjacent letters
// as one edit.
func osaDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

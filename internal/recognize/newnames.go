package recognize

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

// NewActor is a name in actor position that the catalogue does not know.
type NewActor struct {
	Name       string
	Start, End int
	Rule       string
	Reason     string
}

// Vendor naming schemes: a name that follows one is an actor even when the
// catalogue has not heard of it yet.
var (
	codeNameRe = regexp.MustCompile(`\b(?:UNC\d{3,5}|Storm-\d{3,4}|DEV-\d{3,4}|TA\d{3,4}|APT\d{1,3}|FIN\d{1,3}|TAG-\d{2,3}|UAC-\d{3,4}|UAT-\d{3,4}|CL-(?:STA|CRI|UNK)-\d{3,4}|APT-C-\d{2,3}|TEMP\.[A-Z][a-z]+|Void [A-Z][a-z]+)\b`)
	// families need an actor cue in the sentence: "Typhoon" is also weather.
	familyNameRe = regexp.MustCompile(`\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})? (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Cyclone|Hail|Tsunami|Panda|Bear|Kitten|Chollima|Spider|Jackal|Buffalo|Tiger|Taurus|Libra|Scorpius|Ursa|Serpens)\b|\b(?:BRONZE|IRON|COBALT|GOLD|NICKEL|TUNGSTEN|ALUMINUM|PLATINUM|ZINC) [A-Z]{4,}\b`)
	// after a naming phrase: "tracked as Foo", "dubbed 'Foo'"
	afterNamingRe = regexp.MustCompile(`(?i:tracked as|tracks as|dubbed|known as|named|called|noto come|denominato|chiamato|baptisé|surnommé|bekannt als|genannt|conocido como|denominado|llamado|bekend als|conhecido como)\s+["'“‘«]?((?:[A-Z][\w\-.]*[\w](?:\s[A-Z0-9][\w\-]*){0,2}))`)
)

// weather words that make a family name a storm rather than an actor.
var weatherWords = words(`super tropical storm hurricane cyclone landfall weather typhoons rainfall winds`)

func (r *Recognizer) newActors(a *Analysis) []NewActor {
	var out []NewActor
	covered := func(s, e int) bool {
		for _, m := range a.Mentions {
			if s < m.End && m.Start < e && (m.Accepted || m.Entity.Kind != catalog.Country) {
				return true
			}
		}
		for _, n := range out {
			if s < n.End && n.Start < e {
				return true
			}
		}
		return false
	}
	known := func(name string) bool {
		_, ok := r.cat.Resolve(name)
		return ok
	}
	add := func(s, e int, rule, reason string) {
		name := strings.TrimRight(a.Text[s:e], ".,;:")
		e = s + len(name)
		if name == "" || covered(s, e) || known(name) || generic(name) {
			return
		}
		out = append(out, NewActor{Name: name, Start: s, End: e, Rule: rule, Reason: reason})
	}
	for _, l := range codeNameRe.FindAllStringIndex(a.Text, -1) {
		add(l[0], l[1], "naming-scheme", "follows a vendor's naming scheme for threat actors")
	}
	for _, l := range familyNameRe.FindAllStringIndex(a.Text, -1) {
		si := sentenceIndex(a.Sentences, l[0])
		d := decider{a: a}
		if cue := d.near(l[0], l[1], 8, actorCues); cue != "" && d.sentenceHas(si, weatherWords) == "" {
			add(l[0], l[1], "naming-scheme", fmt.Sprintf("a vendor family name, and %q is near", cue))
		}
	}
	for _, m := range afterNamingRe.FindAllStringSubmatchIndex(a.Text, -1) {
		s, e := m[2], m[3]
		d := decider{a: a}
		if cue := d.near(s, e, 10, actorCues); cue != "" {
			add(s, e, "naming-phrase", fmt.Sprintf("named after %q with %q near", strings.Fields(a.Text[m[0]:m[2]])[0], cue))
		}
	}
	return r.fuzzyNewActors(a, out)
}

// fuzzyNewActors turns new names that are one typo away from a catalogue
// actor into mentions of that actor.
func (r *Recognizer) fuzzyNewActors(a *Analysis, news []NewActor) []NewActor {
	var keep []NewActor
	for _, n := range news {
		ref, ok := r.cat.Fuzzy(n.Name, catalog.Actor)
		if !ok {
			keep = append(keep, n)
			continue
		}
		a.Mentions = append(a.Mentions, Mention{Entity: ref.Entity, Alias: ref.AliasInfo(), Start: n.Start, End: n.End, Text: n.Name,
			Rule: "typo", Accepted: true, Sentence: sentenceIndex(a.Sentences, n.Start),
			Reason: fmt.Sprintf("one letter away from %q, and %s", ref.AliasInfo().Name, n.Reason)})
	}
	sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
	return keep
}

// numberListRe matches the continuation of a list of APT numbers:
// "APT27, 30, and 31".
var numberListRe = regexp.MustCompile(`^(?:\s*(?:,|and|e|et|und|y|en|&)\s*)+(\d{1,3})\b`)

var aptNumberRe = regexp.MustCompile(`(?i)^apt[\s-]?\d{1,3}$`)

// numberLists turns bare numbers that continue a list of APT names into
// candidates for the APT groups with those numbers.
func (r *Recognizer) numberLists(text string, cands []Candidate) []Candidate {
	var out []Candidate
	for _, c := range cands {
		if !aptNumberRe.MatchString(c.Text) {
			continue
		}
		pos := c.End
		for {
			m := numberListRe.FindStringSubmatchIndex(text[pos:])
			if m == nil {
				break
			}
			s, e := pos+m[2], pos+m[3]
			if overlaps(cands, s, e) {
				break
			}
			if mt, ok := r.cat.Resolve("APT"+text[s:e], catalog.Actor); ok {
				ref := catalog.AliasRef{Entity: mt.Entity, Alias: -1}
				for i, a := range mt.Entity.Aliases {
					if a.Name == mt.Alias.Name {
						ref.Alias = i
					}
				}
				out = append(out, Candidate{Start: s, End: e, Text: text[s:e], Refs: []catalog.AliasRef{ref}, Rule: "list"})
			}
			pos = e
		}
	}
	return out
}

func overlaps(cands []Candidate, s, e int) bool {
	for _, c := range cands {
		if s < c.End && c.Start < e {
			return true
		}
	}
	return false
}

// genericWords cannot make up an actor's name on their own.
var genericWords = words(`
advanced persistent threat threats group groups team actor actors hackers hacker apt state sponsored the a an of
chinese russian iranian korean north south american british cyber security intelligence ministry government
microsoft google mandiant crowdstrike researchers unit spider panda bear
`)

// generic reports whether a would-be actor name is made only of generic
// words ("Advanced Persistent Threat").
func generic(name string) bool {
	for _, t := range Tokenize(name) {
		if !genericWords[t.Fold] {
			return false
		}
	}
	return true
}

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
// catalogue has not heard of it yet. Matched token by token: regular
// expressions here cost more than all the rest of recognition.
var (
	// codePrefixes are written as one token with digits: UNC5221, TA577.
	codePrefixes = []string{"UNC", "TA", "APT", "FIN"}
	// dashPrefixes take a hyphen: Storm-0558, DEV-0537, TAG-22, UAC-0050.
	dashPrefixes = map[string]bool{"Storm": true, "DEV": true, "TAG": true, "UAC": true, "UAT": true}
	// familyWords end a vendor's two-word names; they need an actor cue
	// nearby, since "Typhoon" is also weather and "Panda" an animal.
	familyWords = map[string]bool{"Typhoon": true, "Blizzard": true, "Sandstorm": true, "Sleet": true, "Tempest": true,
		"Cyclone": true, "Hail": true, "Tsunami": true, "Panda": true, "Bear": true, "Kitten": true, "Chollima": true,
		"Spider": true, "Jackal": true, "Buffalo": true, "Tiger": true, "Taurus": true, "Libra": true, "Scorpius": true,
		"Ursa": true, "Serpens": true}
	// colourElements start Secureworks names: BRONZE VINEWOOD, IRON TWILIGHT.
	colourElements = map[string]bool{"BRONZE": true, "IRON": true, "COBALT": true, "GOLD": true, "NICKEL": true,
		"TUNGSTEN": true, "ALUMINUM": true, "PLATINUM": true, "ZINC": true}
)

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCapitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// weather words that make a family name a storm rather than an actor.
var weatherWords = words(`super tropical storm hurricane cyclone landfall weather typhoons rainfall winds`)

func (r *Recognizer) newActors(a *Analysis) []NewActor {
	var out []NewActor
	// Mentions are sorted by start and do not overlap.
	covered := func(s, e int) bool {
		i := sort.Search(len(a.Mentions), func(i int) bool { return a.Mentions[i].End > s })
		for ; i < len(a.Mentions) && a.Mentions[i].Start < e; i++ {
			if m := a.Mentions[i]; m.Accepted || m.Entity.Kind != catalog.Country {
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
	ts := a.Tokens
	text := a.Text
	raw := func(j int) string { return text[ts[j].Start:ts[j].End] }
	gap := func(j int) string { return text[ts[j].End:ts[j+1].Start] }
	for j := range ts {
		w := raw(j)
		// UNC5221, TA577, APT99
		for _, p := range codePrefixes {
			if len(w) > len(p) && w[:len(p)] == p && isDigits(w[len(p):]) {
				add(ts[j].Start, ts[j].End, "naming-scheme", "follows a vendor's naming scheme for threat actors")
			}
		}
		if j+1 >= len(ts) {
			continue
		}
		// TEMP.Veles, TEMP.Zagros: Mandiant's temporary names
		if w == "TEMP" && gap(j) == "." && isCapitalised(raw(j+1)) {
			add(ts[j].Start, ts[j+1].End, "naming-scheme", "follows Mandiant's TEMP. naming scheme")
		}
		// Storm-0558, APT-C-36, CL-STA-0043
		if dashPrefixes[w] && gap(j) == "-" && isDigits(raw(j+1)) {
			add(ts[j].Start, ts[j+1].End, "naming-scheme", "follows a vendor's naming scheme for threat actors")
		}
		if j+2 < len(ts) && (w == "APT" && raw(j+1) == "C" || w == "CL" && (raw(j+1) == "STA" || raw(j+1) == "CRI" || raw(j+1) == "UNK")) &&
			gap(j) == "-" && gap(j+1) == "-" && isDigits(raw(j+2)) {
			add(ts[j].Start, ts[j+2].End, "naming-scheme", "follows a vendor's naming scheme for threat actors")
		}
		// Secureworks: BRONZE VINEWOOD
		if colourElements[w] && gap(j) == " " && len(raw(j+1)) >= 4 && isAllUpper(raw(j+1)) {
			add(ts[j].Start, ts[j+1].End, "naming-scheme", "a Secureworks colour-element name")
		}
		// Microsoft, CrowdStrike, Unit 42 families: "Salt Typhoon", "Wicked Panda"
		if familyWords[raw(j+1)] && isCapitalised(w) && gap(j) == " " && len(w) >= 3 && !isAllUpper(w) {
			si := sentenceIndex(a.Sentences, ts[j].Start)
			if cue := a.near(ts[j].Start, ts[j+1].End, 8, actorCues); cue != "" && a.sentenceHas(si, weatherWords) == "" {
				add(ts[j].Start, ts[j+1].End, "naming-scheme", fmt.Sprintf("a vendor family name, and %q is near", cue))
			}
		}
	}
	// After a naming phrase: "tracked as Foo", "dubbed 'Foo Bar'".
	for j := range ts {
		p := phraseAt(ts, j, namingCues)
		if p == nil {
			continue
		}
		n := j + len(p)
		if n >= len(ts) || !(isCapitalised(raw(n)) || isDigits(raw(n))) {
			continue
		}
		e := n
		for e+1 < len(ts) && e < n+2 && (gap(e) == " " || gap(e) == "-" || gap(e) == ".") && (isCapitalised(raw(e+1)) || isDigits(raw(e+1))) {
			e++
		}
		if cue := a.near(ts[n].Start, ts[e].End, 10, actorCues); cue != "" {
			add(ts[n].Start, ts[e].End, "naming-phrase", fmt.Sprintf("named after %q with %q near", strings.Join(p, " "), cue))
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
	// APT numbers named in full elsewhere settle a cut-off number in a list:
	// "APT 27, 30, and 3" in a text about APT31 means APT31.
	named := map[string]bool{}
	for _, c := range cands {
		if aptNumberRe.MatchString(c.Text) {
			named[strings.TrimLeft(c.Text[3:], " -")] = true
		}
	}
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
			num, rule := text[s:e], "list"
			if !named[num] {
				for m := range named {
					if len(m) > len(num) && strings.HasPrefix(m, num) {
						num, rule = m, "list-typo"
					}
				}
			}
			if mt, ok := r.cat.Resolve("APT"+num, catalog.Actor); ok {
				ref := catalog.AliasRef{Entity: mt.Entity, Alias: -1}
				for i, a := range mt.Entity.Aliases {
					if a.Name == mt.Alias.Name {
						ref.Alias = i
					}
				}
				out = append(out, Candidate{Start: s, End: e, Text: text[s:e], Refs: []catalog.AliasRef{ref}, Rule: rule})
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

package claims

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// A small scorer for (attributor, actor) pairs against the
// gold.attributions of ../shared/articles/dev.jsonl.
//
// Matching rule. Gold attributors are free text ("CISA, FBI, US Cyber
// Command CNMF, NSA and UK NCSC (joint advisory)", "U.S. Secret Service
// (confirming an NBC News report)"); a predicted attributor is one party
// ("FBI", "Belgian government"). Both are reduced to a key:
//
//   - words are folded (case, accents), "U.S."/"U.K." joined into "us"/"uk";
//   - agency names and their acronyms become one token ("Federal Bureau of
//     Investigation", "FBI" -> fbi; "National Cyber Security Centre", "NCSC"
//     -> ncsc; "Justice Department", "DoJ", "Attorney General" -> doj;
//     "MSTIC", "Microsoft Threat Intelligence Center" -> microsoft), and an
//     agency also counts as its parent (the FBI is part of the DoJ);
//   - country names and adjectives, resolved with the catalogue ("United
//     States", "American", "British", "UK") become ISO codes; a country
//     followed by an agency ("US Cyber Command", "Canada's CSE") only
//     qualifies it, while a country standing alone or with a government
//     word ("the Belgian government", "UK government", "Belgium") is the
//     state speaking;
//   - generic words (government, authorities, agency, joint, advisory,
//     ministry, the, and, ...) are dropped; what remains (acronyms, vendor,
//     outlet and person names) is distinctive.
//
// Two attributors match when their distinctive tokens intersect, or when
// one side names a state speaking and the other side names that state or
// one of its agencies. Actors match by catalogue id (gold names resolved
// with the catalogue). A predicted pair is correct when some gold pair of
// the same article matches it; a gold pair is found when some predicted
// pair matches it. Claims without an attributor (the outlet's own voice)
// are not pairs: the gold records attributions only when the text names
// who makes them.

// attrKey is the reduced form of an attributor.
type attrKey struct {
	tokens    map[string]bool // distinctive tokens
	parents   map[string]bool // parents of the agencies named (the FBI's DoJ)
	states    map[string]bool // states speaking as such
	countries map[string]bool // every state named, directly or through an agency
}

// agencyPhrases map names to one canonical token, longest first.
var agencyPhrases = [][2]string{
	{"federal bureau of investigation", "fbi"}, {"national security agency", "nsa"},
	{"cybersecurity and infrastructure security agency", "cisa"}, {"cybersecurity infrastructure security agency", "cisa"},
	{"cyber national mission force", "cybercom"}, {"cyber command", "cybercom"}, {"comando cibernetico", "cybercom"},
	{"department of justice", "doj"}, {"justice department", "doj"}, {"deputy attorney general", "doj"}, {"attorney general", "doj"},
	{"federal prosecutors", "doj"}, {"department of state", "statedept"}, {"state department", "statedept"},
	{"department of homeland security", "dhs"}, {"secret service", "secretservice"},
	{"national cyber security centre", "ncsc"}, {"national cyber security center", "ncsc"},
	{"communications security establishment", "cse"}, {"communication security establishment", "cse"},
	{"national cyber investigative joint task force", "ncijtf"},
	{"microsoft threat intelligence center", "microsoft"}, {"threat analysis group", "google"},
	{"european union", "eu"}, {"white house", "US"},
}

// agencyTokens are single-word names and the canonical tokens they become.
var agencyTokens = map[string]string{
	"fbi": "fbi", "nsa": "nsa", "cisa": "cisa", "cybercom": "cybercom", "uscybercom": "cybercom", "cnmf": "cybercom",
	"doj": "doj", "dhs": "dhs", "ncsc": "ncsc", "cse": "cse", "ncijtf": "ncijtf", "mstic": "microsoft", "eu": "eu",
	"statedept": "statedept", "secretservice": "secretservice", "microsoft": "microsoft", "google": "google",
}

// agencyHome and agencyParent place agencies in their state and parent.
var (
	agencyHome = map[string]string{"fbi": "US", "nsa": "US", "cisa": "US", "cybercom": "US", "doj": "US", "dhs": "US",
		"statedept": "US", "secretservice": "US", "ncijtf": "US", "ncsc": "GB", "cse": "CA"}
	agencyParent = map[string]string{"fbi": "doj", "ncijtf": "fbi", "cisa": "dhs"}
)

// genericWords say nothing about who the attributor is.
var genericWords = words(`
the a an and with of for in on by its their to as from at also two three four both western key
government governments authorities authority agency agencies joint advisory alert statement sanctions security cyber national
department ministry foreign affairs intelligence officials official reports report news researchers research center centre task force
investigative supported echoed confirming citing self claim reported administration allies partners minister secretary spokesperson
services service team labs company firm prosecutors federal office house sector private public united states kingdom
`)

// keyOf reduces an attributor's text to its key.
func keyOf(cat *catalog.Catalog, s string) attrKey {
	k := attrKey{tokens: map[string]bool{}, parents: map[string]bool{}, states: map[string]bool{}, countries: map[string]bool{}}
	var toks []string
	for _, t := range recognize.Tokenize(s) {
		toks = append(toks, t.Fold)
	}
	// "u s" -> "us", "u k" -> "uk".
	var joined []string
	for i := 0; i < len(toks); i++ {
		if toks[i] == "u" && i+1 < len(toks) && (toks[i+1] == "s" || toks[i+1] == "k") {
			joined = append(joined, "u"+toks[i+1])
			i++
			continue
		}
		joined = append(joined, toks[i])
	}
	toks = joined
	// Canonical items: agencies (lower case), countries (ISO code, upper
	// case) and other words, in order.
	type item struct {
		v       string
		country bool
	}
	var items []item
	for i := 0; i < len(toks); {
		matched := false
		for _, ap := range agencyPhrases {
			ws := strings.Fields(ap[0])
			if i+len(ws) <= len(toks) && strings.Join(toks[i:i+len(ws)], " ") == ap[0] {
				items = append(items, item{v: ap[1], country: ap[1] == strings.ToUpper(ap[1])})
				i += len(ws)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		for n := 3; n >= 1 && !matched; n-- {
			if i+n > len(toks) {
				continue
			}
			phrase := strings.Join(toks[i:i+n], " ")
			if genericWords[phrase] {
				continue
			}
			if m, ok := cat.Resolve(phrase, catalog.Country); ok && len(phrase) > 1 {
				items = append(items, item{v: countryCode(m.Entity), country: true})
				i += n
				matched = true
			}
		}
		if matched {
			continue
		}
		if a, ok := agencyTokens[toks[i]]; ok {
			items = append(items, item{v: a})
		} else {
			items = append(items, item{v: toks[i]})
		}
		i++
	}
	for i, it := range items {
		switch {
		case it.country:
			next := ""
			for j := i + 1; j < len(items); j++ {
				if items[j].v != "s" {
					next = items[j].v
					break
				}
			}
			k.countries[it.v] = true
			if _, agency := agencyHome[next]; !agency {
				k.states[it.v] = true
			}
		case agencyHome[it.v] != "" || agencyTokens[it.v] != "":
			k.tokens[it.v] = true
			if h := agencyHome[it.v]; h != "" {
				k.countries[h] = true
			}
			for p := agencyParent[it.v]; p != ""; p = agencyParent[p] {
				k.parents[p] = true
			}
		case !genericWords[it.v] && len(it.v) > 1 && !isDigits(it.v):
			k.tokens[it.v] = true
		}
	}
	return k
}

// partyKey is the key of a predicted attributor.
func partyKey(cat *catalog.Catalog, p Party) attrKey {
	k := keyOf(cat, p.Name)
	// An agency counts as its state, as the lexicon says ("NIS" is South
	// Korea's); an actor speaking for itself matches under any of its
	// names ("REvil (self-claim)" for GOLD SOUTHFIELD).
	for _, ps := range orgIndex {
		for _, op := range ps {
			if op.e.name == p.Name && op.e.country != "" {
				k.countries[op.e.country] = true
			}
		}
	}
	if e, ok := cat.ByID(p.ID); ok && p.Kind == KindActor {
		k.tokens[namekey.Joined(e.Name)] = true
		for _, al := range e.Aliases {
			k.tokens[namekey.Joined(al.Name)] = true
		}
	}
	if p.Kind == KindCountry && strings.HasPrefix(p.ID, "country:") {
		cc := strings.TrimPrefix(p.ID, "country:")
		k.states[cc] = true
		k.countries[cc] = true
	}
	return k
}

// matches applies the matching rule above.
func (k attrKey) matches(o attrKey) bool {
	if k.matchesStrictly(o) {
		return true
	}
	for t := range k.parents {
		if o.tokens[t] || o.parents[t] {
			return true
		}
	}
	for t := range o.parents {
		if k.tokens[t] {
			return true
		}
	}
	for c := range k.states {
		if o.countries[c] {
			return true
		}
	}
	for c := range o.states {
		if k.countries[c] {
			return true
		}
	}
	return false
}

// matchesStrictly is the strict variant, reported beside the rule above:
// the same agency, vendor or person, or the same state speaking as a
// state; an agency does not stand for its state or its parent.
func (k attrKey) matchesStrictly(o attrKey) bool {
	for t := range k.tokens {
		if o.tokens[t] {
			return true
		}
	}
	for c := range k.states {
		if o.states[c] {
			return true
		}
	}
	return false
}

// goldAttribution is one entry of gold.attributions.
type goldAttribution struct {
	Attributor string  `json:"attributor"`
	Actor      string  `json:"actor"`
	Target     string  `json:"target"`
	DeniedBy   *string `json:"denied_by"`
}

// pair is one predicted (attributor, actor) pair with its evidence.
type pair struct {
	attributor Party
	actorID    string
	actorName  string
	evidence   string
}

// pairsOf returns the distinct (attributor, actor) pairs of claims.
func pairsOf(cs []Claim) []pair {
	var out []pair
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Type != Attribution || c.Subject.Kind != KindActor || c.Attributor == nil {
			continue
		}
		key := c.Attributor.Name + "|" + c.Subject.ID + "|" + c.Subject.Name
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, pair{attributor: *c.Attributor, actorID: c.Subject.ID, actorName: c.Subject.Name, evidence: c.Evidence})
	}
	return out
}

// score holds the counts of one scoring run.
type score struct {
	predicted, correct int // predicted pairs, and those matching a gold pair
	gold, found        int // gold pairs, and those matched by a prediction
	misses, wrong      []string
	right              []string
}

func (s score) precision() float64 { return ratio(s.correct, s.predicted) }
func (s score) recall() float64    { return ratio(s.found, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreArticle scores the pairs of one article against its gold.
func scoreArticle(cat *catalog.Catalog, id string, ps []pair, gold []goldAttribution, strict bool, s *score) {
	actorOf := func(name string) string {
		if m, ok := cat.Resolve(name, catalog.Actor); ok {
			return m.Entity.ID
		}
		return "?" + strings.ToLower(name)
	}
	sameActor := func(p pair, g goldAttribution) bool {
		ga := actorOf(g.Actor)
		return p.actorID != "" && p.actorID == ga || p.actorID == "" && "?"+strings.ToLower(p.actorName) == ga
	}
	match := attrKey.matches
	if strict {
		match = attrKey.matchesStrictly
	}
	pk := make([]attrKey, len(ps))
	for i, p := range ps {
		pk[i] = partyKey(cat, p.attributor)
	}
	gk := make([]attrKey, len(gold))
	for i, g := range gold {
		gk[i] = keyOf(cat, g.Attributor)
	}
	s.predicted += len(ps)
	s.gold += len(gold)
	for i, p := range ps {
		ok := false
		for j, g := range gold {
			if sameActor(p, g) && match(pk[i], gk[j]) {
				ok = true
				break
			}
		}
		if ok {
			s.correct++
			s.right = append(s.right, fmt.Sprintf("%s: %s -> %s", id, p.attributor.Name, p.actorName))
		} else {
			s.wrong = append(s.wrong, fmt.Sprintf("%s: %s -> %s  [%s]", id, p.attributor.Name, p.actorName, clip(p.evidence, 140)))
		}
	}
	for j, g := range gold {
		ok := false
		for i, p := range ps {
			if sameActor(p, g) && match(pk[i], gk[j]) {
				ok = true
				break
			}
		}
		if ok {
			s.found++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: %s -> %s", id, g.Attributor, g.Actor))
		}
	}
	sort.Strings(s.wrong)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

func TestAttributorKeys(t *testing.T) {
	cat := testRecognizer(t).Catalog()
	cases := []struct {
		pred  Party
		gold  string
		match bool
	}{
		{Party{Kind: KindCountry, ID: "country:BE", Name: "Belgian government"}, "Belgian government", true},
		{Party{Kind: KindCountry, ID: "country:BE", Name: "Belgian government"}, "Belgium", true},
		{Party{Kind: KindOrganisation, Name: "FBI"}, "Federal Bureau of Investigation", true},
		{Party{Kind: KindOrganisation, Name: "FBI"}, "U.S. Department of Justice (federal prosecutors and FBI)", true},
		{Party{Kind: KindOrganisation, Name: "FBI"}, "US Cyber Command", false},
		{Party{Kind: KindCountry, ID: "country:US", Name: "U.S. government"}, "US Cyber Command", true},
		{Party{Kind: KindOrganisation, Name: "NSA"}, "U.S. National Security Agency, UK NCSC and the British and Canadian governments", true},
		{Party{Kind: KindCountry, ID: "country:CA", Name: "Canadian government"}, "U.S. National Security Agency, UK NCSC and the British and Canadian governments", true},
		{Party{Kind: KindCountry, ID: "country:CA", Name: "Canadian government"}, "UK NCSC with Canada's CSE", true},
		{Party{Kind: KindOrganisation, Name: "CSE"}, "UK NCSC with Canada's CSE", true},
		{Party{Kind: KindVendor, Name: "Microsoft"}, "Microsoft Threat Intelligence Center", true},
		{Party{Kind: KindVendor, Name: "Microsoft"}, "FireEye", false},
		{Party{Kind: KindActor, ID: "actor:gold-southfield", Name: "GOLD SOUTHFIELD"}, "REvil (self-claim, reported by The Record)", true},
		{Party{Kind: KindActor, ID: "actor:gold-southfield", Name: "GOLD SOUTHFIELD"}, "FBI", false},
		{Party{Kind: KindOrganisation, Name: "NIS"}, "U.S. NSA with the FBI, State Department and South Korean agencies (joint advisory)", true},
		{Party{Kind: KindOrganisation, Name: "European Union"}, "EU and UK", true},
		{Party{Kind: KindCountry, ID: "country:GB", Name: "UK government"}, "EU and UK", true},
		{Party{Kind: KindCountry, ID: "country:FR", Name: "French government"}, "EU and UK", false},
	}
	for _, c := range cases {
		if got := partyKey(cat, c.pred).matches(keyOf(cat, c.gold)); got != c.match {
			t.Errorf("%q vs %q: match %v, want %v", c.pred.Name, c.gold, got, c.match)
		}
	}
}

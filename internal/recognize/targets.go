package recognize

import (
	"fmt"
	"sort"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

// Target is an organisation named as the object of an attack.
type Target struct {
	Name       string
	Start, End int
	Sentence   int
	Reason     string
}

// orgConnectors may join the capitalised words of an organisation's name:
// "Ministry of Foreign Affairs", "Ministero della Difesa".
var orgConnectors = words(`of for and the de di del della dei degli du des la le der die des van voor y e`)

// orgWords mark a name as an organisation's.
var orgWords = words(`ministry ministries department agency office committee parliament interior defence defense pipeline bank
university institute hospital council commission inc ltd corp corporation company group labs laboratory laboratories
coop authority bureau court police army navy embassy foundation association
ministero dipartimento agenzia difesa interno parlamento universita ospedale banca
ministere agence defense interieur parlement universite hopital banque
ministerium behorde bundesamt verteidigung parlament universitat krankenhaus
ministerio agencia defensa interior parlamento universidad hospital banco
ministerie agentschap defensie parlement universiteit ziekenhuis`)

// notOrgWords never belong to an organisation's name: dates, regions,
// products.
var notOrgWords = words(`monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december middle east west north south america europe asia africa eastern western
exchange server windows office chrome vpn netscaler outlook sharepoint covid pandemic pandemie warn names
millionen milliarden million millions billion dollar dollars euro euros`)

// Targets finds organisations named as the objects of targeting words:
// "targeting the FPS Interior and the Belgian Defence". A name is a run of
// capitalised words (with connectors inside), possibly opened by a country
// adjective ("Belgian Defence"); actors, malware and bare countries are not
// organisations.
func (a *Analysis) Targets() []Target {
	if a.targets != nil {
		return *a.targets
	}
	out := a.findTargets()
	a.targets = &out
	return out
}

func (a *Analysis) findTargets() []Target {
	var out []Target
	ts := a.Tokens
	text := a.Text
	isCap := func(j int) bool { return j < len(ts) && isCapitalised(text[ts[j].Start:ts[j].End]) }
	// Mentions are sorted by start and do not overlap.
	mentionAt := func(j int) *Mention {
		i := sort.Search(len(a.Mentions), func(i int) bool { return a.Mentions[i].End > ts[j].Start })
		for ; i < len(a.Mentions) && a.Mentions[i].Start <= ts[j].Start; i++ {
			if m := &a.Mentions[i]; m.Accepted && ts[j].End <= m.End {
				return m
			}
		}
		return nil
	}
	seen := map[int]bool{}
	for si, s := range a.Sentences {
		lo, hi := tokenAt(ts, s.Start), tokenAt(ts, s.End)
		for j := lo; j < hi; j++ {
			if !targetCues[ts[j].Fold] {
				continue
			}
			// Look a few words ahead for the start of a name.
			limit := j + 4
			for k := j + 1; k < hi && k <= limit; k++ {
				if clauseBreak(text[ts[k-1].End:ts[k].Start]) {
					break
				}
				if !isCap(k) || seen[k] {
					continue
				}
				start, end := k, k
				for end+1 < hi && !clauseBreak(text[ts[end].End:ts[end+1].Start]) &&
					(isCap(end+1) || orgConnectors[ts[end+1].Fold] && end+2 < hi && isCap(end+2)) {
					end++
				}
				for e := start; e <= end; e++ {
					seen[e] = true
				}
				// One capitalised word alone, or a name that is only an
				// actor, malware or country, is not an organisation.
				if m := mentionAt(start); m != nil && (m.Entity.Kind != catalog.Country || !m.Alias.Adjective || end == start) {
					if m.End >= ts[end].End {
						break
					}
				}
				if end == start && mentionAt(start) == nil && ts[start].End-ts[start].Start < 4 {
					break
				}
				if !a.orgName(start, end, mentionAt) {
					k = end
					limit = max(limit, end+2)
					continue
				}
				name := text[ts[start].Start:ts[end].End]
				out = append(out, Target{Name: name, Start: ts[start].Start, End: ts[end].End, Sentence: si,
					Reason: fmt.Sprintf("named after %q", ts[j].Fold)})
				// "the FPS Interior and the Belgian Defence": go on after "and".
				k = end
				if end+2 < hi && orgConnectors[ts[end+1].Fold] {
					limit = end + 4
					continue
				}
				break
			}
		}
	}
	return out
}

// orgName decides whether tokens [start, end] name an organisation.
func (a *Analysis) orgName(start, end int, mentionAt func(int) *Mention) bool {
	ts := a.Tokens
	caps, org, countryOnly := 0, false, true
	for j := start; j <= end; j++ {
		w := ts[j].Fold
		if notOrgWords[w] {
			return false
		}
		if orgWords[w] {
			org = true
		}
		if orgConnectors[w] {
			continue
		}
		caps++
		m := mentionAt(j)
		switch {
		case m == nil:
			countryOnly = false
		case m.Entity.Kind == catalog.Country, m.Entity.Kind == catalog.Sector:
			countryOnly = countryOnly && m.Entity.Kind == catalog.Country
		default:
			return false // an actor, malware or tool, not an organisation
		}
	}
	if countryOnly {
		return false
	}
	return org || caps >= 2 && !hasGermanNouns(a.Text[ts[start].Start:ts[end].End])
}

// hasGermanNouns guesses that a capitalised run is German prose, where
// every noun is capitalised: a word ending like a German noun.
func hasGermanNouns(s string) bool {
	for _, t := range Tokenize(s) {
		for _, suf := range []string{"ung", "heit", "keit", "schaft", "gruppe", "forscher", "experten"} {
			if len(t.Fold) > len(suf)+2 && t.Fold[len(t.Fold)-len(suf):] == suf {
				return true
			}
		}
	}
	return false
}

// TargetedSentence reports whether sentence si names something attacked or
// targeted: a targeting or attack word stands in it.
func (a *Analysis) TargetedSentence(si int) bool {
	return a.sentenceHas(si, targetCues) != "" || a.sentenceHas(si, attackWords) != ""
}

package recognize

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

// Country roles.
const (
	RoleSponsor    = "sponsor"
	RoleVictim     = "victim"
	RoleAttributor = "attributor"
	RoleMentioned  = "mentioned"
)

// CountryRole is one role of one country, with the sentence that shows it.
type CountryRole struct {
	Code     string
	Role     string
	Sentence int
	Reason   string
}

// threatWords mark a sentence as being about cyber attacks or actors.
var threatWords = mergeWords(actorCues, words(`
attack attacks attacked cyberattack cyberattacks cyber hacking hacked malicious intrusion breach campaign
operations activity activities espionage
attacchi attacco informatici informatico informatiche dannose cyberattacchi campagna
attaques attaque informatiques cyberattaques campagne
angriffe angriff cyberangriffe cyberangriff kampagne
ataques ataque ciberataques ciberataque informaticos campana
aanvallen aanval cyberaanvallen campagne
ataques ataque ciberataques campanha
`))

func mergeWords(ms ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// criminalWords mark an actor as criminal rather than state-run, so that
// "Russia-linked ransomware gang" stays a nationality.
var criminalWords = words(`ransomware gang gangs cybercriminal cybercriminals criminal criminals extortion cybercrime banda criminali gangs bande cybercriminels kriminelle ciberdelincuentes criminales cybercriminelen`)

// CountryRoles decides the role of every believed country mention, and adds
// sponsors named through state bodies ("the MSS", "Beijing").
func (a *Analysis) CountryRoles() []CountryRole {
	var out []CountryRole
	add := func(code, role string, si int, reason string) {
		out = append(out, CountryRole{Code: code, Role: role, Sentence: si, Reason: reason})
	}
	for _, m := range a.Mentions {
		if !m.Accepted || m.Entity.Kind != catalog.Country {
			continue
		}
		code := strings.TrimPrefix(m.Entity.ID, "country:")
		roles := a.rolesOf(m)
		if len(roles) == 0 {
			add(code, RoleMentioned, m.Sentence, "named")
		}
		for _, r := range roles {
			add(code, r[0], m.Sentence, r[1])
		}
	}
	// State bodies and capitals standing for their state.
	for si := range a.Sentences {
		if !a.sentenceAboutThreats(si) {
			continue
		}
		for key, code := range agencySponsors {
			if pos := a.findPhrase(si, strings.Split(key, "_")); pos >= 0 {
				if a.agencyAsSponsor(si, pos, len(strings.Split(key, "_"))) {
					add(code, RoleSponsor, si, fmt.Sprintf("state body %q in a sentence about an actor", strings.ReplaceAll(key, "_", " ")))
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Sentence < out[j].Sentence })
	return out
}

// rolesOf returns [role, reason] pairs for one country mention.
func (a *Analysis) rolesOf(m Mention) [][2]string {
	si := m.Sentence
	ts := a.Tokens
	first, last := tokenAt(ts, m.Start), tokenAt(ts, m.End-1)
	sent := a.Sentences[si]
	lo := tokenAt(ts, sent.Start)
	hi := tokenAt(ts, sent.End) // exclusive
	tok := func(j int) string {
		if j < lo || j >= hi || j < 0 || j >= len(ts) {
			return ""
		}
		return ts[j].Fold
	}
	threat := a.sentenceAboutThreats(si)
	var roles [][2]string
	nationality := nationalityNouns[tok(last+1)] || nationalityNouns[tok(last+2)] && (tok(last+1) == "state" || tok(last+1) == "apt")
	criminal := false
	for j := last + 1; j <= last+3; j++ {
		if criminalWords[tok(j)] {
			criminal = true
		}
	}

	// Attributor: the country (or its government) makes the accusation.
	attributor := false
	for j := last + 1; j <= last+4 && j < hi; j++ {
		if attributorCues[tok(j)] && threat && !blameCues[tok(first-1)] {
			attributor = true
			roles = append(roles, [2]string{RoleAttributor, fmt.Sprintf("%q follows it", ts[j].Fold)})
			break
		}
		if !(stateCues[tok(j)] || tok(j) == "the" || tok(j) == "s" || tok(j) == "foreign" || tok(j) == "minister" || tok(j) == "authorities" || tok(j) == "officials") {
			break
		}
	}

	// Sponsor.
	if threat && !attributor && !criminal {
		switch {
		case m.End < len(a.Text) && a.Text[m.End] == '-' && sponsorCompounds[tok(last+1)]:
			roles = append(roles, [2]string{RoleSponsor, fmt.Sprintf("%q-%s", m.Text, tok(last+1))})
		case a.prepBefore(first, lo) != "":
			roles = append(roles, [2]string{RoleSponsor, fmt.Sprintf("%q precedes it", a.prepBefore(first, lo))})
		case blameBefore(tok, first) != "" && !nationality:
			roles = append(roles, [2]string{RoleSponsor, fmt.Sprintf("blamed (%q)", blameBefore(tok, first))})
		case stateNear(tok, first, last) != "":
			roles = append(roles, [2]string{RoleSponsor, fmt.Sprintf("state wording %q", stateNear(tok, first, last))})
		case involvedAfter(tok, last) != "":
			roles = append(roles, [2]string{RoleSponsor, fmt.Sprintf("%q", involvedAfter(tok, last))})
		}
	}
	isSponsor := len(roles) > 0 && roles[len(roles)-1][0] == RoleSponsor

	// Victim: the object of a targeting word earlier in the sentence.
	if !isSponsor && !nationality && !attributor {
		agent := map[string]bool{"by": true, "da": true, "dal": true, "dai": true, "dalla": true, "par": true, "von": true, "por": true, "door": true, "pelo": true, "pela": true}
		if !agent[tok(first-1)] && !(tok(first-1) == "the" && agent[tok(first-2)]) {
			for j := first - 1; j >= lo && j >= first-14; j-- {
				if blameCues[tok(j)] || attributorCues[tok(j)] && j < first-1 {
					break
				}
				if targetCues[tok(j)] {
					roles = append(roles, [2]string{RoleVictim, fmt.Sprintf("object of %q", tok(j))})
					break
				}
			}
		}
		if len(roles) == 0 || roles[len(roles)-1][0] != RoleVictim {
			for j := last + 1; j <= last+4 && j < hi; j++ {
				w := tok(j)
				if w == "was" || w == "were" || w == "has" || w == "been" || w == "is" || w == "e" || w == "stato" || w == "stata" || w == "ete" || w == "wurde" || w == "fue" || w == "werd" || w == "foi" {
					continue
				}
				if passiveTarget[w] {
					roles = append(roles, [2]string{RoleVictim, fmt.Sprintf("%q follows it", w)})
				}
				break
			}
		}
	}
	return roles
}

var passiveTarget = words(`targeted attacked hacked breached hit compromised colpito colpita attaccato attaccata cible ciblee attaque attaquee angegriffen gehackt atacado atacada aangevallen gehackt atacado`)

func blameBefore(tok func(int) string, first int) string {
	for j := first - 1; j >= first-3; j-- {
		w := tok(j)
		if blameCues[w] {
			return w
		}
		if w != "la" && w != "the" && w != "le" && w != "l" && w != "a" && w != "die" && w != "de" && w != "het" && w != "o" {
			return ""
		}
	}
	return ""
}

func stateNear(tok func(int) string, first, last int) string {
	for k := 1; k <= 3; k++ {
		for _, j := range []int{first - k, last + k} {
			if stateCues[tok(j)] {
				return tok(j)
			}
		}
	}
	return ""
}

func involvedAfter(tok func(int) string, last int) string {
	for j := last + 1; j <= last+6; j++ {
		if involvementCues[tok(j)] {
			return tok(j)
		}
	}
	return ""
}

// prepBefore returns a sponsor phrase ("linked to", "legati alla") that
// ends right before token first, or "".
func (a *Analysis) prepBefore(first, lo int) string {
	ts := a.Tokens
	for _, p := range sponsorPreps {
		n := len(p)
		for skip := 0; skip <= 1; skip++ { // allow an article: "linked to the"
			s := first - n - skip
			if s < lo {
				continue
			}
			ok := true
			for k, w := range p {
				if ts[s+k].Fold != w {
					ok = false
					break
				}
			}
			if ok && (skip == 0 || isArticle(ts[first-1].Fold)) {
				return strings.Join(p, " ")
			}
		}
	}
	return ""
}

func isArticle(w string) bool {
	switch w {
	case "the", "la", "il", "lo", "le", "l", "les", "der", "die", "das", "den", "dem", "el", "los", "las", "de", "het", "o", "a", "os", "as":
		return true
	}
	return false
}

// sentenceAboutThreats reports whether sentence si speaks of cyber attacks
// or threat actors.
func (a *Analysis) sentenceAboutThreats(si int) bool {
	if a.actorSentences[si] {
		return true
	}
	d := decider{a: a}
	return d.sentenceHas(si, threatWords) != ""
}

// findPhrase returns the index of the first token of phrase p in sentence
// si, or -1.
func (a *Analysis) findPhrase(si int, p []string) int {
	s := a.Sentences[si]
	ts := a.Tokens
	for j := tokenAt(ts, s.Start); j+len(p) <= len(ts) && ts[j].Start < s.End; j++ {
		ok := true
		for k, w := range p {
			if ts[j+k].Fold != w {
				ok = false
				break
			}
		}
		if ok {
			return j
		}
	}
	return -1
}

// agencyAsSponsor reports whether a state body at token pos is written as
// the power behind an actor: next to state or sponsor wording, or with an
// actor in the sentence.
func (a *Analysis) agencyAsSponsor(si, pos, n int) bool {
	ts := a.Tokens
	w := ts[pos].Fold
	// Acronyms must be written in capitals: "pla" and "gru" are words too.
	if len(w) <= 4 && a.Text[ts[pos].Start:ts[pos].End] != strings.ToUpper(w) {
		return false
	}
	return a.actorSentences[si]
}

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
operations activity activities espionage exploit exploits malware zero-day vulnerability
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
	if a.roles != nil {
		return *a.roles
	}
	out := a.findRoles()
	a.roles = &out
	return out
}

func (a *Analysis) findRoles() []CountryRole {
	var out []CountryRole
	add := func(code, role string, si int, reason string) {
		out = append(out, CountryRole{Code: code, Role: role, Sentence: si, Reason: reason})
	}
	var cms []Mention
	var croles [][][2]string
	for _, m := range a.Mentions {
		if m.Accepted && m.Entity.Kind == catalog.Country {
			cms = append(cms, m)
			croles = append(croles, a.rolesOf(m))
		}
	}
	// A list of countries shares the victim role: "in Afghanistan,
	// Australia, Belgium ... and Vietnam".
	for i := 0; i < len(cms); {
		j := i + 1
		for j < len(cms) && cms[j].Sentence == cms[i].Sentence && cms[j-1].End <= cms[j].Start && isListGap(a.Text[cms[j-1].End:cms[j].Start]) {
			j++
		}
		victim := ""
		// "tools used by services from Russia, China, Iran": origins.
		if ft := tokenAt(a.Tokens, cms[i].Start); ft > 0 && originWords[a.Tokens[ft-1].Fold] {
			for k := i; k < j; k++ {
				croles[k] = withoutRole(croles[k], RoleVictim)
			}
			i = j
			continue
		}
		for k := i; k < j; k++ {
			for _, r := range croles[k] {
				if r[0] == RoleVictim {
					victim = cms[k].Text
				}
			}
		}
		if victim != "" {
			for k := i; k < j; k++ {
				if len(croles[k]) == 0 {
					croles[k] = [][2]string{{RoleVictim, fmt.Sprintf("listed with %s, a victim", victim)}}
				}
			}
		}
		i = j
	}
	for i, m := range cms {
		code := strings.TrimPrefix(m.Entity.ID, "country:")
		if len(croles[i]) == 0 {
			add(code, RoleMentioned, m.Sentence, "named")
		}
		for _, r := range croles[i] {
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
	adjective := m.Alias.Adjective
	var roles [][2]string
	// "Chinese hackers", "hacker cinesi": a nationality, not a victim.
	nationality := attackerNouns[tok(last+1)] || nationalityNouns[tok(last+1)] || adjective && attackerNouns[tok(first-1)]
	criminal := false
	for j := last + 1; j <= last+3; j++ {
		if criminalWords[tok(j)] {
			criminal = true
		}
	}

	// Attributor: the country, its government or its officials accuse.
	attributor := false
	compound := m.End < len(a.Text) && a.Text[m.End] == '-' // "China-linked"
	for j := last + 1; j <= last+5 && j < hi && !compound; j++ {
		if attributorCues[tok(j)] && threat && blameBefore(tok, first) == "" {
			attributor = true
			roles = append(roles, [2]string{RoleAttributor, fmt.Sprintf("%q follows it", ts[j].Fold)})
			break
		}
		if !accuserFiller[tok(j)] {
			break
		}
	}

	// Sponsor.
	if threat && !attributor && !criminal {
		if reason := a.sponsorReason(m, tok, first, last, adjective); reason != "" {
			roles = append(roles, [2]string{RoleSponsor, reason})
			return roles
		}
	}
	if attributor || nationality {
		return roles
	}

	// Victim: the object of a targeting word shortly before, in the same
	// clause; or the place "in" which an attack struck. Not after
	// "whether", nor as the agent of "an attempt by China".
	if a.sentenceHas(si, hedgeWords) != "" ||
		(romanceLink[tok(first-1)] || tok(first-1) == "of" || tok(first-1) == "by") && agentNouns[tok(first-2)] {
		return roles
	}
	if originWords[tok(first-1)] || isArticle(tok(first-1)) && originWords[tok(first-2)] ||
		tok(first-1) == "of" && tok(first-2) == "out" ||
		locationWords[tok(first-1)] || locationWords[tok(first-2)] || locationWords[tok(first-3)] ||
		locationWords[tok(last+1)] || locationWords[tok(last+2)] {
		return roles
	}
	for j := first - 1; j >= lo && j >= first-10; j-- {
		w := tok(j)
		if blameCues[w] || attributorCues[w] && j < first-1 || clauseWords[w] || clauseBreak(a.Text[ts[j].End:ts[j+1].Start]) {
			break
		}
		if targetCues[w] && !sanctionsBefore(tok, j) {
			return append(roles, [2]string{RoleVictim, fmt.Sprintf("object of %q", w)})
		}
	}
	compound = m.End < len(a.Text) && a.Text[m.End] == '-'
	prep := inPreps[tok(first-1)] || isArticle(tok(first-1)) && inPreps[tok(first-2)] || !adjective && !compound && inPrepsNamesOnly[tok(first-1)]
	if prep && !locationWords[tok(first-2)] && !locationWords[tok(first-3)] && a.sentenceHas(si, lawWords) == "" {
		if w := a.sentenceHas(si, attackWords); w != "" {
			return append(roles, [2]string{RoleVictim, fmt.Sprintf("%q in a sentence about %q", tok(first-1)+" "+m.Text, w)})
		}
		// "Emotet activity in France": malware or an actor at work there.
		seat := institutionWords[tok(first-2)] || institutionWords[tok(first-3)]
		if !seat && (a.malwareSentences[si] || a.actorSentences[si]) {
			return append(roles, [2]string{RoleVictim, fmt.Sprintf("%q in a sentence about a named actor or malware", tok(first-1)+" "+m.Text)})
		}
	}
	for j := last + 1; j <= last+4 && j < hi; j++ {
		w := tok(j)
		if auxiliaries[w] || adjective && j == last+1 {
			continue // "Belgium was targeted"; "britische Labore auszuspionieren"
		}
		if passiveTarget[w] {
			roles = append(roles, [2]string{RoleVictim, fmt.Sprintf("%q follows it", w)})
		}
		break
	}
	return roles
}

// sponsorReason returns why the country of mention m sponsors the actor or
// attack of its sentence, or "".
func (a *Analysis) sponsorReason(m Mention, tok func(int) string, first, last int, adjective bool) string {
	if m.End < len(a.Text) && a.Text[m.End] == '-' && sponsorCompounds[tok(last+1)] {
		return fmt.Sprintf("%q-%s", m.Text, tok(last+1))
	}
	// "respaldados por el gobierno de Corea del Norte", "backed by the
	// government of Iran": a sponsor phrase, a state word, a genitive.
	if !adjective && (romanceLink[tok(first-1)] || tok(first-1) == "of") && sponsorStateWords[tok(first-2)] {
		at := first - 2
		if isArticle(tok(at - 1)) {
			at--
		}
		if p := a.prepBefore(at, a.sentenceStartToken(m.Sentence)); p != "" {
			return fmt.Sprintf("%q %s %s %s", p, tok(first-2), tok(first-1), m.Text)
		}
	}
	if p := a.prepBefore(first, a.sentenceStartToken(m.Sentence)); p != "" {
		if !adjective || sponsorStateWords[tok(last+1)] || sponsorStateWords[tok(last+2)] {
			return fmt.Sprintf("%q precedes it", p)
		}
	}
	if adjective && sponsorStateWords[tok(last+1)] || !adjective && sponsorStateWords[tok(first-1)] {
		// "accusato il governo cinese", "blamed the Chinese government"
		for k := first - 1; k >= first-4; k-- {
			if blameCues[tok(k)] {
				return fmt.Sprintf("blamed (%q)", tok(k))
			}
		}
	}
	// "links the group to Iranian intelligence"
	if sponsorStateWords[tok(last+1)] && adjective {
		for k := first - 1; k >= first-8; k-- {
			if linkVerbs[tok(k)] {
				return fmt.Sprintf("tied to its state (%q ... %s)", tok(k), tok(last+1))
			}
		}
	}
	// Romance genitive: "ministerio de inteligencia de Irán",
	// "aparato de ciberespionaje de Irán".
	if !adjective && romanceLink[tok(first-1)] && (sponsorStateWords[tok(first-2)] || attackerNouns[tok(first-2)] && (tok(first-2) == "ciberespionaje" || tok(first-2) == "cyberespionage" || tok(first-2) == "espionage" || tok(first-2) == "cyberspionaggio" || tok(first-2) == "cyberespionnage")) {
		if a.attackersNear(m, tok, first, last) {
			return fmt.Sprintf("%s %s %s", tok(first-2), tok(first-1), m.Text)
		}
	}
	if !adjective {
		for j := last + 1; j <= last+3; j++ {
			if w := tok(j); sponsorVerbs[w] {
				return fmt.Sprintf("%s %q the attacks", m.Text, w)
			} else if !auxiliaries[w] && w != "ha" && w != "hat" && w != "a" {
				break
			}
		}
		if b := blameBefore(tok, first); b != "" && !attackerNouns[tok(last+1)] {
			return fmt.Sprintf("blamed (%q)", b)
		}
		if blameNouns[tok(first-1)] || tok(first-1) == "of" && blameNouns[tok(first-2)] {
			return "condemned"
		}
		if w := involvedAfter(tok, last); w != "" && a.negated(m.Sentence) == "" {
			return fmt.Sprintf("%q", w)
		}
	}
	// State wording right beside the country, with attackers named nearby:
	// "Chinese state-backed groups", "hacker sostenuti dallo stato cinese",
	// "Iran's intelligence ministry ... hacking group".
	// English order: the state word follows the country and goes with
	// sponsorship or with the attackers ("Chinese state-backed groups",
	// "Chinese state hacking crews", "government has been sponsoring").
	state := ""
	after := last + 1
	if tok(after) == "s" {
		after++
	}
	if w := tok(after); sponsorStateWords[w] {
		for k := after; k <= after+5; k++ {
			if sponsorParticiples[tok(k)] || attackerNouns[tok(k)] && k <= after+2 {
				state = w
				break
			}
		}
	}
	// Romance order: a sponsorship participle, then the state word, then
	// the adjective ("sostenuti dallo stato cinese").
	if w := tok(first - 1); state == "" && sponsorStateWords[w] {
		for k := first - 2; k >= first-6; k-- {
			if sponsorParticiples[tok(k)] {
				state = w
				break
			}
		}
	}
	if w := tok(first - 2); state == "" && romanceLink[tok(first-1)] && sponsorStateWords[w] && sponsorParticiples[tok(first-3)] {
		state = w
	}
	if state == "" {
		return ""
	}
	for j := last + 1; j <= last+3; j++ {
		if attributorCues[tok(j)] || tok(j) == "said" {
			return "" // "the U.S. government said": an accuser
		}
	}
	if a.attackersNear(m, tok, first, last) {
		return fmt.Sprintf("state wording %q", state)
	}
	return ""
}

// sponsorParticiples say that someone acts for or with the backing of a
// state.
var sponsorParticiples = words(`
sponsored backed run linked affiliated directed controlled sponsoring sponsors backing funded tasked
sostenuti sostenuto sostenute sponsorizzati sponsorizzato legati legato collegati finanziati controllati diretti
soutenus soutenu soutenue parraines lies lie finances diriges controles
unterstutzt unterstutzte unterstutzten gesteuert gesteuerte gesteuerten finanziert
respaldados respaldado patrocinados patrocinado vinculados vinculado financiados dirigidos controlados
gesteund gesteunde gefinancierd
apoiados patrocinados ligados financiados
`)

// sponsorVerbs after a state's name make it the sponsor: "China funded
// the attacks", "La Cina ha finanziato gli attacchi".
var sponsorVerbs = words(`funded funds sponsored sponsors ordered orchestrated directed paid finanziato finanzia ordinato pagato finance finance ordonne finanziert beauftragt financio ordeno financiou gefinancierd`)

// romanceLink joins a state word to a following adjective: "dallo stato
// cinese", "du gouvernement chinois".
var romanceLink = words(`dello dallo della dal del di de du des la le lo il el`)

// accuserFiller may stand between an accusing country and its verb: "the
// Belgian Minister for Foreign Affairs said".
var accuserFiller = mergeWords(sponsorStateWords, words(`the s foreign minister ministry authorities officials department justice agencies agency
 secretary government governments president prime for affairs ministero ministro governo autorita ministere gouvernement
 regierung aussenminister gobierno ministerio ministerie overheid has have ha hat also`))

var auxiliaries = words(`was were has have been is are being e stato stata stati sono ete etait wurde wurden ist fue fueron ha sido werd werden foi`)

// attackersNear reports whether attackers are named within a few words of
// the country, or an actor is believed in the same sentence.
func (a *Analysis) attackersNear(m Mention, tok func(int) string, first, last int) bool {
	if a.actorSentences[m.Sentence] {
		return true
	}
	for k := 1; k <= 6; k++ {
		if attackerNouns[tok(first-k)] || attackerNouns[tok(last+k)] {
			return true
		}
	}
	return false
}

func (a *Analysis) sentenceStartToken(si int) int { return tokenAt(a.Tokens, a.Sentences[si].Start) }

// clauseBreak reports whether the text between two words ends a clause.
func clauseBreak(between string) bool { return strings.ContainsAny(between, ";:—–\"“”()") }

func sanctionsBefore(tok func(int) string, j int) bool {
	for k := j - 1; k >= j-3; k-- {
		switch tok(k) {
		case "sanctions", "sanktionen", "sanzioni", "sanciones", "sancties":
			return true
		}
	}
	return false
}

var passiveTarget = words(`auszuspionieren ausspionieren attackiert targeted attacked hacked breached hit compromised colpito colpita attaccato attaccata cible ciblee attaque attaquee angegriffen gehackt atacado atacada aangevallen gehackt atacado`)

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
	return a.sentenceHas(si, threatWords) != ""
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
	// Capitals stand for their state only when written as names.
	if len(w) > 4 && !isUpperInitial(a.Text[ts[pos].Start:ts[pos].End]) {
		return false
	}
	if a.actorSentences[si] {
		return true
	}
	// "working with the Ministry of State Security", "collegati al Ministero"
	lo := tokenAt(ts, a.Sentences[si].Start)
	if p := a.prepBefore(pos, lo); p != "" {
		return true
	}
	for k := pos - 1; k >= pos-3 && k >= lo; k-- {
		if sponsorParticiples[ts[k].Fold] {
			return true
		}
	}
	return false
}

func isUpperInitial(s string) bool {
	for _, r := range s {
		return strings.ToUpper(string(r)) == string(r)
	}
	return false
}

func withoutRole(rs [][2]string, role string) [][2]string {
	var out [][2]string
	for _, r := range rs {
		if r[0] != role {
			out = append(out, r)
		}
	}
	return out
}

// negations deny what a sentence says: "no evidence that Russia is involved".
var negations = words(`no not nessuna nessun non aucune aucun pas keine kein nicht ninguna ningun geen niet nenhuma`)

// negated returns a negation word in sentence si, or "".
func (a *Analysis) negated(si int) string { return a.sentenceHas(si, negations) }

package claims

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/recognize"
)

// institutionNouns head an institution written in lower case, as Romance
// languages write them: "la difesa belga", "i ministeri della difesa e
// degli interni", "l'interno dell'FPS", "the country's defense and interior
// ministries".
var institutionNouns = words(`
ministry ministries defence defense interior parliament embassy
ministero ministeri difesa interno interni parlamento ambasciata
ministere ministeres defense interieur parlement ambassade
ministerium ministerien verteidigung parlament botschaft
ministerio ministerios defensa interior parlamento embajada
ministerie ministeries defensie parlement ambassade
`)

// ownStateWords after a targeting word and an article name the speaker's
// own state: "activities that targeted the state", "preso di mira lo
// stato", "visant l'État".
var ownStateWords = words(`state stato etat staat estado`)

// ownState marks a target that is the speaking state, resolved when a
// claim's attributor is known.
const ownState = "\x00own-state"

// institutionJoiners may continue an institution's name.
var institutionJoiners = words(`and of e della degli dell del di et de des du und der des y del de van en`)

// findTargets collects, per sentence, the organisations named as objects of
// attacks: the recognizer's targets, and institutions written in lower case
// after a targeting word.
func (d *doc) findTargets() {
	for _, t := range d.a.Targets() {
		if t.Sentence >= 0 && t.Sentence < len(d.sents) {
			s := &d.sents[t.Sentence]
			s.targets = append(s.targets, target{p: Party{Kind: KindOrganisation, Name: t.Name}, start: t.Start, end: t.End})
		}
	}
	for si := range d.sents {
		d.lowerTargets(si)
	}
}

// lowerTargets finds institutions in lower case after a targeting word in
// sentence si, cutting "l'interno dell'FPS e la difesa belga" in two.
func (d *doc) lowerTargets(si int) {
	s := &d.sents[si]
	if !d.flag(si, bitTarget) {
		return
	}
	covered := func(j int) bool {
		for _, t := range s.targets {
			if t.start <= d.ts[j].Start && d.ts[j].End <= t.end {
				return true
			}
		}
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		if !d.tokIs(j, bitTarget) {
			continue
		}
		for k := j + 1; k < s.hi && k <= j+5; k++ {
			if clauseBreak(d.text[d.ts[k-1].End:d.ts[k].Start]) {
				break
			}
			if ownStateWords[d.ts[k].Fold] && articleWords[d.tok(si, k-1)] && !d.countryAdjAt(si, k+1) && d.tok(si, k+1) != "of" {
				// "che hanno preso di mira lo stato": the speaker's own state.
				s.targets = append(s.targets, target{p: Party{Kind: KindCountry, Name: ownState}, start: d.ts[k].Start, end: d.ts[k].End})
				break
			}
			if !institutionNouns[d.ts[k].Fold] || covered(k) {
				continue
			}
			first, last := k, k
			for e := k + 1; e < s.hi && !clauseBreak(d.text[d.ts[e-1].End:d.ts[e].Start]); e++ {
				w := d.ts[e].Fold
				if institutionNouns[w] || d.countryAdjAt(si, e) || isAcronym(d.surface(e)) {
					last = e
					continue
				}
				if institutionJoiners[w] || articleWords[w] {
					continue
				}
				break
			}
			// "the Finnish parliament": the adjective belongs to the name.
			if d.countryAdjAt(si, first-1) {
				first--
			}
			if !d.namedInstitution(si, first, last) {
				j = last
				break
			}
			// "X e la Y": two institutions, when the second has its article.
			for m := first + 1; m < last; m++ {
				if (d.ts[m].Fold == "e" || d.ts[m].Fold == "and" || d.ts[m].Fold == "et" || d.ts[m].Fold == "y" || d.ts[m].Fold == "und" || d.ts[m].Fold == "en") &&
					articleWords[d.ts[m+1].Fold] && institutionNouns[d.tok(si, m+2)] {
					d.addLowerTarget(si, first, m-1)
					first = m + 2
				}
			}
			d.addLowerTarget(si, first, last)
			j = last
			break
		}
	}
}

// headNouns make a lower-case run an institution on their own; "defence"
// or "interior" alone is a sector or a word, unless a country adjective or
// an acronym goes with it ("la difesa belga", "l'interno dell'FPS").
var headNouns = words(`ministry ministries ministero ministeri ministere ministeres ministerium ministerien ministerio ministerios ministerie ministeries parliament parlamento parlement parlament embassy ambasciata ambassade botschaft embajada`)

// namedInstitution reports whether tokens [first, last] name one
// institution rather than a sector.
func (d *doc) namedInstitution(si, first, last int) bool {
	for j := first; j <= last; j++ {
		if headNouns[d.ts[j].Fold] && (d.countryAdjAt(si, first) || d.countryAdjAt(si, last) || j != first || last > first) {
			return true
		}
		if d.countryAdjAt(si, j) || isAcronym(d.surface(j)) {
			return true
		}
	}
	return false
}

func (d *doc) addLowerTarget(si, first, last int) {
	s := &d.sents[si]
	// Trailing joiners and articles belong to what follows.
	for last > first && (institutionJoiners[d.ts[last].Fold] || articleWords[d.ts[last].Fold]) {
		last--
	}
	name := d.text[d.ts[first].Start:d.ts[last].End]
	s.targets = append(s.targets, target{p: Party{Kind: KindOrganisation, Name: name}, start: d.ts[first].Start, end: d.ts[last].End})
}

// countryAdjAt reports whether token j is a believed country adjective.
func (d *doc) countryAdjAt(si, j int) bool {
	for _, m := range d.sents[si].countries {
		if m.Alias.Adjective && m.Start <= d.ts[j].Start && d.ts[j].End <= m.End {
			return true
		}
	}
	return false
}

func clauseBreak(between string) bool { return strings.ContainsAny(between, ";:—–\"“”()") }

// sentenceTargets returns the victims named in sentence si: organisations,
// then victim countries (not those speaking), then sectors named after a
// targeting word (not inside a party's name: "the Belgian Government").
func (d *doc) sentenceTargets(si int) []Party {
	s := &d.sents[si]
	var out []Party
	for _, t := range s.targets {
		out = appendParty(out, t.p)
	}
	for _, r := range s.roles {
		if r.Role != recognize.RoleVictim {
			continue
		}
		for _, m := range s.countries {
			if countryCode(m.Entity) == r.Code && !d.partyCovers(si, d.a.TokenAt(m.Start)) && !d.inTarget(si, m.Start) {
				out = appendParty(out, countryParty(d.cat, r.Code))
				break
			}
		}
	}
	for _, m := range s.sectors {
		tf := d.a.TokenAt(m.Start)
		if d.partyCovers(si, tf) || d.inTarget(si, m.Start) || !d.cueBefore(si, tf) || d.sponsorWording(si, tf, d.a.TokenAt(m.End-1)) {
			continue
		}
		out = appendParty(out, Party{Kind: KindSector, ID: m.Entity.ID, Name: m.Entity.Name})
	}
	return out
}

// cueBefore reports whether a targeting word stands at most ten words
// before token j, in the same clause: "targeting telecommunication
// providers", "hanno preso di mira ... enti governativi", but not
// "government officials" three clauses after "spying".
func (d *doc) cueBefore(si, j int) bool {
	s := &d.sents[si]
	for k := j - 1; k >= s.lo && k >= j-10; k-- {
		if clauseBreak(d.text[d.ts[k].End:d.ts[k+1].Start]) {
			return false
		}
		if d.tokIs(k, bitTarget) {
			return true
		}
	}
	return false
}

// sponsorWords around a sector word make it the power behind the attackers,
// not their victim: "soutenu par le gouvernement", "government-backed".
var sponsorWords = words(`backed sponsored supported funded run affiliated associated linked tied directed controlled working
sostenuto sostenuti sostenute finanziati legati collegati soutenu soutenus soutenue soutenues finance lies unterstutzt gesteuert
respaldado respaldados patrocinados vinculados gesteund`)

// sponsorWording reports whether the sector word at tokens [first, last]
// is glued to sponsor wording ("government-backed") or follows it
// ("supported by the government").
func (d *doc) sponsorWording(si, first, last int) bool {
	if d.compound(last) {
		return true
	}
	for k := first - 1; k >= first-4 && k >= d.sents[si].lo; k-- {
		if sponsorWords[d.ts[k].Fold] {
			return true
		}
	}
	return false
}

// inTarget reports whether offset off lies in an organisation target.
func (d *doc) inTarget(si, off int) bool {
	for _, t := range d.sents[si].targets {
		if t.start <= off && off < t.end {
			return true
		}
	}
	return false
}

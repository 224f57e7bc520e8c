package claims

import (
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// attackerNouns after (or, in Romance order, before) a country adjective
// make the country the attackers' state in a sentence that blames:
// "undertaken by Chinese Advanced Persistent Threats", "gruppi di minacce
// persistenti avanzate cinesi".
var attackerNouns = words(`
hackers hacker actors actor groups group apt apts threats threat spies operatives crews crew attackers state-backed state-sponsored
gruppi gruppo minacce attori spie pirati
groupes groupe acteurs pirates espions
gruppen gruppe akteure hacker spione angreifer
grupos grupo actores piratas espias atacantes
groepen groep actoren spionnen aanvallers
`)

// attribution reads attribution claims from sentence si: who (the
// attributor) says which actor, or which state when no actor is named, is
// behind an attack on whom.
func (d *doc) attribution(si int) {
	s := &d.sents[si]
	strong := d.is(si, cueStrong)
	report := d.is(si, cueReport)
	self := d.is(si, cueSelf)
	if !strong && !report && !self || d.denies(si) || d.is(si, cueNoEvidence) {
		// A sentence that rejects an accusation, or says there is no
		// evidence for it, does not make one.
		return
	}
	accused := d.accused(si)
	if len(s.subjects) == 0 && len(accused) == 0 {
		return
	}
	attrs := d.attributors(si, strong || self)
	obj := d.attackTarget(si, attrs)
	if len(s.subjects) > 0 {
		for _, a := range s.subjects {
			if self && !s.coref {
				// "REvil has claimed responsibility": the actor accuses
				// itself; whoever reports it is named below.
				p := a.p
				d.emit(si, Claim{Type: Attribution, Subject: a.p, Object: obj, Attributor: &p})
			}
			bad := d.actorStates(si, a)
			for k, p := range attrs {
				if p == nil {
					if len(attrs) == 1 && !self {
						d.emit(si, Claim{Type: Attribution, Subject: a.p, Object: obj})
					}
					continue
				}
				if p.country != "" && bad[p.country] || p.Kind == KindActor {
					continue
				}
				pp := attrs[k].Party
				d.emit(si, Claim{Type: Attribution, Subject: a.p, Object: obj, Attributor: &pp})
			}
		}
		return
	}
	// No actor named: the claim blames a state ("Belgium assesses these
	// activities to have been undertaken by Chinese APTs"). The author's
	// own voice does not make such a claim; a named attributor does.
	for _, cc := range accused {
		for _, p := range attrs {
			if p == nil || p.country == cc || p.Kind == KindActor {
				continue
			}
			pp := p.Party
			d.emit(si, Claim{Type: Attribution, Subject: countryParty(d.cat, cc), Object: obj, Attributor: &pp})
		}
	}
}

// attributors returns who makes the claims of sentence si: its speakers;
// failing those, for a strong claim, a nil entry for the author's own
// voice. A passive with no agent ("sont accusés d'être des membres du
// groupe APT41") is not given the party of the sentence before: that guess
// was wrong as often as right on the development articles.
func (d *doc) attributors(si int, strong bool) []*party {
	var out []*party
	sp := d.sents[si].speakers
	seen := map[string]bool{}
	for i := range sp {
		if sp[i].ref || seen[sp[i].Name] {
			continue
		}
		seen[sp[i].Name] = true
		out = append(out, &sp[i])
	}
	if len(out) == 0 && strong {
		out = append(out, nil)
	}
	return out
}

// accused returns the states that sentence si blames: sponsors, countries
// after a blame word, and the nationality of attackers when the sentence
// makes a claim.
func (d *doc) accused(si int) []string {
	s := &d.sents[si]
	if s.accusedOK {
		return s.accused
	}
	s.accused, s.accusedOK = d.findAccused(si), true
	return s.accused
}

func (d *doc) findAccused(si int) []string {
	s := &d.sents[si]
	var out []string
	add := func(cc string) {
		for _, c := range out {
			if c == cc {
				return
			}
		}
		out = append(out, cc)
	}
	for _, r := range s.roles {
		if r.Role == recognize.RoleSponsor {
			add(r.Code)
		}
	}
	for _, m := range s.countries {
		tf, tl := d.a.TokenAt(m.Start), d.a.TokenAt(m.End-1)
		cc := countryCode(m.Entity)
		for k := tf - 1; k >= tf-3 && k >= s.lo; k-- {
			if recognize.IsBlameCue(d.ts[k].Fold) {
				add(cc)
				break
			}
			if !articleWords[d.ts[k].Fold] && !stateNouns[d.ts[k].Fold] {
				break
			}
		}
		if !d.isAdjective(m) || d.partyCovers(si, tf) {
			continue
		}
		for k := tl + 1; k <= tl+3 && k < s.hi; k++ {
			if attackerNouns[d.ts[k].Fold] {
				add(cc)
			}
		}
		for k := tf - 1; k >= tf-4 && k >= s.lo; k-- {
			if attackerNouns[d.ts[k].Fold] {
				add(cc)
			}
		}
	}
	return out
}

// partyCovers reports whether token j lies in a party of sentence si.
func (d *doc) partyCovers(si, j int) bool { return inParty(d.sents[si].parties, j) }

// actorStates returns the states behind actor a, which cannot be its
// accusers: its sponsors in this sentence and in the catalogue, and the
// states the sentence blames.
func (d *doc) actorStates(si int, a actorRef) map[string]bool {
	bad := map[string]bool{}
	for _, cc := range d.accused(si) {
		bad[cc] = true
	}
	if a.ent != nil && a.ent.Sponsor != "" {
		bad[a.ent.Sponsor] = true
	}
	return bad
}

// attackTarget returns the victim of the attack sentence si speaks of: an
// organisation, else a victim country, else a sector; when it names none
// but speaks of attacks ("the attacks were carried out by ..."), the
// organisation attacked in one of the sentences just before. "The state"
// as a victim is the attributor's own ("Abbiamo rilevato attività ... che
// hanno preso di mira lo stato").
func (d *doc) attackTarget(si int, attrs []*party) Party {
	own := func(p Party) Party {
		if p.Name != ownState {
			return p
		}
		for _, a := range attrs {
			if a != nil && a.state {
				return countryParty(d.cat, a.country)
			}
		}
		return Party{}
	}
	if ts := d.sentenceTargets(si); len(ts) > 0 {
		return own(ts[0])
	}
	if !d.attackWordIn(si) {
		return Party{}
	}
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		for _, t := range d.sents[k].targets {
			return own(t.p)
		}
	}
	return Party{}
}

// attackWordIn reports whether sentence si speaks of attacks.
func (d *doc) attackWordIn(si int) bool { return d.flag(si, bitAttack) }

// attackNouns name what attackers did, for "the attacks", "queste
// attività", "ces attaques" pointing back to an earlier victim.
var attackNouns = words(`attacks attack activities activity intrusion intrusions hack hacks breach campaign operations
attacchi attacco attivita intrusione campagna operazioni attaques attaque activites intrusions campagne operations
angriffe angriff aktivitaten kampagne ataques ataque actividades intrusiones campana aanvallen aanval activiteiten`)

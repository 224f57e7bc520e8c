package claims

import (
	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// sponsorship reads actor -> state claims from the recognizer's sponsor
// roles in sentence si ("China-linked", "sostenuti dallo stato cinese",
// "part of the Russian intelligence services"), with the sentence's
// speaker as attributor when it has one.
func (d *doc) sponsorship(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || d.is(si, cueNoEvidence) {
		return
	}
	for _, r := range s.roles {
		if r.Role != recognize.RoleSponsor {
			continue
		}
		for _, a := range s.subjects {
			emitted := false
			for _, p := range s.speakers {
				if p.ref || p.country == r.Code || p.Kind == KindActor {
					continue
				}
				pp := p.Party
				if d.emit(si, Claim{Type: Sponsorship, Subject: a.p, Object: countryParty(d.cat, r.Code), Attributor: &pp}) >= 0 {
					emitted = true
				}
			}
			if !emitted {
				d.emit(si, Claim{Type: Sponsorship, Subject: a.p, Object: countryParty(d.cat, r.Code)})
			}
		}
	}
}

// articleSponsors gives the article's one sponsor state to the actors it
// names that no sentence ties to a state: "Belgium claims China-linked APT
// groups hit its ministries ... the attacks were carried out by APT27,
// APT30, and APT31". The evidence is the first sentence naming the sponsor.
// With two sponsor states in the article, nothing is guessed.
func (d *doc) articleSponsors() {
	state, first := "", -1
	for si := range d.sents {
		for _, r := range d.sents[si].roles {
			if r.Role != recognize.RoleSponsor {
				continue
			}
			if state != "" && r.Code != state {
				return
			}
			if state == "" {
				state, first = r.Code, si
			}
		}
	}
	if state == "" {
		return
	}
	sponsored := map[string]bool{}
	for _, c := range d.out {
		if c.Type == Sponsorship {
			sponsored[c.Subject.ID+"|"+c.Subject.Name] = true
		}
	}
	for si := range d.sents {
		for _, a := range d.sents[si].actors {
			key := a.p.ID + "|" + a.p.Name
			if sponsored[key] || a.ent == nil {
				continue
			}
			sponsored[key] = true
			d.emit(first, Claim{Type: Sponsorship, Subject: a.p, Object: countryParty(d.cat, state)})
		}
	}
}

// targeting reads actor -> victim claims: the organisations, victim
// countries and sectors that sentence si says its actors attack.
func (d *doc) targeting(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || !d.flag(si, bitTarget|bitAttack) {
		return
	}
	for _, t := range d.sentenceTargets(si) {
		if t.Name == ownState {
			continue // only a speaker's claim says whose state that is
		}
		for _, a := range s.subjects {
			d.emit(si, Claim{Type: Targeting, Subject: a.p, Object: t})
		}
	}
}

// uses reads actor -> malware or tool claims: both named in sentence si
// (or the actor referred to) with a word of use ("started using the
// PingPull RAT"), or the malware named after the actor ("MuddyWater
// malware samples, including the PowGoop DLL sideloader").
func (d *doc) uses(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || len(s.malware) == 0 {
		return
	}
	cue := d.is(si, cueUse)
	if !cue {
		for _, a := range s.actors {
			if j := d.a.TokenAt(a.end); j < s.hi && recognize.IsMalwareCue(d.ts[j].Fold) && d.ts[j].Start >= a.end {
				cue = true
			}
		}
	}
	if !cue {
		return
	}
	for _, m := range s.malware {
		kind := KindMalware
		if m.Entity.Kind == catalog.Tool {
			kind = KindTool
		}
		for _, a := range s.subjects {
			d.emit(si, Claim{Type: Uses, Subject: a.p, Object: Party{Kind: kind, ID: m.Entity.ID, Name: m.Entity.Name}})
		}
	}
}

// exploits reads actor -> vulnerability claims: an actor and a CVE id or a
// named vulnerability in sentence si, with a word of exploitation, use or
// attack ("APT27 ... collegati ad attacchi mirati a bug critici di
// ProxyLogon").
func (d *doc) exploits(si int) {
	s := &d.sents[si]
	if len(s.subjects) == 0 || len(s.vulns) == 0 {
		return
	}
	if !d.flag(si, bitAttack|bitTarget) && !d.any(si, cueExploit, cueUse) {
		return
	}
	for _, v := range s.vulns {
		for _, a := range s.subjects {
			d.emit(si, Claim{Type: Exploits, Subject: a.p, Object: v})
		}
	}
}

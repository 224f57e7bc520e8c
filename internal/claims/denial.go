package claims

import (
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// denials reads denial claims: a state (its government, embassy,
// spokesperson or capital) or an actor rejects an accusation ("The Chinese
// government denies the accusations", "negando le accuse", "Moskau dagegen
// wies die Anschuldigungen zurück"). A denial is linked to the article's
// attributions that blame the denier: its state, or actors said to work
// for it. "Did not respond" and "declined to comment" deny nothing.
func (d *doc) denials() {
	accusedStates := d.statesBlamed()
	for si := range d.sents {
		if !d.denies(si) {
			continue
		}
		s := &d.sents[si]
		seen := map[string]bool{}
		deny := func(p party, cc string) {
			if cc == "" || !accusedStates[cc] || seen[p.Name] {
				return
			}
			seen[p.Name] = true
			pp := p.Party
			c := Claim{Type: Denial, Subject: countryParty(d.cat, cc), Attributor: &pp, Denies: d.answered(si, cc, d.blaming(cc)), Hedge: Asserted}
			d.emit(si, c)
		}
		for _, p := range s.parties {
			if p.state {
				deny(p, p.country)
			}
		}
		for _, p := range s.speakers {
			if p.state {
				deny(p, p.country)
			}
		}
		// "Russland hat nichts mit diesen Versuchen zu tun": the country
		// that opens a denying sentence speaks for itself.
		if len(seen) == 0 {
			for _, m := range s.countries {
				if !d.isAdjective(m) && d.a.TokenAt(m.Start) <= s.lo+1 {
					cc := countryCode(m.Entity)
					deny(party{Party: stateParty(d.cat, cc, false), country: cc}, cc)
				}
			}
		}
		for _, a := range s.actors {
			if len(seen) > 0 {
				break
			}
			if idx := d.blamingActor(a.p); len(idx) > 0 {
				p := a.p
				d.emit(si, Claim{Type: Denial, Subject: a.p, Attributor: &p, Denies: idx, Hedge: Asserted})
			}
		}
	}
}

// denies reports whether sentence si holds a denial word that no negation
// cancels ("did not deny").
func (d *doc) denies(si int) bool {
	s := &d.sents[si]
	if !d.any(si, cueDeny, cueSeparable) {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		w := d.ts[j].Fold
		hit := denyCues[w] || denyPhrases.at(d.ts, j, s.hi) > 0
		if particle, ok := separableDenials[w]; ok && !hit {
			for k := j + 1; k < s.hi; k++ {
				if d.ts[k].Fold == particle {
					hit = true
				}
			}
		}
		if !hit {
			continue
		}
		negated := false
		for k := j - 1; k >= j-3 && k >= s.lo; k-- {
			if negators[d.ts[k].Fold] {
				negated = true
			}
		}
		if !negated {
			return true
		}
	}
	return false
}

// statesBlamed returns the states the article accuses: the subjects of its
// state attributions, the sponsors it names, and the sponsors of the actors
// it attributes.
func (d *doc) statesBlamed() map[string]bool {
	out := map[string]bool{}
	for si := range d.sents {
		for _, r := range d.sents[si].roles {
			if r.Role == recognize.RoleSponsor {
				out[r.Code] = true
			}
		}
	}
	for _, c := range d.out {
		switch {
		case c.Type == Attribution && c.Subject.Kind == KindActor:
			if cc := d.catalogSponsor(c.Subject.ID); cc != "" {
				out[cc] = true
			}
		case c.Type == Attribution && c.Subject.Kind == KindCountry:
			out[c.Subject.ID[len("country:"):]] = true
		case c.Type == Sponsorship:
			out[c.Object.ID[len("country:"):]] = true
		}
	}
	return out
}

// blaming returns the indexes of the attribution claims that blame state
// cc: directly, or through an actor the article or the catalogue ties to it.
func (d *doc) blaming(cc string) []int {
	sponsored := map[string]bool{}
	for _, c := range d.out {
		if c.Type == Sponsorship && c.Object.ID == "country:"+cc {
			sponsored[c.Subject.ID+"|"+c.Subject.Name] = true
		}
	}
	var out []int
	for i, c := range d.out {
		if c.Type != Attribution {
			continue
		}
		switch {
		case c.Subject.ID == "country:"+cc,
			sponsored[c.Subject.ID+"|"+c.Subject.Name],
			c.Subject.Kind == KindActor && d.catalogSponsor(c.Subject.ID) == cc:
			out = append(out, i)
		}
	}
	return out
}

// blamingActor returns the indexes of the attribution claims against actor p.
func (d *doc) blamingActor(p Party) []int {
	var out []int
	for i, c := range d.out {
		if c.Type == Attribution && c.Subject == p && (c.Attributor == nil || *c.Attributor != p) {
			out = append(out, i)
		}
	}
	return out
}

// catalogSponsor returns the catalogue's sponsor state of entity id.
func (d *doc) catalogSponsor(id string) string {
	if id == "" {
		return ""
	}
	if e, ok := d.cat.ByID(id); ok {
		return e.Sponsor
	}
	return ""
}

// answered narrows the claims a denial in sentence si rejects to those of
// the accusers it names ("unserious ... Belgian government claims",
// "affermazioni del governo belga"); when it names none, or none of them
// made a claim here, it rejects every claim against its state cc.
func (d *doc) answered(si int, cc string, idx []int) []int {
	var accusers []party
	for _, p := range d.sents[si].parties {
		if !p.ref && p.country != cc && p.Kind != KindActor {
			accusers = append(accusers, p)
		}
	}
	var out []int
	for _, i := range idx {
		at := d.out[i].Attributor
		for _, p := range accusers {
			if at != nil && (at.Name == p.Name || p.state && at.ID == p.ID) {
				out = append(out, i)
				break
			}
		}
	}
	if len(out) == 0 {
		return idx
	}
	return out
}

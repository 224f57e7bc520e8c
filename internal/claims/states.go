package claims

import (
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// States speaking: a country is a party when its government, ministry or
// embassy is named, when it accuses ("Belgium assesses"), when a claim is
// "according to" it, or when it is listed with others that speak.

// stateParties finds countries speaking: "the Belgian government", "US and
// South Korean authorities", "il governo belga", "l'ambassade de Chine",
// "the government of Belgium", "Belgium assesses", "according to the
// United States".
func (d *doc) stateParties(si int, lex []party) []party {
	s := &d.sents[si]
	var out []party
	add := func(m recognize.Mention, start, end, first, last int, embassy bool) {
		cc := countryCode(m.Entity)
		out = append(out, party{Party: stateParty(d.cat, cc, embassy), country: cc, start: start, end: end, first: first, last: last, state: true})
	}
	cms := s.countries
	for i := 0; i < len(cms); i++ {
		m := cms[i]
		tf, tl := d.a.TokenAt(m.Start), d.a.TokenAt(m.End-1)
		if inParty(lex, tf) {
			continue
		}
		// English and German order, over a list of countries: "British and
		// Canadian governments", "US and South Korean authorities".
		k := i
		j := tl + 1
		for k+1 < len(cms) && cms[k+1].Start >= cms[k].End && recognize.IsListGap(d.text[cms[k].End:cms[k+1].Start]) {
			k++
			j = d.a.TokenAt(cms[k].End-1) + 1
		}
		if d.tok(si, j) == "s" {
			j++
		}
		if w := d.tok(si, j); w != "" && stateNouns[w] && !inParty(lex, j) && !d.compound(j) {
			last := j
			for last+1 < s.hi && (stateNouns[d.tok(si, last+1)] || stateNounFillers[d.tok(si, last+1)] && stateNouns[d.tok(si, last+2)]) {
				last++
			}
			emb := embassyNouns[w]
			for x := i; x <= k; x++ {
				add(cms[x], cms[x].Start, d.ts[last].End, d.a.TokenAt(cms[x].Start), last, emb)
			}
			i = k
			continue
		}
		// Romance and genitive order: a state noun, maybe "of the", then
		// the country: "governo belga", "government of Belgium".
		j = tf - 1
		fillers := 0
		for fillers < 2 && stateNounFillers[d.tok(si, j)] {
			j--
			fillers++
		}
		if w := d.tok(si, j); w != "" && stateNouns[w] && (d.isAdjective(m) || fillers > 0) && !inParty(lex, j) {
			first := j
			for first-1 >= s.lo && (stateNouns[d.tok(si, first-1)] || stateNounFillers[d.tok(si, first-1)] && stateNouns[d.tok(si, first-2)]) {
				first--
			}
			emb := false
			for x := first; x <= j; x++ {
				emb = emb || embassyNouns[d.ts[x].Fold]
			}
			add(m, d.ts[first].Start, m.End, first, tl, emb)
			continue
		}
		if d.isAdjective(m) {
			continue
		}
		// The country itself accuses.
		if d.hasRole(si, countryCode(m.Entity), recognize.RoleAttributor) || d.afterAccordingTo(si, tf) || d.leadingSpeaker(si, tf, tl) || d.accusingAfter(si, tl) {
			add(m, m.Start, m.End, tf, tl, false)
		}
	}
	return out
}

// compound reports whether token j is glued by a hyphen to the next word:
// "government-sponsored", "state-backed" are wording about sponsors, not a
// government speaking.
func (d *doc) compound(j int) bool {
	e := d.ts[j].End
	return e < len(d.text) && d.text[e] == '-'
}

// afterAccordingTo reports whether an "according to" phrase (and maybe an
// article) ends right before token j.
func (d *doc) afterAccordingTo(si, j int) bool {
	s := &d.sents[si]
	for back := 1; back <= 4; back++ {
		start := j - back
		if start < s.lo {
			break
		}
		if !d.tokIs(start, cueAccording.pbit) {
			continue
		}
		n := accordingTo.at(d.ts, start, s.hi)
		if n == 0 {
			continue
		}
		rest := start + n
		for rest < j && articleWords[d.ts[rest].Fold] {
			rest++
		}
		if rest == j {
			return true
		}
	}
	return false
}

// articleWords are articles and articled prepositions.
var articleWords = words(`the a an il lo la l i gli le les un une der die das den dem des el los las de het een del della dello dei degli delle al alla allo ai agli alle du au aux`)

// leadingSpeaker reports whether a country that opens its sentence is the
// subject of a claim verb a few words on: "Südkorea hat Sanktionen gegen
// ... verhängt", "The U.S. Blames China".
func (d *doc) leadingSpeaker(si, tf, tl int) bool {
	s := &d.sents[si]
	j := s.lo
	for j < tf && (articleWords[d.ts[j].Fold] || d.ts[j].Fold == "s") {
		j++
	}
	if j != tf || d.compound(tl) {
		return false
	}
	for k := tl + 1; k <= tl+4 && k < s.hi; k++ {
		w := d.ts[k].Fold
		if strongCues[w] || reportCues[w] || strongPhrases.at(d.ts, k, s.hi) > 0 {
			return true
		}
	}
	return false
}

// accusingVerbs right after a country make it the accuser wherever it
// stands: "with the U.K. attributing the groups", "the U.S. blames".
var accusingVerbs = words(`attributing attributes attributed attribute blames blamed blaming accuses accused accusing says said
imposed imposes imposing impone imposto impose impuso verhangt verhangte
assesses assessed believes announced charged sanctioned warned confirmed stated claims claimed alleges alleged
attribuisce attribuiscono accusa accusano incolpa afferma ritiene attribue accuse accusent affirme estime beschuldigt
wirft sagt erklarte atribuye acusa acusan afirma sostiene beschuldigt zegt`)

// accusingAfter reports whether an accusing verb follows the country whose
// last token is tl, maybe after an auxiliary ("has also blamed").
func (d *doc) accusingAfter(si, tl int) bool {
	if d.compound(tl) {
		return false
	}
	for k := tl + 1; k <= tl+3; k++ {
		w := d.tok(si, k)
		if accusingVerbs[w] {
			return true
		}
		if !auxWords[w] {
			return false
		}
	}
	return false
}

// auxWords may stand between a subject and its verb.
var auxWords = words(`has have had is was were also has been formally officially ha hanno ufficialmente a ont hat haben ist hizo han heeft hebben`)

// spreadLists makes every country listed with a speaking state or body a
// speaker too: "Stati Uniti, Regno Unito, Unione Europea, NATO, Australia,
// Canada, Nuova Zelanda e Giappone hanno accusato".
func (d *doc) spreadLists(si int, ps []party) []party {
	s := &d.sents[si]
	speaking := func(p party) bool { return p.state || p.Kind == KindOrganisation && p.country == "" }
	for changed := true; changed; {
		changed = false
		for _, m := range s.countries {
			if d.isAdjective(m) {
				continue
			}
			tf := d.a.TokenAt(m.Start)
			if inParty(ps, tf) {
				continue
			}
			for _, p := range ps {
				if !speaking(p) {
					continue
				}
				lo, hi := p.end, m.Start
				if m.End <= p.start {
					lo, hi = m.End, p.start
				}
				if lo <= hi && hi-lo <= 12 && recognize.IsListGap(d.text[lo:hi]) {
					cc := countryCode(m.Entity)
					ps = append(ps, party{Party: stateParty(d.cat, cc, false), country: cc, start: m.Start, end: m.End,
						first: tf, last: d.a.TokenAt(m.End - 1), state: true})
					changed = true
					break
				}
			}
		}
	}
	return ps
}

package claims

// run reads the sentences in order, carrying the last actors named (for
// "the group") and the last parties that spoke (for "they", "the advisory"
// and quotations), then reads denials, which need every attribution of the
// article.
func (d *doc) run() {
	var last []actorRef
	lastSent := -1
	for si := range d.sents {
		s := &d.sents[si]
		s.subjects = s.actors
		switch {
		case len(s.actors) > 0:
			last, lastSent = s.actors, si
		case lastSent >= 0 && si-lastSent <= corefWindow && d.corefIn(si):
			s.subjects, s.coref = last, true
		}
		d.resolveSpeakers(si)
		d.attribution(si)
		d.sponsorship(si)
		d.targeting(si)
		d.uses(si)
		d.exploits(si)
		d.activity(si)
		d.firstReported(si)
		d.aliases(si)
	}
	d.articleSponsors()
	d.denials()
}

// corefWindow is how many sentences back "the group" may reach.
const corefWindow = 8

// speakerWindow is how many sentences back "they" or a quotation may find
// the party that spoke last.
const speakerWindow = 4

// corefIn reports whether sentence si refers to an actor without naming
// one: "the group", "the APT group", "il gruppo", "le groupe", "die
// Gruppe", "el grupo", "de groep".
func (d *doc) corefIn(si int) bool {
	s := &d.sents[si]
	if !d.any(si, cueCorefDet) {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		if !corefDeterminers[d.ts[j].Fold] {
			continue
		}
		k := j + 1
		for n := 0; n < 3 && k < s.hi && corefModifiers[d.ts[k].Fold] && !corefHeads[d.ts[k].Fold]; n++ {
			k++
		}
		// Only the singular heads refer back: "the groups" are others.
		if k < s.hi && corefHeads[d.ts[k].Fold] {
			return true
		}
	}
	return false
}

// resolveSpeakers decides who speaks in sentence si: the parties it names
// when it holds a claim or speech word; else, inside a quotation, the
// quotation's speaker; else the party that "they" or "the advisory" points
// back to.
func (d *doc) resolveSpeakers(si int) {
	s := &d.sents[si]
	cue := d.is(si, cueStrong) || d.is(si, cueReport) || d.is(si, cueSpeech) || d.is(si, cueStatement) || d.is(si, cueDeny)
	if cue && len(s.parties) > 0 {
		s.speakers = withoutRelays(s.parties)
		return
	}
	if qi := d.quoteOf(si); qi >= 0 && !d.actorsAfter(si, d.quotes[qi].End) {
		named, refs := d.quoteSpeakers(qi)
		if len(named) > 0 {
			s.speakers = named
			return
		}
		if len(refs) > 0 {
			s.speakers = d.recentSpeakers(d.sentenceAt(d.quotes[qi].Start))
			return
		}
		// An unattributed quotation continues whoever spoke last.
		s.speakers = d.recentSpeakers(si)
		return
	}
	if cue && len(s.refs) > 0 {
		s.speakers = d.recentSpeakers(si)
	}
}

// recentSpeakers returns the speakers of the nearest sentence before si
// that has any, within speakerWindow.
func (d *doc) recentSpeakers(si int) []party {
	for k := si - 1; k >= 0 && k >= si-speakerWindow; k-- {
		if len(d.sents[k].speakers) > 0 {
			return d.sents[k].speakers
		}
	}
	return nil
}

// withoutRelays drops the news outlets from a sentence's parties when it
// names anyone else: "a spokesperson ... cited by CNN", "CNN reports that
// the British assessment is supported by ..." relay a claim, they do not
// make it. An outlet alone ("news agency Bloomberg reported") is kept.
func withoutRelays(ps []party) []party {
	var out []party
	for _, p := range ps {
		if !p.outlet {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return ps
	}
	return out
}

// actorsAfter reports whether every actor of sentence si is named after
// offset off: a quotation that closes mid-sentence ("...” MuddyWater has
// been a key component of Iran's apparatus, according to analysts") does
// not speak about them.
func (d *doc) actorsAfter(si, off int) bool {
	s := &d.sents[si]
	if len(s.actors) == 0 {
		return false
	}
	for _, a := range s.actors {
		if a.start < off {
			return false
		}
	}
	return true
}

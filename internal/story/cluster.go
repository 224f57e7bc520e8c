package story

import (
	"math"
	"sort"
	"time"
)

// Weights of each kind of shared feature: an actor or a CVE says more
// about the event than a victim country or a concept word.
var weights = [256]float64{
	'a': 3,   // actor
	'v': 3,   // CVE or named vulnerability
	'm': 2.5, // malware or tool
	'b': 1.5, // attributor: who makes the claims
	't': 2,   // organisation targeted
	'n': 1.5, // rare proper noun
	'#': 1.5, // amount or count
	'c': 1,   // victim country
	'k': 1,   // event concept
	's': 0.5, // sponsor country
}

// indexed kinds are the strong features that find candidate articles:
// countries, concepts and sponsors are shared by too many to be useful.
var indexed = [256]bool{'a': true, 'b': true, 'v': true, 'm': true, 't': true, 'n': true, '#': true}

const (
	// leadBoost multiplies a feature named in the lead of an article:
	// the lead says what the article is about, the rest is background.
	leadBoost = 1.5
	// maxScan bounds how many of a feature's most recent articles are
	// looked at: a frequent feature has a low weight anyway, and articles
	// arrive roughly in date order, so the recent ones are the candidates.
	maxScan = 256
	// maxExact bounds how many candidates get an exact similarity, and
	// maxCands how many of those that share the most are looked at.
	maxExact = 24
	maxCands = 96
)

// Story is a set of articles about one event.
type Story struct {
	ID       int
	Articles []Features
	First    time.Time // earliest known event date (zero if none is known)
	Last     time.Time // latest known event date
	// An article may give a range (the month it was published in) for
	// one day: minTo and maxFrom bound the shortest span the story's
	// dates allow (maxFrom-minTo), and dayFirst and dayLast are the
	// dates of its articles that give the day.
	minTo, maxFrom    time.Time
	dayFirst, dayLast time.Time
	// after is the latest date cited by its undated articles: a lower
	// bound on the story's date when it has no known date.
	after   time.Time
	members []int32         // its articles, as indexes into Clusterer.arts, beside Articles
	feats   []storyFeat     // what its articles name
	pos     map[int32]int32 // feature id -> index in feats
	// actors is how many distinct actors its articles name.
	actors int
}

// storyFeat counts the articles of a story that carry a feature, and
// those that name it in their lead.
type storyFeat struct {
	id          int32
	count, lead int32
}

// count is how many of a story's articles carry a feature; lead how many
// name it in their lead.
func (s *Story) count(id int32) (count, lead int32) {
	if i, ok := s.pos[id]; ok {
		return s.feats[i].count, s.feats[i].lead
	}
	return 0, 0
}

// article is what the clusterer keeps of each article it has seen.
type article struct {
	story    *Story
	keys     []int32   // feature ids, sorted
	lead     []bool    // whether each of keys is in the lead
	from, to time.Time // event date range; zero when unknown
	after    time.Time
}

// Clusterer assigns articles to stories as they arrive.
type Clusterer struct {
	Threshold float64       // minimum similarity to join a story
	Window    time.Duration // dated articles join only stories dated within it
	// MaxSpan bounds a story's length: follow-ups keep a story going,
	// but a later event of the same actor must open a new one.
	MaxSpan time.Duration
	Stories []*Story // in ID order

	// Features are interned: each "kind:value" key gets an id, and
	// everything per feature is a slice indexed by it.
	ids    map[string]int32
	kind   []byte    // id -> kind ('a', 'v'...)
	df     []int32   // id -> how many articles carry it
	index  [][]int32 // id -> articles<<1 | in their lead, in arrival order (indexed kinds)
	n      int
	logs   []float64 // logs[i] = log(i), for the idf
	logN   float64   // log(n+1)
	arts   []article
	byID   map[int]*Story
	nextID int

	// Scratch space of decide, indexed by article: what each shares
	// with the article being decided, valid where accStamp == stamp.
	accShared []float64
	accKinds  []uint16
	accStamp  []uint32
	stamp     uint32
	touched   []int32
	cands     []candidate
	seen      []storyCheck
	// self is the article being decided again (see revisit), which
	// must not be its own candidate; -1 otherwise.
	self  int32
	moves []Move
}

// NewClusterer returns a clusterer with the defaults measured on the
// development set.
func NewClusterer() *Clusterer {
	return &Clusterer{
		Threshold: 0.2,
		Window:    14 * 24 * time.Hour,
		MaxSpan:   30 * 24 * time.Hour,
		ids:       map[string]int32{},
		byID:      map[int]*Story{},
		nextID:    1,
		self:      -1,
	}
}

// keysOf lists an article's features as "kind:value" keys, sorted.
func keysOf(f *Features) []string {
	var out []string
	add := func(prefix string, xs []string) {
		for _, x := range xs {
			out = append(out, prefix+x)
		}
	}
	add("a:", f.Actors)
	add("v:", f.CVEs)
	add("m:", f.Malware)
	add("t:", f.Targets)
	add("n:", f.Names)
	add("#:", f.Numbers)
	add("c:", f.Victims)
	add("k:", f.Concepts)
	add("s:", f.Sponsors)
	add("b:", f.Attributors)
	return uniq(out)
}

// dateRange is the event dates an article gives: its publication date,
// else the dates its text gives.
func dateRange(f *Features) (time.Time, time.Time) {
	if !f.Date.IsZero() {
		return f.Date, f.Date
	}
	return f.DateFrom, f.DateTo
}

// idf is a feature's inverse document frequency, smoothed: a feature
// every article carries still counts a little, so that two articles alone
// are not pushed apart by what they share.
func (c *Clusterer) idf(id int32) float64 {
	return 1 + c.logN - c.logs[c.df[id]+1]
}

// base is a feature's weight before lead boosts.
func (c *Clusterer) base(id int32) float64 {
	return weights[c.kind[id]] * c.idf(id)
}

func (c *Clusterer) total(a *article) float64 {
	var w float64
	for i, id := range a.keys {
		x := c.base(id)
		if a.lead[i] {
			x *= leadBoost
		}
		w += x
	}
	return w
}

// Add puts an article into the most similar story within the time window,
// or opens a new story, and returns the story.
func (c *Clusterer) Add(f Features) *Story {
	a := c.prepare(&f)
	best := c.decide(a)
	if best == nil {
		best = c.newStory()
	}
	c.attach(best, a, f)
	idx := int32(len(c.arts) - 1)
	best = c.bridge(idx, best)
	c.revisit(idx, best)
	return best
}

func (c *Clusterer) newStory() *Story {
	s := &Story{ID: c.nextID}
	c.insertStory(s)
	return s
}

// Restore replays a stored assignment of an article to a story, without
// deciding anything: it rebuilds the state Add left, so that the next Add
// decides as it would have.
func (c *Clusterer) Restore(storyID int, f Features) {
	a := c.prepare(&f)
	s := c.byID[storyID]
	if s == nil {
		s = &Story{ID: storyID}
		c.insertStory(s)
	}
	c.attach(s, a, f)
}

// Story returns the story with an ID, or nil.
func (c *Clusterer) Story(id int) *Story { return c.byID[id] }

func (c *Clusterer) insertStory(s *Story) {
	c.byID[s.ID] = s
	if s.ID >= c.nextID {
		c.nextID = s.ID + 1
	}
	i := sort.Search(len(c.Stories), func(i int) bool { return c.Stories[i].ID >= s.ID })
	c.Stories = append(c.Stories, nil)
	copy(c.Stories[i+1:], c.Stories[i:])
	c.Stories[i] = s
}

// intern returns the id of a feature key, giving it one if it is new.
func (c *Clusterer) intern(k string) int32 {
	if id, ok := c.ids[k]; ok {
		return id
	}
	id := int32(len(c.kind))
	c.ids[k] = id
	c.kind = append(c.kind, k[0])
	c.df = append(c.df, 0)
	c.index = append(c.index, nil)
	return id
}

// prepare counts an article's features and returns what is kept of it.
func (c *Clusterer) prepare(f *Features) *article {
	keys := keysOf(f)
	a := &article{keys: make([]int32, len(keys)), lead: make([]bool, len(keys)), after: f.After}
	for i, k := range keys {
		a.keys[i] = c.intern(k)
	}
	sort.Slice(a.keys, func(i, j int) bool { return a.keys[i] < a.keys[j] })
	for _, k := range f.Lead {
		if id, ok := c.ids[k]; ok {
			if i, ok := a.find(id); ok {
				a.lead[i] = true
			}
		}
	}
	a.from, a.to = dateRange(f)
	for _, id := range a.keys {
		c.df[id]++
	}
	c.n++
	for len(c.logs) <= c.n+1 {
		c.logs = append(c.logs, math.Log(float64(len(c.logs))))
	}
	c.logN = c.logs[c.n+1]
	return a
}

// attach stores a new article and puts it into a story.
func (c *Clusterer) attach(s *Story, a *article, f Features) {
	idx := int32(len(c.arts))
	c.arts = append(c.arts, *a)
	for i, id := range a.keys {
		if indexed[c.kind[id]] {
			p := idx << 1
			if a.lead[i] {
				p |= 1
			}
			c.index[id] = append(c.index[id], p)
		}
	}
	c.join(s, idx, f)
}

// join puts a stored article into a story.
func (c *Clusterer) join(s *Story, idx int32, f Features) {
	a := &c.arts[idx]
	a.story = s
	s.Articles = append(s.Articles, f)
	s.members = append(s.members, idx)
	if s.pos == nil {
		s.pos = map[int32]int32{}
	}
	for i, id := range a.keys {
		j, ok := s.pos[id]
		if !ok {
			j = int32(len(s.feats))
			s.pos[id] = j
			s.feats = append(s.feats, storyFeat{id: id})
			if c.kind[id] == 'a' {
				s.actors++
			}
		}
		s.feats[j].count++
		if a.lead[i] {
			s.feats[j].lead++
		}
	}
	s.addDates(a)
}

// spanWith is the shortest span a story's dates allow once dates that
// end no earlier than minTo and start no later than maxFrom are added.
func (s *Story) spanWith(minTo, maxFrom time.Time) time.Duration {
	lo, hi := s.minTo, s.maxFrom
	if minTo.Before(lo) {
		lo = minTo
	}
	if maxFrom.After(hi) {
		hi = maxFrom
	}
	return hi.Sub(lo)
}

// addDates widens a story's dates to an article's.
func (s *Story) addDates(a *article) {
	if !a.from.IsZero() {
		if s.First.IsZero() || a.from.Before(s.First) {
			s.First = a.from
		}
		if a.to.After(s.Last) {
			s.Last = a.to
		}
		if s.minTo.IsZero() || a.to.Before(s.minTo) {
			s.minTo = a.to
		}
		if a.from.After(s.maxFrom) {
			s.maxFrom = a.from
		}
		if a.day() {
			if s.dayFirst.IsZero() || a.from.Before(s.dayFirst) {
				s.dayFirst = a.from
			}
			if a.to.After(s.dayLast) {
				s.dayLast = a.to
			}
		}
	} else if a.after.After(s.after) {
		s.after = a.after
	}
}

// candidate accumulates what a new article shares with a stored one.
type candidate struct {
	idx    int32
	shared float64
	kinds  uint16
}

// better orders candidates: most shared first, then earliest.
func (x candidate) better(y candidate) bool {
	if x.shared != y.shared {
		return x.shared > y.shared
	}
	return x.idx < y.idx
}

// storyCheck is what decide learnt of a story.
type storyCheck struct {
	s   *Story
	ok  bool    // dates and actors allow the article to join it
	sim float64 // best pairwise similarity with one of its articles
	has bool    // sim was measured
	fit float64 // the similarity decide weighed (0 if the story was out)
}

// Kind bits, to tell what sort of features two articles share.
const (
	bitActor = 1 << iota
	bitEntity
	bitEvent
	bitTwoActors
)

// decide returns the story a new article belongs to, or nil.
func (c *Clusterer) decide(a *article) *Story {
	// Sum, over the postings of the article's indexed features, what it
	// shares with each stored article: one pass, no full comparison.
	c.stamp++
	if len(c.accShared) < len(c.arts) {
		c.accShared = append(c.accShared, make([]float64, len(c.arts)-len(c.accShared))...)
		c.accKinds = append(c.accKinds, make([]uint16, len(c.arts)-len(c.accKinds))...)
		c.accStamp = append(c.accStamp, make([]uint32, len(c.arts)-len(c.accStamp))...)
	}
	touched := c.touched[:0]
	for ki, id := range a.keys {
		if !indexed[c.kind[id]] {
			continue
		}
		ps := c.index[id]
		if len(ps) > maxScan {
			ps = ps[len(ps)-maxScan:]
		}
		w := c.base(id)
		if a.lead[ki] {
			w *= math.Sqrt(leadBoost)
		}
		wl := w * math.Sqrt(leadBoost)
		bit := kindBit(c.kind[id])
		for _, p := range ps {
			i := p >> 1
			if i == c.self {
				continue
			}
			if c.accStamp[i] != c.stamp {
				c.accStamp[i] = c.stamp
				c.accShared[i], c.accKinds[i] = 0, 0
				touched = append(touched, i)
			}
			if p&1 != 0 { // the stored article has it in its lead
				c.accShared[i] += wl
			} else {
				c.accShared[i] += w
			}
			c.accKinds[i] |= bit
		}
	}
	c.touched = touched
	if len(touched) == 0 {
		return nil
	}
	cands := c.cands[:0]
	for _, i := range touched {
		cands = append(cands, candidate{idx: i, shared: c.accShared[i], kinds: c.accKinds[i]})
	}
	c.cands = cands
	if len(cands) > maxCands {
		selectBest(cands, maxCands)
		cands = cands[:maxCands]
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].better(cands[j]) })
	wa := c.total(a)
	seen := c.seen[:0]
	check := func(s *Story) *storyCheck {
		for i := range seen {
			if seen[i].s == s {
				return &seen[i]
			}
		}
		seen = append(seen, storyCheck{s: s, ok: c.dateFits(a, s) && !c.actorsConflict(a, s)})
		return &seen[len(seen)-1]
	}
	exact := 0
	for _, cd := range cands {
		if exact == maxExact {
			break
		}
		b := &c.arts[cd.idx]
		sc := check(b.story)
		if !sc.ok {
			continue
		}
		exact++
		// Complete the kinds with the features that are not indexed.
		kinds := cd.kinds
		shared := cd.shared
		actors := 0
		for ki, id := range a.keys {
			j, has := b.find(id)
			if !has {
				continue
			}
			if c.kind[id] == 'a' {
				actors++
			}
			if indexed[c.kind[id]] {
				continue
			}
			w := c.base(id)
			if a.lead[ki] {
				w *= math.Sqrt(leadBoost)
			}
			if b.lead[j] {
				w *= math.Sqrt(leadBoost)
			}
			shared += w
			kinds |= kindBit(c.kind[id])
		}
		if actors >= 2 {
			kinds |= bitTwoActors
		}
		if c.sameDays(a, b.story) {
			// Reports of one actor dated the same days are one event
			// even when they tell it with different words.
			kinds |= bitEvent
		}
		if !strong(kinds) {
			continue
		}
		sim := shared / math.Min(wa, c.total(b))
		if !sc.has || sim > sc.sim {
			sc.sim, sc.has = max(sim, 0), true
		}
	}
	c.seen = seen
	var best, runnerUp *Story
	bestSim, second := c.Threshold, c.Threshold
	for i := range seen {
		sc := &seen[i]
		if !sc.has {
			continue
		}
		s := sc.s
		if !c.leadMeets(a, s) && !c.sameDays(a, s) {
			continue
		}
		sim := sc.sim
		if len(s.Articles) > 1 {
			sim = pairMix*sim + (1-pairMix)*c.centroidSim(a, wa, s)
		}
		if c.sameDays(a, s) {
			sim += sameDayBonus
		}
		sc.fit = sim
		if sim > bestSim || sim == bestSim && best != nil && s.ID < best.ID {
			best, runnerUp, second, bestSim = s, best, bestSim, sim
		} else if sim > second {
			runnerUp, second = s, sim
		}
	}
	if a.from.IsZero() && runnerUp != nil && bestSim < ambiguity*second && !c.canMerge(best, runnerUp) {
		// An undated article that fits two stories about as well, and
		// these cannot be one event, cannot be placed: both are of its
		// actors and its words, and nothing tells which event it
		// reports. Alone it costs a missed pair; in the wrong story, a
		// false pair with each of its articles. (Two stories that can
		// be one are joined by it: see bridge.)
		return nil
	}
	return best
}

// ambiguity is how much better than the runner-up the best story must
// fit an undated article. On the development set, the one undated
// article that fits two stories within 1 % went to the wrong one, and
// right choices won by 11 % or more.
const ambiguity = 1.05

// selectBest moves the k best candidates to the front of cs, in no
// particular order (quickselect).
func selectBest(cs []candidate, k int) {
	lo, hi := 0, len(cs)-1
	for lo < hi {
		// Median of three as the pivot.
		mid := lo + (hi-lo)/2
		if cs[mid].better(cs[lo]) {
			cs[mid], cs[lo] = cs[lo], cs[mid]
		}
		if cs[hi].better(cs[lo]) {
			cs[hi], cs[lo] = cs[lo], cs[hi]
		}
		if cs[hi].better(cs[mid]) {
			cs[hi], cs[mid] = cs[mid], cs[hi]
		}
		pivot := cs[mid]
		i, j := lo, hi
		for i <= j {
			for cs[i].better(pivot) {
				i++
			}
			for pivot.better(cs[j]) {
				j--
			}
			if i <= j {
				cs[i], cs[j] = cs[j], cs[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// pairMix weighs the best match with one article of a story against the
// match with the story as a whole: one close report is strong evidence,
// but what all the story's reports share is what the event is.
const pairMix = 0.5

// centroidSim is the weight an article shares with a story, each feature
// counted by the share of the story's articles that carry it, over the
// smaller of the article's weight and a typical member's.
func (c *Clusterer) centroidSim(a *article, wa float64, s *Story) float64 {
	n := float64(len(s.Articles))
	var shared, ws float64
	for ki, id := range a.keys {
		if m, l := s.count(id); m > 0 {
			w := c.base(id) * float64(m) / n
			if a.lead[ki] {
				w *= math.Sqrt(leadBoost)
			}
			if l*2 >= m {
				w *= math.Sqrt(leadBoost)
			}
			shared += w
		}
	}
	for _, sf := range s.feats {
		w := c.base(sf.id) * float64(sf.count) / n
		if sf.lead*2 >= sf.count {
			w *= leadBoost
		}
		ws += w
	}
	if wa == 0 || ws == 0 {
		return 0
	}
	return shared / math.Min(wa, ws)
}

// find returns where a feature is in an article's keys.
func (b *article) find(id int32) (int, bool) {
	lo, hi := 0, len(b.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b.keys[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(b.keys) && b.keys[lo] == id
}

func kindBit(kind byte) uint16 {
	switch kind {
	case 'a', 'b':
		return bitActor
	case 'v', 'm', 't', 'n', '#':
		return bitEntity | bitEvent
	case 'c', 'k':
		return bitEvent
	}
	return 0
}

// strong requires two articles to share an actor, malware, vulnerability,
// target, proper noun or amount, and something of the event itself:
// concepts and countries alone do not make the same event, and an actor
// alone is not an event either (the same actor is in the news for many),
// unless several actors are named together.
func strong(kinds uint16) bool {
	entity := kinds&(bitActor|bitEntity) != 0
	event := kinds&(bitEvent|bitTwoActors) != 0
	return entity && event
}

// leadMeets says whether what an article is about (its lead, less its
// actors and sponsors: the same actor is in many stories) is anywhere in
// a story. An article whose lead is about something else and that only
// cites the story's event as background ("members were indicted in 2020")
// is another event.
func (c *Clusterer) leadMeets(a *article, s *Story) bool {
	for i, id := range a.keys {
		if !a.lead[i] || c.kind[id] == 'a' || c.kind[id] == 's' {
			continue
		}
		if m, _ := s.count(id); m > 0 {
			return true
		}
	}
	return false
}

// sameDayBonus is added when an article and a story are dated within
// sameDays of each other: outlets report an event on the same days.
const (
	sameDayBonus = 0.1
	sameDays     = 2 * 24 * time.Hour
)

// sameDays needs the day on both sides: a month says nothing of it.
func (c *Clusterer) sameDays(a *article, s *Story) bool {
	return a.day() && !s.dayFirst.IsZero() &&
		!a.from.After(s.dayLast.Add(sameDays)) && !a.to.Before(s.dayFirst.Add(-sameDays))
}

// day says whether an article's date is known to the day (or few days).
func (a *article) day() bool {
	return !a.from.IsZero() && a.to.Sub(a.from) <= sameDays
}

// actorsConflict says whether an article and a story both name actors
// but none in common: reports of one event name at least one of its
// actors, so two actor sets that do not meet are two events, however
// much else (agencies, concepts) they share.
func (c *Clusterer) actorsConflict(a *article, s *Story) bool {
	if s.actors == 0 {
		return false
	}
	mine := false
	for _, id := range a.keys {
		if c.kind[id] != 'a' {
			continue
		}
		mine = true
		if m, _ := s.count(id); m > 0 {
			return false
		}
	}
	return mine
}

// dateFits says whether an article may join a story as far as dates go.
func (c *Clusterer) dateFits(a *article, s *Story) bool {
	switch {
	case !a.from.IsZero() && !s.First.IsZero():
		if a.from.After(s.Last.Add(c.Window)) || a.to.Before(s.First.Add(-c.Window)) {
			return false
		}
		// Follow-ups keep a story going, but only so long: the shortest
		// span its dates allow with the article must be within MaxSpan.
		return s.spanWith(a.to, a.from) <= c.MaxSpan
	case a.from.IsZero() && !s.First.IsZero():
		// An undated article citing dates after the story is later news.
		return a.after.IsZero() || !a.after.After(s.Last.Add(c.Window))
	case !a.from.IsZero() && s.First.IsZero():
		return s.after.IsZero() || !s.after.After(a.to.Add(c.Window))
	}
	return true
}

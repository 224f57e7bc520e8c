package story

import (
	"math"
	"sort"
	"strings"
	"time"
)

// Weights of each kind of shared feature: an actor or a CVE says more
// about the event than a victim country or a concept word.
var weights = map[string]float64{
	"a": 3,   // actor
	"v": 3,   // CVE or named vulnerability
	"m": 2,   // malware or tool
	"t": 2,   // organisation targeted
	"n": 1.5, // rare proper noun
	"c": 1,   // victim country
	"k": 1,   // event concept
	"s": 0.5, // sponsor country
}

// Story is a set of articles about one event.
type Story struct {
	ID       int
	Articles []Features
	First    time.Time // earliest known date
	Last     time.Time
	centroid map[string]float64
}

// Clusterer assigns articles to stories as they arrive.
type Clusterer struct {
	Threshold float64       // minimum cosine similarity to join a story
	Window    time.Duration // dated articles join only stories dated within it
	Stories   []*Story
	df        map[string]int // how many articles carry each feature
	n         int
}

// NewClusterer returns a clusterer with the defaults measured on the
// development set (see docs/accuracy.md).
func NewClusterer() *Clusterer {
	return &Clusterer{Threshold: 0.3, Window: 10 * 24 * time.Hour, df: map[string]int{}}
}

func bag(f Features) map[string]bool {
	b := map[string]bool{}
	add := func(prefix string, xs []string) {
		for _, x := range xs {
			b[prefix+":"+x] = true
		}
	}
	add("a", f.Actors)
	add("v", f.CVEs)
	add("m", f.Malware)
	add("t", f.Targets)
	add("n", f.Names)
	add("c", f.Victims)
	add("k", f.Concepts)
	add("s", f.Sponsors)
	return b
}

// vector weighs an article's features by kind and rarity (IDF).
func (c *Clusterer) vector(b map[string]bool) map[string]float64 {
	v := make(map[string]float64, len(b))
	for k := range b {
		// Smoothed: a feature every article carries still counts 1, so
		// that two articles alone are not pushed apart by what they share.
		idf := 1 + math.Log(float64(c.n+1)/float64(c.df[k]+1))
		v[k] = weights[k[:1]] * idf
	}
	return v
}

// overlap is the weight of what a and b share over the weight of the
// smaller of the two: a short report of an event is fully inside a long one.
func overlap(a, b map[string]float64) float64 {
	var shared, wa, wb float64
	for k, x := range a {
		wa += x
		if _, ok := b[k]; ok {
			shared += x
		}
	}
	for _, y := range b {
		wb += y
	}
	if wa == 0 || wb == 0 {
		return 0
	}
	return shared / math.Min(wa, wb)
}

func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for k, x := range a {
		na += x * x
		if y, ok := b[k]; ok {
			dot += x * y
		}
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// Add puts an article into the most similar story within the time window,
// or opens a new story, and returns the story.
func (c *Clusterer) Add(f Features) *Story {
	b := bag(f)
	for k := range b {
		c.df[k]++
	}
	c.n++
	v := c.vector(b)
	var best *Story
	bestSim := c.Threshold
	for _, s := range c.Stories {
		if !f.Date.IsZero() && !s.First.IsZero() &&
			(f.Date.Before(s.First.Add(-c.Window)) || f.Date.After(s.Last.Add(c.Window))) {
			continue
		}
		for _, m := range s.Articles {
			mb := bag(m)
			if sim := overlap(v, c.vector(mb)); sim >= bestSim && sharesStrong(b, mb) {
				best, bestSim = s, sim
			}
		}
	}
	if best == nil {
		best = &Story{ID: len(c.Stories) + 1, centroid: map[string]float64{}}
		c.Stories = append(c.Stories, best)
	}
	best.Articles = append(best.Articles, f)
	for k := range b {
		best.centroid[k]++
	}
	if !f.Date.IsZero() {
		if best.First.IsZero() || f.Date.Before(best.First) {
			best.First = f.Date
		}
		if f.Date.After(best.Last) {
			best.Last = f.Date
		}
	}
	return best
}

// sharesStrong requires an article to share at least one actor, malware,
// vulnerability, target or proper noun with a story: concepts and
// countries alone do not make the same event.
func sharesStrong(b, other map[string]bool) bool {
	entity, event := false, false
	for k := range b {
		if !other[k] {
			continue
		}
		switch k[:1] {
		case "a":
			entity = true
		case "v", "m", "t", "n":
			entity, event = true, true
		case "c", "k":
			event = true
		}
	}
	// An actor alone is not an event: the same actor is in the news for
	// many. Something of the event itself must be shared too.
	return entity && event
}

func keys(m map[string]float64) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// Label builds a story's title from its content: the actors and targets
// most of its articles name, else the title of its first article.
func (s *Story) Label() string {
	count := map[string]int{}
	names := map[string]string{}
	for _, a := range s.Articles {
		for _, id := range a.Actors {
			count[id]++
			names[id] = a.ActorName[id]
		}
	}
	var actors []string
	for id := range count {
		if count[id]*2 >= len(s.Articles) {
			actors = append(actors, id)
		}
	}
	sort.Slice(actors, func(i, j int) bool {
		if count[actors[i]] != count[actors[j]] {
			return count[actors[i]] > count[actors[j]]
		}
		return names[actors[i]] < names[actors[j]]
	})
	title := s.Articles[0].Title
	if len(actors) == 0 {
		return title
	}
	var ns []string
	for _, id := range actors {
		ns = append(ns, names[id])
	}
	return strings.Join(ns, ", ") + ": " + title
}

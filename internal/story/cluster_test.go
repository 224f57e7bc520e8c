package story

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// report is a made-up article about an actor's attack on a target.
func report(id, date string, actors, names, concepts, victims []string) Features {
	f := Features{ID: id, Title: id, Language: "en", Actors: actors, Names: names, Concepts: concepts, Victims: victims,
		ActorName: map[string]string{}}
	if date != "" {
		f.Date = day(date)
	}
	for _, a := range actors {
		f.ActorName[a] = a
	}
	for _, n := range names {
		f.Lead = append(f.Lead, "n:"+n)
	}
	for _, k := range concepts {
		f.Lead = append(f.Lead, "k:"+k)
	}
	return f
}

func TestDecisions(t *testing.T) {
	// Background articles give the features their rarity.
	var background []Features
	for i := 0; i < 30; i++ {
		background = append(background, report(fmt.Sprintf("bg%d", i), "2021-01-01",
			[]string{fmt.Sprintf("actor:other%d", i)}, []string{fmt.Sprintf("place%d", i)}, []string{"ransomware"}, []string{"US"}))
	}
	tests := []struct {
		name     string
		first    Features
		second   Features
		together bool
	}{
		{
			name:     "same event, two outlets",
			first:    report("a", "2021-05-10", []string{"actor:darkside"}, []string{"colonial", "pipeline"}, []string{"fuel"}, []string{"US"}),
			second:   report("b", "2021-05-11", []string{"actor:darkside"}, []string{"colonial"}, []string{"fuel", "pipeline"}, nil),
			together: true,
		},
		{
			// Same actor and the same words, but three months apart:
			// a later campaign, not a follow-up.
			name:     "same actor three months apart",
			first:    report("a", "2022-01-12", []string{"actor:muddy"}, []string{"command", "mois"}, []string{"espionage"}, []string{"TR"}),
			second:   report("b", "2022-04-12", []string{"actor:muddy"}, []string{"command", "mois"}, []string{"espionage"}, []string{"TR"}),
			together: false,
		},
		{
			// An undated article citing a date after the story ended is
			// later news about the same actor.
			name:  "undated article citing later dates",
			first: report("a", "2023-06-05", []string{"actor:kimsuky"}, []string{"satellite"}, []string{"advisory"}, nil),
			second: func() Features {
				f := report("b", "", []string{"actor:kimsuky"}, []string{"satellite"}, []string{"advisory"}, nil)
				f.After = day("2023-12-01")
				return f
			}(),
			together: false,
		},
		{
			name:     "distractor sharing only a country",
			first:    report("a", "2021-07-19", []string{"actor:hafnium"}, []string{"exchange"}, []string{"espionage"}, []string{"GB"}),
			second:   report("b", "2021-07-19", nil, []string{"wimbledon"}, []string{"sport"}, []string{"GB"}),
			together: false,
		},
		{
			name:     "different actors, same agencies",
			first:    report("a", "", []string{"actor:muddy"}, []string{"cisa", "ncsc"}, []string{"advisory"}, nil),
			second:   report("b", "", []string{"actor:kimsuky"}, []string{"cisa", "ncsc"}, []string{"advisory"}, nil),
			together: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClusterer()
			for _, f := range background {
				c.Add(f)
			}
			s1 := c.Add(tt.first)
			s2 := c.Add(tt.second)
			if got := s1 == s2; got != tt.together {
				t.Errorf("together = %v, want %v", got, tt.together)
			}
		})
	}
}

func TestStoryIDs(t *testing.T) {
	c := NewClusterer()
	a := c.Add(report("a", "2021-05-10", []string{"actor:x"}, []string{"alpha"}, []string{"fuel"}, nil))
	b := c.Add(report("b", "2022-05-10", []string{"actor:y"}, []string{"beta"}, []string{"vaccine"}, nil))
	if a.ID != 1 || b.ID != 2 {
		t.Fatalf("IDs %d, %d, want 1, 2", a.ID, b.ID)
	}
	c = NewClusterer()
	c.Restore(7, report("a", "2021-05-10", []string{"actor:x"}, []string{"alpha"}, []string{"fuel"}, nil))
	c.Restore(3, report("b", "2022-05-10", []string{"actor:y"}, []string{"beta"}, []string{"vaccine"}, nil))
	if s := c.Add(report("c", "2023-05-10", []string{"actor:z"}, []string{"gamma"}, []string{"pipeline"}, nil)); s.ID != 8 {
		t.Errorf("new story ID %d after restoring 7, want 8", s.ID)
	}
	if len(c.Stories) != 3 || c.Stories[0].ID != 3 || c.Stories[1].ID != 7 || c.Stories[2].ID != 8 {
		t.Errorf("stories not in ID order: %v", storyIDs(c))
	}
}

func storyIDs(c *Clusterer) []int {
	var ids []int
	for _, s := range c.Stories {
		ids = append(ids, s.ID)
	}
	return ids
}

// TestRestore replays a run's assignments, through JSON as the store keeps
// them (with the moves later Adds made), into a fresh clusterer: each next
// article must then go where the original clusterer sends it.
func TestRestore(t *testing.T) {
	fs := synthetic(3000, 400, 1)
	const cut = 2000
	orig := NewClusterer()
	story := map[int64]int{} // article key -> story, as the store keeps it
	var stored [][]byte
	for i, f := range fs[:cut] {
		f.Key = int64(i)
		s := orig.Add(f)
		story[f.Key] = s.ID
		for _, m := range orig.Moves() {
			story[m.Key] = m.To.ID
		}
		raw, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, raw)
	}
	replay := NewClusterer()
	for i, raw := range stored {
		var f Features
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatal(err)
		}
		replay.Restore(story[int64(i)], f)
	}
	if len(replay.Stories) != len(orig.Stories) {
		t.Fatalf("%d stories after replay, want %d", len(replay.Stories), len(orig.Stories))
	}
	joined := 0
	for _, f := range fs[cut:] {
		want, got := orig.Add(f), replay.Add(f)
		orig.Moves()
		replay.Moves()
		if w, g := members(want), members(got); w != g {
			t.Fatalf("%s: in story %s after replay, want %s", f.ID, g, w)
		}
		if len(want.Articles) > 1 {
			joined++
		}
	}
	if joined == 0 {
		t.Error("no article joined a story: the test decides nothing")
	}
}

// members lists a story's articles, sorted.
func members(s *Story) string {
	var ids []string
	for _, a := range s.Articles {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, " ")
}

// TestRestoreDev does the same with the dev articles, when available.
func TestRestoreDev(t *testing.T) {
	fs, _ := devFeatures(t)
	orig := NewClusterer()
	half := len(fs) / 2
	replay := NewClusterer()
	for _, f := range fs[:half] {
		orig.Add(f)
	}
	// Restore the final assignments (moves included), in arrival order.
	where := map[string]int{}
	for _, s := range orig.Stories {
		for _, a := range s.Articles {
			where[a.ID] = s.ID
		}
	}
	for _, f := range fs[:half] {
		replay.Restore(where[f.ID], f)
	}
	for _, f := range fs[half:] {
		if want, got := orig.Add(f), replay.Add(f); members(want) != members(got) {
			t.Fatalf("%s: in story %s after replay, want %s", f.ID, members(got), members(want))
		}
	}
}

// synthetic makes n articles about events of invented actors, victims and
// places: each event is reported by a few articles over a few days, with
// some noise words, so that the clusterer has real decisions to make.
func synthetic(n, events int, seed int64) []Features {
	r := rand.New(rand.NewSource(seed))
	type event struct {
		actor, target string
		names         []string
		date          time.Time
		concept       string
	}
	concepts := []string{"ransom", "indictment", "takedown", "vaccine", "pipeline", "sanctions", "advisory", "leak"}
	var evs []event
	start := day("2020-01-01")
	for i := 0; i < events; i++ {
		e := event{
			actor:   fmt.Sprintf("actor:a%d", r.Intn(events/4+1)),
			target:  fmt.Sprintf("org%d", r.Intn(events*2)),
			date:    start.Add(time.Duration(i) * 24 * time.Hour * 1500 / time.Duration(events)),
			concept: concepts[r.Intn(len(concepts))],
		}
		for j := 0; j < 4; j++ {
			e.names = append(e.names, fmt.Sprintf("name%d", r.Intn(events*20)))
		}
		evs = append(evs, e)
	}
	var out []Features
	for i := 0; i < n; i++ {
		// Articles arrive roughly in date order.
		e := evs[min(len(evs)-1, i*len(evs)/n+r.Intn(3))]
		f := Features{ID: fmt.Sprintf("s%d", i), Title: e.target, Language: "en", ActorName: map[string]string{e.actor: e.actor}}
		if r.Intn(3) > 0 {
			f.Date = e.date.Add(time.Duration(r.Intn(4)) * 24 * time.Hour)
		}
		f.Actors = []string{e.actor}
		if r.Intn(2) == 0 {
			f.Targets = []string{e.target}
		}
		for _, nm := range e.names {
			if r.Intn(3) > 0 {
				f.Names = append(f.Names, nm)
			}
		}
		for j := 0; j < 15; j++ {
			f.Names = append(f.Names, fmt.Sprintf("noise%d", r.Intn(20000)))
		}
		f.Concepts = []string{e.concept, concepts[r.Intn(len(concepts))]}
		f.Victims = []string{fmt.Sprintf("C%d", r.Intn(30))}
		f.Numbers = []string{fmt.Sprint(r.Intn(1000) + 20)}
		f.Lead = []string{"a:" + e.actor, "k:" + e.concept}
		if len(f.Names) > 0 {
			f.Lead = append(f.Lead, "n:"+f.Names[0])
		}
		for _, p := range []*[]string{&f.Names, &f.Concepts, &f.Lead} {
			*p = uniq(*p)
		}
		out = append(out, f)
	}
	return out
}

// BenchmarkAdd measures Add with 20,000 articles already stored.
func BenchmarkAdd(b *testing.B) { benchmarkAdd(b, 4000) }

// BenchmarkAddLargeStories measures Add with 20,000 articles already
// stored in stories of about 70 articles: the cost of comparing with a
// story grows with what its articles name.
func BenchmarkAddLargeStories(b *testing.B) { benchmarkAdd(b, 300) }

func benchmarkAdd(b *testing.B, events int) {
	const stored = 20000
	fs := synthetic(stored+b.N, events, 2)
	c := NewClusterer()
	for _, f := range fs[:stored] {
		c.Add(f)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Add(fs[stored+i])
	}
}

// TestLaterDecisions checks the decisions that depend on what arrives
// later: month-only dates, undated reports that move when the story of
// their event opens, ambiguous reports, and reports that join two
// stories of one event.
func TestLaterDecisions(t *testing.T) {
	var background []Features
	for i := 0; i < 30; i++ {
		background = append(background, report(fmt.Sprintf("bg%d", i), "2019-01-01",
			[]string{fmt.Sprintf("actor:other%d", i)}, []string{fmt.Sprintf("place%d", i)}, []string{"ransomware"}, []string{"US"}))
	}
	month := func(f Features, m string) Features {
		f.DateFrom = day(m + "-01")
		f.DateTo = f.DateFrom.AddDate(0, 1, -1)
		return f
	}
	after := func(f Features, d string) Features {
		f.After = day(d)
		return f
	}
	emotet := []string{"actor:emotet"}
	kimsuky := []string{"actor:kimsuky"}
	muddy := []string{"actor:muddywater"}
	apt41 := []string{"actor:apt41"}
	tests := []struct {
		name     string
		articles []Features
		want     [][]string // the stories the articles end in
		moved    []string   // articles moved by a later Add
	}{
		{
			// The month says when, not which day: February 2nd is two
			// days after January, not 32 days after its first.
			name: "month-only report and a dated follow-up",
			articles: []Features{
				month(report("a", "", emotet, []string{"europol", "takedown"}, []string{"botnet"}, nil), "2021-01"),
				report("b", "2021-02-02", emotet, []string{"europol", "takedown"}, []string{"botnet"}, nil),
			},
			want: [][]string{{"a", "b"}},
		},
		{
			// y (undated) first joins the only Kimsuky story there is, a
			// later campaign (x cites December 2023); the advisory's own
			// story opens with z, and y moves there.
			name: "undated report moves to its event's story",
			articles: []Features{
				after(report("x", "", kimsuky, []string{"dmarc", "spoofing"}, []string{"advisory"}, nil), "2023-12-01"),
				report("y", "", kimsuky, []string{"satellite", "rocket", "launch"}, []string{"advisory"}, nil),
				report("z", "2023-06-05", kimsuky, []string{"satellite", "rocket", "launch", "sanctions"}, []string{"advisory"}, nil),
			},
			want:  [][]string{{"x"}, {"y", "z"}},
			moved: []string{"y"},
		},
		{
			// u fits the January and the February stories equally: it
			// stays alone rather than guess.
			name: "ambiguous undated report",
			articles: []Features{
				report("jan", "2022-01-12", muddy, []string{"command", "mois"}, []string{"espionage"}, nil),
				report("feb", "2022-02-24", muddy, []string{"cisa", "ncsc"}, []string{"espionage"}, nil),
				report("u", "", muddy, []string{"command", "cisa"}, []string{"espionage"}, nil),
			},
			want: [][]string{{"jan"}, {"feb"}, {"u"}},
		},
		{
			// The indictment (16th) and a later recap (26th) share only
			// the actor; a report with the words of both joins them.
			name: "report joining two stories of one event",
			articles: []Features{
				report("p", "2020-09-16", apt41, []string{"justice", "charges"}, nil, nil),
				report("q", "2020-09-26", apt41, []string{"fireeye", "famiglie"}, nil, nil),
				report("r", "", apt41, []string{"justice", "charges", "fireeye", "famiglie"}, nil, nil),
			},
			want:  [][]string{{"p", "q", "r"}},
			moved: []string{"q"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClusterer()
			for _, f := range background {
				c.Add(f)
			}
			var moved []string
			for i, f := range tt.articles {
				f.Key = int64(1000 + i)
				c.Add(f)
				for _, m := range c.Moves() {
					if m.Key != int64(1000+slicesIndex(tt.articles, m.ID)) || m.From == m.To {
						t.Errorf("move %+v: wrong key or stories", m)
					}
					moved = append(moved, m.ID)
				}
			}
			var got [][]string
			for _, s := range c.Stories {
				var ids []string
				for _, a := range s.Articles {
					if !strings.HasPrefix(a.ID, "bg") {
						ids = append(ids, a.ID)
					}
				}
				if len(ids) > 0 {
					sort.Strings(ids)
					got = append(got, ids)
				}
			}
			sort.Slice(got, func(i, j int) bool { return got[i][0] < got[j][0] })
			want := append([][]string(nil), tt.want...)
			sort.Slice(want, func(i, j int) bool { return want[i][0] < want[j][0] })
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("stories %v, want %v", got, want)
			}
			if fmt.Sprint(moved) != fmt.Sprint(tt.moved) && !(len(moved) == 0 && len(tt.moved) == 0) {
				t.Errorf("moved %v, want %v", moved, tt.moved)
			}
		})
	}
}

func slicesIndex(fs []Features, id string) int {
	for i, f := range fs {
		if f.ID == id {
			return i
		}
	}
	return -1
}

package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Benchmarks run against both backends with generated analyses shaped like
// real ones: 10 entities, 30 mentions, 5 countries, about 3 KB of text.
//
//	go test -run '^$' -bench . -count 5 ./internal/store
//
// APTWATCH_BENCH_ARTICLES sets how many articles the query benchmarks
// start from (default 2000).

func TestMain(m *testing.M) {
	code := m.Run()
	benchCache.Lock()
	for _, c := range benchCache.cleanups {
		if err := c(); err != nil {
			fmt.Fprintln(os.Stderr, "cleanup:", err)
		}
	}
	benchCache.Unlock()
	os.Exit(code)
}

var benchWords = strings.Fields(`the group attacked government networks in several countries
	according to researchers who observed the campaign exploiting a vulnerability in exposed mail servers
	before deploying a backdoor that collected credentials and documents from ministries and telecom
	operators while analysts attribute the activity with moderate confidence to a state sponsored actor
	that has targeted defence contractors energy companies and universities since at least last year
	officials declined to comment but said that the attacks were contained and that no classified data
	was stolen although investigators continue to examine logs from affected systems across the region`)

var benchCountries = []string{"BE", "CN", "US", "IT", "FR", "DE", "RU", "IR", "KP", "GB", "NL", "ES", "UA", "PL", "JP", "KR", "IN", "TW"}
var benchRoles = []string{"victim", "victim", "sponsor", "attributor", "mentioned"}
var benchSectors = []string{"sector:government", "sector:defense", "sector:telecom", "sector:energy", "sector:finance", "sector:healthcare"}
var benchLangs = []string{"en", "en", "en", "it", "fr", "de", "es", "nl", "pt", "pl"}

const benchActors = 60

// benchAnalysis generates one analysis. Actors are drawn with a skew (a
// few are in many articles, as in the news) so that profiles of the
// popular ones are the expensive case.
func benchAnalysis(r *rand.Rand, i int) *Analysis {
	var ents []EntityRef
	seen := map[string]bool{}
	for len(ents) < 6 {
		n := int(float64(benchActors) * r.Float64() * r.Float64()) // skewed towards 0
		id := "actor:bench" + strconv.Itoa(n)
		if !seen[id] {
			seen[id] = true
			ents = append(ents, EntityRef{EntityID: id, Kind: "actor", Type: "apt", Name: "APT" + strconv.Itoa(100+n), Sponsor: "CN", Confidence: 0.9})
		}
	}
	for len(ents) < 9 {
		n := r.IntN(40)
		kind := "malware"
		if n%4 == 0 {
			kind = "tool"
		}
		id := kind + ":bench" + strconv.Itoa(n)
		if !seen[id] {
			seen[id] = true
			ents = append(ents, EntityRef{EntityID: id, Kind: kind, Name: "Malw" + strconv.Itoa(n)})
		}
	}
	ents = append(ents, EntityRef{EntityID: "vuln:bench" + strconv.Itoa(r.IntN(20)), Kind: "vulnerability", Name: "VulnName" + strconv.Itoa(r.IntN(20))})

	// About 3 KB of text, with the 30 mentions spread through it.
	var b strings.Builder
	var mentions []Mention
	for m := 0; b.Len() < 3000; m++ {
		for k := 0; k < 12; k++ {
			b.WriteString(benchWords[r.IntN(len(benchWords))])
			b.WriteByte(' ')
		}
		if m == 3 && r.IntN(2) == 0 {
			b.WriteString("Analysts describe a state sponsored actor. ")
		}
		if len(mentions) < 30 {
			e := ents[m%len(ents)]
			start := b.Len()
			b.WriteString(e.Name)
			mentions = append(mentions, Mention{EntityID: e.EntityID, Text: e.Name, Start: start, End: b.Len(), Rule: "word"})
			b.WriteString(". ")
		}
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(5*365))
	a := &Analysis{
		Article: Article{
			ExternalID:  fmt.Sprintf("bench-%d-%d", i, r.Int64()),
			Title:       "APT activity report " + strconv.Itoa(i),
			Text:        b.String(),
			Published:   day.Format("2006-01-02"),
			Language:    benchLangs[r.IntN(len(benchLangs))],
			URL:         fmt.Sprintf("https://news%d.example/%d", r.IntN(30), i),
			Fingerprint: r.Uint64(),
		},
		Entities: ents,
		Mentions: mentions,
		Sectors:  []string{benchSectors[r.IntN(len(benchSectors))], benchSectors[r.IntN(len(benchSectors))]},
		CVEs:     []string{fmt.Sprintf("CVE-20%02d-%05d", 15+r.IntN(10), r.IntN(50000))},
		Indicators: []Indicator{
			{"domain", fmt.Sprintf("c2-%d.example.net", r.IntN(1000))},
			{"ipv4", fmt.Sprintf("198.51.100.%d", r.IntN(255))},
		},
	}
	for len(a.Countries) < 5 {
		a.Countries = append(a.Countries, CountryRole{benchCountries[r.IntN(len(benchCountries))], benchRoles[len(a.Countries)]})
	}
	return a
}

var docSeq atomic.Int64

// benchDocs adds n documents to s.
func benchDocs(tb testing.TB, s *sqlStore, n int) []int64 {
	ids := make([]int64, n)
	for i := range ids {
		seq := docSeq.Add(1)
		d := &Document{URL: fmt.Sprintf("https://news.example/%d", seq), Raw: fmt.Appendf(nil, "<html>document %d %d</html>", seq, time.Now().UnixNano())}
		id, _, err := s.AddDocument(context.Background(), d)
		if err != nil {
			tb.Fatal(err)
		}
		ids[i] = id
	}
	return ids
}

// BenchmarkSaveAnalysis measures SaveAnalysis alone, one goroutine, on a
// store that grows as the benchmark runs.
func BenchmarkSaveAnalysis(b *testing.B) {
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			s := openTestStore(b, backend)
			r := rand.New(rand.NewPCG(1, 2))
			analyses := make([]*Analysis, b.N)
			for i := range analyses {
				analyses[i] = benchAnalysis(r, i)
			}
			docs := benchDocs(b, s, b.N)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.SaveAnalysis(ctx, docs[i], analyses[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSaveAnalysesBatched saves b.N analyses in transactions of 256,
// as ingestion does, and logs the rate of every tenth of the run, to show
// whether saving slows down as the store grows:
//
//	go test -run '^$' -bench SaveAnalysesBatched/sqlite -benchtime 50000x -v ./internal/store
func BenchmarkSaveAnalysesBatched(b *testing.B) {
	const batch = 256
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			s := openTestStore(b, backend)
			r := rand.New(rand.NewPCG(7, 8))
			ctx := context.Background()
			step := max(b.N/10, batch)
			mark, markAt := time.Now(), 0
			b.ResetTimer()
			for done := 0; done < b.N; {
				b.StopTimer()
				n := min(batch, b.N-done)
				docs := benchDocs(b, s, n)
				items := make([]Save, n)
				for i := range items {
					items[i] = Save{DocumentID: docs[i], Analysis: benchAnalysis(r, done+i)}
				}
				b.StartTimer()
				if _, err := s.SaveAnalyses(ctx, items); err != nil {
					b.Fatal(err)
				}
				done += n
				if done-markAt >= step {
					b.Logf("%d articles: %.0f articles/s over the last %d", done, float64(done-markAt)/time.Since(mark).Seconds(), done-markAt)
					mark, markAt = time.Now(), done
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSaveAnalysisParallel is SaveAnalysis from several goroutines,
// as ingestion workers call it (SQLite serializes them on its writer).
func BenchmarkSaveAnalysisParallel(b *testing.B) {
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			s := openTestStore(b, backend)
			r := rand.New(rand.NewPCG(3, 4))
			analyses := make([]*Analysis, b.N)
			for i := range analyses {
				analyses[i] = benchAnalysis(r, i)
			}
			docs := benchDocs(b, s, b.N)
			var next atomic.Int64
			ctx := context.Background()
			b.SetParallelism(4)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := next.Add(1) - 1
					if _, err := s.SaveAnalysis(ctx, docs[i], analyses[i]); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// benchCache keeps the populated stores of the query benchmarks for the
// whole run (populating takes longer than the measurements).
var benchCache struct {
	sync.Mutex
	stores   map[string]*sqlStore
	cleanups []func() error
}

func benchArticles() int {
	if v, err := strconv.Atoi(os.Getenv("APTWATCH_BENCH_ARTICLES")); err == nil && v > 0 {
		return v
	}
	return 2000
}

// populated returns a store of the backend holding benchArticles()
// generated articles.
func populated(b *testing.B, backend string) *sqlStore {
	benchCache.Lock()
	defer benchCache.Unlock()
	if s, ok := benchCache.stores[backend]; ok {
		return s
	}
	var s *sqlStore
	var cleanup func() error
	var err error
	if backend == "postgres" {
		s, cleanup, err = openEmptyStore(backend, postgresAdmin(b))
	} else {
		s, cleanup, err = openEmptyStore(backend, nil)
	}
	if err != nil {
		b.Fatal(err)
	}
	benchCache.cleanups = append(benchCache.cleanups, cleanup)
	n := benchArticles()
	start := time.Now()
	docs := benchDocs(b, s, n)
	r := rand.New(rand.NewPCG(5, 6))
	analyses := make([]*Analysis, n)
	for i := range analyses {
		analyses[i] = benchAnalysis(r, i)
	}
	var wg sync.WaitGroup
	var failed atomic.Value
	const workers = 4
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				if _, err := s.SaveAnalysis(context.Background(), docs[i], analyses[i]); err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	b.Logf("%s: %d articles stored in %v", backend, n, time.Since(start).Round(time.Millisecond))
	// Steady state: the statistics that autovacuum (PostgreSQL) or PRAGMA
	// optimize at open (SQLite) would have gathered by now.
	if _, err := s.w.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	if benchCache.stores == nil {
		benchCache.stores = map[string]*sqlStore{}
	}
	benchCache.stores[backend] = s
	return s
}

// BenchmarkActorProfile profiles the actor named in most articles (about
// two in five: the worst case) and the tenth one.
func BenchmarkActorProfile(b *testing.B) {
	for _, backend := range backends {
		for _, rank := range []int{1, 10} {
			b.Run(fmt.Sprintf("%s/rank%d", backend, rank), func(b *testing.B) {
				s := populated(b, backend)
				ctx := context.Background()
				top, err := s.Actors(ctx, ActorFilter{Limit: rank})
				if err != nil || len(top) < rank {
					b.Fatal(top, err)
				}
				actor := top[rank-1]
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					p, err := s.ActorProfile(ctx, actor.EntityID)
					if err != nil || len(p.Articles) == 0 {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(actor.Articles), "actor-articles")
			})
		}
	}
}

// BenchmarkActors lists the top 20 actors, unfiltered.
func BenchmarkActors(b *testing.B) {
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			s := populated(b, backend)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Actors(ctx, ActorFilter{Limit: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSearch runs queries of each kind for the 20 best hits. The
// generated texts share a small vocabulary, so the common words match most
// articles: every hit is ranked, which is the expensive case.
func BenchmarkSearch(b *testing.B) {
	queries := []struct{ name, q string }{
		{"name", "APT110"},                    // an actor in a few percent of the articles
		{"words", "mail servers"},             // two common words
		{"phrase", `"state sponsored actor"`}, // in half of them
		{"stem", "attacks"},                   // stemmed in English articles
		{"or", "Malw3 OR Malw7"},              // alternatives
		{"not", "ministries -energy"},         // exclusion
		{"rare", "APT110 Malw3 classified"},   // few hits
	}
	for _, backend := range backends {
		for _, q := range queries {
			b.Run(backend+"/"+q.name, func(b *testing.B) {
				s := populated(b, backend)
				ctx := context.Background()
				hits, err := s.Search(ctx, q.q, 20)
				if err != nil || len(hits) == 0 {
					b.Fatalf("%q: %d hits, %v", q.q, len(hits), err)
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := s.Search(ctx, q.q, 20); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

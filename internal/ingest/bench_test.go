package ingest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/store"
)

// genArticle writes the i-th article of a benchmark corpus from sentences
// written for it: about 2.5 KB, mixed languages, with actors, countries,
// malware and a CVE. Each article draws its own sentences, so that no two
// are near-duplicates (which the store would rightly merge).
func genArticle(i int) []byte {
	actors := []string{"APT28", "Kimsuky", "MuddyWater", "APT41", "Sandworm Team", "Lazarus Group", "APT29", "Volt Typhoon", "LockBit", "Turla group"}
	countries := []string{"Belgium", "Germany", "France", "Japan", "Brazil", "Canada", "Italy", "Spain", "Poland", "India"}
	malware := []string{"PlugX", "Cobalt Strike", "Mimikatz", "ShadowPad", "Emotet", "QakBot"}
	targets := []string{"ministries", "hospitals", "telecom operators", "universities", "ports", "banks", "energy suppliers", "think tanks", "law firms", "defence contractors"}
	sentences := []string{
		"Researchers said the %s group targeted %s in %s with phishing emails that carried %s.",
		"Il gruppo %s, sostenuto dallo stato, ha preso di mira %s in %s usando %s.",
		"Le groupe %s a visé des %s en %s avec %s.",
		"Die Gruppe %s griff %s in %s an und setzte %s ein.",
		"El grupo %s atacó %s en %s con %s, según los investigadores.",
		"Investigators linked %s to intrusions at %s in %s that deployed %s.",
		"Officials said %s stole data from %s in %s after installing %s.",
	}
	rng := rand.New(rand.NewSource(int64(i)))
	// Invented organisation and place names make each sentence unique, as
	// the names in real reports do.
	syl := []string{"ka", "ro", "vel", "mar", "to", "lin", "sa", "dor", "qui", "ben", "ta", "lo", "ver", "mi", "zan", "po", "re", "nu", "gal", "fe"}
	name := func() string {
		n := syl[rng.Intn(len(syl))] + syl[rng.Intn(len(syl))] + syl[rng.Intn(len(syl))]
		return strings.ToUpper(n[:1]) + n[1:]
	}
	orgs := []string{"Logistics", "Bank", "Hospital", "University", "Energy", "Telecom", "Ministry", "Port Authority"}
	var b []byte
	b = append(b, fmt.Sprintf("Bulletin %d: new intrusion campaign reported\n\nBy Staff · %s\n\n", i,
		time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%700).Format("January 2, 2006"))...)
	for j := 0; len(b) < 2500; j++ {
		b = append(b, fmt.Sprintf(sentences[rng.Intn(len(sentences))], actors[rng.Intn(len(actors))], targets[rng.Intn(len(targets))],
			countries[rng.Intn(len(countries))], malware[rng.Intn(len(malware))])...)
		b = append(b, fmt.Sprintf(" Among the victims was %s %s in %s, which patched CVE-2023-%04d after %d days.",
			name(), orgs[rng.Intn(len(orgs))], name(), 1000+rng.Intn(9000), 2+rng.Intn(90))...)
		if j%2 == 1 {
			b = append(b, "\n\n"...)
		}
	}
	return b
}

// benchStores returns openers for each backend; the opener also returns
// the SQLite file's path ("" for PostgreSQL).
func benchStores(b *testing.B) map[string]func(b *testing.B) (store.Store, string) {
	out := map[string]func(b *testing.B) (store.Store, string){
		"sqlite": func(b *testing.B) (store.Store, string) {
			// APTWATCH_BENCH_DB keeps the database for later queries
			// (it must not exist yet).
			path := os.Getenv("APTWATCH_BENCH_DB")
			if path == "" {
				path = filepath.Join(b.TempDir(), "bench.db")
			} else if _, err := os.Stat(path); err == nil {
				b.Fatalf("APTWATCH_BENCH_DB %s exists; the benchmark needs a new file", path)
			}
			st, err := store.Open(context.Background(), path)
			if err != nil {
				b.Fatal(err)
			}
			return st, path
		},
	}
	if dsn := os.Getenv("APTWATCH_BENCH_POSTGRES"); dsn != "" {
		out["postgres"] = func(b *testing.B) (store.Store, string) {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				b.Fatal(err)
			}
			return st, ""
		}
	}
	return out
}

// BenchmarkIngest ingests APTWATCH_BENCH_ARTICLES generated articles
// (default 10,000) into each backend (PostgreSQL when
// APTWATCH_BENCH_POSTGRES names an empty database), then times actor
// profiles and searches. It reports articles/s, bytes per article (SQLite)
// and query latency (median, p99).
func BenchmarkIngest(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("APTWATCH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	cat, err := catalog.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(recognize.New(cat))
	for name, open := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			for it := 0; it < b.N; it++ {
				st, path := open(b)
				in := &Ingester{Store: st, Extractor: x, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Progress: NoProgress{}}
				ctx := context.Background()
				var stats Stats
				start := time.Now()
				err := in.Run(ctx, &stats, func(add func(*store.Document) error) error {
					for i := 0; i < n; i++ {
						if err := add(&store.Document{ExternalID: fmt.Sprintf("b%06d", i), Raw: genArticle(i)}); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				el := time.Since(start)
				b.ReportMetric(float64(n)/el.Seconds(), "articles/s")
				if stats.Analysed != n {
					b.Fatalf("%d analysed of %d: %s", stats.Analysed, n, stats)
				}
				// Distinct articles: near-duplicates would be merged and make
				// the figures flatter the store.
				if r, err := st.Check(ctx); err == nil {
					b.ReportMetric(float64(r.Articles), "articles")
				}
				if path != "" {
					size := int64(0)
					for _, f := range []string{path, path + "-wal"} {
						if fi, err := os.Stat(f); err == nil {
							size += fi.Size()
						}
					}
					b.ReportMetric(float64(size)/float64(n), "bytes/article")
				}
				reportQueries(b, st)
				st.Close()
			}
		})
	}
}

// BenchmarkQueries times actor profiles and searches on an existing
// knowledge base, APTWATCH_BENCH_QUERY_DB (a SQLite file or a PostgreSQL
// URL, e.g. one BenchmarkIngest filled), without ingesting anything.
func BenchmarkQueries(b *testing.B) {
	dsn := os.Getenv("APTWATCH_BENCH_QUERY_DB")
	if dsn == "" {
		b.Skip("APTWATCH_BENCH_QUERY_DB names no database to query")
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for it := 0; it < b.N; it++ {
		reportQueries(b, st)
	}
}

// benchActors and benchQueries are what reportQueries asks: actors of the
// generated corpus, and searches in four languages, from words nearly
// every article has to words few have.
var (
	benchActors  = []string{"actor:apt28", "actor:kimsuky", "actor:muddywater", "actor:apt41"}
	benchQueries = []string{"ministries phishing", "télécommunications", "bancos investigadores", "Behörden"}
)

// reportQueries reports the median and 99th percentile of 50 actor
// profiles and 100 searches, in milliseconds.
func reportQueries(b *testing.B, st store.Store) {
	ctx := context.Background()
	p50, p99 := latencies(b, func(i int) error {
		_, err := st.ActorProfile(ctx, benchActors[i%len(benchActors)])
		return err
	}, 50)
	b.ReportMetric(p50, "actor-ms-p50")
	b.ReportMetric(p99, "actor-ms-p99")
	p50, p99 = latencies(b, func(i int) error {
		_, err := st.Search(ctx, benchQueries[i%len(benchQueries)], 20)
		return err
	}, 100)
	b.ReportMetric(p50, "search-ms-p50")
	b.ReportMetric(p99, "search-ms-p99")
}

// latencies runs fn n times and returns the median and the 99th
// percentile in milliseconds (of 50 runs, the second slowest).
func latencies(b *testing.B, fn func(i int) error, n int) (p50, p99 float64) {
	ds := make([]float64, n)
	for i := range ds {
		t := time.Now()
		if err := fn(i); err != nil {
			b.Fatal(err)
		}
		ds[i] = float64(time.Since(t).Microseconds()) / 1000
	}
	sort.Float64s(ds)
	return ds[int(0.5*float64(n-1))], ds[int(0.99*float64(n-1))]
}

package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// storeTests is the one suite both backends must pass.
var storeTests = []struct {
	name string
	fn   func(t *testing.T, s *sqlStore)
}{
	{"DocumentsDedupByHash", testDocumentsDedup},
	{"Sources", testSources},
	{"SaveAnalysisReplaces", testSaveReplaces},
	{"SaveAnalysisErrors", testSaveErrors},
	{"NearDuplicateAttach", testNearDuplicate},
	{"NearDuplicateConcurrent", testNearDuplicateConcurrent},
	{"ExternalIDs", testExternalIDs},
	{"Actors", testActors},
	{"ActorProfile", testActorProfile},
	{"Articles", testArticles},
	{"Search", testSearch},
	{"SearchHostileInput", testSearchHostile},
	{"CheckHealthy", testCheckHealthy},
	{"CheckDamaged", testCheckDamaged},
	{"ForEachAndPending", testForEachAndPending},
	{"ConcurrentSaves", testConcurrentSaves},
	{"Close", testClose},
	{"SaveAnalysesBatch", testSaveAnalysesBatch},
	{"StoriesAndTimeline", testStoriesAndTimeline},
}

func TestStore(t *testing.T) {
	for _, backend := range testBackends {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			for _, tc := range storeTests {
				t.Run(tc.name, func(t *testing.T) {
					t.Parallel()
					tc.fn(t, openTestStore(t, backend))
				})
			}
		})
	}
}

func testDocumentsDedup(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	fetched := time.Date(2024, 3, 1, 12, 30, 15, 123456000, time.UTC)
	d := &Document{ExternalID: "x1", URL: "https://example.com/a", CanonicalURL: "https://example.com/a",
		ContentType: "text/html", Raw: []byte("<p>hello</p>"), FetchedAt: fetched, Published: "2024-02-29"}
	id, isNew, err := s.AddDocument(ctx, d)
	if err != nil || !isNew || id == 0 || d.ID != id {
		t.Fatalf("first add: id %d new %v err %v", id, isNew, err)
	}
	if sum := sha256.Sum256(d.Raw); d.ContentHash != hex.EncodeToString(sum[:]) {
		t.Fatalf("hash %q", d.ContentHash)
	}
	// The same bytes under another URL are the same document.
	again := &Document{URL: "https://mirror.example.org/a", Raw: []byte("<p>hello</p>")}
	id2, isNew, err := s.AddDocument(ctx, again)
	if err != nil || isNew || id2 != id {
		t.Fatalf("second add: id %d (want %d) new %v err %v", id2, id, isNew, err)
	}
	id3, isNew, err := s.AddDocument(ctx, &Document{Raw: []byte("<p>other</p>")})
	if err != nil || !isNew || id3 == id {
		t.Fatalf("third add: id %d new %v err %v", id3, isNew, err)
	}
	if _, _, err := s.AddDocument(ctx, &Document{Raw: []byte("x"), ContentHash: "00"}); err == nil {
		t.Fatal("a wrong content hash was accepted")
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.SourceID != 0 || got.ExternalID != "x1" || got.URL != d.URL || got.CanonicalURL != d.CanonicalURL ||
		got.ContentType != "text/html" || got.ContentHash != d.ContentHash || string(got.Raw) != "<p>hello</p>" ||
		!got.FetchedAt.Equal(fetched) || got.Published != "2024-02-29" {
		t.Fatalf("document round trip:\n got %+v\nwant %+v", got, d)
	}
	// A document with a source, and an empty one.
	src := &Source{URL: "https://example.com/feed"}
	if _, _, err := s.AddSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	id4, _, err := s.AddDocument(ctx, &Document{SourceID: src.ID, Raw: nil})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Document(ctx, id4); err != nil || got.SourceID != src.ID || len(got.Raw) != 0 || got.FetchedAt.IsZero() {
		t.Fatalf("document with source: %+v, %v", got, err)
	}
	if _, err := s.Document(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing document: %v", err)
	}
	for u, want := range map[string]bool{d.CanonicalURL: true, "https://example.com/b": false, "": false, "x\x00\xff": false} {
		if got, err := s.HasCanonicalURL(ctx, u); err != nil || got != want {
			t.Errorf("HasCanonicalURL(%q) = %v, %v; want %v", u, got, err, want)
		}
	}
}

func testSources(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	a := &Source{URL: "https://a.example/feed.xml", Title: "A", Language: "en"}
	id, isNew, err := s.AddSource(ctx, a)
	if err != nil || !isNew || a.ID != id || a.Added.IsZero() {
		t.Fatalf("add: %d %v %v", id, isNew, err)
	}
	if id2, isNew, err := s.AddSource(ctx, &Source{URL: a.URL}); err != nil || isNew || id2 != id {
		t.Fatalf("re-add: %d %v %v", id2, isNew, err)
	}
	b := &Source{URL: "https://b.example/rss", Language: "it"}
	if _, _, err := s.AddSource(ctx, b); err != nil {
		t.Fatal(err)
	}
	polled := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	a.ETag, a.LastModified, a.LastPolled, a.LastError, a.Errors = `"v1"`, "Thu, 02 Jan 2025 03:04:05 GMT", polled, "timeout", 2
	if err := s.UpdateSource(ctx, a); err != nil {
		t.Fatal(err)
	}
	list, err := s.Sources(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("sources: %v %v", list, err)
	}
	got := list[0]
	if got.ID != a.ID || got.URL != a.URL || got.Title != "A" || got.Language != "en" || got.ETag != `"v1"` ||
		got.LastModified != a.LastModified || !got.LastPolled.Equal(polled) || got.LastError != "timeout" || got.Errors != 2 ||
		!got.Added.Equal(a.Added.Truncate(time.Microsecond)) && !got.Added.Equal(a.Added) {
		t.Fatalf("source round trip:\n got %+v\nwant %+v", got, *a)
	}
	if !list[1].LastPolled.IsZero() || list[1].URL != b.URL {
		t.Fatalf("second source: %+v", list[1])
	}
	if err := s.UpdateSource(ctx, &Source{ID: 999, URL: "https://x"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update missing source: %v", err)
	}
}

// belgium is an analysis shaped like the seed articles.
func belgium(ext string) *Analysis {
	text := "Belgium says Chinese state-backed groups APT27 and APT31 attacked the FPS Interior, " +
		"and that UNSC 2814, also known as GALLIUM or Softcell, attacked Belgian Defence using PingPull. " +
		"APT27 earlier exploited ProxyLogon (CVE-2021-26855). China denies it."
	a := art(ext, "Belgium blames China-linked APT groups", text, "en", "2022-07-19", 0xA5A5_0F0F_1234_5678,
		apt27, apt31, gallium, pingpull, proxylog)
	a.Countries = []CountryRole{{"BE", "victim"}, {"CN", "sponsor"}, {"BE", "attributor"}}
	a.Sectors = []string{"sector:government", "sector:defense"}
	a.CVEs = []string{"CVE-2021-26855"}
	a.Indicators = []Indicator{{"domain", "evil.example.com"}, {"ipv4", "203.0.113.7"}}
	first := strings.Index(text, ".") + 1
	a.Claims = []Claim{
		{Seq: 0, Type: "attribution", Subject: Party{"actor", "actor:apt27", "APT27"}, Object: Party{"organisation", "", "FPS Interior"},
			Attributor: Party{"state", "country:BE", "Belgium"}, Hedge: "asserted", Start: 0, End: first, Evidence: text[:first], Language: "en"},
		{Seq: 1, Type: "denial", Subject: Party{"state", "country:CN", "China"}, Attributor: Party{"state", "country:CN", "China"},
			Hedge: "asserted", Denies: []int{0}, Start: strings.Index(text, "China denies"), End: len(text), Evidence: "China denies it.", Language: "en"},
	}
	a.StoryFeatures = []byte(`{"ID":"` + ext + `"}`)
	return a
}

// derivedCounts counts the rows of every derived table.
func derivedCounts(t *testing.T, s *sqlStore) map[string]int {
	out := map[string]int{}
	for _, table := range append([]string{"articles", "article_documents"}, derivedTables...) {
		out[table] = count(t, s, table, "")
	}
	return out
}

func testSaveReplaces(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	doc := f.doc("https://securityaffairs.com/belgium", day0)
	id := f.save(doc, belgium("be-1"))
	want := map[string]int{"articles": 1, "article_documents": 1, "article_entities": 5, "mentions": 8,
		"article_countries": 3, "article_sectors": 2, "article_cves": 1, "indicators": 2, "claims": 2}
	if got := derivedCounts(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("rows after first save:\n got %v\nwant %v", got, want)
	}
	// Reprocessing twice gives the same rows and keeps the article's id.
	for i := 0; i < 2; i++ {
		if again := f.save(doc, belgium("be-1")); again != id {
			t.Fatalf("reprocess %d: article %d, want %d", i, again, id)
		}
		if got := derivedCounts(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows after reprocess %d:\n got %v\nwant %v", i, got, want)
		}
	}
	if hits, err := s.Search(f.ctx, "Belgium", 10); err != nil || len(hits) != 1 {
		t.Fatalf("search after reprocess: %v %v", hits, err)
	}
	// A better extractor finds less: the old rows go.
	a := art("be-1", "Belgium blames China", "APT31 attacked the FPS Interior of Belgium.", "en", "2022-07-19", 0x1111, apt31)
	if again := f.save(doc, a); again != id {
		t.Fatalf("new analysis: article %d, want %d", again, id)
	}
	want = map[string]int{"articles": 1, "article_documents": 1, "article_entities": 1, "mentions": 1,
		"article_countries": 0, "article_sectors": 0, "article_cves": 0, "indicators": 0, "claims": 0}
	if got := derivedCounts(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("rows after new analysis:\n got %v\nwant %v", got, want)
	}
	actors, err := s.Actors(f.ctx, ActorFilter{})
	if err != nil || !slices.Equal(actorIDs(actors), []string{"actor:apt31"}) {
		t.Fatalf("actors after new analysis: %v %v", actorIDs(actors), err)
	}
	if hits, _ := s.Search(f.ctx, "PingPull", 10); len(hits) != 0 {
		t.Fatalf("search still finds the old text: %v", hits)
	}
	if hits, _ := s.Search(f.ctx, "Interior", 10); len(hits) != 1 {
		t.Fatalf("search misses the new text: %v", hits)
	}
}

func testSaveErrors(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	if _, err := s.SaveAnalysis(f.ctx, 12345, belgium("")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown document: %v", err)
	}
	doc := f.doc("https://example.com/x", day0)
	bad := belgium("")
	bad.Mentions = append(bad.Mentions, Mention{EntityID: "actor:apt27", Text: "APT27", Start: 10, End: 100000})
	if _, err := s.SaveAnalysis(f.ctx, doc, bad); err == nil {
		t.Fatal("a mention outside the text was accepted")
	}
	if _, err := s.SaveAnalysis(f.ctx, doc, nil); err == nil {
		t.Fatal("a nil analysis was accepted")
	}
	// Nothing was stored: the document is still pending.
	if n := count(t, s, "articles", ""); n != 0 {
		t.Fatalf("%d articles after failed saves", n)
	}
	// Text that PostgreSQL would refuse is stored with its offsets intact.
	text := "APT27\x00 hit \xff\xfe targets; APT27 again"
	a := art("", "bad\x00bytes", text, "en", "", 0x42, apt27)
	id := f.save(doc, a)
	var stored string
	if err := s.queryRow(f.ctx, s.r, `SELECT text FROM articles WHERE id = ?`, id).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(text) || stored[:5] != "APT27" {
		t.Fatalf("cleaned text %q", stored)
	}
	if r, err := s.Check(f.ctx); err != nil || !r.OK() {
		t.Fatalf("check: %+v %v", r, err)
	}
}

func testNearDuplicate(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	d1 := f.doc("https://www.securityaffairs.com/belgium", day0)
	d2 := f.doc("https://syndicated.example.net/copy", day0.Add(time.Hour))
	d3 := f.doc("https://other.example.org/story", day0.Add(2*time.Hour))
	d4 := f.doc("https://empty.example.org/", day0)

	a1 := f.save(d1, belgium("orig"))
	copy2 := belgium("copy")
	copy2.Article.Fingerprint = belgium("").Article.Fingerprint ^ (1<<2 | 1<<16 | 1<<31) // 3 bits away
	if got := f.save(d2, copy2); got != a1 {
		t.Fatalf("copy within 3 bits: article %d, want %d", got, a1)
	}
	far := belgium("far")
	far.Article.Fingerprint = belgium("").Article.Fingerprint ^ 0b1111 // 4 bits away
	a3 := f.save(d3, far)
	if a3 == a1 {
		t.Fatal("an article 4 bits away was taken for a copy")
	}
	empty := &Analysis{Article: Article{Fingerprint: belgium("").Article.Fingerprint}}
	if a4 := f.save(d4, empty); a4 == a1 || a4 == a3 {
		t.Fatal("an empty text was taken for a copy")
	}
	// The copy's analysis is not stored: the article is the first one's.
	if n := count(t, s, "articles", ""); n != 3 {
		t.Fatalf("%d articles, want 3", n)
	}
	list, err := s.Articles(f.ctx, ArticleFilter{EntityID: "actor:apt27"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "far" && list[1].ID != "far" {
		t.Fatalf("articles: %+v", list)
	}
	for _, a := range list {
		if a.ID == "orig" && !slices.Equal(a.Sources, []string{"securityaffairs.com", "syndicated.example.net"}) {
			t.Fatalf("sources of the syndicated article: %v", a.Sources)
		}
	}
	// Reprocessing the copy keeps it attached; reprocessing the first
	// document updates the article in place, copies included.
	if got := f.save(d2, copy2); got != a1 {
		t.Fatalf("reprocessed copy: article %d, want %d", got, a1)
	}
	changed := belgium("orig")
	changed.Article.Title = "Belgium: China-linked APTs hit ministries"
	if got := f.save(d1, changed); got != a1 {
		t.Fatalf("reprocessed original: article %d, want %d", got, a1)
	}
	if n := count(t, s, "article_documents", "article_id = ?", a1); n != 2 {
		t.Fatalf("article carried by %d documents, want 2", n)
	}
	if n := count(t, s, "articles", "title = ?", changed.Article.Title); n != 1 {
		t.Fatal("the article was not updated in place")
	}
	// A document that had its own article and now reads as a copy is
	// merged into the existing article, its own one deleted.
	near := belgium("far")
	near.Article.Fingerprint = belgium("").Article.Fingerprint ^ 1
	if got := f.save(d3, near); got != a1 {
		t.Fatalf("reprocessed near copy: article %d, want %d", got, a1)
	}
	if n := count(t, s, "articles", "id = ?", a3); n != 0 {
		t.Fatal("the merged document's old article remains")
	}
	if n := count(t, s, "mentions", "article_id = ?", a3); n != 0 {
		t.Fatal("the merged document's old mentions remain")
	}
	if r, err := s.Check(f.ctx); err != nil || !r.OK() || len(r.DocumentsPending) != 0 {
		t.Fatalf("check: %+v %v", r, err)
	}
}

// Copies saved at the same moment still end as one article.
func testNearDuplicateConcurrent(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	const n = 8
	docs := make([]int64, n)
	for i := range docs {
		docs[i] = f.doc(fmt.Sprintf("https://outlet%d.example/story", i), day0)
	}
	ids := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := belgium("")
			a.Article.Fingerprint ^= 1 << (i % 3) // 1 or 2 bits apart from each other
			ids[i], errs[i] = s.SaveAnalysis(context.Background(), docs[i], a)
		}()
	}
	wg.Wait()
	for i := range ids {
		if errs[i] != nil {
			t.Fatalf("save %d: %v", i, errs[i])
		}
		if ids[i] != ids[0] {
			t.Fatalf("copies saved at once made several articles: %v", ids)
		}
	}
}

func testExternalIDs(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	d1 := f.doc("https://a.example/1", day0)
	d2 := f.doc("https://b.example/2", day0)
	d3 := f.doc("https://c.example/3", day0)
	a1 := f.save(d1, art("gold-1", "One", "first text about APT27", "en", "2022-01-01", 0x1, apt27))
	a2 := f.save(d2, art("gold-1", "Two", "second text about APT31", "en", "2022-01-02", 0xFFFF_0000_FFFF_0000, apt31))
	a3 := f.save(d3, art("", "Three", "third text about GALLIUM", "en", "2022-01-03", 0x0F0F_F0F0_0F0F_F0F0, gallium))
	list, err := s.Articles(f.ctx, ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("a%d", a3), fmt.Sprintf("a%d", a2), "gold-1"}
	if !slices.Equal(summaryIDs(list), want) {
		t.Fatalf("external ids %v, want %v (articles %d %d %d)", summaryIDs(list), want, a1, a2, a3)
	}
	// Reprocessing keeps them; the first holder keeps its id.
	f.save(d2, art("gold-1", "Two", "second text about APT31", "en", "2022-01-02", 0xFFFF_0000_FFFF_0000, apt31))
	f.save(d1, art("gold-1", "One", "first text about APT27", "en", "2022-01-01", 0x1, apt27))
	list, _ = s.Articles(f.ctx, ArticleFilter{})
	if !slices.Equal(summaryIDs(list), want) {
		t.Fatalf("external ids after reprocessing %v, want %v", summaryIDs(list), want)
	}
}

// corpus saves a small knowledge base for the question tests:
//
//	be-1  2022-07-19  APT27 APT31 GALLIUM  BE victim, CN sponsor, government+defense
//	it-1  2022-07-20  (Italian copy text) GALLIUM Softcell  BE victim, CN sponsor
//	us-1  2023-01-10  APT27 Mimikatz       US victim, CN sponsor, healthcare
//	lb-1  (fetched 2024-05-02) LockBit     IT victim, healthcare
func corpus(t *testing.T, s *sqlStore) *fixture {
	f := newFixture(t, s)
	f.save(f.doc("https://securityaffairs.com/be", day0), belgium("be-1"))

	it := art("it-1", "Il Belgio accusa la Cina",
		"Il Belgio ha rilevato attività informatiche dannose: GALLIUM, noto anche come Softcell, ha preso di mira la Difesa. Sicurezza nazionale.",
		"it", "2022-07-20", 0x0123_4567_89AB_CDEF, gallium)
	it.Countries = []CountryRole{{"be", "victim"}, {"CN", "sponsor"}}
	it.Sectors = []string{"sector:defense"}
	f.save(f.doc("https://www.redhotcyber.com/be", day0), it)

	us := art("us-1", "APT27 returns with Mimikatz",
		"APT27 attacked hospitals in the United States with Mimikatz and exploited ProxyLogon again. The attacks continue.",
		"en", "2023-01-10", 0x7777_0000_3333_1111, apt27, mimikatz, proxylog)
	us.Countries = []CountryRole{{"US", "victim"}, {"CN", "sponsor"}}
	us.Sectors = []string{"sector:healthcare"}
	us.CVEs = []string{"cve-2021-26855", "CVE-2021-34473"}
	f.save(f.doc("https://therecord.media/apt27", day0), us)

	lb := art("lb-1", "LockBit hits an Italian hospital",
		"La banda LockBit ha colpito un ospedale italiano. Sécurité des données compromise, dit la belgique.",
		"it", "", 0x5555_AAAA_5555_AAAA, lockbit)
	lb.Countries = []CountryRole{{"IT", "victim"}}
	lb.Sectors = []string{"sector:healthcare"}
	f.save(f.doc("https://www.lemagit.fr/lockbit", time.Date(2024, 5, 2, 23, 59, 0, 0, time.UTC)), lb)
	return f
}

func testActors(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	all, err := s.Actors(f.ctx, ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []ActorSummary{
		{EntityID: "actor:apt27", Name: "APT27", Kind: "apt", AttackID: "G0027", Sponsor: "CN", Articles: 2, LastSeen: "2023-01-10"},
		{EntityID: "actor:gallium", Name: "GALLIUM", Kind: "apt", AttackID: "G0093", Sponsor: "CN", Articles: 2, LastSeen: "2022-07-20"},
		{EntityID: "actor:lockbit", Name: "LockBit", Kind: "ransomware", Articles: 1, LastSeen: "2024-05-02"},
		{EntityID: "actor:apt31", Name: "APT31", Kind: "apt", AttackID: "G0128", Sponsor: "CN", Articles: 1, LastSeen: "2022-07-19"},
	}
	if fmt.Sprint(all) != fmt.Sprint(want) {
		t.Fatalf("actors:\n got %+v\nwant %+v", all, want)
	}
	cases := []struct {
		f    ActorFilter
		want []string
	}{
		{ActorFilter{Limit: 2}, []string{"actor:apt27", "actor:gallium"}},
		{ActorFilter{Since: "2022-07-20"}, []string{"actor:lockbit", "actor:apt27", "actor:gallium"}},
		{ActorFilter{Since: "2024-05-02"}, []string{"actor:lockbit"}},
		{ActorFilter{Since: "2030-01-01"}, nil},
		{ActorFilter{Country: "BE"}, []string{"actor:gallium", "actor:apt27", "actor:apt31"}},
		{ActorFilter{Country: "us"}, []string{"actor:apt27"}},
		{ActorFilter{Country: "CN"}, nil}, // a sponsor, never a victim
		{ActorFilter{Sector: "sector:healthcare"}, []string{"actor:lockbit", "actor:apt27"}},
		{ActorFilter{Sector: "sector:defense", Country: "BE", Since: "2022-07-20"}, []string{"actor:gallium"}},
	}
	for _, c := range cases {
		got, err := s.Actors(f.ctx, c.f)
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		if !slices.Equal(actorIDs(got), c.want) {
			t.Errorf("%+v: got %v, want %v", c.f, actorIDs(got), c.want)
		}
	}
}

func testActorProfile(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	p, err := s.ActorProfile(f.ctx, "actor:gallium")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "GALLIUM" || p.Kind != "apt" || p.AttackID != "G0093" || p.ActorSummary.Articles != 2 || p.LastSeen != "2022-07-20" {
		t.Fatalf("summary %+v", p.ActorSummary)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
		}
	}
	check("names", p.NamesSeen, []NameCount{{"GALLIUM", 2}, {"Softcell", 2}, {"UNSC 2814", 1}})
	check("sponsors", p.Sponsors, []CodeCount{{"CN", 2}})
	check("victims", p.Victims, []CodeCount{{"BE", 2}})
	check("sectors", p.Sectors, []NameCount{{"sector:defense", 2}, {"sector:government", 1}})
	check("malware", p.Malware, []EntityCount{{"malware:pingpull", "PingPull", "malware", 1}})
	check("vulns", p.Vulns, []EntityCount{{"CVE-2021-26855", "CVE-2021-26855", "cve", 1}, {"vuln:proxylogon", "ProxyLogon", "vulnerability", 1}})
	check("articles", summaryIDs(p.Articles), []string{"be-1", "it-1"})
	check("sources", p.Articles[1].Sources, []string{"redhotcyber.com"})

	p, err = s.ActorProfile(f.ctx, "actor:apt27")
	if err != nil {
		t.Fatal(err)
	}
	check("apt27 malware", p.Malware, []EntityCount{{"malware:pingpull", "PingPull", "malware", 1}, {"tool:mimikatz", "Mimikatz", "tool", 1}})
	check("apt27 vulns", p.Vulns, []EntityCount{
		{"CVE-2021-26855", "CVE-2021-26855", "cve", 2}, {"vuln:proxylogon", "ProxyLogon", "vulnerability", 2}, {"CVE-2021-34473", "CVE-2021-34473", "cve", 1}})
	check("apt27 victims", p.Victims, []CodeCount{{"BE", 1}, {"US", 1}})
	check("apt27 articles", summaryIDs(p.Articles), []string{"be-1", "us-1"})

	if _, err := s.ActorProfile(f.ctx, "actor:nobody"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown actor: %v", err)
	}
}

func testArticles(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	cases := []struct {
		f    ArticleFilter
		want []string
	}{
		{ArticleFilter{}, []string{"lb-1", "us-1", "it-1", "be-1"}},
		{ArticleFilter{Limit: 2}, []string{"lb-1", "us-1"}},
		{ArticleFilter{EntityID: "actor:gallium"}, []string{"it-1", "be-1"}},
		{ArticleFilter{EntityID: "tool:mimikatz"}, []string{"us-1"}},
		{ArticleFilter{EntityID: "actor:apt27", Since: "2022-07-20"}, []string{"us-1"}},
		{ArticleFilter{Since: "2023-01-10", Limit: 1}, []string{"lb-1"}},
		{ArticleFilter{EntityID: "actor:nobody"}, nil},
	}
	for _, c := range cases {
		got, err := s.Articles(f.ctx, c.f)
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		if !slices.Equal(summaryIDs(got), c.want) {
			t.Errorf("%+v: got %v, want %v", c.f, summaryIDs(got), c.want)
		}
	}
	list, _ := s.Articles(f.ctx, ArticleFilter{Limit: 1})
	want := ArticleSummary{ID: "lb-1", Title: "LockBit hits an Italian hospital", Language: "it", Sources: []string{"lemagit.fr"}}
	if fmt.Sprint(list[0]) != fmt.Sprint(want) {
		t.Fatalf("summary:\n got %+v\nwant %+v", list[0], want)
	}
}

func testSearch(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	cases := []struct {
		q    string
		want []string // any order
	}{
		{"Belgium", []string{"be-1"}},
		{"Belgique", []string{"lb-1"}}, // written "belgique"
		{"belgique OR belgio", []string{"it-1", "lb-1"}},
		{"BELGIO", []string{"it-1"}},
		{"sécurité", []string{"lb-1"}}, // Italian "Sicurezza" is another word
		{"securite", []string{"lb-1"}},
		{"attivita", []string{"it-1"}}, // written "attività"
		{"attacks", []string{"be-1", "us-1"}},
		{"attack", []string{"be-1", "us-1"}}, // "attacked" (be-1), "attacks" (us-1)
		{"hospital", []string{"lb-1", "us-1"}},
		{`"FPS Interior"`, []string{"be-1"}},
		{`"Interior FPS"`, nil},
		{"APT27 Mimikatz", []string{"us-1"}},
		{"APT27 -Mimikatz", []string{"be-1"}},
		{"Mimikatz OR LockBit", []string{"lb-1", "us-1"}},
		{"CVE-2021-26855", []string{"be-1"}},
		{"nothing-like-this", nil},
	}
	for _, c := range cases {
		hits, err := s.Search(f.ctx, c.q, 10)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		got := hitIDs(hits)
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", c.q, got, want)
		}
	}
	hits, err := s.Search(f.ctx, "Mimikatz", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("snippet search: %v %v", hits, err)
	}
	h := hits[0]
	if !strings.Contains(h.Snippet, snippetOpen+"Mimikatz"+snippetClose) || h.Rank <= 0 || h.Title == "" || len(h.Sources) != 1 {
		t.Fatalf("hit %+v", h)
	}
	// Title matches rank above text matches.
	hits, err = s.Search(f.ctx, "LockBit", 10)
	if err != nil || len(hits) != 1 || hits[0].ID != "lb-1" {
		t.Fatalf("title search: %+v %v", hits, err)
	}
	if hits, err := s.Search(f.ctx, "APT27 OR hospital", 1); err != nil || len(hits) != 1 {
		t.Fatalf("limit: %v %v", hits, err)
	}
}

func testSearchHostile(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	for _, q := range []string{
		`APT27 "`, `"`, `""`, `" "`, `-`, `--`, `-APT27`, `OR`, `APT27 OR`, `OR OR OR`, `AND`, `NOT`, `APT27 NOT`,
		`*`, `APT*`, `^APT27`, `title:APT27`, `(APT27`, `APT27)`, `NEAR(APT27 APT31)`, `{title}: x`, `'`, `';--`,
		`\`, `\"`, "\x00", "\xff\xfe", "APT27\x00x", "APT27\xffx", "\"APT27\x00\"", `&|!<->:*`, `a & b | !c`, `"unterminated phrase APT27`, `-"FPS Interior"`,
		strings.Repeat("APT27 ", 300), strings.Repeat(`"`, 101), "é", "\u0301", `🙂`, ``, `   `,
	} {
		if _, err := s.Search(f.ctx, q, 5); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
	hits, err := s.Search(f.ctx, `APT27 "`, 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf(`APT27 ": %v %v`, hitIDs(hits), err)
	}
	hits, err = s.Search(f.ctx, `"FPS Interior`, 10)
	if err != nil || !slices.Equal(hitIDs(hits), []string{"be-1"}) {
		t.Fatalf(`unterminated phrase: %v %v`, hitIDs(hits), err)
	}
}

func testCheckHealthy(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	pending := f.doc("https://example.com/pending", day0)
	r, err := s.Check(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := CheckReport{Documents: 5, Articles: 4, DocumentsPending: []int64{pending}}
	if fmt.Sprint(*r) != fmt.Sprint(want) || !r.OK() {
		t.Fatalf("check:\n got %+v\nwant %+v", *r, want)
	}
}

func testCheckDamaged(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	ctx := f.ctx
	var docID, artID, otherArt int64
	if err := s.queryRow(ctx, s.r, `SELECT document_id, id FROM articles WHERE external_id = 'be-1'`).Scan(&docID, &artID); err != nil {
		t.Fatal(err)
	}
	if err := s.queryRow(ctx, s.r, `SELECT id FROM articles WHERE external_id = 'us-1'`).Scan(&otherArt); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.exec(ctx, s.w, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`UPDATE documents SET raw = ? WHERE id = ?`, []byte("tampered"), docID)
	mustExec(`DELETE FROM article_documents WHERE article_id = ?`, otherArt)
	mustExec(`UPDATE mentions SET end_pos = end_pos + 100000 WHERE id IN (SELECT id FROM mentions WHERE article_id = ? ORDER BY id LIMIT 2)`, artID)
	r, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var otherDoc int64
	if err := s.queryRow(ctx, s.r, `SELECT document_id FROM articles WHERE id = ?`, otherArt).Scan(&otherDoc); err != nil {
		t.Fatal(err)
	}
	want := CheckReport{Documents: 4, Articles: 4, DocumentsNoBytes: []int64{docID}, DocumentsPending: []int64{otherDoc},
		ArticlesOrphaned: []int64{otherArt}, MentionsOutOfText: 2}
	if fmt.Sprint(*r) != fmt.Sprint(want) || r.OK() {
		t.Fatalf("check:\n got %+v\nwant %+v", *r, want)
	}
}

func testForEachAndPending(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	const n = 75 // more than two pages
	var ids []int64
	for i := 0; i < n; i++ {
		ids = append(ids, f.doc(fmt.Sprintf("https://example.com/%d", i), day0))
	}
	var seen []int64
	err := s.ForEachDocument(f.ctx, func(d *Document) error {
		if len(d.Raw) == 0 || d.URL == "" {
			t.Errorf("document %d without bytes or URL", d.ID)
		}
		seen = append(seen, d.ID)
		return nil
	})
	if err != nil || !slices.Equal(seen, ids) {
		t.Fatalf("ForEachDocument: %v, %d of %d", err, len(seen), n)
	}
	stop := errors.New("stop")
	calls := 0
	if err := s.ForEachDocument(f.ctx, func(*Document) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("error not returned: %v after %d calls", err, calls)
	}
	// Analyse every other document, then resume from the pending ones,
	// saving from inside the callback as ingestion does.
	for i := 0; i < n; i += 2 {
		f.save(ids[i], art("", "t", fmt.Sprintf("text %d", i), "en", "", uint64(i)*0x0101_0101_0101_0101+7, apt27))
	}
	var pending []int64
	err = s.PendingDocuments(f.ctx, func(d *Document) error {
		pending = append(pending, d.ID)
		_, err := s.SaveAnalysis(f.ctx, d.ID, art("", "t", "late text "+d.URL, "en", "", uint64(d.ID)<<40|uint64(d.ID), apt31))
		return err
	})
	if err != nil || len(pending) != n/2 {
		t.Fatalf("PendingDocuments: %v, %d pending", err, len(pending))
	}
	for _, id := range pending {
		if slices.Index(ids, id)%2 != 1 {
			t.Fatalf("document %d was pending", id)
		}
	}
	if err := s.PendingDocuments(f.ctx, func(d *Document) error { return fmt.Errorf("still pending: %d", d.ID) }); err != nil {
		t.Fatal(err)
	}
}

// Several goroutines saving at once: no "database is locked", nothing lost.
func testConcurrentSaves(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	const workers, each = 8, 12
	docs := make([]int64, workers*each)
	for i := range docs {
		docs[i] = f.doc(fmt.Sprintf("https://example.com/c%d", i), day0)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(docs))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				a := belgium("")
				a.Article.Fingerprint = uint64(i+1) * 0x9E37_79B9_7F4A_7C15 // far apart
				if _, err := s.SaveAnalysis(context.Background(), docs[i], a); err != nil {
					errs <- err
				}
				// Readers at the same time.
				if _, err := s.Actors(context.Background(), ActorFilter{Limit: 3}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, s, "articles", ""); n != len(docs) {
		t.Fatalf("%d articles, want %d", n, len(docs))
	}
}

func testClose(t *testing.T, s *sqlStore) {
	f := corpus(t, s)
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := s.Actors(f.ctx, ActorFilter{}); err == nil {
		t.Fatal("a closed store answered")
	}
}

// SQLite specifics: the file and its directory are created, WAL is on,
// and reopening an existing file migrates nothing twice.
func TestSQLiteOpen(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/deep/er/kb.db"
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s := st.(*sqlStore)
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q %v", mode, err)
	}
	var fk int
	if err := s.r.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign keys %d %v", fk, err)
	}
	f := newFixture(t, s)
	f.save(f.doc("https://example.com", day0), belgium("be-1"))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if list, err := st.Articles(ctx, ArticleFilter{}); err != nil || len(list) != 1 {
		t.Fatalf("after reopen: %v %v", list, err)
	}
	// The reader pool cannot write.
	if _, err := st.(*sqlStore).r.ExecContext(ctx, "DELETE FROM articles"); err == nil {
		t.Fatal("the read pool wrote")
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in, fts, web string
		phrases      bool
	}{
		{`APT27 APT31`, `("APT27" AND "APT31")`, `"APT27" "APT31"`, false},
		{`"FPS Interior" Belgium`, `(("FPS" AND "Interior") AND "Belgium")`, `"FPS Interior" "Belgium"`, true},
		{`APT27 "`, `("APT27")`, `"APT27"`, false},
		{`a OR b c`, `("a") OR ("b" AND "c")`, `"a" or "b" "c"`, false},
		{`x -y -"p q"`, `(("x") NOT "y")`, `"x" -"y" -"p q"`, true},
		{`-y`, ``, ``, false},
		{`CVE-2021-26855`, `(("CVE" AND "2021" AND "26855"))`, `"CVE-2021-26855"`, true},
		{`sécurité`, `("sécurité")`, `"securite"`, false},
		{`NEAR(a b) title:x *`, `(("NEAR" AND "a") AND "b" AND ("title" AND "x"))`, `"NEAR(a" "b)" "title:x"`, true},
		{`(or)`, `("or")`, `"(or)"`, false},
	}
	for _, c := range cases {
		q := parseQuery(c.in)
		if got, phrases := q.fts5(); got != c.fts || phrases != c.phrases {
			t.Errorf("%q fts5: got %s %v, want %s %v", c.in, got, phrases, c.fts, c.phrases)
		}
		if got := q.websearch(); got != c.web {
			t.Errorf("%q websearch: got %s, want %s", c.in, got, c.web)
		}
	}
}

// Two handles on one file, as when the CLI ingests while the server runs:
// opening at once migrates once, and writes from both wait for each other
// (busy_timeout, BEGIN IMMEDIATE) instead of failing.
func TestSQLiteTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/kb.db"
	stores := make([]Store, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = Open(ctx, path)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	const each = 30
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < each; j++ {
				d := &Document{Raw: []byte(fmt.Sprintf("handle %d doc %d", i, j))}
				if _, _, err := st.AddDocument(ctx, d); err != nil {
					t.Error(err)
					return
				}
				a := belgium("")
				a.Article.Fingerprint = uint64(i*each+j+1) * 0x9E37_79B9_7F4A_7C15
				if _, err := st.SaveAnalysis(ctx, d.ID, a); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if list, err := stores[0].Articles(ctx, ArticleFilter{}); err != nil || len(list) != 2*each {
		t.Fatalf("articles: %d, %v", len(list), err)
	}
}

package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/source"
	"github.com/aptwatch/aptwatch/internal/store"
)

var (
	extractorOnce sync.Once
	testExtractor *extract.Extractor
)

func newTestIngester(t *testing.T) (*Ingester, store.Store) {
	t.Helper()
	extractorOnce.Do(func() {
		cat, err := catalog.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		testExtractor = extract.New(recognize.New(cat))
	})
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Ingester{Store: st, Extractor: testExtractor, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Progress: NoProgress{}}, st
}

// feedServer serves feeds we wrote: a good one with full content and one
// with summaries only (whose pages it also serves), and every kind of bad
// feed: missing, failing, a billion-laughs bomb, endless, oversized, broken.
func feedServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	mux := http.NewServeMux()
	var pageFetches atomic.Int32
	item := func(i int, host, body string) string {
		return fmt.Sprintf(`<item><title>Report %d</title><link>%s/page/%d</link><guid>%s/page/%d</guid>
<pubDate>Mon, 0%d Mar 2025 10:00:00 GMT</pubDate>%s</item>`, i, host, i, host, i, i%9+1, body)
	}
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		host := "http://" + r.Host
		var items []string
		bodies := []string{
			"The phishing emails impersonated journalists and asked for interviews about nuclear policy. ",
			"Attackers registered lookalike domains of universities and harvested passwords from the login pages. ",
			"A malicious browser extension read the mail of diplomats and sent it to servers abroad every hour. ",
		}
		for i := 1; i <= 3; i++ {
			content := fmt.Sprintf(`<content:encoded><![CDATA[<p>Researchers said the Kimsuky group targeted think tanks in South Korea. %s</p>]]></content:encoded>`,
				strings.Repeat(bodies[i-1], 20))
			items = append(items, item(i, host, content))
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Good</title><language>en</language>%s</channel></rss>`, strings.Join(items, ""))
	})
	mux.HandleFunc("/summary.xml", func(w http.ResponseWriter, r *http.Request) {
		host := "http://" + r.Host
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>%s</channel></rss>`,
			item(7, host, `<description>Short summary.</description>`))
	})
	mux.HandleFunc("/page/7", func(w http.ResponseWriter, r *http.Request) {
		pageFetches.Add(1)
		fmt.Fprint(w, `<html><head><title>APT29 targets vaccine research</title></head><body><article><h1>APT29 targets vaccine research</h1>`+
			`<p>Britain said APT29, also known as Cozy Bear, targeted vaccine research in Canada and the United States. `+
			strings.Repeat("Officials described the campaign as persistent and well resourced. ", 20)+`</p></article></body></html>`)
	})
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">`+
			`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>`)
	})
	mux.HandleFunc("/endless.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>`)
		chunk := []byte(strings.Repeat("<item><title>x</title></item>", 1000))
		for i := 0; i < 100000; i++ { // ~2.9 GB if read to the end
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>`)
	})
	mux.HandleFunc("/latin1.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte{0xe9, 0xff, 0xfe}, 100))
	})
	mux.HandleFunc("/fail.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pageFetches
}

// TestPollBadFeeds: every bad feed gets a clear last error on its source,
// the good feeds are ingested, and a second poll uses conditional GET.
func TestPollBadFeeds(t *testing.T) {
	in, st := newTestIngester(t)
	srv, pageFetches := feedServer(t)
	ctx := context.Background()
	feeds := []string{"/good.xml", "/summary.xml", "/missing.xml", "/fail.xml", "/bomb.xml", "/endless.xml", "/broken.xml", "/latin1.xml", "http://127.0.0.1:1/unreachable.xml"}
	for _, f := range feeds {
		u := f
		if strings.HasPrefix(f, "/") {
			u = srv.URL + f
		}
		if _, _, err := st.AddSource(ctx, &store.Source{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	f := source.New(source.Options{AllowPrivate: true, PerHostDelay: -1, MaxBytes: 2 << 20, IgnoreRobots: true})
	ps, err := in.Poll(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("poll: %d feeds, %d failed; %s", ps.Feeds, ps.FeedErrors, ps.Stats)
	srcs, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		good := strings.HasSuffix(s.URL, "/good.xml") || strings.HasSuffix(s.URL, "/summary.xml")
		switch {
		case good && s.LastError != "":
			t.Errorf("%s: unexpected error %q", s.URL, s.LastError)
		case !good && s.LastError == "":
			t.Errorf("%s: no error recorded", s.URL)
		}
		t.Logf("%s: %q", s.URL, s.LastError)
	}
	if ps.Analysed != 4 {
		t.Errorf("%d articles analysed, want 4 (3 full items and 1 linked page)", ps.Analysed)
	}
	as, err := st.Actors(ctx, store.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, a := range as {
		got[a.EntityID] = a.Articles
	}
	if got["actor:kimsuky"] != 3 || got["actor:apt29"] != 1 {
		t.Errorf("actors after polling: %v", got)
	}
	ps2, err := in.Poll(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if ps2.NotModified < 1 || ps2.New != 0 {
		t.Errorf("second poll: %d not modified, %d new documents; want at least 1 and 0", ps2.NotModified, ps2.New)
	}
	// The summary feed has no validators, so it is read again, but its
	// item's page is stored already and is not fetched again.
	if n := pageFetches.Load(); n != 1 {
		t.Errorf("linked page fetched %d times over two polls, want 1", n)
	}
}

// TestReprocess derives everything again without fetching and keeps the
// same articles.
func TestReprocess(t *testing.T) {
	in, st := newTestIngester(t)
	ctx := context.Background()
	var s1 Stats
	err := in.Run(ctx, &s1, func(add func(*store.Document) error) error {
		for i, text := range []string{
			"The Lazarus Group stole cryptocurrency from exchanges in South Korea.",
			"APT28, also known as Fancy Bear, targeted the German parliament.",
		} {
			if err := add(&store.Document{ExternalID: fmt.Sprintf("r%d", i), Raw: []byte(text)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || s1.Analysed != 2 {
		t.Fatalf("ingest: %s, %v", s1, err)
	}
	before, _ := st.Stories(ctx, store.StoryFilter{})
	var s2 Stats
	if err := in.Reprocess(ctx, &s2); err != nil {
		t.Fatal(err)
	}
	if s2.Analysed != 2 || s2.Failed != 0 {
		t.Errorf("reprocess: %s", s2)
	}
	r, err := st.Check(ctx)
	if err != nil || !r.OK() || r.Articles != 2 || len(r.DocumentsPending) != 0 {
		t.Errorf("after reprocess: %+v, %v", r, err)
	}
	arts, _ := st.Articles(ctx, store.ArticleFilter{})
	ids := []string{}
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "r1,r0" && strings.Join(ids, ",") != "r0,r1" {
		t.Errorf("article ids after reprocess: %v", ids)
	}
	// Two unrelated events: two stories, rebuilt by reprocess.
	after, _ := st.Stories(ctx, store.StoryFilter{})
	if len(before) != 2 || len(after) != 2 {
		t.Errorf("stories before reprocess %+v, after %+v", before, after)
	}
}

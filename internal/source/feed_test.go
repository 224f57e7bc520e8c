package source

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFeedFormats(t *testing.T) {
	type want struct {
		GUID, URL, Title string
		Published        string // RFC 3339 UTC, "" for zero
		Full             bool
		ContentHas       string
	}
	tests := []struct {
		file, base, title, lang, typ string
		items                        []want
	}{
		{"rss2.xml", "https://news.example.com/feed/", "Example Security News", "en", "rss", []want{
			{"news-example-1001", "https://news.example.com/2022/07/19/belgium-apt31/?utm_source=rss&utm_medium=rss",
				"Belgium says Chinese APT groups breached its Interior ministry", "2022-07-19T07:30:00Z", true, "APT27, APT30 and APT31"},
			{"https://news.example.com/2022/07/12/patch-tuesday", "https://news.example.com/2022/07/12/patch-tuesday",
				"Patch Tuesday & the <Exchange> zero-day", "2022-07-12T18:00:00Z", false, "84 vulnerabilities"},
			{"https://news.example.com/2022/07/01/guid-only", "https://news.example.com/2022/07/01/guid-only",
				"Item with only a permalink guid", "2022-07-01T08:00:00Z", false, "Short teaser."},
		}},
		{"rss1.xml", "https://www.example.de/security/news.rdf", "Beispiel Security", "de", "rss", []want{
			{"https://www.example.de/security/meldung/1.html", "https://www.example.de/security/meldung/1.html",
				"Belgien wirft China Cyberangriffe vor", "2022-07-19T09:00:00Z", false, "APT27, APT30 und APT31"},
		}},
		{"rss091.xml", "http://ancien.example.fr/rss.xml", "Vieux flux", "fr", "rss", []want{
			{"http://ancien.example.fr/article/1", "http://ancien.example.fr/article/1",
				"Sécurité : un vieux flux", "", false, "DOCTYPE sans sous-ensemble"},
		}},
		{"atom.xml", "https://blog.example.it/feed.atom", "Sicurezza Informatica", "it", "atom", []want{
			{"tag:blog.example.it,2022:post-7", "https://blog.example.it/2022/07/belgio-cina",
				"Il Belgio accusa la Cina: APT27, APT30 e APT31", "2022-07-19T13:04:05Z", true, "contro il Ministero"},
			{"tag:blog.example.it,2022:post-8", "https://blog.example.it/2022/07/aggiornamento",
				"Solo aggiornamento", "2022-07-18T08:00:00Z", false, "Nessun contenuto"},
		}},
		{"feed.json", "https://seguridad.example.es/feed.json", "Ejemplo Seguridad", "es", "json", []want{
			{"https://seguridad.example.es/2021/07/kaseya-revil", "https://seguridad.example.es/2021/07/kaseya-revil",
				"REvil exige 70 millones tras el ataque a Kaseya", "2021-07-05T08:00:00Z", true, "Kaseya VSA"},
			{"42", "https://seguridad.example.es/2021/07/breve", "Breve", "2021-07-06T09:00:00Z", false, "Una nota breve."},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := ParseFeed(readTestdata(t, tc.file), tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.title || f.Language != tc.lang || f.Type != tc.typ {
				t.Errorf("feed = %q %q %q, want %q %q %q", f.Title, f.Language, f.Type, tc.title, tc.lang, tc.typ)
			}
			if len(f.Items) != len(tc.items) {
				t.Fatalf("%d items, want %d", len(f.Items), len(tc.items))
			}
			for i, w := range tc.items {
				it := f.Items[i]
				pub := ""
				if !it.Published.IsZero() {
					pub = it.Published.Format(time.RFC3339)
				}
				if it.GUID != w.GUID || it.URL != w.URL || it.Title != w.Title || pub != w.Published || it.HasFullContent != w.Full {
					t.Errorf("item %d = {%q %q %q %q full=%v}\n want {%q %q %q %q full=%v}", i,
						it.GUID, it.URL, it.Title, pub, it.HasFullContent, w.GUID, w.URL, w.Title, w.Published, w.Full)
				}
				if !strings.Contains(it.Content, w.ContentHas) {
					t.Errorf("item %d content %q lacks %q", i, it.Content, w.ContentHas)
				}
			}
		})
	}
}

// A long description with no content:encoded is full content; a short one
// is a teaser.
func TestParseFeedFullContentByLength(t *testing.T) {
	long := strings.Repeat("APT31 attacked the ministry. ", 60) // ~1700 characters
	feed := `<rss version="2.0"><channel><title>x</title>
<item><title>long</title><link>https://e.example/1</link><description><![CDATA[<p>` + long + `</p>]]></description></item>
<item><title>markup only</title><link>https://e.example/2</link><description><![CDATA[<p>short</p>` + strings.Repeat(`<img src="x.png">`, 200) + `]]></description></item>
</channel></rss>`
	f, err := ParseFeed([]byte(feed), "")
	if err != nil {
		t.Fatal(err)
	}
	if !f.Items[0].HasFullContent || f.Items[1].HasFullContent {
		t.Errorf("HasFullContent = %v, %v; want true, false", f.Items[0].HasFullContent, f.Items[1].HasFullContent)
	}
}

func TestParseFeedHostile(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"billion laughs", readTestdata(t, "bomb.xml"), ErrHostile},
		{"entity after prolog", readTestdata(t, "xxe.xml"), ErrHostile},
		{"external entity in subset", []byte(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://169.254.169.254/">]><rss version="2.0"><channel><title>&x;</title></channel></rss>`), ErrHostile},
		{"lower-case doctype subset", []byte(`<!doctype rss [ ]><rss/>`), ErrHostile},
		{"broken xml", readTestdata(t, "broken.xml"), ErrMalformed},
		{"html page", readTestdata(t, "page.html"), ErrNotFeed},
		{"empty", nil, ErrNotFeed},
		{"garbage", []byte("\x00\x01\x02 not a feed"), ErrNotFeed},
		{"broken json", []byte(`{"version": "https://jsonfeed.org/version/1", "items": [`), ErrMalformed},
		{"too large", make([]byte, MaxFeedBytes+1), ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFeed(tc.data, "https://e.example/feed")
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseFeed = %v, %v; want %v", f, err, tc.want)
			}
		})
	}
}

// The billion laughs must be refused fast and without memory growth: the
// check is one scan of 1 KB.
func TestParseFeedBombIsCheap(t *testing.T) {
	data := readTestdata(t, "bomb.xml")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	for range 100 {
		if _, err := ParseFeed(data, ""); !errors.Is(err, ErrHostile) {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("100 refusals allocated %d bytes", alloc)
	}
	if elapsed > time.Second {
		t.Errorf("100 refusals took %s", elapsed)
	}
}

func TestCheckXMLSkipsCommentsAndCDATA(t *testing.T) {
	ok := []string{
		`<rss><!-- <!ENTITY a "b"> --><channel/></rss>`,
		`<rss><channel><description><![CDATA[<!DOCTYPE x [<!ENTITY y "z">]>]]></description></channel></rss>`,
		`<?xml version="1.0"?><?xml-stylesheet href="<!ENTITY"?><rss/>`,
		`<!DOCTYPE rss SYSTEM "a[b].dtd"><rss/>`, // '[' quoted: no subset
		`<rss><title>a &lt;!ENTITY escaped</title></rss>`,
	}
	for _, s := range ok {
		if err := checkXML([]byte(s)); err != nil {
			t.Errorf("checkXML(%q) = %v", s, err)
		}
	}
}

package article

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// These tests measure the cleaner on the project's shared, annotated
// material (../shared): the two seed pages and the 51 dev excerpts.
//
//	KEEP  every gold mention (actors' surface forms, malware, CVEs) present
//	      in the raw text is still in Article.Text;
//	DROP  the furniture the annotators point at (boilerplate mentions,
//	      related-article headlines, teasers, 'Read More:' lines, feed
//	      footers) is gone from Article.Text;
//	DATE  Article.Published equals the annotated date where there is one
//	      (and is "" where the annotation says the text has none).
//
// Run with -v to see the figures; set APTWATCH_DUMP=1 to print every
// cleaned text and the lines removed, with the rule that removed them.

type goldDoc struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Lang      string  `json:"lang"`
	Published *string `json:"published"`
	Text      string  `json:"text"`
	Notes     string  `json:"notes"`
	Gold      struct {
		Actors []struct {
			Name     string   `json:"name"`
			Mentions []string `json:"mentions"`
		} `json:"actors"`
		Malware []string `json:"malware"`
		CVEs    []string `json:"cves"`
	} `json:"gold"`
	raw []byte // the bytes given to Parse
}

func (d *goldDoc) mentions() []string {
	var out []string
	for _, a := range d.Gold.Actors {
		out = append(out, a.Mentions...)
	}
	out = append(out, d.Gold.Malware...)
	out = append(out, d.Gold.CVEs...)
	return out
}

// sharedDir finds ../shared: $APTWATCH_SHARED, else three levels up from
// this package (internal/article -> repo -> its parent).
func sharedDir(t testing.TB) string {
	dir := os.Getenv("APTWATCH_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "articles", "dev.jsonl")); err != nil {
		sharedtest.Missing(t, dir, err)
	}
	return dir
}

func readJSONL(t testing.TB, path string) []*goldDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var docs []*goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d.raw = []byte(d.Text)
		docs = append(docs, &d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return docs
}

// loadShared returns the seeds (raw bytes from seeds/*.txt, gold from
// seeds/gold.jsonl) followed by the dev excerpts.
func loadShared(t testing.TB) []*goldDoc {
	dir := sharedDir(t)
	seeds := readJSONL(t, filepath.Join(dir, "seeds", "gold.jsonl"))
	for _, d := range seeds {
		raw, err := os.ReadFile(filepath.Join(dir, "seeds", d.ID+".txt"))
		if err == nil {
			d.raw = raw
			d.Text = string(raw)
		}
	}
	return append(seeds, readJSONL(t, filepath.Join(dir, "articles", "dev.jsonl"))...)
}

func parseGold(t testing.TB, d *goldDoc) *Article {
	a, err := Parse(d.raw, Options{URL: d.URL})
	if err != nil {
		t.Fatalf("%s: Parse: %v", d.ID, err)
	}
	if os.Getenv("APTWATCH_DUMP") != "" {
		text, _ := decode(d.raw, "")
		c := classify(text, classifyOptions{findTitle: true, banner: true})
		var b strings.Builder
		for _, l := range c.dropped {
			b.WriteString("  - [" + l.why + "] " + l.text + "\n")
		}
		t.Logf("==== %s title=%q published=%q author=%q\n%s\n---- dropped:\n%s", d.ID, a.Title, a.Published, a.Author, a.Text, b.String())
	}
	return a
}

func TestSharedKeep(t *testing.T) {
	docs := loadShared(t)
	total, kept := 0, 0
	for _, d := range docs {
		a := parseGold(t, d)
		for _, m := range d.mentions() {
			if !strings.Contains(d.Text, m) {
				continue // not in the excerpt (e.g. only in the URL)
			}
			total++
			// Text has ordinary spaces where the page had no-break spaces.
			if strings.Contains(a.Text, nbsp.Replace(m)) {
				kept++
			} else {
				t.Errorf("KEEP %s: gold mention %q lost", d.ID, m)
			}
		}
	}
	t.Logf("KEEP recall: %d/%d gold mentions kept (%.1f%%) over %d documents", kept, total, pct(kept, total), len(docs))
}

// dropCases lists furniture that must be gone. "notes" entries come from
// the annotators' notes (boilerplate mentions, related headlines,
// teasers, 'Read More:' lines, feed footers); "brief" entries are other
// furniture of the kinds the cleaner is specified to remove.
var dropCases = []struct {
	id, source string
	gone       []string
}{
	{"000_508ed627849db09a", "notes", []string{"CRYPTO24", "ShinyHunters", "Generali", "RansomFeed", "Great Firewall", "ChatControl"}},
	{"000_508ed627849db09a", "brief", []string{"La cybersecurity è condivisione", "\nCerca", "Corso Prompt Engineering", "Prompt Engineering & Sicurezza", "Contattaci", "Supporta RHC", "Seguendo RHC su Telegram", "iscriviti immediatamente alla newsletter", "La redazione di Red Hot Cyber", "Lista degli articoli", "Articoli in evidenza", "Di Redazione RHC"}},
	{"001_0adfbe2469141986", "notes", []string{"Follow me on Twitter", "If you like the site", "Original Source"}},
	{"001_0adfbe2469141986", "brief", []string{"appeared first on", "(SecurityAffairs – hacking, China)", "Pierluigi Paganini"}},
	{"d006", "notes", []string{"fireeye-apt41\n"}},
	{"d010", "notes", []string{"Read More:", "cyberscoop.com/alert"}},
	{"d031", "notes", []string{"COLONIAL PIPELINE CYBERATTACKER", "COLONIAL PIPELINE ATTACK: CLOCK TICKS FOR GAS SUPPLY"}},
	{"d037", "notes", []string{"North Korean Hackers Successfully Phished Cyber Researchers Using a Fake Blog", "successfully duped a number of security professionals", "\nRead more\n"}},
	{"d009", "brief", []string{"web analytics", "share close"}},
	{"d013", "brief", []string{"Your support helps us to tell the story", "Your donation allows us"}},
	{"d026", "brief", []string{"Skip to main content"}},
	{"d033", "brief", []string{"Skip to Main Content", "affiliate links"}},
	{"d039", "brief", []string{"Leave a Reply", "Your email address will not be published", "Clients Served"}},
	{"d046", "brief", []string{"Reader Comments"}},
}

func TestSharedDrop(t *testing.T) {
	byID := map[string]*goldDoc{}
	for _, d := range loadShared(t) {
		byID[d.ID] = d
	}
	counts := map[string][2]int{}
	for _, c := range dropCases {
		d := byID[c.id]
		if d == nil {
			t.Errorf("DROP: document %s not in the shared set", c.id)
			continue
		}
		a := parseGold(t, d)
		text := "\n" + a.Text + "\n"
		for _, s := range c.gone {
			n := counts[c.source]
			if !strings.Contains("\n"+nbsp.Replace(d.Text)+"\n", s) {
				t.Errorf("DROP %s: test string %q is not in the raw text", c.id, s)
				continue
			}
			n[0]++
			if strings.Contains(text, s) {
				t.Errorf("DROP %s (%s): furniture %q still in Text", c.id, c.source, s)
			} else {
				n[1]++
			}
			counts[c.source] = n
		}
	}
	for _, src := range []string{"notes", "brief"} {
		n := counts[src]
		t.Logf("DROP (%s): %d/%d furniture strings removed", src, n[1], n[0])
	}
}

func TestSharedPublished(t *testing.T) {
	docs := loadShared(t)
	withDate, right, spurious, nulls := 0, 0, 0, 0
	var wrong []string
	for _, d := range docs {
		a := parseGold(t, d)
		if d.Published == nil {
			nulls++
			if a.Published != "" {
				spurious++
				wrong = append(wrong, d.ID+": want none, got "+a.Published)
			}
			continue
		}
		withDate++
		if a.Published == *d.Published {
			right++
		} else {
			wrong = append(wrong, d.ID+": want "+*d.Published+", got "+a.Published)
		}
	}
	sort.Strings(wrong)
	for _, w := range wrong {
		t.Errorf("DATE %s", w)
	}
	t.Logf("DATE: %d/%d annotated dates right; %d/%d undated documents given a date", right, withDate, spurious, nulls)
}

var nbsp = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

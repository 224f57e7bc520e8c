package story

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// The two seed articles report one event (Belgium blames Chinese APTs,
// July 2022), one in Italian and dated, one in English and undated.
const seedIT, seedEN = "000_508ed627849db09a", "001_0adfbe2469141986"

var (
	devOnce  sync.Once
	devFeats []Features
	devGold  map[string]string // article -> gold story ("" for none)
	devErr   error
)

// devFeatures extracts the seeds and the dev articles once, in file order.
func devFeatures(t *testing.T) ([]Features, map[string]string) {
	t.Helper()
	seeds, dev := sharedtest.Path(t, "seeds/gold.jsonl"), sharedtest.Path(t, "articles/dev.jsonl")
	devOnce.Do(func() {
		cat, err := catalog.Builtin()
		if err != nil {
			devErr = err
			return
		}
		x := extract.New(recognize.New(cat))
		for _, in := range []string{seeds, dev} {
			extract.ReadInputs([]string{in}, nil, func(doc extract.Document, err error) {
				if err != nil {
					devErr = err
					return
				}
				r, err := x.Extract(doc, extract.Options{WithText: true})
				if err != nil {
					devErr = err
					return
				}
				devFeats = append(devFeats, FeaturesOf(r))
			})
		}
		devGold = map[string]string{}
		f, err := os.Open(dev)
		if err != nil {
			devErr = err
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var r struct {
				ID    string  `json:"id"`
				Story *string `json:"story"`
			}
			if json.Unmarshal(sc.Bytes(), &r) == nil && r.ID != "" {
				devGold[r.ID] = ""
				if r.Story != nil {
					devGold[r.ID] = *r.Story
				}
			}
		}
	})
	if devErr != nil {
		t.Fatal(devErr)
	}
	return devFeats, devGold
}

// cluster adds the articles in the given order.
func cluster(fs []Features) *Clusterer {
	c := NewClusterer()
	for _, f := range fs {
		c.Add(f)
	}
	return c
}

// pairScore is score.py's same-story pairwise precision and recall over
// the gold articles.
func pairScore(c *Clusterer, gold map[string]string) (p, r float64, tp, fp, fn int) {
	where := map[string]int{}
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			where[a.ID] = s.ID
		}
	}
	var ids []string
	for id := range gold {
		ids = append(ids, id)
	}
	for i, x := range ids {
		for _, y := range ids[i+1:] {
			sameGold := gold[x] != "" && gold[x] == gold[y]
			samePred := where[x] != 0 && where[x] == where[y]
			switch {
			case sameGold && samePred:
				tp++
			case samePred:
				fp++
			case sameGold:
				fn++
			}
		}
	}
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return
}

func sameStory(c *Clusterer, a, b string) bool {
	where := map[string]int{}
	for _, s := range c.Stories {
		for _, f := range s.Articles {
			where[f.ID] = s.ID
		}
	}
	return where[a] != 0 && where[a] == where[b]
}

// TestDevStories clusters the seeds and the dev articles in file order and
// scores the pairs with ../shared/tools/score.py --stories.
func TestDevStories(t *testing.T) {
	fs, gold := devFeatures(t)
	c := cluster(fs)
	type storyJSON struct {
		ID       int      `json:"id"`
		Title    string   `json:"title"`
		Articles []string `json:"articles"`
	}
	var out []storyJSON
	for _, s := range c.Stories {
		sj := storyJSON{ID: s.ID, Title: s.Label()}
		for _, a := range s.Articles {
			sj.Articles = append(sj.Articles, a.ID)
		}
		out = append(out, sj)
		if len(sj.Articles) > 1 {
			t.Logf("story %d: %v  %s", s.ID, sj.Articles, sj.Title)
		}
	}
	seeds := sameStory(c, seedIT, seedEN)
	t.Logf("seeds in one story: %v", seeds)
	if !seeds {
		t.Errorf("the two seed articles are not in one story")
	}
	p, r, tp, fp, fn := pairScore(c, gold)
	t.Logf("same-story pairs (Go): P=%.3f R=%.3f (tp=%d fp=%d fn=%d)", p, r, tp, fp, fn)

	dir := t.TempDir()
	storiesPath := filepath.Join(dir, "stories.json")
	data, _ := json.Marshal(out)
	if err := os.WriteFile(storiesPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// score.py needs predictions for the articles; stories are scored
	// from the stories file alone, so give it empty predictions.
	pred := filepath.Join(dir, "pred.jsonl")
	f, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for _, s := range out {
		for _, a := range s.Articles {
			enc.Encode(map[string]string{"id": a})
		}
	}
	f.Close()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	devPath := sharedtest.Path(t, "articles/dev.jsonl")
	raw, err := exec.Command(python, sharedtest.Path(t, "tools/score.py"), devPath, pred, "--stories", storiesPath, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Metrics map[string]struct {
			Precision, Recall, F1 float64
			TP, FP, FN            int
		} `json:"metrics"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	m := rep.Metrics["same_story_pairs"]
	t.Logf("same-story pairs (score.py): P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN)
	if m.Precision < minDevP || m.Recall < minDevR {
		t.Errorf("same-story pairs P=%.3f R=%.3f, want P >= %.3f and R >= %.3f", m.Precision, m.Recall, minDevP, minDevR)
	}
	if m.Precision < targetDevP || m.Recall < targetDevR {
		t.Logf("below target: P=%.3f R=%.3f, target P >= %.2f and R >= %.2f", m.Precision, m.Recall, targetDevP, targetDevR)
	}
}

// The target on the dev set in file order is P >= 0.95 and R >= 0.90.
// The clusterer reaches P 1.000 R 0.956 (tp=65 fp=0 fn=3): the one miss is
// an undated report of US Cyber Command's January 2022 statement that
// fits that story and the February 2022 advisory's equally, and stays
// alone. The test asserts what is reached less 0.02, so that regressions
// fail.
const (
	targetDevP, targetDevR = 0.95, 0.90
	minDevP, minDevR       = 0.98, 0.936
)

// TestDevStoriesOrders checks that the result does not hang on the order
// the articles arrive in: reversed, and three seeded shuffles.
func TestDevStoriesOrders(t *testing.T) {
	fs, gold := devFeatures(t)
	orders := map[string][]Features{}
	rev := make([]Features, len(fs))
	for i, f := range fs {
		rev[len(fs)-1-i] = f
	}
	orders["reverse"] = rev
	for _, seed := range []int64{1, 2, 3} {
		sh := append([]Features(nil), fs...)
		rand.New(rand.NewSource(seed)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		orders["shuffle-"+string(rune('0'+seed))] = sh
	}
	for _, name := range []string{"reverse", "shuffle-1", "shuffle-2", "shuffle-3"} {
		c := cluster(orders[name])
		p, r, tp, fp, fn := pairScore(c, gold)
		seeds := sameStory(c, seedIT, seedEN)
		t.Logf("%-9s P=%.3f R=%.3f (tp=%d fp=%d fn=%d) seeds together: %v", name, p, r, tp, fp, fn, seeds)
		if p < minOrderP || r < minOrderR || !seeds {
			t.Errorf("%s: P=%.3f R=%.3f seeds=%v, want P >= %.2f, R >= %.2f and the seeds together", name, p, r, seeds, minOrderP, minOrderR)
		}
	}
}

// Floors for other orders: what the clusterer reaches (reverse P 1.00
// R 1.00; shuffles P 0.884-1.00, R 0.897-0.956), less a margin. In the
// worst shuffle two undated reports of the February 2022 advisory arrive
// before its dated ones and join the January 2022 story of the same
// actor, whose words they share.
const minOrderP, minOrderR = 0.86, 0.87

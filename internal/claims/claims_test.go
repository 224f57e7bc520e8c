package claims

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/article"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// devArticle is one line of ../shared/articles/dev.jsonl (the fields used).
type devArticle struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	Gold struct {
		Attributions []goldAttribution `json:"attributions"`
	} `json:"gold"`
}

// extractText cleans raw page text as extract does, then analyses it and
// reads its claims.
func extractText(t testing.TB, raw, lang string) ([]Claim, string) {
	t.Helper()
	art, err := article.Parse([]byte(raw), article.Options{})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	a := testRecognizer(t).Analyze(art.Text)
	return Extract(a, lang), art.Text
}

// TestDevAttributions measures (attributor, actor) precision and recall on
// the annotated development articles, with the rule of score_test.go, and
// logs every miss and every wrong pair. The floors only catch regressions;
// the figures are in the log (go test -run DevAttributions -v).
func TestDevAttributions(t *testing.T) {
	arts := sharedtest.ReadJSONL[devArticle](t, sharedtest.Path(t, "articles/dev.jsonl"))
	cat := testRecognizer(t).Catalog()
	var s, strict score
	for _, a := range arts {
		cs, _ := extractText(t, a.Text, a.Lang)
		scoreArticle(cat, a.ID, pairsOf(cs), a.Gold.Attributions, false, &s)
		scoreArticle(cat, a.ID, pairsOf(cs), a.Gold.Attributions, true, &strict)
	}
	t.Logf("dev (attributor, actor) pairs: precision %.2f (%d/%d), recall %.2f (%d/%d)",
		s.precision(), s.correct, s.predicted, s.recall(), s.found, s.gold)
	t.Logf("strict matching (no state for its agencies, no parent agency): precision %.2f (%d/%d), recall %.2f (%d/%d)",
		strict.precision(), strict.correct, strict.predicted, strict.recall(), strict.found, strict.gold)
	for _, m := range s.misses {
		t.Logf("miss:  %s", m)
	}
	if testing.Verbose() {
		for _, r := range s.right {
			t.Logf("right: %s", r)
		}
	}
	for _, w := range s.wrong {
		t.Logf("wrong: %s", w)
	}
	if s.precision() < 0.85 || s.recall() < 0.80 {
		t.Errorf("precision %.2f, recall %.2f: below the floors", s.precision(), s.recall())
	}
}

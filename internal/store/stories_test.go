package store

import (
	"errors"
	"slices"
	"testing"
)

func testSaveAnalysesBatch(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	d1, d2, d3 := f.doc("https://a.example/1", day0), f.doc("https://b.example/2", day0), f.doc("https://c.example/3", day0)
	a1 := belgium("b-1")
	// d2 carries a copy of d1's text: within one batch it attaches to the
	// article d1 created just before.
	a2 := belgium("b-2")
	a3 := art("b-3", "Other", "APT31 again.", "en", "2022-07-20", 0x0F0F_0000_FFFF_1234, apt31)
	saved, err := s.SaveAnalyses(f.ctx, []Save{{d1, a1}, {d2, a2}, {d3, a3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) != 3 || saved[0].Attached || !saved[1].Attached || saved[1].ArticleID != saved[0].ArticleID ||
		saved[2].Attached || saved[2].ArticleID == saved[0].ArticleID {
		t.Fatalf("saved %+v", saved)
	}
	if n := count(t, s, "articles", ""); n != 2 {
		t.Fatalf("%d articles, want 2", n)
	}
	// One bad item: nothing of the batch is saved.
	d4, d5 := f.doc("https://d.example/4", day0), f.doc("https://e.example/5", day0)
	bad := art("b-5", "Bad", "short", "en", "", 0x1, apt31)
	bad.Mentions = append(bad.Mentions, Mention{EntityID: "actor:apt31", Text: "x", Start: 3, End: 99})
	if _, err := s.SaveAnalyses(f.ctx, []Save{{d4, art("b-4", "Fine", "APT27 text.", "en", "", 0x2, apt27)}, {d5, bad}}); err == nil {
		t.Fatal("a batch with a mention outside its text was saved")
	}
	if _, err := s.SaveAnalyses(f.ctx, []Save{{d4, art("b-4", "Fine", "APT27 text.", "en", "", 0x2, apt27)}, {99999, art("b-6", "Fine", "APT31 text.", "en", "", 0x3, apt31)}}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a batch with a missing document: %v", err)
	}
	if n := count(t, s, "articles", ""); n != 2 {
		t.Fatalf("%d articles after failed batches, want 2", n)
	}
}

func testStoriesAndTimeline(t *testing.T, s *sqlStore) {
	f := newFixture(t, s)
	id1 := f.save(f.doc("https://a.example/1", day0), belgium("s-1"))
	id2 := f.save(f.doc("https://b.example/2", day0), art("s-2", "Belgio", "APT27 e APT31 hanno colpito il Belgio.", "it", "2022-07-20", 0x77, apt27, apt31))
	var feats []int64
	if err := s.StoryFeatures(f.ctx, func(a, story int64, b []byte) error {
		if story != 0 {
			t.Errorf("article %d already in story %d", a, story)
		}
		feats = append(feats, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(feats, []int64{id1}) { // only belgium() carries features
		t.Fatalf("features of %v, want [%d]", feats, id1)
	}
	err := s.SaveStories(f.ctx, []StoryAssignment{{id1, 7}, {id2, 7}},
		[]StoryRow{{ID: 7, Title: "Belgium attributes attacks to APT27 and APT31"}})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(f.ctx, StoryFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("stories: %+v %v", list, err)
	}
	st := list[0]
	if st.ID != 7 || !slices.Equal(st.Articles, []string{"s-1", "s-2"}) || !slices.Equal(st.Languages, []string{"en", "it"}) ||
		!slices.Equal(st.Actors, []string{"APT27", "APT31", "GALLIUM"}) || st.FirstSeen != "2022-07-19" || st.LastSeen != "2022-07-20" {
		t.Fatalf("story %+v", st)
	}
	if list, _ := s.Stories(f.ctx, StoryFilter{Since: "2022-08-01"}); len(list) != 0 {
		t.Fatalf("--since kept %+v", list)
	}
	d, err := s.Story(f.ctx, 7)
	if err != nil || len(d.ArticleList) != 2 || len(d.Claims) != 2 {
		t.Fatalf("story detail: %+v %v", d, err)
	}
	if c := d.Claims[0]; c.Type != "attribution" || c.Attributor.Name != "Belgium" || !slices.Equal(c.DeniedBy, []string{"China"}) ||
		c.Article.ID != "s-1" || c.ArticleDate != "2022-07-19" {
		t.Fatalf("claim %+v", c)
	}
	if c := d.Claims[1]; c.Type != "denial" || !slices.Equal(c.Denies, []int{0}) {
		t.Fatalf("denial %+v", c)
	}
	if _, err := s.Story(f.ctx, 8); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing story: %v", err)
	}
	// An article moved to another story: the story it left keeps its
	// other article, and a story left empty is dropped.
	if err := s.SaveStories(f.ctx, []StoryAssignment{{id2, 9}}, []StoryRow{{ID: 7, Title: "Belgium"}, {ID: 9, Title: "Belgio"}}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Stories(f.ctx, StoryFilter{}); len(list) != 2 || list[0].LastSeen != "2022-07-19" && list[1].LastSeen != "2022-07-19" {
		t.Fatalf("stories after a move: %+v", list)
	}
	if err := s.SaveStories(f.ctx, []StoryAssignment{{id2, 7}}, []StoryRow{{ID: 7, Title: "Belgium attributes attacks to APT27 and APT31"}, {ID: 9}}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Stories(f.ctx, StoryFilter{}); len(list) != 1 || list[0].ID != 7 || len(list[0].Articles) != 2 {
		t.Fatalf("stories after moving back: %+v", list)
	}
	if n := count(t, s, "stories", "id = 9"); n != 0 {
		t.Fatalf("the emptied story is still stored")
	}
	p, err := s.ActorProfile(f.ctx, "actor:apt27")
	if err != nil || len(p.Timeline) != 1 || p.Timeline[0].Evidence == "" || p.Timeline[0].Article.Sources[0] != "a.example" {
		t.Fatalf("timeline: %+v %v", p, err)
	}
	// Reprocessing an article sends it back to story assignment.
	f.save(f.doc("https://a.example/1b", day0), belgium("s-3"))
	if err := s.ResetStories(f.ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Stories(f.ctx, StoryFilter{}); len(list) != 0 {
		t.Fatalf("stories after reset: %+v", list)
	}
	if n := count(t, s, "story_articles", "1 = 1"); n != 0 {
		t.Fatalf("%d articles still in a story", n)
	}
}

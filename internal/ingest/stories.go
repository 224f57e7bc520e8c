package ingest

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aptwatch/aptwatch/internal/store"
	"github.com/aptwatch/aptwatch/internal/story"
)

func encodeFeatures(f story.Features) ([]byte, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("story features: %w", err)
	}
	return b, nil
}

// loadStories returns the story clusterer, rebuilt from the store on
// first use: assignments already stored are replayed, and articles saved
// without a story (a run stopped between the two commits) get theirs.
func (in *Ingester) loadStories(ctx context.Context) (*story.Clusterer, error) {
	if in.stories != nil {
		return in.stories, nil
	}
	c := story.NewClusterer()
	type orphan struct {
		id int64
		f  story.Features
	}
	var orphans []orphan
	err := in.Store.StoryFeatures(ctx, func(articleID, storyID int64, b []byte) error {
		var f story.Features
		if err := json.Unmarshal(b, &f); err != nil {
			in.Log.Warn("unreadable story features; article left out of stories until reprocessed", "article", articleID, "err", err)
			return nil
		}
		if storyID == 0 {
			orphans = append(orphans, orphan{articleID, f})
			return nil
		}
		c.Restore(int(storyID), f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	in.stories = c
	if len(orphans) > 0 {
		in.Log.Info("assigning stories left pending by an earlier run", "articles", len(orphans))
		var assign []store.StoryAssignment
		touched := map[*story.Story]bool{}
		for _, o := range orphans {
			s := c.Add(o.f)
			assign = append(assign, store.StoryAssignment{ArticleID: o.id, StoryID: int64(s.ID)})
			touched[s] = true
		}
		if err := in.Store.SaveStories(ctx, assign, storyRows(touched)); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// resetStories forgets every story, in the store and in memory.
func (in *Ingester) resetStories(ctx context.Context) error {
	if err := in.Store.ResetStories(ctx); err != nil {
		return err
	}
	in.stories = story.NewClusterer()
	return nil
}

// assignStories gives each newly saved article (not one attached to an
// existing article as a copy) its story.
func (in *Ingester) assignStories(ctx context.Context, jobs []*job, saved []store.Saved) error {
	c, err := in.loadStories(ctx)
	if err != nil {
		return err
	}
	var assign []store.StoryAssignment
	touched := map[*story.Story]bool{}
	for i, sv := range saved {
		if sv.Attached {
			continue
		}
		s := c.Add(jobs[i].feats)
		assign = append(assign, store.StoryAssignment{ArticleID: sv.ArticleID, StoryID: int64(s.ID)})
		touched[s] = true
	}
	return in.Store.SaveStories(ctx, assign, storyRows(touched))
}

func storyRows(touched map[*story.Story]bool) []store.StoryRow {
	rows := make([]store.StoryRow, 0, len(touched))
	for s := range touched {
		rows = append(rows, store.StoryRow{ID: int64(s.ID), Title: s.Label()})
	}
	return rows
}

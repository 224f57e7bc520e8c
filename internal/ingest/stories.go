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
	var orphans []story.Features
	err := in.Store.StoryFeatures(ctx, func(articleID, storyID int64, b []byte) error {
		var f story.Features
		if err := json.Unmarshal(b, &f); err != nil {
			in.Log.Warn("unreadable story features; article left out of stories until reprocessed", "article", articleID, "err", err)
			return nil
		}
		f.Key = articleID
		if storyID == 0 {
			orphans = append(orphans, f)
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
		var p placements
		for _, f := range orphans {
			p.add(c, f)
		}
		if err := p.save(ctx, in.Store); err != nil {
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
	var p placements
	for i, sv := range saved {
		if sv.Attached {
			continue
		}
		f := jobs[i].feats
		f.Key = sv.ArticleID
		p.add(c, f)
	}
	return p.save(ctx, in.Store)
}

// placements collects what a run of Adds changed: where each article
// went, including those an Add moved from one story to another (and the
// stories they left, which are relabelled or, left empty, dropped).
type placements struct {
	assign  []store.StoryAssignment
	touched map[*story.Story]bool
}

func (p *placements) add(c *story.Clusterer, f story.Features) {
	if p.touched == nil {
		p.touched = map[*story.Story]bool{}
	}
	s := c.Add(f)
	p.assign = append(p.assign, store.StoryAssignment{ArticleID: f.Key, StoryID: int64(s.ID)})
	p.touched[s] = true
	for _, m := range c.Moves() {
		p.assign = append(p.assign, store.StoryAssignment{ArticleID: m.Key, StoryID: int64(m.To.ID)})
		p.touched[m.From], p.touched[m.To] = true, true
	}
}

func (p *placements) save(ctx context.Context, st store.Store) error {
	rows := make([]store.StoryRow, 0, len(p.touched))
	for s := range p.touched {
		rows = append(rows, store.StoryRow{ID: int64(s.ID), Title: s.Label()})
	}
	return st.SaveStories(ctx, p.assign, rows)
}

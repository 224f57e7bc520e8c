// Package ingest moves documents into the knowledge base: it stores each
// raw document first (kept forever), then derives and saves its analysis,
// and on every run first finishes what an interrupted run left pending.
// Feeds are polled through internal/source.
package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/store"
	"github.com/aptwatch/aptwatch/internal/story"
)

// Progress is told about long work; a terminal shows a bar, a log gets lines.
type Progress interface {
	Start(label string, total int) // total -1 when unknown
	Add(n int)
	Finish()
}

// Ingester stores and analyses documents.
type Ingester struct {
	Store     store.Store
	Extractor *extract.Extractor
	Log       *slog.Logger
	Progress  Progress

	stories *story.Clusterer // loaded on first use
}

// Stats counts what a run did.
type Stats struct {
	Documents  int // documents seen
	New        int // documents stored for the first time
	Analysed   int // analyses saved
	Duplicates int // documents already stored and analysed
	Failed     int // inputs that could not be read or analysed
	Resumed    int // pending documents from an interrupted run
}

func (s Stats) String() string {
	return fmt.Sprintf("%d documents: %d new, %d already stored, %d analysed, %d resumed, %d failed",
		s.Documents, s.New, s.Duplicates, s.Analysed, s.Resumed, s.Failed)
}

// Run stores the documents produce gives and analyses the new ones. It
// first finishes what an earlier run left pending. Bad documents are
// counted and logged; only store failures and cancellation stop the run.
func (in *Ingester) Run(ctx context.Context, st *Stats, produce func(add func(*store.Document) error) error) error {
	p, err := in.startPipeline(ctx)
	if err != nil {
		return err
	}
	err = in.resume(ctx, p, st)
	if err == nil {
		err = produce(func(d *store.Document) error { return in.add(ctx, p, d, st) })
	}
	if cerr := p.close(st); err == nil {
		err = cerr
	}
	return err
}

// resume queues documents stored by an earlier run that stopped before
// their analysis was saved.
func (in *Ingester) resume(ctx context.Context, p *pipeline, st *Stats) error {
	var pending []int64
	err := in.Store.PendingDocuments(ctx, func(d *store.Document) error {
		pending = append(pending, d.ID)
		return nil
	})
	if err != nil || len(pending) == 0 {
		return err
	}
	in.Log.Info("resuming documents left pending by an earlier run", "count", len(pending))
	for _, id := range pending {
		d, err := in.Store.Document(ctx, id)
		if err != nil {
			return err
		}
		st.Resumed++
		if err := p.analyse(d); err != nil {
			return err
		}
	}
	return nil
}

// add stores one document and queues it for analysis if it is new.
func (in *Ingester) add(ctx context.Context, p *pipeline, d *store.Document, st *Stats) error {
	st.Documents++
	if d.FetchedAt.IsZero() {
		d.FetchedAt = time.Now().UTC()
	}
	id, isNew, err := in.Store.AddDocument(ctx, d)
	if err != nil {
		return fmt.Errorf("store document %s: %w", label(d), err)
	}
	d.ID = id
	if !isNew {
		st.Duplicates++
		p.progress(1)
		return nil
	}
	st.New++
	return p.analyse(d)
}

// Reprocess derives everything again from the stored raw documents, after
// the catalogue or the extractors changed, and rebuilds the stories.
// Nothing is fetched.
func (in *Ingester) Reprocess(ctx context.Context, st *Stats) error {
	var ids []int64
	if err := in.Store.ForEachDocument(ctx, func(d *store.Document) error {
		ids = append(ids, d.ID)
		return nil
	}); err != nil {
		return err
	}
	if err := in.resetStories(ctx); err != nil {
		return err
	}
	in.Progress.Start("reprocess", len(ids))
	defer in.Progress.Finish()
	p, err := in.startPipeline(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		d, err := in.Store.Document(ctx, id)
		if err == nil {
			st.Documents++
			err = p.analyse(d)
		}
		if err != nil {
			p.close(st)
			return err
		}
	}
	return p.close(st)
}

func label(d *store.Document) string {
	switch {
	case d.ExternalID != "":
		return d.ExternalID
	case d.URL != "":
		return d.URL
	}
	return fmt.Sprintf("#%d", d.ID)
}

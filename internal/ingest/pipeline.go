package ingest

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/store"
	"github.com/aptwatch/aptwatch/internal/story"
)

// The pipeline analyses stored documents: extraction runs on every core,
// and one writer saves the results in input order, several per
// transaction, then assigns their stories. Raw documents are committed
// before they enter it, so an interrupted pipeline leaves them pending for
// Resume; nothing half-saved is possible because a batch is one
// transaction.
type pipeline struct {
	in       *Ingester
	ctx      context.Context
	jobs     chan *job
	done     chan *job
	inflight chan struct{} // bounds the documents between producer and writer
	workers  sync.WaitGroup
	writer   chan struct{} // closed when the writer has finished

	mu       sync.Mutex // guards the fields below and Progress
	analysed int
	failed   int
	err      error // the first store error: the run stops

	seq int // producer side only
}

type job struct {
	seq   int
	doc   *store.Document
	an    *store.Analysis
	feats story.Features
	err   error
}

// Batching: a transaction takes up to maxBatch analyses, or what arrived
// within maxBatchWait of the first. Measured on this machine (see
// docs/benchmarks.md): larger batches stop paying beyond a few hundred.
const (
	maxBatch     = 256
	maxBatchWait = 200 * time.Millisecond
	maxInflight  = 1024
)

// startPipeline loads the stories (before anything new is saved, so that
// what this run saves is not taken for leftovers) and starts the workers.
func (in *Ingester) startPipeline(ctx context.Context) (*pipeline, error) {
	if _, err := in.loadStories(ctx); err != nil {
		return nil, err
	}
	n := runtime.GOMAXPROCS(0)
	p := &pipeline{
		in:       in,
		ctx:      ctx,
		jobs:     make(chan *job, 2*n),
		done:     make(chan *job, 2*n),
		inflight: make(chan struct{}, maxInflight),
		writer:   make(chan struct{}),
	}
	for i := 0; i < n; i++ {
		p.workers.Add(1)
		go p.work()
	}
	go func() {
		p.workers.Wait()
		close(p.done)
	}()
	go p.write()
	return p, nil
}

// analyse queues a stored document. It returns the error that stopped the
// pipeline, if any (the producer should then stop too).
func (p *pipeline) analyse(d *store.Document) error {
	if err := p.stopped(); err != nil {
		return err
	}
	select {
	case p.inflight <- struct{}{}:
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
	p.seq++
	p.jobs <- &job{seq: p.seq, doc: d}
	return nil
}

// progress counts one finished input (stored as a duplicate, or failed
// before analysis) on the shared display.
func (p *pipeline) progress(n int) {
	p.mu.Lock()
	p.in.Progress.Add(n)
	p.mu.Unlock()
}

func (p *pipeline) stopped() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return p.err
	}
	return p.ctx.Err()
}

// close waits for every queued document and adds the counts to st.
func (p *pipeline) close(st *Stats) error {
	close(p.jobs)
	<-p.writer
	st.Analysed += p.analysed
	st.Failed += p.failed
	if p.err != nil {
		return p.err
	}
	return p.ctx.Err()
}

func (p *pipeline) work() {
	defer p.workers.Done()
	for j := range p.jobs {
		if p.ctx.Err() == nil {
			j.an, j.feats, j.err = p.in.extract(j.doc)
		} else {
			j.err = p.ctx.Err()
		}
		p.done <- j
	}
}

// extract analyses one document.
func (in *Ingester) extract(d *store.Document) (*store.Analysis, story.Features, error) {
	res, err := in.Extractor.Extract(extract.Document{ID: d.ExternalID, Raw: d.Raw, URL: d.URL, Published: d.Published, ContentType: d.ContentType},
		extract.Options{WithText: true})
	if err != nil {
		return nil, story.Features{}, err
	}
	an := ToAnalysis(res)
	f := story.FeaturesOf(res)
	an.StoryFeatures, err = encodeFeatures(f)
	return an, f, err
}

// write puts finished jobs back in input order and saves them in batches.
func (p *pipeline) write() {
	defer close(p.writer)
	pending := map[int]*job{}
	next := 1
	var batch []*job
	var timer <-chan time.Time
	flush := func() {
		if len(batch) > 0 {
			p.save(batch)
			for range batch {
				<-p.inflight
			}
			batch = batch[:0]
		}
		timer = nil
	}
	for {
		select {
		case j, ok := <-p.done:
			if !ok {
				flush()
				return
			}
			pending[j.seq] = j
			for pending[next] != nil {
				batch = append(batch, pending[next])
				delete(pending, next)
				next++
			}
			if len(batch) >= maxBatch {
				flush()
			} else if len(batch) > 0 && timer == nil {
				timer = time.After(maxBatchWait)
			}
		case <-timer:
			flush()
		}
	}
}

// save stores one batch. Documents that failed extraction, or whose
// analysis the store refuses, are counted and logged; their raw bytes stay.
func (p *pipeline) save(batch []*job) {
	if p.stopped() != nil {
		return
	}
	var items []store.Save
	var ok []*job
	for _, j := range batch {
		if j.err != nil {
			p.fail(j, j.err)
			continue
		}
		items = append(items, store.Save{DocumentID: j.doc.ID, Analysis: j.an})
		ok = append(ok, j)
	}
	if len(items) == 0 {
		return
	}
	saved, err := p.in.Store.SaveAnalyses(p.ctx, items)
	if err != nil && p.ctx.Err() == nil {
		// Find the culprit: save one by one.
		saved, ok = p.saveEach(ok)
		err = nil
	}
	if err != nil {
		p.stop(err)
		return
	}
	if err := p.in.assignStories(p.ctx, ok, saved); err != nil {
		p.stop(err)
		return
	}
	p.mu.Lock()
	p.analysed += len(ok)
	p.in.Progress.Add(len(ok))
	p.mu.Unlock()
}

func (p *pipeline) saveEach(jobs []*job) ([]store.Saved, []*job) {
	var saved []store.Saved
	var ok []*job
	for _, j := range jobs {
		s, err := p.in.Store.SaveAnalyses(p.ctx, []store.Save{{DocumentID: j.doc.ID, Analysis: j.an}})
		if err != nil {
			p.fail(j, err)
			continue
		}
		saved = append(saved, s[0])
		ok = append(ok, j)
	}
	return saved, ok
}

func (p *pipeline) fail(j *job, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	p.in.Log.Warn("cannot analyse document; its raw bytes are kept", "document", label(j.doc), "err", err)
	p.mu.Lock()
	p.failed++
	p.in.Progress.Add(1)
	p.mu.Unlock()
}

func (p *pipeline) stop(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
}

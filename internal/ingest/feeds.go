package ingest

import (
	"context"
	"html"
	"time"

	"github.com/aptwatch/aptwatch/internal/source"
	"github.com/aptwatch/aptwatch/internal/store"
)

// PollStats counts what polling the feeds did.
type PollStats struct {
	Stats
	Feeds       int
	NotModified int
	FeedErrors  int
}

// Poll fetches every feed (conditionally), stores its items as documents
// and analyses them. A feed that fails is marked with its error and the
// others go on. Items with only a summary are replaced by their linked
// page.
func (in *Ingester) Poll(ctx context.Context, fetch Fetcher) (PollStats, error) {
	var ps PollStats
	srcs, err := in.Store.Sources(ctx)
	if err != nil {
		return ps, err
	}
	in.Progress.Start("poll feeds", -1)
	defer in.Progress.Finish()
	err = in.Run(ctx, &ps.Stats, func(add func(*store.Document) error) error {
		return in.pollAll(ctx, fetch, srcs, &ps, add)
	})
	return ps, err
}

func (in *Ingester) pollAll(ctx context.Context, fetch Fetcher, srcs []store.Source, ps *PollStats, add func(*store.Document) error) error {
	for i := range srcs {
		if err := ctx.Err(); err != nil {
			return err
		}
		s := &srcs[i]
		ps.Feeds++
		if err := in.pollOne(ctx, fetch, s, ps, add); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			ps.FeedErrors++
			s.LastError = errorText(err)
			s.Errors++
			in.Log.Warn("feed failed", "feed", s.URL, "err", err)
		} else {
			s.LastError = ""
			s.Errors = 0
		}
		s.LastPolled = time.Now().UTC()
		if err := in.Store.UpdateSource(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

func (in *Ingester) pollOne(ctx context.Context, fetch Fetcher, s *store.Source, ps *PollStats, add func(*store.Document) error) error {
	resp, err := fetch.Fetch(ctx, s.URL, source.Conditional{ETag: s.ETag, LastModified: s.LastModified})
	if err != nil {
		return err
	}
	if resp.NotModified {
		ps.NotModified++
		return nil
	}
	feed, err := source.ParseFeed(resp.Body, resp.URL)
	if err != nil {
		return err
	}
	s.ETag, s.LastModified = resp.ETag, resp.LastModified
	if s.Title == "" {
		s.Title = feed.Title
	}
	if s.Language == "" {
		s.Language = feed.Language
	}
	for _, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		// An item whose page is already stored is not fetched or stored
		// again: canonical URLs drop tracking parameters, so the same
		// article reached through two links is one.
		if it.URL != "" {
			canon, _ := source.CanonicalURL(it.URL)
			if seen, err := in.Store.HasCanonicalURL(ctx, canon); err != nil {
				return err
			} else if seen {
				ps.Documents++
				ps.Duplicates++
				continue
			}
		}
		d := &store.Document{SourceID: s.ID, URL: it.URL, ContentType: "text/html", FetchedAt: resp.FetchedAt}
		if !it.Published.IsZero() {
			d.Published = it.Published.UTC().Format("2006-01-02")
		}
		if it.HasFullContent || it.URL == "" {
			d.Raw = []byte("<html><head><title>" + html.EscapeString(it.Title) + "</title></head><body><article><h1>" +
				html.EscapeString(it.Title) + "</h1>" + it.Content + "</article></body></html>")
		} else {
			page, err := fetch.Fetch(ctx, it.URL, source.Conditional{})
			if err != nil {
				ps.Documents++
				ps.Failed++
				in.Log.Warn("cannot fetch linked page", "url", it.URL, "err", err)
				continue
			}
			d = documentFrom(page, s.ID)
			d.Published = ""
			if !it.Published.IsZero() {
				d.Published = it.Published.UTC().Format("2006-01-02")
			}
		}
		if d.CanonicalURL == "" && d.URL != "" {
			d.CanonicalURL, _ = source.CanonicalURL(d.URL)
		}
		if err := add(d); err != nil {
			return err
		}
	}
	return nil
}

package ingest

import (
	"context"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/source"
	"github.com/aptwatch/aptwatch/internal/store"
)

// Fetcher gets one URL; internal/source implements it.
type Fetcher interface {
	Fetch(ctx context.Context, url string, cond source.Conditional) (*source.Response, error)
}

// IsURL reports whether an argument names a web page rather than a file.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Inputs ingests files, directories, gold-format JSONL, stdin ("-") and
// URLs. It first resumes what an earlier run left pending. Inputs that fail
// are counted and logged, and the rest goes on.
func (in *Ingester) Inputs(ctx context.Context, args []string, stdin io.Reader, fetch Fetcher) (Stats, error) {
	var st Stats
	var files, urls []string
	for _, a := range args {
		if IsURL(a) {
			urls = append(urls, a)
		} else {
			files = append(files, a)
		}
	}
	if len(urls) > 0 && fetch == nil {
		return st, errors.New("no fetcher configured for URLs")
	}
	in.Progress.Start("ingest", -1)
	defer in.Progress.Finish()
	err := in.Run(ctx, &st, func(add func(*store.Document) error) error {
		var stop error
		extract.ReadInputs(files, stdin, func(doc extract.Document, err error) {
			if stop != nil {
				return
			}
			if err != nil {
				st.Documents++
				st.Failed++
				in.Log.Warn("cannot read input", "err", err)
				return
			}
			d := &store.Document{ExternalID: doc.ID, Raw: doc.Raw, URL: doc.URL, Published: doc.Published, ContentType: doc.ContentType}
			if doc.URL != "" {
				d.CanonicalURL, _ = source.CanonicalURL(doc.URL)
			}
			stop = add(d)
		})
		if stop != nil {
			return stop
		}
		for _, u := range urls {
			if err := ctx.Err(); err != nil {
				return err
			}
			resp, err := fetch.Fetch(ctx, u, source.Conditional{})
			if err != nil {
				st.Documents++
				st.Failed++
				in.Log.Warn("cannot fetch", "url", u, "err", err)
				continue
			}
			if err := add(documentFrom(resp, 0)); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}

// documentFrom turns a fetched response into a document to store.
func documentFrom(resp *source.Response, sourceID int64) *store.Document {
	d := &store.Document{SourceID: sourceID, URL: resp.URL, Raw: resp.Body, ContentType: resp.ContentType, FetchedAt: resp.FetchedAt}
	d.CanonicalURL, _ = source.CanonicalURL(resp.URL)
	return d
}

// errorText shortens an error for a source's "last error".
func errorText(err error) string {
	s := err.Error()
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return strings.TrimSpace(s)
}

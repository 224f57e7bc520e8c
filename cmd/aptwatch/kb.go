package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/ingest"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/store"
)

// interruptible returns a context cancelled by Ctrl-C or SIGTERM, so that
// long work stops between documents and the next run goes on from there.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func openStore(ctx context.Context, c *cli) (store.Store, error) {
	st, err := store.Open(ctx, c.dbDSN())
	if err != nil {
		return nil, fmt.Errorf("open knowledge base %s: %w", redact(c.dbDSN()), err)
	}
	return st, nil
}

// redact hides a password in a database URL.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if j := strings.Index(dsn[i+3:], "@"); j >= 0 {
			if k := strings.Index(dsn[i+3:i+3+j], ":"); k >= 0 {
				return dsn[:i+3+k+1] + "***" + dsn[i+3+j:]
			}
		}
	}
	return dsn
}

func newIngester(ctx context.Context, c *cli) (*ingest.Ingester, store.Store, error) {
	cat, err := loadCatalog(c)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStore(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	return &ingest.Ingester{
		Store:     st,
		Extractor: extract.New(recognize.New(cat.Catalog)),
		Log:       log,
		Progress:  ingest.NewProgress(os.Stderr, log),
	}, st, nil
}

// withIngester runs long work with an ingester over the knowledge base,
// stopping cleanly on Ctrl-C (the next run goes on from there).
func withIngester(c *cli, fn func(ctx context.Context, in *ingest.Ingester) error) error {
	ctx, stop := interruptible()
	defer stop()
	in, st, err := newIngester(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(ctx, in)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/aptwatch/aptwatch/internal/ingest"
	"github.com/aptwatch/aptwatch/internal/source"
	"github.com/aptwatch/aptwatch/internal/store"
)

type ingestCmd struct {
	Inputs       []string `arg:"" help:"Files, directories, .jsonl files, http(s) URLs, or - for stdin."`
	AllowPrivate bool     `help:"Allow fetching from private and loopback addresses."`
}

func (cmd *ingestCmd) Run(c *cli) error {
	return withIngester(c, func(ctx context.Context, in *ingest.Ingester) error {
		return cmd.run(ctx, in, displayDSN(c.dbDSN()))
	})
}

func (cmd *ingestCmd) run(ctx context.Context, in *ingest.Ingester, db string) error {
	f := source.New(source.Options{AllowPrivate: cmd.AllowPrivate})
	stats, err := in.Inputs(ctx, cmd.Inputs, os.Stdin, f)
	fmt.Fprintln(os.Stderr, "ingest:", stats)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "ingest: interrupted; run it again to go on where it stopped")
		return exitError{130}
	}
	if err != nil {
		return err
	}
	if err := printIngestSummary(ctx, in.Store, db); err != nil {
		return err
	}
	if stats.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// displayDSN hides a PostgreSQL URL's password.
func displayDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}

// printIngestSummary tells what the knowledge base now holds and where to
// look next.
func printIngestSummary(ctx context.Context, st store.Store, db string) error {
	r, err := st.Check(ctx)
	if err != nil {
		return err
	}
	stories, err := st.Stories(ctx, store.StoryFilter{})
	if err != nil {
		return err
	}
	actors, err := st.Actors(ctx, store.ActorFilter{})
	if err != nil {
		return err
	}
	fmt.Printf("%s holds %d documents, %d articles, %d stories and %d actors.\n", db, r.Documents, r.Articles, len(stories), len(actors))
	for i, s := range stories {
		if i == 5 {
			fmt.Printf("  ... (aptwatch stories lists them all)\n")
			break
		}
		n := fmt.Sprintf("%d articles", len(s.Articles))
		if len(s.Articles) == 1 {
			n = "1 article"
		}
		fmt.Printf("  story %d: %s (%s)\n", s.ID, s.Title, n)
	}
	fmt.Println("Next: aptwatch stories, aptwatch story ID, aptwatch actors, aptwatch actor NAME, aptwatch search WORDS")
	return nil
}

type reprocessCmd struct{}

func (cmd *reprocessCmd) Run(c *cli) error {
	return withIngester(c, func(ctx context.Context, in *ingest.Ingester) error {
		var stats ingest.Stats
		err := in.Reprocess(ctx, &stats)
		fmt.Fprintln(os.Stderr, "reprocess:", stats)
		return err
	})
}

type feedsCmd struct {
	Add    feedsAddCmd    `cmd:"" help:"Follow feeds: URLs, or --defaults for the built-in list."`
	Import feedsImportCmd `cmd:"" help:"Follow the feeds of an OPML file."`
	List   feedsListCmd   `cmd:"" help:"List followed feeds with their state and last error."`
	Poll   feedsPollCmd   `cmd:"" help:"Fetch every feed and ingest its new items."`
}

type feedsAddCmd struct {
	URLs     []string `arg:"" optional:"" help:"Feed URLs."`
	Defaults bool     `help:"Add the built-in list of security-news feeds."`
}

func (cmd *feedsAddCmd) Run(c *cli) error {
	ctx := context.Background()
	var refs []source.FeedRef
	for _, u := range cmd.URLs {
		if !ingest.IsURL(u) {
			return fmt.Errorf("%q is not an http(s) URL", u)
		}
		refs = append(refs, source.FeedRef{URL: u})
	}
	if cmd.Defaults {
		refs = append(refs, source.DefaultFeeds()...)
	}
	if len(refs) == 0 {
		return errors.New("give feed URLs, or --defaults")
	}
	return addFeeds(ctx, c, refs)
}

func addFeeds(ctx context.Context, c *cli, refs []source.FeedRef) error {
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	added := 0
	for _, r := range refs {
		_, isNew, err := st.AddSource(ctx, &store.Source{URL: r.URL, Title: r.Title, Language: r.Language})
		if err != nil {
			return err
		}
		if isNew {
			added++
		}
	}
	fmt.Fprintf(os.Stderr, "feeds: %d added, %d already followed\n", added, len(refs)-added)
	return nil
}

type feedsImportCmd struct {
	File string `arg:"" type:"existingfile" help:"OPML file."`
}

func (cmd *feedsImportCmd) Run(c *cli) error {
	data, err := os.ReadFile(cmd.File)
	if err != nil {
		return err
	}
	refs, err := source.ParseOPML(data)
	if err != nil {
		return fmt.Errorf("%s: %w", cmd.File, err)
	}
	return addFeeds(context.Background(), c, refs)
}

type feedsListCmd struct {
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *feedsListCmd) Run(c *cli) error {
	ctx := context.Background()
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].URL < srcs[j].URL })
	if cmd.Format == "json" {
		return printJSON(srcs)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "URL\tLANG\tLAST POLLED\tLAST ERROR")
	for _, s := range srcs {
		polled := "never"
		if !s.LastPolled.IsZero() {
			polled = s.LastPolled.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.URL, s.Language, polled, s.LastError)
	}
	return w.Flush()
}

type feedsPollCmd struct {
	AllowPrivate bool `help:"Allow fetching from private and loopback addresses."`
}

func (cmd *feedsPollCmd) Run(c *cli) error {
	return withIngester(c, func(ctx context.Context, in *ingest.Ingester) error {
		return cmd.run(ctx, in)
	})
}

func (cmd *feedsPollCmd) run(ctx context.Context, in *ingest.Ingester) error {
	f := source.New(source.Options{AllowPrivate: cmd.AllowPrivate})
	ps, err := in.Poll(ctx, f)
	fmt.Fprintf(os.Stderr, "poll: %d feeds (%d not modified, %d failed); %s\n", ps.Feeds, ps.NotModified, ps.FeedErrors, ps.Stats)
	if errors.Is(err, context.Canceled) {
		return exitError{130}
	}
	return err
}

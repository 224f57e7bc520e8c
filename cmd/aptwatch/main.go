// Command aptwatch turns security news into a knowledge base of who attacks
// whom. Each subcommand wires internal packages together; the work is done
// there.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alecthomas/kong"
)

// version is set by the linker for releases.
var version = "dev"

// cli is the command line. Global flags come before the subcommand.
type cli struct {
	DataDir string           `name:"data-dir" env:"APTWATCH_DATA_DIR" help:"Where aptwatch keeps its data (catalogue imports, database). Default: $XDG_DATA_HOME/aptwatch." placeholder:"DIR"`
	DB      string           `name:"db" env:"APTWATCH_DB" help:"The knowledge base: a SQLite file, or a postgres:// URL. Default: aptwatch.db in the data directory." placeholder:"PATH|URL"`
	Version kong.VersionFlag `help:"Print the version and exit."`

	Catalog catalogCmd `cmd:"" help:"Inspect, resolve against, import into and check the catalogue of actors, malware, tools, vulnerabilities, countries and sectors."`
	Extract extractCmd `cmd:"" help:"Read articles (text, HTML or gold-format JSONL) and print the intelligence in them. No database."`

	Ingest    ingestCmd    `cmd:"" help:"Store and analyse files, directories, gold-format JSONL, URLs or stdin in the knowledge base."`
	Feeds     feedsCmd     `cmd:"" help:"Manage and poll the feeds that ingestion follows."`
	Reprocess reprocessCmd `cmd:"" help:"Derive everything again from the stored raw documents (after a catalogue or extractor change)."`
	Actors    actorsCmd    `cmd:"" help:"List actors by number of articles."`
	Actor     actorCmd     `cmd:"" help:"Show what the knowledge base knows of one actor."`
	Articles  articlesCmd  `cmd:"" help:"List articles, newest first."`
	Search    searchCmd    `cmd:"" help:"Full-text search over articles."`
	Stories   storiesCmd   `cmd:"" help:"List stories: articles from any outlet and language that report the same event."`
	Story     storyCmd     `cmd:"" help:"Show one story: its articles, its claims and who denies them."`
	Check     checkCmd     `cmd:"" help:"Check the knowledge base: every raw document with its derived rows."`
}

// exitError carries an exit status for errors already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	var c cli
	ctx := kong.Parse(&c,
		kong.Name("aptwatch"),
		kong.Description("aptwatch reads security news in many languages and records which threat actors attack whom, who says so and who denies it."),
		kong.UsageOnError(),
		kong.Vars{"version": version},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	err := ctx.Run(&c)
	var ee exitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.code)
	case err != nil:
		fmt.Fprintln(os.Stderr, "aptwatch:", err)
		os.Exit(1)
	}
}

// dbDSN returns the database to open: the flag, else aptwatch.db in the
// data directory.
func (c *cli) dbDSN() string {
	if c.DB != "" {
		return c.DB
	}
	return filepath.Join(c.dataDir(), "aptwatch.db")
}

// dataDir returns the data directory: the flag, else $XDG_DATA_HOME/aptwatch,
// else ~/.local/share/aptwatch.
func (c *cli) dataDir() string {
	if c.DataDir != "" {
		return c.DataDir
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "aptwatch")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "aptwatch")
	}
	return ".aptwatch"
}

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
	Version kong.VersionFlag `help:"Print the version and exit."`

	Catalog catalogCmd `cmd:"" help:"Inspect, resolve against, import into and check the catalogue of actors, malware, tools, vulnerabilities, countries and sectors."`
	Extract extractCmd `cmd:"" help:"Read articles (text, HTML or gold-format JSONL) and print the intelligence in them. No database."`
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

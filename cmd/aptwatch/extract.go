package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

type extractCmd struct {
	Format   string   `enum:"text,json,jsonl" default:"text" help:"text (a summary for people), json (indented objects) or jsonl (one line per article)."`
	Explain  bool     `help:"Show, for every name found, the alias and rule that matched, the sentence, and why it was believed or not."`
	WithText bool     `name:"with-text" help:"Include the cleaned text that offsets refer to."`
	Inputs   []string `arg:"" help:"Files (text, HTML, or .jsonl with one {\"id\",\"text\"} article a line), directories, or - for stdin."`
}

func (cmd *extractCmd) Run(c *cli) error {
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	x := extract.New(recognize.New(cat.Catalog))
	opt := extract.Options{WithText: cmd.WithText, Explain: cmd.Explain}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if cmd.Format == "json" {
		enc.SetIndent("", "  ")
	}
	failed := 0
	extract.ReadInputs(cmd.Inputs, os.Stdin, func(doc extract.Document, err error) {
		var res *extract.Result
		if err == nil {
			res, err = x.Extract(doc, opt)
		}
		if err != nil {
			failed++
			var ie *extract.InputError
			if errors.As(err, &ie) {
				fmt.Fprintf(os.Stderr, "aptwatch: %v\n", err)
			} else {
				fmt.Fprintf(os.Stderr, "aptwatch: %s: %v\n", doc.ID, err)
			}
			return
		}
		if cmd.Format == "text" {
			err = extract.WriteSummary(os.Stdout, res)
		} else {
			err = enc.Encode(res)
		}
		if err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "aptwatch: %s: %v\n", doc.ID, err)
		}
	})
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "aptwatch: %d inputs failed\n", failed)
		return exitError{1}
	}
	return nil
}

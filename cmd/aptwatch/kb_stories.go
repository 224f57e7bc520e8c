package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/aptwatch/aptwatch/internal/store"
)

type storiesCmd struct {
	Since  string `help:"Only stories with an article on or after this date (YYYY-MM-DD)."`
	Limit  int    `default:"100" help:"At most this many stories (0: all)."`
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

type storyJSON struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
	Articles  []string `json:"articles"`
	Actors    []string `json:"actors"`
	Languages []string `json:"languages"`
}

func toStoryJSON(s store.StorySummary) storyJSON {
	return storyJSON{s.ID, s.Title, s.FirstSeen, s.LastSeen, s.Articles, s.Actors, s.Languages}
}

func (cmd *storiesCmd) Run(c *cli) error {
	ctx := context.Background()
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, store.StoryFilter{Since: cmd.Since, Limit: cmd.Limit})
	if err != nil {
		return err
	}
	out := make([]storyJSON, 0, len(list))
	for _, s := range list {
		out = append(out, toStoryJSON(s))
	}
	if cmd.Format == "json" {
		return printJSON(out)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tFIRST SEEN\tARTICLES\tLANGS\tTITLE")
	for _, s := range out {
		fmt.Fprintf(w, "%d\t%s\t%d\t%s\t%s\n", s.ID, s.FirstSeen, len(s.Articles), strings.Join(s.Languages, ","), s.Title)
	}
	return w.Flush()
}

type storyCmd struct {
	ID     int64  `arg:"" help:"Story id, as stories prints it."`
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

// claimJSON is a stored claim as the story and actor commands print it.
type claimJSON struct {
	Type        string       `json:"type"`
	Subject     store.Party  `json:"subject"`
	Object      *store.Party `json:"object,omitempty"`
	Attributor  *store.Party `json:"attributor,omitempty"`
	Hedge       string       `json:"hedge"`
	Date        string       `json:"date,omitempty"`
	DeniedBy    []string     `json:"denied_by,omitempty"`
	Article     string       `json:"article"`
	ArticleDate string       `json:"article_date"`
	Sources     []string     `json:"sources"`
	Language    string       `json:"language"`
	Evidence    string       `json:"evidence"`
}

func toClaimJSON(r store.ClaimRecord) claimJSON {
	party := func(p store.Party) *store.Party {
		if p == (store.Party{}) {
			return nil
		}
		return &p
	}
	src := r.Article.Sources
	if src == nil {
		src = []string{}
	}
	return claimJSON{Type: r.Type, Subject: r.Subject, Object: party(r.Object), Attributor: party(r.Attributor), Hedge: r.Hedge,
		Date: r.Date, DeniedBy: r.DeniedBy, Article: r.Article.ID, ArticleDate: r.ArticleDate, Sources: src,
		Language: r.Language, Evidence: r.Evidence}
}

func (cmd *storyCmd) Run(c *cli) error {
	ctx := context.Background()
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Story(ctx, cmd.ID)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no story %d (see aptwatch stories)", cmd.ID)
	}
	if err != nil {
		return err
	}
	type detailJSON struct {
		storyJSON
		ArticleList []articleJSON `json:"article_list"`
		Claims      []claimJSON   `json:"claims"`
	}
	out := detailJSON{storyJSON: toStoryJSON(d.StorySummary), ArticleList: []articleJSON{}, Claims: []claimJSON{}}
	for _, a := range d.ArticleList {
		out.ArticleList = append(out.ArticleList, toArticleJSON(a))
	}
	for _, r := range d.Claims {
		out.Claims = append(out.Claims, toClaimJSON(r))
	}
	if cmd.Format == "json" {
		return printJSON(out)
	}
	fmt.Printf("Story %d: %s\n", out.ID, out.Title)
	fmt.Printf("Seen %s to %s; actors: %s; languages: %s\n", out.FirstSeen, out.LastSeen,
		strings.Join(out.Actors, ", "), strings.Join(out.Languages, ", "))
	fmt.Printf("\nArticles (%d):\n", len(out.ArticleList))
	if err := printArticles("  ", "", out.ArticleList); err != nil {
		return err
	}
	printClaims("Claims", out.Claims, nil)
	return nil
}

// printClaims prints claims one per paragraph: what, who says so, how
// surely, who denies it, and the sentence. keep filters them (nil: all).
func printClaims(heading string, cs []claimJSON, keep func(claimJSON) bool) {
	var shown []claimJSON
	for _, c := range cs {
		if keep == nil || keep(c) {
			shown = append(shown, c)
		}
	}
	if len(shown) == 0 {
		return
	}
	fmt.Printf("\n%s (%d):\n", heading, len(shown))
	for _, c := range shown {
		fmt.Printf("  %-10s  %s [%s]\n", c.ArticleDate, describeClaim(c), c.Hedge)
		if len(c.DeniedBy) > 0 {
			fmt.Printf("      denied by %s\n", strings.Join(c.DeniedBy, ", "))
		}
		src := strings.Join(c.Sources, ",")
		if src == "" {
			src = "-"
		}
		fmt.Printf("      %s, %s, %s: %q\n", c.Article, src, c.Language, oneLine(c.Evidence, 220))
	}
}

// describeClaim says a claim in a line of English.
func describeClaim(c claimJSON) string {
	name := func(p *store.Party) string {
		if p == nil {
			return ""
		}
		return p.Name
	}
	subj, obj, by := c.Subject.Name, name(c.Object), name(c.Attributor)
	var s string
	switch c.Type {
	case "attribution":
		s = "attacks"
		if obj != "" {
			s += " on " + obj
		}
		s += " attributed to " + subj
		if by != "" {
			s += " by " + by
		}
		return s
	case "sponsorship":
		s = subj + " sponsored by " + obj
	case "denial":
		s = by + " denies"
		if by == "" {
			s = subj + " denies"
		}
	case "alias":
		s = subj + " also known as " + obj
	case "first-reported":
		s = subj + " first reported"
		if by != "" {
			s += " by " + by
		}
	case "activity":
		s = subj + " active"
	case "targeting":
		s = subj + " targets " + obj
	default: // uses, exploits
		s = subj + " " + c.Type + " " + obj
	}
	if c.Date != "" {
		s += " (" + c.Date + ")"
	}
	if by != "" && c.Type != "denial" && c.Type != "first-reported" {
		s += ", says " + by
	}
	return s
}

// oneLine collapses white space and cuts s to n bytes at a rune boundary.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}

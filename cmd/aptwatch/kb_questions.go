package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/store"
)

type actorsCmd struct {
	Since   string `help:"Only articles published on or after this date (YYYY-MM-DD)."`
	Country string `help:"Only actors in articles where this country (ISO code or name) is a victim."`
	Sector  string `help:"Only actors in articles naming this sector."`
	Limit   int    `default:"50" help:"At most this many actors."`
	Format  string `enum:"text,json" default:"text" help:"text or json."`
}

type actorJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	AttackID string `json:"attack_id,omitempty"`
	Sponsor  string `json:"sponsor,omitempty"`
	Articles int    `json:"articles"`
	LastSeen string `json:"last_seen"`
}

func (cmd *actorsCmd) Run(c *cli) error {
	ctx := context.Background()
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	f := store.ActorFilter{Since: cmd.Since, Limit: cmd.Limit}
	if cmd.Country != "" {
		m, ok := cat.Resolve(cmd.Country, catalog.Country)
		if !ok {
			return fmt.Errorf("unknown country %q", cmd.Country)
		}
		f.Country = strings.TrimPrefix(m.Entity.ID, "country:")
	}
	if cmd.Sector != "" {
		m, ok := cat.Resolve(cmd.Sector, catalog.Sector)
		if !ok {
			return fmt.Errorf("unknown sector %q", cmd.Sector)
		}
		f.Sector = m.Entity.ID
	}
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.Actors(ctx, f)
	if err != nil {
		return err
	}
	if cmd.Format == "json" {
		out := make([]actorJSON, 0, len(as))
		for _, a := range as {
			out = append(out, actorJSON{a.EntityID, a.Name, a.Kind, a.AttackID, a.Sponsor, a.Articles, a.LastSeen})
		}
		return printJSON(out)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ACTOR\tKIND\tATT&CK\tSPONSOR\tARTICLES\tLAST SEEN")
	for _, a := range as {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\n", a.Name, a.Kind, a.AttackID, a.Sponsor, a.Articles, a.LastSeen)
	}
	return w.Flush()
}

type actorCmd struct {
	Name   []string `arg:"" help:"Actor name, any alias, or catalogue id."`
	Format string   `enum:"text,json" default:"text" help:"text or json."`
}

type profileJSON struct {
	ID        string              `json:"id"`
	Name      string              `json:"name"`
	Kind      string              `json:"kind"`
	AttackID  string              `json:"attack_id,omitempty"`
	Sponsor   string              `json:"sponsor,omitempty"`
	Aliases   []aliasJSON         `json:"aliases"`
	NamesSeen []store.NameCount   `json:"names_seen"`
	Sponsors  []store.CodeCount   `json:"sponsors"`
	Victims   []store.CodeCount   `json:"victims"`
	Sectors   []store.NameCount   `json:"sectors"`
	Malware   []store.EntityCount `json:"malware"`
	Vulns     []store.EntityCount `json:"vulnerabilities"`
	Articles  []articleJSON       `json:"articles"`
	// Timeline: attributions, sponsorships and denials about the actor,
	// by date, with their sources and evidence.
	Timeline []claimJSON `json:"timeline"`
}

type articleJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Language  string   `json:"language"`
	Sources   []string `json:"sources"`
}

func toArticleJSON(a store.ArticleSummary) articleJSON {
	src := a.Sources
	if src == nil {
		src = []string{}
	}
	return articleJSON{a.ID, a.Title, a.URL, a.Published, a.Language, src}
}

func (cmd *actorCmd) Run(c *cli) error {
	ctx := context.Background()
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	name := strings.Join(cmd.Name, " ")
	id := "new:" + name
	var ent *catalog.Entity
	if e, ok := cat.ByID(name); ok {
		ent = e
	} else if m, ok := cat.Resolve(name, catalog.Actor); ok {
		ent = m.Entity
	}
	if ent != nil {
		id = ent.ID
	}
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := st.ActorProfile(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		if ent == nil {
			return fmt.Errorf("no actor is called %q, in the catalogue or in any article", name)
		}
		return fmt.Errorf("%s (%s) is in the catalogue but no stored article names it", ent.Name, ent.ID)
	}
	if err != nil {
		return err
	}
	out := profileJSON{ID: p.EntityID, Name: p.Name, Kind: p.Kind, AttackID: p.AttackID, Sponsor: p.Sponsor, Aliases: []aliasJSON{},
		NamesSeen: p.NamesSeen, Sponsors: p.Sponsors, Victims: p.Victims, Sectors: p.Sectors, Malware: p.Malware, Vulns: p.Vulns}
	if ent != nil {
		for _, a := range ent.Aliases {
			out.Aliases = append(out.Aliases, aliasJSON{a.Name, a.Source, a.Ambiguity.String(), a.Lang, a.Adjective, a.Origin})
		}
	}
	for _, a := range p.Articles {
		out.Articles = append(out.Articles, toArticleJSON(a))
	}
	out.Timeline = []claimJSON{}
	for _, r := range p.Timeline {
		out.Timeline = append(out.Timeline, toClaimJSON(r))
	}
	if cmd.Format == "json" {
		return printJSON(out)
	}
	return printProfile(cat.Catalog, out)
}

func printProfile(cat *catalog.Catalog, p profileJSON) error {
	fmt.Printf("%s  (%s, %s", p.Name, p.ID, p.Kind)
	if p.AttackID != "" {
		fmt.Printf(", %s", p.AttackID)
	}
	if p.Sponsor != "" {
		fmt.Printf(", suspected sponsor %s", p.Sponsor)
	}
	fmt.Println(")")
	var names []string
	for _, a := range p.Aliases {
		if a.Source != "" {
			names = append(names, a.Name+" ["+a.Source+"]")
		} else {
			names = append(names, a.Name)
		}
	}
	if len(names) > 0 {
		fmt.Printf("Also known as: %s\n", strings.Join(names, ", "))
	}
	codes := func(cs []store.CodeCount) string {
		var s []string
		for _, c := range cs {
			n := c.Code
			if e, ok := cat.ByID("country:" + c.Code); ok {
				n = e.Name
			}
			s = append(s, fmt.Sprintf("%s (%d)", n, c.Count))
		}
		return strings.Join(s, ", ")
	}
	counts := func(cs []store.NameCount) string {
		var s []string
		for _, c := range cs {
			n := c.Name
			if e, ok := cat.ByID(c.Name); ok { // sector ids
				n = e.Name
			}
			s = append(s, fmt.Sprintf("%s (%d)", n, c.Count))
		}
		return strings.Join(s, ", ")
	}
	ents := func(cs []store.EntityCount) string {
		var s []string
		for _, c := range cs {
			s = append(s, fmt.Sprintf("%s (%d)", c.Name, c.Count))
		}
		return strings.Join(s, ", ")
	}
	for _, row := range [][2]string{
		{"Named as", counts(p.NamesSeen)}, {"Sponsors", codes(p.Sponsors)}, {"Victims", codes(p.Victims)},
		{"Sectors", counts(p.Sectors)}, {"Malware", ents(p.Malware)}, {"Vulns", ents(p.Vulns)},
	} {
		if row[1] != "" {
			fmt.Printf("%-14s %s\n", row[0]+":", row[1])
		}
	}
	fmt.Printf("Articles (%d):\n", len(p.Articles))
	if err := printArticles("  ", "", p.Articles); err != nil {
		return err
	}
	printClaims("Attribution timeline", p.Timeline, nil)
	return nil
}

type articlesCmd struct {
	Actor  string `help:"Only articles naming this actor."`
	Since  string `help:"Only articles published on or after this date (YYYY-MM-DD)."`
	Limit  int    `default:"100" help:"At most this many articles."`
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *articlesCmd) Run(c *cli) error {
	ctx := context.Background()
	f := store.ArticleFilter{Since: cmd.Since, Limit: cmd.Limit}
	if cmd.Actor != "" {
		cat, err := loadCatalog(c)
		if err != nil {
			return err
		}
		f.EntityID = "new:" + cmd.Actor
		if m, ok := cat.Resolve(cmd.Actor, catalog.Actor); ok {
			f.EntityID = m.Entity.ID
		}
	}
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.Articles(ctx, f)
	if err != nil {
		return err
	}
	out := make([]articleJSON, 0, len(as))
	for _, a := range as {
		out = append(out, toArticleJSON(a))
	}
	if cmd.Format == "json" {
		return printJSON(out)
	}
	return printArticles("", "PUBLISHED\tID\tLANG\tSOURCES\tTITLE", out)
}

// printArticles prints one article a line, aligned, under header if any.
func printArticles(indent, header string, list []articleJSON) error {
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	if header != "" {
		fmt.Fprintln(w, indent+header)
	}
	for _, a := range list {
		fmt.Fprintf(w, "%s%s\t%s\t%s\t%s\t%s\n", indent, a.Published, a.ID, a.Language, strings.Join(a.Sources, ","), a.Title)
	}
	return w.Flush()
}

type searchCmd struct {
	Query  []string `arg:"" help:"Words to find; quote a phrase."`
	Limit  int      `default:"20" help:"At most this many results."`
	Format string   `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *searchCmd) Run(c *cli) error {
	ctx := context.Background()
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, strings.Join(cmd.Query, " "), cmd.Limit)
	if err != nil {
		return err
	}
	if cmd.Format == "json" {
		type hitJSON struct {
			articleJSON
			Snippet string  `json:"snippet"`
			Rank    float64 `json:"rank"`
		}
		out := make([]hitJSON, 0, len(hits))
		for _, h := range hits {
			out = append(out, hitJSON{toArticleJSON(h.ArticleSummary), h.Snippet, h.Rank})
		}
		return printJSON(out)
	}
	for _, h := range hits {
		fmt.Printf("%s  %s  %s\n    %s\n", h.Published, h.ID, h.Title, strings.Join(strings.Fields(h.Snippet), " "))
	}
	if len(hits) == 0 {
		fmt.Println("no articles match")
	}
	return nil
}

type checkCmd struct {
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *checkCmd) Run(c *cli) error {
	ctx := context.Background()
	st, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if cmd.Format == "json" {
		if err := printJSON(r); err != nil {
			return err
		}
	} else {
		fmt.Printf("%d documents, %d articles\n", r.Documents, r.Articles)
		fmt.Printf("documents without bytes or with the wrong hash: %d %v\n", len(r.DocumentsNoBytes), r.DocumentsNoBytes)
		fmt.Printf("documents not analysed yet: %d\n", len(r.DocumentsPending))
		fmt.Printf("articles without their document: %d %v\n", len(r.ArticlesOrphaned), r.ArticlesOrphaned)
		fmt.Printf("mentions outside their text: %d\n", r.MentionsOutOfText)
	}
	if !r.OK() {
		fmt.Fprintln(os.Stderr, "check: the knowledge base is damaged")
		return exitError{1}
	}
	return nil
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/catalog/importer"
)

type catalogCmd struct {
	List      catalogListCmd      `cmd:"" help:"List entities."`
	Show      catalogShowCmd      `cmd:"" help:"Show one entity with all its names, who coined them, and its links."`
	Resolve   catalogResolveCmd   `cmd:"" help:"Resolve names to canonical entities."`
	Validate  catalogValidateCmd  `cmd:"" help:"Check the catalogue: duplicate ids, dangling links, a name on two actors without a link."`
	Conflicts catalogConflictsCmd `cmd:"" help:"List names that imports claim for more than one entity."`
	Import    catalogImportCmd    `cmd:"" help:"Import a MISP galaxy cluster file, an ATT&CK STIX bundle or Microsoft's naming table."`
	Sync      catalogSyncCmd      `cmd:"" help:"Download the current MISP galaxy and ATT&CK files and import them."`
}

func loadCatalog(c *cli) (*catalog.Loaded, error) {
	return catalog.Load(c.dataDir())
}

type catalogListCmd struct {
	Kind   string `help:"Only this kind: actor, campaign, malware, tool, vulnerability, country, sector."`
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *catalogListCmd) Run(c *cli) error {
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	var kind catalog.Kind
	if cmd.Kind != "" {
		if kind, err = catalog.ParseKind(cmd.Kind); err != nil {
			return err
		}
	}
	var es []*catalog.Entity
	for _, e := range cat.Entities() {
		if kind == "" || e.Kind == kind {
			es = append(es, e)
		}
	}
	if cmd.Format == "json" {
		out := make([]entityJSON, len(es))
		for i, e := range es {
			out[i] = toEntityJSON(e)
		}
		return printJSON(out)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tKIND\tATT&CK\tSPONSOR\tALIASES")
	for _, e := range es {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\n", e.ID, e.Name, kindLabel(e), e.AttackID(), e.Sponsor, len(e.AliasNames()))
	}
	return w.Flush()
}

func kindLabel(e *catalog.Entity) string {
	if e.Type != "" {
		return string(e.Kind) + "/" + e.Type
	}
	return string(e.Kind)
}

type catalogShowCmd struct {
	Name   []string `arg:"" help:"Entity name, alias or id."`
	Format string   `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *catalogShowCmd) Run(c *cli) error {
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	name := strings.Join(cmd.Name, " ")
	e, ok := cat.ByID(name)
	if !ok {
		m, found := cat.Resolve(name)
		if !found {
			return fmt.Errorf("no entity is called %q", name)
		}
		e = m.Entity
	}
	if cmd.Format == "json" {
		return printJSON(toEntityJSON(e))
	}
	fmt.Printf("%s  (%s, %s)\n", e.Name, e.ID, kindLabel(e))
	if len(e.AttackIDs) > 0 {
		fmt.Printf("ATT&CK:     %s\n", strings.Join(e.AttackIDs, ", "))
	}
	if len(e.MISP) > 0 {
		fmt.Printf("MISP:       %s\n", strings.Join(e.MISP, ", "))
	}
	for _, kv := range [][2]string{{"Sponsor", e.Sponsor}, {"Motivation", e.Motivation}, {"First seen", e.FirstSeen}, {"Product", e.Product}} {
		if kv[1] != "" {
			fmt.Printf("%-11s %s\n", kv[0]+":", kv[1])
		}
	}
	if len(e.CVEs) > 0 {
		fmt.Printf("CVEs:       %s\n", strings.Join(e.CVEs, ", "))
	}
	fmt.Println("Names:")
	for _, a := range e.Aliases {
		var notes []string
		if a.Source != "" {
			notes = append(notes, "coined by "+a.Source)
		}
		if a.Lang != "" {
			notes = append(notes, a.Lang)
		}
		if a.Adjective {
			notes = append(notes, "adjective")
		}
		if a.Ambiguity != catalog.AmbiguityNone {
			notes = append(notes, "ambiguity "+a.Ambiguity.String())
		}
		if a.Origin != "builtin" {
			notes = append(notes, "from "+a.Origin)
		}
		fmt.Printf("  %s", a.Name)
		if len(notes) > 0 {
			fmt.Printf("  (%s)", strings.Join(notes, "; "))
		}
		fmt.Println()
	}
	if len(e.Uses) > 0 {
		fmt.Println("Uses:")
		for _, u := range e.Uses {
			n := u
			if t, ok := cat.ByID(u); ok {
				n = t.Name
			}
			fmt.Printf("  %s\n", n)
		}
	}
	if len(e.Links) > 0 {
		fmt.Println("Links:")
		for _, l := range e.Links {
			n := l.Target
			if t, ok := cat.ByID(l.Target); ok {
				n = t.Name + " (" + t.ID + ")"
			}
			fmt.Printf("  %s %s  score %.2f  %s\n", l.Relation, n, l.Score, l.Note)
		}
	}
	return nil
}

type catalogResolveCmd struct {
	Names  []string `arg:"" optional:"" help:"Names to resolve; with none, or -, one name a line from stdin."`
	Format string   `enum:"text,json" default:"json" help:"json (an array, one object per name, in order) or text."`
	Kind   string   `help:"Only resolve to this kind."`
}

type resolveJSON struct {
	Query        string  `json:"query"`
	ID           *string `json:"id"`
	Name         *string `json:"name"`
	AttackID     *string `json:"attack_id"`
	Kind         *string `json:"kind"`
	Sponsor      *string `json:"sponsor"`
	MatchedAlias *string `json:"matched_alias"`
	Ambiguity    *string `json:"ambiguity"`
	Rule         string  `json:"rule,omitempty"`
}

func (cmd *catalogResolveCmd) Run(c *cli) error {
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	var kinds []catalog.Kind
	if cmd.Kind != "" {
		k, err := catalog.ParseKind(cmd.Kind)
		if err != nil {
			return err
		}
		kinds = append(kinds, k)
	}
	names := cmd.Names
	if len(names) == 0 || len(names) == 1 && names[0] == "-" {
		names = nil
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				names = append(names, s)
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	out := make([]resolveJSON, len(names))
	for i, n := range names {
		r := resolveJSON{Query: n}
		if m, ok := cat.Resolve(n, kinds...); ok {
			e := m.Entity
			kind := string(e.Kind)
			if e.Type != "" && e.Kind == catalog.Actor {
				kind = e.Type
			}
			amb := m.Alias.Ambiguity.String()
			r.ID, r.Name, r.Kind, r.MatchedAlias, r.Ambiguity = &e.ID, &e.Name, &kind, &m.Alias.Name, &amb
			if a := e.AttackID(); a != "" {
				r.AttackID = &a
			}
			if e.Sponsor != "" {
				r.Sponsor = &e.Sponsor
			}
			r.Rule = m.Rule
		}
		out[i] = r
	}
	if cmd.Format == "text" {
		w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		for _, r := range out {
			if r.ID == nil {
				fmt.Fprintf(w, "%s\t-\n", r.Query)
				continue
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t(%s)\n", r.Query, *r.Name, *r.ID, deref(r.AttackID), r.Rule)
		}
		return w.Flush()
	}
	return printJSON(out)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

type catalogValidateCmd struct{}

func (cmd *catalogValidateCmd) Run(c *cli) error {
	base, err := catalog.BuiltinEntities()
	if err != nil {
		return err
	}
	loaded, err := loadCatalog(c)
	if err != nil {
		return err
	}
	ps := catalog.Validate(loaded.Entities())
	errs := 0
	for _, p := range ps {
		fmt.Println(p)
		if p.Severity == "error" {
			errs++
		}
	}
	counts := map[catalog.Kind]int{}
	for _, e := range loaded.Entities() {
		counts[e.Kind]++
	}
	var parts []string
	for _, k := range catalog.Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	fmt.Fprintf(os.Stderr, "catalogue: %s (%d built in, %d imports); %d errors, %d warnings\n",
		strings.Join(parts, ", "), len(base), len(loaded.Imports), errs, len(ps)-errs)
	if errs > 0 {
		return exitError{1}
	}
	return nil
}

type catalogConflictsCmd struct {
	Format string `enum:"text,json" default:"text" help:"text or json."`
}

func (cmd *catalogConflictsCmd) Run(c *cli) error {
	cat, err := loadCatalog(c)
	if err != nil {
		return err
	}
	cs := cat.Conflicts
	catalog.SortConflicts(cs)
	if cmd.Format == "json" {
		type cj struct {
			Name      string   `json:"name"`
			Entities  []string `json:"entities"`
			Claimants []string `json:"claimed_by"`
			Origin    string   `json:"origin"`
			Note      string   `json:"note"`
		}
		out := make([]cj, 0, len(cs))
		for _, x := range cs {
			out = append(out, cj{x.Name, x.Entities, x.Claimants, x.Origin, x.Note})
		}
		return printJSON(out)
	}
	if len(cs) == 0 {
		fmt.Println("no conflicts")
		return nil
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tKEPT ON\tALSO CLAIMED FOR\tNOTE")
	for _, x := range cs {
		also := strings.Join(x.Entities[1:], ", ")
		if also == "" {
			also = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", x.Name, x.Entities[0], also, x.Note)
	}
	return w.Flush()
}

type catalogImportCmd struct {
	Format string   `required:"" enum:"misp-galaxy,attack,microsoft" help:"misp-galaxy, attack or microsoft."`
	Files  []string `arg:"" type:"existingfile" help:"Files to import."`
}

func (cmd *catalogImportCmd) Run(c *cli) error {
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	failed := 0
	for _, f := range cmd.Files {
		es, err := importer.ReadFile(cmd.Format, f, countryResolver(cat))
		if err == nil {
			name := cmd.Format + "-" + catalog.Slug(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
			var dest string
			dest, err = catalog.SaveImport(c.dataDir(), name, fmt.Sprintf("aptwatch catalog import --format %s %s", cmd.Format, f), es)
			if err == nil {
				fmt.Fprintf(os.Stderr, "%s: %d entities imported into %s\n", f, len(es), dest)
				continue
			}
		}
		fmt.Fprintf(os.Stderr, "aptwatch: %s: %v (catalogue unchanged)\n", f, err)
		failed++
	}
	if failed > 0 {
		return exitError{1}
	}
	loaded, err := loadCatalog(c)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "catalogue now has %d entities; %d names in conflict (see: aptwatch catalog conflicts)\n", len(loaded.Entities()), len(loaded.Conflicts))
	return nil
}

// countryResolver lets importers turn sponsor country names into codes.
func countryResolver(cat *catalog.Catalog) importer.CountryResolver {
	return func(name string) (string, bool) {
		m, ok := cat.Resolve(name, catalog.Country)
		if !ok {
			return "", false
		}
		return strings.TrimPrefix(m.Entity.ID, "country:"), true
	}
}

type entityJSON struct {
	ID         string         `json:"id"`
	Kind       string         `json:"kind"`
	Type       string         `json:"type,omitempty"`
	Name       string         `json:"name"`
	AttackIDs  []string       `json:"attack_ids,omitempty"`
	MISP       []string       `json:"misp,omitempty"`
	Sponsor    string         `json:"sponsor,omitempty"`
	Motivation string         `json:"motivation,omitempty"`
	FirstSeen  string         `json:"first_seen,omitempty"`
	CVEs       []string       `json:"cves,omitempty"`
	Aliases    []aliasJSON    `json:"aliases"`
	Links      []catalog.Link `json:"links,omitempty"`
}

type aliasJSON struct {
	Name      string `json:"name"`
	Source    string `json:"source,omitempty"`
	Ambiguity string `json:"ambiguity"`
	Lang      string `json:"lang,omitempty"`
	Adjective bool   `json:"adjective,omitempty"`
	Origin    string `json:"origin"`
}

func toEntityJSON(e *catalog.Entity) entityJSON {
	j := entityJSON{ID: e.ID, Kind: string(e.Kind), Type: e.Type, Name: e.Name, AttackIDs: e.AttackIDs, MISP: e.MISP,
		Sponsor: e.Sponsor, Motivation: e.Motivation, FirstSeen: e.FirstSeen, CVEs: e.CVEs, Links: e.Links, Aliases: []aliasJSON{}}
	for _, a := range e.Aliases {
		j.Aliases = append(j.Aliases, aliasJSON{a.Name, a.Source, a.Ambiguity.String(), a.Lang, a.Adjective, a.Origin})
	}
	sort.SliceStable(j.Aliases, func(a, b int) bool {
		return j.Aliases[a].Adjective != j.Aliases[b].Adjective && !j.Aliases[a].Adjective
	})
	return j
}

func printJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

type catalogSyncCmd struct {
	Timeout time.Duration `default:"30s" help:"Connection timeout per file."`
}

func (cmd *catalogSyncCmd) Run(c *cli) error {
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: cmd.Timeout}).DialContext,
		TLSHandshakeTimeout:   cmd.Timeout,
		ResponseHeaderTimeout: cmd.Timeout,
	}}
	failed := 0
	for _, u := range importer.Upstreams {
		fmt.Fprintf(os.Stderr, "downloading %s ...\n", u.URL)
		data, err := importer.Download(context.Background(), client, u)
		if err == nil {
			var es []*catalog.Entity
			es, err = importer.Convert(u.Format, data, countryResolver(cat))
			if err == nil {
				var dest string
				dest, err = catalog.SaveImport(c.dataDir(), u.Name, "aptwatch catalog sync: "+u.URL, es)
				if err == nil {
					fmt.Fprintf(os.Stderr, "%s: %d entities imported into %s\n", u.Name, len(es), dest)
					continue
				}
			}
		}
		fmt.Fprintf(os.Stderr, "aptwatch: %s: %v (previous import kept)\n", u.Name, err)
		failed++
		if failed == 1 && strings.Contains(err.Error(), "is this machine online") {
			return exitError{1}
		}
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

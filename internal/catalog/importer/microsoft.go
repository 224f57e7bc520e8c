package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

type microsoftRow struct {
	Name   *string `json:"Threat actor name"`
	Origin string  `json:"Origin/Threat"`
	Other  string  `json:"Other names"`
}

// convertMicrosoft reads Microsoft's threat actor naming table: a JSON array
// of {"Threat actor name", "Origin/Threat", "Other names"}.
func convertMicrosoft(data []byte, countries CountryResolver) ([]*catalog.Entity, error) {
	var rows []microsoftRow
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("not Microsoft's threat actor naming table (a JSON array of objects): %w", err)
	}
	if len(rows) == 0 {
		return nil, errors.New("Microsoft naming table is empty")
	}
	seen := map[string]int{}
	var out []*catalog.Entity
	for i, r := range rows {
		if r.Name == nil || strings.TrimSpace(*r.Name) == "" {
			return nil, fmt.Errorf("row %d has no \"Threat actor name\"", i+1)
		}
		name := strings.TrimSpace(*r.Name)
		slug := catalog.Slug(name)
		if j, dup := seen[slug]; dup {
			return nil, fmt.Errorf("row %d: %q is listed twice (also row %d)", i+1, name, j+1)
		}
		seen[slug] = i
		e := &catalog.Entity{ID: "microsoft:" + slug, Kind: catalog.Actor, Name: name, Type: "apt"}
		e.Aliases = append(e.Aliases, catalog.Alias{Name: name, Source: "Microsoft"})
		origin := strings.TrimSpace(strings.Split(r.Origin, ",")[0])
		if countries != nil {
			if cc, ok := countries(origin); ok {
				e.Sponsor = cc
			}
		}
		if strings.Contains(strings.ToLower(r.Origin), "financially motivated") {
			e.Type = "criminal"
		}
		for _, o := range strings.Split(r.Other, ",") {
			addAlias(e, o, "")
		}
		out = append(out, e)
	}
	return out, nil
}

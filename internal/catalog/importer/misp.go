package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
)

type mispCluster struct {
	Type   *string     `json:"type"`
	Name   string      `json:"name"`
	Values []mispValue `json:"values"`
}

type mispValue struct {
	Value string `json:"value"`
	UUID  string `json:"uuid"`
	Meta  struct {
		Synonyms        []string `json:"synonyms"`
		Country         any      `json:"country"`
		CFRSponsor      string   `json:"cfr-suspected-state-sponsor"`
		ExternalID      any      `json:"external_id"`
		NameAttribution []string `json:"name-attribution"`
	} `json:"meta"`
	Related []struct {
		DestUUID string   `json:"dest-uuid"`
		Type     string   `json:"type"`
		Tags     []string `json:"tags"`
	} `json:"related"`
}

// mispKinds maps a galaxy cluster type to the kind of its entries.
var mispKinds = map[string]catalog.Kind{
	"threat-actor":             catalog.Actor,
	"microsoft-activity-group": catalog.Actor,
	"360net":                   catalog.Actor,
	"360net-threat-actor":      catalog.Actor,
	"mitre-intrusion-set":      catalog.Actor,
	"malpedia":                 catalog.Malware,
	"mitre-malware":            catalog.Malware,
	"ransomware":               catalog.Malware,
	"rat":                      catalog.Malware,
	"backdoor":                 catalog.Malware,
	"tool":                     catalog.Tool,
	"mitre-tool":               catalog.Tool,
}

var (
	uuidRe         = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	attackSuffixRe = regexp.MustCompile(`\s+-\s+[GSC]\d{4}$`)
	attackIDRe     = regexp.MustCompile(`^[GSC]\d{4}$`)
)

// likelihood turns MISP estimative-language tags into a link score.
var likelihood = map[string]float64{
	"almost-certain": 0.95, "very-likely": 0.85, "likely": 0.7, "roughly-even-chance": 0.5,
	"unlikely": 0.3, "very-unlikely": 0.15, "almost-no-chance": 0.05,
}

func convertMISP(data []byte, countries CountryResolver) ([]*catalog.Entity, error) {
	var c mispCluster
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("not a MISP galaxy cluster file: %w", err)
	}
	if c.Type == nil || c.Values == nil {
		return nil, errors.New(`not a MISP galaxy cluster file: no "type" or "values"`)
	}
	kind, ok := mispKinds[*c.Type]
	if !ok {
		return nil, fmt.Errorf("MISP cluster type %q is not supported (want one of threat-actor, microsoft-activity-group, 360net, malpedia, ransomware, tool, mitre-intrusion-set, mitre-malware, mitre-tool, rat, backdoor)", *c.Type)
	}
	seen := map[string]int{}
	var out []*catalog.Entity
	for i, v := range c.Values {
		name := strings.TrimSpace(v.Value)
		if name == "" {
			return nil, fmt.Errorf("values[%d]: empty value", i)
		}
		if namekey.Key(name) == "" {
			continue // a name of symbols alone ("???") cannot be matched
		}
		if !uuidRe.MatchString(v.UUID) {
			return nil, fmt.Errorf("values[%d] (%s): missing or malformed uuid %q", i, name, v.UUID)
		}
		u := strings.ToLower(v.UUID)
		if j, dup := seen[u]; dup {
			return nil, fmt.Errorf("values[%d] (%s): duplicate uuid %s, also on values[%d] (%s)", i, name, u, j, c.Values[j].Value)
		}
		seen[u] = i
		e := &catalog.Entity{ID: "misp:" + u, Kind: kind, Name: name, MISP: []string{u}}
		if kind == catalog.Malware && *c.Type == "ransomware" {
			e.Type = "ransomware"
		}
		if m := attackSuffixRe.FindString(name); m != "" {
			e.Name = strings.TrimSpace(name[:len(name)-len(m)])
			e.AttackIDs = append(e.AttackIDs, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m), "-")))
		}
		if id, ok := v.Meta.ExternalID.(string); ok && attackIDRe.MatchString(id) && len(e.AttackIDs) == 0 {
			e.AttackIDs = append(e.AttackIDs, id)
		}
		for _, s := range v.Meta.Synonyms {
			addAlias(e, s, "")
		}
		if kind == catalog.Actor {
			e.Sponsor = sponsorOf(v, countries)
		}
		for _, r := range v.Related {
			rel := mispRelation(r.Type)
			if rel == "" || !uuidRe.MatchString(r.DestUUID) {
				continue
			}
			score := 0.5
			for _, t := range r.Tags {
				if _, val, ok := strings.Cut(t, "likelihood-probability="); ok {
					if s, ok := likelihood[strings.Trim(val, `"`)]; ok {
						score = s
					}
				}
			}
			e.Links = append(e.Links, catalog.Link{Relation: rel, Target: "misp:" + strings.ToLower(r.DestUUID), Score: score, Note: "MISP galaxy " + r.Type})
		}
		out = append(out, e)
	}
	return out, nil
}

func mispRelation(t string) string {
	switch t {
	case "similar", "linked-to", "related-to", "associated-with":
		return "similar"
	case "overlaps":
		return "overlaps"
	case "part-of", "subset-of":
		return "part-of"
	case "variant-of":
		return "variant-of"
	}
	return ""
}

func sponsorOf(v mispValue, countries CountryResolver) string {
	if v.Meta.CFRSponsor != "" && countries != nil {
		if cc, ok := countries(v.Meta.CFRSponsor); ok {
			return cc
		}
	}
	if s, ok := v.Meta.Country.(string); ok && len(s) == 2 && v.Meta.CFRSponsor != "" {
		return strings.ToUpper(s)
	}
	return ""
}

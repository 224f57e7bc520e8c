package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

type stixBundle struct {
	Type    string            `json:"type"`
	Objects []json.RawMessage `json:"objects"`
}

type stixObject struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	XAliases   []string `json:"x_mitre_aliases"`
	Revoked    bool     `json:"revoked"`
	Deprecated bool     `json:"x_mitre_deprecated"`
	FirstSeen  string   `json:"first_seen"`
	ExtRefs    []struct {
		Source     string `json:"source_name"`
		ExternalID string `json:"external_id"`
	} `json:"external_references"`
	RelType string `json:"relationship_type"`
	Source  string `json:"source_ref"`
	Target  string `json:"target_ref"`
}

var attackKinds = map[string]catalog.Kind{
	"intrusion-set": catalog.Actor,
	"malware":       catalog.Malware,
	"tool":          catalog.Tool,
	"campaign":      catalog.Campaign,
}

// convertAttack reads an ATT&CK STIX bundle: intrusion sets, malware, tools
// and campaigns with their ATT&CK ids and aliases; "uses" and
// "attributed-to" relationships; and "revoked-by", which folds a revoked
// object's names and id into the object that replaced it.
func convertAttack(data []byte) ([]*catalog.Entity, error) {
	var b stixBundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("not a STIX bundle: %w", err)
	}
	if b.Type != "bundle" || b.Objects == nil {
		return nil, errors.New(`not a STIX bundle: want {"type": "bundle", "objects": [...]}`)
	}
	byID := map[string]*catalog.Entity{}
	var order []*catalog.Entity
	var rels []stixObject
	for i, raw := range b.Objects {
		var o stixObject
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, fmt.Errorf("objects[%d]: %w", i, err)
		}
		if o.Type == "relationship" {
			rels = append(rels, o)
			continue
		}
		kind, ok := attackKinds[o.Type]
		if !ok {
			continue
		}
		if o.ID == "" || strings.TrimSpace(o.Name) == "" {
			return nil, fmt.Errorf("objects[%d]: %s without id or name", i, o.Type)
		}
		if _, dup := byID[o.ID]; dup {
			return nil, fmt.Errorf("objects[%d]: duplicate STIX id %s", i, o.ID)
		}
		e := &catalog.Entity{ID: "attack:" + o.ID, Kind: kind, Name: strings.TrimSpace(o.Name)}
		if kind == catalog.Actor {
			e.Type = "apt"
		}
		for _, r := range o.ExtRefs {
			if r.Source == "mitre-attack" && attackIDRe.MatchString(r.ExternalID) {
				e.AttackIDs = append(e.AttackIDs, r.ExternalID)
			}
		}
		if len(o.FirstSeen) >= 4 {
			e.FirstSeen = o.FirstSeen[:4]
		}
		for _, a := range append(o.Aliases, o.XAliases...) {
			addAlias(e, a, "ATT&CK")
		}
		byID[o.ID] = e
		if !o.Revoked {
			order = append(order, e)
		}
	}
	// Fold revoked objects into their replacements.
	revoked := map[*catalog.Entity]bool{}
	for _, r := range rels {
		if r.RelType != "revoked-by" {
			continue
		}
		from, to := byID[r.Source], byID[r.Target]
		if from == nil || to == nil {
			continue
		}
		revoked[from] = true
		to.AttackIDs = append(to.AttackIDs, from.AttackIDs...)
		addAlias(to, from.Name, "ATT&CK")
		for _, a := range from.Aliases {
			addAlias(to, a.Name, a.Source)
		}
	}
	for _, r := range rels {
		from, to := byID[r.Source], byID[r.Target]
		if from == nil || to == nil || revoked[from] {
			continue
		}
		switch r.RelType {
		case "uses":
			if from.Kind == catalog.Actor && (to.Kind == catalog.Malware || to.Kind == catalog.Tool) {
				from.Uses = append(from.Uses, to.ID)
			}
		case "attributed-to":
			from.Links = append(from.Links, catalog.Link{Relation: "attributed-to", Target: to.ID, Score: 0.9, Note: "ATT&CK"})
		}
	}
	if len(order) == 0 {
		return nil, errors.New("the bundle holds no intrusion-set, malware, tool or campaign")
	}
	return order, nil
}

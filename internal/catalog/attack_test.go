package catalog

import (
	"encoding/json"
	"os"
	"testing"
)

// TestAttackGroupCoverage: every ATT&CK intrusion set resolves by its name
// and by each alias to an entity carrying its G-id (issue: 100% of groups,
// at least 98% of aliases).
func TestAttackGroupCoverage(t *testing.T) {
	path := sharedFile(t, "data/mitre-attack-groups/enterprise-attack-groups.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bundle struct {
		Objects []struct {
			Type    string   `json:"type"`
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Refs    []struct {
				Source string `json:"source_name"`
				ID     string `json:"external_id"`
			} `json:"external_references"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(data, &bundle); err != nil {
		t.Fatal(err)
	}
	c := builtin(t)
	carries := func(e *Entity, id string) bool {
		for _, x := range e.AttackIDs {
			if x == id {
				return true
			}
		}
		return false
	}
	groups, groupsOK, aliases, aliasesOK := 0, 0, 0, 0
	for _, o := range bundle.Objects {
		if o.Type != "intrusion-set" {
			continue
		}
		var gid string
		for _, r := range o.Refs {
			if r.Source == "mitre-attack" {
				gid = r.ID
			}
		}
		groups++
		if m, ok := c.Resolve(o.Name, Actor); ok && carries(m.Entity, gid) {
			groupsOK++
		} else {
			t.Errorf("group %s %q does not resolve to an entity carrying %s", gid, o.Name, gid)
		}
		for _, a := range o.Aliases {
			aliases++
			if m, ok := c.Resolve(a, Actor); ok && carries(m.Entity, gid) {
				aliasesOK++
			} else {
				got := "nothing"
				if ok {
					got = m.Entity.ID
				}
				t.Logf("alias miss: %q of %s %s resolves to %s", a, gid, o.Name, got)
			}
		}
	}
	share := float64(aliasesOK) / float64(aliases)
	t.Logf("ATT&CK groups: %d/%d resolve (%.1f%%); aliases: %d/%d (%.1f%%)", groupsOK, groups, 100*float64(groupsOK)/float64(groups), aliasesOK, aliases, 100*share)
	if share < 0.98 {
		t.Errorf("alias coverage %.1f%%, want at least 98%%", 100*share)
	}
}

package claims

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// stateNameOverrides are the names by which English writes a few states'
// governments, where "<Adjective> government" reads oddly.
var stateNameOverrides = map[string]string{
	"US": "U.S. government", "GB": "UK government", "KR": "South Korean government", "KP": "North Korean government",
	"NZ": "New Zealand government", "AE": "UAE government", "NL": "Dutch government", "CZ": "Czech government",
}

// statePartyName names the government (or, with embassy, the embassy) of
// the country with ISO code cc: "Belgian government", "Chinese embassy".
// Claims from "Belgium", "the Belgian Minister for Foreign Affairs" and "il
// governo belga" all come from one party, named the way the gold data and
// readers name it.
func statePartyName(cat *catalog.Catalog, cc string, embassy bool) string {
	adj := ""
	if e, ok := cat.ByID("country:" + cc); ok {
		for _, al := range e.Aliases {
			if al.Adjective && al.Lang == "en" {
				adj = titleCase(al.Name)
				break
			}
		}
		if adj == "" {
			adj = e.Name
		}
	}
	if adj == "" {
		adj = cc
	}
	if embassy {
		if cc == "US" {
			return "U.S. embassy"
		}
		return adj + " embassy"
	}
	if n, ok := stateNameOverrides[cc]; ok {
		return n
	}
	return adj + " government"
}

// stateParty is the Party of a state speaking through its government.
func stateParty(cat *catalog.Catalog, cc string, embassy bool) Party {
	return Party{Kind: KindCountry, ID: "country:" + cc, Name: statePartyName(cat, cc, embassy)}
}

// countryParty is the Party of a country as a place or an accused state.
func countryParty(cat *catalog.Catalog, cc string) Party {
	name := cc
	if e, ok := cat.ByID("country:" + cc); ok {
		name = e.Name
	}
	return Party{Kind: KindCountry, ID: "country:" + cc, Name: name}
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if w != "" {
			f[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(f, " ")
}

// isAdjective reports whether a country mention is an adjective ("belga",
// "Chinese") rather than a name. A word that is both ("China" is also the
// Spanish feminine adjective) counts as a name when it is capitalised and
// the catalogue holds it as a name.
func (d *doc) isAdjective(m recognize.Mention) bool {
	if !m.Alias.Adjective {
		return false
	}
	if !isCapitalised(m.Text) {
		return true
	}
	if v, ok := d.adj[m.Start]; ok {
		return v
	}
	v := d.adjectiveByName(m)
	if d.adj == nil {
		d.adj = map[int]bool{}
	}
	d.adj[m.Start] = v
	return v
}

func (d *doc) adjectiveByName(m recognize.Mention) bool {
	k := namekey.Key(m.Text)
	if namekey.Key(m.Entity.Name) == k {
		return false
	}
	for _, r := range d.cat.Lookup(k) {
		if r.Entity == m.Entity && !r.AliasInfo().Adjective {
			return false
		}
	}
	return true
}

// countryCode returns the ISO code of a country entity.
func countryCode(e *catalog.Entity) string { return strings.TrimPrefix(e.ID, "country:") }

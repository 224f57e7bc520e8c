package catalog

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Languages are those whose country names and triggers aptwatch knows.
var Languages = []string{"en", "it", "fr", "de", "es", "nl", "pt"}

// addCountryNames adds each country's standard name in every language, from
// CLDR through golang.org/x/text, to the country records that the data files
// give (with their extra names and adjectives).
func addCountryNames(es []*Entity) {
	namers := make(map[string]display.Namer, len(Languages))
	for _, l := range Languages {
		namers[l] = display.Regions(language.MustParse(l))
	}
	for _, e := range es {
		if e.Kind != Country {
			continue
		}
		code := strings.TrimPrefix(e.ID, "country:")
		region, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		have := map[string]bool{}
		for _, a := range e.Aliases {
			have[a.Lang+"\x00"+strings.ToLower(a.Name)] = true
		}
		for _, l := range Languages {
			n := namers[l].Name(region)
			if n == "" || have[l+"\x00"+strings.ToLower(n)] {
				continue
			}
			have[l+"\x00"+strings.ToLower(n)] = true
			e.Aliases = append(e.Aliases, Alias{Name: n, Lang: l, Source: "CLDR", Origin: "builtin"})
		}
	}
}

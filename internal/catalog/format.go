package catalog

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Write prints entities in the catalogue data format, so that Parse reads
// them back unchanged. Imports are stored this way.
func Write(w io.Writer, entities []*Entity) error {
	var b strings.Builder
	for _, e := range entities {
		fmt.Fprintf(&b, "%s %s\n", e.Kind, oneLine(e.Name))
		fmt.Fprintf(&b, "  id %s\n", e.ID)
		// raw writes a value whose parts the caller has already cleaned.
		raw := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %s %s\n", k, v)
			}
		}
		prop := func(k, v string) { raw(k, oneLine(v)) }
		prop("type", e.Type)
		for _, id := range e.AttackIDs {
			prop("attack", id)
		}
		for _, u := range e.MISP {
			prop("misp", u)
		}
		prop("sponsor", e.Sponsor)
		prop("motivation", e.Motivation)
		prop("first-seen", e.FirstSeen)
		prop("product", e.Product)
		for _, c := range e.CVEs {
			prop("cve", c)
		}
		for _, u := range e.Uses {
			prop("uses", u)
		}
		for _, a := range e.Aliases {
			switch {
			case a.Lang != "" && a.Adjective:
				prop("adj", a.Lang+" "+strings.ReplaceAll(a.Name, ";", ","))
			case a.Lang != "" && e.Kind == Sector:
				prop("term", a.Lang+" "+strings.ReplaceAll(a.Name, ";", ","))
			case a.Lang != "":
				prop("name", a.Lang+" "+strings.ReplaceAll(a.Name, ";", ","))
			default:
				line := oneLine(a.Name)
				var flags []string
				if a.Ambiguity != AmbiguityNone {
					flags = append(flags, a.Ambiguity.String())
				}
				if a.CaseOnly {
					flags = append(flags, "case")
				}
				if a.Typo {
					flags = append(flags, "typo")
				}
				if a.Source != "" || len(flags) > 0 {
					line += " | " + oneLine(a.Source)
				}
				if len(flags) > 0 {
					line += " | " + strings.Join(flags, " ")
				}
				raw("alias", line)
			}
		}
		for _, l := range e.Links {
			line := fmt.Sprintf("%s %s %s", l.Relation, l.Target, strconv.FormatFloat(l.Score, 'f', -1, 64))
			if l.Note != "" {
				line += " | " + oneLine(l.Note)
			}
			raw("link", line)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine keeps a value on one line and free of the alias separator.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", "/")
}

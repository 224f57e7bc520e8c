package extract

import (
	"fmt"
	"io"
	"strings"
)

// WriteSummary prints a result as a short report for a person.
func WriteSummary(w io.Writer, r *Result) error {
	var b strings.Builder
	title := r.Title
	if title == "" {
		title = "(no title)"
	}
	fmt.Fprintf(&b, "== %s\n", r.ID)
	fmt.Fprintf(&b, "   %s\n", title)
	var meta []string
	if r.Published != "" {
		meta = append(meta, "published "+r.Published)
	}
	if r.Language != "" {
		meta = append(meta, "language "+r.Language)
	}
	if r.URL != "" {
		meta = append(meta, r.URL)
	}
	if len(meta) > 0 {
		fmt.Fprintf(&b, "   %s\n", strings.Join(meta, ", "))
	}
	if len(r.Actors) == 0 {
		b.WriteString("Actors: none named\n")
	} else {
		b.WriteString("Actors:\n")
		for _, a := range r.Actors {
			var facts []string
			if a.AttackID != nil {
				facts = append(facts, *a.AttackID)
			}
			facts = append(facts, a.Kind)
			if a.Sponsor != nil {
				facts = append(facts, "sponsor "+*a.Sponsor+" (catalogue)")
			}
			if a.ID == "" {
				facts = append(facts, "not in the catalogue")
			}
			seen := map[string]bool{}
			var as []string
			for _, m := range a.Mentions {
				if !seen[m.Text] {
					seen[m.Text] = true
					as = append(as, fmt.Sprintf("%q", m.Text))
				}
			}
			fmt.Fprintf(&b, "  - %s [%s] confidence %.2f, named as %s\n", a.Name, strings.Join(facts, ", "), a.Confidence, strings.Join(as, ", "))
		}
	}
	roles := map[string][]string{}
	for _, c := range r.Countries {
		for _, role := range c.Roles {
			roles[role] = append(roles[role], c.Name+" ("+c.Code+")")
		}
	}
	for _, role := range []string{"sponsor", "victim", "attributor", "mentioned"} {
		if len(roles[role]) > 0 {
			fmt.Fprintf(&b, "%-12s %s\n", strings.ToUpper(role[:1])+role[1:]+":", strings.Join(roles[role], ", "))
		}
	}
	list := func(label string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(&b, "%-12s %s\n", label+":", strings.Join(names, ", "))
		}
	}
	var ms, vs, ss, is, os []string
	for _, o := range r.Organisations {
		os = append(os, o.Name)
	}
	for _, m := range r.Malware {
		ms = append(ms, m.Name+" ("+m.Kind+")")
	}
	for _, v := range r.Vulnerabilities {
		n := v.Name
		if len(v.KnownCVEs) > 0 {
			n += " (" + strings.Join(v.KnownCVEs, ", ") + ")"
		}
		vs = append(vs, n)
	}
	for _, s := range r.Sectors {
		ss = append(ss, s.Name)
	}
	for _, i := range r.Indicators {
		is = append(is, i.Type+" "+i.Value)
	}
	list("Malware", ms)
	list("Vulns", vs)
	list("Targets", os)
	list("Sectors", ss)
	list("Indicators", is)
	if n := len(r.Claims); n > 0 {
		fmt.Fprintf(&b, "Claims (%d):\n", n)
		for _, c := range r.Claims {
			line := c.Type + ": "
			if c.Attributor != nil {
				line += c.Attributor.Name + " says "
			}
			line += c.Subject.Name
			if c.Object.Name != "" {
				line += " -> " + c.Object.Name
			}
			if c.Date != "" {
				line += " (" + c.Date + ")"
			}
			if c.Hedge != "" && c.Hedge != "asserted" {
				line += " [" + c.Hedge + "]"
			}
			fmt.Fprintf(&b, "  - %s\n", line)
		}
	}
	if len(r.Explain) > 0 {
		b.WriteString("Decisions:\n")
		for _, d := range r.Explain {
			verdict := "kept"
			if !d.Accepted {
				verdict = "REJECTED"
			}
			fmt.Fprintf(&b, "  %-8s %-14s %q -> %s (%s): %s\n", verdict, d.Kind, d.Text, d.Entity, d.Rule, d.Reason)
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

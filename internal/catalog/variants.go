package catalog

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// prefixExpansions are written-out forms of name prefixes that the press uses
// interchangeably: "Advanced Persistent Threat 31" is APT31.
var prefixExpansions = map[string]string{
	"apt": "advanced persistent threat",
	"tg":  "threat group",
}

// maxVariants bounds the spelling variants generated for one alias.
const maxVariants = 16

// KeyVariants returns the keys under which an alias is found in text: its own
// key, the forms with and without a separator at each letter/digit boundary
// and at each existing separator ("APT27", "APT 27", "apt-27"), and the
// written-out forms of a known prefix.
func KeyVariants(name string) []string {
	words := strings.Fields(namekey.Words(name))
	if len(words) == 0 {
		return nil
	}
	// Split letter/digit boundaries into separate pieces; remember which
	// joints were originally separators.
	var pieces []string
	for _, w := range words {
		pieces = append(pieces, splitLetterDigit(w)...)
	}
	joints := len(pieces) - 1
	seen := map[string]bool{}
	var out []string
	add := func(ps []string, mask int) {
		var b strings.Builder
		b.WriteByte(' ')
		for i, p := range ps {
			if i > 0 && mask&(1<<(i-1)) != 0 {
				b.WriteString(namekey.Sep)
			}
			b.WriteString(p)
		}
		b.WriteByte(' ')
		k := b.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if joints <= 3 {
		for mask := 0; mask < 1<<joints && len(out) < maxVariants; mask++ {
			add(pieces, mask)
		}
	} else {
		add(pieces, 1<<joints-1)
		add(pieces, 0)
	}
	// The key exactly as written always comes first among equals.
	if k := namekey.Key(name); !seen[k] {
		seen[k] = true
		out = append([]string{k}, out...)
	}
	if exp, ok := prefixExpansions[pieces[0]]; ok && len(pieces) > 1 {
		rest := strings.Join(pieces[1:], " ")
		for _, k := range KeyVariants(exp + " " + rest) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// splitLetterDigit splits "apt27b" into "apt", "27", "b".
func splitLetterDigit(w string) []string {
	var out []string
	start := 0
	prevDigit := false
	for i, r := range w {
		d := '0' <= r && r <= '9'
		if i > 0 && d != prevDigit {
			out = append(out, w[start:i])
			start = i
		}
		prevDigit = d
	}
	return append(out, w[start:])
}

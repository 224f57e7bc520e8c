// Package namekey turns names and running text into comparable keys.
//
// A key is the name folded to lower case, stripped of diacritics, with every
// run of characters that are not letters or digits replaced by a double space
// and the whole framed by single spaces: "APT-31" and "apt 31" both become
// " apt  31 ". Framing with one space at each end and separating with two
// lets an Aho-Corasick automaton over keys match whole words only, and still
// find "APT27 APT30" as two adjacent matches. Catalogue resolution and text
// recognition use the same functions, so a name that resolves is also found
// in text.
package namekey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sep is what a run of non-alphanumeric characters becomes inside a key.
const Sep = "  "

// Key returns the key of a name: folded, framed, separators normalised.
// It returns "" for names without letters or digits.
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name) + 4)
	b.WriteByte(' ')
	pendingSep := false
	wrote := false
	for _, r := range name {
		if !isWordRune(r) {
			pendingSep = wrote
			continue
		}
		if pendingSep {
			b.WriteString(Sep)
			pendingSep = false
		}
		writeFolded(&b, r)
		wrote = true
	}
	if !wrote {
		return ""
	}
	b.WriteByte(' ')
	return b.String()
}

// Joined returns the key with every separator removed and no framing:
// "Threat Group-3390" -> "threatgroup3390". It is the lenient form used when
// resolving a name typed by a person, never when scanning text.
func Joined(name string) string {
	var b strings.Builder
	for _, r := range name {
		if isWordRune(r) {
			writeFolded(&b, r)
		}
	}
	return b.String()
}

// Fold returns s in lower case without diacritics, keeping everything else.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isWordRune(r) {
			writeFolded(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsWordRune reports whether r is part of a word for key purposes.
func IsWordRune(r rune) bool { return isWordRune(r) }

// writeFolded writes the folded form of a letter or digit.
func writeFolded(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	b.WriteString(foldRune(r))
}

// foldRune folds a non-ASCII letter or digit: lower case, then the base
// letter for Latin letters with diacritics (é -> e, ß -> ss, ø -> o).
func foldRune(r rune) string {
	if s, ok := latinFold[r]; ok {
		return s
	}
	l := unicode.ToLower(r)
	if s, ok := latinFold[l]; ok {
		return s
	}
	return string(l)
}

// Words is like Joined but keeps one space where separators were:
// "Threat Group-3390" -> "threat group 3390". Slugs are built from it.
func Words(name string) string {
	var b strings.Builder
	pending := false
	for _, r := range name {
		if !isWordRune(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		writeFolded(&b, r)
	}
	return b.String()
}

package article

import (
	"regexp"
	"strings"
	"unicode"
)

// supportHeadingRe: "Supporta <site> attraverso:", "Support us:" — the
// heading of a list of ways to support the site.
var supportHeadingRe = regexp.MustCompile(`(?i)^(?:support|supporta|sostieni|sostienici|soutenez|soutenir|unterstützen sie|unterstütze|apoya|apóyanos|steun)\b.{0,50}:$`)

// markLineRules applies the rules that need only the line itself.
func (p *page) markLineRules() {
	for i := range p.lines {
		l := &p.lines[i]
		norm := l.norm
		switch {
		case norm == "":
			// Symbols only (separators, bullets, icons).
			l.mark("symbols")
		case navSet[norm]:
			l.mark("nav")
		case isMenu(l.text, l.words):
			l.mark("menu")
		case l.text[0] == '(' && tagLineRe.MatchString(l.text):
			l.mark("tagline")
		case !strings.Contains(l.text, " ") && bareURLRe.MatchString(l.text):
			l.mark("url")
		case !strings.Contains(l.text, " ") && slugRe.MatchString(l.text):
			l.mark("slug")
		case isSourceLine(l.text):
			l.mark("source")
		case isInlineRelated(l.text, norm, l.words):
			l.mark("inline-related")
		case lastRune(l.text) == ':' && supportHeadingRe.MatchString(l.text):
			l.mark("support-heading")
		case furnitureByScore(l.ev, l.words):
			l.mark("cues")
		}
	}
}

// menuSepRe separates items of a flattened menu or breadcrumb.
var menuSepRe = regexp.MustCompile(`\s*[|>»›·•]\s*`)

// isMenu: "Home | News | Security", "Startseite > Sicherheit > Cyber":
// three or more items of at most three words each. The slash is not a
// separator here: "UNSC 2814/GALLIUM/SOFTCELL" is text.
func isMenu(s string, words int) bool {
	if words > 20 || !strings.ContainsAny(s, "|>»›·•") {
		return false
	}
	items := menuSepRe.Split(s, -1)
	n := 0
	for _, it := range items {
		if strings.TrimSpace(it) == "" {
			continue
		}
		if countWords(it) > 3 {
			return false
		}
		n++
	}
	return n >= 3
}

// slugRe is a line that is a file or URL slug ("fireeye-apt41",
// "hero_image_2.jpg"): image names and alt texts left by flattening.
var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:[-_][a-z0-9]+)+(?:\.(?:jpe?g|png|gif|webp|svg|avif))?$|^[\w-]+\.(?:jpe?g|png|gif|webp|svg|avif)$`)

// markCapsLinks drops headlines set in capitals inside the body: that is
// how several outlets insert links to related stories ("COLONIAL PIPELINE
// ATTACK: CLOCK TICKS FOR GAS SUPPLY"). The page's own headline and the
// first line are exempt, and so are short labels and acronym lists: a
// link headline has five or more words of three letters or more, not
// counting words with digits (APT28, CVE ids).
func (p *page) markCapsLinks() {
	first := p.next(-1)
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop || i == p.title || i == first || l.words > 20 || endsSentence(l.text) && lastRune(l.text) != ':' {
			continue
		}
		ratio, letters := upperRatio(l.text)
		if ratio < 0.85 || letters < 12 {
			continue
		}
		long := 0
		for _, w := range strings.Fields(l.text) {
			if n := countLetters(w); n >= 3 && !strings.ContainsAny(w, "0123456789") {
				long++
			}
		}
		if long >= 5 {
			l.mark("caps-link")
		}
	}
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isSourceLine: "Read More: https://…", "Source: https://…" — a label and
// a URL, nothing else.
func isSourceLine(s string) bool {
	label, rest, ok := strings.Cut(s, ":")
	if !ok || len(label) > 40 {
		return false
	}
	rest = strings.TrimSpace(rest)
	// "https://x" also contains a colon: the label must not be the scheme.
	if strings.HasPrefix(rest, "//") {
		return false
	}
	return sourceSet[normPhrase(label)] && bareURLRe.MatchString(rest)
}

// isInlineRelated: "Read more: <headline>", "Leggi anche: <headline>",
// "À lire aussi : <headline>" — a link to another article placed inside
// the body.
func isInlineRelated(s, norm string, words int) bool {
	if words > 30 {
		return false
	}
	label, rest, hasColon := strings.Cut(s, ":")
	if hasColon && strings.TrimSpace(rest) != "" && len(label) < 40 && inlineSet[normPhrase(label)] {
		return true
	}
	// Without a colon only multi-word prefixes count ("Leggi anche
	// <headline>"), and the rest must look like a headline.
	for _, np := range inlineMulti {
		if !strings.HasPrefix(norm, np+" ") {
			continue
		}
		restWords := words - strings.Count(np, " ") - 1
		if restWords >= 3 && !endsSentence(s) {
			return true
		}
	}
	return false
}

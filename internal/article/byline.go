package article

import (
	"regexp"
	"strings"
)

// findTitle picks the headline: the first kept line, among the first
// few, that is shaped like a headline. Body prose before any candidate
// means the text has no headline (an excerpt that starts mid-article).
func (p *page) findTitle() {
	seen := 0
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if seen++; seen > 8 {
			return
		}
		if l.words > 25 || (l.words >= 15 && endsSentence(l.text)) {
			return
		}
		if isHeadlineShape(l.text, l.words, 4) && len(l.text) >= 20 && !p.isBylineDate(l) && !isCredit(l.text) {
			p.title = i
			return
		}
	}
}

var creditRe = regexp.MustCompile(`(?i)^(?:photo|foto|image|immagine|bild|imagen|afbeelding|credit|crédit)s?\s*[:©]`)

func isCredit(s string) bool { return creditRe.MatchString(s) }

// isBylineDate: a short line that is essentially a date, possibly with a
// byline ("Di Redazione RHC - 18/09/2025", "By Bill Toulas / July 19,
// 2021", "Feb 24, 2022 | CYBERSCOOP").
func (p *page) isBylineDate(l *line) bool {
	_, ok := p.bylineDateOf(l)
	return ok
}

func (p *page) bylineDateOf(l *line) (civil, bool) {
	if l.words > 14 {
		return civil{}, false
	}
	m, ok := findDate(l.text, p.dateOpts())
	if !ok || l.words-countWords(m.text) > 8 {
		return civil{}, false
	}
	return m.date, true
}

// bylineRe reads the author from "By Jane Doe", "Di Marco Bianchi", "Par …";
// datelineNameRe from "Redazione RHC : 19 Luglio 2022".
var bylineRe = regexp.MustCompile(`^(?i:by|di|da|a cura di|par|von|por|door|written by|scritto da|écrit par|geschrieben von|escrito por|geschreven door|autore|auteur|autor|author)\s*:?\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|di|da|del|la|le)){0,4})`)
var datelineNameRe = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+[:|/–—-]\s+\d`)

// author reads a byline near the top ("By Chloe Albanesius", "Redazione
// RHC : 19 Luglio 2022"), else a name left at the end of the page.
func (p *page) author() string {
	seen := 0
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		if l.words > 14 || i == p.title {
			continue
		}
		// "By Monday, the group had…" is a sentence, not a byline: a
		// byline does not end like one unless it carries a date.
		if m := bylineRe.FindStringSubmatch(l.text); m != nil && (!endsSentence(l.text) || p.isBylineDate(l)) {
			return strings.TrimSpace(m[1])
		}
		if m := datelineNameRe.FindStringSubmatch(l.text); m != nil && p.isBylineDate(l) {
			return strings.TrimSpace(m[1])
		}
	}
	for _, l := range p.lines {
		if l.why == "tail-name" || l.why == "stranded" {
			if l.words >= 2 && l.words <= 4 {
				return l.text
			}
		}
	}
	return ""
}

// bylineDate is the first complete date on a byline or dateline among the
// first kept lines. Dates inside body sentences are events, not the
// publication date, so only short lines count.
func (p *page) bylineDate() string {
	seen := 0
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		if d, ok := p.bylineDateOf(l); ok {
			return d.String()
		}
	}
	return ""
}

package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is the unit of classification: one physical line of the page text,
// or one part of it when two sentences were glued together by flattening
// ("difference.Apple users"). Paragraph structure is kept in block (lines
// separated by a blank line share nothing; lines of one paragraph share
// the block number).
type line struct {
	text  string // trimmed
	norm  string // lowercase words joined by single spaces (normPhrase)
	block int    // paragraph index
	phys  int    // physical line index; glued parts share it
	words int
	ev    evidence // furniture evidence from cues (see scoreLine)
	drop  bool
	why   string // which rule dropped it (tests and debugging)
}

func (l *line) mark(why string) {
	if !l.drop {
		l.drop = true
		l.why = why
	}
}

// gluedAt reports whether a sentence boundary lost in flattening starts
// at byte i of t: two lowercase letters, then . ! or ? (and maybe a
// closing quote), then a capitalised word ("difference.Apple users").
// It returns the offset of the capital letter. Written out by hand
// because it runs on every line of every document.
func gluedAt(t string, i int) (int, bool) {
	c := t[i]
	if c != '.' && c != '!' && c != '?' {
		return 0, false
	}
	r1, s1 := utf8.DecodeLastRuneInString(t[:i])
	r0, _ := utf8.DecodeLastRuneInString(t[:i-s1])
	if !unicode.IsLower(r1) || !unicode.IsLower(r0) {
		return 0, false
	}
	j := i + 1
	if r, sz := utf8.DecodeRuneInString(t[j:]); r == '"' || r == '”' || r == '’' || r == '»' {
		j += sz
	}
	u, su := utf8.DecodeRuneInString(t[j:])
	l, _ := utf8.DecodeRuneInString(t[j+su:])
	if !unicode.IsUpper(u) || !unicode.IsLower(l) {
		return 0, false
	}
	return j, true
}

// splitLines cuts text into classified units. Lines are trimmed; runs of
// blank lines start a new block.
func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")/2+1)
	block, phys := 0, 0
	blank := true
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			if !blank {
				block++
			}
			blank = true
			continue
		}
		blank = false
		for _, part := range splitGlued(t) {
			out = append(out, line{text: part, block: block, phys: phys, words: countWords(part)})
		}
		phys++
	}
	return out
}

// splitGlued separates sentences that flattening joined without a space.
// Only the split is recorded; Text later rejoins kept parts with a space.
func splitGlued(t string) []string {
	var parts []string
	start := 0
	for i := 2; i < len(t)-2; i++ {
		if cut, ok := gluedAt(t, i); ok && cut > start {
			parts = append(parts, strings.TrimSpace(t[start:cut]))
			start = cut
		}
	}
	if parts == nil {
		return []string{t}
	}
	return append(parts, strings.TrimSpace(t[start:]))
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' && r != '-' {
			in = false
		}
	}
	return n
}

// tokens lowercases s and splits it into words of letters and digits;
// apostrophes and hyphens split too, so "l’anteprima" and "suivez-nous"
// match the lexicon written as "l anteprima", "suivez nous".
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// lastRune returns the last rune of s ignoring closing quotes, brackets
// and spaces, which do not change how a line ends.
func lastRune(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]*`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'“‘«„(¿¡`, r)
	})
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// endsSentence: the line ends like prose (a full stop, or a colon/semicolon
// that leads on).
func endsSentence(s string) bool {
	switch lastRune(s) {
	case '.', ';', ':', ',':
		return true
	}
	return false
}

// isTruncated: the line ends the way listing teasers do.
func isTruncated(s string) bool {
	t := strings.TrimRight(s, " ]»")
	return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "[…") || strings.HasSuffix(t, "[...")
}

// isHeadlineShape: a short line that does not end like a sentence and
// starts with a capital, a digit or an opening quote.
func isHeadlineShape(s string, words int, minWords int) bool {
	if words < minWords || words > 25 || len(s) > 250 {
		return false
	}
	if endsSentence(s) || isTruncated(s) {
		return false
	}
	r := firstRune(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isNameLike: one to four capitalised words and nothing else, as in an
// author's name, a site name or a one-word section label.
func isNameLike(s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 || len(fs) > 4 {
		return false
	}
	for _, f := range fs {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range f {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return true
}

// upperRatio is the share of uppercase among the letters of s.
func upperRatio(s string) (ratio float64, letters int) {
	up := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if letters == 0 {
		return 0, 0
	}
	return float64(up) / float64(letters), letters
}

var listItemRe = regexp.MustCompile(`^(?:\d{1,2}[.)]|[-•*–·▪►●■◦])\s+\S`)

// tagLineRe matches feed tag lines such as "(SiteName – hacking, China)":
// a whole line in brackets holding a label, a dash and a keyword list.
var tagLineRe = regexp.MustCompile(`^\(\s*[\p{L}\p{N} .'’&]{2,40}\s+[–—-]\s+[^()]{2,120}\)$`)

// bareURLRe is a line that is only a link.
var bareURLRe = regexp.MustCompile(`(?i)^(?:<\s*)?(?:https?://|www\.)\S+(?:\s*>)?$`)

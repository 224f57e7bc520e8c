package article

import (
	"regexp"
	"strings"
)

// cue is one lexicon phrase as a word sequence.
type cue struct {
	words  []string
	weight float64
	id     int
}

// Cue weights. Only strong and medium cues, and contact details, can
// make a line furniture; weak and reader cues only add to them (and let
// furniture spread within a paragraph), because words like "download",
// "click" or "join" are common in security reporting.
const (
	wStrong = 3
	wMedium = 2
	wWeak   = 1
	wReader = 0.5
)

// evidence is the furniture evidence found in one line.
type evidence struct {
	total float64 // all cues and features
	key   float64 // strong and medium cues, contact details, links
}

// cueIndex maps a phrase's first word to the phrases starting with it, so
// scoring a line costs one map lookup per word however long the lexicon.
type cueIndex map[string][]cue

func buildCueIndex() cueIndex {
	idx := cueIndex{}
	id := 0
	add := func(list []string, w float64) {
		for _, p := range list {
			ws := tokens(p)
			if len(ws) == 0 {
				continue
			}
			idx[ws[0]] = append(idx[ws[0]], cue{words: ws, weight: w, id: id})
			id++
		}
	}
	add(cueStrong, wStrong)
	add(cueMedium, wMedium)
	add(cueWeak, wWeak)
	add(cueReader, wReader)
	return idx
}

var cues = buildCueIndex()

// phraseSet holds whole-line phrases normalised by normPhrase.
type phraseSet map[string]bool

func newPhraseSet(list []string) phraseSet {
	s := phraseSet{}
	for _, p := range list {
		s[strings.Join(tokens(p), " ")] = true
	}
	return s
}

var (
	navSet      = newPhraseSet(navLines)
	readMoreSet = newPhraseSet(readMoreLines)
	relatedSet  = newPhraseSet(relatedHeadings)
	inlineSet   = newPhraseSet(inlineRelatedPrefixes)
	inlineMulti = multiWord(normAll(inlineRelatedPrefixes))
	sourceSet   = newPhraseSet(sourcePrefixes)
)

func multiWord(list []string) []string {
	var out []string
	for _, p := range list {
		if strings.Contains(p, " ") {
			out = append(out, p)
		}
	}
	return out
}

// normPhrase reduces a line to its lowercase words, for whole-line
// lookups that ignore punctuation, arrows, bullets and counts in brackets.
func normPhrase(s string) string {
	return strings.Join(tokens(s), " ")
}

func normAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, p := range list {
		out = append(out, normPhrase(p))
	}
	return out
}

var (
	emailRe  = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+|\[email(?:&#160;|\s)protected\]`)
	handleRe = regexp.MustCompile(`(?:^|\s)@\w{2,}`)
)

// linkTLDs are the top-level domains that make a bare host name in a
// line count as a link ("academy.example.it").
var linkTLDs = map[string]bool{"com": true, "net": true, "org": true, "it": true, "fr": true, "de": true,
	"es": true, "nl": true, "eu": true, "io": true, "co": true, "uk": true, "info": true, "news": true}

// scoreLine sums the furniture evidence of a line: each distinct lexicon
// phrase once (a security story may say "cookies" five times), plus
// contact details and links, which adverts and footers carry and
// reporting seldom does. It also returns the line's normalised form.
func scoreLine(text string) (evidence, string) {
	ws := tokens(text)
	var ev evidence
	var seen map[int]bool
	for i, w := range ws {
		for _, c := range cues[w] {
			if seen[c.id] || i+len(c.words) > len(ws) {
				continue
			}
			ok := true
			for j := 1; j < len(c.words); j++ {
				if ws[i+j] != c.words[j] {
					ok = false
					break
				}
			}
			if ok {
				if seen == nil {
					seen = map[int]bool{}
				}
				seen[c.id] = true
				ev.total += c.weight
				if c.weight >= wMedium {
					ev.key += c.weight
				}
			}
		}
	}
	feature := func(w float64) {
		ev.total += w
		ev.key += w
	}
	// The regular expressions are costly; cheap tests decide whether
	// they can match at all.
	hasAt := strings.IndexByte(text, '@') >= 0
	if (hasAt || strings.Contains(text, "[email")) && emailRe.MatchString(text) {
		feature(2)
	}
	if hasPhone(text) {
		feature(1)
	}
	if hasLink(text) {
		feature(1)
	}
	if hasAt && handleRe.MatchString(text) {
		feature(1)
	}
	return ev, strings.Join(ws, " ")
}

// hasPhone finds a telephone number: 8 to 15 digits in three or more
// groups separated by spaces, hyphens or brackets ("375 593 1011",
// "+39 02-1234-567"). Dates (2021-02-05) and CVE ids have other shapes.
func hasPhone(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= '0' && c <= '9' || c == '+' || c == '(') || (i > 0 && isASCIIAlnum(text[i-1])) {
			continue
		}
		nd, groups, first := 0, 0, -1
		inGroup := false
		j := i
		for ; j < len(text); j++ {
			c := text[j]
			switch {
			case c >= '0' && c <= '9':
				nd++
				if !inGroup {
					groups++
					inGroup = true
				}
				continue
			case (c == ' ' || c == '-' || c == '(' || c == ')' || c == '+') && nd <= 15:
				if inGroup && first < 0 {
					first = nd
				}
				inGroup = false
				continue
			}
			break
		}
		if j < len(text) && isASCIIAlnum(text[j]) {
			i = j
			continue
		}
		date := groups == 3 && nd == 8 && first == 4
		if nd >= 8 && nd <= 15 && groups >= 3 && !date {
			return true
		}
		if j > i {
			i = j
		}
	}
	return false
}

// hasLink: a URL or a bare host name with a common TLD
// ("academy.example.it"): a dot between an alphanumeric character and a
// known TLD that ends the word.
func hasLink(text string) bool {
	if strings.Contains(text, "://") || strings.Contains(text, "www.") {
		return true
	}
	for i := 1; i < len(text)-1; i++ {
		if text[i] != '.' || !isASCIIAlnum(text[i-1]) {
			continue
		}
		j := i + 1
		for j < len(text) && isASCIIAlnum(text[j]) {
			j++
		}
		if j < len(text) && text[j] >= 0x80 {
			continue // the word goes on in non-ASCII letters
		}
		if linkTLDs[strings.ToLower(text[i+1:j])] {
			return true
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// maxFurnitureWords: longer lines are never dropped for their words
// alone. Prompts and adverts are short; a line this long is body text,
// or several paragraphs run together by a flattener, which must not be
// lost for the furniture glued into it.
const maxFurnitureWords = 80

// furnitureByScore is the per-line decision: enough evidence for the
// line's length, and some of it key evidence. A line of 36 words needs
// one strong phrase (or the equivalent); longer prose needs
// proportionally more, so a paragraph that happens to mention a
// newsletter or a Telegram channel stays.
func furnitureByScore(ev evidence, words int) bool {
	if ev.key < wMedium || words > maxFurnitureWords {
		return false
	}
	if words <= 6 && ev.total >= 2.5 {
		return true
	}
	return ev.total >= 3 && ev.total*12 >= float64(words)
}

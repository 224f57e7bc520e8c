package article

import (
	"strings"
)

// cleaned is the result of classifying one page text.
type cleaned struct {
	title   string
	text    string
	author  string
	date    string // from a byline or dateline near the top
	marker  string // from a leading " date YYYY-MM-DD" marker
	month   string // from a leading " date YYYY-MM" marker
	dropped []line // furniture, for tests and debugging
}

// classifyOptions says what the caller already knows.
type classifyOptions struct {
	// findTitle: pick the headline from the text (plain text). HTML
	// callers have the title from metadata and the page's own banner has
	// been removed by the extractor already.
	findTitle bool
	// banner: look for a site banner at the top (plain text, and HTML
	// that our own fallback walk flattened).
	banner bool
	title  string // known title (HTML), used to avoid treating it as a teaser headline
}

// classify splits text into lines, marks furniture with the rules below
// (each rule is a method, applied in this order because later rules use
// the decisions of earlier ones) and reassembles the kept lines.
func classify(text string, opt classifyOptions) cleaned {
	var c cleaned
	text, c.marker, c.month = parseMarker(text)
	p := &page{lines: splitLines(text), title: -1, knownTitle: normPhrase(opt.title), foreign: 8}
	if len(p.lines) == 0 {
		return c
	}
	for i := range p.lines {
		p.lines[i].ev, p.lines[i].norm = scoreLine(p.lines[i].text)
	}
	p.text = text

	p.markLineRules()
	if opt.banner {
		p.markBanner()
	}
	if opt.findTitle {
		p.findTitle()
	}
	p.markCapsLinks()
	p.markTeaserBoxes()
	p.markTeaserLists()
	p.markRelated()
	p.markAuthorBox()
	p.markFurnitureLists()
	p.spreadInBlocks()
	p.markFurnitureHeadings()
	p.markStranded()
	p.markDuplicates()

	if p.title >= 0 {
		c.title = p.lines[p.title].text
	}
	c.author = p.author()
	c.date = p.bylineDate()
	c.text = p.assemble()
	for _, l := range p.lines {
		if l.drop {
			c.dropped = append(c.dropped, l)
		}
	}
	return c
}

type page struct {
	lines      []line
	title      int // index of the headline line, -1 if none
	knownTitle string
	text       string
	mdy        int8 // 0 unknown, 1 month-first, -1 day-first (see isMDY)
	foreign    int  // go-dateparser calls left for this page
}

func (p *page) dateOpts() dateOpts { return dateOpts{mdy: p.isMDY, foreign: &p.foreign} }

// isMDY says whether ambiguous numeric dates read month-first. Computed
// on first use: most pages never need it.
func (p *page) isMDY() bool {
	if p.mdy == 0 {
		p.mdy = -1
		if englishLike(p.text) {
			p.mdy = 1
		}
	}
	return p.mdy > 0
}

// next and prev return the index of the nearest kept line after/before i,
// or -1.
func (p *page) next(i int) int {
	for j := i + 1; j < len(p.lines); j++ {
		if !p.lines[j].drop {
			return j
		}
	}
	return -1
}

func (p *page) prev(i int) int {
	for j := i - 1; j >= 0; j-- {
		if !p.lines[j].drop {
			return j
		}
	}
	return -1
}

// isProse: a line that reads like article body: long enough, and not a
// truncated listing teaser.
func isProse(l *line) bool {
	return l.words >= 12 && !isTruncated(l.text)
}

// assemble joins kept lines: parts of one physical line with a space,
// lines of one paragraph with "\n", paragraphs with "\n\n".
func (p *page) assemble() string {
	var b strings.Builder
	prev := -1
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if prev >= 0 {
			pl := &p.lines[prev]
			switch {
			case pl.phys == l.phys:
				b.WriteByte(' ')
			case pl.block == l.block:
				b.WriteByte('\n')
			default:
				b.WriteString("\n\n")
			}
		}
		b.WriteString(l.text)
		prev = i
	}
	return b.String()
}

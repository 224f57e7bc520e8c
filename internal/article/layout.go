package article

import (
	"regexp"
	"strings"
)

// markBanner drops the site banner: the first paragraph when it holds a
// navigation label (a lone "Search"/"Cerca", a menu) or starts with a
// short name that the page repeats in its furniture (sites name
// themselves in footers: "The post … appeared first on <site>",
// "iscriviti alla newsletter di <site>"). A one-word first line repeated
// only in the body is more likely the subject ("Kimsuky") and stays.
func (p *page) markBanner() {
	first := p.lines[0]
	end := 0
	for end < len(p.lines) && p.lines[end].block == first.block {
		end++
	}
	if end == len(p.lines) {
		return // the whole text is one paragraph: no banner to speak of
	}
	hasNav := false
	for i := 0; i < end; i++ {
		if w := p.lines[i].why; w == "nav" || w == "menu" {
			hasNav = true
		}
	}
	siteName := false
	if isNameLike(first.text) && first.words <= 4 {
		inFurniture, total := p.repeatsLater(first.text, end)
		siteName = inFurniture >= 1 && (total >= 2 || first.words >= 2)
	}
	switch {
	case siteName && end == 1:
		p.lines[0].mark("banner")
	case end > 1 && end <= 4 && (hasNav || siteName) && (first.words <= 4 || first.drop):
		// The banner starts with the site name or a navigation line; a
		// paragraph that starts with a headline is the article's.
		for i := 0; i < end; i++ {
			p.lines[i].mark("banner")
		}
	}
}

// repeatsLater counts the occurrences of name after line from: in lines
// already known as furniture, and in all.
func (p *page) repeatsLater(name string, from int) (inFurniture, total int) {
	for _, l := range p.lines[from:] {
		n := strings.Count(l.text, name)
		total += n
		if l.drop {
			inFurniture += n
		}
	}
	return inFurniture, total
}

// markTeaserBoxes handles a teaser inserted in the body: a headline, a
// one-paragraph summary and a "Read more" button. The button always goes;
// headline and summary go only when article text follows (at the very
// end of a feed item, the summary may be all the text there is).
func (p *page) markTeaserBoxes() {
	lastProse := -1
	for i := range p.lines {
		if !p.lines[i].drop && isProse(&p.lines[i]) {
			lastProse = i
		}
	}
	for i := range p.lines {
		l := &p.lines[i]
		if !readMoreSet[l.norm] {
			continue
		}
		l.mark("readmore")
		if lastProse <= i {
			continue
		}
		s := p.prev(i)
		if s < 0 || s == p.title {
			continue
		}
		h := p.prev(s)
		switch {
		case isHeadlineShape(p.lines[s].text, p.lines[s].words, 3):
			p.lines[s].mark("teaser")
		case h >= 0 && h != p.title && p.lines[s].words <= 80 &&
			isHeadlineShape(p.lines[h].text, p.lines[h].words, 3) && !p.isTitleText(h):
			p.lines[s].mark("teaser")
			p.lines[h].mark("teaser")
		}
	}
}

func (p *page) isTitleText(i int) bool {
	return p.knownTitle != "" && p.lines[i].norm == p.knownTitle
}

// markTeaserLists handles listings of other articles without a heading:
// a truncated summary ("…") under a byline-and-date line, itself under a
// headline; or two or more headline + truncated summary pairs.
func (p *page) markTeaserLists() {
	type pair struct{ h, t int }
	var pairs []pair
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop || !isTruncated(l.text) || i == 0 {
			continue
		}
		b := p.prev(i)
		if b < 0 {
			continue
		}
		if p.isBylineDate(&p.lines[b]) && b != p.title {
			l.mark("teaser")
			p.lines[b].mark("teaser")
			if h := p.prev(b); h >= 0 && h != p.title && isHeadlineShape(p.lines[h].text, p.lines[h].words, 3) {
				p.lines[h].mark("teaser")
			}
			continue
		}
		if b != p.title && l.words <= 80 && isHeadlineShape(p.lines[b].text, p.lines[b].words, 3) {
			pairs = append(pairs, pair{b, i})
		}
	}
	if len(pairs) >= 2 {
		for _, pr := range pairs {
			p.lines[pr.h].mark("teaser")
			p.lines[pr.t].mark("teaser")
		}
	}
}

// commentHeadings open the comment area, which is never article text.
var commentHeadings = newPhraseSet([]string{
	"reader comments", "comments", "leave a reply", "leave a comment", "join the conversation",
	"lascia un commento", "commenti", "laisser un commentaire", "commentaires", "kommentare",
	"kommentar schreiben", "deja un comentario", "comentarios", "reacties", "laat een reactie achter",
})

// markRelated handles "Related articles"-style headings. Usually the
// list runs to the end of the page, so everything after the heading
// goes. But some pages put such a box in mid-article; then only the
// heading and the short headline lines under it go. The two cases are
// told apart by weighing the prose after the heading against the prose
// before it: listings are headlines, bylines and truncated teasers.
func (p *page) markRelated() {
	// prose[i] is the length of article prose in lines before i.
	prose := make([]int, len(p.lines)+1)
	total := 0
	for i := range p.lines {
		l := &p.lines[i]
		prose[i+1] = prose[i]
		if !l.drop && isProse(l) {
			prose[i+1] += len(l.text)
		}
		total += len(l.text)
	}
	pos := 0
	firstKept := p.next(-1)
	for i := range p.lines {
		l := &p.lines[i]
		pos += len(l.text)
		if !relatedSet[l.norm] || l.words > 8 || i == firstKept || i == p.title {
			continue
		}
		if commentHeadings[l.norm] && pos*10 > total*3 {
			p.cutFrom(i, "comments")
			return
		}
		before, after := prose[i], prose[len(p.lines)]-prose[i+1]
		if after < before {
			p.cutFrom(i, "related-tail")
			return
		}
		l.mark("related-heading")
		for j := i + 1; j < len(p.lines); j++ {
			lj := &p.lines[j]
			if lj.drop {
				continue
			}
			if isProse(lj) && !p.isBylineDate(lj) {
				break
			}
			lj.mark("related-list")
		}
	}
}

// authorBoxRe: the biography under an article ("Jane Doe is a journalist
// who…", "La redazione di <site> è composta da…").
var authorBoxRe = regexp.MustCompile(`(?i:^(?:la redazione di|la rédaction de|die redaktion (?:von|des|der)|la redacción de|de redactie van|the editorial (?:team|staff|board) (?:of|at)|our editorial team)\b)|^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} (?:is|è|est|ist|es|is) (?:a|an|un|una|une|ein|eine|een|the|il|la|le|der|die|el) [^.]{0,80}\b(?:journalist|writer|editor|reporter|correspondent|columnist|contributor|giornalista|redattore|redattrice|caporedattore|journaliste|rédacteur|rédactrice|Journalist|Journalistin|Redakteur|Redakteurin|periodista|redactor|redactora|redacteur|verslaggever)`)

// markAuthorBox drops an author biography at the end of the article. The
// same sentence in the body ("X is a reporter at Y who first…") is
// reporting, so only lines with no article prose after them count.
func (p *page) markAuthorBox() {
	for i := len(p.lines) - 1; i >= 0; i-- {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if !authorBoxRe.MatchString(l.text) {
			if isProse(l) {
				return
			}
			continue
		}
		l.mark("authorbox")
	}
}

func (p *page) cutFrom(i int, why string) {
	for j := i; j < len(p.lines); j++ {
		p.lines[j].mark(why)
	}
}

// markFurnitureLists drops the items of a list introduced by a furniture
// line ending in a colon ("Support us through:" then "1. …", "2. …"),
// across blank lines, up to the first line that is not a list item.
func (p *page) markFurnitureLists() {
	for i := 0; i < len(p.lines); i++ {
		l := &p.lines[i]
		if !l.drop || lastRune(l.text) != ':' {
			continue
		}
		for i+1 < len(p.lines) && listItemRe.MatchString(p.lines[i+1].text) {
			i++
			p.lines[i].mark("furniture-list")
		}
	}
}

// spreadable are the reasons whose lines pass furniture status on to
// neighbours in the same paragraph.
var spreadable = map[string]bool{"cues": true, "block": true, "furniture-list": true}

// spreadInBlocks: an advert or prompt is usually a paragraph of several
// lines, not all of which carry cues. In a paragraph that is already at
// least half furniture, a line with some furniture evidence next to a
// furniture line goes too. Lines with no evidence stay, and so does an
// article flattened into one single-newline paragraph with a prompt or
// two inside it.
func (p *page) spreadInBlocks() {
	n := len(p.lines)
	lines, furn := map[int]int{}, map[int]int{}
	for _, l := range p.lines {
		lines[l.block]++
		if l.drop && spreadable[l.why] {
			furn[l.block]++
		}
	}
	try := func(i int) {
		l := &p.lines[i]
		if l.drop || l.ev.total < wWeak || l.words > maxFurnitureWords || furn[l.block]*2 < lines[l.block] {
			return
		}
		for _, j := range [2]int{i - 1, i + 1} {
			if j < 0 || j >= n {
				continue
			}
			if nb := &p.lines[j]; nb.block == l.block && nb.drop && spreadable[nb.why] {
				l.mark("block")
				return
			}
		}
	}
	// A forward and a backward pass reach every line of a chain: each
	// pass carries the status along one direction.
	for i := 0; i < n; i++ {
		try(i)
	}
	for i := n - 1; i >= 0; i-- {
		try(i)
	}
}

// markFurnitureHeadings drops the heading of a furniture paragraph (the
// title line of an advert), when it has some furniture evidence itself.
func (p *page) markFurnitureHeadings() {
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop || i == p.title || l.words > 12 || l.ev.total < 1 || endsSentence(l.text) && lastRune(l.text) != ':' {
			continue
		}
		if i+1 < len(p.lines) && p.lines[i+1].drop && spreadable[p.lines[i+1].why] {
			l.mark("furniture-heading")
		}
	}
}

// markStranded drops short name-like lines left between furniture: the
// author name between a social prompt and a tag line, the "Redazione"
// label over an author box, a site name under the footer.
func (p *page) markStranded() {
	n := len(p.lines)
	// From the end: names followed only by furniture.
	for i := n - 1; i >= 0; i-- {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if i < n-1 && l.words <= 4 && isNameLike(l.text) && i != p.title {
			l.mark("tail-name")
			continue
		}
		break
	}
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop || i == p.title || l.words > 4 || !isNameLike(l.text) {
			continue
		}
		before := i > 0 && p.lines[i-1].drop && strandingReasons[p.lines[i-1].why]
		after := i+1 < n && p.lines[i+1].drop && strandingReasons[p.lines[i+1].why]
		if before && after {
			l.mark("stranded")
		}
	}
}

// strandingReasons are the kinds of furniture that come in runs (footer,
// social bar, author box); a name between two of them belongs to the run.
// Inline links and teasers do not count: a subheading may well sit
// between two of those.
var strandingReasons = map[string]bool{
	"cues": true, "nav": true, "menu": true, "tagline": true, "authorbox": true, "block": true,
	"support-heading": true, "furniture-list": true, "source": true, "url": true,
}

// markDuplicates drops a line identical to the kept line before it (a
// headline printed twice, a caption repeated by the gallery widget).
func (p *page) markDuplicates() {
	last := -1
	for i := range p.lines {
		l := &p.lines[i]
		if l.drop {
			continue
		}
		if last >= 0 && l.words <= 40 && l.text == p.lines[last].text {
			l.mark("duplicate")
			continue
		}
		last = i
	}
}

package claims

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/recognize"
)

// quoteSpans returns the quotations of text: “...”, «...», „...“ and
// "...". A quotation left open at a blank line is dropped: news pages lose
// closing quotes more often than they quote across paragraphs.
func quoteSpans(text string) []recognize.Span {
	var out []recognize.Span
	open := -1
	var closer rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && strings.HasPrefix(text[i+size:], "\n"):
			open = -1
		case open >= 0 && r == closer:
			out = append(out, recognize.Span{Start: open, End: i + size})
			open = -1
		case open < 0 && (r == '“' || r == '«' || r == '„' || r == '"'):
			open = i
			switch r {
			case '“':
				closer = '”'
			case '«':
				closer = '»'
			case '„':
				closer = '“'
			default:
				closer = '"'
			}
		case open >= 0 && closer == '”' && r == '“':
			// A second opening quote: the first was never closed.
			open = i
		}
		i += size
	}
	return out
}

// quoteOf returns the quotation that sentence si lies in (it opens before
// the sentence's first words and closes after them), or -1.
func (d *doc) quoteOf(si int) int {
	sp := d.sents[si].span
	// Quotations are sorted and do not overlap: only the last one opening
	// before the sentence's first words can hold them.
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].Start > sp.Start+3 }) - 1
	if i < 0 {
		return -1
	}
	q := d.quotes[i]
	if q.End > sp.Start+3 && q.End >= sp.Start+(sp.End-sp.Start)/2 {
		return i
	}
	return -1
}

// quoteSpeakers returns who speaks quotation qi: the party named right
// after it ("...,” the FBI said"; "...” reads the Declaration by the
// Minister"), in a short sentence after it ("Ha affermato il ministro degli
// Esteri."), or before it ("Raab said in a statement: “...").
func (d *doc) quoteSpeakers(qi int) (named, refs []party) {
	q := d.quotes[qi]
	end := d.sentenceAt(q.End - 1)
	if end < 0 {
		return nil, nil
	}
	tail := func(si, from int) ([]party, []party) {
		var ns, rs []party
		for _, p := range d.sents[si].parties {
			if p.start >= from {
				ns = append(ns, p)
			}
		}
		for _, p := range d.sents[si].refs {
			if p.start >= from {
				rs = append(rs, p)
			}
		}
		return ns, rs
	}
	if d.sents[end].span.End-q.End > 3 {
		if ns, rs := tail(end, q.End); len(ns)+len(rs) > 0 && d.speechIn(end, d.a.TokenAt(q.End), d.sents[end].hi) {
			return ns, rs
		}
	} else if next := end + 1; next < len(d.sents) && d.sents[next].hi-d.sents[next].lo <= 14 &&
		d.speechIn(next, d.sents[next].lo, d.sents[next].hi) {
		if ns, rs := tail(next, 0); len(ns)+len(rs) > 0 {
			return ns, rs
		}
	}
	start := d.sentenceAt(q.Start)
	if start >= 0 && q.Start-d.sents[start].span.Start > 3 {
		head := d.text[d.sents[start].span.Start:q.Start]
		if strings.Contains(head, ":") || d.speechIn(start, d.sents[start].lo, d.a.TokenAt(q.Start)) {
			var ns, rs []party
			for _, p := range d.sents[start].parties {
				if p.end <= q.Start {
					ns = append(ns, p)
				}
			}
			for _, p := range d.sents[start].refs {
				if p.end <= q.Start {
					rs = append(rs, p)
				}
			}
			return ns, rs
		}
	}
	return nil, nil
}

// speechIn reports whether tokens [lo, hi) of sentence si hold a speech
// verb or a report cue.
func (d *doc) speechIn(si, lo, hi int) bool {
	for j := max(lo, d.sents[si].lo); j < hi && j < d.sents[si].hi; j++ {
		w := d.ts[j].Fold
		if speechVerbs[w] || reportCues[w] {
			return true
		}
		if reportPhrases.at(d.ts, j, hi) > 0 {
			return true
		}
	}
	return false
}

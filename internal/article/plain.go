package article

// parsePlain handles already-flattened page text: the block classifier
// does all the work, including finding the headline.
func parsePlain(text string, opt Options) *Article {
	c := classify(text, classifyOptions{findTitle: true, banner: true})
	a := &Article{
		Title:     c.title,
		Text:      c.text,
		Published: firstNonEmpty(c.marker, c.date, dateFromURL(opt.URL)),
		Author:    c.author,
	}
	if a.Published == "" {
		a.Month = c.month
	}
	return a
}

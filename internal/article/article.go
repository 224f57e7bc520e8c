// Package article turns one raw document (an HTML page or already-flattened
// page text, in any common encoding) into clean article text plus the
// little metadata later stages need: title, publication date, author.
//
// Everything downstream (mentions, entities, claims) works on byte offsets
// into Article.Text, so Text is the single source of truth: page furniture
// (banners, adverts, newsletter prompts, related-article lists, feed
// footers) is removed here, once, so that names in that furniture never
// become mentions.
package article

import (
	"errors"
	"fmt"
	"strings"
)

// DefaultMaxBytes bounds the input size when Options.MaxBytes is 0. News
// pages are well under 5 MiB; anything far larger is almost certainly not
// an article and would only cost memory and time.
const DefaultMaxBytes = 20 << 20

// Errors returned by Parse. They are wrapped with detail (fmt.Errorf %w),
// so test with errors.Is.
var (
	// ErrEmpty: the document is empty or contains only whitespace.
	ErrEmpty = errors.New("article: empty document")
	// ErrBinary: the document is not text (NUL bytes, control characters,
	// or a known binary file signature).
	ErrBinary = errors.New("article: binary document")
	// ErrTooLarge: the document exceeds Options.MaxBytes.
	ErrTooLarge = errors.New("article: document too large")
)

// Article is the cleaned form of one document.
type Article struct {
	Title     string
	Text      string // main text, furniture removed; offsets elsewhere are byte offsets into this
	Published string // YYYY-MM-DD when the document says so, else ""
	// Month is YYYY-MM when the document gives only the month it was
	// published in (and Published is ""): too little to order articles,
	// enough to tell January's event from February's.
	Month  string
	Author string
	URL    string
	IsHTML bool
}

// Options carries what is known about the document besides its bytes.
type Options struct {
	URL         string // document URL if known (for trafilatura and dates in the URL path)
	ContentType string // from HTTP, may be ""
	MaxBytes    int    // 0 = default 20 MiB; larger input is an error
}

// Parse turns one raw document (HTML or plain text, any encoding) into an
// Article. It never panics on malformed input; it returns ErrEmpty,
// ErrBinary or ErrTooLarge (wrapped) for input it cannot use. A document
// that is text but consists only of furniture yields an Article with an
// empty Text and no error: the caller keeps the raw bytes anyway.
func Parse(raw []byte, opt Options) (*Article, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(raw) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(raw), limit)
	}
	if isBlank(raw) {
		return nil, fmt.Errorf("%w: %d bytes of whitespace", ErrEmpty, len(raw))
	}
	text, err := decode(raw, opt.ContentType)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w: no text after decoding", ErrEmpty)
	}

	var a *Article
	if looksLikeHTML(text, opt.ContentType) {
		a = parseHTML(text, opt)
	} else {
		a = parsePlain(text, opt)
	}
	a.URL = strings.TrimSpace(firstNonEmpty(opt.URL, a.URL))
	return a, nil
}

// isBlank reports whether raw holds only ASCII whitespace. UTF-16 blanks
// (BOM plus spaces) are caught after decoding.
func isBlank(raw []byte) bool {
	for _, b := range raw {
		switch b {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

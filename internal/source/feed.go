package source

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// MaxFeedBytes bounds what ParseFeed accepts; the fetcher's MaxBytes
// (10 MiB by default) already cuts a feed that never ends.
const MaxFeedBytes = 10 << 20

// fullContentChars: a description longer than this (in characters of
// text, markup aside) is taken to be the whole article, not a teaser.
const fullContentChars = 1500

// Feed is a parsed RSS, Atom or JSON feed.
type Feed struct {
	Title    string
	Language string // primary subtag, lower case ("en-US" -> "en"), or ""
	Link     string // the site's home page, absolute, or ""
	Type     string // "rss", "atom" or "json"
	Items    []Item
}

// Item is one entry of a feed.
type Item struct {
	GUID      string // the feed's id for the item; the URL when it has none
	URL       string // absolute http(s) link, or "" when the item has none
	Title     string // plain text
	Published time.Time
	// Content is the item's HTML: content:encoded (Atom content, JSON
	// content_html/content_text) when present, else description/summary.
	Content string
	// HasFullContent says Content is probably the whole article, so the
	// page need not be fetched: a full-content element is present, or the
	// text is longer than fullContentChars.
	HasFullContent bool
}

// ParseFeed parses data as RSS 0.9x/1.0/2.0, Atom or JSON Feed. baseURL
// (the feed's own URL) resolves relative item links. Hostile XML (DTD
// internal subsets, entity declarations) is refused before parsing.
func ParseFeed(data []byte, baseURL string) (*Feed, error) {
	if len(data) > MaxFeedBytes {
		return nil, fmt.Errorf("%w: feed of %d bytes exceeds %d", ErrTooLarge, len(data), MaxFeedBytes)
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(body) == 0 {
		return nil, fmt.Errorf("%w: empty document", ErrNotFeed)
	}
	if body[0] == '<' {
		if err := checkXML(body); err != nil {
			return nil, err
		}
	}
	gf, err := parseGofeed(body)
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("%w: neither RSS, Atom nor JSON Feed", ErrNotFeed)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: feed: %v", ErrMalformed, err)
	}

	base, _ := url.Parse(strings.TrimSpace(baseURL))
	if base == nil || !base.IsAbs() {
		base = nil
	}
	feed := &Feed{
		Title:    plainText(gf.Title),
		Language: primaryLanguage(gf.Language),
		Type:     gf.FeedType,
	}
	feed.Link = absoluteHTTP(base, gf.Link)
	if base == nil && feed.Link != "" {
		base, _ = url.Parse(feed.Link) // relative item links: the site is the best guess left
	}
	feed.Items = make([]Item, 0, len(gf.Items))
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		feed.Items = append(feed.Items, convertItem(it, base))
	}
	return feed, nil
}

// parseGofeed runs gofeed, turning a panic in it into an error: a hostile
// feed must cost one item, never the process.
func parseGofeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser panic: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func convertItem(it *gofeed.Item, base *url.URL) Item {
	out := Item{Title: plainText(it.Title)}
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	guid := strings.TrimSpace(it.GUID)
	if link == "" && (strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://")) {
		link = guid // RSS guid is a permalink unless isPermaLink="false"
	}
	out.URL = absoluteHTTP(base, link)
	out.GUID = guid
	if out.GUID == "" {
		out.GUID = out.URL
	}
	switch {
	case it.PublishedParsed != nil:
		out.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		out.Published = it.UpdatedParsed.UTC()
	}
	full := strings.TrimSpace(it.Content)
	if full != "" {
		out.Content, out.HasFullContent = full, true
	} else {
		out.Content = strings.TrimSpace(it.Description)
		out.HasFullContent = textLongerThan(out.Content, fullContentChars)
	}
	return out
}

// absoluteHTTP resolves ref against base and keeps it only when it is an
// absolute http(s) URL (no javascript:, data: or mailto: links).
func absoluteHTTP(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// primaryLanguage reduces a language tag to its lower-case primary subtag.
func primaryLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, c := range tag {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return tag
}

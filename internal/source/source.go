// Package source gets documents from the outside world: a polite, bounded
// and SSRF-safe HTTP fetcher with robots.txt, feed (RSS, Atom, JSON Feed)
// and OPML parsing hardened against hostile input, canonical URLs and a
// SimHash fingerprint for near-duplicate articles, and the built-in list of
// security news feeds. It knows nothing of the database: callers decide
// what to keep.
package source

import (
	"errors"
	"fmt"
	"time"
)

// Errors a caller can test with errors.Is. Each is wrapped with the URL or
// host it concerns.
var (
	// ErrTooLarge: a body (on the wire or once decompressed), a feed or an
	// OPML file is larger than the configured limit.
	ErrTooLarge = errors.New("source: too large")
	// ErrTooManyRedirects: the redirect chain is longer than MaxRedirects.
	ErrTooManyRedirects = errors.New("source: too many redirects")
	// ErrScheme: only http and https are fetched.
	ErrScheme = errors.New("source: unsupported URL scheme")
	// ErrTimeout: the exchange did not finish within Options.Timeout.
	ErrTimeout = errors.New("source: timed out")
	// ErrRobotsDisallowed: robots.txt forbids the URL to our user agent.
	ErrRobotsDisallowed = errors.New("source: disallowed by robots.txt")
	// ErrRobotsUnreachable: robots.txt answered 5xx (or 429) or could not be
	// fetched, so the host is skipped this time (RFC 9309 section 2.3.1.4).
	ErrRobotsUnreachable = errors.New("source: robots.txt unreachable")
	// ErrBlockedAddress: the host resolves to an address we must not
	// contact (loopback, private, link-local, ...). See *BlockedAddressError.
	ErrBlockedAddress = errors.New("source: blocked address")
	// ErrHostile: the XML declares a DTD internal subset or entities, which
	// we refuse before parsing (billion laughs and friends).
	ErrHostile = errors.New("source: document type declarations are not accepted")
	// ErrNotFeed: the bytes are not RSS, Atom or JSON Feed.
	ErrNotFeed = errors.New("source: not a feed")
	// ErrMalformed: the feed or OPML file could not be parsed.
	ErrMalformed = errors.New("source: malformed document")
)

// HTTPError is returned for a final HTTP status of 400 or more.
type HTTPError struct {
	StatusCode int
	URL        string
	// RetryAfter is the server's Retry-After (seconds form or HTTP date)
	// on 429 and 503, or 0.
	RetryAfter time.Duration
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("source: GET %s: HTTP %d", e.URL, e.StatusCode)
}

// FeedRef names one feed to follow: from OPML, the defaults or the user.
type FeedRef struct {
	URL      string
	Title    string
	Language string // ISO 639-1, lower case, or ""
}

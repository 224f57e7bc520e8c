package source

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"
)

const (
	// robotsMaxBytes: RFC 9309 asks crawlers to parse at least 500 KiB and
	// allows ignoring the rest.
	robotsMaxBytes = 500 << 10
	// robotsRetry is how long an unavailable robots.txt keeps its host
	// skipped before we ask again ("skip the host this time").
	robotsRetry = 5 * time.Minute
	// robotsRedirects: the RFC asks to follow at least five.
	robotsRedirects = 5
)

// robotsCache remembers, per origin (scheme://host:port), the rules found,
// for the Fetcher's lifetime; failures are remembered for robotsRetry.
// Concurrent lookups of one origin share a single request.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry
}

type robotsEntry struct {
	done    chan struct{} // closed when rules/err are set
	rules   *robotsRules
	err     error
	expires time.Time // for failures only
	aborted bool      // the fetching caller gave up: waiters try again
}

// robotsAllow returns nil when robots.txt lets us fetch u, and an error
// wrapping ErrRobotsDisallowed or ErrRobotsUnreachable otherwise.
func (f *Fetcher) robotsAllow(ctx context.Context, u *url.URL) error {
	origin := u.Scheme + "://" + hostKey(u)
	rules, err := f.robotsFor(ctx, origin)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !rules.allowed(path) {
		return fmt.Errorf("%w: %s", ErrRobotsDisallowed, u)
	}
	return nil
}

func (f *Fetcher) robotsFor(ctx context.Context, origin string) (*robotsRules, error) {
	for {
		f.robots.mu.Lock()
		if f.robots.m == nil {
			f.robots.m = map[string]*robotsEntry{}
		}
		e := f.robots.m[origin]
		owner := false
		if e == nil || e.expired() {
			e = &robotsEntry{done: make(chan struct{})}
			f.robots.m[origin] = e
			owner = true
		}
		f.robots.mu.Unlock()

		if owner {
			e.rules, e.err = f.fetchRobots(ctx, origin)
			if e.err != nil && ctx.Err() != nil {
				// Our caller gave up: that says nothing about the host, so
				// forget the attempt and let the next caller try.
				e.aborted = true
				f.robots.mu.Lock()
				if f.robots.m[origin] == e {
					delete(f.robots.m, origin)
				}
				f.robots.mu.Unlock()
			}
			e.expires = time.Now().Add(robotsRetry)
			close(e.done)
			return e.rules, e.err
		}
		select {
		case <-e.done:
			if e.aborted || e.expired() {
				continue
			}
			return e.rules, e.err
		case <-ctx.Done():
			return nil, fmt.Errorf("source: robots.txt for %s: %w", origin, ctx.Err())
		}
	}
}

// expired reports a finished failure whose retry time has come. Unfinished
// entries and successes never expire.
func (e *robotsEntry) expired() bool {
	select {
	case <-e.done:
		return e.err != nil && time.Now().After(e.expires)
	default:
		return false
	}
}

// fetchRobots gets and parses origin's robots.txt. A 4xx answer (other
// than 429) means no rules; 429, 5xx and network failures make the host
// unavailable; a refused address is reported as such.
func (f *Fetcher) fetchRobots(ctx context.Context, origin string) (*robotsRules, error) {
	u, err := url.Parse(origin + "/robots.txt")
	if err != nil {
		return nil, fmt.Errorf("source: robots.txt for %s: %w", origin, err)
	}
	for hop := 0; ; hop++ {
		if err := f.checkLiteralHost(u.Hostname()); err != nil {
			return nil, err
		}
		resp, next, err := f.exchange(ctx, u, Conditional{}, robotsMaxBytes, true)
		var herr *HTTPError
		switch {
		case errors.As(err, &herr) && herr.StatusCode < 500 && herr.StatusCode != 429:
			return nil, nil
		case errors.Is(err, ErrBlockedAddress):
			return nil, err
		case err != nil:
			return nil, fmt.Errorf("%w for %s, skipping the host: %w", ErrRobotsUnreachable, origin, err)
		case next != nil:
			if hop >= robotsRedirects {
				return nil, nil // the RFC: too many redirects count as "unavailable" 4xx, i.e. allow
			}
			u = next
			continue
		case resp.NotModified:
			return nil, nil
		}
		return parseRobots(resp.Body, f.agent), nil
	}
}

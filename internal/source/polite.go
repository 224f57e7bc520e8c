package source

import (
	"context"
	"sync"
	"time"
)

// hostGate enforces politeness towards one host: at most n requests in
// flight, and request starts spaced by at least delay (a crawl delay in
// the usual sense: with a delay of 1s a host sees at most one new request
// a second, however many slots are free).
type hostGate struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time // earliest start of the next request
}

// gates hands out one hostGate per host key, for the Fetcher's lifetime.
type gates struct {
	mu    sync.Mutex
	n     int
	delay time.Duration
	m     map[string]*hostGate
}

func (g *gates) get(host string) *hostGate {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil {
		g.m = map[string]*hostGate{}
	}
	h := g.m[host]
	if h == nil {
		h = &hostGate{slots: make(chan struct{}, g.n)}
		g.m[host] = h
	}
	return h
}

// acquire waits for a free slot and for the host's delay to pass, and
// returns the function that frees the slot. Waiting honours ctx, so a
// caller's deadline bounds the time spent queueing.
func (g *gates) acquire(ctx context.Context, host string) (release func(), err error) {
	h := g.get(host)
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-h.slots }

	// Reserve a start time under the lock, then sleep outside it, so that
	// concurrent callers queue up one delay apart instead of all waking at
	// once.
	h.mu.Lock()
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(g.delay)
	h.mu.Unlock()

	if wait := time.Until(start); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
	return release, nil
}

package source

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// At most PerHostConcurrency requests to one host are in flight at once;
// another host has its own slots.
func TestFetchPerHostConcurrency(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(80 * time.Millisecond)
	}))
	f := testFetcher(func(o *Options) { o.PerHostConcurrency = 2; o.IgnoreRobots = true })
	run := func(urls ...string) {
		var wg sync.WaitGroup
		for _, u := range urls {
			wg.Go(func() {
				if _, err := fetch(t, f, u, Conditional{}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	urls := make([]string, 8)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/%d", s.URL, i)
	}
	run(urls...)
	if m := maxInFlight.Load(); m != 2 {
		t.Errorf("max in flight to one host = %d, want 2", m)
	}
	// Two host names for the same server: two sets of slots.
	maxInFlight.Store(0)
	alias := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	run(append(urls, strings.Split(strings.Repeat(alias+"/a ", 8), " ")[:8]...)...)
	if m := maxInFlight.Load(); m != 4 {
		t.Errorf("max in flight over two hosts = %d, want 4", m)
	}
}

// Request starts to one host are PerHostDelay apart, however many slots.
// The server sees them with network and scheduling jitter, so each gap is
// checked loosely and the whole span tightly (jitter does not add up: the
// fetcher reserves start times at exact multiples of the delay).
func TestFetchPerHostDelay(t *testing.T) {
	const delay = 300 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
	}))
	f := testFetcher(func(o *Options) { o.PerHostDelay = delay; o.PerHostConcurrency = 4 })
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if _, err := fetch(t, f, fmt.Sprintf("%s/%d", s.URL, i), Conditional{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(starts) != 5 { // robots.txt and 4 pages
		t.Fatalf("%d requests", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay/2 {
			t.Errorf("requests %d and %d only %s apart", i-1, i, gap)
		}
	}
	if span, want := starts[len(starts)-1].Sub(starts[0]), 4*delay-60*time.Millisecond; span < want {
		t.Errorf("5 requests over %s, want at least %s", span, want)
	}
}

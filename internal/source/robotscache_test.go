package source

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestFetchRobots(t *testing.T) {
	var robotsHits, pageHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		io.WriteString(w, "User-agent: *\nDisallow: /\n\nUser-agent: aptwatch\nDisallow: /private/\nAllow: /private/press\n")
	})
	mux.Handle("/", pageHandler(t, &pageHits))
	s := serve(t, mux)
	f := testFetcher(nil)
	tests := []struct {
		path    string
		allowed bool
	}{
		{"/news/1", true},
		{"/private/secret", false},
		{"/private/press-release", true},
		{"/", true},
	}
	for _, tc := range tests {
		before := pageHits.Load()
		_, err := fetch(t, f, s.URL+tc.path, Conditional{})
		if tc.allowed && err != nil {
			t.Errorf("%s: %v", tc.path, err)
		}
		if !tc.allowed && (!errors.Is(err, ErrRobotsDisallowed) || pageHits.Load() != before) {
			t.Errorf("%s: err = %v, page requested: %v", tc.path, err, pageHits.Load() != before)
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	other := testFetcher(func(o *Options) { o.UserAgent = "OtherBot/1.0" })
	if _, err := fetch(t, other, s.URL+"/news/1", Conditional{}); !errors.Is(err, ErrRobotsDisallowed) {
		t.Errorf("'*' group not applied to another agent: %v", err)
	}
	ignoring := testFetcher(func(o *Options) { o.UserAgent = "OtherBot/1.0"; o.IgnoreRobots = true })
	if _, err := fetch(t, ignoring, s.URL+"/news/1", Conditional{}); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestFetchRobotsStatus(t *testing.T) {
	tests := []struct {
		name    string
		robots  http.HandlerFunc
		wantErr error
	}{
		{"404 allows all", http.NotFound, nil},
		{"403 allows all", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 403) }, nil},
		{"500 skips host", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) }, ErrRobotsUnreachable},
		{"503 skips host", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 503) }, ErrRobotsUnreachable},
		{"429 skips host", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "slow", 429) }, ErrRobotsUnreachable},
		{"redirected robots", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/real-robots", 301) }, ErrRobotsDisallowed},
		{"connection dropped", func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		}, ErrRobotsUnreachable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var robotsHits, pageHits atomic.Int32
			mux := http.NewServeMux()
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { robotsHits.Add(1); tc.robots(w, r) })
			mux.HandleFunc("/real-robots", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nDisallow: /page\n") })
			mux.Handle("/page", pageHandler(t, &pageHits))
			s := serve(t, mux)
			f := testFetcher(nil)
			for range 2 {
				_, err := fetch(t, f, s.URL+"/page", Conditional{})
				if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
			}
			if tc.wantErr != nil && pageHits.Load() != 0 {
				t.Errorf("page requested despite robots")
			}
			if n := robotsHits.Load(); n != 1 {
				t.Errorf("robots.txt requested %d times for two fetches", n)
			}
		})
	}
}

// A robots.txt beyond 500 KiB is read up to the limit, not refused.
func TestFetchRobotsTruncated(t *testing.T) {
	big := "User-agent: *\nDisallow: /private\n" + strings.Repeat("# padding padding padding\n", 30000)
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			io.WriteString(w, big)
		}
	}))
	f := testFetcher(nil)
	if _, err := fetch(t, f, s.URL+"/private/x", Conditional{}); !errors.Is(err, ErrRobotsDisallowed) {
		t.Errorf("private: %v", err)
	}
	if _, err := fetch(t, f, s.URL+"/public", Conditional{}); err != nil {
		t.Errorf("public: %v", err)
	}
}

func TestHostKey(t *testing.T) {
	for raw, want := range map[string]string{
		"https://Example.COM:443/x": "example.com", "https://example.com/x": "example.com",
		"http://example.com:80/": "example.com", "http://example.com:8080/": "example.com:8080",
		"https://[2001:DB8::1]/": "[2001:db8::1]", "https://[2001:db8::1]:8443/": "[2001:db8::1]:8443",
	} {
		u, _ := url.Parse(raw)
		if got := hostKey(u); got != want {
			t.Errorf("hostKey(%s) = %s, want %s", raw, got, want)
		}
	}
}

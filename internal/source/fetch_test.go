package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testFetcher: the httptest server listens on 127.0.0.1, so private
// addresses are allowed except where a test says otherwise; no politeness
// delay, a short timeout.
func testFetcher(mod func(*Options)) *Fetcher {
	o := Options{AllowPrivate: true, PerHostDelay: -1, Timeout: 5 * time.Second}
	if mod != nil {
		mod(&o)
	}
	return New(o)
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func fetch(t *testing.T, f *Fetcher, url string, cond Conditional) (*Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return f.Fetch(ctx, url, cond)
}

const (
	testETag = `"v1-abc"`
	testLM   = "Tue, 19 Jul 2022 10:00:00 GMT"
)

// pageHandler serves testdata/page.html with validators, answering 304
// to a matching If-None-Match or If-Modified-Since.
func pageHandler(t *testing.T, hits *atomic.Int32) http.Handler {
	page := readTestdata(t, "page.html")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits != nil {
			hits.Add(1)
		}
		w.Header().Set("ETag", testETag)
		w.Header().Set("Last-Modified", testLM)
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			if inm == testETag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if r.Header.Get("If-Modified-Since") == testLM {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
}

func TestFetchPage(t *testing.T) {
	var ua string
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { ua = r.UserAgent(); http.NotFound(w, r) })
	mux.Handle("/page", pageHandler(t, nil))
	s := serve(t, mux)
	resp, err := fetch(t, testFetcher(nil), s.URL+"/page#frag", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != s.URL+"/page" || resp.StatusCode != 200 || resp.NotModified || resp.ETag != testETag ||
		resp.LastModified != testLM || resp.ContentType != "text/html; charset=utf-8" || resp.FetchedAt.IsZero() {
		t.Errorf("response = %+v", resp)
	}
	if !bytes.Equal(resp.Body, readTestdata(t, "page.html")) {
		t.Errorf("body differs")
	}
	if ua != DefaultUserAgent {
		t.Errorf("user agent %q", ua)
	}
}

func TestFetchConditional(t *testing.T) {
	s := serve(t, pageHandler(t, nil))
	f := testFetcher(nil)
	tests := []struct {
		name         string
		cond         Conditional
		notModified  bool
		wantETag     string
		wantLastMod  string
		wantBodySize bool
	}{
		{"no validators", Conditional{}, false, testETag, testLM, true},
		{"etag matches", Conditional{ETag: testETag}, true, testETag, testLM, false},
		{"last-modified matches", Conditional{LastModified: testLM}, true, testETag, testLM, false},
		{"stale etag", Conditional{ETag: `"v0"`, LastModified: testLM}, false, testETag, testLM, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := fetch(t, f, s.URL+"/", tc.cond)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tc.notModified || resp.ETag != tc.wantETag || resp.LastModified != tc.wantLastMod || (len(resp.Body) > 0) != tc.wantBodySize {
				t.Errorf("got NotModified=%v ETag=%q LM=%q body=%d", resp.NotModified, resp.ETag, resp.LastModified, len(resp.Body))
			}
			if tc.notModified && resp.StatusCode != http.StatusNotModified {
				t.Errorf("status %d", resp.StatusCode)
			}
		})
	}
}

// A 304 without validators keeps the caller's, so they can be stored again.
func TestFetchNotModifiedKeepsValidators(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) }))
	resp, err := fetch(t, testFetcher(func(o *Options) { o.IgnoreRobots = true }), s.URL, Conditional{ETag: "x", LastModified: testLM})
	if err != nil || !resp.NotModified || resp.ETag != "x" || resp.LastModified != testLM {
		t.Fatalf("%+v %v", resp, err)
	}
}

func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	// /chain/N redirects to /chain/N-1; /chain/0 is the page.
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			io.WriteString(w, "end of chain")
			return
		}
		codes := []int{301, 302, 303, 307, 308}
		http.Redirect(w, r, fmt.Sprintf("%d", n-1), codes[n%len(codes)]) // relative Location
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/x", http.StatusFound)
	})
	mux.HandleFunc("/nolocation", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusFound) })
	s := serve(t, mux)
	f := testFetcher(nil) // MaxRedirects 5
	tests := []struct {
		path    string
		wantURL string
		wantErr error
	}{
		{"/chain/3", s.URL + "/chain/0", nil},
		{"/chain/5", s.URL + "/chain/0", nil},
		{"/chain/6", "", ErrTooManyRedirects},
		{"/loop", "", ErrTooManyRedirects},
		{"/ftp", "", ErrScheme},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := fetch(t, f, s.URL+tc.path, Conditional{})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != tc.wantURL || string(resp.Body) != "end of chain" {
				t.Errorf("URL %q body %q", resp.URL, resp.Body)
			}
		})
	}
	if _, err := fetch(t, f, s.URL+"/nolocation", Conditional{}); err == nil || !strings.Contains(err.Error(), "without Location") {
		t.Errorf("302 without Location: %v", err)
	}
	none := testFetcher(func(o *Options) { o.MaxRedirects = -1 })
	if _, err := fetch(t, none, s.URL+"/chain/1", Conditional{}); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("MaxRedirects<0 followed a redirect: %v", err)
	}
}

func TestFetchHTTPErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", 429)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/404", http.StatusMovedPermanently) })
	s := serve(t, mux)
	f := testFetcher(nil)
	tests := []struct {
		path, url  string
		code       int
		retryAfter time.Duration
	}{
		{"/404", "/404", 404, 0},
		{"/500", "/500", 500, 0},
		{"/429", "/429", 429, 2 * time.Minute},
		{"/gone", "/404", 404, 0}, // the error names the URL that failed
	}
	for _, tc := range tests {
		_, err := fetch(t, f, s.URL+tc.path, Conditional{})
		var he *HTTPError
		if !errors.As(err, &he) || he.StatusCode != tc.code || he.URL != s.URL+tc.url || he.RetryAfter != tc.retryAfter {
			t.Errorf("%s: err = %#v", tc.path, err)
		}
	}
}

func TestFetchScheme(t *testing.T) {
	f := testFetcher(nil)
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)", "/relative/path"} {
		if _, err := fetch(t, f, u, Conditional{}); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: %v", u, err)
		}
	}
}

// A caller's cancellation is reported as such, not as our timeout.
func TestFetchCallerCancel(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	f := testFetcher(func(o *Options) { o.IgnoreRobots = true })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := f.Fetch(ctx, s.URL, Conditional{})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
}

func TestOptionsDefaults(t *testing.T) {
	o := New(Options{}).Options()
	if o.UserAgent != DefaultUserAgent || o.Timeout != 20*time.Second || o.MaxBytes != 10<<20 || o.MaxRedirects != 5 ||
		o.PerHostConcurrency != 2 || o.PerHostDelay != time.Second || o.AllowPrivate || o.IgnoreRobots {
		t.Errorf("defaults = %+v", o)
	}
}

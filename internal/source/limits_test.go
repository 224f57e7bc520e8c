package source

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A 200 MB body, streamed and never allocated by the handler, stops at
// MaxBytes: the client reads MaxBytes+1, closes, and the handler's writes
// fail long before 200 MB.
func TestFetchHugeBodyStopsAtLimit(t *testing.T) {
	const total = 200 << 20
	var written atomic.Int64
	done := make(chan struct{})
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		chunk := bytes.Repeat([]byte("A"), 32<<10)
		for written.Load() < total {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	f := testFetcher(func(o *Options) { o.MaxBytes = 1 << 20; o.IgnoreRobots = true })
	start := time.Now()
	_, err := fetch(t, f, s.URL, Conditional{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("handler still writing 20s after the client gave up")
	}
	if w := written.Load(); w >= 64<<20 {
		t.Errorf("server wrote %d MB before the client stopped it", w>>20)
	}
	t.Logf("stopped after %s; server managed to write %d KiB", time.Since(start).Round(time.Millisecond), written.Load()>>10)
}

func TestFetchContentLengthOverLimit(t *testing.T) {
	var written atomic.Int64
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(200<<20))
		for range 10 {
			n, err := w.Write(make([]byte, 64<<10))
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	f := testFetcher(func(o *Options) { o.MaxBytes = 1 << 20; o.IgnoreRobots = true })
	if _, err := fetch(t, f, s.URL, Conditional{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "Content-Length") {
		t.Fatalf("err = %v", err)
	}
}

func TestFetchExactLimit(t *testing.T) {
	body := bytes.Repeat([]byte("x"), 4096)
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	f := testFetcher(func(o *Options) { o.MaxBytes = 4096; o.IgnoreRobots = true })
	resp, err := fetch(t, f, s.URL, Conditional{})
	if err != nil || len(resp.Body) != 4096 {
		t.Fatalf("%v %v", resp, err)
	}
	f = testFetcher(func(o *Options) { o.MaxBytes = 4095; o.IgnoreRobots = true })
	if _, err := fetch(t, f, s.URL, Conditional{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("one byte over: %v", err)
	}
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 64 MiB of zeros gzipped to about 64 KiB.
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var b bytes.Buffer
		z, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zero := make([]byte, 1<<20)
		for range 64 {
			z.Write(zero)
		}
		z.Close()
		bomb = b.Bytes()
	})
	return bomb
}

func compress(t *testing.T, enc string, data []byte) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "raw-deflate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	default:
		t.Fatal(enc)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestFetchCompressed(t *testing.T) {
	page := readTestdata(t, "page.html")
	tests := []struct {
		name, header string
		body         []byte
		want         []byte
		wantErr      error
	}{
		{"gzip", "gzip", compress(t, "gzip", page), page, nil},
		{"zlib deflate", "deflate", compress(t, "deflate", page), page, nil},
		{"raw deflate", "deflate", compress(t, "raw-deflate", page), page, nil},
		{"gzip bomb", "gzip", gzipBomb(), nil, ErrTooLarge},
		{"corrupt gzip", "gzip", []byte("\x1f\x8b\x08\x00garbage-garbage"), nil, nil},
		{"unknown encoding", "br", page, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var accept string
			s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				accept = r.Header.Get("Accept-Encoding")
				w.Header().Set("Content-Encoding", tc.header)
				w.Write(tc.body)
			}))
			f := testFetcher(func(o *Options) { o.MaxBytes = 1 << 20; o.IgnoreRobots = true })
			resp, err := fetch(t, f, s.URL, Conditional{})
			if accept != "gzip, deflate" {
				t.Errorf("Accept-Encoding %q", accept)
			}
			switch {
			case tc.want != nil:
				if err != nil || !bytes.Equal(resp.Body, tc.want) {
					t.Fatalf("err %v, body %d bytes", err, len(resp.Body))
				}
			case tc.wantErr != nil:
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
			default:
				if err == nil || errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want a decoding error", err)
				}
			}
		})
	}
}

func TestFetchTimeouts(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(20 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	s := serve(t, mux)
	f := testFetcher(func(o *Options) { o.Timeout = 300 * time.Millisecond; o.IgnoreRobots = true })
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		start := time.Now()
		_, err := fetch(t, f, s.URL+path, Conditional{})
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("%s: err = %v, want ErrTimeout", path, err)
		}
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("%s: took %s", path, el)
		}
	}
}

// A feed that never ends is cut by MaxBytes.
func TestFetchEndlessFeed(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>endless</title>`)
		for i := 0; ; i++ {
			if _, err := fmt.Fprintf(w, "<item><title>item %d</title><link>https://e.example/%d</link></item>\n", i, i); err != nil {
				return
			}
		}
	}))
	f := testFetcher(func(o *Options) { o.MaxBytes = 256 << 10; o.IgnoreRobots = true })
	if _, err := fetch(t, f, s.URL, Conditional{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

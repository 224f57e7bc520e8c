package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Conditional carries validators from a previous fetch, for a conditional
// GET.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is one fetched document.
type Response struct {
	URL          string // final URL, after redirects
	StatusCode   int
	NotModified  bool // 304: Body is empty, keep what you have
	ETag         string
	LastModified string
	ContentType  string
	Body         []byte // decompressed
	FetchedAt    time.Time
}

// Fetcher fetches documents politely and safely. It is safe for concurrent
// use; its robots.txt cache and per-host limits live as long as it does.
type Fetcher struct {
	opts   Options
	client *http.Client
	gates  gates
	robots robotsCache
	agent  string // robots.txt product token

	// denyAddr, when set, replaces the address rule (tests only).
	denyAddr func(netip.Addr) bool
}

// New returns a Fetcher with opts, defaults filled in.
func New(opts Options) *Fetcher {
	opts = opts.withDefaults()
	f := &Fetcher{opts: opts, agent: productToken(opts.UserAgent)}
	f.gates = gates{n: opts.PerHostConcurrency, delay: opts.PerHostDelay}
	connect := min(10*time.Second, opts.Timeout)
	dialer := &net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second, Control: f.dialControl}
	tr := &http.Transport{
		// No proxy from the environment: the address check would then
		// apply to the proxy, not to the site.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    connect,
		ResponseHeaderTimeout:  opts.Timeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    opts.PerHostConcurrency,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		// We decompress ourselves, to bound the decompressed size and to
		// handle deflate too.
		DisableCompression: true,
	}
	f.client = &http.Client{
		Transport: tr,
		// Redirects are followed by Fetch, one checked hop at a time.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

// Options returns the options in force, defaults filled in.
func (f *Fetcher) Options() Options { return f.opts }

// Fetch GETs rawURL, following at most MaxRedirects redirects, each hop
// checked against the scheme, address and robots.txt rules and queued
// behind the per-host limits. A status of 400 or more is an *HTTPError; a
// 304 answer to cond is a Response with NotModified set.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := parseTarget(rawURL)
	if err != nil {
		return nil, err
	}
	for hop := 0; ; hop++ {
		if err := f.checkLiteralHost(u.Hostname()); err != nil {
			return nil, err
		}
		if !f.opts.IgnoreRobots {
			if err := f.robotsAllow(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, next, err := f.exchange(ctx, u, cond, f.opts.MaxBytes, false)
		if err != nil || next == nil {
			if resp != nil && resp.NotModified {
				// Keep the caller's validators when the 304 omits them.
				resp.ETag = firstNonEmpty(resp.ETag, cond.ETag)
				resp.LastModified = firstNonEmpty(resp.LastModified, cond.LastModified)
			}
			return resp, err
		}
		if hop >= f.opts.MaxRedirects {
			return nil, fmt.Errorf("%w: more than %d, last at %s", ErrTooManyRedirects, f.opts.MaxRedirects, u)
		}
		u = next
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// parseTarget accepts absolute http and https URLs only.
func parseTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("source: bad URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, raw)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("source: bad URL %q: no host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// exchange performs one GET of u behind the host's gate, with the request
// timeout. It returns either a Response, or the next URL of a redirect,
// or an error. limit bounds the body; truncate keeps the first limit bytes
// instead of failing (robots.txt).
func (f *Fetcher) exchange(ctx context.Context, u *url.URL, cond Conditional, limit int64, truncate bool) (*Response, *url.URL, error) {
	release, err := f.gates.acquire(ctx, hostKey(u))
	if err != nil {
		return nil, nil, fmt.Errorf("source: GET %s: %w", u, err)
	}
	defer release()

	rctx, cancel := context.WithTimeoutCause(ctx, f.opts.Timeout, ErrTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("source: GET %s: %w", u, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, text/xml;q=0.8, */*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}

	hresp, err := f.client.Do(req)
	if err != nil {
		return nil, nil, f.wrapErr(ctx, rctx, u, err)
	}
	defer hresp.Body.Close()

	resp := &Response{
		URL:          u.String(),
		StatusCode:   hresp.StatusCode,
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
		ContentType:  hresp.Header.Get("Content-Type"),
		FetchedAt:    time.Now().UTC(),
	}
	switch code := hresp.StatusCode; {
	case code == http.StatusNotModified:
		resp.NotModified = true
		return resp, nil, nil
	case isRedirect(code):
		loc := hresp.Header.Get("Location")
		if loc == "" {
			return nil, nil, fmt.Errorf("source: GET %s: HTTP %d without Location", u, code)
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, nil, fmt.Errorf("source: GET %s: bad redirect %q: %w", u, loc, err)
		}
		next, err = parseTarget(next.String())
		if err != nil {
			return nil, nil, fmt.Errorf("source: GET %s: redirect: %w", u, err)
		}
		return nil, next, nil
	case code >= 400:
		return nil, nil, &HTTPError{StatusCode: code, URL: u.String(), RetryAfter: retryAfter(hresp.Header.Get("Retry-After"))}
	case code < 200 || code >= 300:
		return nil, nil, fmt.Errorf("source: GET %s: unexpected HTTP %d", u, code)
	}

	body, err := readBody(hresp, limit, truncate)
	if err != nil {
		if rctx.Err() != nil {
			return nil, nil, f.wrapErr(ctx, rctx, u, err)
		}
		return nil, nil, fmt.Errorf("source: GET %s: %w", u, err)
	}
	resp.Body = body
	if resp.ContentType == "" && len(body) > 0 {
		resp.ContentType = http.DetectContentType(body)
	}
	return resp, nil, nil
}

// hostKey names the host for politeness and robots.txt: lower case, the
// default port left out, so "Example.com:443" and "example.com" share one.
func hostKey(u *url.URL) string {
	h, p := strings.ToLower(u.Hostname()), u.Port()
	if p == "" || (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") {
		if strings.Contains(h, ":") {
			return "[" + h + "]"
		}
		return h
	}
	return net.JoinHostPort(h, p)
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// wrapErr turns transport errors into ours: a refused address surfaces
// as the *BlockedAddressError with the URL's host; the caller's own
// cancellation stays as it is; any of our timeouts (the request deadline,
// or the transport's connect, TLS and header timeouts, whichever fires
// first) becomes ErrTimeout.
func (f *Fetcher) wrapErr(ctx, rctx context.Context, u *url.URL, err error) error {
	var blocked *BlockedAddressError
	if errors.As(err, &blocked) {
		return &BlockedAddressError{Host: u.Hostname(), Addr: blocked.Addr}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("source: GET %s: %w", u, err)
	}
	var ne net.Error
	if errors.Is(context.Cause(rctx), ErrTimeout) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("source: GET %s: %w after %s", u, ErrTimeout, f.opts.Timeout)
	}
	return fmt.Errorf("source: GET %s: %w", u, err)
}

// retryAfter reads a Retry-After header: delay seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d.Round(time.Second)
		}
	}
	return 0
}

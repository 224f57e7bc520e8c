package source

import "time"

// DefaultUserAgent names us to servers; robots.txt groups are matched on
// its first token, "aptwatch".
const DefaultUserAgent = "aptwatch/0.1 (+https://github.com/aptwatch/aptwatch)"

// Options configures a Fetcher. Zero values take the defaults noted.
type Options struct {
	UserAgent          string        // default DefaultUserAgent
	Timeout            time.Duration // each request (hop), connect to last body byte, queueing aside; default 20s
	MaxBytes           int64         // body limit, compressed and decompressed; default 10 MiB
	MaxRedirects       int           // default 5; a negative value allows none
	PerHostConcurrency int           // requests in flight per host; default 2
	PerHostDelay       time.Duration // between request starts to one host; default 1s, negative for none
	AllowPrivate       bool          // allow loopback, private, link-local, ... addresses; default false
	// IgnoreRobots turns robots.txt off; by default it is obeyed. (A field
	// "RespectRobots" defaulting to true could not tell unset from false, so
	// Options{} would silently ignore robots.txt.)
	IgnoreRobots bool
}

// DefaultOptions returns the defaults, for callers that change one field.
func DefaultOptions() Options {
	return Options{
		UserAgent:          DefaultUserAgent,
		Timeout:            20 * time.Second,
		MaxBytes:           10 << 20,
		MaxRedirects:       5,
		PerHostConcurrency: 2,
		PerHostDelay:       time.Second,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = d.MaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = d.PerHostConcurrency
	}
	switch {
	case o.PerHostDelay == 0:
		o.PerHostDelay = d.PerHostDelay
	case o.PerHostDelay < 0:
		o.PerHostDelay = 0
	}
	return o
}

package source

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"
)

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	s := serve(t, pageHandler(t, &hits))
	port := s.Listener.Addr().(*net.TCPAddr).Port
	f := New(Options{PerHostDelay: -1, Timeout: 5 * time.Second}) // AllowPrivate false
	_, err := fetch(t, f, fmt.Sprintf("http://localhost:%d/", port), Conditional{})
	var be *BlockedAddressError
	if !errors.As(err, &be) || be.Host != "localhost" || !be.Addr.IsLoopback() {
		t.Errorf("localhost: err = %v, want refused at dial time with the resolved address", err)
	}
	for _, u := range []string{
		s.URL, // literal 127.0.0.1
		fmt.Sprintf("http://localhost:%d/", port),       // a name that resolves to loopback: refused at dial time
		fmt.Sprintf("http://[::1]:%d/", port),           // IPv6 loopback
		fmt.Sprintf("http://0.0.0.0:%d/", port),         // unspecified
		fmt.Sprintf("http://169.254.169.254:%d/", port), // cloud metadata, link-local
		fmt.Sprintf("http://10.1.2.3:%d/", port),
	} {
		_, err := fetch(t, f, u, Conditional{})
		var be *BlockedAddressError
		if !errors.Is(err, ErrBlockedAddress) || !errors.As(err, &be) {
			t.Errorf("%s: err = %v, want a blocked address", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("a refused address was contacted %d times", hits.Load())
	}
}

// A redirect from an allowed host to a refused one is refused: the rule
// holds at every hop. 127.0.0.1 plays the public host and 127.0.0.2 the
// private one.
func TestFetchRedirectToPrivateRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this machine: %v", err)
	}
	var privateHits atomic.Int32
	private := httptest.NewUnstartedServer(pageHandler(t, &privateHits))
	private.Listener.Close()
	private.Listener = ln
	private.Start()
	t.Cleanup(private.Close)
	public := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/internal", http.StatusFound)
	}))
	f := testFetcher(func(o *Options) { o.AllowPrivate = false; o.IgnoreRobots = true })
	f.denyAddr = func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.2") }
	_, err = fetch(t, f, public.URL, Conditional{})
	if !errors.Is(err, ErrBlockedAddress) || privateHits.Load() != 0 {
		t.Fatalf("err = %v, private hits %d", err, privateHits.Load())
	}
}

// The dial-time check sees the resolved address, whatever the URL said.
func TestDialControl(t *testing.T) {
	f := New(Options{})
	for addr, ok := range map[string]bool{"127.0.0.1:80": false, "[::1]:443": false, "10.0.0.7:8080": false, "93.184.216.34:443": true} {
		err := f.dialControl("tcp", addr, nil)
		if (err == nil) != ok || (err != nil && !errors.Is(err, ErrBlockedAddress)) {
			t.Errorf("dialControl(%s) = %v", addr, err)
		}
	}
	if err := New(Options{AllowPrivate: true}).dialControl("tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("AllowPrivate: %v", err)
	}
}

func TestIsPublicAddr(t *testing.T) {
	tests := map[string]bool{
		"93.184.216.34": true, "2606:4700::6810:85e5": true, "8.8.8.8": true,
		"127.0.0.1": false, "127.9.9.9": false, "::1": false, "10.0.0.1": false, "172.16.5.4": false,
		"192.168.1.1": false, "169.254.169.254": false, "fe80::1": false, "fc00::1": false, "fd12::1": false,
		"0.0.0.0": false, "::": false, "224.0.0.1": false, "ff02::1": false, "100.64.1.1": false,
		"255.255.255.255": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false, "64:ff9b::a00:1": false,
		"64:ff9b::808:808": true, "2002:7f00:1::": false, "198.18.0.1": false, "240.0.0.1": false,
	}
	for s, want := range tests {
		if got := isPublicAddr(netip.MustParseAddr(s)); got != want {
			t.Errorf("isPublicAddr(%s) = %v, want %v", s, got, want)
		}
	}
}

package source

import (
	"fmt"
	"net/netip"
	"syscall"
)

// BlockedAddressError says which host and address were refused. It matches
// ErrBlockedAddress with errors.Is.
type BlockedAddressError struct {
	Host string // as named in the URL, or "" when only the address is known
	Addr netip.Addr
}

func (e *BlockedAddressError) Error() string {
	if e.Host != "" && e.Host != e.Addr.String() {
		return fmt.Sprintf("source: refusing to connect to %s (%s): not a public address", e.Host, e.Addr)
	}
	return fmt.Sprintf("source: refusing to connect to %s: not a public address", e.Addr)
}

func (e *BlockedAddressError) Is(target error) bool { return target == ErrBlockedAddress }

// Ranges that are not covered by the netip predicates but are no more
// public: shared CGNAT space, IETF protocol assignments, benchmarking,
// documentation, reserved and the IPv6 discard and documentation prefixes.
var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("fec0::/10"),
}

// IPv6 prefixes that embed an IPv4 address (NAT64, 6to4): the embedded
// address decides, or they would be a way around the IPv4 rules.
var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// isPublicAddr reports whether a is an address we may connect to by
// default.
func isPublicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() ||
		a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() ||
		a.IsUnspecified() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
		return false
	}
	for _, p := range extraBlocked {
		if p.Contains(a) {
			return false
		}
	}
	if a.Is6() {
		b := a.As16()
		if nat64.Contains(a) {
			return isPublicAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
		if sixTo4.Contains(a) {
			return isPublicAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	return true
}

// dialControl runs after DNS resolution, on the very address the socket is
// about to connect to: checking here (not on the URL's host name) is what
// makes DNS rebinding useless.
func (f *Fetcher) dialControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("source: unexpected dial address %q: %w", address, err)
	}
	if !f.allowAddr(ap.Addr()) {
		return &BlockedAddressError{Addr: ap.Addr().Unmap()}
	}
	return nil
}

// allowAddr is the address rule in force: everything with AllowPrivate,
// public addresses otherwise. Tests replace it through f.denyAddr.
func (f *Fetcher) allowAddr(a netip.Addr) bool {
	if f.denyAddr != nil {
		return !f.denyAddr(a.Unmap())
	}
	return f.opts.AllowPrivate || isPublicAddr(a)
}

// checkLiteralHost refuses a URL whose host is an IP literal we may not
// contact, before any robots.txt request, so that the error names the real
// cause. Host names are checked at dial time.
func (f *Fetcher) checkLiteralHost(host string) error {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return nil
	}
	if !f.allowAddr(a) {
		return &BlockedAddressError{Host: host, Addr: a.Unmap()}
	}
	return nil
}

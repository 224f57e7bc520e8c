package ioc

import (
	"net/netip"
	"strings"
)

// hashKinds maps the length of a hex digest to its algorithm.
var hashKinds = map[int]Kind{32: MD5, 40: SHA1, 64: SHA256, 128: SHA512}

// hexWord handles a word starting with a hex digit: a hash, an IPv6
// address, or a long hex run that is neither and can be skipped. done is
// false when other matchers should still look at i.
func (s *scanner) hexWord(i int) (end int, done bool) {
	t := s.text
	j := i
	for j < len(t) && class[t[j]]&cHex != 0 {
		j++
	}
	if j-i >= 32 {
		if e, ok := s.hash(i); ok {
			return e, true
		}
		return skipWord(t, i), true
	}
	if j-i <= 4 && j < len(t) && t[j] == ':' {
		if e, ok, skip := s.ipv6(i); ok || skip {
			return e, true
		}
	}
	return i, false
}

// hash matches a digest at i: a whole hex word of 32, 40, 64 or 128
// digits, never part of a longer hex or alphanumeric run. It must mix
// digits and letters: an all-digit run is a number, and an all-letter one
// of that length does not occur by chance.
func (s *scanner) hash(i int) (int, bool) {
	t := s.text
	j, digit, alpha := i, false, false
	for j < len(t) && class[t[j]]&cHex != 0 {
		digit = digit || class[t[j]]&cDigit != 0
		alpha = alpha || class[t[j]]&cDigit == 0
		j++
	}
	k, ok := hashKinds[j-i]
	if !ok || !digit || !alpha || wordAfter(t, j) {
		return 0, false
	}
	s.emit(k, i, j, lowerASCII(t[i:j]), false)
	return j, true
}

// ipv6 matches an IPv6 address at i. The candidate is the whole run of hex
// digits, colons and dots, so that a failure can skip all of it (a clock
// time, a MAC address, a hex dump). skip reports such a run.
//
// To keep out hex-colon text that happens to parse ("de:ad:be:ef:00:11:22:33",
// "cafe::beef"), an address must contain a digit, and without "::" it
// needs a group of more than two digits.
func (s *scanner) ipv6(i int) (end int, ok, skip bool) {
	t := s.text
	j, colons := i, 0
	for j < len(t) && (class[t[j]]&cHex != 0 || t[j] == ':' || t[j] == '.') {
		if t[j] == ':' {
			colons++
		}
		j++
	}
	run := j
	for j > i && t[j-1] == '.' {
		j-- // sentence end
	}
	if j-i >= 2 && t[j-1] == ':' && t[j-2] != ':' {
		j--
		colons--
	}
	if colons < 2 {
		return i, false, false
	}
	cand := t[i:j]
	if wordAfter(t, run) {
		return skipWord(t, run), false, true // "dead:beef:cafe::babe:face:gizmo"
	}
	a, err := netip.ParseAddr(cand)
	if err != nil || !a.Is6() || !strings.ContainsAny(cand, "0123456789") || !strings.Contains(cand, "::") && !hasLongGroup(cand) {
		return skipWord(t, run), false, true
	}
	s.emit(IPv6, i, j, a.String(), false)
	return j, true, false
}

// hasLongGroup reports a colon-separated group of three or more characters.
func hasLongGroup(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			n = 0
			continue
		}
		if n++; n > 2 {
			return true
		}
	}
	return false
}

package ioc

import (
	"net/netip"
	"strings"
	"unicode/utf8"
)

// schemes maps the schemes Find knows, defanged ones included, to their
// real names. hxxp and fxp are the usual defangs; hxtp and htxp turn up too.
var schemes = map[string]string{
	"http": "http", "https": "https", "ftp": "ftp", "ftps": "ftps", "sftp": "sftp",
	"hxxp": "http", "hxxps": "https", "hxtp": "http", "hxtps": "https",
	"htxp": "http", "htxps": "https", "fxp": "ftp", "fxps": "ftps",
}

// maxAuthority bounds the authority ("user@host:port"): a longer run is
// not a host, and the bound keeps failed attempts cheap.
const maxAuthority = 300

// url matches a URL with a scheme at i. The host must be a well-formed
// name or address (a TLD is not required: the scheme says it is a URL);
// the rest runs to the first space or character that cannot be in a URL,
// minus trailing punctuation that belongs to the sentence.
func (s *scanner) url(i int) (int, bool) {
	t := s.text
	j := i
	for j < len(t) && j-i <= 5 && class[t[j]]&cAlpha != 0 {
		j++
	}
	// Most words starting with h, f or s are prose: only look the scheme
	// up when "://" or a defanged form of it could follow.
	if j == len(t) || t[j] != ':' && t[j] != '[' && t[j] != '(' {
		return 0, false
	}
	written := t[i:j]
	scheme, ok := schemes[lowerASCII(written)]
	if !ok {
		return 0, false
	}
	p, sepDefanged := schemeSep(t, j)
	if p < 0 {
		return 0, false
	}
	he := p
	for he < len(t) && he-p < maxAuthority && t[he] != '/' && t[he] != '?' && t[he] != '#' {
		n := urlCharLen(t, he)
		if n == 0 {
			break
		}
		he += n
	}
	if he-p >= maxAuthority {
		return 0, false
	}
	// The authority is judged before the path is scanned, so that a bad
	// one costs at most maxAuthority bytes. Without a path, punctuation
	// closing the sentence is trimmed off first: "(http://example.com),".
	hasPath := he < len(t) && (t[he] == '/' || t[he] == '?' || t[he] == '#')
	if !hasPath {
		he = trimURL(t, p, he)
	}
	if !validAuthority(t[p:he]) {
		return 0, false
	}
	end := he
	if hasPath {
		for end < len(t) {
			n := urlCharLen(t, end)
			if n == 0 {
				break
			}
			end += n
		}
		if end = trimURL(t, p, end); end < he {
			he = end // "http://example.com.?" ends a sentence
			if !validAuthority(t[p:he]) {
				return 0, false
			}
		}
	}
	auth, authChanged := refang(t[p:he])
	rest, restChanged := refang(t[he:end])
	value := scheme + "://" + strings.ToLower(auth) + rest
	defanged := sepDefanged || authChanged || restChanged || !strings.EqualFold(written, scheme)
	s.emit(URL, i, end, value, defanged)
	return end, true
}

// schemeSep matches "://" or a defanged form of it at i and returns the
// position after it, which must start a host.
func schemeSep(t string, i int) (int, bool) {
	p, def := -1, false
	switch {
	case strings.HasPrefix(t[i:], "://"):
		p = i + 3
	case strings.HasPrefix(t[i:], "[:]//"), strings.HasPrefix(t[i:], "(:)//"), strings.HasPrefix(t[i:], "[://]"):
		p, def = i+5, true
	}
	if p < 0 || p >= len(t) || !(class[t[p]]&cAlnum != 0 || t[p] == '[' || t[p] >= utf8.RuneSelf) {
		return -1, false
	}
	return p, def
}

// urlCharLen is the length of the character at i if it can be part of a
// URL in prose, else 0. Non-ASCII letters and digits are allowed (IRIs,
// percent-decoded paths); non-ASCII punctuation and spaces (quotes, dashes,
// "…") end the URL.
func urlCharLen(t string, i int) int {
	c := t[i]
	if c < utf8.RuneSelf {
		if class[c]&cURL != 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	if !isWordRune(r) {
		return 0
	}
	return n
}

// trimURL drops trailing characters that end the sentence rather than the
// URL: punctuation, and closing brackets that have no opening one inside
// the URL ("(see http://example.com/a)").
func trimURL(t string, p, end int) int {
	var opens, closes [3]int
	const brackets = "([{)]}"
	for k := p; k < end; k++ {
		if b := strings.IndexByte(brackets, t[k]); b >= 0 {
			if b < 3 {
				opens[b]++
			} else {
				closes[b-3]++
			}
		}
	}
	for end > p {
		c := t[end-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			end--
			continue
		case ')', ']', '}':
			b := strings.IndexByte(brackets, c) - 3
			if closes[b] > opens[b] {
				closes[b]--
				end--
				continue
			}
		}
		return end
	}
	return end
}

// validAuthority checks "user@host:port": the host must be an IPv6
// literal in brackets, a valid dotted quad, or DNS-style labels, after
// refanging.
func validAuthority(a string) bool {
	a, _ = refang(a)
	if k := strings.LastIndexByte(a, '@'); k >= 0 {
		a = a[k+1:]
	}
	if strings.HasPrefix(a, "[") {
		k := strings.IndexByte(a, ']')
		if k < 0 {
			return false
		}
		ip, err := netip.ParseAddr(a[1:k])
		return err == nil && ip.Is6() && validPort(a[k+1:])
	}
	if k := strings.LastIndexByte(a, ':'); k >= 0 {
		if !validPort(a[k:]) {
			return false
		}
		a = a[:k]
	}
	a = strings.TrimSuffix(a, ".")
	if a == "" || len(a) > 253 {
		return false
	}
	numeric := 0
	n := 0
	for label := range strings.SplitSeq(a, ".") {
		n++
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		digits := true
		for k := 0; k < len(label); k++ {
			c := label[k]
			if c < utf8.RuneSelf && class[c]&cLabel == 0 {
				return false
			}
			digits = digits && class[c]&cDigit != 0
		}
		if digits {
			numeric++
		}
	}
	if numeric == n {
		ip, err := netip.ParseAddr(a)
		return err == nil && ip.Is4()
	}
	return true
}

// validPort accepts "" or ":" followed by up to five digits.
func validPort(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != ':' || len(p) < 2 || len(p) > 6 {
		return false
	}
	for k := 1; k < len(p); k++ {
		if !isDigit(p[k]) {
			return false
		}
	}
	return true
}

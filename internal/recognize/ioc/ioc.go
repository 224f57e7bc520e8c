// Package ioc finds indicators of compromise in article text: IP addresses,
// domains, URLs, e-mail addresses, file hashes and CVE ids, including the
// "defanged" spellings (hxxp://, example[.]com, user[at]example[.]com) that
// analysts use so that an indicator cannot be clicked by accident.
//
// Find is a single left-to-right pass over the bytes. It only tries to
// match at the start of an ASCII word, and after each attempt it jumps past
// everything the attempt looked at, so plain prose costs a couple of table
// look-ups per byte (see BenchmarkFind).
package ioc

// Kind is the type of an indicator.
type Kind string

// The kinds of indicator Find reports.
const (
	IPv4   Kind = "ipv4"
	IPv6   Kind = "ipv6"
	Domain Kind = "domain"
	URL    Kind = "url"
	Email  Kind = "email"
	MD5    Kind = "md5"
	SHA1   Kind = "sha1"
	SHA256 Kind = "sha256"
	SHA512 Kind = "sha512"
	CVE    Kind = "cve"
)

// Indicator is one indicator found in a text.
type Indicator struct {
	Kind Kind
	// Value is the normalised indicator: refanged, lower case for hosts,
	// e-mail addresses and hashes, "CVE-YYYY-NNNN" for CVE ids, the
	// RFC 5952 form for IPv6. For URLs only the scheme and the authority are
	// lower-cased: paths are case-sensitive.
	Value string
	// Text is the indicator exactly as written: Text == text[Start:End].
	Text       string
	Start, End int // byte offsets in the text given to Find
	// Defanged is set when the text used a defanged spelling.
	Defanged bool
}

// Find returns the indicators in text in order of appearance. They never
// overlap: a URL is reported instead of the host inside it, an e-mail
// address instead of its domain.
func Find(text string) []Indicator {
	s := scanner{text: text}
	s.scan()
	return s.out
}

// scanner holds the state of one Find call.
type scanner struct {
	text string
	out  []Indicator
	noAt int // e-mail local parts starting before this have no '@' after them
}

func (s *scanner) emit(k Kind, start, end int, value string, defanged bool) {
	s.out = append(s.out, Indicator{Kind: k, Value: value, Text: s.text[start:end], Start: start, End: end, Defanged: defanged})
}

// scan is the main loop. Every indicator starts with an ASCII letter or
// digit at a word boundary (or "::" for IPv6), so everything else is
// skipped with one table look-up per byte.
func (s *scanner) scan() {
	t := s.text
	i := 0
	for i < len(t) {
		c := t[i]
		if class[c]&cAlnum != 0 {
			i = s.word(i)
			continue
		}
		if c >= 0x80 {
			i = skipNonASCII(t, i)
			continue
		}
		if c == ':' && i+1 < len(t) && t[i+1] == ':' && (i == 0 || class[t[i-1]]&cHex == 0 && t[i-1] != ':') {
			if end, ok, skip := s.ipv6(i); ok || skip {
				i = end
				continue
			}
		}
		i++
	}
}

// word tries every matcher at the start of an ASCII word and returns where
// scanning resumes. Each matcher returns a position past anything it has
// ruled out, which keeps the scan linear.
func (s *scanner) word(i int) int {
	t := s.text
	c := t[i] | 0x20
	if c == 'c' {
		if end, ok := s.cve(i); ok {
			return end
		}
	}
	if c == 'h' || c == 'f' || c == 's' {
		if end, ok := s.url(i); ok {
			return end
		}
	}
	if class[t[i]]&cHex != 0 {
		if end, done := s.hexWord(i); done {
			return end
		}
	}
	return s.host(i)
}

package ioc

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes, looked up in class.
const (
	cDigit uint8 = 1 << iota
	cAlpha
	cHex
	cLabel // may appear in a DNS label: letter, digit, '-', '_'
	cURL   // may appear in a URL (ASCII only; other runes are judged apart)
	cLocal // may appear in the local part of an e-mail address
	// cHostNext may follow the first alphanumeric run of a host name or
	// e-mail address: a label character, a dot, an at sign, an opening
	// bracket of a defang token, a local-part character, or a non-ASCII
	// byte (which may continue the word).
	cHostNext

	cAlnum = cDigit | cAlpha
)

var class = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] |= cDigit | cHex
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= cAlpha
		t[c-'a'+'A'] |= cAlpha
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] |= cHex
		t[c-'a'+'A'] |= cHex
	}
	for c := 0; c < 128; c++ {
		if t[c]&cAlnum != 0 {
			t[c] |= cLabel | cURL | cLocal
		}
	}
	t['-'] |= cLabel | cLocal
	t['_'] |= cLabel | cLocal
	// Only the local-part characters seen in real addresses: RFC 5322
	// allows "'", "/", "{" and more, which in prose would glue words on.
	for _, c := range []byte(".+%=") {
		t[c] |= cLocal
	}
	for _, c := range []byte("-_.@[({+%=") {
		t[c] |= cHostNext
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] |= cHostNext
	}
	// RFC 3986 characters; those that also end sentences (".,;:!?')")
	// are trimmed from the end of a URL by trimURL.
	for _, c := range []byte("-._~:/?#[]@!$&'()*+,;=%{}") {
		t[c] |= cURL
	}
	return t
}()

func isDigit(c byte) bool { return class[c]&cDigit != 0 }

// isLabelStart: a label after a dot may start with '_' (_dmarc) but not '-'.
func isLabelStart(c byte) bool { return class[c]&cAlnum != 0 || c == '_' }

// isWordRune reports letters, digits and marks: a non-ASCII rune of this
// kind glued to an ASCII word makes it part of a longer word ("ción").
func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// skipWord returns the end of the word (ASCII label characters and
// non-ASCII letters, digits and marks) that continues at i.
func skipWord(t string, i int) int {
	for i < len(t) {
		c := t[i]
		if c < utf8.RuneSelf {
			if class[c]&cLabel == 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// skipNonASCII steps over the rune at i, and over the rest of the word if it
// is a letter: ASCII letters after "ó" in "ción" do not start a word.
func skipNonASCII(t string, i int) int {
	r, size := utf8.DecodeRuneInString(t[i:])
	if isWordRune(r) {
		return skipWord(t, i+size)
	}
	return i + size
}

// wordAfter reports whether a word character follows at i, which means a
// candidate ending at i was only the start of a longer word.
func wordAfter(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return class[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return isWordRune(r)
}

// mixedCase reports whether s has both upper- and lower-case ASCII letters.
func mixedCase(s string) bool {
	up, low := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		up = up || 'A' <= c && c <= 'Z'
		low = low || 'a' <= c && c <= 'z'
	}
	return up && low
}

// hasLower and hasUpper look for an ASCII letter of that case.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// capitalised reports a word like "The" or "Apple": an upper-case letter
// followed by letters, at least one of them lower case.
func capitalised(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if class[s[i]]&cAlpha == 0 {
			return false
		}
	}
	return hasLower(s[1:])
}

// lowerASCII lower-cases ASCII letters, leaving other bytes alone, and
// does not allocate when s is already lower case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

package ioc

import "strings"

// Defanged separators. Analysts break indicators so that they cannot be
// clicked: example[.]com, example(dot)com, user[at]example[.]com,
// 1.2.3[.]4, hxxp[:]//. The bracketed forms may have a space on either
// side ("example [dot] com").

// bracketed matches a defang token at i: an optional space, an opening
// bracket, one of words (ASCII case-insensitive), the matching closing
// bracket and an optional space. It returns the position after it, or -1.
func bracketed(t string, i int, words ...string) int {
	p := i
	if p < len(t) && t[p] == ' ' {
		p++
	}
	if p >= len(t) {
		return -1
	}
	var closer byte
	switch t[p] {
	case '[':
		closer = ']'
	case '(':
		closer = ')'
	case '{':
		closer = '}'
	default:
		return -1
	}
	p++
	for _, w := range words {
		q := p + len(w)
		if q < len(t) && t[q] == closer && strings.EqualFold(t[p:q], w) {
			q++
			if q < len(t) && t[q] == ' ' {
				q++
			}
			return q
		}
	}
	return -1
}

// dotSep matches a (possibly defanged) dot between two labels at i and
// returns where the next label starts, or -1.
func dotSep(t string, i int) (next int, defanged bool) {
	if i >= len(t) {
		return -1, false
	}
	if t[i] == '.' {
		if i+1 < len(t) && isLabelStart(t[i+1]) {
			return i + 1, false
		}
		return -1, false
	}
	if t[i] != ' ' && t[i] != '[' && t[i] != '(' && t[i] != '{' {
		return -1, false
	}
	p := bracketed(t, i, ".", "dot")
	if p < 0 || p >= len(t) || !isLabelStart(t[p]) {
		return -1, false
	}
	return p, true
}

// atSep matches the '@' of an e-mail address, plain or defanged, at i.
func atSep(t string, i int) (next int, defanged bool) {
	if i >= len(t) {
		return -1, false
	}
	if t[i] == '@' {
		if i+1 < len(t) && class[t[i+1]]&cAlnum != 0 {
			return i + 1, false
		}
		return -1, false
	}
	if t[i] != ' ' && t[i] != '[' && t[i] != '(' && t[i] != '{' {
		return -1, false
	}
	p := bracketed(t, i, "@", "at")
	if p < 0 || p >= len(t) || class[t[p]]&cAlnum == 0 {
		return -1, false
	}
	return p, true
}

// refangTokens maps the inside of a bracketed defang token to what it
// stands for. "://" covers hxxp[://]example.com.
var refangTokens = []struct{ in, out string }{
	{"://", "://"}, {".", "."}, {"dot", "."}, {"@", "@"}, {"at", "@"}, {":", ":"},
}

// refang undoes defanging: bracketed tokens become the character they
// stand for and the spaces allowed around them are dropped. Other
// brackets are kept ("wiki/Foo_(bar)"). It reports whether anything
// changed.
func refang(s string) (string, bool) {
	if strings.IndexAny(s, "[({ ") < 0 {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			changed = true
			continue
		}
		if c == '[' || c == '(' || c == '{' {
			if tok, n := refangToken(s[i:]); n > 0 {
				b.WriteString(tok)
				i += n - 1
				changed = true
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), changed
}

// refangToken matches a bracketed defang token at the start of s and
// returns its meaning and length.
func refangToken(s string) (string, int) {
	var closer byte
	switch s[0] {
	case '[':
		closer = ']'
	case '(':
		closer = ')'
	default:
		closer = '}'
	}
	for _, tk := range refangTokens {
		n := 1 + len(tk.in)
		if n < len(s) && s[n] == closer && strings.EqualFold(s[1:n], tk.in) {
			return tk.out, n + 1
		}
	}
	return "", 0
}

package source

import (
	"bytes"
	"strings"
)

// robotsRules are the Allow/Disallow rules of the group that applies to
// our user agent, per RFC 9309. A nil *robotsRules allows everything.
type robotsRules struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string // normalised; may hold '*' and a final '$'
}

// productToken is the robots.txt name of a User-Agent string: its first
// token, before any '/' or space, lower-cased ("aptwatch/0.1 (+...)" ->
// "aptwatch").
func productToken(ua string) string {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, "/ \t"); i >= 0 {
		ua = ua[:i]
	}
	return strings.ToLower(ua)
}

// parseRobots keeps the rules for agent (a product token), or for '*' when
// no group names agent. Groups naming the same agent are merged, as the
// RFC asks. Unknown lines (Sitemap, Crawl-delay, ...) are ignored.
func parseRobots(data []byte, agent string) *robotsRules {
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inRules := false // a rule line ends the run of user-agent lines
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		v := strings.TrimSpace(string(val))
		switch k {
		case "user-agent":
			if cur == nil || inRules {
				cur = &group{}
				groups = append(groups, cur)
				inRules = false
			}
			cur.agents = append(cur.agents, productToken(v))
		case "allow", "disallow":
			if cur == nil {
				continue // rules before any user-agent line belong to no group
			}
			inRules = true
			if v == "" {
				continue // "Disallow:" with no path allows everything: no rule
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: normRobotsPath(v)})
		}
	}
	var mine, star []robotsRule
	found := false
	for _, g := range groups {
		for _, a := range g.agents {
			switch a {
			case agent:
				mine = append(mine, g.rules...)
				found = true
			case "*":
				star = append(star, g.rules...)
			}
		}
	}
	if found {
		return &robotsRules{rules: mine}
	}
	return &robotsRules{rules: star}
}

// allowed reports whether path (escaped path plus "?query") may be
// fetched: the longest matching pattern wins, Allow on a tie; no match
// allows. /robots.txt itself is always allowed.
func (r *robotsRules) allowed(path string) bool {
	if r == nil || path == "/robots.txt" {
		return true
	}
	path = normRobotsPath(path)
	best, allow := -1, true
	for _, rule := range r.rules {
		if n := len(rule.pattern); n >= best && robotsMatch(rule.pattern, path) {
			if n > best || rule.allow {
				allow = rule.allow
			}
			best = n
		}
	}
	return allow
}

// robotsMatch matches a robots pattern against the start of path: '*' is
// any run of characters, a final '$' anchors the end. Iterative, with a
// single backtrack point, so hostile patterns cannot make it exponential.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	p, s := 0, 0
	star, mark := -1, 0
	for {
		if p == len(pattern) {
			if !anchored || s == len(path) {
				return true
			}
		} else if pattern[p] == '*' {
			star, mark = p, s
			p++
			continue
		} else if s < len(path) && pattern[p] == path[s] {
			p++
			s++
			continue
		}
		// Mismatch (or unanchored end not reached): let the last '*'
		// swallow one more character.
		if star < 0 || mark >= len(path) {
			return false
		}
		mark++
		p, s = star+1, mark
	}
}

// normRobotsPath percent-encodes bytes outside printable ASCII and
// upper-cases existing escapes, so that "/ü" and "/%c3%bc" compare equal.
func normRobotsPath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

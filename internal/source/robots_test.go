package source

import (
	"strings"
	"testing"
)

func TestProductToken(t *testing.T) {
	for ua, want := range map[string]string{
		DefaultUserAgent: "aptwatch", "Googlebot/2.1 (+http://www.google.com/bot.html)": "googlebot",
		"  MyBot ": "mybot", "*": "*", "": "",
	} {
		if got := productToken(ua); got != want {
			t.Errorf("productToken(%q) = %q, want %q", ua, got, want)
		}
	}
}

func TestRobotsRules(t *testing.T) {
	const robots = `# comments and odd spacing are fine
User-agent: Googlebot
Disallow: /

user-agent: *
Disallow: /admin/
Disallow: /search?
Allow: /admin/public/
Disallow: /*.pdf$
Disallow: /tmp/*/cache

User-Agent: APTWATCH/2.0
User-agent: otherbot
Disallow: /private
Allow: /private/ok
Disallow: /%C3%BCber
Disallow: /exact$
Crawl-delay: 10
Sitemap: https://example.com/sitemap.xml

User-agent: aptwatch
Disallow: /also-merged
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		// our own group (two groups naming us, merged); '*' does not apply
		{"aptwatch", "/admin/x", true},
		{"aptwatch", "/private", false},
		{"aptwatch", "/private/x", false},
		{"aptwatch", "/privateer", false}, // prefix match, as the RFC says
		{"aptwatch", "/private/ok", true}, // longer Allow wins
		{"aptwatch", "/private/ok/more", true},
		{"aptwatch", "/über", false}, // non-ASCII compared percent-encoded
		{"aptwatch", "/%c3%bcber/x", false},
		{"aptwatch", "/exact", false},
		{"aptwatch", "/exact/more", true},
		{"aptwatch", "/also-merged/1", false},
		{"aptwatch", "/robots.txt", true},
		// an agent without a group gets '*'
		{"somebot", "/", true},
		{"somebot", "/admin/", false},
		{"somebot", "/admin/public/page", true},
		{"somebot", "/search?q=apt31", false},
		{"somebot", "/search", true},
		{"somebot", "/docs/report.pdf", false},
		{"somebot", "/docs/report.pdf?x=1", true},
		{"somebot", "/tmp/a/b/cache/x", false},
		{"somebot", "/tmp/cache", true},
		{"googlebot", "/anything", false},
	}
	for _, tc := range tests {
		r := parseRobots([]byte(robots), tc.agent)
		if got := r.allowed(normRobotsPath(tc.path)); got != tc.want {
			t.Errorf("%s %s: allowed = %v, want %v", tc.agent, tc.path, got, tc.want)
		}
	}
}

func TestRobotsEdgeCases(t *testing.T) {
	tests := []struct {
		name, robots, path string
		want               bool
	}{
		{"empty file", "", "/x", true},
		{"empty disallow allows", "User-agent: *\nDisallow:\n", "/x", true},
		{"rules before any agent ignored", "Disallow: /\nUser-agent: *\nAllow: /\n", "/x", true},
		{"tie goes to allow", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
		{"CR line endings", "User-agent: *\rDisallow: /x\r", "/x", false},
		{"html soft 404", "<html><body>Not found</body></html>", "/x", true},
		{"wildcard only", "User-agent: *\nDisallow: /*\n", "/x", false},
		{"star then dollar", "User-agent: *\nDisallow: /*$\n", "/", false},
		{"agent list shares rules", "User-agent: a\nUser-agent: aptwatch\nDisallow: /x\n", "/x", false},
	}
	for _, tc := range tests {
		if got := parseRobots([]byte(tc.robots), "aptwatch").allowed(tc.path); got != tc.want {
			t.Errorf("%s: allowed(%s) = %v, want %v", tc.name, tc.path, got, tc.want)
		}
	}
	var nilRules *robotsRules
	if !nilRules.allowed("/x") {
		t.Error("nil rules must allow")
	}
}

// Patterns full of '*' cost time linear in pattern times path, not
// exponential.
func TestRobotsMatchHostilePattern(t *testing.T) {
	pattern := strings.Repeat("*a", 500) + "b$"
	path := "/" + strings.Repeat("a", 5000)
	if robotsMatch(pattern, path) {
		t.Error("matched")
	}
}

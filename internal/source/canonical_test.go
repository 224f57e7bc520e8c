package source

import (
	"errors"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example.COM/Path/Article", "https://news.example.com/Path/Article"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"https://example.com:80/a", "https://example.com:80/a"},
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com/a/", "https://example.com/a"},
		{"https://example.com/a//", "https://example.com/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/", "https://example.com/"},
		{"https://example.com/a/./b/../c/", "https://example.com/a/c"},
		{"https://example.com/../../a", "https://example.com/a"},
		{"https://example.com/a/..", "https://example.com/"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://example.com/a"},
		{"https://example.com/a?b=2&a=1&fbclid=X&gclid=Y", "https://example.com/a?a=1&b=2"},
		{"https://example.com/a?mc_cid=1&mc_eid=2&ref=tw&ref_src=twsrc&igshid=3&yclid=4&_hsenc=5&_hsmi=6&cmpid=7&id=9", "https://example.com/a?id=9"},
		{"https://example.com/a?UTM_Source=x&Id=1", "https://example.com/a?Id=1"},
		{"https://www.lemonde.fr/pixels/article/x.html?xtor=RSS-3208", "https://www.lemonde.fr/pixels/article/x.html"},
		{"https://www.heise.de/news/x.html?wt_mc=rss.red.security.beitrag.atom", "https://www.heise.de/news/x.html"},
		{"https://example.com/a?pk_campaign=a&mtm_source=b&page=2", "https://example.com/a?page=2"},
		{"https://example.com/a?q=a+c&q=a%2Bb", "https://example.com/a?q=a%2Bb&q=a+c"},
		{"https://example.com/a?x=%7e&", "https://example.com/a?x=~"},
		{"https://example.com/%7euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"},
		{"https://example.com/a%2Fb", "https://example.com/a%2Fb"},
		{"https://example.com./a", "https://example.com/a"},
		{"https://[2001:DB8::1]:443/a", "https://[2001:db8::1]/a"},
		{"https://[2001:db8::1]:8443/a", "https://[2001:db8::1]:8443/a"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"https://example.com/a?", "https://example.com/a"},
	}
	for _, tc := range tests {
		got, err := CanonicalURL(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
		if again, _ := CanonicalURL(got); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	}
}

func TestCanonicalURLErrors(t *testing.T) {
	for _, in := range []string{"ftp://example.com/a", "mailto:x@example.com", "/relative", "https://", "http://[::1", ""} {
		if got, err := CanonicalURL(in); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", in, got)
		}
	}
	if _, err := CanonicalURL("javascript:alert(1)"); !errors.Is(err, ErrScheme) {
		t.Errorf("javascript: %v", err)
	}
}

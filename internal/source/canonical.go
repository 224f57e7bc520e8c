package source

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign, a click or
// a share, never the document. Compared in lower case.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "ref": true, "ref_src": true, "ref_url": true,
	"igshid": true, "igsh": true, "_hsenc": true, "_hsmi": true, "__hstc": true,
	"__hssc": true, "__hsfp": true, "hsctatracking": true, "cmpid": true, "cmp": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "rb_clickid": true,
	"s_cid": true, "vero_conv": true, "vero_id": true, "wickedid": true, "_ga": true,
	"_gl": true, "spm": true, "sr_share": true, "fb_action_ids": true,
	"fb_action_types": true, "fb_source": true, "fb_ref": true, "trk": true,
	"trkcampaign": true, "icid": true, "ncid": true, "ocid": true, "xtor": true,
	"at_campaign": true, "at_medium": true, "wt_mc": true, "wt_zmc": true,
	"share": true,
}

// trackingPrefixes cover parameter families: Google Analytics (utm_),
// Matomo/Piwik (pk_, mtm_, piwik_), comScore (ns_), Hubspot (hsa_).
var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "piwik_", "ns_", "hsa_"}

func isTrackingParam(key string) bool {
	k := strings.ToLower(key)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// CanonicalURL returns the form of an http(s) URL under which one document
// is stored once: scheme and host lower-cased, default port, fragment and
// tracking parameters dropped, the other parameters sorted, dot segments
// resolved, escapes normalised, and no trailing '/' except for the root.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("source: bad URL %q: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("%w: %q", ErrScheme, raw)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("source: bad URL %q: no host", raw)
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	port := u.Port()
	if port != "" && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443") {
		host = net.JoinHostPort(strings.Trim(host, "[]"), port)
	}

	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	if u.User != nil {
		b.WriteString(u.User.String())
		b.WriteByte('@')
	}
	b.WriteString(host)

	p := removeDotSegments(normEscapes(u.EscapedPath()))
	if p == "" {
		p = "/"
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
		if p == "" {
			p = "/"
		}
	}
	b.WriteString(p)

	if q := canonicalQuery(u.RawQuery); q != "" {
		b.WriteByte('?')
		b.WriteString(q)
	}
	return b.String(), nil
}

// canonicalQuery drops tracking and empty parameters and sorts the rest by
// key, then value. It works on the raw pairs so that escaping survives
// (a '+' or an escaped '&' inside a value stays what it was).
func canonicalQuery(raw string) string {
	type pair struct{ key, raw string }
	var pairs []pair
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		part = normEscapes(part)
		k, _, _ := strings.Cut(part, "=")
		if k == "" {
			continue
		}
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if isTrackingParam(k) {
			continue
		}
		pairs = append(pairs, pair{k, part})
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].key != pairs[j].key {
			return pairs[i].key < pairs[j].key
		}
		return pairs[i].raw < pairs[j].raw
	})
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.raw
	}
	return strings.Join(out, "&")
}

// normEscapes upper-cases percent escapes and decodes those of unreserved
// characters (RFC 3986 section 6.2.2), so "%7e" and "~" compare equal.
func normEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// removeDotSegments is RFC 3986 section 5.2.4 on an escaped path.
func removeDotSegments(p string) string {
	if !strings.Contains(p, ".") {
		return p
	}
	var out []string
	segs := strings.Split(p, "/")
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	r := strings.Join(out, "/")
	if strings.HasPrefix(p, "/") && !strings.HasPrefix(r, "/") {
		r = "/" + r
	}
	return r
}

package ioc

import (
	"fmt"
	"strings"
	"testing"
)

// w is one expected indicator. text is checked only when set; def always.
type w struct {
	k    Kind
	v    string
	text string
	def  bool
}

const (
	md5Hex    = "d41d8cd98f00b204e9800998ecf8427e"
	sha1Hex   = "da39a3ee5e6b4b0d3255bfef95601890afd80709"
	sha256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	sha512Hex = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
)

var findTests = []struct {
	name string
	text string
	want []w
}{
	// IPv4
	{"ipv4 plain", "The C2 server at 185.220.101.4 answered.", []w{{IPv4, "185.220.101.4", "185.220.101.4", false}}},
	{"ipv4 private", "beacons to 192.168.1.10 and 10.0.0.1", []w{{IPv4, "192.168.1.10", "", false}, {IPv4, "10.0.0.1", "", false}}},
	{"ipv4 port", "listening on 1.2.3.4:8080.", []w{{IPv4, "1.2.3.4", "1.2.3.4", false}}},
	{"ipv4 cidr", "block 10.20.30.0/24 now", []w{{IPv4, "10.20.30.0", "10.20.30.0", false}}},
	{"ipv4 brackets", "[1.2.3.4]", []w{{IPv4, "1.2.3.4", "1.2.3.4", false}}},
	{"ipv4 defanged last", "IP 1.2.3[.]4 seen", []w{{IPv4, "1.2.3.4", "1.2.3[.]4", true}}},
	{"ipv4 defanged all", "1[.]2[.]3[.]4", []w{{IPv4, "1.2.3.4", "1[.]2[.]3[.]4", true}}},
	{"ipv4 defanged parens", "1(.)2(.)3(.)4", []w{{IPv4, "1.2.3.4", "", true}}},
	{"ipv4 defanged dot word", "8[dot]8[DOT]8[dot]8", []w{{IPv4, "8.8.8.8", "", true}}},
	{"ipv4 defanged spaced", "5 [.] 6 [.] 7 [.] 8 and", []w{{IPv4, "5.6.7.8", "5 [.] 6 [.] 7 [.] 8", true}}},
	{"ipv4 glued sentence", "was 1.2.3.4.The next", []w{{IPv4, "1.2.3.4", "1.2.3.4", false}}},
	{"ipv4 zeros", "0.0.0.0 and 255.255.255.255", []w{{IPv4, "0.0.0.0", "", false}, {IPv4, "255.255.255.255", "", false}}},
	{"no ipv4 chrome version", "Chrome 88.0.4324.182 fixes it", nil},
	{"no ipv4 version word", "version 10.0.0.1 and Version 1.2.3.4", nil},
	{"no ipv4 v", "v 1.2.3.4, v1.2.3.4, v.1.2.3.4, ver. 2.3.4.5", nil},
	{"no ipv4 product", "Firefox 3.6.28.1 and FortiOS 7.0.1.2", nil},
	{"no ipv4 prior to", "versions prior to 7.0.1.2 are affected", nil},
	{"no ipv4 or later", "upgrade to 7.0.1.2 or later", nil},
	{"no ipv4 after proper noun", "functions borrowed from Zeus 2.0.8.9 and Cloudflare 1.1.1.1", nil},
	{"ipv4 after sentence start", "From 1.2.3.4 it moved. Server 5.6.7.8 and C2 Server 9.9.9.9 or IP 8.8.4.4", []w{{IPv4, "1.2.3.4", "", false}, {IPv4, "5.6.7.8", "", false}, {IPv4, "9.9.9.9", "", false}, {IPv4, "8.8.4.4", "", false}}},
	{"no ipv4 non-english version", "la versión 2.1.0.3 y la versão 4.3.2.1", nil},
	{"ipv4 tor node", "exit node 171.25.193.9", []w{{IPv4, "171.25.193.9", "", false}}},
	{"no ipv4 oid section", "OID 2.5.4.3 in section 1.2.3.4", nil},
	{"no ipv4 user agent", "Mozilla/5.0 Chrome/10.0.0.1 Safari", nil},
	{"no ipv4 leading zero", "on 01.02.03.04 and 1.2.3.04", nil},
	{"no ipv4 three parts", "1.2.3 and 2.5 and 58.000", nil},
	{"no ipv4 five parts", "1.2.3.4.5 is a version", nil},
	{"no ipv4 big octet", "256.1.1.1 and 1.2.3.999", nil},
	{"no ipv4 thousands", "1.200.000.000 euro", nil},
	{"no ipv4 glued word", "x1.2.3.4 and 1.2.3.4a", nil},

	// IPv6
	{"ipv6 compressed", "to 2001:db8::1 from", []w{{IPv6, "2001:db8::1", "2001:db8::1", false}}},
	{"ipv6 full", "2001:0db8:0000:0000:0000:ff00:0042:8329", []w{{IPv6, "2001:db8::ff00:42:8329", "", false}}},
	{"ipv6 link local", "fe80::1ff:fe23:4567:890a.", []w{{IPv6, "fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a", false}}},
	{"ipv6 loopback", "bound to ::1 only", []w{{IPv6, "::1", "::1", false}}},
	{"ipv6 mapped", "::ffff:192.0.2.1", []w{{IPv6, "::ffff:192.0.2.1", "", false}}},
	{"ipv6 bracket port", "[2001:db8::1]:443", []w{{IPv6, "2001:db8::1", "2001:db8::1", false}}},
	{"ipv6 upper", "2001:DB8::AB", []w{{IPv6, "2001:db8::ab", "2001:DB8::AB", false}}},
	{"no ipv6 time", "at 12:30:45 and 10:30", nil},
	{"no ipv6 mac", "MAC 00:1a:2b:3c:4d:5e", nil},
	{"no ipv6 hexdump", "de:ad:be:ef:00:11:22:33", nil},
	{"no ipv6 words", "cafe::beef, std::vector and Foo::Bar", nil},
	{"no ipv6 glued", "dead:beef:cafe::babe:face:gizmo", nil},
	{"no ipv6 too many", "1:2:3:4:5:6:7:8:9 and 1000:2000:3000:4000:5000:6000:7000:8000:9000", nil},

	// Domains
	{"domain plain", "phishing from example.com today", []w{{Domain, "example.com", "example.com", false}}},
	{"domain subdomains", "www.example.co.uk, sub-domain.example.org", []w{{Domain, "www.example.co.uk", "", false}, {Domain, "sub-domain.example.org", "", false}}},
	{"domain punycode", "xn--80ak6aa92e.com", []w{{Domain, "xn--80ak6aa92e.com", "", false}}},
	{"domain capital first", "bought on Amazon.com and Booking.com.", []w{{Domain, "amazon.com", "Amazon.com", false}, {Domain, "booking.com", "Booking.com", false}}},
	{"domain all caps", "EVIL-SITE.COM", []w{{Domain, "evil-site.com", "EVIL-SITE.COM", false}}},
	{"domain possessive", "example.com's owner", []w{{Domain, "example.com", "example.com", false}}},
	{"domain parens", "(see example.net)", []w{{Domain, "example.net", "", false}}},
	{"domain glued sentence", "hosted on evil.com.The attackers", []w{{Domain, "evil.com", "evil.com", false}}},
	{"domain onion", "leak site lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion", []w{{Domain, "lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion", "", false}}},
	{"domain new gtld", "update-check.xyz and login.microsoft-support.top", []w{{Domain, "update-check.xyz", "", false}, {Domain, "login.microsoft-support.top", "", false}}},
	{"domain underscore label", "TXT at _dmarc.example.com", []w{{Domain, "dmarc.example.com", "dmarc.example.com", false}}},
	{"domain defanged brackets", "example[.]com", []w{{Domain, "example.com", "example[.]com", true}}},
	{"domain defanged parens", "example(.)com", []w{{Domain, "example.com", "example(.)com", true}}},
	{"domain defanged dot", "example[dot]com and example(dot)org and example{.}net", []w{{Domain, "example.com", "", true}, {Domain, "example.org", "", true}, {Domain, "example.net", "", true}}},
	{"domain defanged spaced", "evil [dot] example [dot] com", []w{{Domain, "evil.example.com", "evil [dot] example [dot] com", true}}},
	{"domain defanged upper", "EVIL[.]COM", []w{{Domain, "evil.com", "EVIL[.]COM", true}}},
	{"domain defanged mixed case tld", "Evil[.]Com", []w{{Domain, "evil.com", "", true}}},
	{"domain zip defanged", "google[.]zip and files[.]mov", []w{{Domain, "google.zip", "", true}, {Domain, "files.mov", "", true}}},
	{"domain ext tld www", "www.example.sh", []w{{Domain, "www.example.sh", "", false}}},
	{"domain ext tld three labels", "phish.web.app", []w{{Domain, "phish.web.app", "", false}}},
	{"no domain zip plain", "google.zip and clip.mov", nil},
	{"no domain double extension", "invoice.pdf.zip and report.pdf.one", nil},
	{"no domain file names", "invoice.pdf document.docx payload.exe script.js readme.md install.sh libc.so Calculator.app", nil},
	{"no domain glued sentences", "Este.La Unidos.La difference.Apple Bear.Cozy regional.JL", nil},
	{"no domain code", "Node.js ASP.NET System.IO Socket.IO", nil},
	{"no domain abbreviations", "U.S. U.K. e.g. i.e. a.m. p.m. EE.UU TEMP.Zagros No.1", nil},
	{"no domain unicode word", "ción.com y país.El", nil},
	{"no domain single label", "localhost and com", nil},
	{"no domain underscore", "data\\package_con_x86.cat and my_file.com and C:\\Temp\\evil.com", nil},
	{"domain cat", "www.gencat.cat", []w{{Domain, "www.gencat.cat", "", false}}},
	{"no domain bad hyphen", "-evil.com- is not evil-.com", nil},

	// URLs
	{"url plain", "Read More: https://www.cyberscoop.com/alert-fbi-cisa-cyber-command-iran-muddywater/", []w{{URL, "https://www.cyberscoop.com/alert-fbi-cisa-cyber-command-iran-muddywater/", "https://www.cyberscoop.com/alert-fbi-cisa-cyber-command-iran-muddywater/", false}}},
	{"url hxxp", "hxxp://evil[.]com/gate.php", []w{{URL, "http://evil.com/gate.php", "hxxp://evil[.]com/gate.php", true}}},
	{"url hxxps upper", "hXXps://Evil[.]COM/Path", []w{{URL, "https://evil.com/Path", "", true}}},
	{"url fxp", "fxp://files.example.com/x.bin", []w{{URL, "ftp://files.example.com/x.bin", "", true}}},
	{"url defanged sep", "hxxp[:]//1.2.3[.]4[:]8080/a", []w{{URL, "http://1.2.3.4:8080/a", "hxxp[:]//1.2.3[.]4[:]8080/a", true}}},
	{"url bracket sep", "https[://]example.com/x", []w{{URL, "https://example.com/x", "", true}}},
	{"url ip wins", "GET http://1.2.3.4/x.sh", []w{{URL, "http://1.2.3.4/x.sh", "", false}}},
	{"url ipv6", "http://[2001:db8::1]:8080/x", []w{{URL, "http://[2001:db8::1]:8080/x", "", false}}},
	{"url trailing punctuation", "(see https://example.com/a).", []w{{URL, "https://example.com/a", "https://example.com/a", false}}},
	{"url bare host in parens", "(see http://example.com), or https://example.org, and ftp://10.1.2.3.", []w{{URL, "http://example.com", "http://example.com", false}, {URL, "https://example.org", "", false}, {URL, "ftp://10.1.2.3", "ftp://10.1.2.3", false}}},
	{"url bare host quoted", "'http://example.com' and [https://example.net]", []w{{URL, "http://example.com", "", false}, {URL, "https://example.net", "", false}}},
	{"url balanced parens", "https://en.wikipedia.org/wiki/Foo_(bar) is", []w{{URL, "https://en.wikipedia.org/wiki/Foo_(bar)", "", false}}},
	{"url after colon", "URL:https://x.com/?q=1&r=2#frag,", []w{{URL, "https://x.com/?q=1&r=2#frag", "", false}}},
	{"url case", "HTTPS://Example.COM/Path", []w{{URL, "https://example.com/Path", "", false}}},
	{"url quotes", "“https://example.com/”", []w{{URL, "https://example.com/", "https://example.com/", false}}},
	{"url ellipsis", "https://example.com/long…", []w{{URL, "https://example.com/long", "", false}}},
	{"url userinfo port", "ftp://user:pw@ftp.example.org:2121/drop", []w{{URL, "ftp://user:pw@ftp.example.org:2121/drop", "", false}}},
	{"url zip", "https://google.zip/", []w{{URL, "https://google.zip/", "", false}}},
	{"url unicode path", "https://de.wikipedia.org/wiki/Käse ok", []w{{URL, "https://de.wikipedia.org/wiki/Käse", "", false}}},
	{"url hides hash", "https://www.virustotal.com/gui/file/" + sha256Hex, []w{{URL, "https://www.virustotal.com/gui/file/" + sha256Hex, "", false}}},
	{"no url empty", "http:// and https://-bad and http", nil},

	// E-mail addresses
	{"email plain", "write to press@example.com.", []w{{Email, "press@example.com", "press@example.com", false}}},
	{"email plus", "john+news@example.org", []w{{Email, "john+news@example.org", "", false}}},
	{"email dotted local", "first.last@mail.example.co.jp", []w{{Email, "first.last@mail.example.co.jp", "", false}}},
	{"email upper", "ADMIN@EXAMPLE.COM", []w{{Email, "admin@example.com", "ADMIN@EXAMPLE.COM", false}}},
	{"email defanged at", "user[@]example.com", []w{{Email, "user@example.com", "user[@]example.com", true}}},
	{"email defanged at word", "user(at)example[.]com", []w{{Email, "user@example.com", "user(at)example[.]com", true}}},
	{"email defanged spaced", "user [at] example [dot] com", []w{{Email, "user@example.com", "user [at] example [dot] com", true}}},
	{"email ext tld", "admin@evil.zip", []w{{Email, "admin@evil.zip", "", false}}},
	{"no email", "@handle and foo@bar and user@ and a@b.c", nil},

	// Hashes
	{"md5", "MD5: " + md5Hex, []w{{MD5, md5Hex, md5Hex, false}}},
	{"sha1", "sha1 " + sha1Hex + ".", []w{{SHA1, sha1Hex, "", false}}},
	{"sha256 upper", "SHA256=" + strings.ToUpper(sha256Hex), []w{{SHA256, sha256Hex, strings.ToUpper(sha256Hex), false}}},
	{"sha512", sha512Hex, []w{{SHA512, sha512Hex, "", false}}},
	{"hash file name", sha256Hex + ".exe and sha256_" + md5Hex, []w{{SHA256, sha256Hex, "", false}, {MD5, md5Hex, "", false}}},
	{"no hash lengths", md5Hex[:31] + " " + md5Hex + "a " + sha256Hex + "0", nil},
	{"no hash in word", "x" + md5Hex + " " + md5Hex + "g", nil},
	{"no hash digits only", "12345678901234567890123456789012", nil},

	// CVE ids
	{"cve", "patch CVE-2021-26855 now", []w{{CVE, "CVE-2021-26855", "CVE-2021-26855", false}}},
	{"cve lower", "cve-2021-26855", []w{{CVE, "CVE-2021-26855", "cve-2021-26855", false}}},
	{"cve space", "CVE 2021-26855", []w{{CVE, "CVE-2021-26855", "CVE 2021-26855", false}}},
	{"cve en dash", "CVE–2021–26855", []w{{CVE, "CVE-2021-26855", "CVE–2021–26855", false}}},
	{"cve nbsp nb hyphen", "CVE\u00a02021\u201126855", []w{{CVE, "CVE-2021-26855", "", false}}},
	{"cve long", "CVE-2017-1000117 and (CVE-2014-0160)", []w{{CVE, "CVE-2017-1000117", "", false}, {CVE, "CVE-2014-0160", "", false}}},
	{"cve in word", "exploit-CVE-2021-44228 and ProxyLogon_CVE-2021-26855", []w{{CVE, "CVE-2021-44228", "", false}, {CVE, "CVE-2021-26855", "", false}}},
	{"cve list", "CVE-2021-26857, CVE-2021-26858 and CVE-2021-27065.", []w{{CVE, "CVE-2021-26857", "", false}, {CVE, "CVE-2021-26858", "", false}, {CVE, "CVE-2021-27065", "", false}}},
	{"no cve", "CVE-21-1234 CVE-2021-123 CVE-2021-12345678 XCVE-2021-1234 CVEs CVE-1899-1234 CVE-2021-1234a", nil},

	// Mixtures, order and Unicode offsets
	{"mixed", "APT27 used hxxp://198.51.100[.]7/a, evil[.]com and " + md5Hex + " (CVE-2021-26855).", []w{
		{URL, "http://198.51.100.7/a", "", true}, {Domain, "evil.com", "", true}, {MD5, md5Hex, "", false}, {CVE, "CVE-2021-26855", "", false}}},
	{"unicode offsets", "Die Domäne böse[.]de? Nein: «evil[.]de» über 203.0.113.9 — ok", []w{{Domain, "evil.de", "evil[.]de", true}, {IPv4, "203.0.113.9", "203.0.113.9", false}}},
	{"cjk", "攻击者使用了 evil.com 和 203.0.113.9。", []w{{Domain, "evil.com", "evil.com", false}, {IPv4, "203.0.113.9", "203.0.113.9", false}}},
	{"empty", "", nil},
}

func TestFind(t *testing.T) {
	for _, tc := range findTests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text)
			checkInvariants(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %s, want %d indicators", tc.text, show(got), len(tc.want))
			}
			for i, g := range got {
				x := tc.want[i]
				if g.Kind != x.k || g.Value != x.v || g.Defanged != x.def || x.text != "" && g.Text != x.text {
					t.Errorf("#%d = %s, want %s %q text %q defanged %v", i, show(got[i:i+1]), x.k, x.v, x.text, x.def)
				}
			}
		})
	}
}

// checkInvariants asserts what holds for every result: offsets in range,
// Text is the slice they name, in order and without overlap.
func checkInvariants(t *testing.T, text string, got []Indicator) {
	t.Helper()
	prev := 0
	for _, g := range got {
		if g.Start < prev || g.End <= g.Start || g.End > len(text) {
			t.Fatalf("bad offsets %d..%d (previous end %d, len %d) in %s", g.Start, g.End, prev, len(text), show(got))
		}
		if text[g.Start:g.End] != g.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", g.Text, g.Start, g.End, text[g.Start:g.End])
		}
		if g.Value == "" {
			t.Fatalf("empty value for %q", g.Text)
		}
		prev = g.End
	}
}

func show(inds []Indicator) string {
	var b strings.Builder
	b.WriteString("[")
	for i, g := range inds {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %q (%q %d:%d def=%v)", g.Kind, g.Value, g.Text, g.Start, g.End, g.Defanged)
	}
	b.WriteString("]")
	return b.String()
}

package ioc

import (
	"strings"
	"unicode/utf8"
)

// Version numbers look like dotted quads ("Chrome 88.0.4324.150" is caught
// by its octets, but "Firefox 3.6.28.1" or "version 10.0.0.1" are valid
// addresses). A quad is taken for a version when the word before it is a
// version word or a known product, when it is any capitalised word in mid
// sentence (a proper noun: "borrowed from Zeus 2.0.8.9"), when it follows
// "prior to"-style wording, or when "or later"-style wording follows it.

// versionWords are words that precede a version number, lower case.
var versionWords = set(`
v ver version versions versión versiones versione versioni versão build release releases update patch
firmware fw kb rev revision edition
chrome chromium firefox edge safari opera brave webkit browser
windows win macos osx ios ipados watchos tvos android linux kernel ubuntu debian centos rhel
fedora freebsd openbsd solaris aix junos fortios fortigate fortiproxy pan-os panos
ios-xe nx-os asa sonicos esxi vcenter vsphere vmware workstation fusion
office outlook exchange sharepoint teams skype zoom acrobat reader flash player
java jre jdk python php nodejs ruby perl golang rust openssl openssh bash
apache tomcat struts log4j nginx iis citrix netscaler adc confluence jira bitbucket
wordpress drupal joomla magento moveit vsa ivanti pulse globalprotect anyconnect
thunderbird putty winrar 7-zip notepad++ vlc telegram whatsapp
mysql postgresql oracle weblogic sap solarwinds orion sonicwall sophos big-ip tmos zimbra
roundcube gitlab jenkins kubernetes docker redis elasticsearch kibana grafana openvpn xcode
dotnet npm package plugin plug-in extension module driver bios uefi
section chapter clause paragraph figure fig appendix oid
`)

// addressWords may stand, capitalised, right before an address ("C2
// Server 1.2.3.4" in a headline): they never make it a version.
var addressWords = set(`ip ips ipv4 address addresses server servers host hosts dns proxy node
domain at from to via and or on in of by with for`)

// beforeTo are words that, followed by "to" or "than", announce a version.
var beforeTo = set(`prior up earlier later newer older higher lower`)

// afterOr are words that, after "or" or "and", close a version range.
var afterOr = set(`later earlier newer older above below higher lower prior before`)

func set(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

// versionContext reports whether the dotted quad at [start, end) reads as a
// version number in its context.
func versionContext(t string, start, end int) bool {
	// "Chrome/10.0.0.1": a User-Agent product token.
	if start > 1 && t[start-1] == '/' && class[t[start-2]]&cAlpha != 0 {
		return true
	}
	written, p := wordBefore(t, start)
	w := lowerASCII(written)
	if _, ok := versionWords[w]; ok {
		return true
	}
	if _, ok := addressWords[w]; !ok && len(written) > 1 && written[0] >= 'A' && written[0] <= 'Z' &&
		hasLower(written) && !sentenceStart(t, p) {
		return true
	}
	if w == "to" || w == "than" {
		if w2, _ := wordBefore(t, p); w2 != "" {
			if _, ok := beforeTo[lowerASCII(w2)]; ok {
				return true
			}
		}
	}
	if w, q := wordAt(t, end); w == "or" || w == "and" {
		if w2, _ := wordAt(t, q); w2 != "" {
			if _, ok := afterOr[w2]; ok {
				return true
			}
		}
	}
	return false
}

// wordBefore returns the word that ends just before start after at least
// one space (and an optional '.', as in "v. 1.2.3.4"), and where it begins.
// Non-ASCII bytes count as letters so that "versión" is read whole.
func wordBefore(t string, start int) (string, int) {
	p := start
	for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t') {
		p--
	}
	if p == start {
		return "", start
	}
	if p > 0 && t[p-1] == '.' {
		p--
	}
	e := p
	for p > 0 && e-p < 20 && (class[t[p-1]]&cLabel != 0 || t[p-1] == '+' || t[p-1] >= utf8.RuneSelf) {
		p--
	}
	return t[p:e], p
}

// sentenceStart reports whether the word at p opens a sentence, a line or
// a quotation, where it is capitalised whatever it is.
func sentenceStart(t string, p int) bool {
	for p > 0 && (t[p-1] == ' ' || t[p-1] == '\t') {
		p--
	}
	if p == 0 {
		return true
	}
	c := t[p-1]
	return c >= utf8.RuneSelf || strings.IndexByte(".!?:;\n\r\"'|*", c) >= 0
}

// wordAt returns, lower-cased, the word after the spaces at i, and its end.
func wordAt(t string, i int) (string, int) {
	p := i
	for p < len(t) && (t[p] == ' ' || t[p] == '\t') {
		p++
	}
	if p == i {
		return "", i
	}
	e := p
	for e < len(t) && e-p < 20 && class[t[e]]&cAlpha != 0 {
		e++
	}
	return lowerASCII(t[p:e]), e
}

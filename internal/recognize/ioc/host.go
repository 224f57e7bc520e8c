package ioc

import "strings"

// host matches an e-mail address, an IPv4 address or a domain starting at
// the word at i, and returns where scanning resumes.
func (s *scanner) host(i int) int {
	t := s.text
	// Fast path for prose: an alphanumeric run followed by a character
	// that can neither continue a label nor start a (defanged) dot or '@'.
	j := i + 1
	for j < len(t) && class[t[j]]&cAlnum != 0 {
		j++
	}
	if j == len(t) || class[t[j]]&cHostNext == 0 && (t[j] != ' ' || !nextIsBracket(t, j+1)) {
		return j
	}
	l := parseLabels(t, i)
	if end, ok := s.email(i, &l); ok {
		return end
	}
	l.dropGlued(t)
	switch {
	case l.allNumeric():
		if l.n == 4 && validIPv4(t, &l) && !wordAfter(t, l.end) && !versionContext(t, l.start, l.end) {
			s.emit(IPv4, i, l.end, ipv4Value(t, &l), l.defangs > 0)
			return l.end
		}
	default:
		if end, def, ok := domainEnd(t, &l, false); ok {
			v, _ := refang(t[i:end])
			s.emit(Domain, i, end, lowerASCII(v), def)
			return end
		}
	}
	if l.n == 1 {
		// A lone word such as "sha256_<hash>" or "exploit-CVE-2021-1234":
		// skipping all of it keeps the scan linear, so look inside first.
		return s.inWord(i, l.end)
	}
	// Nothing starts inside a dotted run that failed as a whole:
	// "88.0.4324.150" must not yield "0.4324.150" or a shorter quad.
	return skipWord(t, l.end)
}

// nextIsBracket reports an opening bracket at i, which after a space may
// start a spaced defang token ("example [.] com").
func nextIsBracket(t string, i int) bool {
	return i < len(t) && (t[i] == '[' || t[i] == '(' || t[i] == '{')
}

// email matches an e-mail address whose local part starts at i; l is the
// label run at i.
func (s *scanner) email(i int, l *labels) (int, bool) {
	t := s.text
	localEnd := l.end
	at, def := atSep(t, localEnd)
	if at < 0 {
		// Local parts may also hold '+', '%', '=' ("john+news@"). Every
		// word start inside a run of such characters would scan to the
		// same end, so a run that ends without an '@' is remembered.
		if i < s.noAt || localEnd >= len(t) || class[t[localEnd]]&cLocal == 0 {
			return 0, false
		}
		j := i
		for j < len(t) && class[t[j]]&cLocal != 0 {
			j++
		}
		localEnd = j
		if at, def = atSep(t, j); at < 0 {
			s.noAt = j
			return 0, false
		}
	} else if l.defangs > 0 {
		def = true // user[.]name@example.com
	}
	if localEnd-i > 64 || t[localEnd-1] == '.' {
		return 0, false
	}
	d := parseLabels(t, at)
	d.dropGlued(t)
	end, ddef, ok := domainEnd(t, &d, true)
	if !ok {
		return 0, false
	}
	v, _ := refang(t[i:end])
	s.emit(Email, i, end, lowerASCII(v), def || ddef)
	return end, true
}

// domainEnd judges l as a domain and returns its end and whether it was
// defanged. Inside an e-mail address the '@' is evidence enough; a bare
// word.word in prose must pass the case and file-name rules below.
func domainEnd(t string, l *labels, inEmail bool) (end int, defanged, ok bool) {
	if l.n < 2 || l.bad > 0 || l.allNumeric() || wordAfter(t, l.end) {
		return 0, false, false
	}
	tld := t[l.last.s:l.last.e]
	if !isTLD(tld) || underscoreBefore(t, l.last.s) {
		return 0, false, false
	}
	def := l.defangs > 0
	if !def && !inEmail && !plainDomainOK(t, l, tld) {
		return 0, false, false
	}
	return l.end, def, true
}

// underscoreBefore reports a '_' in the label before the TLD starting at
// tld. Only service labels (_dmarc) may hold one; a registrable name with
// one is a file name: "package_con_x86.cat".
func underscoreBefore(t string, tld int) bool {
	p := tld - 1
	for p >= 0 && class[t[p]]&cLabel == 0 {
		p-- // the separator, plain or defanged
	}
	for ; p >= 0 && class[t[p]]&cLabel != 0; p-- {
		if t[p] == '_' {
			return true
		}
	}
	return false
}

// plainDomainOK applies the rules that keep prose out of the domains when
// nothing (defanging, a URL, an '@') says the text means a host name.
func plainDomainOK(t string, l *labels, tld string) bool {
	// "Este.La", "difference.Apple": a sentence glued to the next one.
	// Real domains are written in one case; a capitalised TLD is a word.
	if mixedCase(tld) {
		return false
	}
	// "System.IO", "Socket.IO": code identifiers, not "EXAMPLE.COM".
	if !hasLower(tld) && hasLower(t[l.start:l.last.s]) {
		return false
	}
	lower := lowerASCII(tld)
	if relax, ok := extensionTLDs[lower]; ok {
		www := strings.EqualFold(t[l.start:min(l.start+4, len(t))], "www.")
		if !www && !(relax && l.n >= 3) {
			return false // "readme.md", "install.sh", "invoice.pdf.zip"
		}
	}
	// "data\package_con_x86.cat": a Windows path, whatever the TLD.
	if l.start > 0 && t[l.start-1] == '\\' {
		return false
	}
	_, no := notDomains[lowerASCII(t[l.start:l.end])]
	return !no
}

// validIPv4 checks the four numeric labels of l as dotted-quad octets.
// Leading zeros are refused: "01.02.03.04" is a date or a version, and
// some parsers read such octets as octal.
func validIPv4(t string, l *labels) bool {
	for _, q := range l.quad {
		o := t[q.s:q.e]
		if len(o) > 3 || len(o) > 1 && o[0] == '0' {
			return false
		}
		v := 0
		for k := 0; k < len(o); k++ {
			v = v*10 + int(o[k]-'0')
		}
		if v > 255 {
			return false
		}
	}
	return true
}

func ipv4Value(t string, l *labels) string {
	q := l.quad
	return t[q[0].s:q[0].e] + "." + t[q[1].s:q[1].e] + "." + t[q[2].s:q[2].e] + "." + t[q[3].s:q[3].e]
}

// inWord looks for a CVE id or a hash after a '-' or '_' inside the word
// [i, end), which the main loop is about to skip as a whole, and returns
// where scanning resumes (past end if a CVE id written with a space ran on).
func (s *scanner) inWord(i, end int) int {
	t := s.text
	resume := end
	for p := i + 1; p < end; p++ {
		if t[p-1] != '-' && t[p-1] != '_' || class[t[p]]&cAlnum == 0 {
			continue
		}
		if t[p]|0x20 == 'c' {
			if e, ok := s.cve(p); ok {
				p, resume = e-1, max(resume, e)
				continue
			}
		}
		if class[t[p]]&cHex != 0 {
			if e, ok := s.hash(p); ok {
				p = e - 1
			}
		}
	}
	return resume
}

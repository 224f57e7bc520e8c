package ioc

// span is a byte range [s, e) of the text.
type span struct{ s, e int }

// labels describes a run of DNS-label-like words joined by plain or
// defanged dots: the raw material of domains, IPv4 addresses and the local
// part of e-mail addresses. parseLabels records just enough to judge the
// run without allocating.
type labels struct {
	start, end int
	n          int     // number of labels
	numeric    int     // how many labels are all digits
	bad        int     // labels that cannot be in a host name
	lastBad    bool    // the last label is one of them
	defangs    int     // defanged separators
	lastDefang bool    // the separator before the last label is defanged
	last, prev span    // the last two labels
	quad       [4]span // the first four labels, for IPv4
}

// parseLabels reads labels from i, which must be a label start.
func parseLabels(t string, i int) labels {
	l := labels{start: i}
	j := i
	for {
		ls := j
		digits := true
		for j < len(t) && class[t[j]]&cLabel != 0 {
			digits = digits && class[t[j]]&cDigit != 0
			j++
		}
		bad := j == ls || j-ls > 63 || t[ls] == '-' || t[j-1] == '-'
		l.prev, l.last = l.last, span{ls, j}
		if l.n < len(l.quad) {
			l.quad[l.n] = span{ls, j}
		}
		l.n++
		if digits {
			l.numeric++
		}
		l.lastBad = bad
		if bad {
			l.bad++
		}
		l.end = j
		next, def := dotSep(t, j)
		if next < 0 {
			return l
		}
		l.lastDefang = def
		if def {
			l.defangs++
		}
		j = next
	}
}

// allNumeric reports whether every label is made of digits only.
func (l *labels) allNumeric() bool { return l.numeric == l.n }

// dropGlued removes a last label that is a capitalised word joined by a
// plain dot: in "evil.com.The" or "1.2.3.4.The" a sentence ends with the
// indicator and the next one starts without a space, as scraped text often
// does. It is applied at most once, so prev and lastDefang are not kept up.
func (l *labels) dropGlued(t string) {
	if l.n < 3 || l.lastDefang || !capitalised(t[l.last.s:l.last.e]) {
		return
	}
	// A capitalised word is letters only: not numeric, and bad only if long.
	if l.lastBad {
		l.bad--
	}
	l.n--
	l.last, l.prev = l.prev, span{}
	l.end = l.last.e
	l.lastBad = false
}

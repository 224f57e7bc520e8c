package source

import (
	"math/bits"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// furnitureWords: a line with fewer words is taken for page furniture
// (navigation, byline, share bar, copyright, newsletter prompt, title) and
// left out of the fingerprint.
const furnitureWords = 20

// Fingerprint is a 64-bit SimHash of text for near-duplicate detection:
// copies of one article on two sites lie within Distance 3 of each other,
// different articles (even on the same story) far beyond.
//
// The features are word 3-shingles of the normalised text (lower case,
// diacritics removed, punctuation dropped), taken within each line, all of
// weight one. Lines of fewer than 20 words are furniture and do not count,
// unless no line is longer (a list, a teaser): then every line counts.
//
// Why drop rather than down-weight: news articles are short (100-300
// words), and on 100 shingles many bit sums sit at 0 or ±1, so even a few
// low-weight furniture shingles flip them. Plain SimHash moves by 5-12
// bits when a 100-word article gets a different header and footer line;
// dropping short lines keeps it at 0. The price: line structure matters
// (joining the title to the first paragraph, or collapsing all line
// breaks, moves the fingerprint), and a furniture line of 20 words or
// more (a cookie banner) still counts. Feed it the article text, one
// paragraph per line, as the article package produces it.
func Fingerprint(text string) uint64 {
	var lines [][]string
	long := false // any line of furnitureWords or more
	for line := range strings.FieldsFuncSeq(text, isLineBreak) {
		words := normWords(line)
		if len(words) == 0 {
			continue
		}
		lines = append(lines, words)
		long = long || len(words) >= furnitureWords
	}
	keepAll := !long
	var sums [64]int
	n := 0
	for _, words := range lines {
		if !keepAll && len(words) < furnitureWords {
			continue
		}
		for _, h := range shingles(words) {
			n++
			for b := range 64 {
				sums[b] += int(h>>b&1)*2 - 1
			}
		}
	}
	if n == 0 {
		return 0
	}
	var fp uint64
	for b := range 64 {
		if sums[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// Distance is the Hamming distance between two fingerprints.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// shingles hashes each run of three consecutive words; a line of one or
// two words is a single shingle.
func shingles(words []string) []uint64 {
	if len(words) < 3 {
		return []uint64{hashWords(words)}
	}
	out := make([]uint64, 0, len(words)-2)
	for i := 0; i+3 <= len(words); i++ {
		out = append(out, hashWords(words[i:i+3]))
	}
	return out
}

// hashWords is FNV-1a over the words, then a splitmix64 finaliser: FNV
// alone leaves the high bits poorly mixed for short inputs, and SimHash
// needs every bit to be a fair coin.
func hashWords(words []string) uint64 {
	h := uint64(14695981039346656037)
	for i, w := range words {
		if i > 0 {
			h ^= 0x1f
			h *= 1099511628211
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= 1099511628211
		}
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// normWords splits a line into words: lower case, diacritics removed
// (NFD, then combining marks dropped), anything but letters and digits a
// separator.
func normWords(line string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(line) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining mark: dropped, the base letter stays
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return words
}

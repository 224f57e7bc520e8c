// Package language identifies the language of article text.
//
// Detection works in two steps. The writing system picks the candidate
// languages (Hangul is Korean, kana is Japanese, Han alone is Chinese;
// Latin, Cyrillic and Arabic letters each have several candidates). Among
// alphabetic candidates, counts of function words ("stop words") decide, and
// whatlanggo's trigram model only breaks ties between languages whose
// function words overlap (Dutch/German "die", Spanish/Portuguese "que").
// Function words come first because security news mixes English technical
// terms into other languages: trigram models alone are swayed by
// "ransomware", "threat actor" or an English banner, and on a short headline
// they guess (whatlanggo calls "Neue Ransomware-Welle trifft Krankenhäuser"
// French), but the grammar words stay in the article's language. A text with
// no function word of any supported language gets "".
package language

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// script is the writing system a letter belongs to.
type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptArabic
	scriptCJK // Han and kana: Chinese and Japanese share Han characters
	scriptHangul
	numScripts
)

// lang is one alphabetic language: its code, its script and its whatlanggo
// identifier.
type lang struct {
	code   string
	script script
	wl     whatlanggo.Lang
}

// alphabetic lists the languages decided by stop words and trigrams. The
// index of a language here is its bit in wordLangs masks (at most 32).
var alphabetic = []lang{
	{"en", scriptLatin, whatlanggo.Eng},
	{"it", scriptLatin, whatlanggo.Ita},
	{"fr", scriptLatin, whatlanggo.Fra},
	{"de", scriptLatin, whatlanggo.Deu},
	{"es", scriptLatin, whatlanggo.Spa},
	{"nl", scriptLatin, whatlanggo.Nld},
	{"pt", scriptLatin, whatlanggo.Por},
	{"pl", scriptLatin, whatlanggo.Pol},
	{"sl", scriptLatin, whatlanggo.Slv},
	{"cs", scriptLatin, whatlanggo.Ces},
	{"sv", scriptLatin, whatlanggo.Swe},
	{"ro", scriptLatin, whatlanggo.Ron},
	{"tr", scriptLatin, whatlanggo.Tur},
	{"ru", scriptCyrillic, whatlanggo.Rus},
	{"uk", scriptCyrillic, whatlanggo.Ukr},
	{"ar", scriptArabic, whatlanggo.Arb},
	{"fa", scriptArabic, whatlanggo.Pes},
}

// scriptMask[s] has the bits of the alphabetic languages written in s.
var scriptMask = func() (m [numScripts]uint32) {
	for i, l := range alphabetic {
		m[l.script] |= 1 << i
	}
	return m
}()

// Supported lists the codes Detect can return.
func Supported() []string {
	codes := []string{"zh", "ja", "ko"}
	for _, l := range alphabetic {
		codes = append(codes, l.code)
	}
	slices.Sort(codes)
	return codes
}

const (
	// cjkWeight counts one Han, kana or Hangul character as this many
	// letters when picking the dominant script: one such character carries
	// about as much as a short alphabetic word, so a Japanese sentence with
	// "Microsoft Exchange Server" in it stays Japanese.
	cjkWeight = 3
	// minLetters is the weighted letter count below which Detect gives up.
	minLetters = 6
	// contenderRatio: languages with at least this share of the best
	// language's function-word hits stay in the running, and trigrams pick
	// among them. Kept high because trigrams are easily swayed by English
	// jargon: a language that merely shares many words with the text
	// (Portuguese with Spanish) should not get a second chance through them.
	// Measured on article openings with jargon spliced in, 0.8 beat 0.5-0.7.
	contenderRatio = 0.8
	// minDensity is the share of a text's words that must be function words
	// of the winning language, and minDistinct how many different ones it
	// must use, once the text has minDensityWords words. Prose in any
	// supported language is far above both (a fifth to a half of its words,
	// and at least an eighth with a long English banner on top); text in an
	// unsupported language only brushes our lists with a word or two
	// (Finnish "on", Indonesian "di"), and so does a list of names.
	minDensity      = 0.08
	minDistinct     = 2
	minDensityWords = 10
	// weakConfidence is the whatlanggo confidence needed when function words
	// give less than one word of evidence. Trigram confidence on a few words
	// is unreliable (whatlanggo calls some English headlines French with
	// confidence 1), so trigrams only break ties among the contenders that
	// function words leave, and never decide alone.
	weakConfidence = 0.9
)

// romanian folds the cedilla forms of ș and ț, still common in Romanian
// text, into the comma-below forms the word list uses.
var romanian = strings.NewReplacer("ş", "ș", "ţ", "ț")

// Detect returns the ISO 639-1 code of text's language, or "" when it cannot
// tell (too short, unsupported).
func Detect(text string) string {
	// Marks stay inside words: vowel signs and shadda must not split an
	// Arabic word in pieces.
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })

	// Pick the dominant script by weighted letter count.
	var letters [numScripts]int
	var kana, han int
	for _, w := range words {
		for _, r := range w {
			if unicode.IsMark(r) {
				continue
			}
			s := scriptOf(r)
			if s == scriptCJK || s == scriptHangul {
				letters[s] += cjkWeight
				if unicode.Is(unicode.Han, r) {
					han++
				} else if s == scriptCJK {
					kana++
				}
			} else {
				letters[s]++
			}
		}
	}
	dominant := scriptOther
	for s := scriptLatin; s < numScripts; s++ {
		if letters[s] > letters[dominant] {
			dominant = s
		}
	}
	if letters[dominant] < minLetters {
		return ""
	}
	switch dominant {
	case scriptOther:
		return ""
	case scriptHangul:
		return "ko"
	case scriptCJK:
		// Japanese writes its grammar in kana; Chinese has none, so even a
		// modest share of kana means Japanese.
		if kana*10 >= han+kana {
			return "ja"
		}
		return "zh"
	}
	return detectAlphabetic(words, dominant)
}

// detectAlphabetic decides among the languages written in script s, using
// only the words in that script (an English name in Cyrillic text neither
// helps nor hurts).
func detectAlphabetic(words []string, s script) string {
	// hits ranks the languages: how many of the text's words each one lists.
	// Romance languages share many function words ("de", "que", "la"); if a
	// shared word counted for less, the few distinctive English ones riding
	// in on jargon ("proof of concept", "state of the art") could outweigh
	// a Spanish text's own grammar. evidence splits each word among the
	// languages listing it, and measures how much the words actually tell.
	var hits [32]int
	var evidence [32]float64
	var kept strings.Builder
	var seen []uint32 // language masks of the distinct stop words met
	seenWords := map[string]bool{}
	n := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if scriptOf(r) != s {
			continue
		}
		n++
		w = strings.ToLower(w)
		kept.WriteString(w)
		kept.WriteByte(' ')
		if s == scriptLatin {
			w = romanian.Replace(w)
		}
		mask := wordLangs[w] & scriptMask[s]
		if mask == 0 {
			continue
		}
		if !seenWords[w] {
			seenWords[w] = true
			seen = append(seen, mask)
		}
		share := 1 / float64(bits.OnesCount32(mask))
		for ; mask != 0; mask &= mask - 1 {
			i := bits.TrailingZeros32(mask)
			hits[i]++
			evidence[i] += share
		}
	}

	best := 0
	for i := range hits {
		if hits[i] > hits[best] || hits[i] == hits[best] && evidence[i] > evidence[best] {
			best = i
		}
	}
	if hits[best] == 0 {
		return "" // a headline without function words, or a list of names
	}
	if n >= minDensityWords {
		distinct := 0
		for _, m := range seen {
			if m&(1<<best) != 0 {
				distinct++
			}
		}
		if distinct < minDistinct || float64(hits[best]) < minDensity*float64(n) {
			return "" // not prose in a supported language
		}
	}
	// Less than one word's worth of evidence: only words shared by several
	// languages ("a", "to", "un").
	weak := evidence[best] < 1

	// Contenders: the languages still in the running after stop words.
	var contenders uint32
	for i, h := range hits {
		if float64(h) >= contenderRatio*float64(hits[best]) {
			contenders |= 1 << i
		}
	}
	if !weak && bits.OnesCount32(contenders) == 1 {
		return alphabetic[best].code
	}

	// Several languages share the text's function words (Dutch and German
	// "die", Spanish and Portuguese "que"): trigrams choose among them.
	whitelist := map[whatlanggo.Lang]bool{}
	for m := contenders; m != 0; m &= m - 1 {
		whitelist[alphabetic[bits.TrailingZeros32(m)].wl] = true
	}
	info := whatlanggo.DetectWithOptions(kept.String(), whatlanggo.Options{Whitelist: whitelist})
	code := ""
	for i, l := range alphabetic {
		if l.wl == info.Lang && contenders&(1<<i) != 0 {
			code = l.code
		}
	}
	switch {
	case weak && info.Confidence < weakConfidence:
		return "" // shared words only, and unsure trigrams
	case code == "":
		return alphabetic[best].code // trigrams found nothing: trust the words
	}
	return code
}

// scriptOf classifies a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return scriptCJK
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	}
	return scriptOther
}

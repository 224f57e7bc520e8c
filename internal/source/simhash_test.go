package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// Furniture that sites put around the same article: navigation, bylines,
// share bars, copyright lines, newsletter prompts, in several languages.
// The longest (The Hacker News' own footer) is the hardest case.
var (
	furnitureHeaders = []string{
		"Home » News » Security",
		"Published 19 July 2022 by Staff Writer",
		"Advertisement",
		"Di Redazione RHC - 19 Luglio 2022",
		"Accueil > Cybersécurité > Actualités",
		"Sie sind hier: Startseite / Security / News",
		"Listen to this article · 4 min",
		"Inicio » Noticias » Ciberseguridad",
	}
	furnitureFooters = []string{
		"Share this article: Facebook Twitter LinkedIn Email",
		"© 2022 Example Media Ltd. All rights reserved.",
		"Subscribe to our newsletter for the latest security news.",
		"Iscriviti alla newsletter per ricevere ogni settimana le notizie sulla sicurezza informatica.",
		"Found this article interesting? Follow us on Twitter and LinkedIn to read more exclusive content we post.",
		"Lees ook: Microsoft dicht zerodaylek in Windows",
		"Tags: APT, China, Cyber Espionage, Belgium",
		"Weitere Meldungen aus dem Ressort Sicherheit finden Sie hier.",
	}
)

// respace changes white space the way two sites' templates do: CRLF, blank
// lines between paragraphs, indentation, doubled and non-breaking spaces,
// trailing blanks. The words do not change.
func respace(text string, seed int) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, l := range lines {
		words := strings.Fields(l)
		for j, w := range words {
			if j > 0 {
				switch (i + j + seed) % 7 {
				case 0:
					b.WriteString("  ")
				case 3:
					b.WriteString("\u00a0")
				case 5:
					b.WriteString("\t")
				default:
					b.WriteString(" ")
				}
			} else if (i+seed)%3 == 0 {
				b.WriteString("    ")
			}
			b.WriteString(w)
		}
		b.WriteString(" \r\n")
		if (i+seed)%2 == 0 {
			b.WriteString("\r\n")
		}
	}
	return b.String()
}

type devArticle struct {
	ID    string  `json:"id"`
	Story *string `json:"story"`
	Text  string  `json:"text"`
}

// TestFingerprintDev measures the fingerprint on the shared dev articles:
// every copy (a different header and footer, white space changed) must be
// within 3 bits of the original and of the other copy; every two different
// articles, including same-story pairs from different outlets, beyond 3.
func TestFingerprintDev(t *testing.T) {
	arts := sharedtest.ReadJSONL[devArticle](t, sharedtest.Path(t, "articles/dev.jsonl"))
	if len(arts) < 10 {
		t.Fatalf("only %d dev articles", len(arts))
	}
	maxCopy, maxCopyAt := 0, ""
	hist := map[int]int{}
	fps := make([]uint64, len(arts))
	for i, a := range arts {
		h1, f1 := furnitureHeaders[i%len(furnitureHeaders)], furnitureFooters[i%len(furnitureFooters)]
		h2, f2 := furnitureHeaders[(i+3)%len(furnitureHeaders)], furnitureFooters[(i+5)%len(furnitureFooters)]
		copyA := h1 + "\n" + a.Text + "\n" + f1
		copyB := h2 + "\r\n\r\n" + respace(a.Text, i) + "\n" + f2 + "\n"
		fps[i] = Fingerprint(a.Text)
		fa, fb := Fingerprint(copyA), Fingerprint(copyB)
		for _, d := range []struct {
			name string
			d    int
		}{{"orig/copyA", Distance(fps[i], fa)}, {"orig/copyB", Distance(fps[i], fb)}, {"copyA/copyB", Distance(fa, fb)}} {
			hist[d.d]++
			if d.d > maxCopy {
				maxCopy, maxCopyAt = d.d, a.ID+" "+d.name
			}
			if d.d > 3 {
				t.Errorf("%s %s: copies at distance %d", a.ID, d.name, d.d)
			}
		}
	}
	minDiff, minDiffAt, sameStoryMin := 64, "", 64
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			d := Distance(fps[i], fps[j])
			if d < minDiff {
				minDiff, minDiffAt = d, arts[i].ID+"/"+arts[j].ID
			}
			if arts[i].Story != nil && arts[j].Story != nil && *arts[i].Story == *arts[j].Story && d < sameStoryMin {
				sameStoryMin = d
			}
			if d <= 3 {
				t.Errorf("different articles %s and %s at distance %d", arts[i].ID, arts[j].ID, d)
			}
		}
	}
	// Beyond the contract, measured and logged as known limits: typographic
	// quotes and dashes (must not matter); the first two lines joined (a
	// title glued to the first paragraph); every line break collapsed; a
	// cookie banner long enough (24 words) to pass for a paragraph.
	const banner = "We use cookies to give you the best experience on our website and to analyse our traffic, and we share information about your use of it."
	limits := []struct {
		name string
		f    func(string) string
	}{
		{"typographic quotes and dashes", typographic},
		{"first two lines joined", mergeFirstParagraphs},
		{"all line breaks collapsed", func(s string) string { return strings.Join(strings.Fields(s), " ") }},
		{"24-word cookie banner appended", func(s string) string { return s + "\n" + banner }},
	}
	for _, l := range limits {
		worst, over := 0, 0
		for i, a := range arts {
			d := Distance(fps[i], Fingerprint(l.f(a.Text)))
			worst = max(worst, d)
			if d > 3 {
				over++
			}
		}
		t.Logf("%s: max distance %d, %d of %d articles beyond 3", l.name, worst, over, len(arts))
		if l.name == "typographic quotes and dashes" && worst > 0 {
			t.Errorf("typography moved a fingerprint by %d", worst)
		}
	}

	var hs []string
	for d := 0; d <= maxCopy; d++ {
		hs = append(hs, fmt.Sprintf("%d:%d", d, hist[d]))
	}
	t.Logf("%d articles; copies: max distance %d (%s), histogram %s", len(arts), maxCopy, maxCopyAt, strings.Join(hs, " "))
	t.Logf("different articles: min distance %d (%s); same-story pairs: min %d", minDiff, minDiffAt, sameStoryMin)
}

// typographic swaps ASCII quotes and dashes for typographic ones, as
// another site's CMS would.
func typographic(s string) string {
	return strings.NewReplacer(`"`, "“", "'", "’", " - ", " – ").Replace(s)
}

// mergeFirstParagraphs joins the first two non-empty lines.
func mergeFirstParagraphs(s string) string {
	lines := strings.Split(s, "\n")
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		lines[first] += " " + l
		return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
	}
	return s
}

// Normalisation: case, diacritics, punctuation and white space do not
// count; words do. Runs without the shared data.
func TestFingerprintNormalisation(t *testing.T) {
	const para = "Il governo belga ha attribuito a gruppi APT cinesi, tra cui APT27, APT30 e APT31, gli attacchi contro il Ministero dell'Interno e la Difesa; l'ambasciata cinese a Bruxelles ha respinto ogni accusa."
	variants := []string{
		strings.ToUpper(para),
		strings.NewReplacer("à", "a", "è", "e").Replace(para),
		strings.NewReplacer(",", "", ";", " —", "'", "’").Replace(para),
		"  " + strings.ReplaceAll(para, " ", " \t ") + "\r\n\r\n",
		"Condividi su Facebook\n" + para + "\n© 2022 Tutti i diritti riservati",
	}
	base := Fingerprint(para)
	for _, v := range variants {
		if d := Distance(base, Fingerprint(v)); d != 0 {
			t.Errorf("distance %d for %q", d, v)
		}
	}
	other := strings.Replace(para, "Bruxelles ha respinto ogni accusa", "Pechino non ha commentato la notizia", 1)
	if d := Distance(base, Fingerprint(other)); d == 0 {
		t.Errorf("a changed sentence left the fingerprint unchanged")
	}
	if Fingerprint("") != 0 || Fingerprint(" \n\t ") != 0 {
		t.Error("empty text must have fingerprint 0")
	}
	if Fingerprint("Share") == 0 {
		t.Error("a text of short lines only still has a fingerprint")
	}
	if Distance(0, ^uint64(0)) != 64 || Distance(5, 5) != 0 {
		t.Error("Distance")
	}
}

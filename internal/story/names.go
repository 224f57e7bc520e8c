package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// properNouns returns the capitalised words of a text that are not at the
// start of a sentence and not common: the names of companies, places and
// people that tie reports of one event together across languages
// ("Kaseya", "Colonial", "Coop"). Names already counted as actors,
// countries or malware are left to those features.
func properNouns(text string, r *extract.Result) []string {
	skip := map[string]bool{}
	for _, a := range r.Actors {
		for _, m := range a.Mentions {
			for _, t := range recognize.Tokenize(m.Text) {
				skip[t.Fold] = true
			}
		}
	}
	for _, c := range r.Countries {
		for _, m := range c.Mentions {
			for _, t := range recognize.Tokenize(m.Text) {
				skip[t.Fold] = true
			}
		}
	}
	var out []string
	for _, s := range recognize.Sentences(text) {
		ts := recognize.Tokenize(text[s.Start:s.End])
		for i, t := range ts {
			if i == 0 || len(t.Fold) < 4 || skip[t.Fold] || commonCapitalised[t.Fold] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[s.Start+t.Start:])
			if !unicode.IsUpper(r) {
				continue
			}
			out = append(out, t.Fold)
		}
	}
	return out
}

// commonCapitalised are words often capitalised that name no event:
// titles, months, days, organisations of every story, and German nouns
// that any text may hold.
var commonCapitalised = words(`
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
januar februar marz april juni juli august september oktober november dezember
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
department justice government minister ministry secretary president security cyber agency national
the this that these there they their when while according however also after before
microsoft google apple fireeye mandiant crowdstrike reuters associated press news

hacker hackers gruppe gruppen regierung angriff angriffe unternehmen daten ministerium behorden
`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

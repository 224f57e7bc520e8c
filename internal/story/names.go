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
func properNouns(tx *text, r *extract.Result) (out []string, at []int) {
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
	// The words of each sentence are the text's words that start in it:
	// sentences end at punctuation or line breaks, never inside a word.
	ts := tx.tokens
	for _, s := range tx.sentences {
		for len(ts) > 0 && ts[0].start < s.Start {
			ts = ts[1:]
		}
		first := true
		for ; len(ts) > 0 && ts[0].start < s.End; ts = ts[1:] {
			t := ts[0]
			if first || len(t.fold) < 3 || skip[t.fold] || commonCapitalised[t.fold] {
				first = false
				continue
			}
			word := tx.s[t.start:t.end]
			r, _ := utf8.DecodeRuneInString(word)
			if !unicode.IsUpper(r) {
				continue
			}
			// Three letters are a name only as an acronym ("FPS", "MSS").
			if len(t.fold) == 3 && strings.ToUpper(word) != word {
				continue
			}
			out = append(out, t.fold)
			at = append(at, t.start)
		}
	}
	return out, at
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

what know with from into over your more read
north south east west middle eastern western northern southern central
africa asia europe america americas oceania european american asian african latin pacific atlantic arctic caucasus
nord sud ovest europa europeo europei americano americani asiatico caucaso
amerique afrique asie europeen europeenne americain americaine
nordamerika sudamerika afrika asien amerika europaisch amerikanisch
norte este oeste europeo americano africa asiatico
federal bureau investigation investigative cybersecurity infrastructure centre center command force mission
intelligence service services council committee commission office administration authority institute
police army military state states united nations union general attorney deputy director chief spokesperson
spokesman senior official officials house court district task joint
hacker hackers gruppe gruppen regierung angriff angriffe unternehmen daten ministerium behorden
`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

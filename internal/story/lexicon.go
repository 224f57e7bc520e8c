package story

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/recognize"
)

// conceptWords map words of our languages to the event concepts they name,
// so that an Italian and an English report of an indictment share one.
// Written by us; folded forms (lower case, no diacritics).
var conceptWords = buildConcepts(map[string]string{
	"vaccine":        "vaccine vaccines vaccino vaccini vaccin vaccins impfstoff impfstoffe vacuna vacunas vaccins cepivo cepiva vacina",
	"covid":          "covid coronavirus corona pandemic pandemia pandemie pandemija",
	"indictment":     "indictment indictments indicted charged charges incriminati accusati inculpes inculpation inculpations angeklagt anklage acusados imputados acusacion",
	"takedown":       "takedown dismantled disrupted smantellata smantellato smantellamento demantele demantelement zerschlagen zerschlagung desmantelado desmantelamiento botnet",
	"sanctions":      "sanctions sanctioned sanzioni sanktionen sanktioniert sanciones sancionado",
	"advisory":       "advisory advisories alert avviso allerta avis alerte warnung aviso alerta",
	"pipeline":       "pipeline pipelines oleodotto oleoducto oleoductos oleoduc",
	"supply":         "supply-chain supplychain fornitura approvisionnement lieferkette suministro",
	"zeroday":        "zero-day zeroday 0-day",
	"fuel":           "fuel gasoline petrol carburante benzina essence kraftstoff benzin combustible gasolina",
	"election":       "election elections elezioni elections wahl wahlen elecciones",
	"wanted":         "wanted ricercati recherches gesucht buscados",
	"researchers":    "researchers ricercatori chercheurs forscher investigadores onderzoekers",
	"phishing":       "phishing spearphishing spear-phishing",
	"exchange":       "exchange",
	"chrome":         "chrome",
	"cryptocurrency": "cryptocurrency crypto criptovalute cryptomonnaie kryptowahrung criptomonedas",
	"relief":         "relief secours soccorso hilfen ayudas",
})

func buildConcepts(m map[string]string) map[string]string {
	out := map[string]string{}
	for c, ws := range m {
		for _, w := range strings.Fields(ws) {
			out[w] = c
		}
	}
	return out
}

func concepts(text string) []string {
	var out []string
	for _, t := range recognize.Tokenize(text) {
		if c, ok := conceptWords[t.Fold]; ok {
			out = append(out, c)
		}
	}
	return out
}

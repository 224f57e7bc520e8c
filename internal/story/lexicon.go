package story

import "strings"

// conceptWords map words of our languages to the event concepts they name,
// so that an Italian and an English report of an indictment share one.
// Written by us; folded forms (lower case, no diacritics). These are kinds
// of event and of target, not names: they weigh little alone and serve as
// the "something of the event itself" an actor needs besides (see strong).
var conceptWords = buildConcepts(map[string]string{
	"vaccine":        "vaccine vaccines vaccino vaccini vaccin vaccins impfstoff impfstoffe impfstoffs vacuna vacunas cepivo cepiva cepiva vaccinatie",
	"covid":          "covid coronavirus corona pandemic pandemia pandemie pandemija",
	"indictment":     "indictment indictments indicted indict incriminati incriminato inculpes inculpe inculpation inculpations angeklagt anklage anklageschrift acusados imputados acusacion aangeklaagd aanklacht unsealed",
	"charges":        "charged charges accusati accuse accuses cargos",
	"arrest":         "arrest arrested arrests arrestato arrestati arrete arretes arrestation festgenommen festnahme detenido detenidos detencion arrestado gearresteerd",
	"extradition":    "extradition estradizione extradicion auslieferung uitlevering",
	"takedown":       "takedown dismantled dismantle disrupted disruption smantellata smantellato smantellamento demantele demanteles demantelement zerschlagen zerschlagung desmantelado desmantelada desmantelamiento opgerold ontmanteld",
	"botnet":         "botnet botnets",
	"seizure":        "seized seizure sequestrato sequestro saisi saisie beschlagnahmt beschlagnahme incautado incautacion inbeslagname",
	"sanctions":      "sanctions sanctioned sanzioni sanzionato sanktionen sanktioniert sanciones sancionado sancionados sancties",
	"advisory":       "advisory advisories avviso avis warnung sicherheitshinweis aviso waarschuwing",
	"alert":          "alert alerts allerta alerte alarm alerta",
	"pipeline":       "pipeline pipelines oleodotto gasdotto oleoducto oleoductos oleoduc gazoduc",
	"supplychain":    "supplychain lieferkette lieferketten",
	"zeroday":        "zeroday 0day",
	"patch":          "patch patched patches patchato correctif aktualisierung parche",
	"fuel":           "fuel gasoline petrol carburante benzina essence kraftstoff benzin combustible gasolina brandstof",
	"election":       "election elections elezioni elettorale wahl wahlen elecciones electoral verkiezingen",
	"wanted":         "wanted ricercati recherches gesucht buscados gezocht",
	"researchers":    "researchers ricercatori chercheurs forscher investigadores onderzoekers",
	"phishing":       "phishing spearphishing",
	"ransom":         "ransom riscatto rancon losegeld rescate losgeld",
	"ransomware":     "ransomware",
	"cryptocurrency": "cryptocurrency crypto criptovalute criptovaluta cryptomonnaie cryptomonnaies kryptowahrung kryptowahrungen criptomonedas criptomoneda cryptovaluta bitcoin",
	"relief":         "relief secours soccorso hilfen ayudas",
	"reward":         "reward bounty ricompensa taglia recompense belohnung recompensa beloning",
	"denial":         "denied denies deny denial smentito nega negato dementi bestreitet dementiert niega nego ontkent",
	"embassy":        "embassy ambasciata ambassade botschaft embajada",
	"defence":        "defence defense difesa defensa verteidigung defensie",
	"interior":       "interior interno interni interieur innenministerium binnenlandse",
	"satellite":      "satellite satellites satellite satelliten satelite satelites",
	"hospital":       "hospital hospitals ospedale ospedali hopital hopitaux krankenhaus kliniken hospitales ziekenhuis",
	"breach":         "breach breached violazione fuga brèche datenleck filtracion brecha datalek",
	"leak":           "leak leaked leaks trapelati fuite fuites leck filtrados gelekt",
	"ddos":           "ddos",
	"wiper":          "wiper",
	"espionage":      "espionage cyberespionage cyberspionaggio spionaggio espionnage cyberespionnage spionage cyberspionage espionaje ciberespionaje spionage",
	"telecom":        "telecom telecoms telecommunications telecomunicazioni telecommunications telekommunikation telecomunicaciones",
	"grocery":        "grocery supermarket supermarkets supermercato supermercati supermarche supermarkt supermarktkette supermercado supermercados",
	"chrome":         "chrome",
	"browser":        "browser navigateur navegador",
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

// concepts returns the concepts a text names, with the offset of each
// word, so that the caller can tell the lead from the background.
func concepts(tx *text) (out []string, at []int) {
	for _, t := range tx.tokens {
		if c, ok := conceptWords[t.fold]; ok {
			out = append(out, c)
			at = append(at, t.start)
		}
	}
	return out, at
}

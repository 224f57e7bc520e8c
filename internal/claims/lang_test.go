package claims

import (
	"fmt"
	"strings"
	"testing"
)

// want describes a claim by the fields a test cares about; empty fields
// match anything. subject and object match a party's id or name.
type want struct {
	typ, subject, object, attributor, hedge, date string
}

func (w want) String() string {
	return fmt.Sprintf("%s %s -> %s by %q hedge %q date %q", w.typ, w.subject, w.object, w.attributor, w.hedge, w.date)
}

func (w want) match(c Claim) bool {
	party := func(p Party, s string) bool { return s == "" || p.ID == s || p.Name == s }
	if c.Type != w.typ || !party(c.Subject, w.subject) || !party(c.Object, w.object) {
		return false
	}
	if w.attributor != "" && (c.Attributor == nil || c.Attributor.Name != w.attributor) {
		return false
	}
	return (w.hedge == "" || c.Hedge == w.hedge) && (w.date == "" || c.Date == w.date)
}

// TestLanguages checks each claim type on sentences written for this test
// in English, Italian, French, German, Spanish and Dutch. none lists claims
// that must not be read.
func TestLanguages(t *testing.T) {
	cases := []struct {
		lang, text string
		want, none []want
	}{
		// English.
		{"en", "Microsoft assesses that APT28 likely targeted the Polish Ministry of Foreign Affairs.",
			[]want{{typ: Attribution, subject: "actor:apt28", attributor: "Microsoft", hedge: Likely}}, nil},
		{"en", "The FBI said the Lazarus Group was behind the theft of $600 million from Axie Infinity.",
			[]want{{typ: Attribution, subject: "actor:lazarus-group", attributor: "FBI", hedge: Asserted}}, nil},
		{"en", "According to Mandiant, APT41 exploited CVE-2021-44207 in the USAHerds application.",
			[]want{{typ: Attribution, subject: "actor:apt41", attributor: "Mandiant"}, {typ: Exploits, subject: "actor:apt41", object: "CVE-2021-44207"}}, nil},
		{"en", "The UK government said that the Sandworm group, a unit of Russia's GRU military intelligence, attacked Ukraine's power grid. The Kremlin denied the accusations.",
			[]want{{typ: Attribution, subject: "actor:sandworm-team", attributor: "UK government"},
				{typ: Sponsorship, subject: "actor:sandworm-team", object: "country:RU"},
				{typ: Denial, subject: "country:RU", attributor: "Russian government"}}, nil},
		{"en", "The UK government said that the Sandworm group attacked Ukraine's power grid. The Russian embassy did not respond to a request for comment.",
			[]want{{typ: Attribution, subject: "actor:sandworm-team", attributor: "UK government"}},
			[]want{{typ: Denial}}},
		{"en", "Turla, also known as Snake and Venomous Bear, has been active since at least 2004.",
			[]want{{typ: AliasClaim, subject: "actor:turla", object: "Snake"}, {typ: AliasClaim, subject: "actor:turla", object: "Venomous Bear"},
				{typ: Activity, subject: "actor:turla", date: "2004"}}, nil},
		{"en", "Kimsuky was first spotted by Kaspersky in September 2013.",
			[]want{{typ: FirstReported, subject: "actor:kimsuky", attributor: "Kaspersky", date: "2013-09"}}, nil},
		{"en", "APT29 targeted vaccine research in Canada. The group used the WellMess malware.",
			[]want{{typ: Targeting, subject: "actor:apt29", object: "country:CA"}, {typ: Uses, subject: "actor:apt29", object: "WellMess"}}, nil},
		{"en", "The ransomware gang LockBit claimed responsibility for the attack on the hospital.",
			[]want{{typ: Attribution, subject: "actor:lockbit", attributor: "LockBit"}}, nil},
		{"en", "Russia-linked ransomware gang LockBit attacked a hospital in Germany.",
			[]want{{typ: Targeting, subject: "actor:lockbit", object: "country:DE"}},
			[]want{{typ: Sponsorship}, {typ: Attribution, attributor: "Russian government"}}},
		{"en", "Researchers said the groups known as APT28 and APT29 both target NATO members.",
			nil, []want{{typ: AliasClaim}}},
		{"en", "Microsoft Exchange servers were hacked by HAFNIUM in March 2021.",
			nil, []want{{typ: Attribution, attributor: "Microsoft"}}},
		{"en", "In May 2021 the NCSC said APT29 attacked vaccine researchers.",
			[]want{{typ: Attribution, subject: "actor:apt29", attributor: "NCSC", hedge: Asserted}}, nil},
		{"en", "According to the government of Belgium the attacks were carried out by APT27, APT30 and APT31. The group also used PlugX.",
			[]want{{typ: Attribution, subject: "actor:threat-group-3390", attributor: "Belgian government"},
				{typ: Attribution, subject: "actor:apt30", attributor: "Belgian government"},
				{typ: Attribution, subject: "actor:zirconium", attributor: "Belgian government"},
				{typ: Uses, subject: "actor:apt30", object: "PlugX"}}, nil},
		{"en", "Though news reports tied DarkSide to Russia, the president said there is no evidence that Russia is involved.",
			nil, []want{{typ: Attribution, subject: "country:RU"}, {typ: Sponsorship}}},
		// Italian.
		{"it", "Secondo il CSIRT Italia, il gruppo APT28 avrebbe preso di mira il ministero della Difesa.",
			[]want{{typ: Attribution, subject: "actor:apt28", attributor: "ACN", hedge: Alleged}}, nil},
		{"it", "Il gruppo Lazarus è attivo almeno dal 2009.",
			[]want{{typ: Activity, subject: "actor:lazarus-group", date: "2009"}}, nil},
		{"it", "Il governo britannico accusa APT29, noto anche come Cozy Bear, di aver colpito i laboratori. Mosca ha negato ogni accusa.",
			[]want{{typ: Attribution, subject: "actor:apt29", attributor: "UK government"}, {typ: AliasClaim, subject: "actor:apt29", object: "Cozy Bear"},
				{typ: Denial, subject: "country:RU", attributor: "Russian government"}}, nil},
		{"it", "Gli esperti ritengono che il gruppo APT41 possa essere collegato agli attacchi. Il gruppo utilizza il malware ShadowPad.",
			[]want{{typ: Uses, subject: "actor:apt41", object: "ShadowPad"}}, nil},
		// French.
		{"fr", "Selon l'ANSSI, le groupe APT31 pourrait être à l'origine des attaques contre le Sénat.",
			[]want{{typ: Attribution, subject: "actor:zirconium", attributor: "ANSSI", hedge: Possible}}, nil},
		{"fr", "Le gouvernement français accuse APT31 d'avoir attaqué le Parlement. La Chine dément toute implication.",
			[]want{{typ: Attribution, subject: "actor:zirconium", attributor: "French government"},
				{typ: Denial, subject: "country:CN", attributor: "Chinese government"}}, nil},
		{"fr", "Le groupe Turla est actif depuis 2004 et a été signalé pour la première fois par Kaspersky en janvier 2014.",
			[]want{{typ: Activity, subject: "actor:turla", date: "2004"}, {typ: FirstReported, subject: "actor:turla", attributor: "Kaspersky", date: "2014-01"}}, nil},
		// German.
		{"de", "Das BSI macht die Gruppe APT29 wahrscheinlich für den Angriff verantwortlich.",
			[]want{{typ: Attribution, subject: "actor:apt29", attributor: "BSI", hedge: Likely}}, nil},
		{"de", "Die Bundesregierung beschuldigt APT28, das Parlament angegriffen zu haben. Russland bestreitet die Vorwürfe.",
			[]want{{typ: Denial, subject: "country:RU", attributor: "Russian government"}}, nil},
		{"de", "Die Gruppe Sandworm setzte die Schadsoftware Industroyer2 ein. Kimsuky ist seit mindestens 2012 aktiv.",
			[]want{{typ: Uses, subject: "actor:sandworm-team", object: "Industroyer2"}, {typ: Activity, subject: "actor:kimsuky", date: "2012"}}, nil},
		// Spanish.
		{"es", "Según ESET, el grupo Lazarus probablemente atacó bancos en México. Corea del Norte niega las acusaciones.",
			[]want{{typ: Attribution, subject: "actor:lazarus-group", attributor: "ESET", hedge: Likely},
				{typ: Targeting, subject: "actor:lazarus-group", object: "country:MX"},
				{typ: Denial, subject: "country:KP"}}, nil},
		{"es", "El grupo APT41 explotó la vulnerabilidad CVE-2021-44228 y está activo desde 2012.",
			[]want{{typ: Exploits, subject: "actor:apt41", object: "CVE-2021-44228"}, {typ: Activity, subject: "actor:apt41", date: "2012"}}, nil},
		// Dutch.
		{"nl", "Volgens de AIVD zit de groep APT29 achter de aanval op het ministerie van Buitenlandse Zaken.",
			[]want{{typ: Attribution, subject: "actor:apt29", attributor: "AIVD"}}, nil},
		{"nl", "De Nederlandse regering beschuldigt APT31 van de aanval. China ontkent de beschuldigingen.",
			[]want{{typ: Attribution, subject: "actor:zirconium", attributor: "Dutch government"},
				{typ: Denial, subject: "country:CN", attributor: "Chinese government"}}, nil},
		{"nl", "De groep Sandworm is actief sinds 2009 en gebruikt de malware Industroyer2.",
			[]want{{typ: Activity, subject: "actor:sandworm-team", date: "2009"}, {typ: Uses, subject: "actor:sandworm-team", object: "Industroyer2"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+clip(c.text, 40), func(t *testing.T) {
			a := testRecognizer(t).Analyze(c.text)
			cs := Extract(a, c.lang)
			dump := func() string {
				var b strings.Builder
				for _, x := range cs {
					at := ""
					if x.Attributor != nil {
						at = x.Attributor.Name
					}
					fmt.Fprintf(&b, "\n  %s %s/%s -> %s/%s by %q %s %s", x.Type, x.Subject.ID, x.Subject.Name, x.Object.ID, x.Object.Name, at, x.Hedge, x.Date)
				}
				return b.String()
			}
			for _, w := range c.want {
				if len(find(cs, w.match)) == 0 {
					t.Errorf("missing %v; got:%s", w, dump())
				}
			}
			for _, w := range c.none {
				if got := find(cs, w.match); len(got) > 0 {
					t.Errorf("unwanted %v; got:%s", w, dump())
				}
			}
			for _, x := range cs {
				if x.Language != c.lang {
					t.Errorf("claim language %q, want %q", x.Language, c.lang)
				}
			}
		})
	}
}

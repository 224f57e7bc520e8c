package story

import (
	"sync"
	"testing"

	cleaned "github.com/aptwatch/aptwatch/internal/article"
	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/extract"
	"github.com/aptwatch/aptwatch/internal/recognize"
)

// benchTexts are made-up news articles of about 3 KB in four of our
// languages, with datelines, past dates, amounts, versions, CVEs and
// actors: what FeaturesOf reads in real pages.
var benchTexts = []struct{ title, lang, text string }{
	{"US and UK agencies warn of APT29 campaign against cloud services", "en", `Written by Jane Miller | Feb 24, 2022 | CYBERSCOOP

WASHINGTON — The U.S. Cybersecurity and Infrastructure Security Agency (CISA), the FBI and the UK National Cyber Security Centre on Thursday released a joint advisory warning that APT29, the Russian group also tracked as Cozy Bear and Midnight Blizzard, has been targeting cloud services used by government agencies, think tanks and healthcare providers since at least March 2021.

The advisory, published on February 24, 2022, says the hackers exploited CVE-2021-44228 in Apache Log4j and CVE-2022-21907 in Microsoft's HTTP stack to gain initial access, then used stolen OAuth tokens to move to Microsoft 365 tenants. More than 1,500 organisations in 23 countries were notified, and at least 120 of them confirmed intrusions, according to officials who spoke on condition of anonymity.

"This is a persistent, well-resourced actor that adapts quickly," said Eric Goldstein, CISA's executive assistant director for cybersecurity, in a call with reporters. The agencies urged administrators to apply the patches released on 12/14/2021 and on January 11, 2022, and to rotate credentials for service accounts.

The group was first publicly attributed to Russia's Foreign Intelligence Service (SVR) by the U.S. government in April 2021, after the SolarWinds supply-chain compromise that affected about 18,000 customers and at least nine federal agencies. Mandiant, which tracks the activity as UNC2452, said in a report dated 2022-01-27 that the intruders now rely on residential proxies and on a new backdoor, dubbed Ceeloader, written in C and obfuscated with a custom packer.

Researchers at Microsoft said the campaign had hit 40 customers in the first week alone and that the attackers had stolen roughly $2.3 million worth of cryptocurrency from one victim in a side operation. The company's version 88.0.4324.150 of its Edge browser is not affected, it added. A spokesperson for the Russian embassy in Washington denied any involvement and called the accusations "groundless".

Officials did not say whether the intrusions were linked to the war in Ukraine, which began on the same day the advisory was published. Separately, the Treasury Department announced sanctions against 14 individuals and three companies it accused of supporting Russian intelligence operations, freezing assets worth $70M in total.

The FBI asked victims to report incidents to its Internet Crime Complaint Center or to call 1-800-225-5324. CISA maintains a list of known exploited vulnerabilities, which now counts more than 380 entries, and federal civilian agencies have until March 10, 2022 to patch the flaws named in the advisory.

Contact the author at jane.miller@example.com or on Signal at 375 593 1011. Posted 10:45 AM ET.`},
	{"Il Belgio accusa la Cina: attacchi APT27 e APT31 contro il ministero della Difesa", "it", `Redazione RHC : 19 Luglio 2022 20:37

Il governo del Belgio ha accusato ufficialmente la Cina di essere responsabile di una serie di attacchi informatici contro il Servizio pubblico federale dell'Interno e il ministero della Difesa. Secondo la dichiarazione pubblicata dal ministro degli Esteri Sophie Wilmès, gli attacchi sono stati condotti da gruppi APT legati allo Stato cinese, tra cui APT27, APT30, APT31 e Gallium, noto anche come Softcell.

Le intrusioni, scoperte a partire da marzo 2021, avrebbero sfruttato le vulnerabilità di Microsoft Exchange note come ProxyLogon (CVE-2021-26855 e CVE-2021-27065), già utilizzate dal gruppo Hafnium nel gennaio 2021. Gli investigatori del Centro per la Cybersicurezza del Belgio (CCB) hanno individuato più di 250 server compromessi e circa 1.500 caselle di posta elettronica consultate dagli aggressori.

"Il Belgio esorta le autorità cinesi ad adottare tutte le misure necessarie", si legge nel comunicato diffuso il 18 luglio 2022. La dichiarazione segue quella dell'Unione europea del 19/07/2021, in cui i 27 Stati membri avevano condannato le attività informatiche malevole provenienti dal territorio cinese.

L'ambasciata cinese a Bruxelles ha respinto le accuse, definendole "infondate", e ha ricordato che la Cina è essa stessa vittima di attacchi informatici. Secondo fonti diplomatiche, Pechino avrebbe chiesto spiegazioni all'ambasciatore belga.

Non è la prima volta che il Belgio subisce attacchi di questo tipo: nel maggio 2021 un attacco DDoS contro Belnet, la rete che collega università e amministrazioni, aveva reso irraggiungibili i siti di oltre 200 istituzioni, tra cui il Parlamento federale, proprio durante un'audizione sulla repressione degli uiguri. I danni sono stati stimati in 3,5 milioni di euro.

Secondo i ricercatori di Mandiant, il gruppo APT31 è attivo almeno dal 2016 e ha preso di mira governi europei, aziende della difesa e organizzazioni del settore aerospaziale. Nel 2021 il Regno Unito, gli Stati Uniti e la NATO avevano attribuito a Pechino anche la campagna contro i server Exchange, che ha colpito decine di migliaia di organizzazioni in tutto il mondo, con un costo complessivo stimato in 70 milioni di dollari.

Il ministro della Difesa Ludivine Dedonder ha dichiarato che le reti del ministero sono state ripulite e che è stato avviato un piano di investimenti da 100 milioni di euro per la cybersicurezza entro il 2025. Il CCB ha pubblicato un avviso con gli indicatori di compromissione e ha invitato le aziende ad aggiornare Exchange alla versione 15.2.1118.7.

Per informazioni: 02 501 05 60, ore 9:00-17:00. Articolo aggiornato il 20.07.2022 alle 08:15.`},
	{"Kaseya-Angriff: REvil fordert 70 Millionen US-Dollar Lösegeld", "de", ` date 2021-07 In Schweden sind viele Filialen der Supermarktkette Coop geschlossen geblieben, nachdem ein Angriff mit Erpressungssoftware auf den US-Softwareanbieter Kaseya am 2. Juli 2021 weltweit Unternehmen lahmgelegt hat. Die Hackergruppe REvil, auch bekannt als Sodinokibi, hat ein Lösegeld von 70 Millionen US-Dollar in Bitcoin gefordert, um die Daten aller Opfer freizugeben.

Nach Angaben von Kaseya waren rund 60 Kunden direkt betroffen, die den Dienst VSA vor Ort betreiben. Da viele davon IT-Dienstleister sind, die wiederum zahlreiche kleinere Firmen betreuen, schätzt das Unternehmen die Zahl der betroffenen Organisationen auf 800 bis 1.500. In Schweden mussten etwa 800 Coop-Filialen am Samstag schließen, weil die Kassensysteme ausgefallen waren; auch Apotheken und die Staatsbahn SJ meldeten Störungen.

Die Angreifer nutzten eine Zero-Day-Lücke (CVE-2021-30116) in der VSA-Software, die das niederländische Institute for Vulnerability Disclosure (DIVD) bereits im April 2021 an Kaseya gemeldet hatte. Ein Patch war zum Zeitpunkt des Angriffs noch nicht verfügbar. Der Hersteller hat die Version 9.5.7a am 11.07.2021 veröffentlicht und seinen Kunden empfohlen, ihre Server bis dahin abgeschaltet zu lassen.

Das Bundesamt für Sicherheit in der Informationstechnik (BSI) teilte am 16. Juli 2020 mit, dass auch in Deutschland einige Unternehmen betroffen seien; genaue Zahlen nannte die Behörde nicht. Ein Sprecher sagte, man stehe in engem Austausch mit den Partnern in den USA und in Europa.

US-Präsident Joe Biden ordnete eine umfassende Untersuchung an und drohte Russland mit Konsequenzen, falls sich herausstellen sollte, dass die Gruppe mit Wissen des Kremls handelt. Bei einem Telefonat mit Wladimir Putin am 9. Juli forderte er Moskau auf, gegen Cyberkriminelle auf seinem Territorium vorzugehen. Wenige Tage später verschwanden die Internetseiten von REvil aus dem Netz.

Bereits im Mai hatte ein Angriff der Gruppe DarkSide auf die Colonial Pipeline die Treibstoffversorgung an der US-Ostküste für mehrere Tage unterbrochen. Das Unternehmen zahlte damals 4,4 Mio. US-Dollar Lösegeld, von denen das FBI später rund 2,3 Millionen zurückholen konnte. Im Juni musste der Fleischkonzern JBS 11 Millionen Dollar an REvil zahlen.

Sicherheitsforscher von Sophos und Huntress Labs haben die Angriffskette inzwischen detailliert beschrieben: Die Schadsoftware wurde als gefälschtes Update verteilt, deaktivierte den Virenschutz Microsoft Defender und verschlüsselte anschließend die Daten. Die Täter verlangten von einzelnen Opfern zwischen 45.000 und 5 Millionen Dollar.

Kontakt: Tel. 030 1234 5678, Stand: 06.07.2021, 14:30 Uhr.`},
	{"Europol démantèle le botnet Emotet lors d'une opération internationale", "fr", `Publié le 27 janvier 2021 à 18h42, mis à jour le 28 janvier 2021 à 09h15

Europol a annoncé, le 27 janvier 2021, avoir mis fin aux activités d'Emotet, l'un des logiciels malveillants les plus dangereux au monde, au terme d'une opération menée par les polices de huit pays, dont la France, l'Allemagne, les Pays-Bas, le Royaume-Uni, les États-Unis, le Canada, la Lituanie et l'Ukraine. Les enquêteurs ont pris le contrôle de l'infrastructure du botnet, qui comptait plusieurs centaines de serveurs répartis dans le monde.

Apparu en 2014 comme un cheval de Troie bancaire, Emotet s'était transformé en une véritable « porte d'entrée » pour d'autres groupes criminels, qui louaient l'accès aux machines infectées pour y déployer des rançongiciels comme Ryuk ou des logiciels espions comme TrickBot. Selon Europol, le réseau aurait infecté plus de 1,6 million d'ordinateurs et causé des dommages estimés à 2,5 milliards de dollars.

En Ukraine, la police a perquisitionné le 26/01/2021 les domiciles de deux administrateurs présumés à Kharkiv et saisi des ordinateurs, des disques durs, 50 kilogrammes d'or et plus de 48 000 dollars en espèces. Une vidéo diffusée par les autorités ukrainiennes montre les policiers découvrant des lingots et des liasses de billets.

La police néerlandaise, qui a mené une partie de l'opération technique, a indiqué avoir découvert une base de données de 4 324 770 adresses électroniques volées, dont 39 000 néerlandaises. Elle a mis en ligne un outil permettant de vérifier si une adresse figure parmi les victimes. Les machines infectées recevront le 25 avril 2021 une mise à jour qui désinstallera automatiquement le logiciel.

Le parquet de Paris, saisi en février 2020 par l'ANSSI, a confirmé que des entreprises et des administrations françaises avaient été touchées, notamment des communes et des hôpitaux. L'Agence nationale de la sécurité des systèmes d'information avait publié dès septembre 2020 une alerte sur une campagne de courriels piégés visant le secteur public.

« C'est l'une des opérations les plus importantes jamais menées contre la cybercriminalité », a déclaré Edvardas Šileris, chef du Centre européen de lutte contre la cybercriminalité (EC3). L'opération, baptisée « Ladybird », a été coordonnée par Eurojust, qui a organisé 12 réunions de coordination depuis le 1er mars 2019.

Les spécialistes restent prudents : en octobre 2020 déjà, Microsoft et ses partenaires avaient tenté de neutraliser TrickBot, sans succès durable. Les chercheurs de Check Point rappellent qu'Emotet touchait encore 7 % des organisations dans le monde en décembre 2020, selon leur indice mensuel.

Pour signaler un incident : 0 805 805 817 (appel gratuit), du lundi au vendredi de 9 h à 18 h.`},
}

var (
	benchOnce    sync.Once
	benchResults []*extract.Result
)

func benchExtracted(b *testing.B) []*extract.Result {
	benchOnce.Do(func() {
		cat, err := catalog.Builtin()
		if err != nil {
			b.Fatal(err)
		}
		x := extract.New(recognize.New(cat))
		for _, t := range benchTexts {
			r := x.FromArticle(&cleaned.Article{Title: t.title, Text: t.text}, extract.Options{WithText: true})
			benchResults = append(benchResults, r)
		}
	})
	return benchResults
}

// BenchmarkFeaturesOf measures FeaturesOf alone on articles of about 3 KB;
// extraction is done once beforehand.
func BenchmarkFeaturesOf(b *testing.B) {
	rs := benchExtracted(b)
	var n int
	for _, r := range rs {
		n += len(r.Text)
	}
	b.SetBytes(int64(n / len(rs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FeaturesOf(rs[i%len(rs)])
	}
}

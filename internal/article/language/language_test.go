package language

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// sentences are short texts written for this test, a few per supported
// language. The tricky ones are the reason for the stop-word step: English
// security jargon inside another language, and close pairs (Dutch/German,
// Spanish/Portuguese, Czech/Slovene/Polish, Russian/Ukrainian, Arabic/Persian).
var sentences = []struct{ want, text string }{
	{"en", "The attackers used a phishing email to deliver the malware."},
	{"en", "Researchers said the group has been active since at least 2019."},
	{"en", "Microsoft patched the zero-day flaw in Exchange Server on Tuesday."},
	{"en", "Ransomware gang claims attack on city council"},

	{"it", "Il ransomware ha cifrato i server della azienda."},
	{"it", "Gli attaccanti hanno usato una backdoor per l'exfiltration dei dati."},
	{"it", "Il threat actor APT28 ha sfruttato una vulnerabilità zero-day nel firewall."},
	{"it", "La cybersecurity è condivisione: il malware non è stato ancora rilevato."},
	{"it", "Secondo i ricercatori, il gruppo è legato all'intelligence russa."},
	{"it", "Nuovo exploit per il bug di Microsoft Exchange"},
	{"it", "Security Affairs - Threat Intelligence News\nIl gruppo ransomware ha pubblicato sul data leak site i dati esfiltrati dal Comune, che non ha pagato il riscatto."},
	{"it", "Data breach: leak di password e account compromessi"},
	{"it", "Il cloud provider ha subito un data breach"},
	{"it", "Breaking news: Threat intelligence report. Il gruppo Lazarus colpisce di nuovo le banche"},

	{"fr", "Les pirates ont volé des données sensibles dans le réseau."},
	{"fr", "Le ransomware LockBit a chiffré les serveurs de la mairie."},
	{"fr", "Selon les chercheurs, le groupe est lié aux services de renseignement."},
	{"fr", "Une faille zero-day dans le firewall est exploitée par des hackers."},
	{"fr", "Fuite de données chez un opérateur télécom"},
	{"fr", "Nouvelle campagne de phishing contre les banques"},

	{"de", "Die Hacker haben die Daten des Unternehmens gestohlen."},
	{"de", "Der Angriff wurde von einer staatlich gesteuerten Gruppe durchgeführt."},
	{"de", "Das Bundesamt warnt vor einer neuen Ransomware-Welle."},
	{"de", "Ein Zero-Day-Exploit ist nicht gepatcht und wird aktiv ausgenutzt."},
	{"de", "Das Leck ist noch nicht geschlossen."},
	{"de", "Neue Phishing-Kampagne zielt auf Banken"},

	{"es", "Los piratas informáticos robaron datos de la empresa."},
	{"es", "El grupo de ransomware atacó los servidores del hospital."},
	{"es", "La vulnerabilidad zero-day fue explotada por un actor estatal."},
	{"es", "Según los investigadores, el malware se distribuye por correo electrónico."},
	{"es", "La empresa no confirmó el ataque."},
	{"es", "Un nuevo ransomware ataca a empresas"},

	{"nl", "De hackers hebben de gegevens van het bedrijf gestolen."},
	{"nl", "Het ransomware-incident werd door de politie onderzocht."},
	{"nl", "Volgens onderzoekers is de groep niet eerder actief geweest."},
	{"nl", "Een zero-day in de firewall wordt actief misbruikt door aanvallers."},
	{"nl", "Het lek is nog niet gedicht."},
	{"nl", "Nieuwe phishingcampagne richt zich op banken"},

	{"pt", "Os piratas informáticos roubaram dados da empresa."},
	{"pt", "O grupo de ransomware atacou os servidores do hospital."},
	{"pt", "A vulnerabilidade não foi corrigida pela empresa."},
	{"pt", "Segundo os pesquisadores, o malware é distribuído por email."},
	{"pt", "A empresa não confirmou o ataque."},
	{"pt", "Novo ransomware ataca empresas no Brasil"},

	{"pl", "Hakerzy ukradli dane firmy i nie zostali jeszcze zatrzymani."},
	{"pl", "Atak ransomware został przeprowadzony przez grupę z Rosji."},
	{"pl", "Według badaczy to złośliwe oprogramowanie jest bardzo groźne."},

	{"sl", "Hekerji so ukradli podatke podjetja in jih objavili na spletu."},
	{"sl", "Napad je izvedla skupina, ki je povezana z rusko obveščevalno službo."},

	{"cs", "Hackeři ukradli data společnosti a nejsou dosud dopadeni."},
	{"cs", "Útok byl proveden skupinou, která je podle výzkumníků napojena na Rusko."},

	{"sv", "Hackarna har stulit data från företaget och det är inte första gången."},
	{"sv", "Attacken utfördes av en grupp som är kopplad till Ryssland."},

	{"ro", "Hackerii au furat datele companiei și nu au fost încă prinși."},
	{"ro", "Atacul a fost realizat de un grup care este legat de Rusia."},

	{"tr", "Bilgisayar korsanları şirketin verilerini çaldı ve bu çok ciddi bir olay."},
	{"tr", "Saldırı, Rusya ile bağlantılı bir grup tarafından gerçekleştirildi."},

	{"ru", "Хакеры украли данные компании и выложили их в интернет."},
	{"ru", "Атака была проведена группой, которая связана с российской разведкой."},
	{"ru", "Группа APT28 использовала zero-day уязвимость в Microsoft Exchange для атаки на сервер."},
	{"uk", "Хакери викрали дані компанії та виклали їх в інтернет."},
	{"uk", "Угруповання Sandworm атакувало енергетичні компанії за допомогою malware Industroyer."},
	{"uk", "Атака була здійснена групою, яка пов'язана з російською розвідкою."},

	{"ar", "سرق القراصنة بيانات الشركة ونشروها على الإنترنت."},
	{"ar", "قال الباحثون إن المجموعة مرتبطة بالاستخبارات الإيرانية."},
	{"ar", "استغل قراصنة مجموعة APT34 ثغرة في خوادم Microsoft Exchange."},
	{"fa", "هکرها اطلاعات شرکت را سرقت کردند و آن را در اینترنت منتشر کردند."},
	{"fa", "این گروه به سرویس اطلاعاتی ایران وابسته است."},

	{"zh", "黑客窃取了公司的数据并在网上公开。"},
	{"zh", "研究人员表示，该组织与俄罗斯情报机构有关。"},
	{"ja", "ハッカーが会社のデータを盗み、ネットで公開した。"},
	{"ja", "Microsoft Exchange Serverの脆弱性を悪用した攻撃が確認された。"},
	{"ko", "해커들이 회사의 데이터를 훔쳐 인터넷에 공개했다."},
	{"ko", "연구원들은 이 그룹이 러시아 정보기관과 연관되어 있다고 밝혔다."},

	// Too short or unsupported: Detect must not guess.
	{"", ""},
	{"", "ok"},
	{"", "2021-07-19 12:00"},
	{"", "Ελληνικά γράμματα"}, // Greek: unsupported
	{"", "Microsoft Exchange Server CVE-2021-26855 ProxyLogon Hafnium APT40 Volt Typhoon"},
	// Finnish and Indonesian only brush the lists ("on", "di").
	{"", "Hakkerit varastivat yrityksen tiedot ja julkaisivat ne verkossa, mutta poliisi on jo tutkinut asiaa."},
	{"", "Peretas mencuri data perusahaan dan mempublikasikannya di internet, kata polisi pada hari Senin."},
}

func TestSentences(t *testing.T) {
	for _, tc := range sentences {
		if got := Detect(tc.text); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// ambiguous texts have too few function words to be sure of: Detect may
// abstain with "", but must never name another language.
var ambiguous = []struct{ want, text string }{
	{"en", "Chrome update fixes actively exploited zero-day"},
	{"en", "Hackers breach telecom giant, steal customer records"},
	{"it", "Attacco ransomware a un ospedale"},
}

func TestAmbiguous(t *testing.T) {
	for _, tc := range ambiguous {
		if got := Detect(tc.text); got != tc.want && got != "" {
			t.Errorf("Detect(%q) = %q, want %q or \"\"", tc.text, got, tc.want)
		}
	}
}

func TestSupported(t *testing.T) {
	got := Supported()
	for _, code := range []string{"en", "it", "fr", "de", "es", "nl", "pt", "pl"} {
		if !slices.Contains(got, code) {
			t.Errorf("Supported() lacks %q", code)
		}
	}
	// Every code a test expects must be listed.
	for _, tc := range sentences {
		if tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("Supported() lacks %q", tc.want)
		}
	}
}

// sharedDir finds the project's shared data: $APTWATCH_SHARED, else
// ../../../../shared (the repo sits beside shared/).
func sharedDir() string {
	if d := os.Getenv("APTWATCH_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "shared")
}

type record struct{ ID, Lang, Text string }

func readRecords(t *testing.T, path string) []record {
	t.Helper()
	return sharedtest.ReadJSONL[record](t, path)
}

// head returns at most n bytes of s, cut back to a whole character.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// TestSharedArticles checks the hand-labelled articles: each whole text and
// its first 300 bytes, where an English headline or banner may sit on top of
// a non-English article.
func TestSharedArticles(t *testing.T) {
	dir := sharedDir()
	for _, file := range []string{"seeds/gold.jsonl", "articles/dev.jsonl"} {
		for _, r := range readRecords(t, filepath.Join(dir, file)) {
			if got := Detect(r.Text); got != r.Lang {
				t.Errorf("%s %s: Detect(text) = %q, want %q", file, r.ID, got, r.Lang)
			}
			if got := Detect(head(r.Text, 300)); got != r.Lang {
				t.Errorf("%s %s: Detect(first 300 bytes) = %q, want %q", file, r.ID, got, r.Lang)
			}
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	texts := []string{
		"Il threat actor APT28 ha sfruttato una vulnerabilità zero-day nel firewall.",
		"De hackers hebben de gegevens van het bedrijf gestolen.",
	}
	// A typical article body: a couple of kilobytes of mixed Italian and English.
	long := ""
	for len(long) < 2000 {
		long += "Secondo i ricercatori, il ransomware ha cifrato i server della azienda e il threat actor ha chiesto un riscatto. "
	}
	texts = append(texts, long)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Detect(texts[i%len(texts)])
	}
}

package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPages runs whole pages written for these tests (testdata/): what
// must survive, what must go, and the metadata.
func TestPages(t *testing.T) {
	cases := []struct {
		file, url                string
		html                     bool
		title, published, author string
		keep, gone               []string
	}{
		{
			file: "news.html", html: true,
			title: "Agencies tie vaccine-research intrusions to APT29", published: "2020-07-16", author: "Dana Whitfield",
			keep: []string{"APT29", "Cozy Bear", "The Dukes", "WellMess", "WellMail", "CVE-2019-19781",
				"A laboratory worker in Oxford", // photo caption
				"has nothing to do"},
			gone: []string{"cookies", "Accept all", "Conti", "World", "certified threat hunter", "Advertisement",
				"Kremlin rejects the accusations", "Read more", "Sandworm", "appeared first on", "newsletter",
				"Related articles", "REvil", "DarkSide", "Lazarus", "Follow us", "All rights reserved", "dataLayer"},
		},
		{
			file: "plain_it.txt", title: "Ransomware, il gruppo LockBit rivendica l'attacco a un ospedale lombardo",
			published: "2024-03-12", author: "Marco Bianchi",
			keep: []string{"LockBit", "CVE-2023-4966", "Citrix Bleed", "Non pagheremo alcun riscatto", "Di Marco Bianchi - 12 marzo 2024"},
			gone: []string{"CyberNotizie", "Il portale italiano", "Cerca", "Leggi anche", "Conti", "Pubblicità", "corso online",
				"WhatsApp", "Seguici", "newsletter", "cookie", "giornalista", "Articoli correlati", "BlackCat", "Akira",
				"diritti riservati"},
		},
		{
			file: "plain_fr.txt", title: "Des pirates liés à la Chine ciblent des ministères européens",
			published: "2021-03-03", author: "Claire Dubois",
			keep: []string{"APT31", "Zirconium", "sans fondement"},
			gone: []string{"Le Journal Cyber", "Accueil", "Lazarus", "Publicité", "newsletter", "Suivez-nous", "cookies",
				"À lire aussi", "Conti", "Emotet"},
		},
		{
			file: "plain_de.txt", title: "Hackergruppe Sandworm greift ukrainische Energieversorger an",
			published: "2022-04-14", author: "Jana Keller",
			keep: []string{"Sandworm", "Industroyer2", "teilte die Regierung mit"},
			gone: []string{"Startseite", "Lesen Sie auch", "Emotet", "Anzeige", "Newsletter", "Folgen Sie uns", "Cookies",
				"interessieren", "Lazarus"},
		},
		{
			file: "plain_es.txt", title: "El FBI atribuye a DarkSide el ataque contra Colonial Pipeline",
			published: "2021-05-10", author: "Ana García",
			keep: []string{"DarkSide", "Colonial Pipeline", "forma gradual"},
			gone: []string{"Noticias |", "Lee también", "REvil", "Publicidad", "boletín", "Síguenos", "cookies",
				"relacionadas", "Conti"},
		},
		{
			file: "plain_nl.txt", title: "Chinese hackersgroep APT41 achter aanval op Nederlandse chipmaker",
			published: "2023-02-02", author: "Pieter de Vries",
			keep: []string{"APT41", "ShadowPad", "klantgegevens"},
			gone: []string{"Home >", "Lees ook", "Lazarus", "Advertentie", "nieuwsbrief", "Volg ons", "cookies",
				"Gerelateerde", "Akira"},
		},
		{
			// No semantic markup at all: trafilatura finds no article and
			// returns the page as one paragraph; our own walk takes over.
			file: "divsoup.html", html: true, title: "Sandworm blamed for grid attack",
			published: "2022-04-12", author: "Olena Petrenko",
			keep: []string{"Sandworm group", "GRU", "Industroyer", "CaddyWiper", "two million people"},
			gone: []string{"Example Wire", "Home |", "Search", "cookies", "Read more", "2016 blackout", "Advertisement",
				"newsletter", "Related articles", "Conti", "Lazarus", "Follow us", "All rights reserved"},
		},
		{
			file: "broken.html", html: true, title: "Kimsuky phishing wave hits think tanks",
			keep: []string{"Kimsuky group sent spear-phishing", "BabyShark", "telephone & to report"},
			gone: []string{"not text", "Lazarus", "var x"},
		},
		{
			file: "utf16le_bom.txt", title: "Les pirates du groupe Turla ont visé des ambassades européennes",
			published: "2023-02-14",
			keep:      []string{"Turla", "Kazuar", "« Nous avons détecté"},
			gone:      []string{"Suivez-nous"},
		},
		{
			file: "latin1.txt", title: "Der Bundesnachrichtendienst warnt vor APT28", published: "2021-03-05",
			keep: []string{"APT28", "Fancy Bear", "Über die Täter äußerte"},
			gone: []string{"Folgen Sie uns"},
		},
		{
			file: "latin1.html", html: true, title: "Europol démantèle le réseau Emotet",
			url:       "https://example.fr/securite/2021/01/27/emotet",
			published: "2021-01-27",
			keep:      []string{"Emotet", "l'infrastructure du logiciel malveillant", "néerlandaises"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			a, err := Parse(readTestdata(t, c.file), Options{URL: c.url})
			if err != nil {
				t.Fatal(err)
			}
			if a.IsHTML != c.html {
				t.Errorf("IsHTML = %v, want %v", a.IsHTML, c.html)
			}
			if a.Title != c.title {
				t.Errorf("Title = %q, want %q", a.Title, c.title)
			}
			if a.Published != c.published {
				t.Errorf("Published = %q, want %q", a.Published, c.published)
			}
			if c.author != "" && a.Author != c.author {
				t.Errorf("Author = %q, want %q", a.Author, c.author)
			}
			for _, s := range c.keep {
				if !strings.Contains(a.Text, s) {
					t.Errorf("lost %q", s)
				}
			}
			for _, s := range c.gone {
				if strings.Contains(a.Text, s) {
					t.Errorf("furniture %q still in Text", s)
				}
			}
			if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, utf8.RuneError) {
				t.Errorf("Text is not clean UTF-8")
			}
			if t.Failed() {
				t.Logf("Text:\n%s", a.Text)
			}
		})
	}
}

// withBody wraps a line in article prose, so that a rule that needs
// context (not the first line, prose before and after) sees some.
func withBody(line string) string {
	return "Investigators tie new intrusions to a state-backed group\n\n" +
		"Security researchers said on Tuesday that the group behind the intrusions had returned with new tools and infrastructure, targeting ministries in several countries.\n\n" +
		line + "\n\n" +
		"The agency said the campaign was continuing and urged administrators to apply the patches released last month without further delay.\n"
}

// TestFurnitureLines: single lines of furniture, in the six languages,
// inside an article.
func TestFurnitureLines(t *testing.T) {
	lines := []string{
		// social
		"Follow us on LinkedIn", "Follow me on Twitter: @someone", "Seguici su Instagram e Facebook",
		"Suivez-nous sur Facebook", "Folgen Sie uns auf Mastodon", "Síguenos en Twitter", "Volg ons op LinkedIn",
		// newsletter
		"Subscribe to our newsletter to get the week's top stories.", "Iscriviti alla newsletter settimanale.",
		"Abonnez-vous à notre newsletter.", "Jetzt unseren Newsletter abonnieren!", "Suscríbete a nuestro boletín.",
		"Schrijf je in voor onze nieuwsbrief.",
		// cookies
		"We use cookies to improve your experience.", "Questo sito utilizza cookie di profilazione.",
		"Ce site utilise des cookies.", "Diese Website verwendet Cookies.", "Este sitio web utiliza cookies propias.",
		"Deze website gebruikt cookies.",
		// inline related links and source lines
		"Read more: Ransomware gang hits hospital chain", "Leggi anche: Il ritorno di Emotet",
		"À lire aussi : Le retour d'Emotet", "Lesen Sie auch: Die Rückkehr von Emotet",
		"Lee también: El regreso de Emotet", "Lees ook: De terugkeer van Emotet",
		"Read More: https://example.com/2022/02/24/story/", "Source: https://example.com/advisory",
		"https://example.com/some/story",
		// feed footers
		"The post Ransomware gang hits hospital appeared first on Example News.",
		"(ExampleNews – hacking, ransomware)", "Original Source",
		"If you like the site, please consider joining the telegram channel or supporting us on Patreon using the button below.",
		// widgets and labels
		"Advertisement", "Pubblicità", "Publicité", "Anzeige", "Publicidad", "Advertentie", "Skip to main content",
		"Share this article", "Home | World | Security | Podcasts", "Startseite > Digital > Sicherheit",
		"hero-image-apt-group.jpg",
		// appeals and disclosures
		"Your support helps us to tell the story",
		"If you buy through affiliate links, we may earn commissions, which help support our testing.",
		"Contattaci su WhatsApp al 333 123 4567 oppure scrivi a info@example.it",
		// all-caps related headline
		"RANSOMWARE GANG BEHIND HOSPITAL ATTACK: WHAT WE KNOW",
	}
	for _, l := range lines {
		a, err := Parse([]byte(withBody(l)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, l) {
			t.Errorf("furniture kept: %q", l)
		}
		if !strings.Contains(a.Text, "urged administrators") || !strings.Contains(a.Text, "new tools") {
			t.Errorf("body lost around %q:\n%s", l, a.Text)
		}
	}
}

// TestKeepsReporting: lines that share words with furniture but are
// reporting, and must stay.
func TestKeepsReporting(t *testing.T) {
	lines := []string{
		"The gang posted the stolen files on its Telegram channel and promised more leaks.",
		"Pegasus exploited WhatsApp",
		"Il malware supporta diversi comandi, tra cui il download di file.",
		"The malware steals session cookies from Chrome and Firefox.",
		"Users who click the download link join a botnet run by Emotet.",
		"Follow the money: how LockBit launders ransoms",
		"APT28, APT29 AND SANDWORM",
		"Source: FBI",
		"Photo: Reuters",
		"“We use every tool at our disposal,” the FBI said of the Hive takedown.",
		"The newsletter of the hacking forum was used to recruit affiliates for the REvil program.",
		"Sign up for Microsoft's bug bounty, researchers were told, to report flaws exploited by Lazarus.",
		"Die Gruppe APT28 veröffentlichte die Daten auf Telegram und forderte die Nutzer auf, sich anzumelden.",
		"« Vous ne pouvez pas payer », a déclaré le FBI aux victimes de Conti.",
		"Secondo la redazione di Repubblica, il gruppo LockBit avrebbe chiesto un riscatto.",
		"Brian Krebs is a journalist who first reported the Conti leak.",
		"(AP Photo/Andrew Harnik)",
		"Microsoft tracks the group as ZINC.",
		"Kimsuky – also known as APT43 – sent the emails.",
		"Read the full advisory on the CISA website, which lists indicators for APT40.",
		"2. The second stage downloads Cobalt Strike from a compromised server.",
	}
	for _, l := range lines {
		a, err := Parse([]byte(withBody(l)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, l) {
			t.Errorf("reporting dropped: %q\n%s", l, a.Text)
		}
	}
}

// TestGluedSentences: flattening sometimes drops the space between
// sentences; furniture glued to text is split off, the text stays.
func TestGluedSentences(t *testing.T) {
	raw := "Headline about an Apple WebKit bug in the wild\n\n" +
		"Your support makes all the difference.Apple users have been urged to install updates after a bug was found.\n\n" +
		"The company said the flaw may have been actively exploited by an unknown attacker."
	a, err := Parse([]byte(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Your support") || !strings.Contains(a.Text, "Apple users have been urged") {
		t.Errorf("Text = %q", a.Text)
	}
}

func TestTextShape(t *testing.T) {
	a, err := Parse(readTestdata(t, "plain_it.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != strings.TrimSpace(a.Text) || strings.Contains(a.Text, "\n\n\n") {
		t.Errorf("Text has stray whitespace: %q", a.Text)
	}
	b, _ := Parse(readTestdata(t, "plain_it.txt"), Options{})
	if *a != *b {
		t.Errorf("Parse is not deterministic")
	}
}

// TestSubjectIsNotBanner: a one-word first line that recurs in the body
// is the subject, not a site name.
func TestSubjectIsNotBanner(t *testing.T) {
	raw := "Kimsuky\n\nSouth Korea said Kimsuky sent phishing emails to researchers in March.\n\n" +
		"Officials linked Kimsuky to the country's reconnaissance bureau and urged vigilance."
	a, err := Parse([]byte(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Kimsuky\n") {
		t.Errorf("Text = %q", a.Text)
	}
}

// TestOneParagraphPage: pages flattened with single newlines form one
// paragraph; a prompt inside it goes, the reporting around it stays even
// when it shares words with the prompt.
func TestOneParagraphPage(t *testing.T) {
	raw := "LockBit leaks data stolen from a hospital\n" +
		"The LockBit gang published files stolen from the hospital late on Friday, researchers said.\n" +
		"Follow us on Twitter and LinkedIn\n" +
		"The group announced on Twitter and on its Telegram channel that more data would follow.\n" +
		"Hospital officials said patient care was not affected by the attack."
	a, err := Parse([]byte(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Follow us") || !strings.Contains(a.Text, "announced on Twitter") {
		t.Errorf("Text = %q", a.Text)
	}
}

// TestConcurrentParse: Parse keeps no shared mutable state (run with
// -race); the same input gives the same result from every goroutine.
func TestConcurrentParse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	want := map[string]Article{}
	for _, f := range files {
		a, err := Parse(readTestdata(t, filepath.Base(f)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[f] = *a
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for _, f := range files {
				b, _ := os.ReadFile(f)
				a, err := Parse(b, Options{})
				if err == nil && *a != want[f] {
					err = errors.New(f + ": result differs between goroutines")
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

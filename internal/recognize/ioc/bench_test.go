package ioc

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// newsText builds about size bytes of news-like prose: sentences made from
// a fixed vocabulary, with dates, version numbers, abbreviations, some
// non-ASCII text and, in about one sentence in forty, an indicator.
func newsText(size int) string {
	r := rand.New(rand.NewPCG(1, 2))
	subjects := []string{"The agency", "Researchers at the firm", "A spokesperson", "Microsoft", "The U.S. Department of Justice",
		"Officials in Brussels", "The group", "Investigators", "Les chercheurs", "Die Behörde", "El Gobierno"}
	verbs := []string{"said", "warned that", "reported that", "confirmed that", "denied that", "believes that", "a déclaré que"}
	objects := []string{"the hackers exploited a flaw in Exchange", "the campaign targeted ministries in Europe",
		"the ransomware gang demanded $4.4 million", "Chrome 88.0.4324.150 fixes the zero-day", "the attacks began in 2019",
		"state-backed actors stole data from 45 organisations", "the malware was delivered by e-mail",
		"la campagne visait des ministères", "die Angreifer nutzten eine Lücke", "version 2.5 of the tool was used",
		"the payload, invoice.pdf, dropped a loader", "patches are available for Windows 10 and 11"}
	iocs := []string{"hxxp://update-check[.]xyz/gate.php", "185.220.101.4", "CVE-2021-26855", "evil-domain[.]com",
		"d41d8cd98f00b204e9800998ecf8427e", "https://www.example.com/news/2021/07/19/story.html", "admin[at]mail-login[.]top",
		"2001:db8::1", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}
	var b strings.Builder
	b.Grow(size + 200)
	for b.Len() < size {
		b.WriteString(subjects[r.IntN(len(subjects))])
		b.WriteByte(' ')
		b.WriteString(verbs[r.IntN(len(verbs))])
		b.WriteByte(' ')
		b.WriteString(objects[r.IntN(len(objects))])
		if r.IntN(40) == 0 {
			b.WriteString(", according to an advisory listing ")
			b.WriteString(iocs[r.IntN(len(iocs))])
		}
		b.WriteString(". ")
		if r.IntN(8) == 0 {
			b.WriteString("\n\n“We are aware of the reports,” the company said on Tuesday. ")
		}
	}
	return b.String()
}

// BenchmarkFind reports throughput in MB/s over 4 MB of news-like text.
func BenchmarkFind(b *testing.B) {
	text := newsText(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

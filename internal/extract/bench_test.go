package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchArticles generates n articles of about 3 KB from sentences written
// for this benchmark, in six languages, each with a headline, a byline and
// some page furniture.
func benchArticles(n int) [][]byte {
	sentences := []string{
		"Researchers said the China-linked group APT31, also tracked as Violet Typhoon, targeted ministries in Belgium and Finland.",
		"Il gruppo di hacker sostenuti dallo stato cinese ha preso di mira la difesa belga con il malware PingPull.",
		"Le groupe APT28, lié au renseignement militaire russe, a visé des ministères en France et en Allemagne.",
		"Die Gruppe Kimsuky nutzte eine Schwachstelle (CVE-2023-4966) gegen südkoreanische Forscher.",
		"El grupo Lazarus atacó bancos en América Latina y robó criptomonedas, según el FBI.",
		"De groep Sandworm viel energiebedrijven in Oekraïne aan met de wiper Industroyer2.",
		"Markets reacted calmly on Tuesday as prices of copper and nickel rose after the central bank meeting.",
		"The ransomware gang LockBit claimed the attack on a hospital chain and leaked patient data on its site.",
		"Operators deployed Cobalt Strike beacons and Mimikatz before moving laterally across the network.",
		"Officials declined to say how many systems were affected or whether any data had been stolen.",
	}
	out := make([][]byte, n)
	for i := range out {
		var b strings.Builder
		fmt.Fprintf(&b, "Security Daily\nSearch\n\nHeadline number %d about a new intrusion\n\nBy Staff · March %d, 2025\n\n", i, i%28+1)
		for j := 0; b.Len() < 3000; j++ {
			b.WriteString(sentences[(i+j*7)%len(sentences)])
			b.WriteString(" ")
			if j%3 == 2 {
				b.WriteString("\n\n")
			}
		}
		b.WriteString("\n\nSubscribe to our newsletter.\n\nRelated articles\n\nAkira claims another victim\nBy Staff - March 1, 2025\n")
		out[i] = []byte(b.String())
	}
	return out
}

// BenchmarkExtract measures the whole extract pipeline per article:
// cleaning, language, recognition, roles, indicators.
func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
	arts := benchArticles(200)
	var size int64
	for _, a := range arts {
		size += int64(len(a))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := arts[i%len(arts)]
		if _, err := x.Extract(Document{ID: "bench", Raw: a}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(size / int64(len(arts)))
}

// BenchmarkExtractSamples runs the pipeline on the bundled sample pages,
// one of them HTML.
func BenchmarkExtractSamples(b *testing.B) {
	x := testExtractor(b)
	var docs []Document
	for _, f := range []string{"../../examples/articles/nl-ministry-intrusion.txt", "../../examples/articles/apt-paquete.html"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Document{ID: f, Raw: data})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Extract(docs[i%len(docs)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

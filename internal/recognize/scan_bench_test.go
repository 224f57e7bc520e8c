package recognize

import (
	"strings"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

// benchCorpus builds a multi-megabyte mixed-language text from sentences
// written for this benchmark.
func benchCorpus(size int) string {
	sentences := []string{
		"Researchers said the China-linked group APT31, also tracked as Violet Typhoon, targeted ministries in Belgium and Finland. ",
		"Il gruppo di hacker sostenuti dallo stato cinese ha preso di mira la difesa belga con il malware PingPull. ",
		"Le groupe APT28, lié au renseignement militaire russe, a visé des ministères en France et en Allemagne. ",
		"Die Gruppe Kimsuky nutzte eine Schwachstelle (CVE-2023-4966) gegen südkoreanische Forscher. ",
		"El grupo Lazarus atacó bancos en América Latina y robó criptomonedas, según el FBI. ",
		"De groep Sandworm viel energiebedrijven in Oekraïne aan met de wiper Industroyer2. ",
		"Markets reacted calmly on Tuesday as prices of copper and nickel rose after the central bank meeting. ",
		"The ransomware gang LockBit claimed the attack on a hospital chain and leaked patient data on its site. ",
		"Operators deployed Cobalt Strike beacons and Mimikatz before moving laterally across the network. ",
		"The weather service expects heavy rain in the north and a sunny weekend along the coast. ",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func benchRecognizer(b *testing.B) *Recognizer {
	cat, err := catalog.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	return New(cat)
}

// BenchmarkCandidates measures raw recognition: key stream plus automaton
// (issue: at least 20 MB/s on one core).
func BenchmarkCandidates(b *testing.B) {
	r := benchRecognizer(b)
	text := benchCorpus(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Candidates(text)
	}
}

// BenchmarkAnalyze adds sentence splitting and the evidence rules.
func BenchmarkAnalyze(b *testing.B) {
	r := benchRecognizer(b)
	text := benchCorpus(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Analyze(text)
	}
}

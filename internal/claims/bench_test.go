package claims

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/article"
	"github.com/aptwatch/aptwatch/internal/recognize"
	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

// devTexts returns the cleaned texts of the development articles.
func devTexts(b *testing.B) []string {
	arts := sharedtest.ReadJSONL[devArticle](b, sharedtest.Path(b, "articles/dev.jsonl"))
	var out []string
	for _, a := range arts {
		art, err := article.Parse([]byte(a.Text), article.Options{})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, art.Text)
	}
	return out
}

// BenchmarkExtract measures claim extraction alone, on analyses of the 51
// development articles made beforehand: one op is one article. It reports
// claims per article and the time per 3 KB of text, which must stay well
// under a millisecond (issue 5: claims and stories must keep ingestion at
// 200 articles a second).
func BenchmarkExtract(b *testing.B) {
	texts := devTexts(b)
	rec := testRecognizer(b)
	as := make([]*recognize.Analysis, len(texts))
	size := 0
	for i, t := range texts {
		as[i] = rec.Analyze(t)
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	claims := 0
	for i := 0; i < b.N; i++ {
		claims += len(Extract(as[i%len(as)], "en"))
	}
	b.StopTimer()
	b.ReportMetric(float64(claims)/float64(b.N), "claims/article")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)*3000/float64(size/len(texts)), "µs/3KB")
}

// BenchmarkAnalyzeExtract measures recognition and claims together, for
// comparison with BenchmarkExtract.
func BenchmarkAnalyzeExtract(b *testing.B) {
	texts := devTexts(b)
	rec := testRecognizer(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(rec.Analyze(texts[i%len(texts)]), "en")
	}
}

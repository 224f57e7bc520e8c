package recognize

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

func BenchmarkPartStream(b *testing.B) {
	text := benchCorpus(4 << 20)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		namekey.NewStream(text)
	}
}

func BenchmarkPartAutomaton(b *testing.B) {
	r := benchRecognizer(b)
	text := benchCorpus(4 << 20)
	s := namekey.NewStream(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.trie.find(s.Key, s.Words, func(int, int, int) {})
	}
}

func BenchmarkPartCodeLike(b *testing.B) {
	text := benchCorpus(4 << 20)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		codeLike(text)
	}
}

package recognize

import (
	"runtime"
	"testing"

	"github.com/aptwatch/aptwatch/internal/catalog"
)

// BenchmarkCatalogReady measures what a process pays before it can
// recognise anything: parsing the built-in catalogue, indexing it and
// compiling the automaton (issue: under 150 ms and 100 MB).
func BenchmarkCatalogReady(b *testing.B) {
	b.ReportAllocs()
	var heap uint64
	for i := 0; i < b.N; i++ {
		es, err := catalog.BuiltinEntities()
		if err != nil {
			b.Fatal(err)
		}
		cat, err := catalog.Build(es)
		if err != nil {
			b.Fatal(err)
		}
		r := New(cat)
		if i == b.N-1 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap = ms.HeapAlloc
			runtime.KeepAlive(r)
		}
	}
	b.ReportMetric(float64(heap)/(1<<20), "MB-live")
}

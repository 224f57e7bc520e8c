package recognize

import (
	"strings"

	"github.com/aptwatch/aptwatch/internal/namekey"
)

// wordTrie is the alias automaton: a trie over whole words. Catalogue keys
// are sequences of words (see namekey), so matching word by word from each
// word start gives leftmost-longest matches on word boundaries by
// construction. It replaced an Aho-Corasick library whose DFA took 2.2 s
// and 840 MB to build over the catalogue, whose NFA took 180 ms, and whose
// iterator reported overlapping matches (measured in docs/benchmarks.md).
type wordTrie struct {
	words   map[string]uint32 // word -> id; words in no key are absent
	edges   map[uint64]uint32 // node<<32 | word id -> child node
	pattern []int32           // node -> pattern index, or -1
}

func newWordTrie(keys []string) *wordTrie {
	t := &wordTrie{
		words:   make(map[string]uint32, len(keys)),
		edges:   make(map[uint64]uint32, len(keys)*2),
		pattern: []int32{-1},
	}
	for p, k := range keys {
		node := uint32(0)
		for _, w := range strings.Fields(k) {
			id, ok := t.words[w]
			if !ok {
				id = uint32(len(t.words))
				t.words[w] = id
			}
			e := uint64(node)<<32 | uint64(id)
			child, ok := t.edges[e]
			if !ok {
				child = uint32(len(t.pattern))
				t.pattern = append(t.pattern, -1)
				t.edges[e] = child
			}
			node = child
		}
		if node != 0 && t.pattern[node] < 0 {
			t.pattern[node] = int32(p)
		}
	}
	return t
}

// find calls fn for each leftmost-longest match over words (byte ranges of
// the key stream).
func (t *wordTrie) find(key []byte, words []namekey.Word, fn func(pattern int, first, last int)) {
	n := len(words)
	for i := 0; i < n; {
		node := uint32(0)
		best, bestEnd := int32(-1), -1
		for j := i; j < n; j++ {
			w := words[j]
			id, ok := t.words[string(key[w.KeyStart:w.KeyEnd])]
			if !ok {
				break
			}
			child, ok := t.edges[uint64(node)<<32|uint64(id)]
			if !ok {
				break
			}
			node = child
			if p := t.pattern[node]; p >= 0 {
				best, bestEnd = p, j
			}
		}
		if best >= 0 {
			fn(int(best), i, bestEnd)
			i = bestEnd + 1
			continue
		}
		i++
	}
}

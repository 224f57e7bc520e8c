package store

import (
	"fmt"
	"testing"
)

// Phrases are checked in the text because the SQLite index keeps no
// positions: the words in order, adjacent, ignoring case and accents.
func TestMatchesPhrases(t *testing.T) {
	const title = "Belgium attributes attacks"
	const text = "The FPS Interior was hit; the Défense belge also. CVE-2021-26855 was used."
	cases := []struct {
		query string
		want  bool
	}{
		{`"FPS Interior"`, true},
		{`"Interior FPS"`, false},
		{`"fps   interior" belgium`, true},
		{`"defense belge"`, true},
		{`CVE-2021-26855`, true},
		{`CVE-2021-26856`, false},
		{`"belgium attributes"`, true},
		{`"attacks the"`, true}, // title then text: one run of words
		{`x -"FPS Interior"`, false},
		{`x -"Interior FPS"`, true},
		{`"Interior FPS" OR "FPS Interior"`, true},
		{`Belgium`, true}, // single words are the index's job
	}
	for _, c := range cases {
		if got := parseQuery(c.query).matchesPhrases(title, text); got != c.want {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
}

// A query matching more articles than rankWindow is ranked among the
// latest rankWindow of them, on both backends.
func TestSearchRankWindow(t *testing.T) {
	old := rankWindow
	rankWindow = 3
	defer func() { rankWindow = old }()
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			s := openTestStore(t, backend)
			f := newFixture(t, s)
			for i := 0; i < 5; i++ {
				a := art(fmt.Sprintf("w-%d", i), "Window", fmt.Sprintf("APT31 attacked ministry number %d.", i), "en", "2022-07-19", uint64(i+1)*0x9E37_79B9_7F4A_7C15, apt31)
				f.save(f.doc(fmt.Sprintf("https://w.example/%d", i), day0), a)
			}
			hits, err := s.Search(f.ctx, "ministry", 10)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, h := range hits {
				got[h.ID] = true
			}
			if len(hits) != 3 || !got["w-2"] || !got["w-3"] || !got["w-4"] {
				t.Fatalf("hits %v, want the latest three (w-2, w-3, w-4)", got)
			}
		})
	}
}

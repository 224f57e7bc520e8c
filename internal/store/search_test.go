package store

import "testing"

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

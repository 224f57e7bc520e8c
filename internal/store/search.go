package store

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Snippets mark the matched words with these (plain text, so that every
// output escapes them like any other text).
const (
	snippetOpen  = "**"
	snippetClose = "**"
)

// Search runs a full-text query over titles and texts. The syntax is the
// same on both backends and never fails: words are AND-ed, "quoted
// phrases" match as phrases, OR between terms gives alternatives, -word
// excludes; anything else (stray quotes, brackets, FTS operators) is read
// as plain text. Matching ignores case and accents; English articles (on
// PostgreSQL also Italian, French, German, Spanish, Dutch and Portuguese
// ones) are matched on word stems. Hits come best first; Rank is higher
// for better matches but is not comparable across backends.
func (s *sqlStore) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	q := parseQuery(query)
	rows, err := s.d.search(ctx, s, q, limit)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].rank != rows[j].rank {
			return rows[i].rank > rows[j].rank
		}
		return rows[i].id > rows[j].id
	})
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	sums, err := s.summariesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	hits := make([]SearchHit, 0, len(rows))
	for _, r := range rows {
		sum, ok := sums[r.id]
		if !ok {
			continue // deleted between the two queries
		}
		hits = append(hits, SearchHit{ArticleSummary: sum, Snippet: r.snippet, Rank: r.rank})
	}
	return hits, nil
}

// textQuery is a parsed search: alternatives (OR) of conjunctions (AND) of
// terms.
type textQuery struct {
	groups [][]term
}

type term struct {
	words []string // letters-and-digits runs, for FTS5
	raw   string   // the text as typed, for PostgreSQL's parser
	neg   bool
}

// parseQuery reads user input leniently: it cannot fail.
func parseQuery(s string) *textQuery {
	s = clean(s) // PostgreSQL refuses NUL and invalid UTF-8 in parameters
	q := &textQuery{}
	var cur []term
	flush := func() {
		if hasPositive(cur) {
			q.groups = append(q.groups, cur)
		}
		cur = nil
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '"' || (c == '-' && i+1 < len(s) && s[i+1] == '"'):
			neg := c == '-'
			if neg {
				i++
			}
			i++ // opening quote
			end := strings.IndexByte(s[i:], '"')
			var body string
			if end < 0 { // unterminated: the rest is the phrase
				body, i = s[i:], len(s)
			} else {
				body, i = s[i:i+end], i+end+1
			}
			if words := splitWords(body); len(words) > 0 {
				cur = append(cur, term{words: words, raw: body, neg: neg})
			}
		default:
			end := i
			for end < len(s) && !isSpaceByte(s[end]) && s[end] != '"' {
				end++
			}
			tok := s[i:end]
			i = end
			if strings.EqualFold(tok, "or") {
				flush()
				continue
			}
			neg := false
			if strings.HasPrefix(tok, "-") {
				neg, tok = true, strings.TrimLeft(tok, "-")
			}
			// A token with inner punctuation (CVE-2021-26855, example.com)
			// is a phrase of its words for FTS5, which indexes it so;
			// PostgreSQL's parser gets it whole, as it saw it in the text.
			if words := splitWords(tok); len(words) > 0 {
				cur = append(cur, term{words: words, raw: tok, neg: neg})
			}
		}
	}
	flush()
	return q
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// splitWords keeps the runs of letters and digits: the only characters
// either engine indexes.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

func hasPositive(ts []term) bool {
	for _, t := range ts {
		if !t.neg {
			return true
		}
	}
	return false
}

// fts5 renders the query for FTS5 MATCH. Every term is a string literal
// made only of letters and digits, so the result is always valid syntax.
// FTS5's NOT is binary: a group's exclusions follow its positive terms.
// The indexes keep no word positions, so a phrase is asked for as its
// words (AND) and an excluded phrase is left out: phrases reports
// whether the hits must then be checked with matchesPhrases.
func (q *textQuery) fts5() (match string, phrases bool) {
	var groups []string
	for _, g := range q.groups {
		var pos, neg []string
		for _, t := range g {
			if len(t.words) > 1 {
				phrases = true
				if t.neg {
					continue
				}
			}
			lits := make([]string, len(t.words))
			for i, w := range t.words {
				lits[i] = `"` + w + `"`
			}
			lit := strings.Join(lits, " AND ")
			if len(lits) > 1 {
				lit = "(" + lit + ")"
			}
			if t.neg {
				neg = append(neg, lit)
			} else {
				pos = append(pos, lit)
			}
		}
		e := "(" + strings.Join(pos, " AND ") + ")"
		for _, n := range neg {
			e = "(" + e + " NOT " + n + ")"
		}
		groups = append(groups, e)
	}
	return strings.Join(groups, " OR "), phrases
}

// matchesPhrases checks the phrases of the query against a hit's title
// and text: some group must have each of its phrases in order and none of
// its excluded phrases. Single words were matched by the index (stemmed
// where it stems) and are not checked again.
func (q *textQuery) matchesPhrases(title, text string) bool {
	words := append(phraseWords(title), phraseWords(text)...)
	for _, g := range q.groups {
		ok := true
		for _, t := range g {
			if len(t.words) > 1 && containsRun(words, phraseWords(strings.Join(t.words, " "))) == t.neg {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// phraseWords folds s as the index does (case, accents) into its words.
func phraseWords(s string) []string {
	return splitWords(strings.ToLower(fold(s)))
}

// containsRun reports whether run occurs in words, in order and adjacent.
func containsRun(words, run []string) bool {
	if len(run) == 0 {
		return true
	}
	for i := 0; i+len(run) <= len(words); i++ {
		if words[i] == run[0] && slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// websearch renders the query for websearch_to_tsquery, accent-folded like
// the indexed text. Every term is quoted, so that nothing in it (a word
// "or", a leading "-") is read as an operator; a quoted single word is
// still stemmed.
func (q *textQuery) websearch() string {
	var groups []string
	for _, g := range q.groups {
		var parts []string
		for _, t := range g {
			p := `"` + fold(t.raw) + `"`
			if t.neg {
				p = "-" + p
			}
			parts = append(parts, p)
		}
		groups = append(groups, strings.Join(parts, " "))
	}
	return strings.Join(groups, " or ")
}

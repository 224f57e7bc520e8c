package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strconv"
	"strings"
)

// The queries SaveAnalysis runs for every document (SQLite prepares them
// once: see hotQueries).
const (
	qAnalysedDocument = `SELECT fetched_at, published FROM documents WHERE id = ?`
	// The article a document carries, its first document, and how many
	// other documents carry it.
	qCurrentArticle = `SELECT ad.article_id, a.document_id,
			(SELECT COUNT(*) FROM article_documents x WHERE x.article_id = ad.article_id AND x.document_id <> ad.document_id)
		FROM article_documents ad JOIN articles a ON a.id = ad.article_id WHERE ad.document_id = ?`
	qUnlinkDocument = `DELETE FROM article_documents WHERE document_id = ?`
	qDeleteArticle  = `DELETE FROM articles WHERE id = ?`
	qUnassignStory  = `DELETE FROM story_articles WHERE article_id = ?`
	qLinkDocument   = `INSERT INTO article_documents (article_id, document_id) VALUES (?, ?)`
	// Articles sharing a band with a fingerprint: one indexed lookup per
	// band, answered from the (band, fingerprint) indexes alone (SQLite
	// would otherwise read past each candidate's text to its fingerprint).
	qNearCandidates = `SELECT id, fingerprint FROM articles WHERE band0 = ?
		UNION SELECT id, fingerprint FROM articles WHERE band1 = ?
		UNION SELECT id, fingerprint FROM articles WHERE band2 = ?
		UNION SELECT id, fingerprint FROM articles WHERE band3 = ?`
	// Whether a candidate within reach has a text and is carried by a
	// document other than the one being analysed.
	qNearDuplicateOK = `SELECT 1 FROM articles a WHERE a.id = ? AND a.text <> ''
		AND EXISTS (SELECT 1 FROM article_documents ad WHERE ad.article_id = a.id AND ad.document_id <> ?)`
	qSetExternalID = `UPDATE articles SET external_id = ?
		WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles o WHERE o.external_id = ? AND o.id <> ?)`
)

// derivedTables hold what an analysis says of an article: their columns
// after article_id, and the PostgreSQL type of each (for arrays).
var derivedTables = []string{"article_entities", "mentions", "article_countries", "article_sectors", "article_cves", "indicators", "claims"}

var derivedCols = map[string][]string{
	"article_entities":  {"entity_id", "kind", "type", "name", "attack_id", "sponsor", "confidence", "date"},
	"mentions":          {"entity_id", "text", "start_pos", "end_pos", "rule"},
	"article_countries": {"code", "role"},
	"article_sectors":   {"sector"},
	"article_cves":      {"cve"},
	"indicators":        {"type", "value"},
	"claims": {"seq", "type", "subject_kind", "subject_id", "subject_name", "object_kind", "object_id", "object_name",
		"attributor_kind", "attributor_id", "attributor_name", "hedge", "denies", "date", "start_pos", "end_pos", "evidence", "language"},
}

var derivedTypes = map[string][]string{
	"article_entities":  {"text", "text", "text", "text", "text", "text", "float8", "text"},
	"mentions":          {"text", "text", "bigint", "bigint", "text"},
	"article_countries": {"text", "text"},
	"article_sectors":   {"text"},
	"article_cves":      {"text"},
	"indicators":        {"text", "text"},
	"claims": {"bigint", "text", "text", "text", "text", "text", "text", "text",
		"text", "text", "text", "text", "text", "text", "bigint", "bigint", "text", "text"},
}

// hotQueries are the statements worth preparing once per connection.
func (s *sqlStore) hotQueries() []string {
	q := []string{qAnalysedDocument, qCurrentArticle, qUnlinkDocument, qDeleteArticle, qLinkDocument, qNearCandidates, qNearDuplicateOK,
		qSetExternalID, qInsertDocument, s.insertArticleSQL(), s.updateArticleSQL(), qUpsertStory, qAssignStory, qStoryDates, qDropEmptyStory, qUnassignStory}
	for _, t := range derivedTables {
		q = append(q, deleteDerivedSQL(t), insertRowSQL(t))
	}
	return q
}

// nearDupBits is the largest Hamming distance between the fingerprints of
// two texts that are taken for copies of one article.
const nearDupBits = 3

// bands splits a fingerprint into four 16-bit bands. Two fingerprints
// within 3 bits differ in at most 3 bands, so they agree on at least one
// (pigeonhole): candidates are found by four equality lookups.
func bands(fp uint64) [4]int64 {
	return [4]int64{int64(fp & 0xFFFF), int64(fp >> 16 & 0xFFFF), int64(fp >> 32 & 0xFFFF), int64(fp >> 48 & 0xFFFF)}
}

// SaveAnalysis replaces what is derived from document docID, in one
// transaction:
//
//   - a document that is the first carrier of an article other documents
//     also carry keeps that article, updated in place (its copies stay);
//   - otherwise, when another document's article is a near duplicate
//     (fingerprints within 3 bits, both texts non-empty), docID is
//     attached to it and the analysis is not stored: the article is the
//     one its first document gave;
//   - otherwise docID's own article is updated in place, or created.
//
// Updating in place keeps the article's id (and so "a<id>" external ids)
// stable across reprocessing.
func (s *sqlStore) SaveAnalysis(ctx context.Context, docID int64, a *Analysis) (int64, error) {
	saved, err := s.SaveAnalyses(ctx, []Save{{DocumentID: docID, Analysis: a}})
	if err != nil {
		return 0, err
	}
	return saved[0].ArticleID, nil
}

// SaveAnalyses runs SaveAnalysis's steps for each item, in one
// transaction.
func (s *sqlStore) SaveAnalyses(ctx context.Context, items []Save) ([]Saved, error) {
	arts := make([]Article, len(items))
	for i, it := range items {
		art, err := cleanAnalysis(it.Analysis)
		if err != nil {
			return nil, fmt.Errorf("store: analysis of document %d: %w", it.DocumentID, err)
		}
		arts[i] = art
	}
	var saved []Saved
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		saved = make([]Saved, 0, len(items))
		if err := s.d.relaxCommit(ctx, tx); err != nil {
			return err
		}
		for i, it := range items {
			sv, err := s.saveAnalysis(ctx, tx, it.DocumentID, &arts[i], it.Analysis)
			if err != nil {
				if errors.Is(err, ErrNotFound) {
					return fmt.Errorf("store: document %d: %w", it.DocumentID, err)
				}
				return fmt.Errorf("store: save analysis of document %d: %w", it.DocumentID, err)
			}
			saved = append(saved, sv)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// cleanAnalysis returns a's article cleaned for storage, after checking
// what the database cannot.
func cleanAnalysis(a *Analysis) (Article, error) {
	if a == nil {
		return Article{}, errors.New("nil analysis")
	}
	art := a.Article
	art.Title, art.Text, art.URL, art.ExternalID = clean(art.Title), clean(art.Text), clean(art.URL), clean(art.ExternalID)
	art.Language = strings.ToLower(art.Language)
	for _, m := range a.Mentions {
		if m.Start < 0 || m.End < m.Start || m.End > len(art.Text) {
			return art, fmt.Errorf("mention %q at %d-%d is outside the text (%d bytes)", m.Text, m.Start, m.End, len(art.Text))
		}
	}
	return art, nil
}

func (s *sqlStore) saveAnalysis(ctx context.Context, tx *sql.Tx, docID int64, art *Article, a *Analysis) (Saved, error) {
	// Locking the document serializes two analyses of it (PostgreSQL).
	var fetched timeValue
	var docPublished string
	err := s.queryRow(ctx, tx, qAnalysedDocument+s.d.forUpdate(), docID).Scan(&fetched, &docPublished)
	if errors.Is(err, sql.ErrNoRows) {
		return Saved{}, ErrNotFound
	}
	if err != nil {
		return Saved{}, err
	}
	if art.Published == "" {
		art.Published = dayOf(docPublished)
	}
	date := dayOf(art.Published)
	if date == "" && !fetched.t.IsZero() {
		date = fetched.t.UTC().Format("2006-01-02")
	}
	hasText := art.Text != ""
	if hasText {
		if err := s.d.lockNearDup(ctx, tx, art.Fingerprint); err != nil {
			return Saved{}, err
		}
	}

	// The article docID carries now, if any, and whether others carry it.
	var old, first int64
	var others int
	err = s.queryRow(ctx, tx, qCurrentArticle, docID).Scan(&old, &first, &others)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Saved{}, err
	}
	if old != 0 && others > 0 {
		if first == docID {
			return Saved{ArticleID: old}, s.writeArticle(ctx, tx, old, docID, art, date, a)
		}
		// A copy: let go of the article, which stays with its other
		// documents; the near-duplicate lookup below normally finds it
		// again.
		if _, err := s.exec(ctx, tx, qUnlinkDocument, docID); err != nil {
			return Saved{}, err
		}
		old = 0
	}
	// Now old, if any, is carried by docID alone.
	if hasText {
		dup, err := s.nearDuplicate(ctx, tx, art.Fingerprint, docID)
		if err != nil {
			return Saved{}, err
		}
		if dup != 0 {
			if old != 0 {
				if _, err := s.exec(ctx, tx, qDeleteArticle, old); err != nil {
					return Saved{}, err
				}
			}
			_, err := s.exec(ctx, tx, qLinkDocument, dup, docID)
			return Saved{ArticleID: dup, Attached: true}, err
		}
	}
	if old != 0 {
		return Saved{ArticleID: old}, s.writeArticle(ctx, tx, old, docID, art, date, a)
	}
	id, err := s.insertArticle(ctx, tx, docID, art, date, a)
	if err != nil {
		return Saved{}, err
	}
	if _, err := s.exec(ctx, tx, qLinkDocument, id, docID); err != nil {
		return Saved{}, err
	}
	return Saved{ArticleID: id}, s.insertDerived(ctx, tx, id, date, a)
}

// nearDuplicate returns the closest article within nearDupBits of fp
// carried by a document other than docID, or 0 (the lowest id among the
// closest).
func (s *sqlStore) nearDuplicate(ctx context.Context, tx *sql.Tx, fp uint64, docID int64) (int64, error) {
	b := bands(fp)
	rows, err := s.query(ctx, tx, qNearCandidates, b[0], b[1], b[2], b[3])
	if err != nil {
		return 0, err
	}
	type candidate struct {
		id   int64
		dist int
	}
	var near []candidate
	for rows.Next() {
		var id, other int64
		if err := rows.Scan(&id, &other); err != nil {
			rows.Close()
			return 0, err
		}
		if d := bits.OnesCount64(fp ^ uint64(other)); d <= nearDupBits {
			near = append(near, candidate{id, d})
		}
	}
	if err := closeRows(rows); err != nil {
		return 0, err
	}
	sort.Slice(near, func(i, j int) bool {
		if near[i].dist != near[j].dist {
			return near[i].dist < near[j].dist
		}
		return near[i].id < near[j].id
	})
	for _, c := range near {
		var one int
		err := s.queryRow(ctx, tx, qNearDuplicateOK, c.id, docID).Scan(&one)
		if err == nil {
			return c.id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	return 0, nil
}

// articleCols are the article columns SaveAnalysis writes, in the order
// articleArgs gives them.
var articleCols = []string{"document_id", "title", "text", "published", "language", "url", "date", "fingerprint", "band0", "band1", "band2", "band3", "story_features"}

func articleArgs(docID int64, art *Article, date string, a *Analysis) []any {
	b := bands(art.Fingerprint)
	return []any{docID, art.Title, art.Text, art.Published, art.Language, art.URL, date, int64(art.Fingerprint), b[0], b[1], b[2], b[3],
		clean(string(a.StoryFeatures))}
}

// insertArticle inserts a new article with its external id: the input's
// when free (one statement), else "a<id>".
func (s *sqlStore) insertArticle(ctx context.Context, tx *sql.Tx, docID int64, art *Article, date string, a *Analysis) (int64, error) {
	_, _, xargs := s.d.articleIndex(art)
	args := append(articleArgs(docID, art, date, a), xargs...)
	var id int64
	if art.ExternalID != "" {
		err := s.queryRow(ctx, tx, s.insertArticleSQL(), append(args, art.ExternalID)...).Scan(&id)
		if !errors.Is(err, sql.ErrNoRows) {
			return id, err
		}
		// Taken: ON CONFLICT inserted nothing.
	}
	if err := s.queryRow(ctx, tx, s.insertArticleSQL(), append(args, nil)...).Scan(&id); err != nil {
		return 0, err
	}
	return id, s.setExternalID(ctx, tx, id, "")
}

// writeArticle replaces article id's content and derived rows in place.
func (s *sqlStore) writeArticle(ctx context.Context, tx *sql.Tx, id, docID int64, art *Article, date string, a *Analysis) error {
	_, _, xargs := s.d.articleIndex(art)
	args := append(append(articleArgs(docID, art, date, a), xargs...), id)
	if _, err := s.exec(ctx, tx, s.updateArticleSQL(), args...); err != nil {
		return err
	}
	// New content: the article's story is decided again.
	if _, err := s.exec(ctx, tx, qUnassignStory, id); err != nil {
		return err
	}
	if err := s.setExternalID(ctx, tx, id, art.ExternalID); err != nil {
		return err
	}
	if err := s.d.deleteDerived(ctx, s, tx, id); err != nil {
		return err
	}
	return s.insertDerived(ctx, tx, id, date, a)
}

func (s *sqlStore) insertArticleSQL() string {
	xcols, xexprs, _ := s.d.articleIndex(&Article{})
	cols := append(append([]string(nil), articleCols...), xcols...)
	exprs := append(strings.Split(placeholders(len(articleCols)), ","), xexprs...)
	return `INSERT INTO articles (` + strings.Join(cols, ", ") + `, external_id) VALUES (` + strings.Join(exprs, ", ") + `, ?)
		ON CONFLICT (external_id) DO NOTHING RETURNING id`
}

func (s *sqlStore) updateArticleSQL() string {
	var set []string
	for _, c := range articleCols {
		set = append(set, c+" = ?")
	}
	xcols, xexprs, _ := s.d.articleIndex(&Article{})
	for i, c := range xcols {
		set = append(set, c+" = "+xexprs[i])
	}
	return `UPDATE articles SET ` + strings.Join(set, ", ") + ` WHERE id = ?`
}

func deleteDerivedSQL(table string) string {
	return `DELETE FROM ` + table + ` WHERE article_id = ?`
}

// insertRowSQL inserts one row of a derived table, skipping duplicates.
func insertRowSQL(table string) string {
	cols := derivedCols[table]
	return `INSERT INTO ` + table + ` (article_id, ` + strings.Join(cols, ", ") + `) VALUES (?, ` + placeholders(len(cols)) + `) ON CONFLICT DO NOTHING`
}

// setExternalID gives article id the input's id unless another article
// has it (the first keeps it), else "a<id>". Each try is one conditional
// UPDATE; a concurrent writer taking the same id makes the transaction
// fail with a unique violation, and writeTx runs it again.
func (s *sqlStore) setExternalID(ctx context.Context, tx *sql.Tx, id int64, want string) error {
	var candidates []string
	if want != "" {
		candidates = append(candidates, want)
	}
	// "a<id>" can only be taken by an input that chose such an id.
	base := "a" + strconv.FormatInt(id, 10)
	candidates = append(candidates, base)
	for k := 2; k < 10; k++ {
		candidates = append(candidates, base+"-"+strconv.Itoa(k))
	}
	for _, c := range candidates {
		res, err := s.exec(ctx, tx, qSetExternalID, c, id, c, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
	}
	return fmt.Errorf("no free external id for article %d", id)
}

func (s *sqlStore) insertDerived(ctx context.Context, tx *sql.Tx, id int64, date string, a *Analysis) error {
	return s.d.insertDerived(ctx, s, tx, id, derivedRows(date, a))
}

// derivedRows turns an analysis into rows of the derived tables (without
// their article_id), cleaned and with empty keys dropped; duplicates are
// left to ON CONFLICT DO NOTHING.
func derivedRows(date string, a *Analysis) map[string][][]any {
	rows := map[string][][]any{}
	add := func(table string, r ...any) { rows[table] = append(rows[table], r) }
	for _, e := range a.Entities {
		if e.EntityID != "" {
			add("article_entities", clean(e.EntityID), clean(e.Kind), clean(e.Type), clean(e.Name), clean(e.AttackID), clean(e.Sponsor), e.Confidence, date)
		}
	}
	for _, m := range a.Mentions {
		add("mentions", clean(m.EntityID), clean(m.Text), int64(m.Start), int64(m.End), clean(m.Rule))
	}
	for _, c := range a.Countries {
		if c.Code != "" {
			add("article_countries", strings.ToUpper(clean(c.Code)), clean(c.Role))
		}
	}
	for _, sec := range a.Sectors {
		if sec != "" {
			add("article_sectors", clean(sec))
		}
	}
	for _, c := range a.CVEs {
		if c != "" {
			add("article_cves", strings.ToUpper(clean(c)))
		}
	}
	for _, ind := range a.Indicators {
		if ind.Value != "" {
			add("indicators", clean(ind.Type), clean(ind.Value))
		}
	}
	for _, c := range a.Claims {
		denies := make([]string, len(c.Denies))
		for i, d := range c.Denies {
			denies[i] = strconv.Itoa(d)
		}
		add("claims", int64(c.Seq), clean(c.Type), clean(c.Subject.Kind), clean(c.Subject.ID), clean(c.Subject.Name),
			clean(c.Object.Kind), clean(c.Object.ID), clean(c.Object.Name),
			clean(c.Attributor.Kind), clean(c.Attributor.ID), clean(c.Attributor.Name),
			clean(c.Hedge), strings.Join(denies, ","), clean(c.Date), int64(c.Start), int64(c.End), clean(c.Evidence), clean(c.Language))
	}
	return rows
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
)

// openPostgres opens a PostgreSQL store through pgx's database/sql adapter.
// database/sql rather than pgxpool: goose needs a *sql.DB anyway, and one
// query layer for both backends keeps their behaviour identical; pgx's
// statement cache still prepares each query once per connection. The
// schema is the connection's search_path (a search_path=... parameter in
// the URL selects another).
func openPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	n := max(8, 4*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	var schema sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	if !schema.Valid {
		db.Close()
		return nil, errors.New("store: open postgres: no schema on the search_path exists")
	}
	locker, err := postgresLocker(schema.String)
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db, goose.DialectPostgres, "postgres", locker); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	return &sqlStore{w: db, r: db, d: pgDialect{}}, nil
}

type pgDialect struct{}

func (pgDialect) name() string           { return "postgres" }
func (pgDialect) rebind(q string) string { return rebindDollar(q) }
func (pgDialect) forUpdate() string      { return " FOR NO KEY UPDATE" }

func (pgDialect) timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// tsConfigs maps languages to PostgreSQL's built-in text search
// configurations (stemming and stop words); other languages get 'simple'.
var tsConfigs = map[string]string{
	"en": "english", "it": "italian", "fr": "french", "de": "german",
	"es": "spanish", "nl": "dutch", "pt": "portuguese",
}

// tsConfigNames is every configuration an article can have: Search runs
// the query once per configuration, each against the articles indexed
// with it.
var tsConfigNames = []string{"english", "italian", "french", "german", "spanish", "dutch", "portuguese", "simple"}

func tsConfig(lang string) string {
	if c, ok := tsConfigs[lang]; ok {
		return c
	}
	return "simple"
}

// maxIndexed bounds the text given to to_tsvector: a tsvector cannot
// exceed 1 MB, and an article that long is indexed by its first part
// rather than refused.
const maxIndexed = 256 << 10

// articleIndex writes the search vector from accent-folded text (see
// fold), so that search ignores accents without the unaccent extension.
func (pgDialect) articleIndex(a *Article) ([]string, []string, []any) {
	cfg := tsConfig(a.Language)
	text := a.Text
	if len(text) > maxIndexed {
		text = truncateUTF8(text, maxIndexed)
	}
	return []string{"ts_config", "tsv"},
		[]string{
			"CAST(? AS text)::regconfig",
			"setweight(to_tsvector(CAST(? AS text)::regconfig, ?), 'A') || setweight(to_tsvector(CAST(? AS text)::regconfig, ?), 'B')",
		},
		[]any{cfg, cfg, fold(a.Title), cfg, fold(text)}
}

// lockNearDup takes a transaction-scoped advisory lock per 16-bit band of
// the fingerprint. Near duplicates share a band value, so the second of
// two concurrent copies waits for the first to commit and then finds it.
// The locks are taken in band order, so two transactions cannot deadlock
// on them.
func (pgDialect) lockNearDup(ctx context.Context, tx *sql.Tx, fp uint64) error {
	const space = int64(0x61707477) << 32 // "aptw": keeps clear of other advisory locks
	var keys [4]any
	for i, b := range bands(fp) {
		keys[i] = space | int64(i)<<16 | b
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1), pg_advisory_xact_lock($2), pg_advisory_xact_lock($3), pg_advisory_xact_lock($4)`, keys[:]...)
	return err
}

// pgInsertDerived and pgDeleteDerived do all derived tables in one
// statement each (one round trip instead of six): data-modifying CTEs, and
// rows passed as one array per column, so that the statement's text, and
// so pgx's prepared statement, is the same whatever the row counts.
var pgInsertDerived, pgDeleteDerived = func() (string, string) {
	var ins, del []string
	n := 2 // $1 is the article id
	for i, t := range derivedTables {
		var arrays []string
		for _, typ := range derivedTypes[t] {
			arrays = append(arrays, fmt.Sprintf("$%d::%s[]", n, typ))
			n++
		}
		ins = append(ins, fmt.Sprintf("i%d AS (INSERT INTO %s (article_id, %s) SELECT $1, * FROM unnest(%s) ON CONFLICT DO NOTHING)",
			i, t, strings.Join(derivedCols[t], ", "), strings.Join(arrays, ", ")))
		del = append(del, fmt.Sprintf("d%d AS (DELETE FROM %s WHERE article_id = $1)", i, t))
	}
	return "WITH " + strings.Join(ins, ",\n") + "\nSELECT 1", "WITH " + strings.Join(del, ",\n") + "\nSELECT 1"
}()

func (pgDialect) insertDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64, rows map[string][][]any) error {
	args := []any{id}
	for _, t := range derivedTables {
		for j, typ := range derivedTypes[t] {
			switch typ {
			case "text":
				col := make([]string, 0, len(rows[t]))
				for _, r := range rows[t] {
					col = append(col, r[j].(string))
				}
				args = append(args, col)
			case "bigint":
				col := make([]int64, 0, len(rows[t]))
				for _, r := range rows[t] {
					col = append(col, r[j].(int64))
				}
				args = append(args, col)
			case "float8":
				col := make([]float64, 0, len(rows[t]))
				for _, r := range rows[t] {
					col = append(col, r[j].(float64))
				}
				args = append(args, col)
			default:
				return fmt.Errorf("store: no array for type %s", typ)
			}
		}
	}
	_, err := tx.ExecContext(ctx, pgInsertDerived, args...)
	return err
}

func (pgDialect) deleteDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, pgDeleteDerived, id)
	return err
}

// relaxCommit turns off synchronous_commit for the transaction: it saves
// the WAL flush (about a fifth of SaveAnalysis's time here). This is safe
// because everything SaveAnalysis writes is derived: a crash can lose the
// last fraction of a second of analyses (never corrupt anything, and each
// transaction is kept or lost whole), and their documents are then
// pending again, which is what PendingDocuments resumes from. Documents
// themselves are committed synchronously.
func (pgDialect) relaxCommit(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off")
	return err
}

func (pgDialect) retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505": // serialization failure, deadlock, unique race
		return true
	}
	return false
}

// search runs the query under every text search configuration, each
// against the articles indexed with it, so that each article is matched
// with its own language's stemming. websearch_to_tsquery accepts any input
// without error. Snippets come from ts_headline over the original text,
// computed only for the rows returned. As on SQLite, a query matching
// more than rankWindow articles is ranked among the latest rankWindow:
// ts_rank reads each match's whole vector.
func (pgDialect) search(ctx context.Context, s *sqlStore, q *textQuery, limit int) ([]searchRow, error) {
	ws := q.websearch()
	if ws == "" {
		return nil, nil
	}
	// One branch per configuration, each with its configuration as a
	// constant: the planner then estimates each branch's matches from
	// the index statistics. (Joined with a list of configurations, it
	// guessed a handful of rows and read every article's vector.)
	// Each branch parses the query once and hands its tsquery on to the
	// ranking and the snippets.
	window := strconv.Itoa(rankWindow)
	var branches []string
	var args []any
	for _, cfg := range tsConfigNames {
		branches = append(branches, `(SELECT a.id, websearch_to_tsquery('`+cfg+`'::regconfig, ?) AS tsq FROM articles a
			WHERE a.ts_config = '`+cfg+`'::regconfig AND a.tsv @@ websearch_to_tsquery('`+cfg+`'::regconfig, ?)
			ORDER BY a.id DESC LIMIT `+window+`)`)
		args = append(args, ws, ws)
	}
	query := `WITH matches AS (
			SELECT id, tsq FROM (` + strings.Join(branches, " UNION ALL ") + `) u
			ORDER BY id DESC LIMIT ` + window + `
		), hits AS (
			SELECT m.id, ts_rank(a.tsv, m.tsq) AS rank, m.tsq
			FROM matches m JOIN articles a ON a.id = m.id
			ORDER BY rank DESC, m.id DESC` + limitClause(limit) + `
		)
		SELECT h.id, h.rank, ts_headline(a.ts_config, a.text, h.tsq,
			'StartSel=` + snippetOpen + `, StopSel=` + snippetClose + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
		FROM hits h JOIN articles a ON a.id = h.id
		ORDER BY h.rank DESC, h.id DESC`
	rows, err := s.query(ctx, s.r, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	var out []searchRow
	for rows.Next() {
		var r searchRow
		if err := rows.Scan(&r.id, &r.rank, &r.snippet); err != nil {
			rows.Close()
			return nil, err
		}
		r.snippet = strings.TrimSpace(r.snippet)
		out = append(out, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return out, nil
}

// badDocuments hashes in the server: the bytes need not cross the network.
func (pgDialect) badDocuments(ctx context.Context, s *sqlStore) ([]int64, error) {
	return s.ids(ctx, `SELECT id FROM documents WHERE raw IS NULL OR encode(sha256(raw), 'hex') <> content_hash ORDER BY id`)
}

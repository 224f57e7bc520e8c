package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite connection settings. busy_timeout makes a connection wait for a
// lock held by another process instead of failing; _txlock=immediate takes
// the write lock at BEGIN, so a transaction never fails half-way when it
// upgrades from reading to writing. synchronous=NORMAL is safe in WAL mode
// (a power cut may lose the last commits, never corrupt the file).
// The writer's page cache is 64 MiB and the file is mapped up to 1 GiB:
// saving slowed down as the file outgrew the former 16 MiB and 256 MiB
// (BenchmarkSaveAnalysesBatched: 330 against 425 articles/s at 28,000).
const (
	sqliteCommon = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=mmap_size(1073741824)&_pragma=temp_store(MEMORY)"
	sqliteWriter = sqliteCommon + "&_pragma=cache_size(-65536)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	sqliteReader = sqliteCommon + "&_pragma=cache_size(-16000)&_pragma=query_only(1)"
)

// memoryPath opens a private in-memory store (for tests of other
// packages): one connection serves reads and writes, since every
// connection to ":memory:" is a database of its own.
const memoryPath = ":memory:"

func openSQLite(ctx context.Context, path string) (Store, error) {
	if path == "" {
		return nil, errors.New("store: empty SQLite path")
	}
	if path == memoryPath {
		return openSQLiteMemory(ctx)
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("store: SQLite path %q: '?' is not allowed in a path", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	w, err := sql.Open("sqlite", path+"?"+sqliteWriter)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One writer connection: SQLite allows one writer at a time anyway, and
	// queueing in database/sql is cheaper and surer than lock retries.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	if err := setupSQLite(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", path+"?"+sqliteReader)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	// Planner statistics, as SQLite advises for each open: cheap (bounded
	// by analysis_limit) and only where they are missing or stale.
	if _, err := w.ExecContext(ctx, "PRAGMA analysis_limit = 400"); err == nil {
		_, _ = w.ExecContext(ctx, "PRAGMA optimize = 0x10002")
	}
	s := &sqlStore{w: w, r: r, d: sqliteDialect{}}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return s, nil
}

// setupSQLite connects and runs the migrations, again when another
// process doing the same to the same new file at the same moment made
// either fail: switching a new file to WAL can fail with SQLITE_BUSY
// without waiting, and goose has no lock for SQLite. Each migration is one
// transaction, so the loser's attempt rolled back and the next one finds
// the schema up to date.
func setupSQLite(ctx context.Context, db *sql.DB) error {
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		if err = db.PingContext(ctx); err == nil {
			if err = migrate(ctx, db, goose.DialectSQLite3, "sqlite"); err == nil {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
		}
	}
	return err
}

func openSQLiteMemory(ctx context.Context) (Store, error) {
	w, err := sql.Open("sqlite", memoryPath+"?"+sqliteWriter)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", memoryPath, err)
	}
	// The database lives as long as its one connection: never let it go.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	if err := setupSQLite(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", memoryPath, err)
	}
	s := &sqlStore{w: w, r: w, d: sqliteDialect{}}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", memoryPath, err)
	}
	return s, nil
}

type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) forUpdate() string      { return "" }

// Times are stored as RFC 3339 text in UTC: readable, sortable, and parsed
// back by timeValue.
func (sqliteDialect) timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// The FTS5 tables are kept in step by triggers (see the migration).
func (sqliteDialect) articleIndex(*Article) ([]string, []string, []any) { return nil, nil, nil }

// The single writer connection already serializes SaveAnalysis.
func (sqliteDialect) lockNearDup(context.Context, *sql.Tx, uint64) error { return nil }

// WAL with synchronous=NORMAL already commits without an fsync.
func (sqliteDialect) relaxCommit(context.Context, *sql.Tx) error { return nil }

// busy_timeout already waits for other processes; nothing to retry.
func (sqliteDialect) retryable(error) bool { return false }

// insertDerived runs the prepared one-row INSERT for each row: SQLite has
// no round trips to save, and a statement per row count would defeat the
// prepared-statement cache.
func (sqliteDialect) insertDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64, rows map[string][][]any) error {
	for _, t := range derivedTables {
		q := insertRowSQL(t)
		for _, r := range rows[t] {
			if _, err := s.exec(ctx, tx, q, append([]any{id}, r...)...); err != nil {
				return fmt.Errorf("insert %s: %w", t, err)
			}
		}
	}
	return nil
}

func (sqliteDialect) deleteDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64) error {
	for _, t := range derivedTables {
		if _, err := s.exec(ctx, tx, deleteDerivedSQL(t), id); err != nil {
			return err
		}
	}
	return nil
}

// rankWindow bounds how many matches a search ranks: BM25 (SQLite) and
// ts_rank (PostgreSQL) are computed for every match before the best are
// known, which took seconds for a query matching most of 80,000 articles.
var rankWindow = 5000

// search queries both FTS5 indexes (every article accent-folded; English
// articles also stemmed) and keeps each article's best rank. FTS5's rank
// (BM25, see the migration) is negative, lower is better; Rank is its
// negation so that, as with PostgreSQL's ts_rank, higher is better.
// Queries with phrases fetch more hits than asked, to be left with enough
// once the hits without the phrase are dropped.
func (sqliteDialect) search(ctx context.Context, s *sqlStore, q *textQuery, limit int) ([]searchRow, error) {
	match, phrases := q.fts5()
	if match == "" {
		return nil, nil
	}
	fetch := limit
	if phrases && limit > 0 {
		fetch = max(10*limit, 200)
	}
	best := map[int64]searchRow{}
	for _, table := range []string{"articles_fts", "articles_fts_en"} {
		// Ranking reads every match; a query matching more articles than
		// rankWindow is ranked among the latest rankWindow of them.
		var floor int64
		err := s.queryRow(ctx, s.r, `SELECT rowid FROM `+table+` WHERE `+table+` MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
			match, rankWindow-1).Scan(&floor)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		rows, err := s.query(ctx, s.r, `SELECT rowid, -rank, snippet(`+table+`, -1, '`+snippetOpen+`', '`+snippetClose+`', '…', 24)
			FROM `+table+` WHERE `+table+` MATCH ? AND rowid >= ? ORDER BY rank`+limitClause(fetch), match, floor)
		if err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		for rows.Next() {
			var r searchRow
			if err := rows.Scan(&r.id, &r.rank, &r.snippet); err != nil {
				rows.Close()
				return nil, err
			}
			if old, ok := best[r.id]; !ok || r.rank > old.rank {
				best[r.id] = r
			}
		}
		if err := closeRows(rows); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
	}
	if phrases {
		if err := s.keepPhrases(ctx, q, best); err != nil {
			return nil, err
		}
	}
	out := make([]searchRow, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	return out, nil
}

// keepPhrases drops the hits whose text lacks the query's phrases.
func (s *sqlStore) keepPhrases(ctx context.Context, q *textQuery, hits map[int64]searchRow) error {
	ids := make([]int64, 0, len(hits))
	for id := range hits {
		ids = append(ids, id)
	}
	keep := map[int64]bool{}
	for _, part := range chunks(ids, 500) {
		rows, err := s.query(ctx, s.r, `SELECT id, title, text FROM articles WHERE id IN (`+placeholders(len(part))+`)`, int64Args(part)...)
		if err != nil {
			return fmt.Errorf("store: search: %w", err)
		}
		for rows.Next() {
			var id int64
			var title, text string
			if err := rows.Scan(&id, &title, &text); err != nil {
				rows.Close()
				return err
			}
			keep[id] = q.matchesPhrases(title, text)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
	}
	for id := range hits {
		if !keep[id] {
			delete(hits, id)
		}
	}
	return nil
}

// badDocuments hashes every document in Go (SQLite has no SHA-256),
// streaming one row at a time.
func (sqliteDialect) badDocuments(ctx context.Context, s *sqlStore) ([]int64, error) {
	rows, err := s.query(ctx, s.r, `SELECT id, content_hash, raw FROM documents ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bad []int64
	for rows.Next() {
		var id int64
		var hash string
		var raw sql.RawBytes // valid until Next: no copy of each page
		if err := rows.Scan(&id, &hash, &raw); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(raw)
		if hex.EncodeToString(sum[:]) != hash {
			bad = append(bad, id)
		}
	}
	return bad, rows.Err()
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

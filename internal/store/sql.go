package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// sqlStore implements Store once, over database/sql, for both backends:
// the queries are the same SQL and the differences (placeholders, locking,
// full-text search, time values) live behind dialect. One implementation
// is what makes "same behaviour on both" checkable by one test suite.
type sqlStore struct {
	w *sql.DB // writes; for SQLite a single connection, so writers queue in Go instead of failing with "database is locked"
	r *sql.DB // reads; for SQLite a separate pool (WAL lets readers run beside the writer), for PostgreSQL the same pool as w
	d dialect
	// stmts are statements prepared once on w (SQLite), by query text.
	stmts map[string]*sql.Stmt
}

// dialect is what differs between SQLite and PostgreSQL.
type dialect interface {
	name() string
	// rebind turns the ? placeholders the queries are written with into
	// the backend's own.
	rebind(q string) string
	// forUpdate is appended to a SELECT that must lock its row until
	// commit ("" where one writer connection already serializes writes).
	forUpdate() string
	// timeArg is how a time is stored (nil for the zero time).
	timeArg(t time.Time) any
	// articleIndex returns extra article columns kept in step with the
	// text (PostgreSQL's tsvector), as column names, value expressions
	// and their arguments.
	articleIndex(a *Article) (cols, exprs []string, args []any)
	// lockNearDup serializes SaveAnalysis calls whose fingerprints could
	// be near-duplicates, so that two syndicated copies saved at once
	// still end as one article.
	lockNearDup(ctx context.Context, tx *sql.Tx, fp uint64) error
	// insertDerived and deleteDerived write and remove the rows of the
	// derived tables of one article.
	insertDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64, rows map[string][][]any) error
	deleteDerived(ctx context.Context, s *sqlStore, tx *sql.Tx, id int64) error
	// relaxCommit lets a SaveAnalysis transaction commit without waiting
	// for its flush to disk, where that costs a wait.
	relaxCommit(ctx context.Context, tx *sql.Tx) error
	// search runs a parsed full-text query.
	search(ctx context.Context, s *sqlStore, q *textQuery, limit int) ([]searchRow, error)
	// badDocuments lists documents whose bytes are missing or do not match
	// their hash.
	badDocuments(ctx context.Context, s *sqlStore) ([]int64, error)
	// retryable reports whether a failed write transaction may succeed if
	// run again (serialization failures, deadlocks, lost unique races).
	retryable(err error) bool
}

type searchRow struct {
	id      int64
	rank    float64
	snippet string
}

func (s *sqlStore) Close() error {
	var errs []error
	if s.r != s.w {
		errs = append(errs, s.r.Close())
	}
	for _, st := range s.stmts {
		st.Close()
	}
	if s.d.name() == "sqlite" {
		// Recommended on close: keeps the query planner's statistics fresh.
		_, _ = s.w.Exec("PRAGMA optimize")
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// writeTx runs fn in a write transaction, again when the backend says the
// failure was a transient conflict.
func (s *sqlStore) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	const attempts = 5
	var err error
	for i := 0; i < attempts; i++ {
		err = s.tryTx(ctx, fn)
		if err == nil || !s.d.retryable(err) || ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Duration(i+1) * 5 * time.Millisecond)
	}
	return err
}

func (s *sqlStore) tryTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *sqlStore) exec(ctx context.Context, q querier, query string, args ...any) (sql.Result, error) {
	if st := s.prepared(ctx, q, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return q.ExecContext(ctx, s.d.rebind(query), args...)
}

func (s *sqlStore) query(ctx context.Context, q querier, query string, args ...any) (*sql.Rows, error) {
	if st := s.prepared(ctx, q, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return q.QueryContext(ctx, s.d.rebind(query), args...)
}

func (s *sqlStore) queryRow(ctx context.Context, q querier, query string, args ...any) *sql.Row {
	if st := s.prepared(ctx, q, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return q.QueryRowContext(ctx, s.d.rebind(query), args...)
}

// prepare prepares the hot queries on the writer. Only SQLite uses it:
// there, compiling a statement costs as much as running it, and the one
// writer connection keeps them for good. (pgx caches prepared statements
// on every PostgreSQL connection by itself.)
func (s *sqlStore) prepare(ctx context.Context) error {
	s.stmts = map[string]*sql.Stmt{}
	for _, q := range s.hotQueries() {
		if _, ok := s.stmts[q]; ok {
			continue
		}
		st, err := s.w.PrepareContext(ctx, s.d.rebind(q))
		if err != nil {
			return fmt.Errorf("prepare %q: %w", q, err)
		}
		s.stmts[q] = st
	}
	return nil
}

// prepared returns the prepared form of query for use through q (a
// transaction or the writer), or nil.
func (s *sqlStore) prepared(ctx context.Context, q querier, query string) *sql.Stmt {
	st, ok := s.stmts[query]
	if !ok {
		return nil
	}
	switch q := q.(type) {
	case *sql.Tx:
		return q.StmtContext(ctx, st) // same connection: no new prepare
	case *sql.DB:
		if q == s.w {
			return st
		}
	}
	return nil
}

// rebindDollar rewrites ? placeholders as $1, $2, ... (the queries never
// contain a literal question mark).
func rebindDollar(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// placeholders returns "?,?,?" for an IN list of n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// clean makes a string storable by both backends without moving any byte:
// PostgreSQL rejects NUL and invalid UTF-8, and mention offsets must stay
// valid, so each bad byte becomes one ASCII byte.
func clean(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b[i] = '?'
		case r == 0:
			b[i] = ' '
		}
		i += size
	}
	return string(b)
}

// timeValue scans a time stored either natively (PostgreSQL) or as
// RFC 3339 text (SQLite).
type timeValue struct{ t time.Time }

func (v *timeValue) Scan(src any) error {
	switch x := src.(type) {
	case nil:
		v.t = time.Time{}
	case time.Time:
		v.t = x.UTC()
	case string:
		return v.parse(x)
	case []byte:
		return v.parse(string(x))
	default:
		return fmt.Errorf("store: cannot scan %T as time", src)
	}
	return nil
}

func (v *timeValue) parse(s string) error {
	if s == "" {
		v.t = time.Time{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("store: bad time %q: %w", s, err)
	}
	v.t = t.UTC()
	return nil
}

// dayOf returns the YYYY-MM-DD prefix of s when it starts with a date,
// else "".
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	for i, c := range []byte(s[:10]) {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return s[:10]
}

// limitClause appends LIMIT when limit > 0 (0 or less means no limit).
func limitClause(limit int) string {
	if limit > 0 {
		return " LIMIT " + strconv.Itoa(limit)
	}
	return ""
}

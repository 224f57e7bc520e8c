package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The shared suite runs every test against both backends. PostgreSQL is
// found at $APTWATCH_TEST_POSTGRES; each test gets its own schema, dropped
// at the end, so tests run in parallel and leave nothing behind.

const defaultTestPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

var backends = []string{"sqlite", "postgres"}

// testBackends adds SQLite in memory (one connection) to the suite.
var testBackends = append([]string{"memory"}, backends...)

func testPostgresDSN() string {
	if v := os.Getenv("APTWATCH_TEST_POSTGRES"); v != "" {
		return v
	}
	return defaultTestPostgres
}

var pgAdmin struct {
	once sync.Once
	db   *sql.DB
	err  error
}

// postgresAdmin returns a connection to the test server, skipping (or
// failing, with APTWATCH_REQUIRE_POSTGRES=1) when it cannot be reached.
func postgresAdmin(tb testing.TB) *sql.DB {
	tb.Helper()
	pgAdmin.once.Do(func() {
		db, err := sql.Open("pgx", testPostgresDSN())
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = db.PingContext(ctx)
			cancel()
		}
		if err != nil && db != nil {
			db.Close()
		}
		pgAdmin.db, pgAdmin.err = db, err
	})
	if pgAdmin.err != nil {
		where := "the DSN in APTWATCH_TEST_POSTGRES"
		if u, err := url.Parse(testPostgresDSN()); err == nil {
			where = u.Redacted()
		}
		msg := fmt.Sprintf("PostgreSQL unreachable at %s (set APTWATCH_TEST_POSTGRES): %v", where, pgAdmin.err)
		if os.Getenv("APTWATCH_REQUIRE_POSTGRES") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return pgAdmin.db
}

// openTestStore opens an empty store of the given backend, closed (and
// for PostgreSQL dropped) when the test ends.
func openTestStore(tb testing.TB, backend string) *sqlStore {
	tb.Helper()
	var admin *sql.DB
	if backend == "postgres" {
		admin = postgresAdmin(tb)
	}
	s, cleanup, err := openEmptyStore(backend, admin)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := cleanup(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// openEmptyStore opens a store in a new temporary directory (SQLite) or a
// new schema (PostgreSQL); cleanup closes it and removes both.
func openEmptyStore(backend string, admin *sql.DB) (*sqlStore, func() error, error) {
	ctx := context.Background()
	switch backend {
	case "memory":
		st, err := Open(ctx, ":memory:")
		if err != nil {
			return nil, nil, err
		}
		return st.(*sqlStore), st.Close, nil
	case "sqlite":
		dir, err := os.MkdirTemp("", "aptwatch-store-")
		if err != nil {
			return nil, nil, err
		}
		st, err := Open(ctx, filepath.Join(dir, "kb", "aptwatch.db"))
		if err != nil {
			os.RemoveAll(dir)
			return nil, nil, err
		}
		return st.(*sqlStore), func() error {
			return errors.Join(st.Close(), os.RemoveAll(dir))
		}, nil
	case "postgres":
		var b [6]byte
		_, _ = rand.Read(b[:])
		schema := "t_" + hex.EncodeToString(b[:])
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			return nil, nil, fmt.Errorf("create schema: %w", err)
		}
		drop := func() error {
			_, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			return err
		}
		u, err := url.Parse(testPostgresDSN())
		if err != nil {
			return nil, nil, errors.Join(err, drop())
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		st, err := Open(ctx, u.String())
		if err != nil {
			return nil, nil, errors.Join(err, drop())
		}
		return st.(*sqlStore), func() error { return errors.Join(st.Close(), drop()) }, nil
	}
	return nil, nil, fmt.Errorf("unknown backend %q", backend)
}

// fixture builds documents and analyses for one store.
type fixture struct {
	t   *testing.T
	s   *sqlStore
	ctx context.Context
	n   int
}

func newFixture(t *testing.T, s *sqlStore) *fixture {
	return &fixture{t: t, s: s, ctx: context.Background()}
}

var day0 = time.Date(2022, 7, 19, 20, 37, 0, 0, time.UTC)

// doc adds a new document (distinct bytes each time) fetched at fetched.
func (f *fixture) doc(rawURL string, fetched time.Time) int64 {
	f.t.Helper()
	f.n++
	d := &Document{
		URL:         rawURL,
		ContentType: "text/html",
		Raw:         []byte(fmt.Sprintf("<html><body>document %d from %s</body></html>", f.n, rawURL)),
		FetchedAt:   fetched,
	}
	id, isNew, err := f.s.AddDocument(f.ctx, d)
	if err != nil || !isNew {
		f.t.Fatalf("AddDocument: id %d new %v err %v", id, isNew, err)
	}
	return id
}

func (f *fixture) save(docID int64, a *Analysis) int64 {
	f.t.Helper()
	id, err := f.s.SaveAnalysis(f.ctx, docID, a)
	if err != nil {
		f.t.Fatalf("SaveAnalysis(%d): %v", docID, err)
	}
	return id
}

// Entities as the catalogue would give them.
var (
	apt27    = EntityRef{EntityID: "actor:apt27", Kind: "actor", Type: "apt", Name: "APT27", AttackID: "G0027", Sponsor: "CN", Confidence: 0.9}
	apt31    = EntityRef{EntityID: "actor:apt31", Kind: "actor", Type: "apt", Name: "APT31", AttackID: "G0128", Sponsor: "CN", Confidence: 0.9}
	gallium  = EntityRef{EntityID: "actor:gallium", Kind: "actor", Type: "apt", Name: "GALLIUM", AttackID: "G0093", Sponsor: "CN", Confidence: 0.8}
	lockbit  = EntityRef{EntityID: "actor:lockbit", Kind: "actor", Type: "ransomware", Name: "LockBit", Confidence: 0.9}
	pingpull = EntityRef{EntityID: "malware:pingpull", Kind: "malware", Type: "rat", Name: "PingPull"}
	mimikatz = EntityRef{EntityID: "tool:mimikatz", Kind: "tool", Name: "Mimikatz"}
	proxylog = EntityRef{EntityID: "vuln:proxylogon", Kind: "vulnerability", Name: "ProxyLogon"}
)

// art builds an analysis whose mentions are every occurrence in text of
// each entity's name (or of the surface forms given in aka).
func art(ext, title, text, lang, published string, fp uint64, ents ...EntityRef) *Analysis {
	a := &Analysis{Article: Article{ExternalID: ext, Title: title, Text: text, Language: lang, Published: published, Fingerprint: fp}}
	for _, e := range ents {
		a.Entities = append(a.Entities, e)
		forms := append([]string{e.Name}, aka[e.EntityID]...)
		for _, form := range forms {
			for off := 0; ; {
				i := strings.Index(text[off:], form)
				if i < 0 {
					break
				}
				a.Mentions = append(a.Mentions, Mention{EntityID: e.EntityID, Text: form, Start: off + i, End: off + i + len(form), Rule: "test"})
				off += i + len(form)
			}
		}
	}
	return a
}

var aka = map[string][]string{
	"actor:gallium": {"Softcell", "UNSC 2814"},
}

// count returns the number of rows of a table (or rows a WHERE selects).
func count(t *testing.T, s *sqlStore, table string, where string, args ...any) int {
	t.Helper()
	q := "SELECT COUNT(*) FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	var n int
	if err := s.queryRow(context.Background(), s.r, q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func summaryIDs(as []ArticleSummary) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func hitIDs(hs []SearchHit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	return out
}

func actorIDs(as []ActorSummary) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.EntityID)
	}
	return out
}

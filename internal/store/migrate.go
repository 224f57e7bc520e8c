package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Each database has its own migrations: the SQL differs (types, FTS5
// against tsvector) more than it agrees.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// migrate brings the schema up to date with goose's Provider API (no
// package-level state, so two stores in one process cannot interfere).
func migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	sub, err := fs.Sub(migrations, "migrations/"+dir)
	if err != nil {
		return err
	}
	opts = append(opts, goose.WithLogger(goose.NopLogger()))
	p, err := goose.NewProvider(dialect, db, sub, opts...)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// postgresLocker makes concurrent Opens of one PostgreSQL schema migrate
// one at a time. The lock id is derived from the schema so that stores in
// different schemas (parallel tests) do not wait for each other.
func postgresLocker(schema string) (goose.ProviderOption, error) {
	id := int64(5887) // arbitrary, keeps clear of goose's default id
	for _, c := range []byte(schema) {
		id = id*31 + int64(c)
	}
	l, err := lock.NewPostgresSessionLocker(lock.WithLockID(id), lock.WithLockTimeout(1, 300))
	if err != nil {
		return nil, err
	}
	return goose.WithSessionLocker(l), nil
}

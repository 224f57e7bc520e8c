package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AddSource adds a source unless one with the same URL exists; it fills
// s.ID, and s.Added when zero.
func (s *sqlStore) AddSource(ctx context.Context, src *Source) (int64, bool, error) {
	if src.URL == "" {
		return 0, false, errors.New("store: source without URL")
	}
	if src.Added.IsZero() {
		src.Added = time.Now().UTC()
	}
	var id int64
	err := s.queryRow(ctx, s.w, `INSERT INTO sources (url, title, language, etag, last_modified, last_polled, last_error, errors, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING id`,
		clean(src.URL), clean(src.Title), src.Language, clean(src.ETag), clean(src.LastModified),
		s.d.timeArg(src.LastPolled), clean(src.LastError), src.Errors, s.d.timeArg(src.Added)).Scan(&id)
	isNew := true
	if errors.Is(err, sql.ErrNoRows) {
		isNew = false
		err = s.queryRow(ctx, s.r, `SELECT id FROM sources WHERE url = ?`, clean(src.URL)).Scan(&id)
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: add source: %w", err)
	}
	src.ID = id
	return id, isNew, nil
}

// Sources lists every source in the order they were added.
func (s *sqlStore) Sources(ctx context.Context) ([]Source, error) {
	rows, err := s.query(ctx, s.r, `SELECT id, url, title, language, etag, last_modified, last_polled, last_error, errors, added
		FROM sources ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	var out []Source
	for rows.Next() {
		var src Source
		var polled, added timeValue
		if err := rows.Scan(&src.ID, &src.URL, &src.Title, &src.Language, &src.ETag, &src.LastModified,
			&polled, &src.LastError, &src.Errors, &added); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: sources: %w", err)
		}
		src.LastPolled, src.Added = polled.t, added.t
		out = append(out, src)
	}
	return out, closeRows(rows)
}

// UpdateSource writes back everything but the id and the time it was
// added (the URL included: a feed that moved keeps its history).
func (s *sqlStore) UpdateSource(ctx context.Context, src *Source) error {
	res, err := s.exec(ctx, s.w, `UPDATE sources SET url = ?, title = ?, language = ?, etag = ?, last_modified = ?,
		last_polled = ?, last_error = ?, errors = ? WHERE id = ?`,
		clean(src.URL), clean(src.Title), src.Language, clean(src.ETag), clean(src.LastModified),
		s.d.timeArg(src.LastPolled), clean(src.LastError), src.Errors, src.ID)
	if err != nil {
		return fmt.Errorf("store: update source: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

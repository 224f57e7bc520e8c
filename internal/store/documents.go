package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// AddDocument stores d unless a document with the same bytes exists. It
// fills d.ContentHash when empty (and refuses one that does not match
// d.Raw), d.FetchedAt when zero, and d.ID.
func (s *sqlStore) AddDocument(ctx context.Context, d *Document) (int64, bool, error) {
	sum := sha256.Sum256(d.Raw)
	hash := hex.EncodeToString(sum[:])
	if d.ContentHash != "" && d.ContentHash != hash {
		return 0, false, fmt.Errorf("store: document content hash %s does not match its bytes (%s)", d.ContentHash, hash)
	}
	d.ContentHash = hash
	if d.FetchedAt.IsZero() {
		d.FetchedAt = time.Now().UTC()
	}
	raw := d.Raw
	if raw == nil {
		raw = []byte{} // NOT NULL: an empty document is still a document
	}
	var source any
	if d.SourceID != 0 {
		source = d.SourceID
	}
	// ON CONFLICT DO NOTHING makes the check and the insert one atomic
	// step, even for two processes adding the same page at once.
	var id int64
	err := s.queryRow(ctx, s.w, qInsertDocument,
		source, clean(d.ExternalID), clean(d.URL), clean(d.CanonicalURL), clean(d.ContentType), hash,
		s.d.timeArg(d.FetchedAt), clean(d.Published), raw).Scan(&id)
	isNew := true
	if errors.Is(err, sql.ErrNoRows) {
		isNew = false
		err = s.queryRow(ctx, s.r, `SELECT id FROM documents WHERE content_hash = ?`, hash).Scan(&id)
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: add document: %w", err)
	}
	d.ID = id
	return id, isNew, nil
}

const qInsertDocument = `INSERT INTO documents (source_id, external_id, url, canonical_url, content_type, content_hash, fetched_at, published, raw)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING RETURNING id`

const documentCols = `id, COALESCE(source_id, 0), external_id, url, canonical_url, content_type, content_hash, fetched_at, published, raw`

func scanDocument(sc interface{ Scan(...any) error }) (*Document, error) {
	d := &Document{}
	var fetched timeValue
	if err := sc.Scan(&d.ID, &d.SourceID, &d.ExternalID, &d.URL, &d.CanonicalURL, &d.ContentType, &d.ContentHash, &fetched, &d.Published, &d.Raw); err != nil {
		return nil, err
	}
	d.FetchedAt = fetched.t
	return d, nil
}

func (s *sqlStore) Document(ctx context.Context, id int64) (*Document, error) {
	d, err := scanDocument(s.queryRow(ctx, s.r, `SELECT `+documentCols+` FROM documents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %d: %w", id, err)
	}
	return d, nil
}

func (s *sqlStore) ForEachDocument(ctx context.Context, fn func(*Document) error) error {
	return s.eachDocument(ctx, "", fn)
}

func (s *sqlStore) PendingDocuments(ctx context.Context, fn func(*Document) error) error {
	return s.eachDocument(ctx, ` AND NOT EXISTS (SELECT 1 FROM article_documents ad WHERE ad.document_id = documents.id)`, fn)
}

// eachDocument walks documents in id order, a page at a time: at most a
// page of bytes is in memory, and no read transaction or connection is
// held while fn runs (fn usually writes: reprocessing, recovery). Each
// page is read after the previous one was handled, so a document that fn
// analysed is no longer pending and one added meanwhile is still seen.
func (s *sqlStore) eachDocument(ctx context.Context, where string, fn func(*Document) error) error {
	const page = 32
	var after int64
	for {
		rows, err := s.query(ctx, s.r, `SELECT `+documentCols+` FROM documents WHERE id > ?`+where+` ORDER BY id LIMIT ?`, after, page)
		if err != nil {
			return fmt.Errorf("store: documents: %w", err)
		}
		var docs []*Document
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: documents: %w", err)
			}
			docs = append(docs, d)
		}
		if err := closeRows(rows); err != nil {
			return fmt.Errorf("store: documents: %w", err)
		}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(d); err != nil {
				return err
			}
			after = d.ID
		}
		if len(docs) < page {
			return nil
		}
	}
}

package store

import (
	"context"
	"fmt"
)

// Check reports damage (bytes missing or altered, articles that lost their
// document, mentions outside their text) and pending work (documents
// without an analysis). It reads everything, so it takes a while on a
// large store; it changes nothing.
func (s *sqlStore) Check(ctx context.Context) (*CheckReport, error) {
	r := &CheckReport{}
	var err error
	if err = s.queryRow(ctx, s.r, `SELECT COUNT(*) FROM documents`).Scan(&r.Documents); err != nil {
		return nil, fmt.Errorf("store: check: %w", err)
	}
	if err = s.queryRow(ctx, s.r, `SELECT COUNT(*) FROM articles`).Scan(&r.Articles); err != nil {
		return nil, fmt.Errorf("store: check: %w", err)
	}
	if r.DocumentsNoBytes, err = s.d.badDocuments(ctx, s); err != nil {
		return nil, fmt.Errorf("store: check documents: %w", err)
	}
	if r.DocumentsPending, err = s.ids(ctx, `SELECT d.id FROM documents d
		WHERE NOT EXISTS (SELECT 1 FROM article_documents ad WHERE ad.document_id = d.id) ORDER BY d.id`); err != nil {
		return nil, fmt.Errorf("store: check: %w", err)
	}
	// An article is orphaned when its first document does not carry it
	// (or is gone): nothing could derive it again.
	if r.ArticlesOrphaned, err = s.ids(ctx, `SELECT a.id FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM article_documents ad WHERE ad.article_id = a.id AND ad.document_id = a.document_id)
		ORDER BY a.id`); err != nil {
		return nil, fmt.Errorf("store: check: %w", err)
	}
	// Offsets are in bytes; a mention whose article is gone counts too.
	if err = s.queryRow(ctx, s.r, `SELECT COUNT(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
		WHERE a.id IS NULL OR m.start_pos < 0 OR m.end_pos < m.start_pos OR m.end_pos > octet_length(a.text)`).Scan(&r.MentionsOutOfText); err != nil {
		return nil, fmt.Errorf("store: check: %w", err)
	}
	return r, nil
}

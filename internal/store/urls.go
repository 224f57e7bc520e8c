package store

import (
	"context"
	"fmt"
)

// HasCanonicalURL reports whether a document with this canonical URL is
// stored, so that polling does not fetch again a page it already keeps.
func (s *sqlStore) HasCanonicalURL(ctx context.Context, canonical string) (bool, error) {
	if canonical == "" {
		return false, nil
	}
	var n int
	// Cleaned as when stored (and so that PostgreSQL accepts any input).
	err := s.queryRow(ctx, s.r, `SELECT COUNT(*) FROM (SELECT 1 FROM documents WHERE canonical_url = ? LIMIT 1) x`, clean(canonical)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: look up URL: %w", err)
	}
	return n > 0, nil
}

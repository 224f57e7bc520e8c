package store

import (
	"context"
	"strings"
	"testing"
)

// TestSQLitePlansUseIndexes checks that no statement ingestion runs for
// every article scans a whole table: a scan costs nothing on a test
// database and grows with every article stored.
func TestSQLitePlansUseIndexes(t *testing.T) {
	s := openTestStore(t, "sqlite")
	ctx := context.Background()
	for _, q := range s.hotQueries() {
		n := strings.Count(q, "?")
		args := make([]any, n)
		for i := range args {
			args[i] = 1
		}
		rows, err := s.w.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatalf("explain %q: %v", q, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, line := range plan {
			// "SCAN c" walks the few rows of a subquery, not a table.
			if strings.HasPrefix(line, "SCAN ") && line != "SCAN c" && !strings.Contains(line, "CONSTANT ROW") {
				t.Errorf("%s\nscans a table:\n  %s", q, strings.Join(plan, "\n  "))
				break
			}
		}
	}
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// SaveStories writes story rows (replacing those with the same id) and
// puts articles into stories, in one transaction.
func (s *sqlStore) SaveStories(ctx context.Context, assign []StoryAssignment, stories []StoryRow) error {
	if len(assign) == 0 && len(stories) == 0 {
		return nil
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if err := s.d.relaxCommit(ctx, tx); err != nil {
			return err
		}
		for _, st := range stories {
			if _, err := s.exec(ctx, tx, qUpsertStory, st.ID, clean(st.Title)); err != nil {
				return err
			}
		}
		for _, a := range assign {
			if _, err := s.exec(ctx, tx, qAssignStory, a.StoryID, a.ArticleID); err != nil {
				return err
			}
		}
		for _, st := range stories {
			if _, err := s.exec(ctx, tx, qStoryDates, st.ID, st.ID, st.ID); err != nil {
				return err
			}
			if _, err := s.exec(ctx, tx, qDropEmptyStory, st.ID, st.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save stories: %w", err)
	}
	return nil
}

const (
	qUpsertStory = `INSERT INTO stories (id, title) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title`
	qAssignStory = `INSERT INTO story_articles (article_id, story_id, date) SELECT id, ?, date FROM articles WHERE id = ?
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`
	qDropEmptyStory = `DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?)`
	qStoryDates     = `UPDATE stories SET first_seen = COALESCE((SELECT MIN(date) FROM story_articles WHERE story_id = ?), ''),
		last_seen = COALESCE((SELECT MAX(date) FROM story_articles WHERE story_id = ?), '') WHERE id = ?`
)

func (s *sqlStore) StoryFeatures(ctx context.Context, fn func(articleID, storyID int64, features []byte) error) error {
	rows, err := s.query(ctx, s.r, `SELECT a.id, COALESCE(sa.story_id, 0), a.story_features FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE a.story_features <> '' ORDER BY a.date, a.id`)
	if err != nil {
		return fmt.Errorf("store: story features: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, story int64
		var f string
		if err := rows.Scan(&id, &story, &f); err != nil {
			return fmt.Errorf("store: story features: %w", err)
		}
		if err := fn(id, story, []byte(f)); err != nil {
			return err
		}
	}
	return closeRows(rows)
}

func (s *sqlStore) ResetStories(ctx context.Context) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, `DELETE FROM story_articles`); err != nil {
			return err
		}
		_, err := s.exec(ctx, tx, `DELETE FROM stories`)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: reset stories: %w", err)
	}
	return nil
}

// Stories lists stories with more than one article or not, most recent
// first.
func (s *sqlStore) Stories(ctx context.Context, f StoryFilter) ([]StorySummary, error) {
	where, args := "1 = 1", []any{}
	if f.Since != "" {
		where, args = "last_seen >= ?", append(args, clean(f.Since))
	}
	rows, err := s.query(ctx, s.r, `SELECT id, title, first_seen, last_seen FROM stories WHERE `+where+
		` ORDER BY last_seen DESC, id DESC`+limitClause(f.Limit), args...)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	var out []StorySummary
	byID := map[int64]int{}
	for rows.Next() {
		var st StorySummary
		if err := rows.Scan(&st.ID, &st.Title, &st.FirstSeen, &st.LastSeen); err != nil {
			rows.Close()
			return nil, err
		}
		byID[st.ID] = len(out)
		out = append(out, st)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if err := s.fillStories(ctx, out, byID); err != nil {
		return nil, err
	}
	return out, nil
}

// fillStories adds each story's articles, actors and languages.
func (s *sqlStore) fillStories(ctx context.Context, out []StorySummary, byID map[int64]int) error {
	ids := make([]int64, 0, len(out))
	for _, st := range out {
		ids = append(ids, st.ID)
	}
	langs := make([]map[string]bool, len(out))
	for _, part := range chunks(ids, 500) {
		rows, err := s.query(ctx, s.r, `SELECT sa.story_id, COALESCE(a.external_id, ''), a.language
			FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id IN (`+placeholders(len(part))+`) ORDER BY sa.date, a.id`, int64Args(part)...)
		if err != nil {
			return fmt.Errorf("store: stories: %w", err)
		}
		for rows.Next() {
			var id int64
			var ext, lang string
			if err := rows.Scan(&id, &ext, &lang); err != nil {
				rows.Close()
				return err
			}
			i := byID[id]
			out[i].Articles = append(out[i].Articles, ext)
			if langs[i] == nil {
				langs[i] = map[string]bool{}
			}
			if lang != "" {
				langs[i][lang] = true
			}
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		rows, err = s.query(ctx, s.r, `SELECT sa.story_id, e.name, COUNT(*) FROM story_articles sa
			JOIN article_entities e ON e.article_id = sa.article_id AND e.kind = 'actor'
			WHERE sa.story_id IN (`+placeholders(len(part))+`) GROUP BY sa.story_id, e.entity_id, e.name`, int64Args(part)...)
		if err != nil {
			return fmt.Errorf("store: stories: %w", err)
		}
		counts := map[int64]map[string]int{}
		for rows.Next() {
			var id int64
			var name string
			var n int
			if err := rows.Scan(&id, &name, &n); err != nil {
				rows.Close()
				return err
			}
			if counts[id] == nil {
				counts[id] = map[string]int{}
			}
			counts[id][name] += n
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		for id, c := range counts {
			out[byID[id]].Actors = byCount(c)
		}
	}
	for i := range out {
		for l := range langs[i] {
			out[i].Languages = append(out[i].Languages, l)
		}
		sort.Strings(out[i].Languages)
		if out[i].Articles == nil {
			out[i].Articles = []string{}
		}
		if out[i].Actors == nil {
			out[i].Actors = []string{}
		}
		if out[i].Languages == nil {
			out[i].Languages = []string{}
		}
	}
	return nil
}

// byCount returns the keys of c, most counted first, then by name.
func byCount(c map[string]int) []string {
	out := make([]string, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if c[out[i]] != c[out[j]] {
			return c[out[i]] > c[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// Story returns one story with its articles and their claims.
func (s *sqlStore) Story(ctx context.Context, id int64) (*StoryDetail, error) {
	d := &StoryDetail{}
	err := s.queryRow(ctx, s.r, `SELECT id, title, first_seen, last_seen FROM stories WHERE id = ?`, id).
		Scan(&d.ID, &d.Title, &d.FirstSeen, &d.LastSeen)
	if err == sql.ErrNoRows {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: story: %w", err)
	}
	list := []StorySummary{d.StorySummary}
	if err := s.fillStories(ctx, list, map[int64]int{id: 0}); err != nil {
		return nil, err
	}
	d.StorySummary = list[0]
	if d.ArticleList, err = s.summaries(ctx, "a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", []any{id}, "a.date, a.id", 0); err != nil {
		return nil, err
	}
	if d.Claims, err = s.claims(ctx, "c.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", []any{id}, 0); err != nil {
		return nil, err
	}
	return d, nil
}

const claimCols = `c.article_id, c.seq, c.type, c.subject_kind, c.subject_id, c.subject_name, c.object_kind, c.object_id, c.object_name,
	c.attributor_kind, c.attributor_id, c.attributor_name, c.hedge, c.denies, c.date, c.start_pos, c.end_pos, c.evidence, c.language, a.date`

// claims loads the claims matching where (over claims c), in article date
// order, with their articles and, for claims a denial rejects, who denies;
// with limit > 0, the latest limit of them.
func (s *sqlStore) claims(ctx context.Context, where string, args []any, limit int) ([]ClaimRecord, error) {
	rows, err := s.query(ctx, s.r, `SELECT `+claimCols+` FROM claims c JOIN articles a ON a.id = c.article_id
		WHERE `+where+` ORDER BY a.date DESC, a.id DESC, c.seq DESC`+limitClause(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("store: claims: %w", err)
	}
	var out []ClaimRecord
	var rowArticle []int64 // out[i]'s article id
	var articleIDs []int64
	seen := map[int64]bool{}
	for rows.Next() {
		var r ClaimRecord
		var art, start, end int64
		var denies string
		if err := rows.Scan(&art, &r.Seq, &r.Type, &r.Subject.Kind, &r.Subject.ID, &r.Subject.Name,
			&r.Object.Kind, &r.Object.ID, &r.Object.Name, &r.Attributor.Kind, &r.Attributor.ID, &r.Attributor.Name,
			&r.Hedge, &denies, &r.Date, &start, &end, &r.Evidence, &r.Language, &r.ArticleDate); err != nil {
			rows.Close()
			return nil, err
		}
		r.Start, r.End = int(start), int(end)
		for _, d := range strings.Split(denies, ",") {
			if n, err := strconv.Atoi(d); err == nil {
				r.Denies = append(r.Denies, n)
			}
		}
		out = append(out, r)
		rowArticle = append(rowArticle, art)
		if !seen[art] {
			seen[art] = true
			articleIDs = append(articleIDs, art)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	slices.Reverse(out)
	slices.Reverse(rowArticle)
	arts, err := s.summariesByID(ctx, articleIDs)
	if err != nil {
		return nil, err
	}
	denials, err := s.denials(ctx, articleIDs)
	if err != nil {
		return nil, err
	}
	for i, art := range rowArticle {
		out[i].Article = arts[art]
		out[i].DeniedBy = denials[claimKey{art, out[i].Seq}]
	}
	return out, nil
}

type claimKey struct {
	article int64
	seq     int
}

// denials maps each claim a denial rejects to who denies it.
func (s *sqlStore) denials(ctx context.Context, articles []int64) (map[claimKey][]string, error) {
	out := map[claimKey][]string{}
	for _, part := range chunks(articles, 500) {
		rows, err := s.query(ctx, s.r, `SELECT article_id, denies, attributor_name, subject_name FROM claims
			WHERE type = 'denial' AND article_id IN (`+placeholders(len(part))+`)`, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("store: denials: %w", err)
		}
		for rows.Next() {
			var art int64
			var denies, who, subject string
			if err := rows.Scan(&art, &denies, &who, &subject); err != nil {
				rows.Close()
				return nil, err
			}
			if who == "" {
				who = subject
			}
			for _, d := range strings.Split(denies, ",") {
				if n, err := strconv.Atoi(d); err == nil {
					k := claimKey{art, n}
					out[k] = append(out[k], who)
				}
			}
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Limits of 0 or less mean no limit. Dates compared with Since are an
// article's published date, else the day its first document was fetched.
// Filter strings are cleaned like stored ones (clean), so that any input
// gets an answer rather than an encoding error from PostgreSQL.

// Actors lists actors by the number of articles naming them, most first.
func (s *sqlStore) Actors(ctx context.Context, f ActorFilter) ([]ActorSummary, error) {
	f.Since, f.Country, f.Sector = clean(f.Since), clean(f.Country), clean(f.Sector)
	where := []string{"ae.kind = 'actor'"}
	var args []any
	if f.Since != "" {
		where = append(where, "ae.date >= ?")
		args = append(args, f.Since)
	}
	if f.Country != "" {
		where = append(where, "EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = ae.article_id AND c.code = ? AND c.role = 'victim')")
		args = append(args, strings.ToUpper(f.Country))
	}
	if f.Sector != "" {
		where = append(where, "EXISTS (SELECT 1 FROM article_sectors x WHERE x.article_id = ae.article_id AND x.sector = ?)")
		args = append(args, f.Sector)
	}
	// Names and attributes come from the latest article naming the actor:
	// the catalogue may have improved since the older ones were analysed.
	q := `WITH g AS (
			SELECT ae.entity_id, COUNT(*) AS n, MAX(ae.date) AS last, MAX(ae.article_id) AS latest
			FROM article_entities ae
			WHERE ` + strings.Join(where, " AND ") + `
			GROUP BY ae.entity_id
			ORDER BY n DESC, last DESC, ae.entity_id` + limitClause(f.Limit) + `
		)
		SELECT g.entity_id, e.name, e.kind, e.type, e.attack_id, e.sponsor, g.n, g.last
		FROM g JOIN article_entities e ON e.article_id = g.latest AND e.entity_id = g.entity_id
		ORDER BY g.n DESC, g.last DESC, g.entity_id`
	rows, err := s.query(ctx, s.r, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	var out []ActorSummary
	for rows.Next() {
		var a ActorSummary
		var kind, typ string
		if err := rows.Scan(&a.EntityID, &a.Name, &kind, &typ, &a.AttackID, &a.Sponsor, &a.Articles, &a.LastSeen); err != nil {
			rows.Close()
			return nil, err
		}
		a.Kind = actorKind(kind, typ)
		out = append(out, a)
	}
	return out, closeRows(rows)
}

// actorKind is what ActorSummary.Kind shows: the actor's type (apt,
// ransomware, ...) when known; every actor's entity kind is "actor".
func actorKind(kind, typ string) string {
	if typ != "" {
		return typ
	}
	return kind
}

// ActorProfile gathers what the articles naming an entity say around it.
// Its articles come oldest first (a timeline).
func (s *sqlStore) ActorProfile(ctx context.Context, entityID string) (*ActorProfile, error) {
	entityID = clean(entityID)
	p := &ActorProfile{}
	var latest sql.NullInt64
	var last sql.NullString
	err := s.queryRow(ctx, s.r, `SELECT COUNT(*), MAX(date), MAX(article_id)
		FROM article_entities WHERE entity_id = ?`, entityID).
		Scan(&p.ActorSummary.Articles, &last, &latest)
	if err != nil {
		return nil, fmt.Errorf("store: actor profile: %w", err)
	}
	if p.ActorSummary.Articles == 0 {
		return nil, ErrNotFound
	}
	p.EntityID, p.LastSeen = entityID, last.String
	var kind, typ string
	err = s.queryRow(ctx, s.r, `SELECT name, kind, type, attack_id, sponsor FROM article_entities WHERE article_id = ? AND entity_id = ?`,
		latest.Int64, entityID).Scan(&p.Name, &kind, &typ, &p.AttackID, &p.Sponsor)
	if err != nil {
		return nil, fmt.Errorf("store: actor profile: %w", err)
	}
	p.Kind = actorKind(kind, typ)

	// Tallies walk the actor's articles (x) and what each says: the
	// primary keys make COUNT(*) a count of distinct articles.
	const its = `(SELECT article_id FROM article_entities WHERE entity_id = ?)`

	if p.NamesSeen, err = s.nameCounts(ctx, `SELECT text, COUNT(*) FROM mentions WHERE entity_id = ? GROUP BY text`, entityID); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, s.r, `SELECT c.role, c.code, COUNT(*) FROM article_entities x
		JOIN article_countries c ON c.article_id = x.article_id
		WHERE x.entity_id = ? AND c.role IN ('sponsor', 'victim') GROUP BY c.role, c.code`, entityID)
	if err != nil {
		return nil, fmt.Errorf("store: actor profile: %w", err)
	}
	for rows.Next() {
		var role string
		var c CodeCount
		if err := rows.Scan(&role, &c.Code, &c.Count); err != nil {
			rows.Close()
			return nil, err
		}
		if role == "sponsor" {
			p.Sponsors = append(p.Sponsors, c)
		} else {
			p.Victims = append(p.Victims, c)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	sortCodes(p.Sponsors)
	sortCodes(p.Victims)
	if p.Sectors, err = s.nameCounts(ctx, `SELECT c.sector, COUNT(*) FROM article_entities x
		JOIN article_sectors c ON c.article_id = x.article_id WHERE x.entity_id = ? GROUP BY c.sector`, entityID); err != nil {
		return nil, err
	}

	// CROSS JOIN makes SQLite start from the actor's articles rather than
	// from every malware row (PostgreSQL plans it as an inner join).
	rows, err = s.query(ctx, s.r, `SELECT e.entity_id, e.kind, MAX(e.name), COUNT(*) FROM article_entities x
		CROSS JOIN article_entities e
		WHERE x.entity_id = ? AND e.article_id = x.article_id AND e.kind IN ('malware', 'tool', 'vulnerability')
		GROUP BY e.entity_id, e.kind`, entityID)
	if err != nil {
		return nil, fmt.Errorf("store: actor profile: %w", err)
	}
	for rows.Next() {
		var e EntityCount
		if err := rows.Scan(&e.EntityID, &e.Kind, &e.Name, &e.Count); err != nil {
			rows.Close()
			return nil, err
		}
		if e.Kind == "vulnerability" {
			p.Vulns = append(p.Vulns, e)
		} else {
			p.Malware = append(p.Malware, e)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	cves, err := s.nameCounts(ctx, `SELECT c.cve, COUNT(*) FROM article_entities x
		JOIN article_cves c ON c.article_id = x.article_id WHERE x.entity_id = ? GROUP BY c.cve`, entityID)
	if err != nil {
		return nil, err
	}
	p.Vulns = mergeCVEs(p.Vulns, cves)
	sortEntities(p.Malware)
	sortEntities(p.Vulns)

	p.Articles, err = s.summaries(ctx, "a.id IN "+its, []any{entityID}, "a.date DESC, a.id DESC", ProfileLimit)
	if err != nil {
		return nil, err
	}
	slices.Reverse(p.Articles)
	p.Timeline, err = s.claims(ctx, "c.subject_id = ? AND c.type IN ('attribution', 'sponsorship', 'denial')", []any{entityID}, ProfileLimit)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// mergeCVEs adds CVE ids written in the articles to the vulnerability
// entities, once: a CVE that is also an entity's id or name is that entity.
func mergeCVEs(vulns []EntityCount, cves []NameCount) []EntityCount {
	at := map[string]int{}
	for i, v := range vulns {
		at[strings.ToUpper(v.EntityID)] = i
		at[strings.ToUpper(v.Name)] = i
	}
	for _, c := range cves {
		if i, ok := at[strings.ToUpper(c.Name)]; ok {
			vulns[i].Count = max(vulns[i].Count, c.Count)
			continue
		}
		vulns = append(vulns, EntityCount{EntityID: c.Name, Name: c.Name, Kind: "cve", Count: c.Count})
	}
	return vulns
}

// nameCounts runs a (name, count) query and sorts the result, most first
// (sorted here, not in SQL, so that ties come in the same order on both
// backends).
func (s *sqlStore) nameCounts(ctx context.Context, q string, args ...any) ([]NameCount, error) {
	rows, err := s.query(ctx, s.r, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var out []NameCount
	for rows.Next() {
		var n NameCount
		if err := rows.Scan(&n.Name, &n.Count); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out, closeRows(rows)
}

func sortCodes(cs []CodeCount) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Code < cs[j].Code
	})
}

func sortEntities(es []EntityCount) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Count != es[j].Count {
			return es[i].Count > es[j].Count
		}
		return es[i].EntityID < es[j].EntityID
	})
}

// Articles lists articles newest first.
func (s *sqlStore) Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error) {
	f.EntityID, f.Since = clean(f.EntityID), clean(f.Since)
	where := []string{"1 = 1"}
	var args []any
	if f.EntityID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.entity_id = ?)")
		args = append(args, f.EntityID)
	}
	if f.Since != "" {
		where = append(where, "a.date >= ?")
		args = append(args, f.Since)
	}
	return s.summaries(ctx, strings.Join(where, " AND "), args, "a.date DESC, a.id DESC", f.Limit)
}

const summaryCols = `a.id, COALESCE(a.external_id, ''), a.title, a.url, a.published, a.language`

// summaries lists the articles matching where, in order, with the hosts of
// their documents.
func (s *sqlStore) summaries(ctx context.Context, where string, args []any, order string, limit int) ([]ArticleSummary, error) {
	rows, err := s.query(ctx, s.r, `SELECT `+summaryCols+` FROM articles a WHERE `+where+` ORDER BY `+order+limitClause(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	var out []ArticleSummary
	var ids []int64
	for rows.Next() {
		var id int64
		var a ArticleSummary
		if err := rows.Scan(&id, &a.ID, &a.Title, &a.URL, &a.Published, &a.Language); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
		ids = append(ids, id)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	hosts, err := s.hosts(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[i].Sources = hostList(hosts[id], out[i].URL)
	}
	return out, nil
}

// summariesByID loads the summaries of the given articles.
func (s *sqlStore) summariesByID(ctx context.Context, ids []int64) (map[int64]ArticleSummary, error) {
	out := make(map[int64]ArticleSummary, len(ids))
	for _, part := range chunks(ids, 500) {
		rows, err := s.query(ctx, s.r, `SELECT `+summaryCols+` FROM articles a WHERE a.id IN (`+placeholders(len(part))+`)`, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("store: articles: %w", err)
		}
		for rows.Next() {
			var id int64
			var a ArticleSummary
			if err := rows.Scan(&id, &a.ID, &a.Title, &a.URL, &a.Published, &a.Language); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = a
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
	}
	hosts, err := s.hosts(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, a := range out {
		a.Sources = hostList(hosts[id], a.URL)
		out[id] = a
	}
	return out, nil
}

// hosts returns the URLs of the documents carrying each article.
func (s *sqlStore) hosts(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	for _, part := range chunks(ids, 500) {
		rows, err := s.query(ctx, s.r, `SELECT ad.article_id, d.url FROM article_documents ad JOIN documents d ON d.id = ad.document_id
			WHERE ad.article_id IN (`+placeholders(len(part))+`) ORDER BY ad.article_id, d.id`, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("store: article sources: %w", err)
		}
		for rows.Next() {
			var id int64
			var u string
			if err := rows.Scan(&id, &u); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = append(out[id], u)
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hostList turns document URLs into distinct hosts ("www." dropped: it
// names the same outlet), falling back on the article's own URL when no
// document has one (files, stdin).
func hostList(urls []string, articleURL string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(raw string) {
		h := hostOf(raw)
		if h != "" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	for _, u := range urls {
		add(u)
	}
	if len(out) == 0 {
		add(articleURL)
	}
	return out
}

func hostOf(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func chunks(ids []int64, n int) [][]int64 {
	var out [][]int64
	for len(ids) > 0 {
		k := min(n, len(ids))
		out = append(out, ids[:k])
		ids = ids[k:]
	}
	return out
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// ids runs a query returning one id column.
func (s *sqlStore) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := s.query(ctx, s.r, q, args...)
	if err != nil {
		return nil, err
	}
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, id)
	}
	return out, closeRows(rows)
}

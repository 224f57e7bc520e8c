// Package store keeps aptwatch's knowledge base: sources, raw documents
// (kept forever), the articles cleaned from them, and everything extracted
// from those articles. Two backends implement Store with the same
// behaviour: SQLite (one file, WAL; the default) and PostgreSQL.
//
// Everything below documents is derived: SaveAnalysis replaces a
// document's derived rows in one transaction, so a crash leaves either the
// old rows or the new ones, and PendingDocuments finds documents whose
// analysis never landed.
package store

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// Document is one raw document as fetched or read: its bytes are kept so
// that everything can be derived again.
type Document struct {
	ID           int64
	SourceID     int64  // the feed it came from; 0 for files, stdin and bare URLs
	ExternalID   string // the id the input gave (JSONL "id"); "" if none
	URL          string
	CanonicalURL string // tracking parameters dropped; "" if no URL
	ContentType  string
	ContentHash  string // hex SHA-256 of Raw: one document per content
	Raw          []byte
	FetchedAt    time.Time
	Published    string // YYYY-MM-DD from the input's metadata, or ""
}

// Article is the clean article derived from a document. Syndicated copies
// (the same text under another URL) are one article with several
// documents.
type Article struct {
	ID          int64
	DocumentID  int64  // the first document that carried it
	ExternalID  string // shown to users: the input's id, else "a<ID>"
	Title       string
	Text        string
	Published   string // YYYY-MM-DD or ""
	Language    string // ISO 639-1 or ""
	URL         string
	Fingerprint uint64 // SimHash of the text, for near-duplicates
}

// EntityRef is one catalogue entity named in an article, with what the
// article says of it.
type EntityRef struct {
	EntityID   string // catalogue id; for names the catalogue lacks, "new:<name>"
	Kind       string // actor, malware, tool, vulnerability, campaign
	Type       string // actor kind (apt, ransomware, ...) or malware type
	Name       string // canonical name
	AttackID   string
	Sponsor    string // catalogue sponsor, ISO alpha-2
	Confidence float64
}

// Mention is one believed occurrence of an entity, with byte offsets into
// the article text.
type Mention struct {
	EntityID   string
	Text       string
	Start, End int
	Rule       string
}

// CountryRole is a role a country plays in an article.
type CountryRole struct {
	Code string // ISO alpha-2
	Role string // sponsor, victim, attributor, mentioned
}

// Indicator is an indicator of compromise found in an article.
type Indicator struct {
	Type  string
	Value string
}

// Party is who or what a claim is about or comes from.
type Party struct {
	Kind string // actor, state, organisation, sector, malware, ...
	ID   string // catalogue id when known ("actor:gallium", "country:BE")
	Name string
}

// Claim is one typed statement of an article (see internal/claims).
type Claim struct {
	Seq        int // index in the article; Denies refers to it
	Type       string
	Subject    Party
	Object     Party
	Attributor Party
	Hedge      string
	Denies     []int
	Date       string // the claim's own date (activity, first reported)
	Start, End int    // byte offsets of the evidence sentence in the text
	Evidence   string
	Language   string
}

// Analysis is everything derived from one document.
type Analysis struct {
	Article    Article
	Entities   []EntityRef
	Mentions   []Mention
	Countries  []CountryRole
	Sectors    []string // sector ids (sector:government)
	CVEs       []string
	Indicators []Indicator
	Claims     []Claim
	// StoryFeatures is what story assignment knows of the article
	// (opaque JSON, replayed by StoryFeatures after a restart).
	StoryFeatures []byte
}

// Save is one analysis to store, for SaveAnalyses.
type Save struct {
	DocumentID int64
	Analysis   *Analysis
}

// Saved is what SaveAnalyses did with one analysis.
type Saved struct {
	ArticleID int64
	// Attached is true when the document was found to be a copy of
	// another document's article and attached to it: the analysis was
	// not stored, and the article keeps its story.
	Attached bool
}

// Source is a feed (or page) that ingestion polls.
type Source struct {
	ID           int64
	URL          string
	Title        string
	Language     string
	ETag         string
	LastModified string
	LastPolled   time.Time
	LastError    string // "" after a good poll
	Errors       int    // consecutive failures
	Added        time.Time
}

// ActorFilter narrows Actors.
type ActorFilter struct {
	Since   string // YYYY-MM-DD: articles published (or fetched) on or after
	Country string // only actors in articles where this country is a victim
	Sector  string // only actors in articles naming this sector id
	Limit   int
}

// ActorSummary is one line of Actors: an actor by number of articles.
type ActorSummary struct {
	EntityID string
	Name     string
	Kind     string
	AttackID string
	Sponsor  string
	Articles int
	LastSeen string // latest article date (published, else fetched)
}

// ProfileLimit is how many of an actor's latest articles, and of its
// latest timeline claims, a profile lists (its tallies count them all).
const ProfileLimit = 500

// ActorProfile is what the knowledge base knows of one actor.
type ActorProfile struct {
	ActorSummary
	NamesSeen []NameCount      // surface forms in articles, most frequent first
	Sponsors  []CodeCount      // countries given the sponsor role in its articles
	Victims   []CodeCount      // countries given the victim role in its articles
	Sectors   []NameCount      // sector ids named in its articles
	Malware   []EntityCount    // malware and tools named in its articles
	Vulns     []EntityCount    // vulnerabilities and CVEs named in its articles
	Articles  []ArticleSummary // the latest ProfileLimit, in date order
	// Timeline is the attributions, sponsorships and denials about the
	// actor, in date order, each with its source and evidence.
	Timeline []ClaimRecord
}

// StoryAssignment puts an article into a story.
type StoryAssignment struct {
	ArticleID int64
	StoryID   int64
}

// StoryRow is a story's own row, written (replaced) by SaveStories, which
// also sets its first and last dates from its articles', and drops it
// when it has no article left (its articles moved to other stories).
type StoryRow struct {
	ID    int64
	Title string
}

// StoryFilter narrows Stories.
type StoryFilter struct {
	Since string // stories seen (last article) on or after YYYY-MM-DD
	Limit int
}

// StorySummary is one story in a list.
type StorySummary struct {
	ID        int64
	Title     string
	FirstSeen string
	LastSeen  string
	Articles  []string // article external ids, in date order
	Actors    []string // canonical names of the actors its articles name
	Languages []string
}

// StoryDetail is one story with its articles and their claims.
type StoryDetail struct {
	StorySummary
	ArticleList []ArticleSummary
	Claims      []ClaimRecord
}

// ClaimRecord is a stored claim with where it comes from.
type ClaimRecord struct {
	Claim
	Article     ArticleSummary
	ArticleDate string   // published, else fetched
	DeniedBy    []string // for claims a denial in the same article rejects: who denies
}

// NameCount, CodeCount and EntityCount are tallies for profiles.
type NameCount struct {
	Name  string
	Count int
}
type CodeCount struct {
	Code  string
	Count int
}
type EntityCount struct {
	EntityID string
	Name     string
	Kind     string
	Count    int
}

// ArticleFilter narrows Articles.
type ArticleFilter struct {
	EntityID string // only articles naming this entity
	Since    string
	Limit    int
}

// ArticleSummary is one article in a list.
type ArticleSummary struct {
	ID        string // ExternalID
	Title     string
	URL       string
	Published string
	Language  string
	Sources   []string // hosts of the documents that carry it
}

// SearchHit is one full-text search result.
type SearchHit struct {
	ArticleSummary
	Snippet string
	Rank    float64
}

// CheckReport is the result of an integrity check.
type CheckReport struct {
	Documents         int
	Articles          int
	DocumentsNoBytes  []int64 // raw bytes missing or not matching their hash
	DocumentsPending  []int64 // no derived rows yet
	ArticlesOrphaned  []int64 // article without its document
	MentionsOutOfText int     // mentions whose offsets fall outside the text
}

// OK reports whether the check found nothing wrong (pending documents are
// work to do, not damage).
func (r *CheckReport) OK() bool {
	return len(r.DocumentsNoBytes) == 0 && len(r.ArticlesOrphaned) == 0 && r.MentionsOutOfText == 0
}

// Store is the knowledge base. Implementations are safe for concurrent use.
type Store interface {
	// AddDocument stores a raw document unless one with the same content
	// hash exists; it returns the document's id and whether it is new.
	AddDocument(ctx context.Context, d *Document) (id int64, isNew bool, err error)
	// Document returns one document with its bytes.
	Document(ctx context.Context, id int64) (*Document, error)
	// ForEachDocument calls fn for every document in id order (reprocess).
	ForEachDocument(ctx context.Context, fn func(*Document) error) error
	// HasCanonicalURL reports whether a document with this canonical URL
	// is stored.
	HasCanonicalURL(ctx context.Context, canonical string) (bool, error)
	// PendingDocuments calls fn for every document without an analysis.
	PendingDocuments(ctx context.Context, fn func(*Document) error) error

	// SaveAnalysis replaces, in one transaction, everything derived from
	// document docID. When a.Article's fingerprint is within 3 bits of an
	// existing article's from another document (a syndicated copy), the
	// document is attached to that article instead and the returned id is
	// the existing article's.
	SaveAnalysis(ctx context.Context, docID int64, a *Analysis) (articleID int64, err error)
	// SaveAnalyses saves several analyses, in order, in one transaction
	// (one commit and one full-text flush for all: ingestion's fast path).
	// On error nothing is saved.
	SaveAnalyses(ctx context.Context, items []Save) ([]Saved, error)

	// Stories. An article saved by SaveAnalyses (not attached) has no
	// story until SaveStories gives it one.
	SaveStories(ctx context.Context, assign []StoryAssignment, stories []StoryRow) error
	// StoryFeatures calls fn for every article with story features, by
	// date then id; storyID is 0 for articles not yet assigned.
	StoryFeatures(ctx context.Context, fn func(articleID, storyID int64, features []byte) error) error
	// ResetStories forgets every story (before reassigning them all).
	ResetStories(ctx context.Context) error
	Stories(ctx context.Context, f StoryFilter) ([]StorySummary, error)
	Story(ctx context.Context, id int64) (*StoryDetail, error)

	// Sources.
	AddSource(ctx context.Context, s *Source) (id int64, isNew bool, err error)
	Sources(ctx context.Context) ([]Source, error)
	UpdateSource(ctx context.Context, s *Source) error

	// Questions.
	Actors(ctx context.Context, f ActorFilter) ([]ActorSummary, error)
	ActorProfile(ctx context.Context, entityID string) (*ActorProfile, error)
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)
	// Search runs a full-text query: accent-insensitive, stemmed where the
	// article's language allows.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// Check verifies that every document has its bytes and its derived
	// rows, and that derived rows point at what exists.
	Check(ctx context.Context) (*CheckReport, error)
	Close() error
}

// Open opens the store named by dsn: a postgres:// or postgresql:// URL,
// or a SQLite file path (created with its directory when missing).
// Migrations run on open.
func Open(ctx context.Context, dsn string) (Store, error) {
	if isPostgres(dsn) {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

func isPostgres(dsn string) bool {
	return len(dsn) > 11 && (dsn[:11] == "postgres://" || len(dsn) > 13 && dsn[:13] == "postgresql://")
}

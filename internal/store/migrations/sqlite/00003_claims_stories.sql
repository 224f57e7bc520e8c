-- Claims drawn from each article's sentences, and stories: articles that
-- report the same event. Claims are derived rows like mentions; an
-- article's story is assigned after its analysis is saved, from the
-- features SaveAnalysis stores with it (story_features, JSON), so that
-- the assignment can be replayed and resumed.

-- +goose Up
CREATE TABLE claims (
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The claim's index in its article: denials name the claims they
    -- reject by it (denies, comma-separated).
    seq             INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    subject_kind    TEXT    NOT NULL DEFAULT '',
    subject_id      TEXT    NOT NULL DEFAULT '',
    subject_name    TEXT    NOT NULL DEFAULT '',
    object_kind     TEXT    NOT NULL DEFAULT '',
    object_id       TEXT    NOT NULL DEFAULT '',
    object_name     TEXT    NOT NULL DEFAULT '',
    attributor_kind TEXT    NOT NULL DEFAULT '',
    attributor_id   TEXT    NOT NULL DEFAULT '',
    attributor_name TEXT    NOT NULL DEFAULT '',
    hedge           TEXT    NOT NULL DEFAULT '',
    denies          TEXT    NOT NULL DEFAULT '',
    date            TEXT    NOT NULL DEFAULT '',
    start_pos       INTEGER NOT NULL DEFAULT 0,
    end_pos         INTEGER NOT NULL DEFAULT 0,
    evidence        TEXT    NOT NULL DEFAULT '',
    language        TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX claims_subject ON claims (subject_id, article_id);

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    -- The earliest and latest dates of its articles (published, else fetched).
    first_seen TEXT NOT NULL DEFAULT '',
    last_seen  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stories_first_seen ON stories (first_seen);

ALTER TABLE articles ADD COLUMN story_features TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL;
CREATE INDEX articles_story ON articles (story_id);

-- +goose Down
DROP INDEX articles_story;
ALTER TABLE articles DROP COLUMN story_id;
ALTER TABLE articles DROP COLUMN story_features;
DROP TABLE stories;
DROP TABLE claims;

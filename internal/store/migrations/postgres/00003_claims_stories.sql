-- Claims drawn from each article's sentences, and stories: articles that
-- report the same event. Claims are derived rows like mentions; an
-- article's story is assigned after its analysis is saved, from the
-- features SaveAnalysis stores with it (story_features, JSON), so that
-- the assignment can be replayed and resumed.

-- +goose Up
CREATE TABLE claims (
    article_id      bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The claim's index in its article: denials name the claims they
    -- reject by it (denies, comma-separated).
    seq             bigint NOT NULL,
    type            text COLLATE "C" NOT NULL,
    subject_kind    text NOT NULL DEFAULT '',
    subject_id      text COLLATE "C" NOT NULL DEFAULT '',
    subject_name    text NOT NULL DEFAULT '',
    object_kind     text NOT NULL DEFAULT '',
    object_id       text COLLATE "C" NOT NULL DEFAULT '',
    object_name     text NOT NULL DEFAULT '',
    attributor_kind text NOT NULL DEFAULT '',
    attributor_id   text COLLATE "C" NOT NULL DEFAULT '',
    attributor_name text NOT NULL DEFAULT '',
    hedge           text NOT NULL DEFAULT '',
    denies          text NOT NULL DEFAULT '',
    date            text NOT NULL DEFAULT '',
    start_pos       bigint NOT NULL DEFAULT 0,
    end_pos         bigint NOT NULL DEFAULT 0,
    evidence        text NOT NULL DEFAULT '',
    language        text NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_subject ON claims (subject_id, article_id);

CREATE TABLE stories (
    id         bigint PRIMARY KEY,
    title      text NOT NULL DEFAULT '',
    -- The earliest and latest dates of its articles (published, else fetched).
    first_seen text COLLATE "C" NOT NULL DEFAULT '',
    last_seen  text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX stories_first_seen ON stories (first_seen);

ALTER TABLE articles ADD COLUMN story_features text NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN story_id bigint REFERENCES stories (id) ON DELETE SET NULL;
CREATE INDEX articles_story ON articles (story_id);

-- +goose Down
DROP INDEX articles_story;
ALTER TABLE articles DROP COLUMN story_id;
ALTER TABLE articles DROP COLUMN story_features;
DROP TABLE stories;
DROP TABLE claims;

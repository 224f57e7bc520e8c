-- The knowledge base. Documents are kept forever; everything from articles
-- down is derived and replaced by SaveAnalysis.

-- +goose Up
CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL DEFAULT '',
    language      TEXT    NOT NULL DEFAULT '',
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    last_polled   TEXT,
    last_error    TEXT    NOT NULL DEFAULT '',
    errors        INTEGER NOT NULL DEFAULT 0,
    added         TEXT    NOT NULL
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources (id),
    external_id   TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    canonical_url TEXT    NOT NULL DEFAULT '',
    content_type  TEXT    NOT NULL DEFAULT '',
    content_hash  TEXT    NOT NULL UNIQUE,
    fetched_at    TEXT    NOT NULL,
    published     TEXT    NOT NULL DEFAULT '',
    -- Last, so that reading the other columns never walks the overflow
    -- pages of a large page.
    raw           BLOB    NOT NULL
);
CREATE INDEX documents_source ON documents (source_id);

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    -- NULL only inside SaveAnalysis, before "a<id>" can be written.
    external_id TEXT UNIQUE,
    title       TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL DEFAULT '',
    published   TEXT    NOT NULL DEFAULT '',
    language    TEXT    NOT NULL DEFAULT '',
    url         TEXT    NOT NULL DEFAULT '',
    -- published, else the fetch date: what lists sort and filter on.
    date        TEXT    NOT NULL DEFAULT '',
    -- SimHash as a signed 64-bit integer, and its four 16-bit bands: two
    -- fingerprints within 3 bits share at least one band, so near
    -- duplicates are found through four indexes.
    fingerprint INTEGER NOT NULL DEFAULT 0,
    band0       INTEGER NOT NULL DEFAULT 0,
    band1       INTEGER NOT NULL DEFAULT 0,
    band2       INTEGER NOT NULL DEFAULT 0,
    band3       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_document ON articles (document_id);
CREATE INDEX articles_date ON articles (date, id);
CREATE INDEX articles_band0 ON articles (band0);
CREATE INDEX articles_band1 ON articles (band1);
CREATE INDEX articles_band2 ON articles (band2);
CREATE INDEX articles_band3 ON articles (band3);

-- Which documents carry an article: more than one for syndicated copies;
-- at most one article per document.
CREATE TABLE article_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_documents_article ON article_documents (article_id);

CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT    NOT NULL,
    kind       TEXT    NOT NULL DEFAULT '',
    type       TEXT    NOT NULL DEFAULT '',
    name       TEXT    NOT NULL DEFAULT '',
    attack_id  TEXT    NOT NULL DEFAULT '',
    sponsor    TEXT    NOT NULL DEFAULT '',
    confidence REAL    NOT NULL DEFAULT 0,
    -- The article's date, copied: Actors then reads this table alone.
    date       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id);
CREATE INDEX article_entities_kind ON article_entities (kind, entity_id, date, article_id);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    rule       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE article_countries (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    code       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    PRIMARY KEY (article_id, code, role)
) WITHOUT ROWID;
CREATE INDEX article_countries_code ON article_countries (code, role, article_id);

CREATE TABLE article_sectors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sector     TEXT    NOT NULL,
    PRIMARY KEY (article_id, sector)
) WITHOUT ROWID;
CREATE INDEX article_sectors_sector ON article_sectors (sector, article_id);

CREATE TABLE article_cves (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    cve        TEXT    NOT NULL,
    PRIMARY KEY (article_id, cve)
) WITHOUT ROWID;
CREATE INDEX article_cves_cve ON article_cves (cve, article_id);

CREATE TABLE indicators (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (article_id, type, value)
) WITHOUT ROWID;
CREATE INDEX indicators_value ON indicators (value);

-- Full text. Two external-content FTS5 indexes over articles (the text is
-- stored once, in articles): every article in an accent-insensitive one,
-- English articles also in a Porter-stemmed one (FTS5 has no stemmer for
-- other languages). Triggers keep both in step with articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE articles_fts_en USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Rank: BM25 with a title match worth five text matches. Set as the
-- tables' rank function so that "ORDER BY rank LIMIT n" is sorted inside
-- FTS5 and snippets are made for the n rows returned only.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO articles_fts_en (articles_fts_en, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    INSERT INTO articles_fts_en (rowid, title, text)
        SELECT new.id, new.title, new.text WHERE new.language = 'en';
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts_en (articles_fts_en, rowid, title, text)
        SELECT 'delete', old.id, old.title, old.text WHERE old.language = 'en';
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, language ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts_en (articles_fts_en, rowid, title, text)
        SELECT 'delete', old.id, old.title, old.text WHERE old.language = 'en';
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    INSERT INTO articles_fts_en (rowid, title, text)
        SELECT new.id, new.title, new.text WHERE new.language = 'en';
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_insert;
DROP TABLE articles_fts_en;
DROP TABLE articles_fts;
DROP TABLE indicators;
DROP TABLE article_cves;
DROP TABLE article_sectors;
DROP TABLE article_countries;
DROP TABLE mentions;
DROP TABLE article_entities;
DROP TABLE article_documents;
DROP TABLE articles;
DROP TABLE documents;
DROP TABLE sources;

-- The full-text indexes keep which column a word is in, not its
-- positions (detail=column). With positions, FTS5's segment merges grew
-- with the index: saving an article took 1.4 ms at 1,000 articles and 20
-- ms at 37,000 (BenchmarkSaveAnalysesBatched); without them the rate stays
-- flat and the index is a third of the size. FTS5 then refuses phrase
-- queries: Search asks for the phrase's words and checks their order in
-- the text itself (see sqlite.go).

-- +goose Up
DROP TABLE articles_fts;
DROP TABLE articles_fts_en;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);
CREATE VIRTUAL TABLE articles_fts_en USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    detail = column
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO articles_fts_en (articles_fts_en, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
-- The English index holds English articles only: rebuild would take all.
INSERT INTO articles_fts_en (rowid, title, text) SELECT id, title, text FROM articles WHERE language = 'en';

-- +goose Down
DROP TABLE articles_fts;
DROP TABLE articles_fts_en;
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
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO articles_fts_en (articles_fts_en, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_fts_en (rowid, title, text) SELECT id, title, text FROM articles WHERE language = 'en';

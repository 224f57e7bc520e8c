-- An article's story moves to a table of its own. Assigning a story was
-- an UPDATE of the article row: SQLite rewrote the whole record (text
-- included) for every article, and PostgreSQL, the column being indexed,
-- wrote a new version of the row into every index of articles (full-text
-- included). The article's date is copied so that a story's dates are
-- read from the index alone. SQLite cannot drop a column with a foreign
-- key: articles.story_id stays, always NULL, with a partial index that
-- holds nothing but lets deleting a story check the key without a scan.

-- +goose Up
CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    date       TEXT NOT NULL DEFAULT ''
);
INSERT INTO story_articles (article_id, story_id, date)
    SELECT id, story_id, date FROM articles WHERE story_id IS NOT NULL;
CREATE INDEX story_articles_story ON story_articles (story_id, date);
UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL;
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;

-- +goose Down
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id, date);
UPDATE articles SET story_id = (SELECT story_id FROM story_articles s WHERE s.article_id = articles.id);
DROP TABLE story_articles;

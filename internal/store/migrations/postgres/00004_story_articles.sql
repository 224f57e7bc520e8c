-- An article's story moves to a table of its own. Assigning a story was
-- an UPDATE of an indexed column of articles: PostgreSQL wrote a new
-- version of the row into every index of articles (full-text included)
-- for every article. The article's date is copied so that a story's
-- dates are read from the index alone.

-- +goose Up
CREATE TABLE story_articles (
    article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    date       text COLLATE "C" NOT NULL DEFAULT ''
);
INSERT INTO story_articles (article_id, story_id, date)
    SELECT id, story_id, date FROM articles WHERE story_id IS NOT NULL;
CREATE INDEX story_articles_story ON story_articles (story_id, date);
DROP INDEX articles_story;
ALTER TABLE articles DROP COLUMN story_id;

-- +goose Down
ALTER TABLE articles ADD COLUMN story_id bigint REFERENCES stories (id) ON DELETE SET NULL;
UPDATE articles a SET story_id = s.story_id FROM story_articles s WHERE s.article_id = a.id;
CREATE INDEX articles_story ON articles (story_id);
DROP TABLE story_articles;

-- SaveStories sets a story's first and last dates from its articles'.
-- Reading an article's date walked past its text's overflow pages, for
-- every article of every story a batch touched; with (story_id, date)
-- the index answers alone.

-- +goose Up
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id, date);

-- +goose Down
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id);

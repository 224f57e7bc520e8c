-- Feed polling asks whether a page is already stored by its canonical URL.

-- +goose Up
CREATE INDEX documents_canonical_url ON documents (canonical_url) WHERE canonical_url <> '';

-- +goose Down
DROP INDEX documents_canonical_url;

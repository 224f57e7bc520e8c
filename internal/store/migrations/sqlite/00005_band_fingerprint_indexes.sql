-- The near-duplicate lookup reads each candidate's fingerprint. In SQLite
-- that column sits after the text in the row, so reading it walked the
-- text's overflow pages: about 1 ms an article at 10,000 articles of
-- generated text whose fingerprints share many bands. Indexes on (band,
-- fingerprint) answer the lookup without touching the rows.

-- +goose Up
DROP INDEX articles_band0;
DROP INDEX articles_band1;
DROP INDEX articles_band2;
DROP INDEX articles_band3;
CREATE INDEX articles_band0 ON articles (band0, fingerprint);
CREATE INDEX articles_band1 ON articles (band1, fingerprint);
CREATE INDEX articles_band2 ON articles (band2, fingerprint);
CREATE INDEX articles_band3 ON articles (band3, fingerprint);

-- +goose Down
DROP INDEX articles_band0;
DROP INDEX articles_band1;
DROP INDEX articles_band2;
DROP INDEX articles_band3;
CREATE INDEX articles_band0 ON articles (band0);
CREATE INDEX articles_band1 ON articles (band1);
CREATE INDEX articles_band2 ON articles (band2);
CREATE INDEX articles_band3 ON articles (band3);

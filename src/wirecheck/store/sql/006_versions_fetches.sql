-- Live coverage (wirecheck fetch / watch / changes): article versions, the fetch log,
-- feed items seen, and the log of verdicts as they change.

-- Versions. The same page fetched again with different text is a new row (never an
-- overwrite): version 2, 3, ... with its own id (first version's id + "-v2"), pointing at
-- the version it replaces; the replaced row gets superseded_by. `lineage` is the first
-- version's id, the same for every version (a plain article is its own lineage).
-- Stories hold current versions only (story_articles moves to the new version).
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN lineage TEXT;
ALTER TABLE articles ADD COLUMN previous_version TEXT REFERENCES articles(id);
ALTER TABLE articles ADD COLUMN superseded_by TEXT REFERENCES articles(id);
UPDATE articles SET lineage = id;
CREATE INDEX articles_lineage ON articles(lineage, version);
CREATE INDEX articles_previous_version ON articles(previous_version);
CREATE TRIGGER articles_lineage_default AFTER INSERT ON articles WHEN new.lineage IS NULL BEGIN
    UPDATE articles SET lineage = new.id WHERE rowid = new.rowid;
END;

-- Every HTTP fetch of a page, feed, sitemap or OPML file, and what came of it.
CREATE TABLE fetches (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,              -- as asked (a feed item's link, a page given)
    final_url     TEXT,                       -- after redirects
    fetched_at    TEXT NOT NULL,              -- ISO 8601 UTC
    status        INTEGER,                    -- HTTP status; NULL when there was no answer
    etag          TEXT,
    last_modified TEXT,                       -- the Last-Modified header, as sent
    content_type  TEXT,
    kind          TEXT,                       -- page / feed / sitemap / opml / text
    outcome       TEXT NOT NULL,              -- new / version / unchanged / not_modified /
                                              -- duplicate / listed / skipped / failed
    article_id    TEXT REFERENCES articles(id),
    reason        TEXT                        -- why it failed or was skipped, one line
);
CREATE INDEX fetches_url ON fetches(url, id);
CREATE INDEX fetches_article ON fetches(article_id);
CREATE INDEX fetches_time ON fetches(fetched_at);

-- Which items a feed (or sitemap) listed, so a watch knows what is new.
CREATE TABLE feed_items (
    feed_url   TEXT NOT NULL,
    item_url   TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_url)
) WITHOUT ROWID;

-- The verdict of every fact (story, key, label) as last recorded, and each change to it:
-- written after every reconcile (changes/verdict_log.py), read by `wirecheck changes`.
CREATE TABLE fact_state (
    story_id     TEXT NOT NULL,
    fact_key     TEXT NOT NULL,
    label        TEXT NOT NULL,
    verdict      TEXT NOT NULL,
    alignment_id TEXT,
    PRIMARY KEY (story_id, fact_key, label)
) WITHOUT ROWID;
CREATE TABLE verdict_log (
    id          INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    story_id    TEXT NOT NULL,
    fact_key    TEXT NOT NULL,
    label       TEXT NOT NULL,
    before      TEXT,                         -- NULL: a new fact
    after       TEXT                          -- NULL: the fact is gone (regrouped, merged)
);
CREATE INDEX verdict_log_story ON verdict_log(story_id, id);
-- A store aligned before this migration: its facts become the baseline, not "new facts".
INSERT INTO reconcile_state (key, value)
    SELECT 'verdict_log:baseline', '1' WHERE EXISTS (SELECT 1 FROM alignments);

-- `wirecheck changes` without --since shows what changed since the previous look.
CREATE TABLE looks (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    article_rowid   INTEGER NOT NULL,          -- newest articles.rowid at that moment
    verdict_log_id  INTEGER NOT NULL           -- newest verdict_log.id at that moment
);

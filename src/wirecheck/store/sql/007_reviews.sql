-- Analysts' reviews of facts (wirecheck review / the web UI with --allow-reviews).
-- Kept apart from every derived row: analyze, reconcile and forget_stories never touch this
-- table. A review names the fact by stable keys (story id, fact key and label, the fact's
-- hash id, and its claims as "article content hash:start:end"), never by a row id, and is
-- re-attached to the current facts on every read (review/attach.py); one that no longer
-- matches any fact is shown as orphaned, never dropped.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,          -- the review's own id (reviews are not derived)
    created_at  TEXT NOT NULL,                -- ISO 8601 UTC
    story_id    TEXT NOT NULL,
    fact_key    TEXT NOT NULL,                -- alignments.key when reviewed
    fact_label  TEXT NOT NULL,
    fact_id     TEXT,                         -- alignments.id when reviewed (a hash, not a row id)
    claims      TEXT NOT NULL DEFAULT '[]',   -- JSON: the fact's claim refs when reviewed
    action      TEXT NOT NULL,                -- confirm / reject / split / note
    verdict     TEXT,                         -- the verdict the analyst looked at
    split       TEXT NOT NULL DEFAULT '[]',   -- JSON: claim refs marked as not belonging
    note        TEXT
);
CREATE INDEX reviews_story ON reviews(story_id);

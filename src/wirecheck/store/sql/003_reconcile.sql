-- Cross-article results: stories, aligned claim groups with verdicts, timelines.
CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    time_start TEXT,
    time_end   TEXT,
    keywords   TEXT NOT NULL DEFAULT '[]',    -- JSON array
    updated_at TEXT NOT NULL
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    subevent   TEXT                           -- sub-event cluster within the story
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE alignments (
    id       TEXT PRIMARY KEY,
    story_id TEXT REFERENCES stories(id) ON DELETE CASCADE,
    key      TEXT NOT NULL,                   -- what the claims are about
    label    TEXT NOT NULL,                   -- readable fact name for the matrix
    verdict  TEXT NOT NULL,                   -- agree / conflict / evolving / single_source / unclear
    sources  INTEGER NOT NULL,                -- independent sources
    outlets  INTEGER NOT NULL,                -- outlets carrying it
    detail   TEXT NOT NULL DEFAULT '{}'       -- JSON: intervals, series, reasons
);
CREATE INDEX alignments_story ON alignments(story_id);
CREATE INDEX alignments_verdict ON alignments(verdict);

CREATE TABLE alignment_claims (
    alignment_id TEXT NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
    claim_id     TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (alignment_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX alignment_claims_claim ON alignment_claims(claim_id);

CREATE TABLE timeline (
    id             TEXT PRIMARY KEY,
    story_id       TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    date_start     TEXT,
    date_end       TEXT,
    kind           TEXT NOT NULL,             -- event / claim
    ref_id         TEXT NOT NULL,             -- events.id / claims.id / alignments.id
    label          TEXT NOT NULL,
    outlets        TEXT NOT NULL DEFAULT '[]',-- JSON array
    first_reported TEXT                       -- earliest publish time carrying it
);
CREATE INDEX timeline_story ON timeline(story_id, date_start);

-- Where a publish date came from when not from metadata: "dateline" (the article's own
-- opening words: ingest/dateline.py); NULL = the source's metadata (or no date at all).
ALTER TABLE articles ADD COLUMN published_from TEXT;

-- What each figure counts beyond its measure: its frame (see model.Quantity).
-- implicit: counted from words, no numeral ("a man was shot and killed" = 1 killed).
-- scope: incident / others / total / context; scope_cue: the words that set it.
ALTER TABLE quantities ADD COLUMN implicit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quantities ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident';
ALTER TABLE quantities ADD COLUMN scope_cue TEXT;

-- The figure a reader should take away per story and core measure (reconcile/headline.py).
CREATE TABLE story_figures (
    story_id     TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    measure      TEXT NOT NULL,               -- killed / injured / shot / evacuated / ...
    rank         INTEGER NOT NULL,            -- display order (the core measures' order)
    low          REAL,                        -- NULL = open bound
    high         REAL,
    verdict      TEXT NOT NULL,
    alignment_id TEXT,                        -- the fact (aligned group) it is read from
    claim_ids    TEXT NOT NULL DEFAULT '[]',  -- JSON array: the claims that support it
    sources      INTEGER NOT NULL,
    words        TEXT NOT NULL,               -- the article words of the figure shown
    subgroup     TEXT,                        -- "children": the only count given is of them
    basis        TEXT,                        -- how a derived figure was reached
    shown        TEXT,                        -- the claim whose words state exactly this figure
    PRIMARY KEY (story_id, measure)
) WITHOUT ROWID;

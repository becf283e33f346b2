-- What incremental story clustering remembers between runs (reconcile/stories.py), so new
-- articles join existing stories by index lookup instead of re-clustering everything.

-- Sub-events: one specific happening inside a story (story_articles.subevent points here).
CREATE TABLE subevents (
    id         TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    size       INTEGER NOT NULL,
    time_start TEXT,
    time_end   TEXT
);
CREATE INDEX subevents_story ON subevents(story_id);

-- Each story's / sub-event's summed unit term vector (its heaviest terms only).
-- `indexed` marks the story terms used to look up candidate stories for a new article.
CREATE TABLE cluster_terms (
    cluster_id TEXT NOT NULL,                 -- stories.id or subevents.id
    term       TEXT NOT NULL,                 -- "w:strike", "n:rafah", ...
    weight     REAL NOT NULL,
    surface    TEXT,                          -- readable form, for labels
    indexed    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, term)
) WITHOUT ROWID;
CREATE INDEX cluster_terms_lookup ON cluster_terms(term, indexed);

-- Document frequency of every term over the clustered articles (TF-IDF weights).
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Counters: clustered articles, background similarity sums (see StoryState).
CREATE TABLE reconcile_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;

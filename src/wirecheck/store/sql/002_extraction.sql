-- Per-article extraction results. Every row carries its span (start, end, text) into
-- articles.text, so any claim can be traced back to the exact words.
CREATE TABLE claims (
    id                TEXT PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind              TEXT NOT NULL,          -- quantity / event / statement
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    text              TEXT NOT NULL,          -- the sentence or clause, verbatim
    modality          TEXT NOT NULL,          -- asserted / reported / planned / ...
    subject           TEXT,
    predicate         TEXT,
    object            TEXT,
    place             TEXT,
    confidence        REAL NOT NULL DEFAULT 1.0,
    source            TEXT,                   -- NULL when unattributed
    source_kind       TEXT NOT NULL,
    source_entity     TEXT,
    cue               TEXT,
    chain             TEXT NOT NULL DEFAULT '[]',  -- JSON array, outermost first
    source_start      INTEGER,                -- span of the attribution phrase
    source_end        INTEGER,
    source_text       TEXT,
    time_start        TEXT,                   -- resolved date range of the claim's time
    time_end          TEXT,
    time_granularity  TEXT,
    time_resolved     INTEGER,
    time_span_start   INTEGER,                -- span of the time expression
    time_span_end     INTEGER,
    time_text         TEXT,
    event_id          TEXT                    -- cross-article event cluster
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_kind ON claims(kind);
CREATE INDEX claims_source ON claims(source);

CREATE TABLE quantities (
    claim_id   TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    low        REAL,                          -- NULL = open bound
    high       REAL,
    value      REAL,
    hedge      TEXT NOT NULL,
    unit       TEXT,
    measure    TEXT,
    subject    TEXT
);
CREATE INDEX quantities_article ON quantities(article_id);
CREATE INDEX quantities_measure ON quantities(measure);

CREATE TABLE times (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    date_start  TEXT,
    date_end    TEXT,
    granularity TEXT NOT NULL,
    anchor      TEXT,
    resolved    INTEGER NOT NULL,
    note        TEXT,
    PRIMARY KEY (article_id, start, "end")
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    action      TEXT NOT NULL,
    action_type TEXT NOT NULL,
    modality    TEXT NOT NULL,
    actor       TEXT,
    target      TEXT,
    place       TEXT,
    time_start  TEXT,
    time_end    TEXT,
    claim_ids   TEXT NOT NULL DEFAULT '[]',  -- JSON array
    event_id    TEXT                          -- cross-article event cluster
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_cluster ON events(event_id);

-- Entities resolved across articles; mentions point into article text.
CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,                    -- canonical name
    type    TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]'        -- JSON array
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE entity_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    local_name TEXT NOT NULL,                 -- the name within its article (coref resolved)
    entity_id  TEXT REFERENCES entities(id),  -- cross-article entity (NULL until resolved)
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

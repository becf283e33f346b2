-- Articles as ingested. Plain columns so Datasette / sqlite3 read them directly.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,           -- stable: hash of outlet+url, or of the text
    outlet        TEXT,
    url           TEXT,
    title         TEXT,
    published     TEXT,                       -- ISO 8601 with offset, NULL when unknown
    language      TEXT,
    text          TEXT NOT NULL,              -- every span offset refers to this text
    source_path   TEXT,
    source_format TEXT,                       -- text / markdown / html / rss / atom / warc / jsonl
    content_hash  TEXT NOT NULL UNIQUE,       -- sha256 of whitespace-normalized text
    duplicate_of  TEXT REFERENCES articles(id),  -- wire copy / repost of that article
    summary_only  INTEGER NOT NULL DEFAULT 0, -- feed entry with only its summary
    word_count    INTEGER NOT NULL DEFAULT 0,
    ingested_at   TEXT NOT NULL,
    analyzed      INTEGER NOT NULL DEFAULT 0  -- extraction version stored (0 = not yet)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_analyzed ON articles(analyzed);

-- MinHash LSH bands: near-duplicate candidates by index lookup, never all pairs.
CREATE TABLE article_lsh (
    band       INTEGER NOT NULL,
    bucket     TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;
CREATE INDEX article_lsh_article ON article_lsh(article_id);

-- Full-text search over title + text (external content: no second copy of the text).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

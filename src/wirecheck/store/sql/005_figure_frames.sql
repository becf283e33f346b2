-- What each figure counts beyond its measure: its frame (see model.Quantity).
-- implicit: counted from words, no numeral ("a man was shot and killed" = 1 killed).
-- scope: incident / others / total / context; scope_cue: the words that set it.
ALTER TABLE quantities ADD COLUMN implicit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quantities ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident';
ALTER TABLE quantities ADD COLUMN scope_cue TEXT;

-- Which of its article's texts a claim quotes: 'text' (the body) or 'title' (a figure
-- given only in the headline: extract/title_figures.py). Every span of the claim (the
-- figure, its source, its time) is in that same text.
ALTER TABLE claims ADD COLUMN field TEXT NOT NULL DEFAULT 'text';

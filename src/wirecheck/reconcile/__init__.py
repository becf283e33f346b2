"""Cross-article stages: duplicates, stories, entity resolution, claim alignment."""

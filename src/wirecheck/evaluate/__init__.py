"""Evaluation against gold data: `wirecheck eval GOLD.jsonl` and the benchmark scripts."""

"""The knobs of story placement, with where each was tuned (:mod:`stories`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryParams:
    """Tuned on the ECB+ training and dev topics (see evaluate/ecb_stories.py)."""

    story_threshold: float = 0.04
    subevent_threshold: float = 0.08
    story_kinds: tuple[tuple[str, float], ...] = (
        ("w", 1.0),
        ("c", 1.0),
        ("n", 1.0),
        ("e", 1.0),
        ("t", 1.0),
        ("d", 0.0),
        ("h", 1.0),
        ("p", 1.0),
        ("g", 1.0),
    )
    subevent_kinds: tuple[tuple[str, float], ...] = (  # idf² favours the specific terms
        ("w", 1.0),
        ("c", 1.0),
        ("n", 1.0),
        ("e", 1.0),
        ("t", 0.3),
        ("d", 1.0),
        ("h", 1.0),
        ("p", 1.0),
        ("g", 1.0),
    )
    query_terms: int = 40  # an article's top terms used to find candidates
    window: int = 100  # per term, candidates are the last this many articles having it
    per_article: int = 30  # candidate neighbours kept per article
    max_links: int = 10  # neighbours a merged cluster keeps
    total_terms: int = 300  # a cluster keeps this many terms of its summed vector
    article_terms: int = 100  # an article vector keeps its heaviest terms only
    # Background similarity of unrelated articles (shared boilerplate), estimated from a
    # deterministic sample of pairs and shrunk towards this prior, worth this many pairs:
    background_prior: float = 0.02
    background_weight: int = 200
    time_scale_days: float = 7.0
    time_floor: float = 0.0  # the time decay never goes below this
    # Two stored stories merge when a new article links both and their own average-link
    # similarity reaches this (early fragments of one story come together); None: never.
    story_merge_threshold: float | None = 0.04
    # Stories whose names agree less than this share of their texts' agreement are two
    # events of one kind (two earthquakes): their link is damped (``story_signals.py``;
    # chosen looking at all 43 ECB+ topics, a plateau from 0.5 to 0.8).
    story_name_ratio: float = 0.6
    # Two clusters that date their incidents on different days (more than a day apart) are
    # two incidents of one kind: their link is multiplied by this (tuned on GVA, half "a").
    story_day_damp: float = 0.2
    # ... and when they date it on the same day or name the same victim, this instead of
    # the time decay.
    story_same_boost: float = 1.0
    # Two clusters that name places (GPE entities) and none in common are likely two
    # incidents in two towns: their link is multiplied by this. Tuned on the GVA dev data
    # (stories B³ P / R / F1 at 1.0: .939 / .909 / .924; 0.5: .951 / .904 / .927; 0.3:
    # .956 / .897 / .926; 0.15: .957 / .877 / .915): soft, since one incident's articles
    # can name a neighbourhood and a city without a word in common.
    story_place_damp: float = 0.5
    # Between two dated clusters, the learned link (``story_model.py``, trained on GVA
    # half "a") replaces the similarity above; undated ones (ECB+) keep it.
    story_link: bool = True
    # ... once the collection holds this many articles: its features (idf-weighted cosines,
    # names used by at most 5 articles) mean what they meant in training only then.
    story_link_min_docs: int = 500

"""Stories and headline tolls scored on real shooting coverage (a GVA folder given
as ``wirecheck eval --gva FOLDER``; the data are not bundled).

The GVA data are real local-news articles about US shooting incidents, each with the Gun
Violence Archive's official killed / injured counts. Every article goes through the real
path (ingest with dedupe, extraction, stories, alignment) into a store, and then:

* **stories**: B³ of our stories against the incidents (one incident = one story);
* **headline figures**: an incident's story is the story holding most of its articles;
  its killed (injured) headline figure is **right** when it holds the official count and
  its verdict is not ``conflict``. Where the official count is 0, a story that shows no
  figure for the measure is right too (nothing was reported, nothing is claimed);
  ``right_nonzero`` counts only incidents with an official count above 0;
* **false conflicts**: incidents shown as a conflict on the measure although every
  article's own figure (the headline of that article alone) holds the official count;
* **baseline**, in the same run: the most common number the incident's articles write as
  a numeral for the measure (ties: the smaller), 0 when there is none; and the same over
  every figure we extract, the implicit counts included (``baseline_all_figures``);
* ``right_exact``: right with a single value (not a spread of same-day figures);
* ``agree_right``: of the headlines whose verdict is ``agree`` (``agree_n``), the share
  that hold the official count: how far a reader can trust a green verdict;
* ``event_verdicts``: how many event and statement groups get each verdict. GVA has no
  gold for events, so its reds are read by hand (``docs/accuracy.md``).

Scores are given for all incidents and for two fixed halves (by a hash of the incident
id): tune on one, check on the other.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck.evaluate.coref_metrics import b_cubed, clusters_from_labels
from wirecheck.pipeline import analyze, cross_article, ingest
from wirecheck.reconcile.align import align_story
from wirecheck.reconcile.headline import HeadlineFigure, figure_groups, headline_figures
from wirecheck.reconcile.story_alignment import align_story_data
from wirecheck.store.db import opened, transaction
from wirecheck.store.evaluation_rows import (
    article_stories,
    event_verdicts,
    measure_values,
    story_ids,
)
from wirecheck.store.reset import forget_stories
from wirecheck.store.story_rows import story_articles, story_blocks, story_claims, story_events

MEASURES = ("killed", "injured")


@dataclass(frozen=True)
class Incident:
    id: str
    date: str
    city: str
    state: str
    killed: int
    injured: int

    def count(self, measure: str) -> int:
        return self.killed if measure == "killed" else self.injured


@dataclass(frozen=True)
class GvaData:
    path: Path  # articles.jsonl.gz, read by the normal JSONL reader
    incident_of: dict[str, str]  # article id → incident id
    incidents: dict[str, Incident]


def read_gva(folder: Path) -> GvaData:
    """The official counts of the incidents and which incident each article is about."""
    raw = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
    incidents = {k: Incident(k, v["date"], v["city"], v["state"], int(v["killed"]),
                             int(v["injured"])) for k, v in raw.items()}
    path = folder / "articles.jsonl.gz"
    incident_of: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            incident_of[str(d["id"])] = str(d["incident"])
    return GvaData(path, incident_of, incidents)


def half(incident_id: str) -> str:
    """A fixed split of the incidents into halves "a" and "b"."""
    return "ab"[hashlib.sha1(incident_id.encode()).digest()[0] & 1]


def _story_of_incident(placed: Mapping[str, str], data: GvaData) -> dict[str, str | None]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, inc in data.incident_of.items():
        if aid in placed:
            votes[inc][placed[aid]] += 1
    out: dict[str, str | None] = {}
    for inc in data.incidents:
        v = votes.get(inc)
        out[inc] = min(v, key=lambda s: (-v[s], s)) if v else None
    return out


def _figure(figures: Iterable[HeadlineFigure], measure: str) -> HeadlineFigure | None:
    return next((f for f in figures if f.measure == measure), None)


def right(figure: HeadlineFigure | None, official: int) -> bool:
    """The headline holds the official count and is not a conflict (no figure = 0)."""
    if figure is None:
        return official == 0
    return figure.verdict != "conflict" and figure.holds(official)


def baseline(values: list[float], official: int) -> bool:
    """The most common number of the measure (ties: the smaller; none: 0) is the count."""
    if not values:
        return official == 0
    counts = Counter(values)
    top = min(counts, key=lambda v: (-counts[v], v))
    return top == official


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass
class Tally:
    n: int = 0
    right: int = 0
    n_nonzero: int = 0
    right_nonzero: int = 0
    baseline: int = 0
    conflicts: int = 0
    false_conflicts: int = 0
    multi: int = 0  # incidents with two or more articles
    baseline_all: int = 0
    exact: int = 0  # right with a single value (or rightly no figure)
    agrees: int = 0
    agrees_right: int = 0

    def add(self, ok: bool, base: bool, official: int, conflict: bool, false_red: bool,
            multi: bool, base_all: bool, exact: bool, agree: bool = False) -> None:
        self.n += 1
        self.agrees += agree
        self.agrees_right += agree and ok
        self.baseline_all += base_all
        self.exact += exact
        self.right += ok
        self.baseline += base
        self.n_nonzero += official > 0
        self.right_nonzero += ok and official > 0
        self.conflicts += conflict
        self.false_conflicts += false_red
        self.multi += multi

    def to_dict(self) -> dict[str, Any]:
        return {"right": share(self.right, self.n), "right_exact": share(self.exact, self.n),
                "baseline": share(self.baseline, self.n),
                "baseline_all_figures": share(self.baseline_all, self.n),
                "right_nonzero": share(self.right_nonzero, self.n_nonzero),
                "conflict": share(self.conflicts, self.n),
                "false_conflict": share(self.false_conflicts, self.multi),
                "agree_right": share(self.agrees_right, self.agrees), "agree_n": self.agrees,
                "n": self.n}


def _stories_b3(placed: Mapping[str, str], data: GvaData, part: str) -> dict[str, float]:
    gold = {a: i for a, i in data.incident_of.items()
            if a in placed and part in ("all", half(i))}
    pred = {a: placed[a] for a in gold}
    return b_cubed(clusters_from_labels(gold),  # type: ignore[arg-type]
                   clusters_from_labels(pred)).to_dict()  # type: ignore[arg-type]


def score_store(conn: sqlite3.Connection, data: GvaData) -> dict[str, Any]:
    """Every GVA score from a store the articles were ingested into."""
    placed = article_stories(conn)
    out: dict[str, Any] = {"stories": _stories_b3(placed, data, "all")}
    for part in ("a", "b"):  # a half alone: its articles, however they were placed
        out[f"stories_{part}"] = _stories_b3(placed, data, part)
    story_of = _story_of_incident(placed, data)
    figures, per_article = story_figures(conn)
    numerals, every = _measure_values(conn)
    articles_of: dict[str, list[str]] = defaultdict(list)
    for aid, inc in data.incident_of.items():
        articles_of[inc].append(aid)
    tallies: dict[str, dict[str, Tally]] = {p: {m: Tally() for m in MEASURES}
                                            for p in ("all", "a", "b")}
    for inc, incident in sorted(data.incidents.items()):
        story = story_of.get(inc)
        for m in MEASURES:
            official = incident.count(m)
            fig = _figure(figures.get(story, ()), m) if story else None
            own = [_figure(per_article.get(a, ()), m) for a in articles_of[inc]]
            conflict = fig is not None and fig.verdict == "conflict"
            every_right = all(f is None or f.holds(official) for f in own) and any(own)
            vals = [v for a in articles_of[inc] for v in numerals.get((a, m), ())]
            alls = [v for a in articles_of[inc] for v in every.get((a, m), ())]
            ok = right(fig, official)
            for part in ("all", half(inc)):
                tallies[part][m].add(ok, baseline(vals, official), official, conflict,
                                     conflict and every_right, len(articles_of[inc]) > 1,
                                     baseline(alls, official),
                                     ok and (fig is None or fig.low == fig.high),
                                     fig is not None and fig.verdict == "agree")
    for part, by_measure in tallies.items():
        out[f"figures_{part}"] = {m: t.to_dict() for m, t in by_measure.items()}
    out["event_verdicts"] = event_verdicts(conn)
    return out


def _measure_values(conn: sqlite3.Connection
                    ) -> tuple[dict[tuple[str, str], list[float]], dict[tuple[str, str], list[float]]]:
    """(article, measure) → the values of its figures of the measure: those written as
    numerals (the baseline), and every figure including the implicit counts."""
    numerals: dict[tuple[str, str], list[float]] = defaultdict(list)
    every: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in measure_values(conn, MEASURES):
        v = r.value if r.value is not None else r.low
        if v is not None:
            key = (str(r.article_id), str(r.measure))
            every[key].append(float(v))
            if not r.implicit:
                numerals[key].append(float(v))
    return numerals, every


def story_figures(conn: sqlite3.Connection
                  ) -> tuple[dict[str, list[HeadlineFigure]], dict[str, list[HeadlineFigure]]]:
    """Headline figures per story, and per article (the article aligned alone)."""
    stories: dict[str, list[HeadlineFigure]] = {}
    articles: dict[str, list[HeadlineFigure]] = {}
    for story_id in story_ids(conn):
        claims = story_claims(conn, story_id)
        metas = story_articles(conn, story_id)
        result = align_story_data(story_id, claims, metas, story_events(conn, story_id),
                                  story_blocks(conn, story_id))
        by_id = {c.id: c for c in claims}
        stories[story_id] = headline_figures(figure_groups(result.groups, by_id, metas))
        own: dict[str, list[Any]] = defaultdict(list)
        for c in claims:
            own[c.article_id].append(c)
        for aid, cs in own.items():
            groups = align_story(None, cs, metas)
            articles[aid] = headline_figures(figure_groups(groups, by_id, metas))
    return stories, articles


def load_store(conn: sqlite3.Connection, data: GvaData) -> None:
    """Ingest the articles (the normal reader; stored ones are skipped), re-extract what an
    older extractor analyzed, and place every article into stories afresh (so a changed
    story rule takes effect)."""
    ingest(conn, [data.path], analyze=False)
    analyze(conn, cross=False)
    with transaction(conn):
        forget_stories(conn)
        cross_article(conn)


def score_gva(gold_path: Path | None, options: dict[str, Any]) -> dict[str, Any] | None:
    """Eval section ``gva`` (None unless ``--gva FOLDER`` was given). ``gva_db``: keep the
    store there and reuse it next time (extraction is the slow part)."""
    folder = options.get("gva")
    if not folder:
        return None
    data = read_gva(Path(folder))
    with (tempfile.TemporaryDirectory() as tmp,
          opened(options.get("gva_db") or Path(tmp) / "gva.db") as conn):
        load_store(conn, data)
        return score_store(conn, data)

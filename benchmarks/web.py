"""Web UI page timings on a synthetic 5,000-article store (a benchmark, not a test).

    python benchmarks/web.py [--articles 5000] [--per-story 100] [--db PATH] [--repeat 7]

Builds the store with tests/builders.py (no NLP: articles, claims, stories,
alignments and timelines written directly), then requests every kind of page in-process
(FastAPI TestClient: no network noise) and prints the median and worst time per page next
to the 300 ms budget, plus each page's ratio to a baseline measured in the same run: the
cheapest request the app serves (a JSON 404 that opens and closes the store).
``--per-story 1000`` makes five 1,000-article stories: their pages cover the 120 most recent
articles (web/app.py STORY_ARTICLES; the page says so), the header still counts all 1,000.
The machine's load average is printed too: on a shared machine the ratios are the figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # tests/builders.py

BUDGET_MS = 300.0


def build(db: Path, articles: int, per_story: int) -> None:
    from builders import build_synthetic_store
    from wirecheck.store.db import connect

    conn = connect(db)
    if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= articles:
        conn.close()
        return
    started = time.perf_counter()
    build_synthetic_store(conn, articles, per_story)
    conn.execute("PRAGMA optimize")
    conn.close()
    print(f"built {articles} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def timings(client: object, url: str, repeat: int) -> list[float]:
    get = client.get  # type: ignore[attr-defined]
    first = get(url)
    assert first.status_code in (200, 404), (url, first.status_code)
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        get(url)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--per-story", type=int, default=100)
    ap.add_argument("--db", type=Path, default=None, help="reuse/keep the store here")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from wirecheck.store.db import connect
    from wirecheck.web import create_app

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    build(db, args.articles, args.per_story)
    conn = connect(db, readonly=True)
    article = conn.execute("SELECT id FROM articles ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    story = conn.execute("SELECT id FROM stories ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    conn.close()
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    pages = {
        "baseline (JSON 404)": "/api/nothing",
        "story list": "/",
        "story list, page 2": "/?page=2",
        "search (common word)": "/?q=Health+Ministry",
        "search (rare word)": "/?q=Dispatch+7.42",
        "story page (dossier)": f"/stories/{story}",
        "article page": f"/articles/{article}",
        "entity page": "/entity?name=Health+Ministry",
        "conflicts page": "/conflicts",
        "API: story JSON": f"/api/stories/{story}",
    }
    print(f"store: {n_articles} articles, {n_claims} claims; {args.repeat} timed requests per page; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'page':<24} {'median ms':>10} {'worst ms':>9} {'x baseline':>11}  budget {BUDGET_MS:.0f} ms")
    base = None
    over = 0
    for name, url in pages.items():
        ms = timings(client, url, args.repeat)
        median = statistics.median(ms)
        base = base or median
        ok = max(ms) < BUDGET_MS
        over += not ok
        print(f"{name:<24} {median:>10.1f} {max(ms):>9.1f} {median / base:>11.1f}  {'ok' if ok else 'OVER'}")
    tmp.cleanup()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

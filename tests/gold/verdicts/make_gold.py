"""Writes articles.jsonl and articles.alignments.jsonl of the verdict dev set.

Three fictional stories in the author's own words (every place, outlet and person is
invented), written to hold what real coverage does and the fixture corpus did not:
measures said in paraphrase ("moved to emergency shelters", "remain in shelters", "left
their homes"), tolls given without a numeral ("a man was shot and killed"), a toll raised
"from 14 to 16", a figure about an earlier flood and a season's running total next to the
incident's toll, an age ("both 51") and rounds fired beside a toll, "dockworkers",
"workers" and "strikers" counting the same people, and a wire story rewritten with a
paragraph added (a copy by containment, not by Jaccard similarity).

Gold quantities carry the measure of the core humanitarian figures; gold groups carry
the verdict and the independent sources. Located by phrase, so offsets cannot drift:

    python tests/gold/verdicts/make_gold.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

WIRE = (
    "PELLMOUTH (Lakeside Wire) - The river Arden burst its banks overnight in Pellmouth, "
    "killing at least 14 people, the county emergency office said. About 2,500 residents "
    "were moved to emergency shelters in schools and sports halls, the office said. Dozens "
    "of people were still unaccounted for on Monday morning. Boats from three neighbouring "
    "counties joined the search along the flooded streets near the old harbour, where the "
    "water stood higher than the doors of the houses. The last major flood in the town, in "
    "2011, killed nine people."
)
REWRITE = (
    "Volunteers handed out blankets and hot soup at the Pellmouth sports hall late on "
    "Monday, and the Harbor Gazette's own reporters found families sleeping on gym mats. "
    "Shopkeepers on Quay Row said the water had ruined a season's stock in a few hours. "
    + WIRE.replace("PELLMOUTH (Lakeside Wire) - ", "").replace("overnight", "during the night")
)

ARTICLES: list[dict[str, object]] = [
    {"id": "lw1", "outlet": "Lakeside Wire", "published": "2026-05-04T06:00:00+00:00",
     "title": "River Arden floods Pellmouth, at least 14 dead", "text": WIRE},
    {"id": "hg1", "outlet": "Harbor Gazette", "published": "2026-05-04T08:00:00+00:00",
     "title": "Night of fear as the Arden rises", "text": REWRITE},
    {"id": "vc1", "outlet": "Valley Courier", "published": "2026-05-05T07:00:00+00:00",
     "title": "Pellmouth toll rises to 16",
     "text": "Two more bodies were recovered in Pellmouth on Tuesday, raising the toll from "
             "14 to 16, the county emergency office said. Some 2,500 people remain in "
             "shelters across the town. Across the province, this spring's floods have "
             "killed 40 people, the office added."},
    {"id": "rn1", "outlet": "Radio Norte", "published": "2026-05-05T09:00:00+00:00",
     "title": "Pellmouth: the water recedes slowly",
     "text": "The death toll in Pellmouth has risen to 16, officials said. More than 6,000 "
             "people have left their homes across the Arden valley, the Red Cross said. "
             "Engineers will inspect the river walls once the water has gone down."},
    {"id": "lw2", "outlet": "Lakeside Wire", "published": "2026-06-10T07:00:00+00:00",
     "title": "Dockworkers walk out at Port Carrow",
     "text": "About 3,000 dockworkers walked off the job at Port Carrow on Wednesday, "
             "halting container traffic, the dockers' union said. Police arrested 12 "
             "strikers who blocked the main gate, a police spokeswoman said."},
    {"id": "hg2", "outlet": "Harbor Gazette", "published": "2026-06-10T09:00:00+00:00",
     "title": "Port Carrow strike over pay",
     "text": "Some 3,000 workers at Port Carrow went on strike on Wednesday over pay, "
             "union leaders said. Twelve people were arrested after scuffles at the gate, "
             "according to the port authority."},
    {"id": "vc2", "outlet": "Valley Courier", "published": "2026-06-11T08:00:00+00:00",
     "title": "Strikers vow to stay out",
     "text": "The strikers, about 3,000 in all, vowed to stay out until Friday, their "
             "leaders said. Port officials said 40 ships were waiting offshore."},
    {"id": "et1", "outlet": "Elmsford Tribune", "published": "2026-07-18T23:00:00+00:00",
     "title": "Shooting at Elmsford night market",
     "text": "A man was shot and killed and two women were wounded at the Elmsford night "
             "market on Saturday, police said. No one else was hurt. The gunman fired at "
             "least 15 rounds before fleeing on foot, witnesses said. The two women, both "
             "51, were taken to Elmsford General."},
    {"id": "mn1", "outlet": "Metro Now", "published": "2026-07-19T01:00:00+00:00",
     "title": "One dead, two hurt in market shooting",
     "text": "One person died and two others were injured in a shooting at the Elmsford "
             "night market late Saturday, a police spokesman said."},
    {"id": "et2", "outlet": "Elmsford Tribune", "published": "2026-07-20T15:00:00+00:00",
     "title": "Second victim of market shooting dies",
     "text": "One of the two women hurt in Saturday's shooting at the night market died on "
             "Monday, bringing the death toll to two, police said."},
]


# Core humanitarian figures: (article, the figure's words, measure, low, high, hedge).
QUANTITIES: list[tuple[str, str, str, float | None, float | None, str]] = [
    ("lw1", "at least 14", "killed", 14, None, "lower_bound"),
    ("lw1", "About 2,500", "evacuated", 2250, 2750, "approximate"),
    ("lw1", "Dozens", "missing", 24, 144, "range"),
    ("lw1", "nine", "killed", 9, 9, "exact"),
    ("hg1", "at least 14", "killed", 14, None, "lower_bound"),
    ("hg1", "About 2,500", "evacuated", 2250, 2750, "approximate"),
    ("vc1", "16", "killed", 16, 16, "exact"),
    ("vc1", "Some 2,500", "evacuated", 2250, 2750, "approximate"),
    ("vc1", "40", "killed", 40, 40, "exact"),
    ("rn1", "16", "killed", 16, 16, "exact"),
    ("rn1", "More than 6,000", "displaced", 6000, None, "lower_bound"),
    ("lw2", "12", "arrested", 12, 12, "exact"),
    ("hg2", "Twelve", "arrested", 12, 12, "exact"),
    ("et1", "A man was shot and killed", "killed", 1, 1, "exact"),
    ("et1", "two", "injured", 2, 2, "exact"),
    ("mn1", "One person died", "killed", 1, 1, "exact"),
    ("mn1", "two", "injured", 2, 2, "exact"),
    ("et2", "two, police", "killed", 2, 2, "exact"),
]

# Verdict groups: (article, phrase) claims; verdict and independent sources.
GROUPS: list[dict[str, object]] = [
    {"label": "Pellmouth killed", "verdict": "evolving", "claims": [
        ("lw1", "at least 14"), ("hg1", "at least 14"), ("vc1", "14 to 16"), ("rn1", "16")]},
    {"label": "Pellmouth evacuated", "verdict": "agree", "sources": 2, "claims": [
        ("lw1", "About 2,500"), ("hg1", "About 2,500"), ("vc1", "Some 2,500")]},
    {"label": "killed in the 2011 flood", "verdict": "single_source", "sources": 1,
     "claims": [("lw1", "nine people"), ("hg1", "nine people")]},
    {"label": "the season's floods", "verdict": "single_source", "sources": 1,
     "claims": [("vc1", "40 people")]},
    {"label": "displaced in the valley", "verdict": "single_source", "sources": 1,
     "claims": [("rn1", "More than 6,000")]},
    {"label": "on strike", "verdict": "agree", "sources": 3, "claims": [
        ("lw2", "About 3,000"), ("hg2", "Some 3,000"), ("vc2", "about 3,000")]},
    {"label": "arrested", "verdict": "agree", "sources": 2, "claims": [
        ("lw2", "12"), ("hg2", "Twelve people")]},
    {"label": "Elmsford killed", "verdict": "evolving", "claims": [
        ("et1", "A man was shot and killed"), ("mn1", "One person died"),
        ("et2", "two, police")]},
    {"label": "Elmsford injured", "verdict": "agree", "sources": 2, "claims": [
        ("et1", "two"), ("mn1", "two")]},
]


def _find(texts: dict[str, str], aid: str, phrase: str) -> tuple[int, int]:
    start = texts[aid].index(phrase)
    if phrase == "two, police":  # the figure is the word, not the punctuation after it
        return start, start + 3
    return start, start + len(phrase)


def build() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    texts = {str(a["id"]): str(a["text"]) for a in ARTICLES}
    records = []
    for a in ARTICLES:
        quantities = []
        for aid, phrase, measure, low, high, hedge in QUANTITIES:
            if aid != a["id"]:
                continue
            start, end = _find(texts, aid, phrase)
            value = (low + high) / 2 if hedge == "approximate" and low and high else (
                low if hedge == "exact" else None)
            quantities.append({"start": start, "end": end, "low": low, "high": high,
                               "value": value, "hedge": hedge, "measure": measure,
                               "unit": "people"})
        records.append({**a, "story": str(a["id"])[:2], "quantities": quantities})
    groups = [{"label": g["label"], "verdict": g["verdict"],
               **({"sources": g["sources"]} if "sources" in g else {}),
               "claims": [[aid, *_find(texts, aid, phrase)]
                          for aid, phrase in g["claims"]]}  # type: ignore[attr-defined]
              for g in GROUPS]
    return records, groups


def main() -> None:
    records, groups = build()
    (HERE / "articles.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (HERE / "articles.alignments.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in groups), encoding="utf-8")


if __name__ == "__main__":
    main()

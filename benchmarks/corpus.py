"""A seeded, fast generator of a synthetic news corpus for the benchmarks and batch tests.

Everything is invented (outlets, places, people), but shaped like real coverage: many
stories, each covered by several outlets over several days; ~500-word articles with hedged
numbers ("at least 41", "approximately 1.5 million", "dozens"), attributions and chains
("a Veloran newspaper citing Ostrian officials"), relative dates ("on Tuesday", "last
week"), a death toll that rises from day to day, and wire copies (verbatim and lightly
edited reposts of agency copy). Same seed, same corpus, byte for byte.

    python benchmarks/corpus.py OUT_DIR --articles 10000 [--seed 7] [--format jsonl|warc|text]

JSONL is one object per line in the gold format's article fields (id, outlet, url,
published, title, text, story); WARC writes HTTP response records with HTML pages, as in
Common Crawl News; text writes one .txt per article (no metadata).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUTLETS = [
    "The Harbour Ledger", "Northgate Times", "Meridian Daily", "The Calder Post",
    "Ravenmoor Herald", "Eastline News", "The Quillon Observer", "Saltmarsh Gazette",
    "Brightwater Chronicle", "The Tessaly Star", "Corvane Today", "Amberfield Courier",
]
WIRES = ["Continental Press Agency", "Global Wire Service"]
DEMONYMS = {"Velora": "Veloran", "Ostria": "Ostrian", "Kaldun": "Kalduni", "Marravia": "Marravian",
            "Tesmin": "Tesmini", "Orlanth": "Orlanthi", "Bresca": "Brescan", "Surenne": "Surennese"}
COUNTRIES = list(DEMONYMS)
CITIES = [
    "Port Adrel", "Kessamar", "Lunvik", "Oranto", "Valdmere", "Serrow", "Tiraz", "Hollin Bay",
    "Marren", "Castrel", "Ebbing", "Duvarna", "Quell", "Istrova", "Yarrowdale", "Fennick",
]
PEOPLE = [
    "Amara Voss", "Tomas Reyl", "Ilse Marchetti", "Daniel Okoro", "Priya Handel", "Jonas Kree",
    "Helena Strand", "Mateo Varga", "Nadia Farrow", "Viktor Lamm", "Selin Arda", "Oskar Bell",
]
BODIES = [
    "the Health Ministry", "the Interior Ministry", "the civil defence agency",
    "the Red Crescent", "the United Nations refugee agency", "the regional governor's office",
    "the national disaster authority", "local hospital officials", "the World Food Programme",
]
ANONYMOUS = ["officials familiar with the matter", "two diplomats", "a senior security source",
             "witnesses", "aid workers on the ground"]
KINDS = {  # event kind -> (headline verb, cause noun, measures it reports)
    "earthquake": ("strikes", "the earthquake", ["killed", "injured", "displaced"]),
    "flood": ("hits", "the floods", ["killed", "evacuated", "displaced"]),
    "airstrike": ("hits", "the strike", ["killed", "injured"]),
    "wildfire": ("spreads near", "the fire", ["evacuated", "killed"]),
    "factory fire": ("breaks out in", "the blaze", ["killed", "injured"]),
    "ferry accident": ("capsizes off", "the accident", ["killed", "missing"]),
}
NOUN = {"killed": "killed", "injured": "injured", "displaced": "displaced",
        "evacuated": "evacuated", "missing": "reported missing"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Background sentences: templates x slot values give thousands of distinct sentences, so
# articles of one story share facts but not whole paragraphs (no false near-duplicates).
FILLER = [
    "{group} described scenes of {feeling} as {crews} worked through the night in {district}.",
    "The government said it would {review} once the immediate crisis had passed.",
    "{party} lawmakers called for {inquiry} into the response in {city}.",
    "Roads into {district} remained closed on {day}, and {utility} was cut to several districts.",
    "Schools in {district} were turned into {shelter} for families who had lost their homes.",
    "Neighbouring {country2} offered to send {aid} to {city}.",
    "Footage shared online showed {damage} and crowds gathered outside {building}.",
    "Analysts said the disaster would test the new government, which took office in {month}.",
    "{person}, a spokesperson for {body}, urged people to {advice}.",
    "{agency} warned that shortages of {need} could lead to {risk} within days.",
    "The region was hit by a similar disaster in {year}, when {past} people died.",
    "Prices of {goods} in {city} have risen sharply since the start of the crisis, traders said.",
    "Volunteers arrived from {origin} to help {task}.",
    "The prime minister is expected to visit {district} {when}, his office said.",
    "Talks on {topic} are planned for April or early May.",
    "{person} told reporters that {claim}.",
    "In {district}, {group2} queued for hours to receive {need}.",
    "The {org} said its teams had reached {district} but that access to {place2} remained difficult.",
    "Officials in {country2} said they were monitoring the situation closely.",
    "{agency} said it had released emergency funds worth {money} to support the response.",
    "Engineers were assessing {building} for structural damage on {day}.",
    "Last week, {party} politicians had warned that {district} was poorly prepared.",
]
SLOTS = {
    "group": ["Residents", "Shopkeepers", "Survivors", "Parents", "Local journalists", "Farmers"],
    "group2": ["families", "elderly residents", "displaced people", "hundreds of people"],
    "feeling": ["confusion", "panic", "grief", "disbelief", "quiet determination"],
    "crews": ["emergency crews", "rescue teams", "firefighters", "army engineers", "volunteers"],
    "district": ["the old town", "the harbour district", "the northern suburbs", "the valley",
                 "the market quarter", "the eastern districts", "the airport road"],
    "review": ["review its emergency procedures", "publish a full account of the response",
               "compensate affected families", "rebuild damaged schools and clinics"],
    "party": ["Opposition", "Green", "Liberal", "Independent", "Regional"],
    "inquiry": ["an independent inquiry", "a parliamentary hearing", "a full investigation"],
    "utility": ["power", "water", "mobile phone coverage", "gas"],
    "shelter": ["temporary shelters", "field hospitals", "distribution centres"],
    "aid": ["rescue teams", "medical supplies", "tents and blankets", "water purification units"],
    "damage": ["collapsed buildings", "flooded streets", "burned-out cars", "fallen power lines"],
    "building": ["the main hospital", "the central station", "the town hall", "a school"],
    "month": ["January", "March", "June", "September", "November"],
    "advice": ["follow the instructions of local authorities", "avoid the area",
               "boil drinking water", "stay indoors overnight"],
    "agency": ["Aid agencies", "The World Food Programme", "The Red Crescent", "Doctors' groups"],
    "need": ["clean water", "medicine", "fuel", "food", "blood for transfusions"],
    "risk": ["outbreaks of disease", "a humanitarian crisis", "unrest", "further deaths"],
    "past": ["hundreds of", "more than 200", "dozens of", "about 80"],
    "goods": ["bread", "fuel", "bottled water", "rice", "building materials"],
    "origin": ["across the country", "neighbouring towns", "abroad", "the capital"],
    "task": ["clear debris", "distribute food", "search for survivors", "repair roads"],
    "when": ["later this week", "on Friday", "next week", "within days"],
    "topic": ["reconstruction funding", "emergency aid", "insurance payouts", "a recovery plan"],
    "claim": ["the worst was over", "more help was needed", "the response had been too slow",
              "the figures would rise"],
    "org": ["International Red Cross", "United Nations", "Civil Protection Agency"],
    "place2": ["the mountain villages", "the islands", "the coastal road", "the border area"],
    "money": ["$2 million", "$15 million", "about $40 million", "more than 3 million euros"],
}
TEMPLATE_SLOTS = {t: [k for k in SLOTS if "{" + k + "}" in t] for t in FILLER}


@dataclass
class Story:
    """One invented news event: its facts, and a toll that rises from day to day."""

    label: str
    kind: str
    city: str
    country: str
    start: datetime
    base: dict[str, int]
    days: int


def _hedged(rng: random.Random, n: int) -> str:
    """A number as outlets hedge it: exact, at least, about, more than, a range, a vague multiple."""
    pick = rng.random()
    if n >= 1_000_000 and pick < 0.5:
        return f"{rng.choice(['approximately', 'about', 'some', 'over'])} {n / 1_000_000:.1f} million"
    if n >= 100 and pick < 0.15:
        return "hundreds of" if n < 1000 else "thousands of"
    if pick < 0.15 and 24 <= n <= 144:
        return "dozens of"
    if pick < 0.35:
        return f"at least {n:,}"
    if pick < 0.5:
        return f"more than {n:,}"
    if pick < 0.6:
        return f"between {n:,} and {n + max(2, n // 5):,}"
    if pick < 0.7:
        return f"nearly {n + max(1, n // 20):,}"
    if pick < 0.8:
        return f"about {round(n, -1) or n:,}"
    return f"{n:,}"


def _source(rng: random.Random, story: Story) -> str:
    """Who says it: a body, a person, an anonymous source, or a chain through a newspaper."""
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(BODIES)
    if pick < 0.65:
        return f"{rng.choice(PEOPLE)}, a spokesperson for {rng.choice(BODIES)},"
    if pick < 0.8:
        return rng.choice(ANONYMOUS)
    other = rng.choice([c for c in COUNTRIES if c != story.country])
    return f"a {DEMONYMS[other]} newspaper citing {DEMONYMS[story.country]} officials"


def _number_sentence(rng: random.Random, story: Story, measure: str, n: int, day: str) -> str:
    num, src = _hedged(rng, n), _source(rng, story)
    noun = "people" if rng.random() < 0.6 else rng.choice(["civilians", "residents", "children"])
    cause = KINDS[story.kind][1]
    forms = [
        f"{num} {noun} were {NOUN[measure]} in {cause}, according to {src}.",
        f"{src} said on {day} that {num} {noun} had been {NOUN[measure]}.",
        f"The number of {noun} {NOUN[measure]} rose to {num} by {day}, {src} reported.",
        f"According to {src}, {num} {noun} were {NOUN[measure]} across {story.city} and nearby villages.",
    ]
    sentence = rng.choice(forms)
    return sentence[0].upper() + sentence[1:]


def _toll(story: Story, measure: str, day: int) -> int:
    """A running figure that grows as days pass (an update, not a contradiction)."""
    base = story.base[measure]
    return base + base * day // 3


def _paragraphs(rng: random.Random, story: Story, published: datetime, words: int) -> list[str]:
    day_name = WEEKDAYS[(published - timedelta(days=1)).weekday()]
    day_no = (published - story.start).days
    fill = {"day": day_name, "city": story.city, "country2": rng.choice(COUNTRIES),
            "year": str(rng.randint(1995, 2019)), "person": rng.choice(PEOPLE),
            "body": rng.choice(BODIES)}
    fillers = rng.sample(FILLER, len(FILLER))
    measures = KINDS[story.kind][2]
    article = "An" if story.kind[0] in "aeiou" else "A"
    lede = (f"{article} {story.kind} {KINDS[story.kind][0]} {story.city} in {story.country}: "
            + _number_sentence(rng, story, measures[0], _toll(story, measures[0], day_no), day_name))
    paras, count = [lede], len(lede.split())
    while count < words:
        sents = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.3:
                m = rng.choice(measures)
                sents.append(_number_sentence(rng, story, m, _toll(story, m, day_no), day_name))
            else:
                template = fillers.pop() if fillers else rng.choice(FILLER)
                slots = {k: rng.choice(SLOTS[k]) for k in TEMPLATE_SLOTS[template]}
                sents.append(template.format(**fill, **slots))
        para = " ".join(sents)
        paras.append(para)
        count += len(para.split())
    return paras


def _stories(rng: random.Random, n: int, start: datetime) -> list[Story]:
    out = []
    for i in range(n):
        kind = rng.choice(list(KINDS))
        city, country = rng.choice(CITIES), rng.choice(COUNTRIES)
        base = {m: rng.choice([3, 7, 12, 19, 31, 48, 120, 450, 2_300, 1_500_000])
                for m in KINDS[kind][2]}
        when = start + timedelta(days=rng.randint(0, 700), hours=rng.randint(0, 23))
        out.append(Story(f"{kind} in {city} #{i}", kind, city, country, when, base,
                         rng.randint(2, 6)))
    return out


def generate(n_articles: int, *, seed: int = 7, words: int = 500,
             per_story: int = 25) -> Iterator[dict[str, Any]]:
    """Yield ``n_articles`` article dicts (gold-format fields), deterministically from ``seed``."""
    rng = random.Random(seed)
    stories = _stories(rng, max(1, n_articles // per_story), datetime(2024, 1, 1, tzinfo=UTC))
    wire_copy: dict[str, Any] | None = None
    for i in range(n_articles):
        story = stories[rng.randrange(len(stories))]
        published = story.start + timedelta(days=rng.randrange(story.days),
                                            hours=rng.randint(1, 20), minutes=rng.randint(0, 59))
        outlet = rng.choice(OUTLETS + WIRES)
        if wire_copy is not None and rng.random() < 0.08:  # a repost of the last agency copy
            text = wire_copy["text"]
            if rng.random() < 0.5:  # lightly edited: the outlet adds a closing line
                text += f"\n\nAdditional reporting by {rng.choice(OUTLETS)} staff."
            yield {**wire_copy, "id": f"a{i:07d}", "outlet": rng.choice(OUTLETS), "text": text,
                   "url": f"https://news.example/{i:07d}"}
            continue
        paras = _paragraphs(rng, story, published, words)
        title = f"{story.kind.title()} in {story.city}: {paras[0].split(':', 1)[1].strip()[:80]}"
        art = {"id": f"a{i:07d}", "outlet": outlet, "url": f"https://news.example/{i:07d}",
               "published": published.isoformat(), "title": title,
               "text": "\n\n".join(paras), "story": story.label}
        if outlet in WIRES:
            wire_copy = art
        yield art


def write_jsonl(articles: Iterator[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
            n += 1
    return n


def _html(art: dict[str, Any]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in art["text"].split("\n\n"))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(art['title'])}</title>"
        f"<meta property='og:site_name' content='{html.escape(art['outlet'])}'>"
        f"<link rel='canonical' href='{art['url']}'>"
        f"<meta property='article:published_time' content='{art['published']}'></head>"
        f"<body><nav>Home | World | Sport</nav><article><h1>{html.escape(art['title'])}</h1>"
        f"{body}</article><footer>© {html.escape(art['outlet'])}</footer></body></html>"
    ).encode()


def write_warc(articles: Iterator[dict[str, Any]], path: Path) -> int:
    """HTTP response records with HTML pages, gzipped per record (as Common Crawl News)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    n = 0
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for art in articles:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(art["url"], "response",
                                               payload=io.BytesIO(_html(art)),
                                               http_headers=headers)
            writer.write_record(record)
            n += 1
    return n


def write_text(articles: Iterator[dict[str, Any]], folder: Path) -> int:
    n = 0
    for art in articles:
        (folder / f"{art['id']}.txt").write_text(art["title"] + "\n\n" + art["text"],
                                                 encoding="utf-8")
        n += 1
    return n


def write_corpus(out: Path, n_articles: int, *, seed: int = 7, fmt: str = "jsonl",
                 words: int = 500) -> Path:
    """Write the corpus under ``out`` and return the file (or folder, for text) written."""
    out.mkdir(parents=True, exist_ok=True)
    articles = generate(n_articles, seed=seed, words=words)
    if fmt == "jsonl":
        target = out / f"corpus-{n_articles}-{seed}.jsonl"
        write_jsonl(articles, target)
    elif fmt == "warc":
        target = out / f"corpus-{n_articles}-{seed}.warc.gz"
        write_warc(articles, target)
    elif fmt == "text":
        target = out / f"corpus-{n_articles}-{seed}"
        target.mkdir(exist_ok=True)
        write_text(articles, target)
    else:
        raise ValueError(f"unknown format {fmt!r} (jsonl, warc, text)")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write into")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--words", type=int, default=500, help="approximate words per article")
    ap.add_argument("--format", choices=["jsonl", "warc", "text"], default="jsonl")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    target = write_corpus(args.out, args.articles, seed=args.seed, fmt=args.format,
                          words=args.words)
    print(f"wrote {args.articles} articles to {target} in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

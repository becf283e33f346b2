"""Read the ECB+ corpus (Cybulska & Vossen 2014) into Articles plus its gold annotations.

ECB+ ships tokens, not text: each file is ``<token t_id sentence number>`` elements followed
by stand-off mentions (``<Markables>``, pointing at token ids) and coreference relations
(``<Relations>``). We rebuild readable text sentence by sentence (one line each, tokens
joined with the usual spacing rules) and keep a token → character offset map, so every gold
mention becomes a :class:`~wirecheck.model.Span` of the rebuilt text and the normal
pipeline can run on the very same characters it is scored on.

Files named ``T_Necbplus.xml`` start with the URL the text was found at, tokenized as
sentence 0; it becomes ``Article.url`` (and the outlet), never part of the text.

Gold given per document: topic (= story), sub-event (topic + ``ecb``/``ecbplus``), and per
mention its chain: the ``note`` of its ``CROSS_DOC_COREF`` relation, an intra-document
chain id for ``INTRA_DOC_COREF``, or a singleton id. ``ECBplus_coreference_sentences.csv``
lists the sentences that were fully annotated; coreference is scored on those only.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from wirecheck.errors import InputError
from wirecheck.model import Article

TEST_TOPICS = frozenset(range(36, 46))
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
EVENT_PREFIXES = ("ACTION_", "NEG_")

_NO_SPACE_BEFORE = frozenset({
    ".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "'re", "'ve", "'ll",
    "'d", "'m", "''", "”", "’", "...", "…",
})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "‘"})
_QUOTES = {"``": '"', "''": '"'}
_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)$")


@dataclass(frozen=True)
class Mention:
    """One gold mention: its tag, where it is in the rebuilt text, and its gold chain."""

    id: str  # "<doc>:<m_id>"
    doc: str
    tag: str  # ACTION_OCCURRENCE, NEG_ACTION_STATE, HUMAN_PART_PER, ...
    sentence: int
    start: int
    end: int
    text: str
    chain: str  # cross-document instance id, "INTRA_..." or "SINGLETON_..."

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(EVENT_PREFIXES)


@dataclass
class EcbDocument:
    """One ECB+ file: rebuilt text, URL, topic/sub-event and gold mentions."""

    name: str  # "1_10ecb"
    topic: int
    subtopic: str  # "1_ecb" or "1_ecbplus"
    text: str
    url: str | None = None
    title: str | None = None
    token_offsets: dict[int, tuple[int, int]] = field(default_factory=dict)
    sentence_offsets: dict[int, tuple[int, int]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return f"ecbplus-{self.name}"

    def article(self) -> Article:
        """The document as an Article (ECB+ carries no publish dates: ``published`` is None)."""
        return Article(
            id=self.article_id, text=self.text, outlet=outlet_of(self.url), url=self.url,
            title=self.title, source_path=f"ecbplus/{self.topic}/{self.name}.xml",
            source_format="ecbplus",
        )

    def event_mentions(self, sentences: frozenset[int] | None = None) -> list[Mention]:
        """Event (ACTION_*/NEG_*) mentions, optionally only in the given sentences."""
        return [m for m in self.mentions
                if m.is_event and (sentences is None or m.sentence in sentences)]


def outlet_of(url: str | None) -> str | None:
    """The site a URL belongs to, without ``www.``: the closest thing ECB+ has to an outlet."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"http://{url}").netloc.lower()
    return host.removeprefix("www.") or None


def _join(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Detokenize one sentence; returns the text and each token's (start, end) in it."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    glue = True
    for i, raw in enumerate(tokens):
        tok = _QUOTES.get(raw, raw)
        if out and not glue and raw not in _NO_SPACE_BEFORE:
            out.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        glue = raw in _NO_SPACE_AFTER or _inside_number(tokens, i)
    return "".join(out), offsets


def _inside_number(tokens: list[str], i: int) -> bool:
    """Token ``i`` is the point or thousands comma of a number the corpus split in three
    ("5", ".", "9"; "22", ",", "000"): the next token is glued on, so the text reads "5.9"
    and "22,000" as the article printed them (not "5. 9", which reads as two numbers).
    A date's comma ("October 05, 2009") is followed by four digits and keeps its space."""
    if tokens[i] not in (".", ",") or i == 0 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before.isdigit() and after.isdigit()):
        return False
    return tokens[i] == "." or len(after) == 3


def _sentences(root: ET.Element) -> dict[int, list[tuple[int, str]]]:
    sents: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(
            (int(tok.get("t_id", "0")), tok.text or ""))
    return sents


def _chains(root: ET.Element, doc: str) -> dict[str, str]:
    """m_id → chain id, for every mention that takes part in a relation."""
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note") or f"CROSS_{rel.get('r_id')}"
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"INTRA_{doc}_{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            chains[src.get("m_id", "")] = chain
    return chains


def parse_document(path: Path) -> EcbDocument:
    """Parse one ECB+ XML file; raises :class:`InputError` naming the file when unreadable."""
    match = _NAME.match(path.stem)
    if not match:
        raise InputError(str(path), "not an ECB+ file name (expected T_Necb.xml / T_Necbplus.xml)")
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"unreadable ECB+ XML: {exc}") from exc
    topic, kind, name = int(match.group(1)), match.group(3), path.stem
    sents = _sentences(root)
    url = None
    if kind == "ecbplus" and 0 in sents and sents[0][0][1].lower().startswith("http"):
        url = "".join(t for _, t in sents.pop(0))
    lines: list[str] = []
    token_offsets: dict[int, tuple[int, int]] = {}
    sentence_offsets: dict[int, tuple[int, int]] = {}
    base = 0
    for number in sorted(sents):
        line, offs = _join([t for _, t in sents[number]])
        for (t_id, _), (s, e) in zip(sents[number], offs, strict=True):
            token_offsets[t_id] = (base + s, base + e)
        sentence_offsets[number] = (base, base + len(line))
        lines.append(line)
        base += len(line) + 1
    text = "\n".join(lines)
    doc = EcbDocument(name=name, topic=topic, subtopic=f"{topic}_{kind}", text=text, url=url,
                      token_offsets=token_offsets, sentence_offsets=sentence_offsets)
    doc.title = _title(lines)
    sentence_of = {t_id: number for number, toks in sents.items() for t_id, _ in toks}
    doc.mentions = _mentions(root, doc, sentence_of)
    return doc


def _title(lines: list[str]) -> str | None:
    """The first line when it reads like a headline (short, no final full stop)."""
    if lines and len(lines[0].split()) <= 20 and not lines[0].rstrip().endswith("."):
        return lines[0].strip() or None
    return None


def _mentions(root: ET.Element, doc: EcbDocument, sentence_of: dict[int, int]) -> list[Mention]:
    chains = _chains(root, doc.name)
    markables = root.find("Markables")
    mentions = []
    for mark in markables if markables is not None else []:
        anchors = [int(a.get("t_id", "0")) for a in mark.findall("token_anchor")]
        anchors = [t for t in anchors if t in doc.token_offsets]
        if not anchors:
            continue  # an instance descriptor (no tokens), or a mention on the URL line
        m_id = mark.get("m_id", "")
        start = min(doc.token_offsets[t][0] for t in anchors)
        end = max(doc.token_offsets[t][1] for t in anchors)
        mentions.append(Mention(
            id=f"{doc.name}:{m_id}", doc=doc.name, tag=mark.tag, sentence=sentence_of[anchors[0]],
            start=start, end=end, text=doc.text[start:end],
            chain=chains.get(m_id, f"SINGLETON_{doc.name}_{m_id}"),
        ))
    mentions.sort(key=lambda m: (m.start, m.end, m.id))
    return mentions


def read_corpus(root: Path, topics: Iterable[int] | None = None) -> Iterator[EcbDocument]:
    """Every document of the corpus (or of some topics), in topic then file order."""
    wanted = set(topics) if topics is not None else None
    folders = sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()),
                     key=lambda p: int(p.name))
    for folder in folders:
        if wanted is not None and int(folder.name) not in wanted:
            continue
        for path in sorted(folder.glob("*.xml"), key=_file_order):
            yield parse_document(path)


def _file_order(path: Path) -> tuple[int, int, str]:
    match = _NAME.match(path.stem)
    return (int(match.group(1)), int(match.group(2)), match.group(3)) if match else (0, 0, path.stem)


def coref_sentences(root: Path) -> dict[str, frozenset[int]]:
    """Document name → the sentence numbers annotated for coreference (the scoring scope)."""
    path = root / "ECBplus_coreference_sentences.csv"
    found: dict[str, set[int]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            found.setdefault(f"{row['Topic']}_{row['File']}", set()).add(
                int(row["Sentence Number"]))
    return {k: frozenset(v) for k, v in found.items()}

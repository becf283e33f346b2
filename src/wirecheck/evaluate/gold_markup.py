"""Compile readable gold markup (``tests/gold/attributions.src.txt``) into gold JSONL.

People write and review gold as text plus annotation lines naming what they mark by its
words; character offsets are computed here, never typed by hand, and every name is checked
against the article (a claim span must occur, a source or chain link must be somewhere in
the text), so the JSONL cannot drift from its text. Usage::

    python -m wirecheck.evaluate.gold_markup SRC.txt OUT.jsonl

Markup: blocks start with ``=== id=... outlet="..." published=... story=...``, then
``title:``, ``text:`` (the article body, up to ``attributions:``), ``attributions:`` lines
``span[#n] | source or - | chain "A > B" (empty = [source]) | kind`` and ``entities:`` lines
``cluster: surface[#n]; surface`` (no ``#n`` = every whole-word occurrence; longer surfaces
claim their characters first, so "Corvex" inside "Corvex Systems" is not a second mention).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError

_SECTIONS = ("title:", "text:", "attributions:", "entities:")


def _occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of whole-word occurrences of ``surface`` in ``text``."""
    pattern = (r"(?<!\w)" if surface[:1].isalnum() else "") + re.escape(surface)
    pattern += r"(?!\w)" if surface[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(pattern, text)]


def _locate(text: str, ref: str, where: str) -> tuple[int, int]:
    """Offsets of ``surface#n`` (n-th occurrence, 1-based); the surface must be unique otherwise."""
    surface, _, nth = ref.rpartition("#") if re.search(r"#\d+$", ref) else (ref, "", "")
    starts = _occurrences(text, surface)
    if not starts:
        raise InputError(where, f"{surface!r} does not occur in the text")
    if nth:
        index = int(nth) - 1
        if not 0 <= index < len(starts):
            raise InputError(where, f"{surface!r} has no occurrence #{nth}")
        return starts[index], starts[index] + len(surface)
    if len(starts) > 1:
        raise InputError(where, f"{surface!r} occurs {len(starts)} times; add #n")
    return starts[0], starts[0] + len(surface)


def _attribution(text: str, line: str, where: str) -> dict[str, Any]:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) < 2:
        raise InputError(where, f"attribution line needs 'span | source': {line!r}")
    parts += [""] * (4 - len(parts))
    span, source, chain_text, kind = parts[:4]
    start, end = _locate(text, span, where)
    if source == "-":
        return {"start": start, "end": end, "text": text[start:end], "source": None,
                "chain": [], "kind": "unattributed"}
    chain = [c.strip() for c in chain_text.split(">")] if chain_text else [source]
    for name in [source, *chain]:
        if not _occurrences(text, name):
            raise InputError(where, f"source {name!r} does not occur in the text")
    if chain[0] != source:
        raise InputError(where, f"chain {chain} must start with the source {source!r}")
    return {"start": start, "end": end, "text": text[start:end], "source": source,
            "chain": chain, "kind": kind or None}


def _entities(text: str, lines: list[str], where: str) -> list[dict[str, Any]]:
    """Entity mentions with their cluster; longer surfaces claim characters first."""
    wanted: list[tuple[str, str]] = []
    for line in lines:
        cluster, _, rest = line.partition(":")
        wanted += [(cluster.strip(), s.strip()) for s in rest.split(";") if s.strip()]
    taken: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []
    for cluster, ref in sorted(wanted, key=lambda cs: -len(cs[1])):
        if re.search(r"#\d+$", ref):
            spans = [_locate(text, ref, where)]
        else:
            starts = _occurrences(text, ref)
            if not starts:
                raise InputError(where, f"entity {ref!r} does not occur in the text")
            spans = [(s, s + len(ref)) for s in starts]
        for s, e in spans:
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                out.append({"start": s, "end": e, "text": text[s:e], "cluster": cluster})
    return sorted(out, key=lambda m: (m["start"], m["end"]))


def _header(line: str, where: str) -> dict[str, Any]:
    fields = dict(item.split("=", 1) for item in shlex.split(line[3:].strip()))
    if "id" not in fields:
        raise InputError(where, "block header needs id=")
    return {"id": fields["id"], "outlet": fields.get("outlet"),
            "published": fields.get("published"), "story": fields.get("story")}


def _block(lines: list[str], where: str) -> dict[str, Any]:
    record = _header(lines[0], where)
    where = f"{where} ({record['id']})"
    section = ""
    body: dict[str, list[str]] = {s: [] for s in _SECTIONS}
    for line in lines[1:]:
        head = next((s for s in _SECTIONS if line.startswith(s)), None)
        if head:
            section = head
            rest = line[len(head):].strip()
            if rest:
                body[head].append(rest)
        elif section:
            body[section].append(line)
    text = "\n".join(body["text:"]).strip("\n")
    record["title"] = " ".join(body["title:"]).strip() or None
    record["text"] = text
    record["attributions"] = [_attribution(text, ln, where) for ln in body["attributions:"]
                              if ln.strip()]
    record["entities"] = _entities(text, [ln for ln in body["entities:"] if ln.strip()], where)
    return record


def compile_markup(src: str, where: str = "gold markup") -> list[dict[str, Any]]:
    """Gold records (the gold format plus ``entities``) from markup text."""
    blocks: list[list[str]] = []
    for line in src.splitlines():
        if line.startswith("#") and not blocks:
            continue
        if line.startswith("=== "):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    return [_block(b, where) for b in blocks]


def to_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: python -m wirecheck.evaluate.gold_markup SRC.txt OUT.jsonl\n")
        return 1
    src = Path(argv[0])
    records = compile_markup(src.read_text(encoding="utf-8"), str(src))
    Path(argv[1]).write_text(to_jsonl(records), encoding="utf-8")
    n_attr = sum(1 for r in records for a in r["attributions"] if a["source"])
    n_un = sum(1 for r in records for a in r["attributions"] if not a["source"])
    n_ent = sum(len(r["entities"]) for r in records)
    sys.stderr.write(f"{len(records)} articles, {n_attr} attributed + {n_un} unattributed "
                     f"claims, {n_ent} entity mentions\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))

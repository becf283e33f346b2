"""`wirecheck eval`: score the extractors against gold (one table, or one JSON object).

Named evaluate.py, not eval.py, so that importing it never shadows the builtin ``eval``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, print_json, print_table
from wirecheck.errors import WirecheckError
from wirecheck.evaluate.harness import evaluate

_PRF = ("p", "r", "f1")


def score_rows(result: dict[str, Any], path: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Flatten nested scores into table rows: a P/R/F1 dict is one row, a number another.

    Works for any section a scorer adds, so new sections print without touching this."""
    rows: list[dict[str, Any]] = []
    for key, value in result.items():
        here = (*path, str(key))
        if isinstance(value, dict) and all(k in value for k in _PRF):
            rows.append(
                {
                    "section": here[0],
                    "metric": ".".join(here[1:]) or "-",
                    **{k: _fmt(value[k]) for k in _PRF},
                }
            )
            rows += score_rows({k: v for k, v in value.items() if k not in _PRF}, here)
        elif isinstance(value, dict):
            rows += score_rows(value, here)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            rows.append(
                {"section": here[0], "metric": ".".join(here[1:]) or "-", "value": _fmt(value)}
            )
    return rows


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


@app.command("eval")
def eval_(
    ctx: typer.Context,
    gold: Path | None = typer.Argument(
        None, help="Gold JSONL file, or a folder of them (format: docs/gold-format.md); "
        "optional when a corpus option (--newsquant, --ecbplus, --gva, --polnear) is given."
    ),
    newsquant: Path | None = typer.Option(
        None, "--newsquant", help="Also score NewsQuant.json (or its folder) with its published metric."
    ),
    tokenized: bool = typer.Option(
        False, "--tokenized", help="Run the tokenizer only (no parse): the fast path."
    ),
    ecbplus: Path | None = typer.Option(
        None,
        "--ecbplus",
        help="Also score on this ECB+ corpus folder: entity resolution and event "
        "coreference (test topics 36-45), story and sub-event clustering (all topics).",
    ),
    gva: Path | None = typer.Option(
        None, "--gva",
        help="Also score on this GVA folder (articles.jsonl.gz + incidents.json): stories "
        "against incidents, killed/injured headline figures against the official counts, "
        "next to the most-common-number baseline.",
    ),
    gva_db: Path | None = typer.Option(
        None, "--gva-db", help="Keep the GVA store here and reuse it (extraction is the slow "
        "part; stories and alignment are always recomputed)."),
    polnear: Path | None = typer.Option(
        None,
        "--polnear",
        help="Also score attribution on this PolNeAR split (e.g. polnear/dev.jsonl.gz): "
        "sources by position, speech/report cues apart, next to a said/told baseline.",
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Precision, recall and F1 of the extractors against gold annotations."""
    if gold is None and newsquant is None and ecbplus is None and gva is None and \
            polnear is None:
        raise WirecheckError(
            "give a gold file or folder, or a corpus: --newsquant, --ecbplus, --gva, --polnear")
    if gold is not None and not gold.exists():
        raise WirecheckError(f"no such gold file or folder: {gold}")
    if gva is not None and not (gva / "incidents.json").is_file():
        raise WirecheckError(f"not a GVA folder (no incidents.json): {gva}")
    if polnear is not None and not polnear.is_file():
        raise WirecheckError(f"no such PolNeAR file: {polnear}")
    if newsquant is not None and newsquant.is_dir():  # the data folder holds NewsQuant.json
        newsquant = newsquant / "NewsQuant.json"
    if newsquant is not None and not newsquant.is_file():
        raise WirecheckError(f"no such NewsQuant file: {newsquant}")
    if ecbplus is not None and not (ecbplus / "ECBplus_coreference_sentences.csv").is_file():
        raise WirecheckError(f"not an ECB+ corpus folder: {ecbplus}")
    note(ctx, f"evaluating against {gold or 'the corpora given'} ...")
    result = evaluate(
        gold,
        {
            "newsquant": str(newsquant) if newsquant else None,
            "tokenized": tokenized,
            "ecbplus": str(ecbplus) if ecbplus else None,
            "gva": str(gva) if gva else None,
            "gva_db": str(gva_db) if gva_db else None,
            "polnear": str(polnear) if polnear else None,
        },
    )
    if not result:  # an empty table and exit 0 read as "all passed"
        raise WirecheckError(f"nothing to evaluate: {gold or 'the corpora given'} holds no gold "
                             "records (format: docs/gold-format.md)")
    if as_json:
        print_json(result)
    else:
        print_table(
            score_rows(result),
            ["section", "metric", "p", "r", "f1", "value"],
            title=f"wirecheck eval {gold or ''}".rstrip(),
        )

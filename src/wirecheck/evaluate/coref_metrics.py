"""Clustering scores: MUC, B³, CEAF-e, CoNLL F1 (coreference) and the adjusted Rand index.

Clusters are lists of sets of hashable mention keys. Gold and predicted mention sets may
differ (our own mention detection): like the CoNLL reference scorer, a mention missing
from one side simply contributes nothing there — recall is measured over gold mentions,
precision over predicted ones. The same B³ scores story clustering (articles as mentions).

Precision and recall have different denominators (and B³/CEAF numerators are fractional),
so scores are :class:`Score`; its ``to_dict`` matches :class:`~wirecheck.evaluate.metrics.PRF`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from math import comb

Clusters = Sequence[frozenset[Hashable]] | Sequence[set[Hashable]]


@dataclass(frozen=True)
class Score:
    """Precision = p_num / p_den, recall = r_num / r_den (0.0 when undefined)."""

    p_num: float
    p_den: float
    r_num: float
    r_den: float

    @property
    def p(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def r(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


def clusters_from_labels(labels: dict[Hashable, Hashable]) -> list[frozenset[Hashable]]:
    """Item → cluster label mapping as a list of clusters (deterministic order)."""
    grouped: dict[Hashable, set[Hashable]] = {}
    for item, label in labels.items():
        grouped.setdefault(label, set()).add(item)
    return [frozenset(c) for c in grouped.values()]


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(keys: Clusters, other: dict[Hashable, int]) -> tuple[int, int]:
    num = den = 0
    for cluster in keys:
        if not cluster:
            continue
        parts = {other.get(m, ("missing", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Clusters, pred: Clusters) -> Score:
    """Vilain et al. (1995): links kept, counted over partitions of each cluster."""
    r_num, r_den = _muc_side(gold, _index(pred))
    p_num, p_den = _muc_side(pred, _index(gold))
    return Score(p_num, p_den, r_num, r_den)


def _b3_side(keys: Clusters, other_clusters: Clusters) -> tuple[float, int]:
    other = _index(other_clusters)
    total = 0.0
    n = 0
    for cluster in keys:
        counts = Counter(other[m] for m in cluster if m in other)
        total += sum(c * c for c in counts.values()) / len(cluster) if cluster else 0.0
        n += len(cluster)
    return total, n


def b_cubed(gold: Clusters, pred: Clusters) -> Score:
    """Bagga & Baldwin (1998): per-mention overlap of its gold and predicted clusters."""
    r_num, r_den = _b3_side(gold, pred)
    p_num, p_den = _b3_side(pred, gold)
    return Score(p_num, p_den, r_num, r_den)


def ceaf_e(gold: Clusters, pred: Clusters) -> Score:
    """Luo (2005), entity-based: best one-to-one cluster matching under φ4 similarity."""
    gold_list = [frozenset(c) for c in gold if c]
    pred_list = [frozenset(c) for c in pred if c]
    total = sum(_best_matching(g_ids, p_ids, gold_list, pred_list)
                for g_ids, p_ids in _components(gold_list, pred_list))
    return Score(total, len(pred_list), total, len(gold_list))


def _components(gold: list[frozenset[Hashable]], pred: list[frozenset[Hashable]]
                ) -> Iterable[tuple[list[int], list[int]]]:
    """Groups of gold/pred clusters connected by shared mentions (matching is independent)."""
    parent = list(range(len(gold) + len(pred)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    gold_of = _index(gold)
    for j, cluster in enumerate(pred):
        for m in cluster:
            if m in gold_of:
                parent[find(len(gold) + j)] = find(gold_of[m])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(gold)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(pred)):
        groups.setdefault(find(len(gold) + j), ([], []))[1].append(j)
    return [g for g in groups.values() if g[0] and g[1]]


def _best_matching(g_ids: list[int], p_ids: list[int], gold: list[frozenset[Hashable]],
                   pred: list[frozenset[Hashable]]) -> float:
    weight = [[2 * len(gold[g] & pred[p]) / (len(gold[g]) + len(pred[p])) for p in p_ids]
              for g in g_ids]
    if len(g_ids) > len(p_ids):
        weight = [list(col) for col in zip(*weight, strict=True)]
    assignment = hungarian_max(weight)
    return sum(weight[i][j] for i, j in enumerate(assignment))


def hungarian_max(weight: list[list[float]]) -> list[int]:
    """Column chosen for each row maximizing total weight (rows ≤ columns), O(n²m)."""
    n = len(weight)
    m = len(weight[0]) if n else 0
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[col] = row (1-based), 0 = free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        match[0] = row
        col0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = match[col0], inf, 0
            for col in range(1, m + 1):
                if not used[col]:
                    cur = -weight[r0 - 1][col - 1] - u[r0] - v[col]
                    if cur < minv[col]:
                        minv[col], way[col] = cur, col0
                    if minv[col] < delta:
                        delta, col1 = minv[col], col
            for col in range(m + 1):
                if used[col]:
                    u[match[col]] += delta
                    v[col] -= delta
                else:
                    minv[col] -= delta
            col0 = col1
            if match[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            match[col0] = match[col1]
            col0 = col1
    result = [0] * n
    for col in range(1, m + 1):
        if match[col]:
            result[match[col] - 1] = col - 1
    return result


@dataclass(frozen=True)
class CorefScores:
    """The three link-, mention- and entity-based scores and their CoNLL mean."""

    muc: Score
    b3: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict[str, object]:
        return {"muc": self.muc.to_dict(), "b3": self.b3.to_dict(),
                "ceaf_e": self.ceaf_e.to_dict(), "conll_f1": round(self.conll_f1, 4)}


def coref_scores(gold: Clusters, pred: Clusters) -> CorefScores:
    return CorefScores(muc(gold, pred), b_cubed(gold, pred), ceaf_e(gold, pred))


def adjusted_rand_index(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> float:
    """Hubert & Arabie (1985) ARI over the items both labelings share."""
    items = [i for i in gold if i in pred]
    n = len(items)
    if n < 2:
        return 1.0
    table = Counter((gold[i], pred[i]) for i in items)
    a = Counter(gold[i] for i in items)
    b = Counter(pred[i] for i in items)
    index = sum(comb(c, 2) for c in table.values())
    sum_a = sum(comb(c, 2) for c in a.values())
    sum_b = sum(comb(c, 2) for c in b.values())
    expected = sum_a * sum_b / comb(n, 2)
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)

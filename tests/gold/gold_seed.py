"""Gold for the two seed articles (values from ../shared/corpus/seed/README.md).

Only the annotations live here; the article text stays in ../shared and is joined back by
path and hash when the gold is loaded. The seed articles have no publish date, so their
time expressions are gold as unresolved.
"""

from build_gold import A, Doc, E, L, T

P = "people"

SEED_DOCS = [
    (Doc("seed-000", None, story="Rafah ground operation", text="", items=[
        A("approximately 1.5 million", 1_500_000, measure="evacuated", unit=P,
          subject="civilians"),
        T("post-Eid al-Fitr", None, None, resolved=False),
        T("in April or early May", None, None, resolved=False),
    ]), "000_ff7f6ef5f5bbac78.txt"),
    (Doc("seed-003", None, story="Rafah ground operation", text="", items=[
        L("Over 1 Million", 1_000_000, measure="displaced", unit=P, subject="People"),
        L("over 1 million", 1_000_000, measure="displaced", unit=P, subject="individuals"),
        L("more than 31,800", 31_800, measure="killed", unit=P, subject="Palestinians"),
        E("2.2 million", 2_200_000, measure="population", unit=P, subject="Gaza"),
        T("on Tuesday", None, None, resolved=False),
        T("since the onset of the conflict", None, None, resolved=False),
    ]), "003_8dc68d4e7b601160.txt"),
]

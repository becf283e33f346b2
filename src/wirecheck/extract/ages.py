"""People's ages: numbers that say how old, not how many ("three men, ages 24, 31 and 40"),
and "old" as the head of a person ("a 16-year old")."""

from __future__ import annotations

from typing import Any

AGE_NOUNS = frozenset({"age", "ages", "aged"})
AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# People named by what they are, whose ages news sets off in commas ("the gunman, 24,").
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "teen", "teenager", "child", "toddler", "infant", "baby",
    "male", "female", "victim", "gunman", "shooter", "suspect", "driver", "passenger",
    "student", "resident", "officer", "deputy", "trooper", "worker", "employee", "owner",
    "customer", "neighbor", "neighbour", "friend", "son", "daughter", "mother", "father",
    "brother", "sister", "wife", "husband", "boyfriend", "girlfriend", "grandmother",
    "grandfather", "cousin", "nephew", "niece", "uncle", "aunt", "mom", "dad",
})
# Groups, whose ages come as a list ("two males, 30 and 42, were hurt"); "the victims was
# 12" would be a count, so these never take the age of a copula.
GROUP_NOUNS = frozenset({
    "men", "women", "boys", "girls", "males", "females", "teens", "teenagers", "children",
    "kids", "victims", "sons", "daughters", "brothers", "sisters", "cousins", "friends",
})


def after_ages(tok: Any) -> bool:
    """A number listed after "ages" / "age" / "aged" (up its coordination, or a number
    the parser hung on the one before it: "ages 25, 26, and 33"): "ages 24, 31 and 40"
    are three ages, and "One man, age 19," is one man."""
    num = tok
    for _ in range(8):
        if num.lower_ in AGE_NOUNS:
            return True
        listed = num.dep_ == "conj" or (num.dep_ == "appos" and num.head.like_num)
        if not listed or num.head.i == num.i:
            break
        num = num.head
    return num.dep_ in ("nummod", "appos", "npadvmod", "pobj", "dobj") and (
        num.head.lower_ in AGE_NOUNS)


def is_age_noun(tok: Any) -> bool:
    """"a 16-year-old", "an 18-month old": the tokenizer splits the age, and "old" heads it."""
    return tok.lower_ in ("old", "olds") and tok.dep_ not in ("amod", "acomp") and any(
        c.lower_ in AGE_UNITS for c in tok.children)

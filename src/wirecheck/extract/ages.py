"""Numbers that give people's ages, not how many people: "three men, ages 24, 31 and 40"."""

from __future__ import annotations

from typing import Any

AGE_NOUNS = frozenset({"age", "ages", "aged"})


def after_ages(tok: Any) -> bool:
    """A number listed after "ages" / "age" / "aged" (up its coordination): "ages 24, 31
    and 40" are three ages, and "One man, age 19," is one man."""
    num = tok
    for _ in range(8):
        if num.lower_ in AGE_NOUNS:
            return True
        if num.dep_ != "conj" or num.head.i == num.i:
            break
        num = num.head
    return num.dep_ in ("nummod", "appos", "npadvmod", "pobj", "dobj") and (
        num.head.lower_ in AGE_NOUNS)

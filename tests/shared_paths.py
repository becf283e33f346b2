"""Where the tests find real data: ../shared beside the checkout, fixtures, gold.

A module of its own (not conftest) so test files can import it by a unique name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed"
DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = Path(__file__).resolve().parent / "gold"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is not beside the checkout, e.g. a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is only beside the checkout in CI)")
    return path

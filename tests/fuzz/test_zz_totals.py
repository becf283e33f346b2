"""The bar: at least 10,000 generated reader cases per full run of the fuzz suite.

Named to run last in tests/fuzz; it checks what actually ran (cases hypothesis generated
and the readers read), not what was asked for, and skips when the run was partial.
"""

from __future__ import annotations

import pytest
from fuzz_contract import CASES, SCALE
from test_readers_fuzz import PLAN

BAR = 10_000


@pytest.mark.slow
def test_the_fuzz_run_read_at_least_10000_generated_cases() -> None:
    if SCALE != 1:
        pytest.skip(f"WIRECHECK_FUZZ_SCALE={SCALE}: a partial run")
    if set(CASES) != set(PLAN):
        pytest.skip(f"only {sorted(CASES)} of the fuzz tests ran in this session")
    total = sum(CASES.values())
    print(f"fuzz: {total} generated reader cases")
    assert sum(PLAN.values()) >= BAR
    assert total >= BAR, f"only {total} cases ran: {dict(CASES)}"

"""Every module imports on its own, whatever a user imports first.

An import cycle shows only when a module of the cycle is the first one imported, so each
module is imported into an interpreter that holds no wirecheck module yet.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import wirecheck

_CHECK = """
import importlib, sys, traceback
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "wirecheck" or m.startswith("wirecheck.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc().strip().splitlines()[-1])
print("\\n".join(failed))
"""


def _modules() -> list[str]:
    root = Path(wirecheck.__file__).parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_each_module_imports_first() -> None:
    names = _modules()
    assert "wirecheck.store.story_rows" in names
    done = subprocess.run([sys.executable, "-c", _CHECK, *names], capture_output=True,
                          text=True, timeout=600, check=True)
    assert done.stdout.strip() == ""


def test_the_package_still_offers_reconcile_store() -> None:
    from wirecheck.reconcile import reconcile_store
    from wirecheck.reconcile.persist import reconcile_store as direct
    assert reconcile_store is direct

"""The core package must work without Qt: import every module with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import gui.core

BLOCKER = """
import importlib.abc, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "qasync":
            raise ImportError(f"{name} is blocked: gui.core must not import Qt")
        return None

sys.meta_path.insert(0, BlockQt())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
import gui.sandbox
print("imported", len(sys.argv) - 1)
"""


def test_core_imports_without_pyside6() -> None:
    modules = [f"gui.core.{info.name}" for info in pkgutil.iter_modules(gui.core.__path__)]
    assert "gui.core.engine" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout

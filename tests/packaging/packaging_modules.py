"""Load packaging/pixelpost_bundle.py and packaging/build.py for the tests.

packaging/ is not a Python package (a package of that name would hide the
PyPI ``packaging`` distribution), so the modules are loaded from their files.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING_DIR = Path(__file__).resolve().parents[2] / "packaging"


def load(module_name: str, file_name: str) -> ModuleType:
    """Import ``packaging/<file_name>`` as ``module_name``, once per test session."""
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING_DIR / file_name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


# build.py reuses the module registered under this name, so both see one object.
bundle = load("pixelpost_bundle", "pixelpost_bundle.py")
build = load("pixelpost_build", "build.py")

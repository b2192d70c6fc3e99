"""Location of the data folder ``resources/`` (catalog, error texts, translations)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resource_dir() -> Path:
    """Return the ``resources`` folder.

    ``PIXELPOST_RESOURCES`` overrides it. A PyInstaller bundle keeps it beside the
    bundled modules (``sys._MEIPASS``); a source checkout or editable install keeps
    it next to the ``gui`` package.
    """
    override = os.environ.get("PIXELPOST_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"

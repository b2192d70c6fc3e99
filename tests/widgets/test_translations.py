"""The Simplified Chinese translation is complete, current and loadable."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from gui.core.resources import resource_dir
from gui.widgets.translate import CONTEXT

TS_FILE = resource_dir() / "i18n" / "pixelpost_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
SOURCES = [*sorted((Path(__file__).parents[2] / "gui" / "widgets").glob("*.py"))]
SOURCES.append(Path(__file__).parents[2] / "gui" / "app.py")


def messages(ts_file: Path) -> dict[str, ElementTree.Element]:
    tree = ElementTree.parse(ts_file)
    return {
        str(message.findtext("source")): message
        for message in tree.iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") not in ("obsolete", "vanished")  # type: ignore[union-attr]
    }


def test_every_message_translated() -> None:
    found = messages(TS_FILE)
    assert len(found) > 80
    for source, message in found.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") != "unfinished", source
        assert translation.text, source
        for placeholder in ("{field}", "{value}", "{region}", "{model}", "{count}"):
            if placeholder in source:
                assert placeholder in translation.text, (source, translation.text)


def test_catalog_of_sources_is_current(tmp_path: Path) -> None:
    """Running lupdate on the sources finds no string missing from the .ts file."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *map(str, SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert set(messages(fresh)) == set(messages(TS_FILE))


def test_compiled_translation_matches_source() -> None:
    """The committed .qm contains exactly the translations in the .ts file."""
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate(CONTEXT, "Send request") == "发送请求"
    for source, message in messages(TS_FILE).items():
        assert translator.translate(CONTEXT, source) == message.findtext("translation"), source

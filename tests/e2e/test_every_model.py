"""Every served catalog model, through the window's form and the emulator, to saved images."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from gui.core.catalog import load_catalog
from gui.core.library import TaskStatus
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.main_window import MainWindow

pytestmark = pytest.mark.timeout(120)

ACTIVE = [model.id for model in load_catalog().active()]


@pytest.mark.parametrize("model_id", ACTIVE)
def test_form_example_generates_saved_result(
    model_id: str, window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot
) -> None:
    model = services.catalog[model_id]
    example = emulator.resolve_samples(dict(model.example))
    assert window.select_model(model_id)
    form = window.form
    assert form is not None
    form.set_values(example)
    assert form.validate() == [], [issue.message() for issue in form.issues]

    # The form produces the request its initial values plus the example describe.
    mode = window.mode
    assert mode is not None
    expected = build_request(model, {**model.initial_values(), **example}, mode)
    assert build_request(model, form.values(), mode).body == expected.body

    record = window.send()
    assert record is not None, window.message_label.text()

    def finished() -> bool:
        current = services.library.get_task(record.id)
        return current is not None and current.status.is_terminal and not current.downloads_pending

    qtbot.waitUntil(finished, timeout=30000)
    final = services.library.get_task(record.id)
    assert final is not None
    assert final.status == TaskStatus.SUCCEEDED, (final.error_code, final.error_message)
    assert final.saved_files
    for file in final.saved_files:
        with Image.open(file) as image:
            assert image.width > 0
        sidecar = json.loads(Path(file).with_suffix(".json").read_text(encoding="utf-8"))
        assert sidecar["model"] == model_id
    qtbot.waitUntil(lambda: len(window.preview.image_labels) == len(final.saved_files), timeout=5000)

    submits = [r for r in emulator.requests if r.method == "POST" and "/tasks/" not in r.path]
    assert json.loads(submits[-1].body) == expected.body
    sent_async = submits[-1].header("X-DashScope-Async") == "enable"
    assert sent_async == (mode == "async")

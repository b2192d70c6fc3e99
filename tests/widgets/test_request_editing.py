"""Editing requests: raw JSON mode, retired models, regions and typed model ids."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.sandbox import Emulator
from gui.widgets.main_window import MainWindow

pytestmark = pytest.mark.timeout(60)


def test_raw_json_round_trip_keeps_unknown_fields(window: MainWindow) -> None:
    window.select_model("wan2.2-t2i-flash")
    assert window.form is not None
    window.form.set_values({"prompt": "a lighthouse", "seed": 7})
    window.request_tabs.setCurrentWidget(window.raw_json)
    body = json.loads(window.raw_json.edit.toPlainText())
    assert body["input"]["prompt"] == "a lighthouse"
    assert body["parameters"]["seed"] == 7

    body["parameters"]["future_option"] = {"level": 3}
    body["input"]["prompt"] = "一座灯塔"
    body["debug_note"] = "kept"
    window.raw_json.edit.setPlainText(json.dumps(body, ensure_ascii=False))
    window.request_tabs.setCurrentIndex(0)
    assert window.form.values()["prompt"] == "一座灯塔"

    window.request_tabs.setCurrentWidget(window.raw_json)
    again = json.loads(window.raw_json.edit.toPlainText())
    assert again["parameters"]["future_option"] == {"level": 3}
    assert again["debug_note"] == "kept"
    assert again["input"]["prompt"] == "一座灯塔"


def test_raw_json_error_names_position(window: MainWindow) -> None:
    window.select_model("wan2.2-t2i-flash")
    window.request_tabs.setCurrentWidget(window.raw_json)
    window.raw_json.edit.setPlainText('{"model": "wan2.2-t2i-flash",\n "input": }')
    window.request_tabs.setCurrentIndex(0)
    assert window.request_tabs.currentWidget() is window.raw_json
    assert "line 2" in window.raw_json.error.text()
    assert window.send() is None
    assert "line 2" in window.message_label.text()


def test_raw_json_validation_points_at_field(window: MainWindow, emulator: Emulator) -> None:
    window.select_model("wan2.2-t2i-flash")
    window.request_tabs.setCurrentWidget(window.raw_json)
    body = {"model": "wan2.2-t2i-flash", "input": {"prompt": "a"}, "parameters": {"n": 9}}
    window.raw_json.edit.setPlainText(json.dumps(body))
    assert window.send() is None
    assert "9" in window.message_label.text()
    assert "1 to 4" in window.raw_json.error.text()
    assert not [r for r in emulator.requests if r.method == "POST"]


def test_raw_json_sends_unknown_members(
    window: MainWindow, emulator: Emulator, services: Services, qtbot: QtBot
) -> None:
    window.select_model("wan2.2-t2i-flash")
    window.request_tabs.setCurrentWidget(window.raw_json)
    body = {
        "model": "wan2.2-t2i-flash",
        "input": {"prompt": "a lighthouse"},
        "parameters": {"n": 1, "future_option": True},
    }
    window.raw_json.edit.setPlainText(json.dumps(body))
    record = window.send()
    assert record is not None
    qtbot.waitUntil(lambda: bool([r for r in emulator.requests if r.method == "POST"]), timeout=5000)
    sent = json.loads(next(r for r in emulator.requests if r.method == "POST").body)
    assert sent["parameters"]["future_option"] is True


def test_retired_model_explains_and_offers_replacement(window: MainWindow) -> None:
    retired = next(m for m in window._services.catalog if m.is_retired() and m.replacement)
    assert window.select_model(retired.id)
    assert retired.retired is not None
    assert retired.retired.isoformat() in window.notice_label.text()
    assert window.notice_button.isVisible()
    assert retired.replacement is not None
    assert retired.replacement in window.notice_button.text()
    assert not window.send_button.isEnabled()
    window.notice_button.click()
    assert window.model is not None
    assert window.model.id == retired.replacement


def test_retired_models_hidden_by_default(window: MainWindow) -> None:
    listed = [window.model_combo.itemData(i) for i in range(window.model_combo.count())]
    retired = [m.id for m in window._services.catalog if m.is_retired()]
    assert retired
    assert not set(listed) & set(retired)
    window.retired_check.setChecked(True)
    listed = [window.model_combo.itemData(i) for i in range(window.model_combo.count())]
    assert set(retired) <= set(listed)


def test_region_without_model_offers_switch(window: MainWindow) -> None:
    window.select_region("virginia")
    window.select_model("wanx-v1")
    assert "not offered" in window.notice_label.text()
    assert window.notice_button.isVisible()
    window.notice_button.click()
    assert window.region == "beijing"
    assert window.send_button.isEnabled()


def test_typed_snapshot_id_is_sent_as_typed(
    window: MainWindow, emulator: Emulator, qtbot: QtBot
) -> None:
    assert window.select_model("wan2.6-t2i-2026-01-15")
    assert window.model is not None
    assert window.model.id == "wan2.6-t2i"
    assert window.model_name == "wan2.6-t2i-2026-01-15"
    assert window.form is not None
    window.form.set_values({"prompt": "a kite"})
    record = window.send()
    assert record is not None
    qtbot.waitUntil(lambda: bool([r for r in emulator.requests if r.method == "POST"]), timeout=5000)
    sent = json.loads(next(r for r in emulator.requests if r.method == "POST").body)
    assert sent["model"] == "wan2.6-t2i-2026-01-15"


def test_unknown_typed_model_is_explained(window: MainWindow) -> None:
    assert not window.select_model("no-such-model")
    line_edit = window.model_combo.lineEdit()
    assert line_edit is not None
    line_edit.setText("no-such-model")
    line_edit.editingFinished.emit()
    assert "no-such-model" in window.message_label.text()

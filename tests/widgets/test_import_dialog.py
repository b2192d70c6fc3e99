"""Pasting a curl command opens it as a request; a pasted key goes only to the key store."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.core.services import Services
from gui.widgets.main_window import MainWindow
from tests.conftest import files_containing

pytestmark = pytest.mark.timeout(30)

PASTED_KEY = "sk-test-fake-pasted-000000000000beef"

CMD_COMMAND = (
    'curl.exe -X POST "https://dashscope.aliyuncs.com/api/v1/services/aigc/text2image/image-synthesis" ^\n'
    '  -H "X-DashScope-Async: enable" ^\n'
    f'  -H "Authorization: Bearer {PASTED_KEY}" ^\n'
    '  -H "Content-Type: application/json" ^\n'
    '  -d "{\\"model\\": \\"wanx2.1-t2i-turbo\\", \\"input\\": {\\"prompt\\": \\"一只戴着草帽的橘猫\\"}, '
    '\\"parameters\\": {\\"size\\": \\"1280*720\\", \\"n\\": 1, \\"future\\": 3}}"'
)


def test_pasted_command_fills_form_and_offers_key(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = window.open_import_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.edit.setPlainText(CMD_COMMAND)
    dialog.import_button.click()
    assert window.region == "beijing"
    assert window.model is not None
    assert window.model.id == "wanx2.1-t2i-turbo"
    assert window.form is not None
    values = window.form.values()
    assert values["prompt"] == "一只戴着草帽的橘猫"
    assert values["size"] == "1280*720"
    assert window._extra == {"parameters": {"future": 3}}
    assert PASTED_KEY not in dialog.message.text()
    assert "contains an API key" in dialog.message.text()
    assert dialog.save_key_button.isVisible()
    assert services.keys.get("beijing") is None

    dialog.save_key_button.click()
    assert services.keys.get("beijing") == PASTED_KEY
    assert "sk-…beef" in dialog.message.text()
    dialog.close()
    home = services.paths.results_dir.parent
    services.library._db.execute("PRAGMA wal_checkpoint(FULL)")
    assert files_containing(home, PASTED_KEY) == []


def test_broken_command_is_explained(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_import_dialog()
    dialog.edit.setPlainText("curl -X POST 'https://dashscope.aliyuncs.com/api/v1/x' -d '{")
    assert dialog.run_import() is None
    assert "could not be read" in dialog.message.text()
    assert "column 59" in dialog.message.text()
    dialog.close()


@pytest.mark.parametrize("export_format", ["bash", "cmd", "powershell", "python", "sdk"])
def test_copy_form_as_command(window: MainWindow, services: Services, export_format: str) -> None:
    from PySide6.QtGui import QGuiApplication

    services.keys.set("beijing", PASTED_KEY)
    window.select_region("beijing")
    window.select_model("wanx2.1-t2i-turbo")
    assert window.form is not None
    window.form.set_values({"prompt": "一只戴着草帽的橘猫"})
    text = window.copy_request_as(export_format)
    assert text is not None
    assert QGuiApplication.clipboard().text() == text
    assert "一只戴着草帽的橘猫" in text
    assert "DASHSCOPE_API_KEY" in text
    assert PASTED_KEY not in text
    if export_format == "sdk":
        assert "ImageSynthesis" in text  # the SDK chooses the endpoint itself
    else:
        assert "text2image/image-synthesis" in text

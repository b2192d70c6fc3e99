"""Local images end to end, in the window and on the command line.

The tests drop a file on an editing form and send it, paint a mask and send it, and
replace an image the service could not download with a local file. On the command
line they send local paths and file:// URIs.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator
from gui.sandbox.requestlog import RecordedRequest
from gui.widgets.main_window import MainWindow
from tests.widgets.test_image_field import FakePicker, drop_files
from tests.widgets.test_mask_painter import drag

pytestmark = pytest.mark.timeout(60)

OSS_HEADER = "X-DashScope-OssResourceResolve"


def write_png(path: Path, size: tuple[int, int], colour: str = "orange") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = Image.new("RGB", size, colour)
    for x in range(0, size[0], 7):
        picture.putpixel((x, x % size[1]), (x % 256, 20, 200))
    picture.save(path, "PNG")
    return path


def routed(emulator: Emulator, route: str) -> list[RecordedRequest]:
    return [request for request in emulator.requests if request.route == route]


def wait_finished(services: Services, qtbot: QtBot, local_id: str) -> TaskRecord:
    def finished() -> bool:
        record = services.library.get_task(local_id)
        return record is not None and record.status.is_terminal and not record.downloads_pending

    qtbot.waitUntil(finished, timeout=20000)
    record = services.library.get_task(local_id)
    assert record is not None
    return record


def test_dropped_file_uploaded_unchanged(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "我的 照片" / "花瓶 1.png", (800, 600))
    assert window.select_model("wanx2.1-imageedit")
    form = window.form
    assert form is not None
    form.set_values({"function": "description_edit", "prompt": "A blue vase on the table"})
    drop_files(form.editors["base_image_url"].input, [image])
    assert form.values()["base_image_url"] == str(image)

    notes: list[str] = []
    window.bridge.task_changed.connect(
        lambda record: notes.append(window.task_model.data(window.task_model.index(0, 0)))
        if record.note_code == "uploading"
        else None
    )
    with qtbot.waitSignal(window.task_submitted, timeout=5000) as submitted:
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    record = wait_finished(services, qtbot, submitted.args[0].id)
    assert record.status == TaskStatus.SUCCEEDED, record.error_message

    assert any(note.startswith("Uploading file 1 of 1") for note in notes), notes
    submit = routed(emulator, "submit")[0]
    url = submit.json()["input"]["base_image_url"]
    assert url.startswith("oss://")
    assert submit.header(OSS_HEADER) == "enable"
    stored = emulator.uploaded_file(url)
    assert stored is not None
    assert stored.data == image.read_bytes()
    assert stored.model_id == "wanx2.1-imageedit"
    assert record.body["input"]["base_image_url"] == str(image)
    kinds = [
        window.inspector_dock.panel.model.exchange(row).kind
        for row in range(window.inspector_dock.panel.model.rowCount())
    ]
    assert "upload_policy" in kinds
    assert "upload" in kinds


def test_painted_mask_sent_at_base_size(
    window: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot, tmp_path: Path
) -> None:
    base = write_png(tmp_path / "底图 photo.png", (720, 600), "skyblue")
    assert window.select_model("wanx2.1-imageedit")
    form = window.form
    assert form is not None
    form.set_values(
        {
            "function": "description_edit_with_mask",
            "prompt": "A vase of sunflowers",
            "base_image_url": str(base),
        }
    )
    tools = form.editors["mask_image_url"].image_tools
    assert tools is not None
    qtbot.waitUntil(tools.mask_button.isEnabled)
    qtbot.mouseClick(tools.mask_button, Qt.MouseButton.LeftButton)
    dialog = tools.mask_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.size_spin.setValue(30)
    drag(dialog.canvas, [QPoint(200, 300), QPoint(300, 310), QPoint(420, 320)])
    qtbot.mouseClick(dialog.rectangle_button, Qt.MouseButton.LeftButton)
    drag(dialog.canvas, [QPoint(500, 50), QPoint(650, 150)])
    save = dialog.buttons.buttons()[0]
    with qtbot.waitSignal(dialog.mask_saved, timeout=5000) as saved:
        dialog.save()
    mask_path = Path(saved.args[0])
    assert mask_path.is_relative_to(services.paths.data_dir / "inputs" / "masks")
    assert form.values()["mask_image_url"] == str(mask_path)
    assert save is not None

    record = window.send()
    assert record is not None, window.message_label.text()
    record = wait_finished(services, qtbot, record.id)
    assert record.status == TaskStatus.SUCCEEDED, record.error_message

    body = routed(emulator, "submit")[0].json()["input"]
    uploaded = emulator.uploaded_file(body["mask_image_url"])
    assert uploaded is not None
    with Image.open(io.BytesIO(uploaded.data)) as received:
        assert received.size == (720, 600)
        rgb = received.convert("RGB")
        colours = {colour for _count, colour in rgb.getcolors(maxcolors=1 << 20)}
        assert colours == {(0, 0, 0), (255, 255, 255)}
        for painted in ((200, 300), (300, 310), (420, 320), (500, 50), (575, 100), (650, 150)):
            assert rgb.getpixel(painted) == (255, 255, 255), painted
        for kept in ((5, 5), (300, 100), (715, 595), (200, 400)):
            assert rgb.getpixel(kept) == (0, 0, 0), kept
    base_upload = emulator.uploaded_file(body["base_image_url"])
    assert base_upload is not None
    assert base_upload.data == base.read_bytes()


# The emulator never fetches a URL; one that is not its own fails as the service
# fails when it cannot download an image.
UNREACHABLE = "http://127.0.0.1:9/photos/holiday.png"


@pytest.mark.parametrize(
    ("model_id", "field", "values", "mode"),
    [
        # The error names the mask's URL, so the mask is replaced, not the base image.
        (
            "wanx2.1-imageedit",
            "mask_image_url",
            {
                "function": "description_edit_with_mask",
                "prompt": "A vase",
                "base_image_url": "sample:photo",
                "mask_image_url": UNREACHABLE,
            },
            "async",
        ),
        # The data-inspection error names no URL, so the first URL is replaced.
        (
            "qwen-image-2.0",
            "images",
            {"prompt": "Make the sky orange", "images": [UNREACHABLE, "sample:style"]},
            "sync",
        ),
    ],
)
def test_download_failure_fixed_with_local_file(
    window: MainWindow,
    services: Services,
    emulator: Emulator,
    qtbot: QtBot,
    tmp_path: Path,
    model_id: str,
    field: str,
    values: dict[str, Any],
    mode: str,
) -> None:
    local = write_png(tmp_path / "本地 照片.png", (1024, 1024), "white")
    assert window.select_model(model_id)
    form = window.form
    assert form is not None
    form.set_values(emulator.resolve_samples(values))
    failed = window.send()
    assert failed is not None, window.message_label.text()
    failed = wait_finished(services, qtbot, failed.id)
    assert failed.status == TaskStatus.ERROR
    assert failed.error_code in ("BadRequest.InputDownloadFailed", "InvalidParameter.DataInspection")

    panel = window.preview.error_panel
    qtbot.waitUntil(panel.action_button.isVisible)
    assert panel.action_button.text() == "Use a local file…"
    window.image_context.picker = FakePicker([str(local)])
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)

    form = window.form
    assert form is not None
    expected: Any = [str(local), emulator.sample_url("style")] if field == "images" else str(local)
    assert form.values()[field] == expected
    if field == "mask_image_url":
        assert form.values()["base_image_url"] == emulator.sample_url("photo")
    assert "Choose a local file for" in window.message_label.text()
    assert window.mode == mode

    fixed = window.send()
    assert fixed is not None, window.message_label.text()
    fixed = wait_finished(services, qtbot, fixed.id)
    assert fixed.status == TaskStatus.SUCCEEDED, fixed.error_message
    assert [item.path for item in fixed.inputs] == [str(local)]


def run_send(request: Path, home: Path, emulator: Emulator) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PIXELPOST_SANDBOX_URL": emulator.base_url,
        "PIXELPOST_SANDBOX_KEY": emulator.key,
    }
    environment.pop("DASHSCOPE_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "gui", "--home", str(home), "send", str(request),
         "--region", "sandbox"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        env=environment,
    )


def test_command_line_sends_paths_and_file_uris(emulator: Emulator, tmp_path: Path) -> None:
    folder = tmp_path / "请求 目录"
    photo = write_png(folder / "图片" / "原图 1.png", (640, 512))
    mask = write_png(folder / "蒙版.png", (640, 512), "white")
    request = folder / "erase.json"
    body = {
        "model": "image-erase-completion",
        "input": {"image_url": "图片/原图 1.png", "mask_url": mask.as_uri()},
        "parameters": {"dilate_flag": True},
    }
    request.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")

    result = run_send(request, tmp_path / "home", emulator)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["status"] == "SUCCEEDED"
    sent = routed(emulator, "submit")[0]
    assert sent.header(OSS_HEADER) == "enable"
    urls = sent.json()["input"]
    photo_upload = emulator.uploaded_file(urls["image_url"])
    mask_upload = emulator.uploaded_file(urls["mask_url"])
    assert photo_upload is not None
    assert mask_upload is not None
    assert photo_upload.data == photo.read_bytes()
    assert mask_upload.data == mask.read_bytes()


def test_command_line_names_missing_file(emulator: Emulator, tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    body = {
        "model": "wanx2.1-imageedit",
        "input": {"function": "description_edit", "prompt": "x", "base_image_url": "gone.png"},
    }
    request.write_text(json.dumps(body), encoding="utf-8")
    result = run_send(request, tmp_path / "home", emulator)
    assert result.returncode == 2
    assert "gone.png does not exist" in result.stderr
    assert emulator.requests == []


def test_copy_as_curl_warns_about_local_file(
    window: MainWindow, tmp_path: Path
) -> None:
    photo = tmp_path / "本地 照片.png"
    Image.new("RGB", (640, 640), "teal").save(photo)
    window.select_model("wanx2.1-imageedit")
    assert window.form is not None
    window.form.set_values(
        {"function": "stylization_all", "prompt": "watercolour", "base_image_url": str(photo)}
    )
    text = window.copy_request_as("bash")
    assert text is not None
    assert "only the dashscope SDK script uploads" in window.message_label.text()
    sdk = window.copy_request_as("sdk")
    assert sdk is not None
    assert "DASHSCOPE_API_KEY" in window.message_label.text()

"""Image fields in the request form: local files chosen, dropped or pasted, thumbnails
with format, size and bytes, checks shown under the field, the URL check against the
emulator, and the mask painter button."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import qasync
import shiboken6
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from gui.core.catalog import ImageRule, load_catalog
from gui.core.url_check import UrlCheck, check_image_url
from gui.sandbox import Emulator
from gui.widgets.form import RequestForm
from gui.widgets.image_field import ImageFieldContext, ImageFieldTools, preview_reference
from tests.qt_fixtures import destroy_now

pytestmark = pytest.mark.timeout(30)

CATALOG = load_catalog()


class FakePicker:
    """Returns prepared paths at once in place of a file dialog, and records each request."""

    def __init__(self, answer: list[str]) -> None:
        self.answer = answer
        self.requests: list[tuple[str, bool]] = []

    def pick_images(
        self,
        parent: QWidget,
        title: str,
        folder: str,
        multiple: bool,
        chosen: Callable[[list[str]], None],
    ) -> None:
        self.requests.append((folder, multiple))
        chosen(self.answer)


def write_png(path: Path, size: tuple[int, int], colour: str = "orange") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


@pytest.fixture
def context(tmp_path: Path) -> ImageFieldContext:
    return ImageFieldContext(
        results_dir=tmp_path / "results",
        inputs_dir=tmp_path / "inputs",
        picker=FakePicker([]),
    )


@pytest.fixture
def make_form(qtbot: QtBot, context: ImageFieldContext) -> Iterator[Callable[[str], RequestForm]]:
    forms: list[RequestForm] = []

    def make(model_id: str) -> RequestForm:
        form = RequestForm(CATALOG[model_id], "en", image_context=context)
        qtbot.addWidget(form)
        form.resize(700, 900)
        form.show()
        forms.append(form)
        return form

    yield make
    for form in forms:
        # A test with the qt_loop fixture may have destroyed the form already.
        if shiboken6.isValid(form):
            form.close()
            form.deleteLater()
    destroy_now()


def tools_of(form: RequestForm, name: str) -> ImageFieldTools:
    tools = form.editors[name].image_tools
    assert tools is not None
    return tools


def thumbnails(form: RequestForm, name: str) -> list[QLabel]:
    return [
        label
        for label in form.findChildren(QLabel)
        if label.objectName().startswith(f"thumbnail_{name}_") and label.isVisible()
    ]


def drop_files(target: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPointF(target.rect().center())
    enter = QDragEnterEvent(
        point.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def test_local_path_value_shows_thumbnail_and_facts(
    make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "我的 图片" / "花 瓶.png", (800, 600))
    form = make_form("wanx2.1-imageedit")
    form.set_values({"base_image_url": str(image), "function": "description_edit"})
    tools = tools_of(form, "base_image_url")
    qtbot.waitUntil(lambda: len(thumbnails(form, "base_image_url")) == 1)
    assert form.editors["base_image_url"].value() == str(image)
    assert form.values()["base_image_url"] == str(image)
    info = tools.info.text()
    assert "PNG, 800*600, " in info
    assert "uploaded when sent" in info
    pixmap = thumbnails(form, "base_image_url")[0].pixmap()
    assert max(pixmap.width(), pixmap.height()) == 64
    assert not form.editors["base_image_url"].error.isVisible()


def test_small_local_image_rejected_under_field(
    make_form: Callable[[str], RequestForm], tmp_path: Path
) -> None:
    image = write_png(tmp_path / "small.png", (300, 600))
    form = make_form("wanx2.1-imageedit")
    form.set_values({"base_image_url": str(image), "function": "description_edit", "prompt": "x"})
    error = form.editors["base_image_url"].error
    assert error.isVisible()
    assert "300*600 pixels" in error.text()
    assert "512 to 4096" in error.text()


def test_missing_file_shown(make_form: Callable[[str], RequestForm], tmp_path: Path) -> None:
    form = make_form("wanx2.1-imageedit")
    missing = tmp_path / "gone.png"
    form.set_values({"base_image_url": str(missing), "function": "description_edit"})
    tools = tools_of(form, "base_image_url")
    tools.refresh()
    assert "File not found" in tools.info.text()
    assert "gone.png" in form.editors["base_image_url"].error.text()


def test_drop_file_onto_field(
    make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "拖放 目录" / "a b.png", (640, 640))
    form = make_form("wanx2.1-imageedit")
    line = form.editors["base_image_url"].input
    assert isinstance(line, QLineEdit)
    drop_files(line, [image])
    assert line.text() == str(image)
    qtbot.waitUntil(lambda: len(thumbnails(form, "base_image_url")) == 1)


def test_drop_several_files_onto_list(
    make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path
) -> None:
    first = write_png(tmp_path / "one.png", (500, 500))
    second = write_png(tmp_path / "two.png", (600, 400), "blue")
    form = make_form("qwen-image-2.0")
    edit = form.editors["images"].input
    assert isinstance(edit, QPlainTextEdit)
    drop_files(edit.viewport(), [first, second])
    assert form.editors["images"].value() == [str(first), str(second)]
    qtbot.waitUntil(lambda: len(thumbnails(form, "images")) == 2)
    info = tools_of(form, "images").info.text()
    assert "1. Local file: PNG, 500*500" in info
    assert "sent inline as a data URI" in info
    assert "2. Local file: PNG, 600*400" in info


def test_single_field_keeps_first_of_many(
    make_form: Callable[[str], RequestForm], tmp_path: Path
) -> None:
    first = write_png(tmp_path / "one.png", (600, 600))
    second = write_png(tmp_path / "two.png", (600, 600))
    form = make_form("wanx2.1-imageedit")
    drop_files(form.editors["base_image_url"].input, [first, second])
    assert form.editors["base_image_url"].value() == str(first)
    assert "first of 2" in tools_of(form, "base_image_url").info.text()


def test_paste_image_saves_png(
    make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path
) -> None:
    form = make_form("wanx2.1-imageedit")
    picture = QImage(700, 500, QImage.Format.Format_RGB32)
    picture.fill(QColor(10, 200, 30))
    QGuiApplication.clipboard().setImage(picture)
    line = form.editors["base_image_url"].input
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    value = form.editors["base_image_url"].value()
    saved = Path(value)
    assert saved.parent == tmp_path / "inputs"
    assert saved.name.startswith("pasted-")
    with Image.open(saved) as image:
        assert image.size == (700, 500)
        assert image.getpixel((5, 5)) == (10, 200, 30)


def test_paste_copied_file(make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path) -> None:
    image = write_png(tmp_path / "复制 的.png", (600, 600))
    form = make_form("wanx2.1-imageedit")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    QGuiApplication.clipboard().setMimeData(mime)
    tools = tools_of(form, "base_image_url")
    qtbot.mouseClick(tools.paste_button, Qt.MouseButton.LeftButton)
    assert form.editors["base_image_url"].value() == str(image)


def test_paste_text_still_pastes(make_form: Callable[[str], RequestForm], qtbot: QtBot) -> None:
    form = make_form("wanx2.1-imageedit")
    QGuiApplication.clipboard().setText("https://example.com/a.png")
    line = form.editors["base_image_url"].input
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.editors["base_image_url"].value() == "https://example.com/a.png"
    tools = tools_of(form, "base_image_url")
    tools.refresh()
    assert "from its own region" in tools.info.text()


def test_choose_file_and_results(
    make_form: Callable[[str], RequestForm],
    context: ImageFieldContext,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    image = write_png(tmp_path / "pick.png", (600, 600))
    result = write_png(tmp_path / "results" / "2026-12-01" / "cat_1.png", (600, 600))
    form = make_form("wanx2.1-imageedit")
    tools = tools_of(form, "base_image_url")
    picker = FakePicker([str(image)])
    context.picker = picker
    qtbot.mouseClick(tools.choose_button, Qt.MouseButton.LeftButton)
    assert form.editors["base_image_url"].value() == str(image)
    assert picker.requests == [(str(Path.home()), False)]

    assert tools.results_button.isVisible()
    picker.answer = [str(result)]
    qtbot.mouseClick(tools.results_button, Qt.MouseButton.LeftButton)
    assert form.editors["base_image_url"].value() == str(result)
    assert picker.requests[-1] == (str(tmp_path / "results"), False)

    picker.answer = [str(image)]
    qtbot.mouseClick(tools.choose_button, Qt.MouseButton.LeftButton)
    # The next dialog starts in the folder of the file the field contains.
    assert picker.requests[-1][0] == str(result.parent)


def test_list_picker_allows_many(
    make_form: Callable[[str], RequestForm], context: ImageFieldContext, tmp_path: Path
) -> None:
    first = write_png(tmp_path / "one.png", (500, 500))
    second = write_png(tmp_path / "two.png", (500, 500))
    form = make_form("qwen-image-2.0")
    picker = FakePicker([str(first), str(second)])
    context.picker = picker
    tools_of(form, "images").choose_file()
    assert picker.requests == [(str(Path.home()), True)]
    assert form.editors["images"].value() == [str(first), str(second)]


def test_replace_reference_keeps_position(
    make_form: Callable[[str], RequestForm], context: ImageFieldContext, tmp_path: Path
) -> None:
    local = write_png(tmp_path / "local.png", (500, 500))
    form = make_form("qwen-image-2.0")
    form.set_values({"images": ["https://a.test/1.png", "https://b.test/2.png"]})
    context.picker = FakePicker([str(local)])
    tools_of(form, "images").choose_file(replacing="https://b.test/2.png")
    assert form.editors["images"].value() == ["https://a.test/1.png", str(local)]


def test_preview_of_data_uri_and_oss() -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    import base64

    uri = "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()
    preview = preview_reference(uri)
    assert preview.kind == "data"
    assert preview.info is not None
    assert preview.info.size == (40, 20)
    assert preview_reference("oss://dashscope-instant/a.png").kind == "oss"
    assert preview_reference("relative/a.png").problem is not None


def test_mask_button_needs_local_base(
    make_form: Callable[[str], RequestForm], qtbot: QtBot, tmp_path: Path
) -> None:
    base = write_png(tmp_path / "base photo.png", (640, 560))
    form = make_form("wanx2.1-imageedit")
    form.set_values({"function": "description_edit_with_mask"})
    tools = tools_of(form, "mask_image_url")
    assert tools.mask_button.isVisibleTo(form)
    assert not tools.mask_button.isEnabled()
    assert not tools_of(form, "base_image_url").mask_button.isVisibleTo(form)
    form.editors["base_image_url"].input.setText("https://example.com/a.png")  # type: ignore[union-attr]
    assert not tools.mask_button.isEnabled()
    form.editors["base_image_url"].input.setText(str(base))  # type: ignore[union-attr]
    assert tools.mask_button.isEnabled()

    qtbot.mouseClick(tools.mask_button, Qt.MouseButton.LeftButton)
    dialog = tools.mask_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.canvas.base.size().width() == 640
    assert dialog.canvas.base.size().height() == 560
    dialog.canvas.begin_change()
    dialog.canvas.paint_line(QPoint(100, 100), QPoint(200, 100))
    path = dialog.save()
    assert path is not None
    assert form.editors["mask_image_url"].value() == str(path)
    assert not form.editors["mask_image_url"].error.isVisible()

    # Opening the painter again continues the saved mask.
    again = tools.open_mask_painter()
    assert again is not None
    assert again.canvas.mask_image.pixelColor(150, 100).red() == 255
    assert again.canvas.mask_image.pixelColor(150, 400).red() == 0
    again.reject()


def test_mask_of_other_size_rejected(make_form: Callable[[str], RequestForm], tmp_path: Path) -> None:
    base = write_png(tmp_path / "base.png", (800, 600))
    mask = write_png(tmp_path / "mask.png", (600, 600), "white")
    form = make_form("wanx2.1-imageedit")
    form.set_values(
        {
            "function": "description_edit_with_mask",
            "prompt": "p",
            "base_image_url": str(base),
            "mask_image_url": str(mask),
        }
    )
    error = form.editors["mask_image_url"].error
    assert error.isVisible()
    assert "600*600 pixels, but base_image_url is 800*600" in error.text()


# The URL check, against the emulator's own URLs.


def run(qtbot: QtBot, loop: qasync.QEventLoop, coroutine: object) -> object:
    from tests.qt_fixtures import run_on_loop

    return run_on_loop(qtbot, loop, coroutine)  # type: ignore[arg-type]


async def checker(url: str, rule: ImageRule | None) -> UrlCheck:
    async with httpx.AsyncClient() as http:
        return await check_image_url(http, url, rule)


def test_url_check_of_sample_passes(
    make_form: Callable[[str], RequestForm],
    context: ImageFieldContext,
    emulator: Emulator,
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
) -> None:
    context.check_url = checker
    form = make_form("wanx2.1-imageedit")
    form.set_values({"base_image_url": emulator.sample_url("photo")})
    tools = tools_of(form, "base_image_url")
    tools.refresh()
    assert tools.check_button.isVisibleTo(form)
    qtbot.mouseClick(tools.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Reachable from here" in tools.check_result.text(), timeout=5000)
    text = tools.check_result.text()
    assert "HTTP 200, image/png" in text
    assert "from its own region" in text
    assert tools.check_button.isEnabled()


def test_url_check_reports_missing_file(
    make_form: Callable[[str], RequestForm],
    context: ImageFieldContext,
    emulator: Emulator,
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
) -> None:
    context.check_url = checker
    form = make_form("wanx2.1-imageedit")
    form.set_values({"base_image_url": emulator.origin + "/samples/no-such-picture.png"})
    tools = tools_of(form, "base_image_url")
    tools.refresh()
    qtbot.mouseClick(tools.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "HTTP 404" in tools.check_result.text(), timeout=5000)
    assert "the file is not there" in tools.check_result.text()
    assert "from its own region" in tools.check_result.text()


def test_url_check_core_cases(emulator: Emulator) -> None:
    sample = emulator.sample_url("photo")
    small_rule = ImageRule(formats=("jpg", "jpeg"), max_bytes=1000)

    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/text":
            return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<html>")
        if request.url.path == "/chunked":
            return httpx.Response(200, headers={"Content-Type": "image/png"}, stream=_Chunks())
        if request.method == "HEAD":
            return httpx.Response(405)
        return httpx.Response(
            206, headers={"Content-Type": "image/png", "Content-Range": "bytes 0-0/4096"}
        )

    async def scenario() -> list[UrlCheck]:
        async with httpx.AsyncClient() as http:
            real = await check_image_url(http, sample, small_rule)
        async with httpx.AsyncClient(transport=httpx.MockTransport(respond)) as mocked:
            text = await check_image_url(mocked, "http://mock.test/text")
            chunked = await check_image_url(mocked, "http://mock.test/chunked")
            ranged = await check_image_url(mocked, "http://mock.test/ranged.png")
            chinese = await check_image_url(mocked, "http://mock.test/图.png")
        return [real, text, chunked, ranged, chinese]

    real, text, chunked, ranged, chinese = asyncio.run(scenario())
    assert {problem.code for problem in real.problems} == {"format", "too_large"}
    assert real.content_type == "image/png"
    assert [problem.code for problem in text.problems] == ["not_image"]
    assert [problem.code for problem in chunked.problems] == ["no_length"]
    assert ranged.passed
    assert ranged.content_length == 4096
    assert "non_ascii" in {problem.code for problem in chinese.problems}


class _Chunks(httpx.AsyncByteStream):
    async def __aiter__(self):  # type: ignore[no-untyped-def]
        yield b"\x89PNG"

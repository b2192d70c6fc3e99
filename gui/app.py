"""Composition root: builds the services, the window and the qasync event loop."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
import traceback
from pathlib import Path
from types import FrameType, TracebackType

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gui.core.catalog import CatalogError
from gui.core.explain import load_error_catalog
from gui.core.library import TaskStatus
from gui.core.logs import configure_logging
from gui.core.paths import AppPaths
from gui.core.request import parse_size
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.widgets.i18n import LANGUAGES, LanguageManager, system_language
from gui.widgets.main_window import MainWindow

log = logging.getLogger(__name__)

SELF_TEST_PROMPT = "PixelPost self-test: a lighthouse on a cliff at dawn, 自检"
SELF_TEST_TIMEOUT = 120.0
SIDECAR_FIELDS = ("model", "request", "orig_prompt", "actual_prompt", "seed", "size",
                  "task_id", "request_id", "times")


def run_app(
    *,
    demo: bool = False,
    self_test: bool = False,
    language: str | None = None,
    home: Path | None = None,
) -> int:
    """Start the window and run until it closes; return the process exit code."""
    paths = AppPaths.under(home) if home else AppPaths.default(Path(sys.executable).parent)
    paths.create()
    configure_logging(paths.log_dir)
    log.info("PixelPost starting (demo=%s, self_test=%s)", demo, self_test)

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("PixelPost")
    app.setOrganizationName("PixelPost")
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)
    sys.excepthook = _log_uncaught

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        exit_code: int = loop.run_until_complete(_main(app, paths, demo, self_test, language))
    return exit_code


async def _main(
    app: QApplication, paths: AppPaths, demo: bool, self_test: bool, language: str | None
) -> int:
    try:
        services = Services(paths)
        errors = load_error_catalog()
    except CatalogError as error:
        print(f"PixelPost cannot start: {error}", file=sys.stderr)
        return 3
    await services.start()
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    languages = LanguageManager(resource_dir() / "i18n", app)
    chosen = language or str(settings.value("ui/language", system_language()))
    languages.apply(chosen if chosen in LANGUAGES else "en")
    if demo:
        services.start_sandbox()
        settings.setValue("request/region", "sandbox")
    window = MainWindow(services, errors, languages, settings)
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    app.aboutToQuit.connect(closed.set)
    _stop_on_signals(closed)
    resumed = services.engine.resume()
    if resumed:
        log.info("Resumed %d unfinished tasks", len(resumed))
    window.show()
    log.info("Window shown")
    try:
        if self_test:
            return await _self_test(window, services, languages)
        await closed.wait()
        return 0
    finally:
        window.close()
        await services.aclose()
        settings.sync()
        log.info("PixelPost stopped")


async def _self_test(window: MainWindow, services: Services, languages: LanguageManager) -> int:
    """Generate one image through the window and check the saved file and sidecar."""
    checks: list[str] = []
    try:
        async with asyncio.timeout(SELF_TEST_TIMEOUT):
            return await _run_self_test(window, services, languages, checks)
    except TimeoutError:
        print(f"Self-test failed: no result within {SELF_TEST_TIMEOUT:.0f} s", file=sys.stderr)
        return 1


async def _run_self_test(
    window: MainWindow, services: Services, languages: LanguageManager, checks: list[str]
) -> int:
    print(f"keyring backend: {services.keys.backend_name} (secure: {services.keys.is_secure})")
    print(f"translations loaded: {', '.join(languages.loaded) or 'none (English)'}")
    window.select_region("sandbox")
    window.select_model("wan2.6-t2i")
    form = window.form
    assert form is not None
    form.set_values({"prompt": SELF_TEST_PROMPT, "n": 1})
    record = window.send()
    if record is None:
        print(f"Self-test failed: the form was not sent: {window.message_label.text()}",
              file=sys.stderr)
        return 1
    record = await services.engine.wait(record.id)
    if record.status != TaskStatus.SUCCEEDED or not record.saved_files:
        print(
            f"Self-test failed: task ended {record.status.value} "
            f"({record.error_code}: {record.error_message})",
            file=sys.stderr,
        )
        return 1
    image_path = Path(record.saved_files[0])
    size = parse_size(str(record.body["parameters"]["size"]))
    image = QImage(str(image_path))
    if image.isNull() or size is None or (image.width(), image.height()) != size:
        print(f"Self-test failed: {image_path} is not a {size} image", file=sys.stderr)
        return 1
    sidecar_path = image_path.parent / f"{image_path.stem}.json"
    sidecar = json.loads(sidecar_path.read_text(encoding="utf-8"))
    missing = [name for name in SIDECAR_FIELDS if name not in sidecar]
    if missing or sidecar["orig_prompt"] != SELF_TEST_PROMPT:
        print(f"Self-test failed: sidecar lacks {missing} or has another prompt", file=sys.stderr)
        return 1
    print(f"Self-test passed: {image_path}")
    return 0


def _stop_on_signals(closed: asyncio.Event) -> None:
    """Let Ctrl+C and SIGTERM close the window cleanly, as closing it by hand does.

    Python runs signal handlers only while it executes bytecode, so a timer wakes
    the interpreter regularly while Qt waits for events.
    """

    def request_stop(_number: int, _frame: FrameType | None) -> None:
        log.info("Stop requested by a signal")
        closed.set()

    signal.signal(signal.SIGINT, request_stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, request_stop)
    waker = QTimer(QApplication.instance())
    waker.timeout.connect(lambda: None)
    waker.start(250)


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    log.critical("Uncaught error:\n%s", "".join(traceback.format_exception(kind, error, trace)))

"""Fixtures for tests that run Qt widgets on a qasync event loop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.explain import load_error_catalog
from gui.core.library import TaskRecord
from gui.core.paths import AppPaths
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.widgets.i18n import LanguageManager
from gui.widgets.main_window import MainWindow
from tests.conftest import FAKE_KEY, MemoryKeyring


@pytest.fixture
def qt_loop(qapp: QApplication, qtbot: QtBot) -> Iterator[qasync.QEventLoop]:
    """A qasync loop registered as running, so Qt's own event processing drives it.

    ``qtbot.waitUntil`` and ``waitSignal`` then run asyncio callbacks too.
    """
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=5000)
    # WORKAROUND: QEventLoop.stop() calls QApplication.exit(), which breaks later
    # tests that share the QApplication, so the running flag is reset directly.
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    destroy_now()


def destroy_now() -> None:
    """Destroy unreferenced Qt objects here, not at some later test's event processing.

    A Qt object whose Python wrapper the garbage collector frees while Qt is
    dispatching events can receive an event after its C++ side is gone and
    crash the process. Collecting and flushing deferred deletes at teardown
    makes destruction happen at a known, quiet point.
    """
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def run_on_loop(qtbot: QtBot, loop: qasync.QEventLoop, coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine on the Qt loop and wait (processing Qt events) for its result."""
    task = loop.create_task(coroutine)
    qtbot.waitUntil(task.done, timeout=20000)
    return task.result()


def wait_for_task(
    qtbot: QtBot, services: Services, local_id: str, timeout: int = 20000
) -> TaskRecord:
    """Wait until a task has ended and its downloads are done; return its saved record."""

    def ended() -> bool:
        record = services.library.get_task(local_id)
        return record is not None and record.status.is_terminal and not record.downloads_pending

    qtbot.waitUntil(ended, timeout=timeout)
    record = services.library.get_task(local_id)
    assert record is not None
    return record


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.2, running_seconds=0.5, sync_seconds=0.2)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


@pytest.fixture
def poll_schedule() -> PollSchedule:
    """The engine's poll plan; a test module overrides this fixture to change it."""
    return PollSchedule(first=0.05, factor=1.5, maximum=0.2)


@pytest.fixture
def retry_policy() -> RetryPolicy:
    """The engine's retries; a test module overrides this fixture to change them."""
    return RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1)


@pytest.fixture
def window_settings() -> dict[str, str]:
    """Extra settings written before the window opens; modules override this fixture."""
    return {}


@pytest.fixture
def services(
    app_paths: AppPaths,
    emulator: Emulator,
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
    poll_schedule: PollSchedule,
    retry_policy: RetryPolicy,
) -> Iterator[Services]:
    built = Services(
        app_paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=poll_schedule,
        retry=retry_policy,
    )
    run_on_loop(qtbot, qt_loop, built.start())
    built.use_sandbox(emulator.base_url, emulator.key)
    yield built
    run_on_loop(qtbot, qt_loop, built.aclose())


@pytest.fixture
def window(
    services: Services,
    app_paths: AppPaths,
    qtbot: QtBot,
    qapp: QApplication,
    window_settings: dict[str, str],
) -> Iterator[MainWindow]:
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    settings.setValue("request/region", "sandbox")
    for name, value in window_settings.items():
        settings.setValue(name, value)
    languages = LanguageManager(resource_dir() / "i18n", qapp)
    languages.apply("en")
    main = MainWindow(services, load_error_catalog(), languages, settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    languages.apply("en")
    main.close()
    main.deleteLater()
    del main
    destroy_now()

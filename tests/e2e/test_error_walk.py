"""Every explained error code, sent by the emulator, is shown with its title and fix.

Each code (and each documented message that selects a more specific entry) is
returned once as an HTTP error at submission and once as a FAILED task. The
window then shows every task's explanation in English and in Simplified Chinese,
in the preview and in the task list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.explain import ErrorCatalog, load_error_catalog
from gui.core.library import TaskRecord, TaskStatus
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import HttpError, TaskFailed
from gui.widgets.limits_dialog import settings_key
from gui.widgets.main_window import MainWindow
from gui.widgets.task_list import STATUS
from tests.conftest import FAKE_KEY
from tests.core.test_explain import MESSAGE_GROUPS, SERVER_CODES_BY_STATUS
from tests.qt_fixtures import wait_for_task

pytestmark = pytest.mark.timeout(240)

MODEL = "wan2.2-t2i-flash"
STATUS_OF = {code: status for status, codes in SERVER_CODES_BY_STATUS.items() for code in codes}


@dataclass(frozen=True)
class Case:
    level: str  # "http" or "task"
    code: str
    message: str


def walk_cases(catalog: ErrorCatalog) -> list[Case]:
    """Return every service code of the catalog, plain and with each documented message."""
    messages: list[tuple[str, str]] = []
    for code in catalog.codes():
        if code.startswith("PixelPost."):
            continue  # the app's own codes never come from the service
        messages.append((code, f"Error {code} from the emulator."))
    for code, groups in MESSAGE_GROUPS.items():
        for _action, group_messages in groups.values():
            messages.extend((code, message) for message in group_messages)
    return [Case(level, code, message) for level in ("http", "task") for code, message in messages]


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.0, running_seconds=0.0, sync_seconds=0.0)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


@pytest.fixture
def poll_schedule() -> PollSchedule:
    return PollSchedule(first=0.01, factor=1.0, maximum=0.01)


@pytest.fixture
def retry_policy() -> RetryPolicy:
    # Throttling and 5xx codes must end the task at once instead of being retried.
    return RetryPolicy(attempts=1, first_delay=0.01, maximum_delay=0.01, throttled_attempts=1)


@pytest.fixture
def window_settings() -> dict[str, str]:
    # The walk sends hundreds of tasks, and the model's account limits would space
    # them half a second apart.
    return {settings_key("sandbox", MODEL): "1000;"}


def send_failing(
    main: MainWindow, services: Services, emulator: Emulator, qtbot: QtBot, case: Case
) -> TaskRecord:
    if case.level == "http":
        status = STATUS_OF.get(case.code, 400)
        emulator.faults.add("submit", HttpError(status, case.code, case.message), model=MODEL)
    else:
        emulator.faults.add("submit", TaskFailed(case.code, case.message), model=MODEL)
    record = main.send()
    assert record is not None, case
    return wait_for_task(qtbot, services, record.id, timeout=10000)


def test_every_code_explained_in_both_languages(
    window: MainWindow,
    services: Services,
    emulator: Emulator,
    qtbot: QtBot,
) -> None:
    main = window
    catalog = load_error_catalog()
    main.select_model(MODEL)
    assert main.form is not None
    main.form.set_values({"prompt": "an error walk"})
    cases = walk_cases(catalog)
    assert len(cases) > 200

    sent: list[tuple[Case, TaskRecord]] = []
    for case in cases:
        record = send_failing(main, services, emulator, qtbot, case)
        expected_status = TaskStatus.ERROR if case.level == "http" else TaskStatus.FAILED
        assert record.status == expected_status, case
        assert record.error_code == case.code, case
        assert record.error_message == case.message, case
        sent.append((case, record))

    english_title = main.windowTitle()
    for language in ("en", "zh_CN"):
        main.language_combo.setCurrentIndex(main.language_combo.findData(language))
        # Qt delivers the language change as posted events.
        english = language == "en"
        qtbot.waitUntil(lambda: (main.windowTitle() == english_title) == english)  # noqa: B023
        panel = main.preview.error_panel
        for case, record in sent:
            main.task_panel.select_task(record.id)
            expected = catalog.explain(case.code, case.message)
            assert expected.known, case
            title, fix = expected.title.get(language), expected.fix.get(language)
            assert panel.isVisible(), case
            assert panel.title.text() == title, (language, case)
            assert fix in panel.fix.text(), (language, case)
            row = main.task_model.row_of(record.id)
            assert row is not None
            index = main.task_model.index(row, STATUS)
            assert title in main.task_model.data(index, Qt.ItemDataRole.DisplayRole), case
            tooltip = main.task_model.data(index, Qt.ItemDataRole.ToolTipRole)
            assert fix in tooltip, (language, case)

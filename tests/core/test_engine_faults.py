"""The engine under the account limits and every fault the emulator can inject."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.library import TaskRecord, TaskStatus
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import (
    Drop,
    DropAfterCreate,
    ExpireUrls,
    FaultAction,
    HttpError,
    MalformedJson,
    NonJson,
    PartialFailure,
    Stall,
    TaskFailed,
    TruncatedDownload,
    UnknownStatus,
)
from tests.conftest import FAKE_KEY, MemoryKeyring, all_files

pytestmark = pytest.mark.timeout(90)

MODEL = "wan2.2-t2i-flash"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.15, sync_seconds=0.05)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


async def start(paths: AppPaths, emulator: Emulator, **options: object) -> Services:
    services = Services(
        paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
        retry=RetryPolicy(attempts=4, first_delay=0.05, maximum_delay=0.1),
        timeout=httpx.Timeout(connect=2.0, read=0.5, write=2.0, pool=2.0),
        **options,  # type: ignore[arg-type]
    )
    await services.start()
    services.use_sandbox(emulator.base_url, emulator.key)
    return services


def run_one(paths: AppPaths, emulator: Emulator, n: int = 2) -> TaskRecord:
    async def scenario() -> TaskRecord:
        services = await start(paths, emulator)
        try:
            model = services.catalog[MODEL]
            request = build_request(model, {"prompt": "fault test", "n": n}, "async")
            record = services.engine.submit(request, "sandbox")
            return await services.engine.wait(record.id)
        finally:
            await services.aclose()

    return asyncio.run(scenario())


def saved_images(paths: AppPaths) -> list[str]:
    return sorted(
        str(path)
        for path in all_files(paths.results_dir)
        if path.suffix == ".png" and ".incoming" not in path.parts
    )


# route, action, expected final status, saved images (of 2), error code or None
FAULT_MATRIX: list[tuple[str, FaultAction, int, TaskStatus, int, str | None]] = [
    ("submit", HttpError(429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later."), 2, TaskStatus.SUCCEEDED, 2, None),
    ("query", HttpError(500, "InternalError", "Internal server error!"), 2, TaskStatus.SUCCEEDED, 2, None),
    ("query", HttpError(503, "ModelServingError", "Too many requests."), 1, TaskStatus.SUCCEEDED, 2, None),
    ("query", Drop(), 2, TaskStatus.SUCCEEDED, 2, None),
    ("query", MalformedJson(), 1, TaskStatus.SUCCEEDED, 2, None),
    ("query", NonJson(502), 1, TaskStatus.SUCCEEDED, 2, None),
    ("query", Stall(2.0), 1, TaskStatus.SUCCEEDED, 2, None),
    ("download", Drop(), 1, TaskStatus.SUCCEEDED, 2, None),
    ("download", TruncatedDownload(), 1, TaskStatus.SUCCEEDED, 2, None),
    ("download", HttpError(500, "InternalError", "oss error"), 1, TaskStatus.SUCCEEDED, 2, None),
    ("submit", ExpireUrls(), 1, TaskStatus.SUCCEEDED, 0, "PixelPost.Download.Expired"),
    ("submit", TaskFailed("DataInspectionFailed", "Output data may contain inappropriate content."), 1, TaskStatus.FAILED, 0, "DataInspectionFailed"),
    ("submit", PartialFailure(count=1), 1, TaskStatus.SUCCEEDED, 1, "PixelPost.Task.PartialFailure"),
    ("query", UnknownStatus(), 1, TaskStatus.UNKNOWN, 0, "PixelPost.Task.Unknown"),
    ("submit", HttpError(400, "InvalidParameter", "The style is invalid."), 1, TaskStatus.ERROR, 0, "InvalidParameter"),
]


@pytest.mark.parametrize(
    ("route", "action", "times", "status", "images", "code"),
    FAULT_MATRIX,
    ids=[f"{route}-{type(action).__name__}-{times}" for route, action, times, *_ in FAULT_MATRIX],
)
def test_fault_ends_in_right_state(
    app_paths: AppPaths,
    emulator: Emulator,
    route: str,
    action: FaultAction,
    times: int,
    status: TaskStatus,
    images: int,
    code: str | None,
) -> None:
    emulator.faults.add(route, action, times=times)
    record = run_one(app_paths, emulator)
    assert record.status == status, (record.error_code, record.error_message)
    assert len(record.saved_files) == images
    assert len(saved_images(app_paths)) == images
    assert record.error_code == code
    if code is not None:
        assert record.error_message is not None  # every other outcome has a reason
    assert emulator.faults.fired, "the fault never fired"
    assert len([task for task in emulator.tasks]) <= 1
    assert not list(app_paths.results_dir.rglob("*.part"))


def test_lost_submit_is_reconciled_without_duplicate(app_paths: AppPaths, emulator: Emulator) -> None:
    emulator.faults.add("submit", DropAfterCreate())
    record = run_one(app_paths, emulator)
    assert record.status == TaskStatus.SUCCEEDED
    assert record.note_code is None
    assert len(emulator.tasks) == 1
    assert record.task_id == emulator.tasks[0].id
    assert len(record.saved_files) == 2
    submits = [request for request in emulator.requests if request.route == "submit"]
    assert len(submits) == 1


def test_lost_submit_without_task_is_not_resent(app_paths: AppPaths, emulator: Emulator) -> None:
    emulator.faults.add("submit", Drop())
    record = run_one(app_paths, emulator)
    assert record.status == TaskStatus.ERROR
    assert record.error_code == "PixelPost.Submit.OutcomeUnknown"
    assert "did not arrive" in (record.error_message or "")
    assert emulator.tasks == []
    assert len([request for request in emulator.requests if request.route == "submit"]) == 1


def test_twenty_tasks_stay_within_limits(app_paths: AppPaths) -> None:
    config = EmulatorConfig(
        pending_seconds=0.02,
        running_seconds=0.08,
        enforce_limits=True,
        limits={MODEL: (2.0, 1)},
    )
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def scenario() -> list[TaskRecord]:
            services = await start(
                app_paths, emulator, limits=lambda _region, _model, _mode: (2.0, 1)
            )
            try:
                model = services.catalog[MODEL]
                records = [
                    services.engine.submit(
                        build_request(model, {"prompt": f"task {number}", "n": 1}, "async"),
                        "sandbox",
                    )
                    for number in range(20)
                ]
                return [await services.engine.wait(record.id) for record in records]
            finally:
                await services.aclose()

        finished = asyncio.run(scenario())
        stats = emulator.stats()
    assert [record.status for record in finished] == [TaskStatus.SUCCEEDED] * 20
    model_stats = stats.models[MODEL]
    assert model_stats.submits == 20
    assert model_stats.max_submits_per_window <= 2
    assert model_stats.max_running <= 1
    assert model_stats.rejected_429 == 0

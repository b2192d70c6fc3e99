"""Queueing, cancel and tracking against the real emulator."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable

import httpx
import pytest

from gui.core.engine import CancelRefused, LimitsResolver, PollSchedule, RetryPolicy
from gui.core.library import TaskRecord, TaskStatus
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring

pytestmark = pytest.mark.timeout(60)


def one_at_a_time(_region: str, _model: str, _mode: str) -> tuple[float, int | None]:
    return 50.0, 1


async def start(paths: AppPaths, emulator: Emulator, limits: LimitsResolver | None = None) -> Services:
    services = Services(
        paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
        retry=RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1),
        limits=limits,
    )
    await services.start()
    services.use_sandbox(emulator.base_url, emulator.key)
    return services


async def until(services: Services, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait until ``condition`` holds, checking it after every task change the engine reports."""
    changed = asyncio.Event()

    def on_change(_record: TaskRecord) -> None:
        changed.set()

    services.engine.add_listener(on_change)
    try:
        async with asyncio.timeout(seconds):
            while True:
                changed.clear()
                if condition():
                    return
                await changed.wait()
    finally:
        services.engine.remove_listener(on_change)


def status_of(services: Services, local_id: str) -> TaskRecord:
    record = services.library.get_task(local_id)
    assert record is not None
    return record


def submit(services: Services, prompt: str) -> TaskRecord:
    model = services.catalog["wan2.2-t2i-flash"]
    request = build_request(model, {"prompt": prompt, "n": 1}, "async")
    return services.engine.submit(request, "sandbox")


def test_queue_respects_concurrency_and_order(app_paths: AppPaths) -> None:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.3)
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def scenario() -> list[TaskRecord]:
            services = await start(app_paths, emulator, one_at_a_time)
            try:
                records = [submit(services, f"prompt {number}") for number in range(3)]
                await until(services, lambda: "position 2" in (status_of(services, records[2].id).note or ""))
                assert status_of(services, records[1].id).note == "queued: position 1"
                for record in records:
                    await services.engine.wait(record.id)
                return [status_of(services, record.id) for record in records]
            finally:
                await services.aclose()

        finished = asyncio.run(scenario())
        tasks = sorted(emulator.tasks, key=lambda task: task.created)
    assert [record.status for record in finished] == [TaskStatus.SUCCEEDED] * 3
    prompts = [task.body["input"]["prompt"] for task in tasks]
    assert prompts == ["prompt 0", "prompt 1", "prompt 2"]
    for earlier, later in itertools.pairwise(tasks):
        assert earlier.finished is not None
        assert later.created >= earlier.finished - 0.05


def test_cancel_queued_task_locally(app_paths: AppPaths) -> None:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=2.0)
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def scenario() -> None:
            services = await start(app_paths, emulator, one_at_a_time)
            try:
                first = submit(services, "first")
                second = submit(services, "second")
                await until(services, lambda: status_of(services, second.id).note == "queued: position 1")
                canceled = await services.engine.cancel(second.id)
                assert canceled.status == TaskStatus.CANCELED
                assert status_of(services, first.id).status != TaskStatus.CANCELED
            finally:
                await services.aclose()

        asyncio.run(scenario())
        prompts = [task.body["input"]["prompt"] for task in emulator.tasks]
    assert "second" not in prompts


def test_cancel_pending_on_service_and_refuse_running(app_paths: AppPaths) -> None:
    config = EmulatorConfig(pending_seconds=30.0, running_seconds=1.0)
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def scenario() -> None:
            services = await start(app_paths, emulator)
            try:
                record = submit(services, "cancel me")
                await until(services, lambda: status_of(services, record.id).status == TaskStatus.PENDING)
                canceled = await services.engine.cancel(record.id)
                assert canceled.status == TaskStatus.CANCELED
                assert not services.engine.is_active(record.id)
            finally:
                await services.aclose()

        asyncio.run(scenario())
        assert [task.status for task in emulator.tasks] == ["CANCELED"]

    config = EmulatorConfig(pending_seconds=0.0, running_seconds=30.0)
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def running_scenario() -> None:
            services = await start(app_paths, emulator)
            try:
                record = submit(services, "already running")
                await until(services, lambda: status_of(services, record.id).status == TaskStatus.RUNNING)
                with pytest.raises(CancelRefused) as refused:
                    await services.engine.cancel(record.id)
                assert refused.value.reason == "PixelPost.Cancel.Running"
                assert status_of(services, record.id).status == TaskStatus.RUNNING
            finally:
                await services.aclose()

        asyncio.run(running_scenario())


def test_track_task_submitted_elsewhere(app_paths: AppPaths) -> None:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.2)
    with Emulator(key=FAKE_KEY, config=config) as emulator:
        response = httpx.post(
            f"{emulator.base_url}/services/aigc/text2image/image-synthesis",
            headers={"Authorization": f"Bearer {emulator.key}", "X-DashScope-Async": "enable"},
            json={"model": "wan2.2-t2i-flash", "input": {"prompt": "from curl"}, "parameters": {"n": 2}},
            trust_env=False,
        )
        task_id = response.json()["output"]["task_id"]

        async def scenario() -> tuple[TaskRecord, TaskRecord]:
            services = await start(app_paths, emulator)
            try:
                tracked = services.engine.track(f"  {task_id}\n", "sandbox")
                unknown = services.engine.track("no-such-task", "sandbox")
                return (
                    await services.engine.wait(tracked.id),
                    await services.engine.wait(unknown.id),
                )
            finally:
                await services.aclose()

        tracked, unknown = asyncio.run(scenario())
    assert tracked.task_id == task_id
    assert tracked.status == TaskStatus.SUCCEEDED
    assert len(tracked.saved_files) == 2
    assert unknown.status == TaskStatus.UNKNOWN
    assert unknown.error_code == "PixelPost.Task.Unknown"

"""The engine against the real emulator over 127.0.0.1, on a plain asyncio loop."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from gui.core.engine import MissingKeyError, PollSchedule, RetryPolicy
from gui.core.library import TaskStatus
from gui.core.logs import configure_logging
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring, all_files, files_containing

FAST_POLLS = PollSchedule(first=0.05, factor=1.5, maximum=0.2)
FAST_RETRY = RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1)

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.1, running_seconds=0.3, sync_seconds=0.1)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


async def start_services(paths: AppPaths, emulator: Emulator) -> Services:
    services = Services(
        paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=FAST_POLLS,
        retry=FAST_RETRY,
    )
    await services.start()
    services.use_sandbox(emulator.base_url, emulator.key)
    return services


def submit_bodies(emulator: Emulator) -> list[bytes]:
    return [r.body for r in emulator.requests if r.method == "POST" and "/tasks" not in r.path]


def result_files(paths: AppPaths) -> list[Path]:
    return sorted(path for path in all_files(paths.results_dir) if ".incoming" not in path.parts)


def test_task_saved_with_sidecar(app_paths: AppPaths, emulator: Emulator) -> None:
    prompt = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格"

    async def scenario() -> None:
        services = await start_services(app_paths, emulator)
        try:
            model = services.catalog["wanx2.1-t2i-turbo"]
            values = {"prompt": prompt, "size": "1280*720", "n": 2, "seed": 42}
            record = services.engine.submit(build_request(model, values, "async"), "sandbox")
            record = await services.engine.wait(record.id)
        finally:
            await services.aclose()
        assert record.status == TaskStatus.SUCCEEDED
        assert len(record.saved_files) == 2
        for number, file in enumerate(record.saved_files):
            with Image.open(file) as image:
                assert image.format == "PNG"
                assert image.size == (1280, 720)
            sidecar = json.loads(Path(file).with_name(Path(file).stem + ".json").read_text("utf-8"))
            assert sidecar["model"] == "wanx2.1-t2i-turbo"
            assert sidecar["orig_prompt"] == prompt
            assert sidecar["actual_prompt"]
            assert sidecar["seed"] == 42
            assert sidecar["size"] == "1280*720"
            assert sidecar["task_id"] == record.task_id
            assert sidecar["request_id"] == record.request_id
            assert sidecar["image_index"] == number
            assert sidecar["request"]["input"]["prompt"] == prompt
            assert sidecar["times"]["finished"]

    asyncio.run(scenario())
    bodies = submit_bodies(emulator)
    assert len(bodies) == 1
    # The prompt arrives as UTF-8 JSON text, not as \\u escapes.
    assert prompt.encode("utf-8") in bodies[0]


def test_sync_call_saved(app_paths: AppPaths, emulator: Emulator) -> None:
    async def scenario() -> None:
        services = await start_services(app_paths, emulator)
        try:
            model = services.catalog["wan2.6-t2i"]
            values = {"prompt": "a red kite", "size": "1472*1104", "n": 1}
            record = services.engine.submit(build_request(model, values, "sync"), "sandbox")
            record = await services.engine.wait(record.id)
        finally:
            await services.aclose()
        assert record.status == TaskStatus.SUCCEEDED
        assert record.task_id is None
        with Image.open(record.saved_files[0]) as image:
            assert image.size == (1472, 1104)

    asyncio.run(scenario())
    assert not any(
        "X-DashScope-Async" in r.headers for r in emulator.requests if r.method == "POST"
    )


def test_restart_resumes_and_saves_once(app_paths: AppPaths) -> None:
    config = EmulatorConfig(pending_seconds=0.2, running_seconds=1.0)
    with Emulator(key=FAKE_KEY, config=config) as emulator:

        async def first_run() -> str:
            services = await start_services(app_paths, emulator)
            model = services.catalog["wan2.2-t2i-flash"]
            request = build_request(model, {"prompt": "restart me", "n": 3}, "async")
            record = services.engine.submit(request, "sandbox")
            async with asyncio.timeout(10):
                while True:
                    current = services.library.get_task(record.id)
                    assert current is not None
                    if current.status == TaskStatus.RUNNING:
                        break
                    await asyncio.sleep(0.02)
            await services.aclose()  # stops the engine mid-task
            return record.id

        async def second_run(local_id: str) -> None:
            services = await start_services(app_paths, emulator)
            try:
                resumed = services.engine.resume()
                assert [record.id for record in resumed] == [local_id]
                record = await services.engine.wait(local_id)
            finally:
                await services.aclose()
            assert record.status == TaskStatus.SUCCEEDED
            assert len(record.saved_files) == 3

        local_id = asyncio.run(first_run())
        asyncio.run(second_run(local_id))
        assert len(submit_bodies(emulator)) == 1

    files = result_files(app_paths)
    assert len([f for f in files if f.suffix == ".png"]) == 3
    assert len([f for f in files if f.suffix == ".json"]) == 3
    assert not list(app_paths.results_dir.rglob("*.part"))


def test_missing_key_saves_nothing(app_paths: AppPaths, emulator: Emulator) -> None:
    async def scenario() -> None:
        services = await start_services(app_paths, emulator)
        try:
            model = services.catalog["wan2.6-t2i"]
            with pytest.raises(MissingKeyError, match="beijing"):
                services.engine.submit(build_request(model, {"prompt": "x"}, "async"), "beijing")
            assert services.library.tasks() == []
        finally:
            await services.aclose()

    asyncio.run(scenario())


def test_rejected_key_explained_not_retried(app_paths: AppPaths, emulator: Emulator) -> None:
    async def scenario() -> None:
        services = await start_services(app_paths, emulator)
        services.use_sandbox(emulator.base_url, "sk-test-wrong-key-000000000000wxyz")
        try:
            model = services.catalog["wan2.6-t2i"]
            record = services.engine.submit(
                build_request(model, {"prompt": "x"}, "async"), "sandbox"
            )
            record = await services.engine.wait(record.id)
        finally:
            await services.aclose()
        assert record.status == TaskStatus.ERROR
        assert record.error_code == "InvalidApiKey"
        assert record.error_status == 401
        assert record.request_id

    asyncio.run(scenario())
    assert len(submit_bodies(emulator)) == 1


def test_no_key_in_any_written_file(app_paths: AppPaths, emulator: Emulator) -> None:
    """A session with saved keys, a task and an auth failure leaves no key on disk."""
    other_key = "sk-test-fake-beijing-00000000000beef"
    handler = configure_logging(app_paths.log_dir, logging.DEBUG)

    async def scenario() -> None:
        services = await start_services(app_paths, emulator)
        try:
            services.keys.set("beijing", other_key)
            model = services.catalog["wan2.6-t2i"]
            record = services.engine.submit(
                build_request(model, {"prompt": "x"}, "async"), "sandbox"
            )
            await services.engine.wait(record.id)
            logging.getLogger("test").info(
                "credentials in use: %s", services.credentials("sandbox")
            )
            logging.getLogger("test").warning("raw key in a message: %s", FAKE_KEY)
            services.use_sandbox(emulator.base_url, other_key)
            record = services.engine.submit(
                build_request(model, {"prompt": "y"}, "async"), "sandbox"
            )
            await services.engine.wait(record.id)
        finally:
            await services.aclose()

    try:
        asyncio.run(scenario())
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    root = app_paths.results_dir.parent
    assert (app_paths.log_dir / "pixelpost.log").stat().st_size > 0
    assert (app_paths.data_dir / "history.sqlite3").exists()
    assert files_containing(root, FAKE_KEY) == []
    assert files_containing(root, other_key) == []


def test_sandbox_restart_ends_orphaned_tasks(app_paths: AppPaths) -> None:
    async def scenario() -> None:
        services = Services(app_paths, keyring_backend=MemoryKeyring(), environment={})
        model = services.catalog["wan2.6-t2i"]
        request = build_request(model, {"prompt": "left behind"}, "async")
        record = services.library.new_task(
            model=request.model,
            region="sandbox",
            mode="async",
            path=request.path,
            body=request.body,
        )
        services.library.save_task(replace(record, status=TaskStatus.RUNNING, task_id="gone"))
        await services.start()
        services.start_sandbox(EmulatorConfig(pending_seconds=0, running_seconds=0))
        try:
            assert services.engine.resume() == []
            ended = services.library.get_task(record.id)
        finally:
            await services.aclose()
        assert ended is not None
        assert ended.status == TaskStatus.ERROR
        assert ended.error_code == "PixelPost.Sandbox.Restarted"

    asyncio.run(scenario())

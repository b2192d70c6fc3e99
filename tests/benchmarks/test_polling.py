"""Polling benchmark: how soon PixelPost and the official SDK notice a finished task.

Both clients run the same seeded task durations against one emulator, at the
same time, in real seconds. The SDK polls on a fixed schedule (1 s, doubling
every third poll, capped at 5 s), so shortened durations would not be fair to it. The
emulator's own log gives, per task, when it finished, when a client first saw
the terminal status, and how many status queries the client sent.

Run with ``python -m pytest -m benchmark tests/benchmarks -s``; it takes about
five minutes and prints a JSON summary. Results are recorded in
``tests/benchmarks/README.md``.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dashscope
import pytest

from gui.core.engine import PollSchedule
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]

# Typical seconds per task for three models, each task within ±10 % of it.
TYPICAL_SECONDS = {"wanx2.1-t2i-turbo": 8.0, "wan2.2-t2i-flash": 15.0, "wan2.5-t2i-preview": 35.0}
WARM_UP_TASKS = 3  # per model, so PixelPost has history to learn from
MEASURED_TASKS = 4  # per model and client, per repetition
REPETITIONS = 3
PENDING_SECONDS = 0.5


def seeded_durations(seed: int, count: int) -> list[tuple[str, float]]:
    rng = random.Random(seed)
    return [
        (model, round(typical * rng.uniform(0.9, 1.1), 2))
        for model, typical in TYPICAL_SECONDS.items()
        for _ in range(count)
    ]


def durations_from_prompt(_model: str, body: Mapping[str, Any]) -> tuple[float, float]:
    """Read the task's planned duration from its prompt, ``bench <client> <seconds> <n>``."""
    seconds = float(str(body["input"]["prompt"]).split()[2])
    return PENDING_SECONDS, max(0.1, seconds - PENDING_SECONDS)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(durations=durations_from_prompt)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


async def pixelpost_run(services: Services, tasks: list[tuple[str, float]], label: str) -> None:
    records = []
    for number, (model_id, seconds) in enumerate(tasks):
        model = services.catalog[model_id]
        prompt = f"bench {label} {seconds} {number}"
        request = build_request(model, {"prompt": prompt, "n": 1}, "async")
        records.append(services.engine.submit(request, "sandbox"))
    await asyncio.gather(*(services.engine.wait(record.id) for record in records))


def sdk_run(emulator: Emulator, tasks: list[tuple[str, float]], label: str) -> None:
    def one(number: int, model_id: str, seconds: float) -> None:
        response = dashscope.ImageSynthesis.call(
            model=model_id,
            prompt=f"bench {label} {seconds} {number}",
            n=1,
            api_key=emulator.key,
        )
        assert response.status_code == 200, response.message

    threads = [
        threading.Thread(target=one, args=(number, model_id, seconds))
        for number, (model_id, seconds) in enumerate(tasks)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def measure(emulator: Emulator, label: str) -> dict[str, float]:
    stats = emulator.stats()
    delays, queries = [], []
    for task in emulator.tasks:
        if str(task.body["input"]["prompt"]).split()[1] != label:
            continue
        task_stats = stats.tasks[task.id]
        assert task_stats.finished_at is not None and task_stats.first_terminal_seen is not None
        delays.append(task_stats.first_terminal_seen - task_stats.finished_at)
        queries.append(task_stats.status_queries)
    ordered = sorted(delays)
    return {
        "tasks": len(delays),
        "median_delay_s": round(statistics.median(delays), 3),
        "p95_delay_s": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 3),
        "queries_per_task": round(statistics.mean(queries), 2),
    }


def test_polling_against_sdk(
    emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashscope, "base_http_api_url", emulator.base_url)
    monkeypatch.setenv("DASHSCOPE_HTTP_BASE_URL", emulator.base_url)
    results: dict[str, list[dict[str, float]]] = {"pixelpost": [], "sdk": []}

    async def scenario() -> None:
        services = Services(
            AppPaths.under(tmp_path / "home"),
            keyring_backend=MemoryKeyring(),
            environment={},
            poll_schedule=PollSchedule(),
            limits=lambda _region, _model, _mode: None,
        )
        await services.start()
        services.use_sandbox(emulator.base_url, emulator.key)
        try:
            await pixelpost_run(services, seeded_durations(0, WARM_UP_TASKS), "warmup")
            for repetition in range(REPETITIONS):
                tasks = seeded_durations(100 + repetition, MEASURED_TASKS)
                pixelpost_label, sdk_label = f"pixelpost{repetition}", f"sdk{repetition}"
                sdk_thread = threading.Thread(target=sdk_run, args=(emulator, tasks, sdk_label))
                sdk_thread.start()
                await pixelpost_run(services, tasks, pixelpost_label)
                await asyncio.to_thread(sdk_thread.join)
                results["pixelpost"].append(measure(emulator, pixelpost_label))
                results["sdk"].append(measure(emulator, sdk_label))
        finally:
            await services.aclose()
            dashscope.close_shared_sync_session()

    asyncio.run(scenario())
    summary = {
        client: {
            "median_delay_s": statistics.median(run["median_delay_s"] for run in runs),
            "p95_delay_s": statistics.median(run["p95_delay_s"] for run in runs),
            "queries_per_task": statistics.median(run["queries_per_task"] for run in runs),
            "runs": runs,
        }
        for client, runs in results.items()
    }
    print(json.dumps(summary, indent=2))
    pixelpost, sdk = summary["pixelpost"], summary["sdk"]
    assert pixelpost["median_delay_s"] <= sdk["median_delay_s"] / 2
    assert pixelpost["queries_per_task"] <= sdk["queries_per_task"]

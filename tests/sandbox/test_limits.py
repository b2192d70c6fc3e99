"""Account-wide limits: submission rate, concurrency queueing, query rate, log and stats."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from gui.sandbox import Emulator, EmulatorConfig, LimitEvent
from gui.sandbox.limits import RateLimit, max_in_window, max_overlap

from .support import MULTIMODAL, TEST_KEY, TEXT2IMAGE, ApiClient, FakeClock, standalone

pytestmark = pytest.mark.timeout(30)

RATE_QUOTA_MESSAGE = "Requests rate limit exceeded, please try again later."
# Durations for the fake clock: PENDING 10 s, then RUNNING 20 s.
LIMITED_CONFIG = EmulatorConfig(
    pending_seconds=10.0, running_seconds=20.0, sync_seconds=0.0, enforce_limits=True
)


def legacy_body(model: str = "wanx-v1") -> dict[str, Any]:
    return {"model": model, "input": {"prompt": "a lantern"}, "parameters": {"n": 1}}


def messages_body() -> dict[str, Any]:
    messages = [{"role": "user", "content": [{"text": "a tea house"}]}]
    return {"model": "wan2.6-t2i", "input": {"messages": messages}, "parameters": {"n": 1}}


def submit_status(api: ApiClient, model: str = "wanx-v1") -> int:
    return api.post(TEXT2IMAGE, legacy_body(model)).status_code


def statuses(api: ApiClient, task_ids: list[str]) -> list[str]:
    return [api.task(task_id)["output"]["task_status"] for task_id in task_ids]


def max_running_from_log(events: list[LimitEvent], model: str) -> int:
    """Count RUNNING tasks of ``model`` along the log, as a benchmark would."""
    running = 0
    best = 0
    for event in events:
        if event.model != model:
            continue
        if event.kind == "running":
            running += 1
        elif event.kind == "finished" and event.status in ("SUCCEEDED", "FAILED"):
            running -= 1
        best = max(best, running)
    return best


def max_submits_from_log(events: list[LimitEvent], model: str, window: float) -> int:
    times = [event.time for event in events if event.kind == "submitted" and event.model == model]
    return max(
        (sum(1 for other in times if start <= other < start + window) for start in times),
        default=0,
    )


@pytest.fixture
def limited(clock: FakeClock, http: httpx.Client) -> Iterator[ApiClient]:
    """An emulator that enforces the catalog's limits, on the fake clock."""
    with Emulator(key=TEST_KEY, config=LIMITED_CONFIG, clock=clock) as emulator:
        yield ApiClient(emulator, http)


def limited_api(
    clock: FakeClock, http: httpx.Client, **settings: Any
) -> tuple[Emulator, ApiClient]:
    """Return an emulator, not yet started, that enforces limits on the fake clock."""
    config = EmulatorConfig(
        pending_seconds=10.0,
        running_seconds=20.0,
        sync_seconds=0.0,
        enforce_limits=True,
        **settings,
    )
    emulator = Emulator(key=TEST_KEY, config=config, clock=clock)
    return emulator, ApiClient(emulator, http)


# Submission rate


def test_rate_from_catalog(limited: ApiClient, clock: FakeClock) -> None:
    # wanx-v1 allows 2 submissions per second in the catalog's Beijing limits.
    burst = [submit_status(limited) for _ in range(3)]
    rejected = limited.post(TEXT2IMAGE, legacy_body())
    clock.advance(0.5)
    half_second = submit_status(limited)
    clock.advance(0.5)
    one_second = [submit_status(limited) for _ in range(3)]

    assert burst == [200, 200, 429]
    assert rejected.status_code == 429
    document = rejected.json()
    assert set(document) == {"request_id", "code", "message"}
    assert document["code"] == "Throttling.RateQuota"
    assert document["message"] == RATE_QUOTA_MESSAGE
    assert rejected.headers["X-Request-ID"] == document["request_id"]
    assert half_second == 429
    assert one_second == [200, 200, 429]
    stats = limited.emulator.stats().models["wanx-v1"]
    assert stats.submits == 4
    assert stats.max_submits_per_window == 2
    assert stats.window_seconds == 1.0
    assert stats.rejected_429 == 4
    assert len(limited.emulator.tasks) == 4


def test_rate_is_per_model(limited: ApiClient) -> None:
    wanx_v1 = [submit_status(limited, "wanx-v1") for _ in range(3)]
    turbo = [submit_status(limited, "wanx2.1-t2i-turbo") for _ in range(2)]

    assert wanx_v1 == [200, 200, 429]
    assert turbo == [200, 200]


def test_alias_shares_rate(limited: ApiClient) -> None:
    results = [
        submit_status(limited, "wanx2.1-t2i-turbo"),
        submit_status(limited, "wan2.1-t2i-turbo"),
        submit_status(limited, "wan2.1-t2i-turbo"),
    ]

    assert results == [200, 200, 429]
    assert limited.emulator.stats().models["wanx2.1-t2i-turbo"].rejected_429 == 1


def test_per_minute_rate(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wanx-v1": (2 / 60, None)})
    with emulator:
        first = [submit_status(api) for _ in range(3)]
        clock.advance(59.5)
        before_minute = submit_status(api)
        clock.advance(0.5)
        after_minute = [submit_status(api) for _ in range(3)]
        stats = emulator.stats().models["wanx-v1"]

    assert first == [200, 200, 429]
    assert before_minute == 429
    assert after_minute == [200, 200, 429]
    assert stats.window_seconds == 60.0
    assert stats.max_submits_per_window == 2


def test_sync_calls_count_against_rate(limited: ApiClient) -> None:
    # wan2.6-t2i allows 1 submission per second, sync or async.
    sync = limited.post(MULTIMODAL, messages_body(), async_call=False)
    second_sync = limited.post(MULTIMODAL, messages_body(), async_call=False)

    assert sync.status_code == 200
    assert second_sync.status_code == 429
    assert second_sync.json()["code"] == "Throttling.RateQuota"


def test_limits_off_by_default(clocked_api: ApiClient) -> None:
    results = [submit_status(clocked_api) for _ in range(5)]

    assert results == [200] * 5
    stats = clocked_api.emulator.stats().models["wanx-v1"]
    assert stats.max_submits_per_window == 5
    assert stats.rejected_429 == 0
    # Without enforcement every task starts at once.
    assert stats.max_running == 0
    assert {record.status for record in clocked_api.emulator.tasks} == {"PENDING"}


def test_rejection_in_request_log(limited: ApiClient) -> None:
    for _ in range(3):
        submit_status(limited)

    assert [request.status for request in limited.emulator.requests] == [200, 200, 429]
    [rejected] = [event for event in limited.emulator.limit_log if event.kind == "rejected"]
    assert rejected.model == "wanx-v1"
    assert rejected.mode == "async"


# Concurrency


def test_concurrency_queues_in_order(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wanx-v1": (10.0, 2)})
    with emulator:
        start = clock.now
        task_ids = [api.submit("wanx-v1") for _ in range(4)]

        at_submit = statuses(api, task_ids)
        clock.advance(10)
        first_running = statuses(api, task_ids)
        clock.advance(20)
        first_done = statuses(api, task_ids)
        queued = api.task(task_ids[2])["output"]
        clock.advance(10)
        second_running = statuses(api, task_ids)
        clock.advance(20)
        finished = api.task(task_ids[3])["output"]
        records = {record.id: record for record in emulator.tasks}
        events = emulator.limit_log
        stats = emulator.stats()

    assert at_submit == ["PENDING"] * 4
    assert first_running == ["RUNNING", "RUNNING", "PENDING", "PENDING"]
    assert first_done == ["SUCCEEDED", "SUCCEEDED", "PENDING", "PENDING"]
    assert "scheduled_time" not in queued
    assert second_running == ["SUCCEEDED", "SUCCEEDED", "RUNNING", "RUNNING"]
    assert finished["task_status"] == "SUCCEEDED"
    last = records[task_ids[3]]
    assert last.created == start
    assert last.slot_at == start + 30
    assert last.running_at == start + 40
    assert last.finished_at == start + 60
    assert last.finished == last.finished_at
    assert max_running_from_log(events, "wanx-v1") == 2
    assert stats.models["wanx-v1"].max_running == 2


def test_queue_times_exact_without_polling(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wanx-v1": (10.0, 1)})
    with emulator:
        start = clock.now
        task_ids = [api.submit("wanx-v1") for _ in range(3)]
        clock.advance(500)
        records = {record.id: record for record in emulator.tasks}

    slots = [records[task_id].slot_at for task_id in task_ids]
    finishes = [records[task_id].finished_at for task_id in task_ids]
    assert slots == [start, start + 30, start + 60]
    assert finishes == [start + 30, start + 60, start + 90]


def test_cancel_queued_task(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wanx-v1": (10.0, 1)})
    with emulator:
        start = clock.now
        first, second, third = (api.submit("wanx-v1") for _ in range(3))

        cancel = api.post(f"tasks/{second}/cancel", async_call=False)
        clock.advance(30)
        records = {record.id: record for record in emulator.tasks}

    assert cancel.status_code == 200
    assert records[second].status == "CANCELED"
    assert records[second].slot_at is None
    assert records[third].slot_at == start + 30
    assert records[first].status == "SUCCEEDED"


def test_cancel_holder_frees_slot(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wanx-v1": (10.0, 1)})
    with emulator:
        first, second = (api.submit("wanx-v1") for _ in range(2))
        clock.advance(4)

        cancel = api.post(f"tasks/{first}/cancel", async_call=False)
        records = {record.id: record for record in emulator.tasks}

    assert cancel.status_code == 200
    assert records[first].status == "CANCELED"
    assert records[second].slot_at == clock.now


def test_concurrency_under_parallel_load(http: httpx.Client) -> None:
    config = EmulatorConfig(
        pending_seconds=0.02,
        running_seconds=0.1,
        enforce_limits=True,
        limits={"wanx-v1": (100.0, 2)},
    )
    with Emulator(key=TEST_KEY, config=config) as emulator:
        api = ApiClient(emulator, http)
        with ThreadPoolExecutor(max_workers=6) as pool:
            task_ids = list(pool.map(lambda _index: api.submit("wanx-v1"), range(6)))

        deadline = time.monotonic() + 10
        while {record.status for record in emulator.tasks} != {"SUCCEEDED"}:
            assert time.monotonic() < deadline, "the queued tasks never finished"
            time.sleep(0.02)
        events = emulator.limit_log
        stats = emulator.stats()
        records = sorted(emulator.tasks, key=lambda record: record.created)

    assert len(task_ids) == 6
    assert max_running_from_log(events, "wanx-v1") == 2
    assert stats.models["wanx-v1"].max_running == 2
    slot_times = [record.slot_at for record in records]
    assert None not in slot_times
    assert slot_times == sorted(time for time in slot_times if time is not None)


def test_sync_calls_not_queued(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, limits={"wan2.6-t2i": (10.0, 1)})
    with emulator:
        task_id = api.submit("wan2.6-t2i")
        sync = api.post(MULTIMODAL, messages_body(), async_call=False)
        task = api.task(task_id)["output"]

    assert sync.status_code == 200
    assert task["task_status"] == "PENDING"


# Task queries


def test_query_rate(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, query_per_second=5.0)
    with emulator:
        task_id = api.submit("wanx-v1")
        burst = [api.get(f"tasks/{task_id}") for _ in range(6)]
        clock.advance(1.0)
        later = api.get(f"tasks/{task_id}")
        stats = emulator.stats()

    assert [response.status_code for response in burst] == [200] * 5 + [429]
    document = burst[-1].json()
    assert document["code"] == "Throttling"
    assert document["message"] == "Requests throttling triggered."
    assert burst[-1].headers["X-Request-ID"] == document["request_id"]
    assert later.status_code == 200
    assert stats.queries == 7
    assert stats.queries_rejected_429 == 1
    assert stats.tasks[task_id].status_queries == 7


def test_query_rate_is_account_wide(clock: FakeClock, http: httpx.Client) -> None:
    emulator, api = limited_api(clock, http, query_per_second=2.0)
    with emulator:
        replies = [api.get(f"tasks/task-{index}").status_code for index in range(3)]

    assert replies == [200, 200, 429]


def test_first_terminal_seen(clocked_api: ApiClient, clock: FakeClock) -> None:
    start = clock.now
    task_id = clocked_api.submit("wanx-v1")
    clocked_api.task(task_id)
    clock.advance(35)
    clocked_api.task(task_id)
    clock.advance(5)
    clocked_api.task(task_id)

    stats = clocked_api.emulator.stats().tasks[task_id]

    assert stats.status_queries == 3
    assert stats.running_at == start + 10
    assert stats.finished_at == start + 30
    assert stats.first_terminal_seen == start + 35


def test_unknown_task_stats(clocked_api: ApiClient) -> None:
    clocked_api.task("no-such-task")

    stats = clocked_api.emulator.stats().tasks["no-such-task"]

    assert stats.status_queries == 1
    assert stats.model is None
    assert stats.first_terminal_seen is not None


def test_limit_log_order(clocked_api: ApiClient, clock: FakeClock) -> None:
    start = clock.now
    task_id = clocked_api.submit("wanx-v1")
    clock.advance(40)
    clocked_api.task(task_id)

    events = clocked_api.emulator.limit_log

    kinds = [(event.kind, event.time - start) for event in events]
    assert kinds == [
        ("submitted", 0.0),
        ("slot_granted", 0.0),
        ("running", 10.0),
        ("finished", 30.0),
        ("queried", 40.0),
    ]
    assert {event.task_id for event in events} == {task_id}
    assert events[3].status == "SUCCEEDED"
    assert events[4].status == "SUCCEEDED"


def test_stats_empty_before_start() -> None:
    stats = Emulator().stats()

    assert stats.models == {}
    assert stats.tasks == {}
    assert Emulator().limit_log == []


# Settings and helpers


@pytest.mark.parametrize(
    "settings",
    [
        {"limits": {"wanx-v1": (0.0, 1)}},
        {"limits": {"wanx-v1": (2.0, 0)}},
        {"query_per_second": 0.0},
        {"upload_policy_seconds": 0.0},
        {"upload_max_file_size_mb": 0},
    ],
)
def test_invalid_limit_settings(settings: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        EmulatorConfig(**settings)


def test_unknown_model_in_limits() -> None:
    config = EmulatorConfig(limits={"no-such-model": (1.0, 1)})

    with pytest.raises(ValueError, match="no-such-model"):
        Emulator(config=config)


def test_rate_windows() -> None:
    assert RateLimit.per_second(2.0) == RateLimit(2, 1.0)
    assert RateLimit.per_second(20.0) == RateLimit(20, 1.0)
    assert RateLimit.per_second(0.0333) == RateLimit(2, 60.0)
    assert RateLimit.per_second(1 / 60) == RateLimit(1, 60.0)


def test_window_and_overlap_counts() -> None:
    assert max_in_window([0.0, 0.5, 1.0, 1.2, 1.4], 1.0) == 4
    assert max_in_window([0.0, 1.0, 2.0], 1.0) == 1
    assert max_in_window([], 1.0) == 0
    assert max_overlap([(0.0, 1.0), (1.0, 2.0)]) == 1
    assert max_overlap([(0.0, 2.0), (1.0, 3.0), (1.5, 1.6)]) == 3


def test_log_helpers_agree_with_stats(limited: ApiClient) -> None:
    for _ in range(3):
        submit_status(limited, "wanx2.1-t2i-turbo")

    events = limited.emulator.limit_log
    stats = limited.emulator.stats().models["wanx2.1-t2i-turbo"]

    assert max_submits_from_log(events, "wanx2.1-t2i-turbo", 1.0) == stats.max_submits_per_window


def test_standalone_enforces_limits(http: httpx.Client) -> None:
    arguments = ("--enforce-limits", "--limit", "wanx-v1=1:1")
    with standalone(*arguments) as (base_url, key):
        headers = {"Authorization": f"Bearer {key}", "X-DashScope-Async": "enable"}
        replies = [
            http.post(f"{base_url}/{TEXT2IMAGE}", json=legacy_body(), headers=headers)
            for _ in range(2)
        ]

    assert [reply.status_code for reply in replies] == [200, 429]
    assert replies[1].json()["code"] == "Throttling.RateQuota"

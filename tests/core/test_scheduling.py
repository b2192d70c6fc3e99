"""Pacing, submit gates and learned poll plans."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest

from gui.core.scheduling import (
    Pacer,
    PollSchedule,
    SubmitGate,
    _fixed_schedule_queries,
    backoff_delays,
    duration_stats,
    remaining_estimate,
)

pytestmark = pytest.mark.timeout(30)


def test_pacer_spaces_calls() -> None:
    async def scenario() -> list[float]:
        pacer = Pacer(20.0)
        stamps = []
        for _ in range(6):
            await pacer.wait()
            stamps.append(time.monotonic())
        return stamps

    stamps = asyncio.run(scenario())
    gaps = [later - earlier for earlier, later in itertools.pairwise(stamps)]
    assert min(gaps) >= 0.045


def test_gate_admits_in_order_within_concurrency() -> None:
    async def scenario() -> tuple[list[str], int, dict[str, list[int]]]:
        gate = SubmitGate(rate=1000.0, concurrency=2)
        admitted: list[str] = []
        positions: dict[str, list[int]] = {}
        max_running = 0

        async def task(name: str) -> None:
            nonlocal max_running
            await gate.enter(name, lambda position: positions.setdefault(name, []).append(position))
            admitted.append(name)
            max_running = max(max_running, gate.running)
            await asyncio.sleep(0.02)
            await gate.leave(name)

        await asyncio.gather(*(task(f"t{i}") for i in range(6)))
        return admitted, max_running, positions

    admitted, max_running, positions = asyncio.run(scenario())
    assert admitted == [f"t{i}" for i in range(6)]
    assert max_running == 2
    assert positions["t5"][0] == 4  # two running, t2..t4 ahead of it
    assert positions["t5"] == sorted(positions["t5"], reverse=True)


def test_gate_forgets_canceled_waiter() -> None:
    async def scenario() -> list[str]:
        gate = SubmitGate(rate=1000.0, concurrency=1)
        await gate.enter("first", lambda _position: None)
        waiting = asyncio.create_task(gate.enter("second", lambda _position: None))
        third = asyncio.create_task(gate.enter("third", lambda _position: None))
        await asyncio.sleep(0)  # one loop turn runs both new tasks up to their queue wait
        assert gate.position("second") == 1
        assert gate.position("third") == 2
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        await gate.leave("first")
        await asyncio.wait_for(third, 2)
        return sorted(gate._running)

    assert asyncio.run(scenario()) == ["third"]


def test_backoff_grows_with_jitter_and_cap() -> None:
    delays = backoff_delays(1.0, 8.0)
    values = [next(delays) for _ in range(8)]
    assert 0.75 <= values[0] <= 1.25
    assert 1.5 <= values[1] <= 2.5
    assert all(value <= 10.0 for value in values)
    assert values[-1] >= 6.0


def test_without_history_plan_grows_to_maximum() -> None:
    delays = PollSchedule(first=1.0, factor=2.0, maximum=5.0).delays(None)
    assert [next(delays) for _ in range(5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def _notice(delays: list[float], duration: float) -> tuple[float, int]:
    """Return (seconds from the end to the first query after it, queries sent)."""
    elapsed = 0.0
    for queries, delay in enumerate(delays, start=1):
        elapsed += delay
        if elapsed >= duration:
            return elapsed - duration, queries
    raise AssertionError("schedule too short")


def _fixed_delays(count: int = 200) -> list[float]:
    delays, interval = [], 1.0
    for number in range(1, count + 1):
        delays.append(interval)
        if number % 3 == 0:
            interval = min(interval * 2, 5.0)
    return delays


@pytest.mark.parametrize("typical", [5.0, 12.0, 30.0, 60.0, 120.0])
def test_learned_plan_notices_sooner_with_fewer_queries(typical: float) -> None:
    """Over tasks within ±8 % of past durations, the plan notices the end at most half as
    late as the fixed 1 s-to-5 s schedule, with no more queries."""
    stats = duration_stats([typical * factor for factor in (0.92, 0.97, 1.0, 1.03, 1.08)])
    assert stats is not None
    plan = PollSchedule().delays(stats)
    planned = [next(plan) for _ in range(200)]
    fixed = _fixed_delays()
    durations = [typical * (0.92 + 0.16 * step / 19) for step in range(20)]
    plan_results = [_notice(planned, duration) for duration in durations]
    fixed_results = [_notice(fixed, duration) for duration in durations]
    plan_delay = sum(delay for delay, _ in plan_results) / len(durations)
    fixed_delay = sum(delay for delay, _ in fixed_results) / len(durations)
    plan_queries = sum(queries for _, queries in plan_results) / len(durations)
    fixed_queries = sum(queries for _, queries in fixed_results) / len(durations)
    assert _fixed_schedule_queries(typical) == _notice(fixed, typical)[1]
    assert plan_queries <= fixed_queries
    assert plan_delay <= fixed_delay / 2


def test_stats_need_three_samples() -> None:
    assert duration_stats([10.0, 12.0]) is None
    stats = duration_stats([10.0, 12.0, 14.0, 100.0])
    assert stats is not None
    assert stats.median == 13.0
    assert stats.low < stats.median < stats.high


def test_remaining_estimate() -> None:
    stats = duration_stats([20.0, 20.0, 20.0])
    assert remaining_estimate(stats, 5.0) == 15.0
    assert remaining_estimate(None, 5.0) is None

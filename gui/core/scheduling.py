"""Request pacing: submit queues with rate and concurrency limits, the query rate
limit, back-off after throttling, and poll plans learned from past task durations.
"""

from __future__ import annotations

import asyncio
import math
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# The task query endpoint allows 20 requests per second per account.
QUERY_RATE_LIMIT = 20.0


# Calls are spaced 10 % wider than the limit allows: requests can arrive closer
# together than they left, and the service counts arrivals.
SPACING_MARGIN = 1.1


class Pacer:
    """Spaces calls at least ``SPACING_MARGIN / rate`` seconds apart, in arrival order.

    Spacing, rather than a burst window, keeps a client clear of the service's
    burst-rate errors that a sudden spike below the nominal limit can cause.
    """

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        self.rate = rate
        self._clock = clock
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = self._clock()
            delay = self._next - now
            if delay > 0:
                await asyncio.sleep(delay)
                now = self._clock()
            self._next = max(now, self._next) + SPACING_MARGIN / self.rate


class SubmitGate:
    """First-in, first-out admission for one model: submit rate and running tasks.

    A task occupies a slot from its submission until it ends on the service.
    Tasks wait in arrival order, and ``position`` gives a waiting task's place.
    """

    def __init__(self, rate: float, concurrency: int | None) -> None:
        self.pacer = Pacer(rate)
        self.concurrency = concurrency
        self._queue: list[str] = []
        self._running: set[str] = set()
        self._changed = asyncio.Condition()
        self._wakers: set[asyncio.Task[None]] = set()

    def set_concurrency(self, concurrency: int | None) -> None:
        """Change the number of running tasks allowed; waiting tasks see it on their next turn."""
        self.concurrency = concurrency

        async def wake() -> None:
            async with self._changed:
                self._changed.notify_all()

        try:
            waker = asyncio.get_running_loop().create_task(wake())
        except RuntimeError:
            return  # without a running loop no task can be waiting
        self._wakers.add(waker)
        waker.add_done_callback(self._wakers.discard)

    def position(self, local_id: str) -> int | None:
        """Return the 1-based queue position of a waiting task, or None."""
        try:
            return self._queue.index(local_id) + 1
        except ValueError:
            return None

    @property
    def running(self) -> int:
        return len(self._running)

    def hold(self, local_id: str) -> None:
        """Count a task that is already on the service (resumed after a restart)."""
        self._running.add(local_id)

    async def enter(self, local_id: str, on_wait: Callable[[int], None]) -> None:
        """Wait for the task's turn and a free slot, then pace the submission.

        ``on_wait`` receives the queue position each time it changes.
        """
        async with self._changed:
            self._queue.append(local_id)
            try:
                reported = None
                while not self._admits(local_id):
                    position = self.position(local_id)
                    if position is not None and position != reported:
                        reported = position
                        on_wait(position)
                    await self._changed.wait()
            except BaseException:
                self._queue.remove(local_id)
                self._changed.notify_all()
                raise
            self._queue.remove(local_id)
            self._running.add(local_id)
            self._changed.notify_all()
        await self.pacer.wait()

    def _admits(self, local_id: str) -> bool:
        if not self._queue or self._queue[0] != local_id:
            return False
        return self.concurrency is None or len(self._running) < self.concurrency

    async def leave(self, local_id: str) -> None:
        async with self._changed:
            self._running.discard(local_id)
            self._changed.notify_all()


def backoff_delays(
    first: float = 1.0, maximum: float = 30.0, rng: random.Random | None = None
) -> Iterator[float]:
    """Yield exponential back-off delays with ±25 % jitter, capped at ``maximum``."""
    rng = rng or random.Random()
    delay = first
    while True:
        yield min(maximum, delay) * rng.uniform(0.75, 1.25)
        delay *= 2


@dataclass(frozen=True)
class DurationStats:
    """Duration statistics of past tasks of one model, in seconds."""

    count: int
    low: float  # about the 10th percentile
    median: float
    high: float  # about the 90th percentile


def duration_stats(durations: list[float]) -> DurationStats | None:
    """Return statistics once at least three durations are known."""
    if len(durations) < 3:
        return None
    ordered = sorted(durations)
    return DurationStats(
        count=len(ordered),
        low=_quantile(ordered, 0.1),
        median=statistics.median(ordered),
        high=_quantile(ordered, 0.9),
    )


def _quantile(ordered: list[float], fraction: float) -> float:
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] * (1 - weight) + ordered[above] * weight


@dataclass(frozen=True)
class PollSchedule:
    """When to query a task: a schedule of delays between queries, in seconds.

    Without history the plan starts at ``first`` and grows by ``factor`` up to
    ``maximum``. With history it stays quiet until the fastest past tasks
    finished, queries densely across the usual finishing window, then backs off.
    The dense interval is chosen so the total number of queries stays below what
    a fixed 1 s doubling-to-5 s schedule would send for the same duration.
    """

    first: float = 1.0
    factor: float = 1.5
    maximum: float = 5.0
    # The shortest gap between two queries of one task; None uses ``first`` up to 0.5 s.
    minimum_interval: float | None = None

    @property
    def shortest(self) -> float:
        if self.minimum_interval is not None:
            return self.minimum_interval
        return min(self.first, 0.5)

    def delays(self, stats: DurationStats | None, elapsed: float = 0.0) -> Iterator[float]:
        """Yield delays from now, ``elapsed`` seconds after submission."""
        if stats is None:
            yield from self._growing(self.first)
            return
        window_start = max(stats.low * 0.9, self.shortest)
        window_end = max(stats.high * 1.1, window_start + self.shortest)
        budget = max(3, _fixed_schedule_queries(window_end) - 2)
        interval = max(self.shortest, (window_end - window_start) / budget)
        now = elapsed
        if now < window_start:
            yield window_start - now
            now = window_start
        while now < window_end:
            yield interval
            now += interval
        yield from self._growing(max(interval, self.first))

    def _growing(self, start: float) -> Iterator[float]:
        delay = start
        while True:
            yield delay
            delay = min(delay * self.factor, self.maximum)


def _fixed_schedule_queries(duration: float) -> int:
    """Count the queries of the 1 s, doubling every 3rd poll, 5 s cap schedule by ``duration``."""
    elapsed, interval, count = 0.0, 1.0, 0
    while elapsed < duration:
        elapsed += interval
        count += 1
        if count % 3 == 0:
            interval = min(interval * 2, 5.0)
    return count


def remaining_estimate(stats: DurationStats | None, elapsed: float) -> float | None:
    """Return the estimated seconds until a task finishes, or None without history."""
    if stats is None:
        return None
    expected = stats.median if elapsed < stats.median else stats.high
    return max(0.0, expected - elapsed)

"""Account-wide limits as the service applies them, and the event log that shows them.

The service limits each model's submissions (per second, or per minute for some
Qwen models) and the tasks it runs at once, for the whole account. Task queries
are limited to 20 per second. ``LimitTracker`` checks submissions and queries
against sliding windows when ``EmulatorConfig.enforce_limits`` is set, and it
always records submissions, queries and 429 replies, so tests and benchmarks
can measure a client against the limits. Task lifecycle events (slot, RUNNING,
terminal status) are derived from the task table when the log is read, so their
times are exact even though no thread advances the tasks.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gui.core.catalog import Catalog, ModelSpec
from gui.sandbox import errors
from gui.sandbox.config import EmulatorConfig
from gui.sandbox.tasks import TERMINAL_STATUSES, Task

# Event kinds of LimitTracker.events().
SUBMITTED = "submitted"
REJECTED = "rejected"
QUERIED = "queried"
QUERY_REJECTED = "query_rejected"
SLOT_GRANTED = "slot_granted"
BECAME_RUNNING = "running"
FINISHED = "finished"
# Events at the same time sort in this order: a task that ends and one that
# starts at one instant never count as running together, and a submission comes
# before the slot it gets.
_KIND_ORDER = {FINISHED: 0, SUBMITTED: 1, SLOT_GRANTED: 2, BECAME_RUNNING: 3}


@dataclass(frozen=True)
class RateLimit:
    """At most ``count`` events in any ``window_seconds``."""

    count: int
    window_seconds: float

    @classmethod
    def per_second(cls, rate: float) -> RateLimit:
        """Return the window for a rate in events per second.

        A rate of 1 or more counts whole events per second. A lower rate is a
        per-minute limit, as the catalog writes 2 per minute as 0.0333 per second.
        """
        if rate >= 1:
            return cls(int(rate), 1.0)
        return cls(max(1, round(rate * 60)), 60.0)


class SlidingWindow:
    """Admits an event when fewer than ``count`` were admitted in the last window."""

    def __init__(self, limit: RateLimit) -> None:
        self.limit = limit
        self._times: deque[float] = deque()

    def admit(self, now: float) -> bool:
        # The window is (now - window_seconds, now], so an event exactly one window
        # old no longer counts.
        while self._times and self._times[0] <= now - self.limit.window_seconds:
            self._times.popleft()
        if len(self._times) >= self.limit.count:
            return False
        self._times.append(now)
        return True


@dataclass(frozen=True)
class LimitEvent:
    """One event of the limit log; ``time`` is epoch seconds from the emulator's clock."""

    time: float
    # submitted, rejected, queried, query_rejected, slot_granted, running or finished.
    kind: str
    # The catalog id of the model, or None for a query of an unknown task.
    model: str | None
    task_id: str | None = None
    # The task status a query returned, or the terminal status of a finished task.
    status: str | None = None
    # "sync" or "async" for submitted and rejected model calls.
    mode: str | None = None


@dataclass(frozen=True)
class ModelStats:
    """Submission and concurrency statistics of one model."""

    submits: int
    # The largest number of submissions in any window of ``window_seconds``.
    max_submits_per_window: int
    window_seconds: float
    # The largest number of the model's tasks RUNNING at the same time.
    max_running: int
    rejected_429: int


@dataclass(frozen=True)
class TaskStats:
    """Polling statistics of one task, with the emulator's times of its lifecycle."""

    model: str | None
    # GET /tasks/{id} requests for this id, rejected and faulted ones included.
    status_queries: int
    # The time of the first query whose reply carried a terminal status.
    first_terminal_seen: float | None
    running_at: float | None
    finished_at: float | None


@dataclass(frozen=True)
class EmulatorStats:
    """Per-model and per-task statistics of one emulator run."""

    models: Mapping[str, ModelStats]
    tasks: Mapping[str, TaskStats]
    queries: int
    queries_rejected_429: int


class LimitTracker:
    """Applies and records the account-wide limits of one emulator run."""

    def __init__(self, config: EmulatorConfig, catalog: Catalog, max_events: int) -> None:
        self._enforce = config.enforce_limits
        self._catalog = catalog
        self._overrides: dict[str, tuple[float, int | None]] = {}
        for name, limit in config.limits.items():
            model = catalog.get(name)
            if model is None:
                raise ValueError(f"EmulatorConfig.limits names {name!r}, which the catalog lacks")
            self._overrides[model.id] = limit
        self._query_window = SlidingWindow(RateLimit.per_second(config.query_per_second))
        self._model_windows: dict[str, SlidingWindow] = {}
        self._events: deque[LimitEvent] = deque(maxlen=max_events)
        self._rejected: Counter[str] = Counter()
        self._queries: Counter[str] = Counter()
        self._query_models: dict[str, str | None] = {}
        self._first_terminal: dict[str, float] = {}
        self._queries_total = 0
        self._queries_rejected = 0
        self._lock = threading.Lock()

    def model_limits(self, model: ModelSpec) -> tuple[RateLimit | None, int | None]:
        """Return the model's submission window and concurrency, None where unlimited."""
        override = self._overrides.get(model.id)
        if override is not None:
            rate, concurrency = override
            return RateLimit.per_second(rate), concurrency
        limits = model.limits.get("beijing")
        if limits is None:
            return None, None
        return RateLimit.per_second(limits.submit_per_second), limits.concurrency

    def concurrency(self, model: ModelSpec) -> int | None:
        """Return the tasks of ``model`` allowed to run at once, or None when not enforced."""
        if not self._enforce:
            return None
        return self.model_limits(model)[1]

    def admit_call(self, model: ModelSpec, mode: str, now: float) -> None:
        """Count a model call against the model's rate; raise ApiError 429 beyond it.

        Calls are always recorded; they are rejected only when limits are enforced.
        """
        with self._lock:
            rate, _concurrency = self.model_limits(model)
            if self._enforce and rate is not None:
                window = self._model_windows.get(model.id)
                if window is None:
                    window = self._model_windows[model.id] = SlidingWindow(rate)
                if not window.admit(now):
                    self._rejected[model.id] += 1
                    self._events.append(LimitEvent(now, REJECTED, model.id, mode=mode))
                    raise errors.rate_quota_exceeded()

    def record_call(self, model: ModelSpec, mode: str, now: float, task_id: str | None) -> None:
        """Record an admitted model call; ``task_id`` is None for a sync call."""
        with self._lock:
            self._events.append(LimitEvent(now, SUBMITTED, model.id, task_id, mode=mode))

    def count_query(self, task_id: str, model: str | None) -> None:
        """Count a task query on arrival, whatever its reply turns out to be."""
        with self._lock:
            self._queries_total += 1
            self._queries[task_id] += 1
            self._query_models[task_id] = model

    def admit_query(self, task_id: str, model: str | None, now: float) -> None:
        """Check a task query against ``query_per_second``; raise ApiError 429 beyond it."""
        if not self._enforce:
            return
        with self._lock:
            if not self._query_window.admit(now):
                self._queries_rejected += 1
                self._events.append(LimitEvent(now, QUERY_REJECTED, model, task_id))
                raise errors.query_throttled()

    def record_query_reply(self, task_id: str, model: str | None, status: str, now: float) -> None:
        """Record the task status of a query reply that reached the client intact."""
        with self._lock:
            self._events.append(LimitEvent(now, QUERIED, model, task_id, status))
            if status in TERMINAL_STATUSES:
                self._first_terminal.setdefault(task_id, now)

    def events(self, tasks: Iterable[Task], now: float) -> list[LimitEvent]:
        """Return the recorded events and the lifecycle events of ``tasks``, by time."""
        with self._lock:
            recorded = list(self._events)
        derived = [event for task in tasks for event in _lifecycle_events(task, now)]
        return sorted(
            recorded + derived,
            key=lambda event: (event.time, _KIND_ORDER.get(event.kind, len(_KIND_ORDER))),
        )

    def stats(self, tasks: list[Task], now: float) -> EmulatorStats:
        """Return per-model and per-task statistics up to ``now``."""
        with self._lock:
            recorded = list(self._events)
            rejected = Counter(self._rejected)
            queries = Counter(self._queries)
            query_models = dict(self._query_models)
            first_terminal = dict(self._first_terminal)
            totals = (self._queries_total, self._queries_rejected)

        submit_times: dict[str, list[float]] = {}
        for event in recorded:
            if event.kind == SUBMITTED and event.model is not None:
                submit_times.setdefault(event.model, []).append(event.time)
        intervals: dict[str, list[tuple[float, float]]] = {}
        for task in tasks:
            running = task.running_time(now)
            if running is not None:
                finished = task.finished_time(now)
                end = math.inf if finished is None else finished
                intervals.setdefault(task.model.id, []).append((running, end))

        models: dict[str, ModelStats] = {}
        for model_id in sorted({*submit_times, *rejected, *intervals}):
            spec = self._catalog.get(model_id)
            rate = self.model_limits(spec)[0] if spec is not None else None
            window = rate.window_seconds if rate is not None else 1.0
            times = sorted(submit_times.get(model_id, []))
            models[model_id] = ModelStats(
                submits=len(times),
                max_submits_per_window=max_in_window(times, window),
                window_seconds=window,
                max_running=max_overlap(intervals.get(model_id, [])),
                rejected_429=rejected[model_id],
            )

        task_stats: dict[str, TaskStats] = {}
        for task in tasks:
            task_stats[task.id] = TaskStats(
                model=task.model.id,
                status_queries=queries[task.id],
                first_terminal_seen=first_terminal.get(task.id),
                running_at=task.running_time(now),
                finished_at=task.finished_time(now),
            )
        for task_id, count in queries.items():
            if task_id not in task_stats:
                task_stats[task_id] = TaskStats(
                    query_models.get(task_id), count, first_terminal.get(task_id), None, None
                )
        return EmulatorStats(models, task_stats, totals[0], totals[1])


def _lifecycle_events(task: Task, now: float) -> list[LimitEvent]:
    model = task.model.id
    events = []
    if task.slot_time is not None and task.slot_time <= now:
        events.append(LimitEvent(task.slot_time, SLOT_GRANTED, model, task.id))
    running = task.running_time(now)
    if running is not None:
        events.append(LimitEvent(running, BECAME_RUNNING, model, task.id))
    finished = task.finished_time(now)
    if finished is not None:
        events.append(LimitEvent(finished, FINISHED, model, task.id, task.status(now)))
    return events


def max_in_window(times: list[float], window: float) -> int:
    """Return the max number of sorted ``times`` in any half-open window [t, t + window)."""
    best = 0
    first = 0
    for last, time in enumerate(times):
        while time - times[first] >= window:
            first += 1
        best = max(best, last - first + 1)
    return best


def max_overlap(intervals: list[tuple[float, float]]) -> int:
    """Return the max number of half-open intervals [start, end) that overlap at one moment."""
    points = sorted(
        [(start, 1) for start, _end in intervals] + [(end, -1) for _start, end in intervals]
    )
    best = current = 0
    # At equal times the ends (-1) sort first, so touching intervals do not overlap.
    for _time, change in points:
        current += change
        best = max(best, current)
    return best

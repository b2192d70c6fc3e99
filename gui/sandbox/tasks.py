"""Async tasks of the emulator and their lifecycle.

A task's status is computed from the clock, so no background thread advances it.
Its lifecycle begins when it gets a slot (at once unless its model has a
concurrency limit and every slot is taken): PENDING until ``slot + pending``,
RUNNING until ``slot + pending + running``, then SUCCEEDED. A task waiting for a
slot is PENDING too. A canceled task stays CANCELED. A task older than the
retention time is dropped and reads as UNKNOWN, as on the service after 24 hours.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gui.core.catalog import ModelSpec

PENDING = "PENDING"
RUNNING = "RUNNING"
SUCCEEDED = "SUCCEEDED"
FAILED = "FAILED"
CANCELED = "CANCELED"
UNKNOWN = "UNKNOWN"

TERMINAL_STATUSES = (SUCCEEDED, FAILED, CANCELED, UNKNOWN)


@dataclass(frozen=True)
class ImageFailure:
    """The error of one failed image slot, or of a whole failed task."""

    code: str
    message: str


@dataclass(frozen=True)
class TextLayout:
    """The title text of a background-generation request and its text images."""

    title: str
    sub_title: str | None
    # Object names of the text images in the image store, one per result image.
    image_names: tuple[str, ...]


@dataclass(frozen=True)
class Generation:
    """The output plan of one request, after defaults and prompt truncation."""

    # The request's prompt, or "" when the request had none.
    prompt: str
    # The rewritten prompt, when prompt rewriting (prompt_extend) is on.
    actual_prompt: str | None
    width: int
    height: int
    # Object names of the result images in the image store, one per requested image.
    image_names: tuple[str, ...]
    # Failed image slots by index. Their images stay in the store but no URL for
    # them is ever given out.
    failures: Mapping[int, ImageFailure] = field(default_factory=dict)
    # Set for background generation with a title.
    text_layout: TextLayout | None = None

    @property
    def size(self) -> str:
        return f"{self.width}*{self.height}"

    @property
    def total(self) -> int:
        return len(self.image_names)

    @property
    def succeeded(self) -> int:
        return self.total - len(self.failures)

    def all_image_names(self) -> list[str]:
        """Return every object name the generation registered, text images included."""
        names = list(self.image_names)
        if self.text_layout is not None:
            names.extend(self.text_layout.image_names)
        return names


@dataclass(eq=False)
class Task:
    """One submitted async task; times are seconds since the epoch."""

    id: str
    request_id: str
    model: ModelSpec
    # The model name as the client sent it, which may be an alias.
    model_name: str
    body: Mapping[str, Any]
    generation: Generation
    created: float
    pending_seconds: float
    running_seconds: float
    # When the task got a slot and its lifecycle began; None while it waits for one.
    # Left out, it is the creation time.
    slot_time: float | None = None
    canceled_at: float | None = None
    # The status the task reaches after RUNNING: SUCCEEDED, or FAILED by a fault rule.
    outcome: str = SUCCEEDED
    # The error reported as output.code and output.message when the outcome is FAILED.
    failure: ImageFailure | None = None
    # True when a fault rule made the result URLs expired from the start.
    urls_expired: bool = False
    # The SPEC of the fault rule that changed this task, if any.
    fault: str | None = None

    def __post_init__(self) -> None:
        if self.slot_time is None:
            self.slot_time = self.created

    @property
    def scheduled_time(self) -> float | None:
        """Return when the task becomes RUNNING, or None while it waits for a slot."""
        if self.slot_time is None:
            return None
        return self.slot_time + self.pending_seconds

    @property
    def end_time(self) -> float | None:
        """Return when the task ends if it is not canceled, or None while it waits for a slot."""
        if self.slot_time is None:
            return None
        return self.slot_time + self.pending_seconds + self.running_seconds

    @property
    def slot_release_time(self) -> float | None:
        """Return when the task gives its slot back, or None while it has no slot."""
        if self.slot_time is None:
            return None
        if self.canceled_at is not None:
            return self.canceled_at
        return self.end_time

    def status(self, now: float) -> str:
        if self.canceled_at is not None:
            return CANCELED
        scheduled, end = self.scheduled_time, self.end_time
        if scheduled is None or end is None or now < scheduled:
            return PENDING
        if now < end:
            return RUNNING
        return self.outcome

    def running_time(self, now: float) -> float | None:
        """Return when the task became RUNNING, or None while it has not."""
        scheduled = self.scheduled_time
        if self.canceled_at is not None or scheduled is None or now < scheduled:
            return None
        return scheduled

    def finished_time(self, now: float) -> float | None:
        """Return when the task reached a terminal status, or None while it has not."""
        if self.canceled_at is not None:
            return self.canceled_at
        end = self.end_time
        if end is not None and now >= end:
            return end
        return None


@dataclass(frozen=True)
class TaskRecord:
    """A snapshot of one task for tests and the demo UI; times are epoch seconds."""

    id: str
    model: str
    status: str
    created: float
    # When the task reached a terminal status; the same value as ``finished_at``.
    finished: float | None
    body: Mapping[str, Any] = field(repr=False)
    # The catalog id of the model; ``model`` is the name as the client sent it.
    model_id: str = ""
    # When the task got a slot: the submit time unless it waited for one.
    slot_at: float | None = None
    running_at: float | None = None
    finished_at: float | None = None
    # The SPEC of the fault rule that changed the task, if any.
    fault: str | None = None


@dataclass
class _SlotQueue:
    """The tasks of one model that hold a concurrency slot, and those waiting for one."""

    limit: int
    holders: list[Task] = field(default_factory=list)
    # Waiting tasks by creation time.
    waiting: deque[Task] = field(default_factory=deque)
    # The latest slot grant; no later task gets a slot before it.
    last_grant: float = float("-inf")

    def enqueue(self, task: Task) -> None:
        """Add a task to the waiting line by its creation time.

        Parallel submissions may reach the queue in another order than their
        clock readings, so the task goes behind every task created no later.
        """
        position = len(self.waiting)
        while position > 0 and self.waiting[position - 1].created > task.created:
            position -= 1
        self.waiting.insert(position, task)

    def grant(self, now: float) -> None:
        """Give free slots to waiting tasks in submission order, up to ``now``.

        A slot frees when a holder ends or is canceled. The waiting task gets it
        at that moment, which may lie before ``now`` because statuses are computed
        lazily from the clock.
        """
        while self.waiting:
            head = self.waiting[0]
            releases = sorted(_release(task) for task in self.holders)
            # The head gets a slot once all but limit - 1 holders have released theirs.
            needed = len(releases) - self.limit + 1
            free_at = max(head.created, self.last_grant)
            if needed > 0:
                free_at = max(free_at, releases[needed - 1])
            if free_at > now:
                return
            self.waiting.popleft()
            head.slot_time = free_at
            self.last_grant = free_at
            self.holders = [task for task in self.holders if _release(task) > free_at]
            self.holders.append(head)

    def discard(self, task: Task) -> None:
        if task in self.waiting:
            self.waiting.remove(task)
        if task in self.holders:
            self.holders.remove(task)


def _release(task: Task) -> float:
    release = task.slot_release_time
    assert release is not None, "only tasks with a slot hold one"
    return release


class TaskStore:
    """Thread-safe task table that drops tasks older than the retention time.

    Tasks of a model with a concurrency limit wait for a slot in submission order.
    """

    def __init__(
        self, retention_seconds: float, on_expire: Callable[[Task], None] | None = None
    ) -> None:
        self._retention_seconds = retention_seconds
        self._on_expire = on_expire
        self._tasks: dict[str, Task] = {}
        self._queues: dict[str, _SlotQueue] = {}
        self._lock = threading.Lock()

    def create(
        self,
        *,
        request_id: str,
        model: ModelSpec,
        model_name: str,
        body: Mapping[str, Any],
        generation: Generation,
        now: float,
        durations: tuple[float, float],
        concurrency: int | None = None,
        outcome: str = SUCCEEDED,
        failure: ImageFailure | None = None,
        urls_expired: bool = False,
        fault: str | None = None,
    ) -> Task:
        """Create a task; with ``concurrency`` it waits while that many tasks of the model run."""
        task = Task(
            id=str(uuid.uuid4()),
            request_id=request_id,
            model=model,
            model_name=model_name,
            body=body,
            generation=generation,
            created=now,
            pending_seconds=durations[0],
            running_seconds=durations[1],
            outcome=outcome,
            failure=failure,
            urls_expired=urls_expired,
            fault=fault,
        )
        with self._lock:
            self._advance(now)
            self._tasks[task.id] = task
            if concurrency is not None:
                task.slot_time = None
                queue = self._queues.setdefault(model.id, _SlotQueue(concurrency))
                queue.limit = concurrency
                queue.enqueue(task)
                queue.grant(now)
        return task

    def get(self, task_id: str, now: float) -> Task | None:
        """Return the task, or None when it never existed or has expired."""
        with self._lock:
            self._advance(now)
            return self._tasks.get(task_id)

    def cancel(self, task_id: str, now: float) -> bool:
        """Cancel a PENDING task; return False when the task is missing or not PENDING."""
        with self._lock:
            self._advance(now)
            task = self._tasks.get(task_id)
            if task is None or task.status(now) != PENDING:
                return False
            task.canceled_at = now
            queue = self._queues.get(task.model.id)
            if queue is not None and task.slot_time is None:
                queue.discard(task)
            if queue is not None:
                # A canceled holder frees its slot now.
                queue.grant(now)
            return True

    def mark_urls_expired(self, task_id: str, fault: str) -> None:
        with self._lock:
            task = self._tasks.get(task_id)
            if task is not None:
                task.urls_expired = True
                task.fault = task.fault or fault

    def all(self, now: float) -> list[Task]:
        """Return the live tasks, oldest first."""
        with self._lock:
            self._advance(now)
            return sorted(self._tasks.values(), key=lambda task: task.created)

    def _advance(self, now: float) -> None:
        """Drop expired tasks and hand out the slots freed up to ``now``."""
        expired = [
            task
            for task in self._tasks.values()
            if now - task.created > self._retention_seconds
        ]
        for task in expired:
            del self._tasks[task.id]
            queue = self._queues.get(task.model.id)
            if queue is not None:
                queue.discard(task)
            if self._on_expire is not None:
                self._on_expire(task)
        for queue in self._queues.values():
            queue.grant(now)

    def snapshot(self, now: float) -> list[TaskRecord]:
        return [
            TaskRecord(
                id=task.id,
                model=task.model_name,
                status=task.status(now),
                created=task.created,
                finished=task.finished_time(now),
                body=task.body,
                model_id=task.model.id,
                slot_at=task.slot_time,
                running_at=task.running_time(now),
                finished_at=task.finished_time(now),
                fault=task.fault,
            )
            for task in self.all(now)
        ]

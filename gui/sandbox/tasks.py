"""Async tasks of the emulator and their lifecycle.

A task's status is computed from the clock, so no background thread advances it:
PENDING until ``created + pending``, RUNNING until ``created + pending + running``,
then SUCCEEDED. A canceled task stays CANCELED. A task older than the retention
time is dropped and reads as UNKNOWN, as on the service after 24 hours.
"""

from __future__ import annotations

import threading
import uuid
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


@dataclass
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
    canceled_at: float | None = None
    # The status the task reaches after RUNNING; a later fault injector may set FAILED.
    outcome: str = SUCCEEDED
    # The error reported as output.code and output.message when the outcome is FAILED.
    failure: ImageFailure | None = None

    @property
    def scheduled_time(self) -> float:
        return self.created + self.pending_seconds

    @property
    def end_time(self) -> float:
        """Return the time the task ends if it is not canceled."""
        return self.created + self.pending_seconds + self.running_seconds

    def status(self, now: float) -> str:
        if self.canceled_at is not None:
            return CANCELED
        if now < self.scheduled_time:
            return PENDING
        if now < self.end_time:
            return RUNNING
        return self.outcome

    def finished_time(self, now: float) -> float | None:
        """Return when the task reached a terminal status, or None while it has not."""
        if self.canceled_at is not None:
            return self.canceled_at
        if now >= self.end_time:
            return self.end_time
        return None


@dataclass(frozen=True)
class TaskRecord:
    """A snapshot of one task for tests and the demo UI; times are epoch seconds."""

    id: str
    model: str
    status: str
    created: float
    finished: float | None
    body: Mapping[str, Any] = field(repr=False)


class TaskStore:
    """Thread-safe task table that drops tasks older than the retention time."""

    def __init__(
        self, retention_seconds: float, on_expire: Callable[[Task], None] | None = None
    ) -> None:
        self._retention_seconds = retention_seconds
        self._on_expire = on_expire
        self._tasks: dict[str, Task] = {}
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
    ) -> Task:
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
        )
        with self._lock:
            self._tasks[task.id] = task
        return task

    def get(self, task_id: str, now: float) -> Task | None:
        """Return the task, or None when it never existed or has expired."""
        with self._lock:
            self._expire(now)
            return self._tasks.get(task_id)

    def cancel(self, task_id: str, now: float) -> bool:
        """Cancel a PENDING task; return False when the task is missing or not PENDING."""
        with self._lock:
            self._expire(now)
            task = self._tasks.get(task_id)
            if task is None or task.status(now) != PENDING:
                return False
            task.canceled_at = now
            return True

    def all(self, now: float) -> list[Task]:
        """Return the live tasks, oldest first."""
        with self._lock:
            self._expire(now)
            return sorted(self._tasks.values(), key=lambda task: task.created)

    def _expire(self, now: float) -> None:
        expired = [
            task
            for task in self._tasks.values()
            if now - task.created > self._retention_seconds
        ]
        for task in expired:
            del self._tasks[task.id]
            if self._on_expire is not None:
                self._on_expire(task)

    def snapshot(self, now: float) -> list[TaskRecord]:
        return [
            TaskRecord(
                id=task.id,
                model=task.model_name,
                status=task.status(now),
                created=task.created,
                finished=task.finished_time(now),
                body=task.body,
            )
            for task in self.all(now)
        ]

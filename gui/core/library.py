"""Task history in SQLite and saved results on disk.

A task row is written before its request is sent and after every change, so a
restart still finds every task that was ever submitted. Result images and their JSON
sidecars are written to a hidden staging folder first and renamed into the
results folder, so the results folder never holds a half-written file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from gui.core.exchanges import Exchange, shorten_data_uris
from gui.core.png_metadata import embed_recipe

log = logging.getLogger(__name__)

STAGING_DIR_NAME = ".incoming"


class TaskStatus(StrEnum):
    """A task's status: the service's statuses plus the app's own."""

    QUEUED = "QUEUED"  # saved locally, not yet sent
    SUBMITTING = "SUBMITTING"  # the submit request is under way
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    SUSPENDED = "SUSPENDED"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELED = "CANCELED"
    UNKNOWN = "UNKNOWN"
    ERROR = "ERROR"  # the request failed before a task existed, or the app could not go on

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATUSES


TERMINAL_STATUSES = frozenset(
    {TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED, TaskStatus.UNKNOWN,
     TaskStatus.ERROR}
)


@dataclass(frozen=True)
class ResultImage:
    """One image slot of a task: its URL, or the error the service gave for it."""

    index: int
    url: str | None = None
    orig_prompt: str | None = None
    actual_prompt: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    file: str | None = None  # path of the saved image, once saved
    sidecar: str | None = None

    @property
    def saved(self) -> bool:
        return self.file is not None


@dataclass(frozen=True)
class InputFile:
    """A local file named in a task's request, and how it reached the service."""

    # The catalog field, and the path as the request names it.
    field: str
    path: str
    # "oss" for a temporary upload, "data" for an inline data URI.
    sent_as: str
    byte_size: int
    sha256: str
    # The oss:// URL of an upload; None for a data URI.
    url: str | None = None
    # The model the upload is bound to, and when it was uploaded (epoch seconds).
    model: str | None = None
    uploaded_at: float | None = None


@dataclass(frozen=True)
class TaskRecord:
    """Everything the app keeps about one task; persisted as one SQLite row."""

    id: str
    model: str
    region: str
    mode: str
    path: str
    body: dict[str, Any]
    created_at: float
    status: TaskStatus = TaskStatus.QUEUED
    task_id: str | None = None
    request_id: str | None = None
    submitted_at: float | None = None
    finished_at: float | None = None
    updated_at: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    error_status: int | None = None
    results: tuple[ResultImage, ...] = ()
    usage: dict[str, Any] = field(default_factory=dict)
    service_times: dict[str, str] = field(default_factory=dict)
    polls: int = 0
    note: str | None = None  # why a task waits or stopped, in English for logs
    # The same fact as a code with its values, for the UI to phrase: queued
    # (position), throttled (code, seconds), retrying (code), tracked, canceled_locally,
    # reconciled, may_finish.
    note_code: str | None = None
    note_params: dict[str, Any] = field(default_factory=dict)
    # The service's last ``output`` object, kept for shapes the app does not know.
    output: dict[str, Any] = field(default_factory=dict)
    # Local files the body names and how they were sent. ``body`` keeps the paths,
    # so sending the request again uploads the files again when needed.
    inputs: tuple[InputFile, ...] = ()

    @property
    def prompt(self) -> str:
        body_input = self.body.get("input", {})
        if isinstance(body_input.get("prompt"), str):
            return str(body_input["prompt"])
        for message in body_input.get("messages", []) or []:
            for item in message.get("content", []) if isinstance(message, dict) else []:
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    return str(item["text"])
        return ""

    @property
    def downloads_pending(self) -> bool:
        """Return whether an image still waits for download (failed downloads do not)."""
        return any(
            image.url and not image.saved and not image.error_code for image in self.results
        )

    @property
    def saved_files(self) -> list[str]:
        return [image.file for image in self.results if image.file]


_SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    updated_at REAL,
    status TEXT NOT NULL,
    model TEXT NOT NULL,
    region TEXT NOT NULL,
    task_id TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_status ON tasks(status);
CREATE INDEX IF NOT EXISTS tasks_created ON tasks(created_at);
CREATE TABLE IF NOT EXISTS exchanges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session TEXT NOT NULL,
    number INTEGER NOT NULL,
    task TEXT,
    kind TEXT NOT NULL,
    started_at REAL NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER,
    request_headers TEXT NOT NULL,
    request_body BLOB NOT NULL,
    response_headers TEXT NOT NULL,
    response_body BLOB NOT NULL,
    response_size INTEGER,
    time_to_headers REAL,
    total_time REAL,
    error TEXT
);
CREATE INDEX IF NOT EXISTS exchanges_task ON exchanges(task);
"""


class Library:
    """The SQLite history database and the results folder."""

    def __init__(self, data_dir: Path, results_dir: Path) -> None:
        self.data_dir = data_dir
        self.results_dir = results_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        results_dir.mkdir(parents=True, exist_ok=True)
        self.staging_dir.mkdir(exist_ok=True)
        self.database_path = data_dir / "history.sqlite3"
        self._db = sqlite3.connect(self.database_path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._session = uuid.uuid4().hex
        self._clean_staging()

    @property
    def staging_dir(self) -> Path:
        return self.results_dir / STAGING_DIR_NAME

    def close(self) -> None:
        self._db.close()

    # Tasks

    def new_task(
        self, *, model: str, region: str, mode: str, path: str, body: Mapping[str, Any]
    ) -> TaskRecord:
        now = time.time()
        record = TaskRecord(
            id=uuid.uuid4().hex,
            model=model,
            region=region,
            mode=mode,
            path=path,
            body=json.loads(json.dumps(body)),
            created_at=now,
            updated_at=now,
        )
        self.save_task(record)
        return record

    def save_task(self, record: TaskRecord) -> TaskRecord:
        record = replace(record, updated_at=time.time())
        self._db.execute(
            "INSERT OR REPLACE INTO tasks (id, created_at, updated_at, status, model, region,"
            " task_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.created_at,
                record.updated_at,
                record.status.value,
                record.model,
                record.region,
                record.task_id,
                json.dumps(_record_to_json(record), ensure_ascii=False),
            ),
        )
        return record

    def get_task(self, local_id: str) -> TaskRecord | None:
        row = self._db.execute("SELECT record FROM tasks WHERE id = ?", (local_id,)).fetchone()
        return _record_from_json(json.loads(row[0])) if row else None

    def tasks(self, limit: int = 500) -> list[TaskRecord]:
        """Return the newest tasks first."""
        rows = self._db.execute(
            "SELECT record FROM tasks ORDER BY created_at DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_record_from_json(json.loads(row[0])) for row in rows]

    def unfinished_tasks(self) -> list[TaskRecord]:
        """Return tasks that still need work: not terminal, or images still to download."""
        rows = self._db.execute("SELECT record FROM tasks ORDER BY created_at").fetchall()
        records = [_record_from_json(json.loads(row[0])) for row in rows]
        return [r for r in records if not r.status.is_terminal or r.downloads_pending]

    def durations(self, model: str, limit: int = 50) -> list[float]:
        """Return seconds from submission to the end of recent successful tasks of ``model``."""
        rows = self._db.execute(
            "SELECT record FROM tasks WHERE model = ? AND status = 'SUCCEEDED'"
            " ORDER BY created_at DESC LIMIT ?",
            (model, limit),
        ).fetchall()
        durations = []
        for row in rows:
            record = _record_from_json(json.loads(row[0]))
            if record.mode != "async":
                continue
            # The service's own timestamps leave out the client's polling delay.
            measured = _service_duration(record.service_times)
            if measured is None and record.submitted_at and record.finished_at:
                measured = record.finished_at - record.submitted_at
            if measured is not None and measured >= 0:
                durations.append(measured)
        return durations

    def known_task_ids(self) -> set[str]:
        rows = self._db.execute("SELECT task_id FROM tasks WHERE task_id IS NOT NULL").fetchall()
        return {str(row[0]) for row in rows}

    # Exchanges

    def save_exchange(self, exchange: Exchange) -> None:
        self._db.execute(
            "INSERT INTO exchanges (session, number, task, kind, started_at, method, url, status,"
            " request_headers, request_body, response_headers, response_body, response_size,"
            " time_to_headers, total_time, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                self._session,
                exchange.id,
                exchange.task,
                exchange.kind,
                exchange.started_at,
                exchange.method,
                exchange.url,
                exchange.status,
                json.dumps(exchange.request_headers),
                shorten_data_uris(exchange.request_body),
                json.dumps(exchange.response_headers),
                exchange.response_body,
                exchange.response_size,
                exchange.time_to_headers,
                exchange.total_time,
                exchange.error,
            ),
        )

    def exchange_count(self, task: str | None = None) -> int:
        if task is None:
            return int(self._db.execute("SELECT COUNT(*) FROM exchanges").fetchone()[0])
        row = self._db.execute("SELECT COUNT(*) FROM exchanges WHERE task = ?", (task,)).fetchone()
        return int(row[0])

    # Result files

    def result_stem(self, record: TaskRecord, index: int) -> Path:
        """Return the final path, without suffix, for image ``index`` of ``record``.

        The name depends only on the task, so saving the same image again after a
        restart replaces the file instead of adding a copy.
        """
        created = datetime.fromtimestamp(record.created_at)
        folder = self.results_dir / created.strftime("%Y-%m-%d")
        model = "".join(c if c.isalnum() or c in "-._" else "_" for c in record.model)
        ident = (record.task_id or record.id).replace("-", "")[:8]
        return folder / f"{created:%Y%m%d-%H%M%S}_{model}_{ident}_{index + 1}"

    def staging_path(self, record: TaskRecord, index: int) -> Path:
        return self.staging_dir / f"{record.id}_{index}.part"

    def commit_result(
        self, record: TaskRecord, image: ResultImage, staged: Path, suffix: str
    ) -> ResultImage:
        """Move a fully downloaded image into the results folder with its sidecar."""
        stem = self.result_stem(record, image.index)
        stem.parent.mkdir(parents=True, exist_ok=True)
        # The model id may contain dots, so the suffix is appended, never substituted.
        final = stem.parent / f"{stem.name}{suffix}"
        sidecar = stem.parent / f"{stem.name}.json"
        saved = replace(image, file=str(final), sidecar=str(sidecar))
        sidecar_text = _sidecar_json(record, saved)
        staged_sidecar = staged.with_suffix(".json.part")
        _write_synced(staged_sidecar, sidecar_text.encode("utf-8"))
        if suffix == ".png":
            # The request goes into the PNG's text chunks in a second staged file.
            staged = embed_recipe(staged, sidecar_text)
        os.replace(staged, final)
        os.replace(staged_sidecar, sidecar)
        return saved

    def _clean_staging(self) -> None:
        for leftover in self.staging_dir.glob("*.part"):
            try:
                leftover.unlink()
            except OSError as error:
                log.warning("Could not remove the partial file %s: %s", leftover, error)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # Read-only helpers for the history, spend and repro-bundle views

    @staticmethod
    def record_from_column(text: str) -> TaskRecord:
        """Return the TaskRecord stored as ``text`` in the tasks table's ``record`` column."""
        return _record_from_json(json.loads(text))


def _service_duration(times: Mapping[str, str]) -> float | None:
    start, end = times.get("submit_time"), times.get("end_time")
    if not start or not end:
        return None
    try:
        return (_parse_service_time(end) - _parse_service_time(start)).total_seconds()
    except ValueError:
        return None


def _parse_service_time(text: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM:SS[.mmm]``; the service leaves out milliseconds at times."""
    for pattern in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise ValueError(f"unexpected service time {text!r}")


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="milliseconds")


def _sidecar_json(record: TaskRecord, image: ResultImage) -> str:
    parameters = record.body.get("parameters", {})
    sidecar = {
        "app": "PixelPost",
        "model": record.model,
        "region": record.region,
        "mode": record.mode,
        "endpoint": record.path,
        "task_id": record.task_id,
        "request_id": record.request_id,
        "image_index": image.index,
        "orig_prompt": image.orig_prompt if image.orig_prompt is not None else record.prompt,
        "actual_prompt": image.actual_prompt,
        "seed": parameters.get("seed"),
        "size": parameters.get("size"),
        "source_url_host": _host(image.url),
        "times": {
            "created": _iso(record.created_at),
            "submitted": _iso(record.submitted_at),
            "finished": _iso(record.finished_at),
            "saved": _iso(time.time()),
            "service": record.service_times,
        },
        "usage": record.usage,
        "request": record.body,
    }
    return json.dumps(sidecar, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or None


def _record_to_json(record: TaskRecord) -> dict[str, Any]:
    data = asdict(record)
    data["status"] = record.status.value
    return data


def _record_from_json(data: dict[str, Any]) -> TaskRecord:
    data = dict(data)
    data["status"] = TaskStatus(data["status"])
    data["results"] = tuple(ResultImage(**image) for image in data.get("results", ()))
    data["inputs"] = tuple(InputFile(**item) for item in data.get("inputs", ()))
    return TaskRecord(**data)

"""Read-only queries over the task history: filtered pages of tasks with their cost.

``TaskHistory`` opens the history database read-only with its own connection,
so the history view, the spend view and the ``bundle`` command never write to
it. SQLite in WAL mode lets these readers work while the library writes.
Filters run in SQL and rows come a page at a time, so no view reads the whole
history at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gui.core.catalog import Catalog
from gui.core.exchange_history import HistoryReadError
from gui.core.library import Library, TaskRecord, TaskStatus
from gui.core.spend import BILLED_STATUSES, CostEstimate, estimate_task_cost

# The database file ``Library`` keeps in its data folder.
DATABASE_NAME = "history.sqlite3"
PAGE_SIZE = 200
# A local task id can be given by its first characters, as the inspector shows them.
MIN_PREFIX_LENGTH = 6

__all__ = ["HistoryEntry", "HistoryFilter", "HistoryReadError", "TaskHistory"]


@dataclass(frozen=True)
class HistoryFilter:
    """The conditions a listed task meets. Empty fields match everything.

    ``since`` and ``until`` are Unix times; a task matches when it was created
    at or after ``since`` and before ``until``. ``text`` matches the prompt, the
    model, the task, request and local ids and the error, ignoring case.
    """

    model: str | None = None
    statuses: frozenset[TaskStatus] = frozenset()
    since: float | None = None
    until: float | None = None
    text: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One task as the history lists it, with its estimated cost."""

    record: TaskRecord
    cost: CostEstimate

    @property
    def prompt_excerpt(self) -> str:
        prompt = " ".join(self.record.prompt.split())
        return prompt if len(prompt) <= 120 else prompt[:119] + "…"


class TaskHistory:
    """Filtered, paged reads of the tasks table in a history database."""

    def __init__(self, database_path: Path, catalog: Catalog) -> None:
        self.database_path = database_path
        self._catalog = catalog
        if not database_path.exists():
            raise HistoryReadError(f"The history database {database_path} does not exist.")
        try:
            self._db = sqlite3.connect(f"{database_path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise HistoryReadError(f"Opening {database_path} failed: {error}") from None
        self._db.create_function("task_matches_text", 2, _record_matches, deterministic=True)

    @classmethod
    def in_folder(cls, data_dir: Path, catalog: Catalog) -> TaskHistory:
        return cls(data_dir / DATABASE_NAME, catalog)

    def close(self) -> None:
        self._db.close()

    def count(self, wanted: HistoryFilter) -> int:
        where, arguments = _where(wanted)
        row = self._query(f"SELECT COUNT(*) FROM tasks{where}", arguments).fetchone()
        return int(row[0])

    def page(
        self, wanted: HistoryFilter, offset: int = 0, limit: int = PAGE_SIZE
    ) -> list[HistoryEntry]:
        """Return up to ``limit`` matching tasks, newest first, skipping ``offset``."""
        where, arguments = _where(wanted)
        rows = self._query(
            f"SELECT record FROM tasks{where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            (*arguments, limit, offset),
        ).fetchall()
        return [self.entry(Library.record_from_column(row[0])) for row in rows]

    def entry(self, record: TaskRecord) -> HistoryEntry:
        return HistoryEntry(record, estimate_task_cost(record, self._catalog))

    def models(self) -> list[str]:
        """Return every model id the history has, as typed, sorted."""
        rows = self._query("SELECT DISTINCT model FROM tasks ORDER BY model", ()).fetchall()
        return [str(row[0]) for row in rows]

    def billed_records(self) -> Iterator[TaskRecord]:
        """Yield every task whose status means it may have produced billed images."""
        marks = ", ".join("?" for _ in BILLED_STATUSES)
        rows = self._query(
            f"SELECT record FROM tasks WHERE status IN ({marks}) ORDER BY created_at",
            tuple(status.value for status in BILLED_STATUSES),
        )
        for row in rows:
            yield Library.record_from_column(row[0])

    def find(self, identifier: str) -> TaskRecord | None:
        """Return the task with this local id, service task id or local-id prefix.

        A prefix must have at least ``MIN_PREFIX_LENGTH`` characters and match
        one task only.
        """
        text = identifier.strip()
        if not text:
            return None
        row = self._query(
            "SELECT record FROM tasks WHERE id = ? OR task_id = ? ORDER BY created_at DESC",
            (text, text),
        ).fetchone()
        if row is None and len(text) >= MIN_PREFIX_LENGTH:
            rows = self._query(
                "SELECT record FROM tasks WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (_like_escape(text.lower()) + "%",),
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Library.record_from_column(row[0]) if row is not None else None

    def _query(self, sql: str, arguments: tuple[object, ...]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, arguments)
        except sqlite3.Error as error:
            raise HistoryReadError(
                f"Reading the task history from {self.database_path} failed: {error}"
            ) from None


def _where(wanted: HistoryFilter) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    arguments: list[object] = []
    if wanted.model:
        clauses.append("model = ?")
        arguments.append(wanted.model)
    if wanted.statuses:
        clauses.append(f"status IN ({', '.join('?' for _ in wanted.statuses)})")
        arguments.extend(sorted(status.value for status in wanted.statuses))
    if wanted.since is not None:
        clauses.append("created_at >= ?")
        arguments.append(wanted.since)
    if wanted.until is not None:
        clauses.append("created_at < ?")
        arguments.append(wanted.until)
    text = wanted.text.strip()
    if text:
        # The record column is JSON written with ensure_ascii=False, so the text
        # appears in it as JSON escapes it. LIKE narrows the rows cheaply, but it
        # ignores case for ASCII letters only, so it is skipped for other cased
        # letters. The function then checks only the searched fields.
        if all(char.isascii() or char.lower() == char.upper() for char in text):
            escaped = json.dumps(text, ensure_ascii=False)[1:-1]
            clauses.append("record LIKE ? ESCAPE '\\'")
            arguments.append(f"%{_like_escape(escaped)}%")
        clauses.append("task_matches_text(record, ?)")
        arguments.append(text.casefold())
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return where, tuple(arguments)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _record_matches(column: str, wanted: str) -> bool:
    try:
        record = Library.record_from_column(column)
    except (ValueError, TypeError, KeyError):
        return False
    fields = (
        record.prompt,
        record.model,
        record.id,
        record.task_id,
        record.request_id,
        record.error_code,
        record.error_message,
    )
    return any(wanted in value.casefold() for value in fields if value)

"""Read recorded exchanges back from the history database's ``exchanges`` table.

``Library.save_exchange`` writes one row per exchange. This module opens the
database read-only with its own connection, so it never interferes with the
library's writes; SQLite in WAL mode lets readers and one writer work at once.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gui.core.exchanges import Exchange
from gui.core.library import Library

DEFAULT_LIMIT = 1000

_COLUMNS = (
    "id, session, number, task, kind, started_at, method, url, status, request_headers,"
    " request_body, response_headers, response_body, response_size, time_to_headers,"
    " total_time, error"
)


class HistoryReadError(Exception):
    """Raised when the history database cannot be opened or read."""


@dataclass(frozen=True)
class StoredExchange:
    """An exchange read from the database, with the row id and the app session that wrote it."""

    row_id: int
    session: str
    exchange: Exchange


def load_exchanges(
    source: Library | Path,
    *,
    task: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[StoredExchange]:
    """Return up to ``limit`` stored exchanges, newest first.

    ``source`` is the library or the path of its database. ``task`` keeps only
    the exchanges of one local task id. Raises HistoryReadError when the database
    is missing or unreadable.
    """
    path = source.database_path if isinstance(source, Library) else source
    if not path.exists():
        raise HistoryReadError(f"The history database {path} does not exist.")
    query = f"SELECT {_COLUMNS} FROM exchanges"
    arguments: tuple[object, ...] = ()
    if task is not None:
        query += " WHERE task = ?"
        arguments = (task,)
    query += " ORDER BY started_at DESC, id DESC LIMIT ?"
    arguments = (*arguments, limit)
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            rows = connection.execute(query, arguments).fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise HistoryReadError(f"Reading exchanges from {path} failed: {error}") from None
    return [_stored(row) for row in rows]


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(value)) for name, value in json.loads(text))


def _stored(row: sqlite3.Row) -> StoredExchange:
    def optional_float(name: str) -> float | None:
        value = row[name]
        return float(value) if value is not None else None

    exchange = Exchange(
        id=int(row["number"]),
        kind=str(row["kind"]),
        task=row["task"],
        method=str(row["method"]),
        url=str(row["url"]),
        request_headers=_pairs(row["request_headers"]),
        request_body=bytes(row["request_body"]),
        started_at=float(row["started_at"]),
        status=row["status"],
        response_headers=_pairs(row["response_headers"]),
        response_body=bytes(row["response_body"]),
        response_size=row["response_size"],
        time_to_headers=optional_float("time_to_headers"),
        total_time=optional_float("total_time"),
        error=row["error"],
        # Download bodies are never stored, and the table has no column for the flag.
        body_omitted=row["kind"] == "download",
    )
    return StoredExchange(row_id=int(row["id"]), session=str(row["session"]), exchange=exchange)

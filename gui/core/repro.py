"""Repro bundles: one task as a zip file to attach to a support ticket or a bug report.

The zip contains the request without any key, every recorded HTTP exchange of the
task (HAR and plain text), the status timeline, the final response and output,
and the saved images with their sidecars. A README.txt explains each member.
Exchanges are redacted when they are recorded; the bundle also replaces
the Authorization header's key fingerprint with a placeholder and passes every
text member through the redactor once more.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from gui.core.exchange_history import HistoryReadError, load_exchanges
from gui.core.exchange_text import parse_json, pretty_body, request_id
from gui.core.exchanges import Exchange
from gui.core.har import har_text
from gui.core.library import TaskRecord
from gui.core.secrets import REDACTOR

log = logging.getLogger(__name__)

REMOVED_KEY = "Bearer (API key removed)"
# Exchanges that carry the task's status in their response body.
STATUS_KINDS = ("submit", "poll", "sync_call")
MAX_EXCHANGES = 10_000

README_TEXT = """\
PixelPost repro bundle
======================

Task {local_id} ({model}, region {region}, {mode} call), status {status}.
Service task ID: {task_id}
Request ID of the last response: {request_id}
Written {written} by PixelPost {version}.

No API key is in this bundle: the Authorization header reads
"{removed}" wherever a request carried the key.

Files
-----
README.txt       this file
task.json        everything PixelPost stored about the task: model, region,
                 endpoint, request body, status, service task ID, request ID,
                 timestamps, error, usage and the image slots
request.json     the request as sent: method, URL, headers (without the key)
                 and JSON body
response.json    the last response body the service returned for the task
output.json      the task's final "output" object as PixelPost stored it
timeline.json    the task's statuses in order, from PixelPost's own records,
                 the service's timestamps and every submit and status check
exchanges.har    every HTTP exchange of the task in HAR 1.2 format, for a
                 browser's developer tools or a HAR viewer
exchanges.txt    the same exchanges as plain text
images/          the saved result images with their JSON sidecars
{missing}"""


class BundleError(Exception):
    """Raised when a repro bundle cannot be written; the message names the file and the fix."""


@dataclass(frozen=True)
class BundleReport:
    """A written bundle: its path, member names and the counts of exchanges and images."""

    path: Path
    members: tuple[str, ...]
    exchanges: int
    images: int


def write_repro_bundle(
    record: TaskRecord,
    database_path: Path,
    target: Path,
    *,
    app_version: str | None = None,
) -> BundleReport:
    """Read the task's exchanges from the history database and write its bundle."""
    try:
        stored = load_exchanges(database_path, task=record.id, limit=MAX_EXCHANGES)
    except HistoryReadError as error:
        raise BundleError(str(error)) from None
    return write_bundle(record, [item.exchange for item in stored], target, app_version=app_version)


def write_bundle(
    record: TaskRecord,
    exchanges: Sequence[Exchange],
    target: Path,
    *,
    app_version: str | None = None,
) -> BundleReport:
    """Write the bundle of ``record`` and its ``exchanges`` to ``target`` as a zip file.

    The zip is written to a temporary file beside ``target`` and renamed, so a
    failed export never leaves half a file.
    """
    if app_version is None:
        from gui import __version__

        app_version = __version__
    ordered = sorted((_without_key(e) for e in exchanges), key=lambda e: (e.started_at, e.id))
    members: dict[str, bytes] = {}
    members["task.json"] = _json_bytes(asdict(record) | {"status": record.status.value})
    members["request.json"] = _json_bytes(_request_document(record, ordered))
    members["response.json"] = _json_bytes(_last_response(ordered))
    members["output.json"] = _json_bytes(record.output)
    members["timeline.json"] = _json_bytes(timeline(record, ordered))
    members["exchanges.har"] = har_text(ordered, app_version=app_version).encode("utf-8")
    members["exchanges.txt"] = exchanges_text(ordered).encode("utf-8")
    missing: list[str] = []
    images = 0
    for path in _result_files(record):
        try:
            data = path.read_bytes()
        except OSError as error:
            missing.append(f"{path.name}: {error.strerror or error}")
            continue
        # A registered key can never be in a saved file; redacting costs nothing
        # when none is there.
        members[f"images/{path.name}"] = REDACTOR.redact_bytes(data)
        if path.suffix.lower() != ".json":
            images += 1
    members["README.txt"] = _readme(record, ordered, app_version, missing).encode("utf-8")
    order = ["README.txt", *sorted(name for name in members if name != "README.txt")]
    _write_zip(target, [(name, members[name]) for name in order])
    log.info("Wrote the repro bundle of task %s to %s", record.id, target)
    return BundleReport(target, tuple(order), len(ordered), images)


def timeline(record: TaskRecord, exchanges: Iterable[Exchange]) -> list[dict[str, Any]]:
    """Return the task's status changes in time order, from every source PixelPost has.

    Each event has a local ISO time, its source (``app``, ``service``, or the
    exchange kind) and what happened: a status, an HTTP status or an error.
    """
    events: list[tuple[float, dict[str, Any]]] = []
    events.append((record.created_at, {"source": "app", "event": "created", "status": "QUEUED"}))
    if record.submitted_at is not None:
        events.append((record.submitted_at, {"source": "app", "event": "submitted"}))
    for exchange in exchanges:
        if exchange.kind not in STATUS_KINDS:
            continue
        event: dict[str, Any] = {"source": exchange.kind, "exchange": exchange.id}
        if exchange.status is not None:
            event["http_status"] = exchange.status
        body = parse_json(exchange.response_body)
        output = body.get("output") if isinstance(body, dict) else None
        if isinstance(output, dict) and isinstance(output.get("task_status"), str):
            event["status"] = output["task_status"]
        if isinstance(body, dict) and isinstance(body.get("code"), str) and body["code"]:
            event["code"] = body["code"]
        if exchange.error:
            event["error"] = exchange.error
        identifier = request_id(exchange)
        if identifier:
            event["request_id"] = identifier
        events.append((exchange.started_at, event))
    if record.finished_at is not None:
        final: dict[str, Any] = {"source": "app", "event": "finished"}
        final["status"] = record.status.value
        if record.error_code:
            final["code"] = record.error_code
        events.append((record.finished_at, final))
    result = []
    for when, event in sorted(events, key=lambda item: item[0]):
        result.append({"time": _iso(when), **event})
    for name, value in sorted(record.service_times.items()):
        result.append({"time": value, "source": "service", "event": name})
    return result


def exchanges_text(exchanges: Sequence[Exchange]) -> str:
    """Return every exchange as plain text: request and response lines, headers and bodies."""
    if not exchanges:
        return "No HTTP exchange of this task was recorded.\n"
    blocks = []
    for exchange in exchanges:
        lines = [
            f"#{exchange.id} {exchange.kind} at {_iso(exchange.started_at)}",
            f"{exchange.method} {exchange.url}",
        ]
        lines.extend(f"{name}: {value}" for name, value in exchange.request_headers)
        lines.append("")
        lines.append(_body_text(exchange.request_body))
        lines.append("")
        if exchange.status is not None:
            timing = f"{exchange.total_time * 1000:.0f} ms" if exchange.total_time else "?"
            lines.append(f"HTTP {exchange.status} after {timing}")
            lines.extend(f"{name}: {value}" for name, value in exchange.response_headers)
            lines.append("")
            if exchange.body_omitted:
                size = exchange.response_size
                lines.append(f"(image body not stored, {size if size is not None else '?'} bytes)")
            else:
                lines.append(_body_text(exchange.response_body))
        if exchange.error:
            lines.append(f"Failed: {exchange.error}")
        blocks.append("\n".join(lines).rstrip() + "\n")
    return REDACTOR.redact(("\n" + "=" * 72 + "\n\n").join(blocks))


def _without_key(exchange: Exchange) -> Exchange:
    headers = tuple(
        (name, REMOVED_KEY if name.lower() == "authorization" else REDACTOR.redact(value))
        for name, value in exchange.request_headers
    )
    return replace(exchange, request_headers=headers)


def _request_document(record: TaskRecord, exchanges: Sequence[Exchange]) -> dict[str, Any]:
    """Return the first submit (or sync call) as sent, or the stored request if none was sent."""
    for exchange in exchanges:
        if exchange.kind in ("submit", "sync_call"):
            body = parse_json(exchange.request_body)
            if body is None:
                body = exchange.request_body.decode("utf-8", "replace")
            return {
                "method": exchange.method,
                "url": exchange.url,
                "headers": dict(exchange.request_headers),
                "body": body,
            }
    headers = {"Authorization": REMOVED_KEY, "Content-Type": "application/json"}
    if record.mode == "async":
        headers["X-DashScope-Async"] = "enable"
    return {
        "method": "POST",
        "url": f".../api/v1/{record.path}",
        "headers": headers,
        "body": record.body,
        "note": "No request of this task was recorded; this is the request PixelPost stored.",
    }


def _last_response(exchanges: Sequence[Exchange]) -> Any:
    for exchange in reversed(exchanges):
        if exchange.kind in STATUS_KINDS and exchange.response_body:
            parsed = parse_json(exchange.response_body)
            if parsed is not None:
                return parsed
            return {"text": exchange.response_body.decode("utf-8", "replace")}
    return None


def _result_files(record: TaskRecord) -> list[Path]:
    files = []
    for image in record.results:
        for name in (image.file, image.sidecar):
            if name:
                files.append(Path(name))
    return files


def _readme(
    record: TaskRecord, exchanges: Sequence[Exchange], version: str, missing: Sequence[str]
) -> str:
    last_request_id = next(
        (identifier for e in reversed(exchanges) if (identifier := request_id(e))),
        record.request_id,
    )
    missing_text = ""
    if missing:
        missing_text = "\nSaved files that could not be read, and are left out:\n" + "".join(
            f"  {line}\n" for line in missing
        )
    text = README_TEXT.format(
        local_id=record.id,
        model=record.model,
        region=record.region,
        mode=record.mode,
        status=record.status.value,
        task_id=record.task_id or "none",
        request_id=last_request_id or "none",
        written=_iso(datetime.now().timestamp()),
        version=version,
        removed=REMOVED_KEY,
        missing=missing_text,
    )
    return REDACTOR.redact(text)


def _body_text(data: bytes) -> str:
    kind, text = pretty_body(data)
    if kind == "empty":
        return "(no body)"
    if text is None:
        return f"({len(data)} bytes of binary data)"
    return text


def _json_bytes(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    return REDACTOR.redact(text).encode("utf-8")


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="milliseconds")


def _write_zip(target: Path, members: Sequence[tuple[str, bytes]]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".bundle-", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise BundleError(
            f"The folder {target.parent} cannot be written: {error.strerror}. Choose another."
        ) from None
    try:
        with os.fdopen(handle, "wb") as output, zipfile.ZipFile(
            output, "w", compression=zipfile.ZIP_DEFLATED
        ) as archive:
            for name, data in members:
                archive.writestr(name, data)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise BundleError(f"Writing {target} failed: {error.strerror or error}.") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

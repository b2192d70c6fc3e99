"""The task list endpoint, ``GET /tasks``: its filters, pages and items."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from gui.sandbox import errors
from gui.sandbox.results import format_time, parse_list_time
from gui.sandbox.tasks import CANCELED, FAILED, PENDING, RUNNING, SUCCEEDED, Task

# The emulator reports itself as the region of the default endpoint.
REGION_ID = "cn-beijing"
LISTABLE_STATUSES = (PENDING, RUNNING, "SUSPENDED", SUCCEEDED, FAILED, CANCELED)


@dataclass(frozen=True)
class Account:
    """The account ids that task list items report, derived from the API key."""

    api_key_id: str
    caller_uid: str

    @classmethod
    def from_key(cls, key: str) -> Account:
        account = hashlib.sha256(key.encode()).hexdigest()
        return cls(str(int(account[:12], 16)), str(int(account[12:24], 16)))


def list_tasks(tasks: list[Task], query: str, now: float, account: Account) -> dict[str, Any]:
    """Return the body of ``GET /tasks`` without ``request_id``; ``tasks`` are oldest first.

    Raises ApiError for an invalid query parameter.
    """
    params = {key: values[0] for key, values in parse_qs(query).items()}
    page_no = _positive_int(params, "page_no", 1)
    page_size = _positive_int(params, "page_size", 10)
    start = _list_time(params, "start_time")
    end = _list_time(params, "end_time")
    status = params.get("status")
    if status is not None and status not in LISTABLE_STATUSES:
        raise errors.field_against_specification("status")

    selected = []
    for task in reversed(tasks):
        if start is not None and task.created < start:
            continue
        # end_time names a whole second, so a task created within it matches.
        if end is not None and task.created >= end + 1.0:
            continue
        if status is not None and task.status(now) != status:
            continue
        if not _filters_match(task, params, account):
            continue
        selected.append(task)

    first = (page_no - 1) * page_size
    page = selected[first : first + page_size]
    return {
        "total": len(selected),
        "total_page": math.ceil(len(selected) / page_size),
        "page_no": page_no,
        "page_size": page_size,
        "data": [_list_item(task, now, account) for task in page],
    }


def _filters_match(task: Task, params: Mapping[str, str], account: Account) -> bool:
    model_name = params.get("model_name")
    if model_name is not None and model_name not in (task.model_name, task.model.id):
        return False
    expected = {
        "task_id": task.id,
        "api_key_id": account.api_key_id,
        "region": REGION_ID,
    }
    return all(params.get(name) in (None, value) for name, value in expected.items())


def _list_item(task: Task, now: float, account: Account) -> dict[str, Any]:
    status = task.status(now)
    scheduled = task.scheduled_time
    started = status in (RUNNING, SUCCEEDED, FAILED) and scheduled is not None
    finished = task.finished_time(now)
    return {
        "task_id": task.id,
        "request_id": task.request_id,
        "model_name": task.model_name,
        "status": status,
        "region": REGION_ID,
        "api_key_id": account.api_key_id,
        "caller_uid": account.caller_uid,
        "caller_parent_id": account.caller_uid,
        "user_api_unique_key": f"{account.caller_uid}_{account.api_key_id}",
        "gmt_create": format_time(task.created),
        "start_time": format_time(scheduled) if started and scheduled is not None else None,
        "end_time": format_time(finished) if finished is not None else None,
    }


def _positive_int(params: Mapping[str, str], name: str, default: int) -> int:
    text = params.get(name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise errors.field_against_specification(name) from None
    if value < 1:
        raise errors.field_against_specification(name)
    return value


def _list_time(params: Mapping[str, str], name: str) -> float | None:
    text = params.get(name)
    if text is None:
        return None
    try:
        return parse_list_time(text)
    except ValueError:
        raise errors.field_against_specification(name) from None

"""JSON shapes of task queries and sync results, and the service's time formats.

Two result shapes exist, chosen by the catalog family's ``result_shape``:

- ``results`` (legacy ImageSynthesis): ``output.results[]`` with ``orig_prompt``,
  ``actual_prompt`` (only when the prompt was rewritten) and ``url``;
  ``usage.image_count``.
- ``choices`` (messages protocol): one choice whose assistant message contains one
  ``{"type": "image", "image": url}`` item per image, ``output.finished``, and
  ``usage`` with ``image_count``, ``size`` and token counters fixed at 0.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from typing import Any

from gui.sandbox.tasks import CANCELED, FAILED, PENDING, RUNNING, SUCCEEDED, Generation, Task

# NOTE: the service writes times without a zone; they appear to be China time
# (UTC+8), so the emulator writes and parses them in UTC+8. Unconfirmed.
SERVICE_TIMEZONE = timezone(timedelta(hours=8))

LIST_TIME_FORMAT = "%Y%m%d%H%M%S"

_PROMPT_ADDITIONS = (
    "soft natural light",
    "rich fine detail",
    "balanced composition",
    "shallow depth of field",
    "vivid but harmonious colours",
    "clean background",
    "cinematic framing",
    "high resolution",
)


def format_time(epoch: float) -> str:
    """Format epoch seconds as ``YYYY-MM-DD HH:MM:SS.mmm`` in service time."""
    moment = datetime.fromtimestamp(epoch, SERVICE_TIMEZONE)
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def parse_list_time(text: str) -> float:
    """Parse a task-list time ``YYYYMMDDhhmmss`` in service time to epoch seconds.

    Raises ValueError when ``text`` has another form.
    """
    if len(text) != 14 or not text.isdigit():
        raise ValueError(f"{text!r} is not YYYYMMDDhhmmss")
    moment = datetime.strptime(text, LIST_TIME_FORMAT).replace(tzinfo=SERVICE_TIMEZONE)
    return moment.timestamp()


def rewrite_prompt(prompt: str) -> str:
    """Return a deterministic stand-in for the service's prompt rewriting."""
    digest = hashlib.sha256(prompt.encode()).digest()
    first = digest[0] % len(_PROMPT_ADDITIONS)
    second = (first + 1 + digest[1] % (len(_PROMPT_ADDITIONS) - 1)) % len(_PROMPT_ADDITIONS)
    return f"{prompt.rstrip()}, {_PROMPT_ADDITIONS[first]}, {_PROMPT_ADDITIONS[second]}"


def result_output(shape: str, generation: Generation, urls: list[str]) -> dict[str, Any]:
    """Return the ``output`` members that carry the images of a finished request."""
    if shape == "choices":
        content = [{"type": "image", "image": url} for url in urls]
        # NOTE: whether the service puts n > 1 images into one choice or into n
        # choices is unconfirmed; the emulator uses one choice.
        choice = {"finish_reason": "stop", "message": {"role": "assistant", "content": content}}
        return {"finished": True, "choices": [choice]}
    results = []
    for url in urls:
        item: dict[str, str] = {"orig_prompt": generation.prompt}
        if generation.actual_prompt is not None:
            item["actual_prompt"] = generation.actual_prompt
        item["url"] = url
        results.append(item)
    return {"results": results}


def result_usage(shape: str, generation: Generation) -> dict[str, Any]:
    count = len(generation.image_names)
    if shape == "choices":
        return {
            "image_count": count,
            "size": generation.size,
            "input_tokens": 0,
            "output_tokens": 0,
            "total_tokens": 0,
        }
    return {"image_count": count}


def task_response(task: Task, now: float, urls: list[str]) -> dict[str, Any]:
    """Return the body of ``GET /tasks/{id}`` without ``request_id``.

    ``urls`` are the signed result URLs; they are used only once the task succeeded.
    """
    status = task.status(now)
    shape = task.model.family.result_shape
    total = len(task.generation.image_names)
    output: dict[str, Any] = {
        "task_id": task.id,
        "task_status": status,
        "submit_time": format_time(task.created),
    }
    if status in (RUNNING, SUCCEEDED, FAILED):
        output["scheduled_time"] = format_time(task.scheduled_time)
    if status == CANCELED and task.canceled_at is not None:
        output["end_time"] = format_time(task.canceled_at)
    if status in (SUCCEEDED, FAILED):
        output["end_time"] = format_time(task.end_time)
    if status == SUCCEEDED:
        output.update(result_output(shape, task.generation, urls))
    if status not in (PENDING, CANCELED):
        succeeded = total if status == SUCCEEDED else 0
        failed = total if status == FAILED else 0
        output["task_metrics"] = {"TOTAL": total, "SUCCEEDED": succeeded, "FAILED": failed}

    response: dict[str, Any] = {"output": output}
    if status == SUCCEEDED:
        response["usage"] = result_usage(shape, task.generation)
    return response

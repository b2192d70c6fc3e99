"""JSON shapes of task queries and sync results, and the service's time formats.

The catalog family's ``result_shape`` chooses where the images go:

- ``results`` (legacy ImageSynthesis): ``output.results[]`` with ``url``, plus
  ``orig_prompt`` when the request had a prompt and ``actual_prompt`` when the
  prompt was rewritten. A failed image has ``code`` and ``message`` instead.
  ``usage`` has ``image_count``.
- ``choices`` (messages protocol): one choice whose assistant message contains one
  ``{"type": "image", "image": url}`` item per image, ``output.finished``, and
  ``usage`` with ``image_count`` plus ``size`` and token counters fixed at 0, or
  ``width`` and ``height`` for Qwen-Image models.
- ``output_image_url`` and ``image_url``: one URL in that member of ``output``.
- ``background``: like ``results``, plus ``output.text_results`` (text images and
  their layer layout) when the request had ``input.title``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from gui.sandbox.tasks import (
    CANCELED,
    FAILED,
    PENDING,
    RUNNING,
    SUCCEEDED,
    Generation,
    Task,
    TextLayout,
)

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


def result_output(
    shape: str, generation: Generation, sign: Callable[[str], str]
) -> dict[str, Any]:
    """Return the ``output`` members that carry the images of a finished request.

    ``sign`` returns the signed download URL of an object name. Failed slots
    (``generation.failures``) appear as ``{"code", "message"}`` items in the
    ``results`` and ``background`` shapes and are left out of the others.
    """
    urls = {
        index: sign(name)
        for index, name in enumerate(generation.image_names)
        if index not in generation.failures
    }
    if shape == "choices":
        content = [{"type": "image", "image": url} for url in urls.values()]
        # NOTE: whether the service puts n > 1 images into one choice or into n
        # choices is unconfirmed; the emulator uses one choice.
        choice = {"finish_reason": "stop", "message": {"role": "assistant", "content": content}}
        return {"finished": True, "choices": [choice]}
    if shape == "output_image_url":
        return {"output_image_url": next(iter(urls.values()))} if urls else {}
    if shape == "image_url":
        return {"image_url": next(iter(urls.values()))} if urls else {}

    results: list[dict[str, str]] = []
    for index in range(generation.total):
        failure = generation.failures.get(index)
        if failure is not None:
            results.append({"code": failure.code, "message": failure.message})
            continue
        item: dict[str, str] = {}
        if generation.prompt:
            item["orig_prompt"] = generation.prompt
        if generation.actual_prompt is not None:
            item["actual_prompt"] = generation.actual_prompt
        item["url"] = urls[index]
        results.append(item)
    output: dict[str, Any] = {"results": results}
    if shape == "background" and generation.text_layout is not None:
        output["text_results"] = _text_results(generation, sign)
    return output


def _text_results(generation: Generation, sign: Callable[[str], str]) -> dict[str, Any]:
    """Return ``text_results``: one text image and one layer list per successful image."""
    layout = generation.text_layout
    assert layout is not None
    urls = []
    params = []
    for index, name in enumerate(layout.image_names):
        if index in generation.failures:
            continue
        urls.append({"url": sign(name)})
        params.append({"sample_idx": index, "layers": _text_layers(generation, layout)})
    return {"urls": urls, "params": params}


def _text_layers(generation: Generation, layout: TextLayout) -> list[dict[str, Any]]:
    """Return a plausible layout: a title line, an optional subtitle line and their mask.

    NOTE: the service's layer members other than ``type`` (text or text_mask)
    are unconfirmed. The font, colour and position members here are modelled on
    the kinds of values the service is known to return.
    """
    width, height = generation.width, generation.height
    left = width // 10
    box_width = width - 2 * left
    title_height = max(height // 8, 1)
    top = height // 12
    lines = [(layout.title, top, title_height)]
    if layout.sub_title:
        lines.append((layout.sub_title, top + title_height + height // 48, title_height // 2))
    layers: list[dict[str, Any]] = []
    for text, line_top, line_height in lines:
        layers.append(
            {
                "type": "text",
                "text": text,
                "font_family": "SourceHanSansCN-Bold",
                "font_size": line_height * 3 // 4,
                "font_color": "#FFFFFF",
                "alignment": "center",
                "left": left,
                "top": line_top,
                "width": box_width,
                "height": line_height,
            }
        )
    _last_text, last_top, last_height = lines[-1]
    layers.append(
        {
            "type": "text_mask",
            "left": left,
            "top": top,
            "width": box_width,
            "height": last_top + last_height - top,
        }
    )
    return layers


def result_usage(shape: str, generation: Generation, model_id: str) -> dict[str, Any]:
    """Return ``usage``; ``image_count`` counts only the images that succeeded."""
    count = generation.succeeded
    if shape != "choices":
        return {"image_count": count}
    if model_id.startswith("qwen-"):
        # Qwen-Image models report the output size as width and height.
        return {"image_count": count, "width": generation.width, "height": generation.height}
    return {
        "image_count": count,
        "size": generation.size,
        "input_tokens": 0,
        "output_tokens": 0,
        "total_tokens": 0,
    }


def task_response(task: Task, now: float, sign: Callable[[str], str]) -> dict[str, Any]:
    """Return the body of ``GET /tasks/{id}`` without ``request_id``.

    ``sign`` returns the signed URL of an object name. It is called only when the
    task has succeeded.
    """
    status = task.status(now)
    shape = task.model.family.result_shape
    generation = task.generation
    total = generation.total
    output: dict[str, Any] = {
        "task_id": task.id,
        "task_status": status,
        "submit_time": format_time(task.created),
    }
    scheduled, end = task.scheduled_time, task.end_time
    if status in (RUNNING, SUCCEEDED, FAILED) and scheduled is not None:
        output["scheduled_time"] = format_time(scheduled)
    if status == CANCELED and task.canceled_at is not None:
        output["end_time"] = format_time(task.canceled_at)
    if status in (SUCCEEDED, FAILED) and end is not None:
        output["end_time"] = format_time(end)
    if status == SUCCEEDED:
        output.update(result_output(shape, generation, sign))
    if status == FAILED and task.failure is not None:
        output["code"] = task.failure.code
        output["message"] = task.failure.message
    if status not in (PENDING, CANCELED):
        succeeded = generation.succeeded if status == SUCCEEDED else 0
        failed = total - succeeded if status in (SUCCEEDED, FAILED) else 0
        output["task_metrics"] = {"TOTAL": total, "SUCCEEDED": succeeded, "FAILED": failed}

    response: dict[str, Any] = {"output": output}
    if status == SUCCEEDED:
        response["usage"] = result_usage(shape, generation, task.model.id)
    return response

"""Translated wording for values the core returns as data (validation issues, statuses)."""

from __future__ import annotations

from gui.core.library import TaskStatus
from gui.core.request import ValidationIssue
from gui.widgets.translate import tr


def issue_text(issue: ValidationIssue, label: str) -> str:
    """Return the issue as a sentence in the UI language, naming field, value and rule."""
    params = dict(issue.params)
    value = _show(issue.value)
    rule = issue.rule
    if rule == "required":
        template = tr("{field} is required; enter a value.")
    elif rule == "type":
        template = tr("{field}: {value} has the wrong type ({expected} expected).")
    elif rule == "max_length":
        template = tr(
            "{field} has {length} characters; "
            "the maximum is {maximum}. Shorten it."
        )
    elif rule == "minimum":
        template = tr(
            "{field}: {value} is below the minimum {minimum}; "
            "use {minimum} to {maximum}."
        )
    elif rule == "maximum":
        template = tr(
            "{field}: {value} is above the maximum {maximum}; "
            "use {minimum} to {maximum}."
        )
    elif rule == "choices":
        template = tr("{field}: {value} is not allowed; use one of {choices}.")
    elif rule == "size_format":
        template = tr(
            "{field}: {value} is not W*H; "
            "write the size with an asterisk, like 1024*1024."
        )
    elif rule == "size_choices":
        template = tr("{field}: {value} is not offered by this model; use one of {choices}.")
    elif rule == "size_side":
        template = tr(
            "{field}: {value} has a side outside {min_side} to {max_side} pixels; "
            "choose width and height in that range."
        )
    elif rule == "size_pixels":
        template = tr(
            "{field}: {value} has {pixels} pixels; the total must be from {min_pixels} to "
            "{max_pixels} ({min_label} to {max_label})."
        )
    elif rule == "size_ratio":
        template = tr(
            "{field}: {value} has aspect ratio {ratio}; the ratio must be from "
            "{min_ratio_label} to {max_ratio_label}."
        )
    elif rule == "image_url":
        template = tr("{field}: {value} is not an image URL; use one starting with {schemes}.")
    elif rule == "items":
        template = tr("{field} has {count} items; use {minimum} to {maximum}.")
    elif rule.startswith(("image_", "data_uri")) and rule != "image_url":
        template = image_issue_template(rule)
    else:
        return issue.message()
    try:
        return template.format(field=label, value=value, **params)
    except (KeyError, IndexError):
        return issue.message()


def image_issue_template(rule: str) -> str:
    """Return the translated template of an issue found in a local image or data URI."""
    templates = {
        "image_relative": tr(
            "{field}: {file} is a relative file path; enter the full path, choose "
            "the file, or enter a URL starting with http:// or https://."
        ),
        "image_missing": tr("{field}: the file {file} does not exist; choose the file again."),
        "image_unreadable": tr(
            "{field}: {file} is not a readable image; choose a JPEG, PNG or other image file."
        ),
        "image_format": tr(
            "{field}: {file} is a {format} image; this field accepts {formats}. "
            "Convert the image to one of them."
        ),
        "image_bytes": tr(
            "{field}: {file} is {size}; the maximum is {maximum}. "
            "Compress the image or scale it down."
        ),
        "image_side": tr(
            "{field}: {file} is {width}*{height} pixels; each side must be from "
            "{min_side} to {max_side} pixels. Resize the image."
        ),
        "image_ratio": tr(
            "{field}: {file} is {width}*{height} pixels, aspect ratio {ratio}; the ratio "
            "must be from {min_ratio} to {max_ratio}. Crop the image."
        ),
        "image_same_size": tr(
            "{field}: {file} is {width}*{height} pixels, but {other} is "
            "{other_width}*{other_height}; use an image of the same size."
        ),
        "data_uri_length": tr(
            "{field}: the data URI has {length} characters; the service accepts at most "
            "{maximum}. Choose the file instead, so PixelPost uploads it."
        ),
    }
    return templates.get(rule, "{field}: {value}")


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"“{value}”" if len(value) <= 60 else f"“{value[:57]}…”"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def status_text(status: TaskStatus) -> str:
    """Return the task status as shown in the task list."""
    names = {
        TaskStatus.QUEUED: tr("Queued"),
        TaskStatus.SUBMITTING: tr("Submitting"),
        TaskStatus.PENDING: tr("Pending"),
        TaskStatus.RUNNING: tr("Running"),
        TaskStatus.SUSPENDED: tr("Suspended"),
        TaskStatus.SUCCEEDED: tr("Succeeded"),
        TaskStatus.FAILED: tr("Failed"),
        TaskStatus.CANCELED: tr("Canceled"),
        TaskStatus.UNKNOWN: tr("Unknown"),
        TaskStatus.ERROR: tr("Error"),
    }
    return names[status]

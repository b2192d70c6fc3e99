"""Checks of a model call's request: JSON body, endpoint, async header and field values.

Each check raises the ApiError that the service returns for that mistake.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from gui.core.catalog import FieldSpec, ModelSpec
from gui.core.request import ValidationIssue
from gui.sandbox import errors
from gui.sandbox.errors import ApiError


def parse_json_object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.BODY_INVALID) from None
    if not isinstance(payload, dict):
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.BODY_INVALID)
    return payload


def endpoint_mode(model: ModelSpec, path: str) -> str:
    """Return the call mode (sync or async) of ``path`` for ``model``."""
    modes = [mode for mode, served in model.family.paths.items() if served.strip("/") == path]
    if not modes:
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.URL_ERROR)
    mode = modes[0]
    if mode not in model.modes("sandbox"):
        message = errors.ASYNC_NOT_SUPPORTED if mode == "async" else errors.SYNC_NOT_SUPPORTED
        raise ApiError(HTTPStatus.FORBIDDEN, "AccessDenied", message)
    return mode


def check_async_header(mode: str, headers: Mapping[str, str]) -> None:
    wants_async = headers.get("x-dashscope-async", "").strip().lower() == "enable"
    if mode == "async" and not wants_async:
        raise ApiError(HTTPStatus.FORBIDDEN, "AccessDenied", errors.SYNC_NOT_SUPPORTED)
    if mode == "sync" and wants_async:
        raise ApiError(HTTPStatus.FORBIDDEN, "AccessDenied", errors.ASYNC_NOT_SUPPORTED)


def _field_path(spec: FieldSpec | None, name: str) -> str:
    """Return the JSON path of a field as the service names it in messages."""
    if spec is None:
        return "input.messages" if name == "messages" else name
    return spec.body_path


def issue_error(model: ModelSpec, issue: ValidationIssue) -> ApiError:
    """Translate a catalog validation issue into the service's error message."""
    path = _field_path(model.field(issue.field), issue.field)
    if issue.rule == "required":
        return errors.field_required(path)
    if issue.rule == "messages":
        return errors.field_missing_or_invalid(path)
    if issue.rule == "choices":
        return errors.choice_invalid(issue.field)
    if issue.rule == "image_url":
        # A value that is no http(s), oss or allowed data URL reaches the service's
        # downloader, which fails on it.
        # NOTE: the service may return "The provided URL does not appear to be
        # valid" for some such values instead; unconfirmed.
        return errors.input_download_failed(model.protocol, str(issue.value))
    if issue.rule in ("type", "minimum", "maximum"):
        return errors.field_out_of_definition(path)
    # size_format, size_choices, size_side, size_pixels, size_ratio, max_length
    return errors.field_against_specification(path)

"""The DashScope HTTP protocol, independent of the socket server that carries it.

``DashScopeService.handle`` takes one parsed HTTP request and returns the reply:
authentication, the model endpoints found in the catalog, task query, cancel and
list, result image downloads and sample images. A model call is checked in this
order: key, JSON body, model name, endpoint path, async header, the body's
fields, then its input images.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import re
import threading
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

from gui.core.catalog import Catalog, FieldSpec, ModelSpec
from gui.core.request import ValidationIssue, read_body, validate_body
from gui.sandbox import errors
from gui.sandbox.config import EmulatorConfig
from gui.sandbox.errors import ApiError, OssError
from gui.sandbox.images import NO_SUCH_KEY_MESSAGE, RESULTS_PREFIX, ImageStore
from gui.sandbox.inputs import InputResolver, UploadStore
from gui.sandbox.planning import plan_generation
from gui.sandbox.results import (
    format_time,
    parse_list_time,
    result_output,
    result_usage,
    task_response,
)
from gui.sandbox.samples import SAMPLES_PREFIX, sample_path, sample_png
from gui.sandbox.tasks import (
    CANCELED,
    FAILED,
    PENDING,
    RUNNING,
    SUCCEEDED,
    UNKNOWN,
    Task,
    TaskRecord,
    TaskStore,
)

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1/"
JSON_TYPE = "application/json; charset=utf-8"
# The emulator reports itself as the region of the default endpoint.
REGION_ID = "cn-beijing"
LISTABLE_STATUSES = (PENDING, RUNNING, "SUSPENDED", SUCCEEDED, FAILED, CANCELED)

_TASK_PATH = re.compile(r"^tasks/([^/]+)$")
_CANCEL_PATH = re.compile(r"^tasks/([^/]+)/cancel$")


@dataclass(frozen=True)
class RecordedRequest:
    """One request the emulator received; ``time`` is epoch seconds from its clock."""

    method: str
    # The URL path without the query string.
    path: str
    # The raw query string without the leading "?".
    query: str
    # Header names as the client wrote them; a repeated header keeps its last value.
    headers: Mapping[str, str]
    body: bytes = field(repr=False)
    time: float

    def header(self, name: str) -> str | None:
        """Return a header value by case-insensitive name, or None."""
        wanted = name.lower()
        for key, value in self.headers.items():
            if key.lower() == wanted:
                return value
        return None

    @property
    def params(self) -> dict[str, str]:
        """Return the query parameters; a repeated parameter keeps its first value."""
        return {key: values[0] for key, values in parse_qs(self.query).items()}

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    """An HTTP reply; the transport adds Content-Length and connection headers."""

    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


class DashScopeService:
    """Serves the DashScope API for one key, one catalog and one clock."""

    def __init__(
        self,
        *,
        key: str,
        config: EmulatorConfig,
        catalog: Catalog,
        clock: Callable[[], float],
        origin: str,
        stopping: threading.Event,
        uploads: UploadStore | None = None,
    ) -> None:
        self.key = key
        self.config = config
        self.catalog = catalog
        self.origin = origin
        self._clock = clock
        self._stopping = stopping
        self._images = ImageStore(clock, config.image_cache_size)
        self._uploads = uploads if uploads is not None else UploadStore()
        self._inputs = InputResolver(origin, self._images, self._uploads)
        self._tasks = TaskStore(config.task_retention_seconds, self._forget_images)
        self._requests: deque[RecordedRequest] = deque(maxlen=config.max_recorded_requests)
        self._requests_lock = threading.Lock()
        self._served_paths = {
            path.strip("/") for model in catalog for path in model.family.paths.values()
        }
        account = hashlib.sha256(key.encode()).hexdigest()
        self._api_key_id = str(int(account[:12], 16))
        self._caller_uid = str(int(account[12:24], 16))

    # Snapshots for tests and the demo UI.

    def recorded_requests(self) -> list[RecordedRequest]:
        with self._requests_lock:
            return list(self._requests)

    def task_records(self) -> list[TaskRecord]:
        return self._tasks.snapshot(self._clock())

    def sample_url(self, name: str) -> str:
        """Return the public URL of sample image ``name``; raise KeyError for an unknown name."""
        return self.origin + sample_path(name)

    def add_upload(self, model: str, key: str, data: bytes) -> str:
        """Store an image file as ``oss://KEY`` for calls to ``model`` and return that URL.

        Raises KeyError for a model the catalog lacks and ValueError when ``data``
        is not a readable image.
        """
        spec = self.catalog.get(model)
        if spec is None:
            raise KeyError(model)
        return self._uploads.add(spec.id, key, data)

    # Dispatch.

    def handle(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """Record one request and return its reply.

        Bad input gives an error reply; only a bug in the emulator raises.
        """
        with self._requests_lock:
            self._requests.append(
                RecordedRequest(method, path, query, dict(headers), body, self._clock())
            )
        lowered = {name.lower(): value for name, value in headers.items()}
        if path.startswith(RESULTS_PREFIX):
            return self._download(method, path[len(RESULTS_PREFIX) :], query)
        if path.startswith(SAMPLES_PREFIX):
            return self._sample(method, path[len(SAMPLES_PREFIX) :])
        if not path.startswith(API_PREFIX):
            return self._api_error_reply(
                ApiError(HTTPStatus.NOT_FOUND, "NotFound", errors.NOT_FOUND), new_request_id()
            )

        request_id = new_request_id()
        try:
            self._authenticate(lowered)
            relative = path[len(API_PREFIX) :].strip("/")
            return self._route_api(method, relative, query, lowered, body, request_id)
        except ApiError as error:
            logger.debug("%s %s: %s", method, path, error)
            return self._api_error_reply(error, request_id)

    def _route_api(
        self,
        method: str,
        relative: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        request_id: str,
    ) -> Reply:
        if relative == "tasks":
            self._require_method(method, "GET")
            return self._list_tasks(query, request_id)
        match = _TASK_PATH.match(relative)
        if match:
            self._require_method(method, "GET")
            return self._query_task(match.group(1), request_id)
        match = _CANCEL_PATH.match(relative)
        if match:
            self._require_method(method, "POST")
            return self._cancel_task(match.group(1), request_id)
        if relative in self._served_paths:
            self._require_method(method, "POST")
            return self._call_model(relative, headers, body, request_id)
        raise ApiError(HTTPStatus.NOT_FOUND, "NotFound", errors.NOT_FOUND)

    @staticmethod
    def _require_method(method: str, allowed: str) -> None:
        if method != allowed:
            raise errors.method_not_supported(method)

    def _authenticate(self, headers: Mapping[str, str]) -> None:
        authorization = headers.get("authorization", "").strip()
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if not authorization or scheme.lower() != "bearer" or not token:
            raise ApiError(HTTPStatus.UNAUTHORIZED, "InvalidApiKey", errors.NO_API_KEY)
        if not hmac.compare_digest(token.encode(), self.key.encode()):
            raise ApiError(HTTPStatus.UNAUTHORIZED, "InvalidApiKey", errors.INVALID_API_KEY)

    # Model endpoints.

    def _call_model(
        self, path: str, headers: Mapping[str, str], body: bytes, request_id: str
    ) -> Reply:
        payload = _parse_json_object(body)
        model_name, model = self._resolve_model(payload)
        mode = _endpoint_mode(model, path)
        _check_async_header(mode, headers)
        values = self._validated_values(model, payload)
        inputs = self._inputs.resolve(model, values, headers)

        if mode == "async":
            generation = plan_generation(model, values, payload["input"], inputs, self._images)
            durations = self.config.task_durations(model.id, payload)
            task = self._tasks.create(
                request_id=request_id,
                model=model,
                model_name=model_name,
                body=payload,
                generation=generation,
                now=self._clock(),
                durations=durations,
            )
            logger.info("task %s created for %s (request %s)", task.id, model_name, request_id)
            output = {"task_id": task.id, "task_status": PENDING}
            return json_reply(HTTPStatus.OK, {"output": output}, request_id)

        finished = self._clock() + self.config.sync_seconds
        expires = int(finished + self.config.url_lifetime_seconds)
        generation = plan_generation(
            model, values, payload["input"], inputs, self._images, keep_until=expires
        )
        # stop() sets this event, which ends the wait at once.
        self._stopping.wait(self.config.sync_seconds)

        def sign(name: str) -> str:
            return self._images.signed_url(self.origin, name, expires)

        shape = model.family.result_shape
        response = {
            "output": result_output(shape, generation, sign),
            "usage": result_usage(shape, generation, model.id),
        }
        return json_reply(HTTPStatus.OK, response, request_id)

    def _resolve_model(self, payload: Mapping[str, Any]) -> tuple[str, ModelSpec]:
        model_name = payload.get("model")
        if model_name is None or model_name == "":
            raise ApiError(HTTPStatus.BAD_REQUEST, "BadRequest.EmptyModel", errors.EMPTY_MODEL)
        if not isinstance(model_name, str):
            raise errors.field_out_of_definition("model")
        model = self.catalog.get(model_name)
        if model is None:
            raise errors.model_not_found(model_name)
        return model_name, model

    def _validated_values(self, model: ModelSpec, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Check the body against the catalog and return its field values.

        Over-long text is cut to the field's maximum length, as the service does,
        unless ``EmulatorConfig.strict_prompt_length`` is set.
        """
        if payload.get("input") is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "BadRequest.EmptyInput", errors.EMPTY_INPUT)
        if not isinstance(payload["input"], dict):
            raise ApiError(HTTPStatus.BAD_REQUEST, "BadRequest.IllegalInput", errors.ILLEGAL_INPUT)
        for issue in validate_body(model, payload):
            if issue.rule == "max_length" and not self.config.strict_prompt_length:
                continue
            raise _issue_error(model, issue)

        values, _extra = read_body(model, payload)
        for spec in model.fields:
            value = values.get(spec.name)
            if spec.max_length is not None and isinstance(value, str):
                values[spec.name] = value[: spec.max_length]
        return values

    def _forget_images(self, task: Task) -> None:
        self._images.discard(task.generation.all_image_names())

    # Task endpoints.

    def _query_task(self, task_id: str, request_id: str) -> Reply:
        now = self._clock()
        task = self._tasks.get(task_id, now)
        if task is None:
            output = {"task_id": task_id, "task_status": UNKNOWN}
            return json_reply(HTTPStatus.OK, {"output": output}, request_id)
        expires = int(task.end_time + self.config.url_lifetime_seconds)

        def sign(name: str) -> str:
            return self._images.signed_url(self.origin, name, expires)

        return json_reply(HTTPStatus.OK, task_response(task, now, sign), request_id)

    def _cancel_task(self, task_id: str, request_id: str) -> Reply:
        if not self._tasks.cancel(task_id, self._clock()):
            raise ApiError(
                HTTPStatus.BAD_REQUEST, "UnsupportedOperation", errors.CANCEL_NOT_PENDING
            )
        logger.info("task %s canceled", task_id)
        return json_reply(HTTPStatus.OK, {}, request_id)

    def _list_tasks(self, query: str, request_id: str) -> Reply:
        params = {key: values[0] for key, values in parse_qs(query).items()}
        page_no = _positive_int(params, "page_no", 1)
        page_size = _positive_int(params, "page_size", 10)
        start = _list_time(params, "start_time")
        end = _list_time(params, "end_time")
        status = params.get("status")
        if status is not None and status not in LISTABLE_STATUSES:
            raise errors.field_against_specification("status")

        now = self._clock()
        selected = []
        for task in reversed(self._tasks.all(now)):
            if start is not None and task.created < start:
                continue
            # end_time names a whole second, so a task created within it matches.
            if end is not None and task.created >= end + 1.0:
                continue
            if status is not None and task.status(now) != status:
                continue
            if not self._list_filters_match(task, params):
                continue
            selected.append(task)

        first = (page_no - 1) * page_size
        page = selected[first : first + page_size]
        response = {
            "total": len(selected),
            "total_page": math.ceil(len(selected) / page_size),
            "page_no": page_no,
            "page_size": page_size,
            "data": [self._list_item(task, now) for task in page],
        }
        return json_reply(HTTPStatus.OK, response, request_id)

    def _list_filters_match(self, task: Task, params: Mapping[str, str]) -> bool:
        model_name = params.get("model_name")
        if model_name is not None and model_name not in (task.model_name, task.model.id):
            return False
        expected = {
            "task_id": task.id,
            "api_key_id": self._api_key_id,
            "region": REGION_ID,
        }
        return all(params.get(name) in (None, value) for name, value in expected.items())

    def _list_item(self, task: Task, now: float) -> dict[str, Any]:
        status = task.status(now)
        started = status in (RUNNING, SUCCEEDED, FAILED)
        finished = task.finished_time(now)
        return {
            "task_id": task.id,
            "request_id": task.request_id,
            "model_name": task.model_name,
            "status": status,
            "region": REGION_ID,
            "api_key_id": self._api_key_id,
            "caller_uid": self._caller_uid,
            "caller_parent_id": self._caller_uid,
            "user_api_unique_key": f"{self._caller_uid}_{self._api_key_id}",
            "gmt_create": format_time(task.created),
            "start_time": format_time(task.scheduled_time) if started else None,
            "end_time": format_time(finished) if finished is not None else None,
        }

    # Object store.

    def _download(self, method: str, file_name: str, query: str) -> Reply:
        request_id = uuid.uuid4().hex.upper()[:24]
        params = {key: values[0] for key, values in parse_qs(query).items()}
        try:
            if method != "GET":
                raise OssError(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
            data = self._images.download(file_name, params)
        except OssError as error:
            logger.debug("download of %s rejected: %s", file_name, error)
            return _oss_error_reply(error, request_id, self.origin)
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest().upper() + '"'
        headers = (("x-oss-request-id", request_id), ("ETag", etag))
        return Reply(HTTPStatus.OK, data, "image/png", headers)

    def _sample(self, method: str, file_name: str) -> Reply:
        """Return a sample image; samples are public, so no signature is needed."""
        request_id = uuid.uuid4().hex.upper()[:24]
        try:
            if method != "GET":
                raise OssError(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
            if not file_name.endswith(".png"):
                raise KeyError(file_name)
            data = sample_png(file_name.removesuffix(".png"))
        except KeyError:
            logger.debug("sample %s not found", file_name)
            error = OssError(HTTPStatus.NOT_FOUND, "NoSuchKey", NO_SUCH_KEY_MESSAGE)
            return _oss_error_reply(error, request_id, self.origin)
        except OssError as error:
            logger.debug("request for sample %s rejected: %s", file_name, error)
            return _oss_error_reply(error, request_id, self.origin)
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest().upper() + '"'
        headers = (
            ("x-oss-request-id", request_id),
            ("ETag", etag),
            ("Cache-Control", "public, max-age=86400"),
        )
        return Reply(HTTPStatus.OK, data, "image/png", headers)

    def _api_error_reply(self, error: ApiError, request_id: str) -> Reply:
        body = {"code": error.code, "message": error.message}
        return json_reply(error.status, body, request_id)


def new_request_id() -> str:
    return str(uuid.uuid4())


def internal_error_reply() -> Reply:
    """Return the service's 500 reply for an unexpected emulator failure."""
    body = {"code": "InternalError", "message": errors.INTERNAL_ERROR}
    return json_reply(HTTPStatus.INTERNAL_SERVER_ERROR, body, new_request_id())


def json_reply(status: HTTPStatus, payload: Mapping[str, Any], request_id: str) -> Reply:
    document = {"request_id": request_id, **payload}
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return Reply(int(status), body, JSON_TYPE, (("X-Request-ID", request_id),))


def _oss_error_reply(error: OssError, request_id: str, origin: str) -> Reply:
    host = origin.removeprefix("http://")
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Error>\n"
        f"  <Code>{escape(error.code)}</Code>\n"
        f"  <Message>{escape(error.message)}</Message>\n"
        f"  <RequestId>{request_id}</RequestId>\n"
        f"  <HostId>{escape(host)}</HostId>\n"
        "</Error>\n"
    )
    headers = (("x-oss-request-id", request_id),)
    return Reply(int(error.status), document.encode("utf-8"), "application/xml", headers)


def _parse_json_object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.BODY_INVALID) from None
    if not isinstance(payload, dict):
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.BODY_INVALID)
    return payload


def _endpoint_mode(model: ModelSpec, path: str) -> str:
    """Return the call mode (sync or async) of ``path`` for ``model``."""
    modes = [mode for mode, served in model.family.paths.items() if served.strip("/") == path]
    if not modes:
        raise ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", errors.URL_ERROR)
    mode = modes[0]
    if mode not in model.modes("sandbox"):
        message = errors.ASYNC_NOT_SUPPORTED if mode == "async" else errors.SYNC_NOT_SUPPORTED
        raise ApiError(HTTPStatus.FORBIDDEN, "AccessDenied", message)
    return mode


def _check_async_header(mode: str, headers: Mapping[str, str]) -> None:
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


def _issue_error(model: ModelSpec, issue: ValidationIssue) -> ApiError:
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

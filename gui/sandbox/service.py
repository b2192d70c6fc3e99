"""The DashScope HTTP protocol, independent of the socket server that carries it.

``DashScopeService.handle`` takes one parsed HTTP request and returns the reply:
authentication, the model endpoints found in the catalog, task query, cancel and
list, result image downloads, sample images and the temporary-upload flow. A
model call is checked in this order: key, JSON body, model name, endpoint path,
async header, the body's fields, its input images, then the model's submission
rate. Fault rules (``gui.sandbox.faults``) may replace or change any reply, and
the account-wide limits (``gui.sandbox.limits``) apply when the configuration
enforces them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from gui.core.catalog import Catalog, ModelSpec
from gui.core.request import read_body, validate_body
from gui.sandbox import errors
from gui.sandbox.checks import check_async_header, endpoint_mode, issue_error, parse_json_object
from gui.sandbox.config import EmulatorConfig
from gui.sandbox.errors import ApiError, OssError
from gui.sandbox.faults import (
    Drop,
    DropAfterCreate,
    ExpireUrls,
    FaultRule,
    FaultTable,
    HttpError,
    MalformedJson,
    NonJson,
    PartialFailure,
    Phase,
    Stall,
    TaskFailed,
    TruncatedDownload,
    UnknownStatus,
)
from gui.sandbox.images import ANONYMOUS_MESSAGE, NO_SUCH_KEY_MESSAGE, RESULTS_PREFIX, ImageStore
from gui.sandbox.inputs import InputImage, InputResolver, UploadStore
from gui.sandbox.limits import EmulatorStats, LimitEvent, LimitTracker
from gui.sandbox.planning import plan_generation
from gui.sandbox.replies import (
    DROPPED,
    Delivery,
    Reply,
    api_error_reply,
    html_error_reply,
    internal_error_reply,
    json_reply,
    new_oss_request_id,
    new_request_id,
    oss_error_reply,
)
from gui.sandbox.requestlog import RecordedRequest, RequestLog
from gui.sandbox.results import (
    result_output,
    result_usage,
    task_response,
)
from gui.sandbox.samples import SAMPLES_PREFIX, sample_path, sample_png
from gui.sandbox.tasklist import Account, list_tasks
from gui.sandbox.tasks import (
    FAILED,
    PENDING,
    SUCCEEDED,
    UNKNOWN,
    Generation,
    ImageFailure,
    Task,
    TaskRecord,
    TaskStore,
)
from gui.sandbox.uploads import (
    OBJECT_STORE_PATH,
    FormPart,
    ObjectStore,
    is_object_store_path,
    parse_multipart,
    success_reply,
)

# Kept importable from here for callers that predate the replies and requestlog modules.
__all__ = [
    "DashScopeService",
    "RecordedRequest",
    "Reply",
    "internal_error_reply",
    "json_reply",
    "new_request_id",
]

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1/"

_TASK_PATH = re.compile(r"^tasks/([^/]+)$")
_CANCEL_PATH = re.compile(r"^tasks/([^/]+)/cancel$")


@dataclass
class Exchange:
    """One request being handled, with what the emulator has learned about it."""

    method: str
    path: str
    query: str
    # Header names in lower case.
    headers: Mapping[str, str]
    body: bytes
    request_id: str
    # The fault route, or None for a request outside the routes.
    route: str | None = None
    # The names the request's model goes by: its catalog id first, then the name as sent.
    models: tuple[str, ...] = ()
    task_id: str | None = None
    # The form of an upload, or None when the body is not well-formed multipart/form-data.
    form: list[FormPart] | None = None
    # The SPEC of each fault rule that fired.
    faults: list[str] = field(default_factory=list)
    # The task status the reply to a query carries.
    task_status: str | None = None

    @property
    def model_id(self) -> str | None:
        return self.models[0] if self.models else None


@dataclass(frozen=True)
class _TaskEffect:
    """The changes a task-phase fault rule makes to a new task or sync result."""

    generation: Generation
    outcome: str = SUCCEEDED
    failure: ImageFailure | None = None
    urls_expired: bool = False
    drop: bool = False
    fault: str | None = None


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
        faults: FaultTable | None = None,
    ) -> None:
        self.key = key
        self.config = config
        self.catalog = catalog
        self.origin = origin
        self._clock = clock
        self._stopping = stopping
        self._images = ImageStore(clock, config.image_cache_size)
        if uploads is None:
            uploads = UploadStore(clock, config.upload_lifetime_seconds)
        self._uploads = uploads
        self._faults = faults if faults is not None else FaultTable(config.fault_seed)
        self._limits = LimitTracker(config, catalog, config.max_recorded_requests)
        self._inputs = InputResolver(origin, self._images, self._uploads)
        self._tasks = TaskStore(config.task_retention_seconds, self._forget_images)
        self._log = RequestLog(config.max_recorded_requests)
        # Submissions and task queries are admitted one at a time, so creation
        # times, rate windows and the concurrency queue all see one order.
        self._submission_lock = threading.Lock()
        self._query_lock = threading.Lock()
        self._served_paths = {
            path.strip("/") for model in catalog for path in model.family.paths.values()
        }
        self._account = Account.from_key(key)
        self._objects = ObjectStore(
            account=hashlib.sha256(key.encode()).hexdigest()[:32],
            config=config,
            clock=clock,
            uploads=self._uploads,
        )

    # Snapshots for tests and the demo UI.

    def recorded_requests(self) -> list[RecordedRequest]:
        return self._log.records()

    def task_records(self) -> list[TaskRecord]:
        return self._tasks.snapshot(self._clock())

    def limit_events(self) -> list[LimitEvent]:
        now = self._clock()
        return self._limits.events(self._tasks.all(now), now)

    def stats(self) -> EmulatorStats:
        now = self._clock()
        return self._limits.stats(self._tasks.all(now), now)

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
        lowered = {name.lower(): value for name, value in headers.items()}
        exchange = self._classify(method, path, query, lowered, body)
        is_upload = exchange.route == "upload"
        entry = self._log.append(
            RecordedRequest(
                method,
                path,
                query,
                dict(headers),
                b"" if is_upload else body,
                self._clock(),
                route=exchange.route,
                body_size=len(body),
                form_fields=tuple(part.name for part in exchange.form or ()),
            )
        )
        if exchange.route == "query" and exchange.task_id is not None:
            self._limits.count_query(exchange.task_id, exchange.model_id)

        reply = self._reply_with_faults(exchange)

        delivered = reply.delivery is Delivery.SEND
        if delivered and exchange.task_status is not None and exchange.task_id is not None:
            self._limits.record_query_reply(
                exchange.task_id, exchange.model_id, exchange.task_status, self._clock()
            )
        status = None if reply.delivery is Delivery.DROP else reply.status
        entry.update(status=status, faults=tuple(exchange.faults))
        return reply

    def _classify(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Exchange:
        """Find the request's fault route, model and task without checking anything."""
        if path.startswith((RESULTS_PREFIX, SAMPLES_PREFIX)):
            exchange = Exchange(
                method, path, query, headers, body, new_oss_request_id(), route="download"
            )
            if path.startswith(RESULTS_PREFIX):
                name = path[len(RESULTS_PREFIX) :].removesuffix(".png")
                owner = self._images.owner(name)
                if owner is not None:
                    exchange.models = (owner[0],)
                    exchange.task_id = owner[1]
            return exchange
        if is_object_store_path(path):
            exchange = Exchange(
                method, path, query, headers, body, new_oss_request_id(), route="upload"
            )
            if method == "POST":
                exchange.form = _parse_form(headers.get("content-type", ""), body)
                policy = _form_value(exchange.form or [], "policy")
                model_id = self._objects.policy_model(policy) if policy else None
                exchange.models = (model_id,) if model_id else ()
            return exchange

        exchange = Exchange(method, path, query, headers, body, new_request_id())
        if not path.startswith(API_PREFIX):
            return exchange
        relative = path[len(API_PREFIX) :].strip("/")
        query_match = _TASK_PATH.match(relative)
        task_match = query_match or _CANCEL_PATH.match(relative)
        if relative == "uploads":
            exchange.route = "policy"
            model = {key: values[0] for key, values in parse_qs(query).items()}.get("model")
            exchange.models = self._model_names(model)
        elif relative == "tasks":
            exchange.route = "list"
        elif task_match:
            exchange.route = "query" if query_match else "cancel"
            exchange.task_id = task_match.group(1)
            task = self._tasks.get(exchange.task_id, self._clock())
            if task is not None:
                exchange.models = self._model_names(task.model_name)
        elif relative in self._served_paths:
            wants_async = headers.get("x-dashscope-async", "").strip().lower() == "enable"
            exchange.route = "submit" if wants_async else "sync"
            exchange.models = self._model_names(_sent_model(body))
        return exchange

    def _model_names(self, name: str | None) -> tuple[str, ...]:
        if not name:
            return ()
        model = self.catalog.get(name)
        if model is None:
            return (name,)
        return (model.id,) if name == model.id else (model.id, name)

    def _take_fault(self, phase: Phase, exchange: Exchange) -> FaultRule | None:
        if exchange.route is None:
            return None
        rule = self._faults.take(
            phase,
            exchange.route,
            models=exchange.models,
            task_id=exchange.task_id,
            time=self._clock(),
            request_id=exchange.request_id,
        )
        if rule is not None:
            exchange.faults.append(rule.spec)
        return rule

    def _reply_with_faults(self, exchange: Exchange) -> Reply:
        """Handle a request, applying the fault rule that fires on its arrival, if any."""
        rule = self._take_fault(Phase.REQUEST, exchange)
        action = rule.action if rule is not None else None
        if isinstance(action, Drop):
            return DROPPED
        if isinstance(action, HttpError):
            return self._fault_error_reply(exchange, action)
        if isinstance(action, NonJson):
            return html_error_reply(action.status)
        if isinstance(action, UnknownStatus):
            exchange.task_status = UNKNOWN
            output = {"task_id": exchange.task_id, "task_status": UNKNOWN}
            return json_reply(HTTPStatus.OK, {"output": output}, exchange.request_id)
        if isinstance(action, Stall) and self._stopping.wait(action.seconds):
            # stop() ended the wait, so the request is dropped without being handled.
            return DROPPED

        try:
            reply = self._dispatch(exchange)
        except Exception:
            logger.exception("%s %s failed inside the emulator", exchange.method, exchange.path)
            reply = internal_error_reply()

        if isinstance(action, MalformedJson):
            # The client cannot read the status this reply carries.
            exchange.task_status = None
            half = reply.body[: len(reply.body) // 2]
            return Reply(HTTPStatus.OK, half, reply.content_type, reply.headers)
        if isinstance(action, TruncatedDownload):
            return replace(reply, delivery=Delivery.TRUNCATE)
        return reply

    def _fault_error_reply(self, exchange: Exchange, action: HttpError) -> Reply:
        status = HTTPStatus(action.status)
        if exchange.route in ("download", "upload"):
            error = OssError(status, action.code, action.message)
            return oss_error_reply(error, exchange.request_id, self.origin)
        return api_error_reply(ApiError(status, action.code, action.message), exchange.request_id)

    def _dispatch(self, exchange: Exchange) -> Reply:
        path = exchange.path
        if path.startswith(RESULTS_PREFIX):
            return self._download(exchange, path[len(RESULTS_PREFIX) :])
        if path.startswith(SAMPLES_PREFIX):
            return self._sample(exchange.method, path[len(SAMPLES_PREFIX) :], exchange.request_id)
        if is_object_store_path(path):
            return self._object_store_request(exchange)
        if not path.startswith(API_PREFIX):
            error = ApiError(HTTPStatus.NOT_FOUND, "NotFound", errors.NOT_FOUND)
            return api_error_reply(error, exchange.request_id)

        try:
            self._authenticate(exchange.headers)
            return self._route_api(exchange)
        except ApiError as error:
            logger.debug("%s %s: %s", exchange.method, path, error)
            return api_error_reply(error, exchange.request_id)

    def _route_api(self, exchange: Exchange) -> Reply:
        method = exchange.method
        relative = exchange.path[len(API_PREFIX) :].strip("/")
        if relative == "uploads":
            self._require_method(method, "GET")
            return self._upload_policy(exchange)
        if relative == "tasks":
            self._require_method(method, "GET")
            return self._list_tasks(exchange.query, exchange.request_id)
        match = _TASK_PATH.match(relative)
        if match:
            self._require_method(method, "GET")
            return self._query_task(exchange, match.group(1))
        match = _CANCEL_PATH.match(relative)
        if match:
            self._require_method(method, "POST")
            return self._cancel_task(match.group(1), exchange.request_id)
        if relative in self._served_paths:
            self._require_method(method, "POST")
            return self._call_model(exchange, relative)
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
        workspace = headers.get("x-dashscope-workspace", "").strip()
        known = self.config.workspaces
        if workspace and known is not None and workspace not in known:
            raise ApiError(
                HTTPStatus.UNAUTHORIZED, "NOT AUTHORIZED", errors.WORKSPACE_NOT_AUTHORIZED
            )

    # Model endpoints.

    def _call_model(self, exchange: Exchange, path: str) -> Reply:
        payload = parse_json_object(exchange.body)
        model_name, model = self._resolve_model(payload)
        mode = endpoint_mode(model, path)
        check_async_header(mode, exchange.headers)
        values = self._validated_values(model, payload)
        inputs = self._inputs.resolve(model, values, exchange.headers)
        with self._submission_lock:
            now = self._clock()
            # NOTE: whether the service checks the rate before or after it validates
            # the body is unconfirmed; here only valid calls count against it.
            self._limits.admit_call(model, mode, now)
            if mode == "async":
                return self._create_task(
                    exchange, model, model_name, payload, values, inputs, now
                )
        return self._sync_call(exchange, model, payload, values, inputs, now)

    def _create_task(
        self,
        exchange: Exchange,
        model: ModelSpec,
        model_name: str,
        payload: dict[str, Any],
        values: dict[str, Any],
        inputs: list[InputImage],
        now: float,
    ) -> Reply:
        generation = plan_generation(model, values, payload["input"], inputs, self._images)
        effect = self._task_effect(exchange, generation)
        task = self._tasks.create(
            request_id=exchange.request_id,
            model=model,
            model_name=model_name,
            body=payload,
            generation=effect.generation,
            now=now,
            durations=self.config.task_durations(model.id, payload),
            concurrency=self._limits.concurrency(model),
            outcome=effect.outcome,
            failure=effect.failure,
            urls_expired=effect.urls_expired,
            fault=effect.fault,
        )
        self._images.set_owner(task.generation.all_image_names(), model.id, task.id)
        self._limits.record_call(model, "async", now, task.id)
        logger.info(
            "task %s created for %s (request %s)", task.id, model_name, exchange.request_id
        )
        if effect.drop:
            return DROPPED
        output = {"task_id": task.id, "task_status": PENDING}
        return json_reply(HTTPStatus.OK, {"output": output}, exchange.request_id)

    def _sync_call(
        self,
        exchange: Exchange,
        model: ModelSpec,
        payload: dict[str, Any],
        values: dict[str, Any],
        inputs: list[InputImage],
        now: float,
    ) -> Reply:
        finished = now + self.config.sync_seconds
        keep_until = int(finished + self.config.url_lifetime_seconds)
        generation = plan_generation(
            model, values, payload["input"], inputs, self._images, keep_until=keep_until
        )
        effect = self._task_effect(exchange, generation)
        generation = effect.generation
        self._images.set_owner(generation.all_image_names(), model.id, None)
        self._limits.record_call(model, "sync", now, None)
        # stop() sets this event, which ends the wait at once.
        self._stopping.wait(self.config.sync_seconds)
        if effect.outcome == FAILED and effect.failure is not None:
            raise _failure_error(effect.failure)

        expires = math.floor(finished) - 1 if effect.urls_expired else keep_until

        def sign(name: str) -> str:
            return self._images.signed_url(self.origin, name, expires)

        shape = model.family.result_shape
        response = {
            "output": result_output(shape, generation, sign),
            "usage": result_usage(shape, generation, model.id),
        }
        return json_reply(HTTPStatus.OK, response, exchange.request_id)

    def _task_effect(self, exchange: Exchange, generation: Generation) -> _TaskEffect:
        """Apply the task-phase fault rule that fires on a model call, if any."""
        rule = self._take_fault(Phase.TASK, exchange)
        if rule is None:
            return _TaskEffect(generation)
        action = rule.action
        if isinstance(action, TaskFailed):
            failure = ImageFailure(action.code, action.message)
            return _TaskEffect(generation, FAILED, failure, fault=rule.spec)
        if isinstance(action, PartialFailure):
            failure = ImageFailure(action.code, action.message)
            failed = action.failed_slots(generation.total)
            if len(failed) >= generation.total:
                # The service reports SUCCEEDED only when at least one image succeeded.
                return _TaskEffect(generation, FAILED, failure, fault=rule.spec)
            failures = {index: failure for index in failed}
            return _TaskEffect(replace(generation, failures=failures), fault=rule.spec)
        if isinstance(action, ExpireUrls):
            return _TaskEffect(generation, urls_expired=True, fault=rule.spec)
        if isinstance(action, DropAfterCreate):
            return _TaskEffect(generation, drop=True, fault=rule.spec)
        return _TaskEffect(generation)

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
        for issue in validate_body(model, payload, read_images=False):
            if issue.rule == "max_length" and not self.config.strict_prompt_length:
                continue
            raise issue_error(model, issue)

        values, _extra = read_body(model, payload)
        for spec in model.fields:
            value = values.get(spec.name)
            if spec.max_length is not None and isinstance(value, str):
                values[spec.name] = value[: spec.max_length]
        return values

    def _forget_images(self, task: Task) -> None:
        self._images.discard(task.generation.all_image_names())


    # Task endpoints.

    def _query_task(self, exchange: Exchange, task_id: str) -> Reply:
        with self._query_lock:
            now = self._clock()
            task = self._tasks.get(task_id, now)
            model_id = task.model.id if task is not None else None
            self._limits.admit_query(task_id, model_id, now)
        if task is None:
            exchange.task_status = UNKNOWN
            output = {"task_id": task_id, "task_status": UNKNOWN}
            return json_reply(HTTPStatus.OK, {"output": output}, exchange.request_id)

        status = task.status(now)
        if status == SUCCEEDED and not task.urls_expired:
            # An expire_urls rule on the query route fires only when URLs are given out.
            rule = self._take_fault(Phase.TASK, exchange)
            if rule is not None and isinstance(rule.action, ExpireUrls):
                self._tasks.mark_urls_expired(task.id, rule.spec)
        exchange.task_status = status
        end = task.end_time if task.end_time is not None else task.created
        if task.urls_expired:
            expires = math.floor(end) - 1
        else:
            expires = int(end + self.config.url_lifetime_seconds)

        def sign(name: str) -> str:
            return self._images.signed_url(self.origin, name, expires)

        return json_reply(HTTPStatus.OK, task_response(task, now, sign), exchange.request_id)

    def _cancel_task(self, task_id: str, request_id: str) -> Reply:
        if not self._tasks.cancel(task_id, self._clock()):
            raise ApiError(
                HTTPStatus.BAD_REQUEST, "UnsupportedOperation", errors.CANCEL_NOT_PENDING
            )
        logger.info("task %s canceled", task_id)
        return json_reply(HTTPStatus.OK, {}, request_id)

    def _list_tasks(self, query: str, request_id: str) -> Reply:
        now = self._clock()
        response = list_tasks(self._tasks.all(now), query, now, self._account)
        return json_reply(HTTPStatus.OK, response, request_id)

    # Object store and uploads.

    def _download(self, exchange: Exchange, file_name: str) -> Reply:
        request_id = exchange.request_id
        params = {key: values[0] for key, values in parse_qs(exchange.query).items()}
        try:
            if exchange.method != "GET":
                raise OssError(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
            data = self._images.download(file_name, params)
        except OssError as error:
            logger.debug("download of %s rejected: %s", file_name, error)
            return oss_error_reply(error, request_id, self.origin)
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest().upper() + '"'
        headers = (("x-oss-request-id", request_id), ("ETag", etag))
        return Reply(HTTPStatus.OK, data, "image/png", headers)

    def _upload_policy(self, exchange: Exchange) -> Reply:
        """Return an upload policy for ``GET /uploads?action=getPolicy&model=M``."""
        params = {key: values[0] for key, values in parse_qs(exchange.query).items()}
        # NOTE: the service's errors for a missing or other action and for a missing
        # model are unconfirmed; these are its usual ones for such parameters.
        if params.get("action") != "getPolicy":
            raise errors.field_missing_or_invalid("action")
        name = params.get("model")
        if not name:
            raise ApiError(HTTPStatus.BAD_REQUEST, "BadRequest.EmptyModel", errors.EMPTY_MODEL)
        model = self.catalog.get(name)
        if model is None:
            raise errors.model_not_found(name)
        data = self._objects.issue_policy(model, self.origin)
        logger.info("upload policy issued for %s (request %s)", model.id, exchange.request_id)
        return json_reply(HTTPStatus.OK, {"data": data}, exchange.request_id)

    def _object_store_request(self, exchange: Exchange) -> Reply:
        """Take a PostObject upload; uploaded files cannot be read back, as on the service."""
        try:
            if exchange.path.rstrip("/") != OBJECT_STORE_PATH:
                raise OssError(HTTPStatus.FORBIDDEN, "AccessDenied", ANONYMOUS_MESSAGE)
            if exchange.method != "POST":
                raise OssError(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
            if exchange.form is None:
                raise OssError(
                    HTTPStatus.BAD_REQUEST, "MalformedPOSTRequest", errors.MALFORMED_POST
                )
            stored = self._objects.post_object(exchange.form)
        except OssError as error:
            logger.info("upload rejected (request %s): %s", exchange.request_id, error)
            return oss_error_reply(error, exchange.request_id, self.origin)
        logger.info(
            "uploaded %s for %s, %d bytes (request %s)",
            stored.key,
            stored.model_id,
            stored.byte_size,
            exchange.request_id,
        )
        action_status = _form_value(exchange.form, "success_action_status")
        return success_reply(stored, action_status, exchange.request_id, self.origin)

    def _sample(self, method: str, file_name: str, request_id: str) -> Reply:
        """Return a sample image; samples are public, so no signature is needed."""
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
            return oss_error_reply(error, request_id, self.origin)
        except OssError as error:
            logger.debug("request for sample %s rejected: %s", file_name, error)
            return oss_error_reply(error, request_id, self.origin)
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest().upper() + '"'
        headers = (
            ("x-oss-request-id", request_id),
            ("ETag", etag),
            ("Cache-Control", "public, max-age=86400"),
        )
        return Reply(HTTPStatus.OK, data, "image/png", headers)


def _sent_model(body: bytes) -> str | None:
    """Return the model a JSON body names, or None when it names none."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    model = payload.get("model") if isinstance(payload, dict) else None
    return model if isinstance(model, str) else None


def _parse_form(content_type: str, body: bytes) -> list[FormPart] | None:
    try:
        return parse_multipart(content_type, body)
    except ValueError as error:
        logger.debug("upload body is not well-formed multipart/form-data: %s", error)
        return None


def _form_value(form: list[FormPart], name: str) -> str | None:
    """Return the text of the first form field called ``name`` in any case, or None."""
    for part in form:
        if part.name.lower() == name:
            return part.data.decode("utf-8", "replace")
    return None


def _failure_error(failure: ImageFailure) -> ApiError:
    """Return the HTTP error a sync call gives when every image failed."""
    status, _message = errors.DOCUMENTED_ERRORS.get(failure.code, (500, ""))
    return ApiError(HTTPStatus(status), failure.code, failure.message)

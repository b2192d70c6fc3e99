"""The task engine: queue, submit, poll, download and save, persisting every step.

The engine owns every task from the moment it is saved until its images are on
disk. It runs on whatever asyncio loop calls it (qasync in the app, a plain loop
on the command line and in tests) and reports changes through listeners.

Limits: each (region, model) has a first-in, first-out gate with the model's
submit rate and number of running tasks. Status queries share one pacer at the
service's 20 per second. A throttled submit backs off with jitter and retries on
its own. A submit whose outcome is unknown is never repeated blindly: the engine
looks for the task it may have created in the service's task list first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from gui.core.catalog import Catalog, ModelSpec
from gui.core.dashscope import (
    ApiError,
    Credentials,
    DashScopeClient,
    DashScopeError,
    MalformedResponseError,
    NetworkError,
)
from gui.core.library import Library, ResultImage, TaskRecord, TaskStatus
from gui.core.request import ApiRequest, ValidationIssue, check_availability, validate_body
from gui.core.results import extract_results
from gui.core.scheduling import (
    QUERY_RATE_LIMIT,
    DurationStats,
    Pacer,
    PollSchedule,
    SubmitGate,
    backoff_delays,
    duration_stats,
    remaining_estimate,
)
from gui.core.uploads import InputPreparer, UploadProgress

log = logging.getLogger(__name__)

__all__ = [
    "CancelRefused",
    "Engine",
    "LimitsResolver",
    "MissingKeyError",
    "PollSchedule",
    "RequestRejected",
    "RetryPolicy",
]

TaskListener = Callable[[TaskRecord], None]
CredentialsResolver = Callable[[str], Credentials]
# Returns (submissions per second, running tasks or None) for a region and model,
# or None when no limit applies.
LimitsResolver = Callable[[str, str, str], tuple[float, int | None] | None]

# Task results and ids are kept by the service for 24 hours.
RESULT_LIFETIME_SECONDS = 24 * 3600

# 429 codes that mean "slow down"; quota codes such as Throttling.AllocationQuota
# mean the quota is gone, which waiting does not fix.
RETRYABLE_THROTTLING = frozenset(
    {
        "Throttling",
        "Throttling.RateQuota",
        "Throttling.BurstRate",
        "LimitRequests",
        "limit_requests",
        "limit_burst_rate",
    }
)

# NOTE: the service writes times without a zone; they appear to be China time.
SERVICE_TIMEZONE = timezone(timedelta(hours=8))
# How far around the submit time the task list is searched for a lost submission.
RECONCILE_WINDOW = timedelta(minutes=2)
# Upload progress is published at most this often, in seconds.
PROGRESS_INTERVAL = 0.25


class RequestRejected(Exception):
    """Raised before sending when a request breaks catalog rules."""

    def __init__(self, issues: list[ValidationIssue]) -> None:
        super().__init__("; ".join(issue.message() for issue in issues))
        self.issues = issues


class MissingKeyError(Exception):
    """Raised when no API key is available for a region."""

    def __init__(self, region: str) -> None:
        super().__init__(f"No API key is set for region {region}; add one in the key manager.")
        self.region = region


class CancelRefused(Exception):
    """Raised when a task cannot be canceled; ``reason`` is a PixelPost or service code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for polls and downloads after network errors and 5xx responses."""

    attempts: int = 5
    first_delay: float = 1.0
    maximum_delay: float = 20.0
    # Submissions throttled with a 429 are retried this many times at most.
    throttled_attempts: int = 8


class Engine:
    """Runs tasks to completion and keeps the library up to date."""

    def __init__(
        self,
        client: DashScopeClient,
        library: Library,
        catalog: Catalog,
        credentials: CredentialsResolver,
        *,
        poll_schedule: PollSchedule | None = None,
        retry: RetryPolicy | None = None,
        limits: LimitsResolver | None = None,
        query_rate: float = QUERY_RATE_LIMIT,
    ) -> None:
        self._client = client
        self._library = library
        self._catalog = catalog
        self._credentials = credentials
        self._schedule = poll_schedule or PollSchedule()
        self._retry = retry or RetryPolicy()
        self._limits = limits or self.catalog_limits
        self._query_pacer = Pacer(query_rate)
        self._gates: dict[tuple[str, str], SubmitGate] = {}
        self._listeners: list[TaskListener] = []
        self._running: dict[str, asyncio.Task[None]] = {}
        self._stats: dict[str, DurationStats | None] = {}
        # Turns local image files into data URIs or uploads before each submit.
        self.inputs = InputPreparer(client)

    # Listeners

    def add_listener(self, listener: TaskListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: TaskListener) -> None:
        self._listeners.remove(listener)

    def _publish(self, record: TaskRecord) -> None:
        for listener in list(self._listeners):
            try:
                listener(record)
            except Exception:
                log.exception("Task listener failed for task %s", record.id)

    def _save(self, record: TaskRecord) -> TaskRecord:
        record = self._library.save_task(record)
        self._publish(record)
        return record

    # Public API

    def check(self, model: ModelSpec, body: Mapping[str, Any]) -> None:
        """Raise RequestRejected when ``body`` breaks the model's rules."""
        issues = validate_body(model, body)
        if issues:
            raise RequestRejected(issues)

    def submit(self, request: ApiRequest, region: str) -> TaskRecord:
        """Validate and save a request, then run it in the background.

        Returns the saved record at once; listeners hear of every change after.
        Raises RequestRejected or MissingKeyError without saving anything.
        """
        model = self._catalog.get(request.model)
        if model is not None:
            issues = check_availability(model, request.model, region, request.mode)
            issues.extend(validate_body(model, request.body))
            if issues:
                raise RequestRejected(issues)
        self._credentials(region)  # raises MissingKeyError before anything is saved
        record = self._library.new_task(
            model=request.model,
            region=region,
            mode=request.mode,
            path=request.path,
            body=request.body,
        )
        log.info("Task %s saved: %s %s in %s", record.id, request.mode, request.model, region)
        self._publish(record)
        self._start(record)
        return record

    def track(self, task_id: str, region: str) -> TaskRecord:
        """Follow a task submitted elsewhere (another tool, a colleague) by its id."""
        self._credentials(region)
        task_id = task_id.strip()
        record = self._library.new_task(model="", region=region, mode="async", path="", body={})
        record = self._save(
            replace(
                record,
                status=TaskStatus.PENDING,
                task_id=task_id,
                submitted_at=record.created_at,
                note="tracked by id",
                note_code="tracked",
            )
        )
        log.info("Tracking task %s in %s as %s", task_id, region, record.id)
        self._start(record)
        return record

    async def cancel(self, local_id: str) -> TaskRecord:
        """Cancel a task: locally while queued, on the service while PENDING.

        Raises CancelRefused when the task is running or already ended; the
        service cancels only PENDING tasks.
        """
        record = self._library.get_task(local_id)
        if record is None:
            raise KeyError(local_id)
        if record.status == TaskStatus.QUEUED:
            running = self._running.get(local_id)
            if running is not None:
                running.cancel()
                await asyncio.gather(running, return_exceptions=True)
            return self._save(
                replace(
                    record,
                    status=TaskStatus.CANCELED,
                    note="canceled before it was sent",
                    note_code="canceled_locally",
                    finished_at=time.time(),
                )
            )
        if record.status == TaskStatus.RUNNING:
            raise CancelRefused(
                "PixelPost.Cancel.Running",
                "the task is already running; the service cancels only PENDING tasks",
            )
        if record.status != TaskStatus.PENDING or record.task_id is None:
            raise CancelRefused(
                "PixelPost.Cancel.Ended", f"the task is {record.status.value}, not PENDING"
            )
        credentials = self._credentials(record.region)
        try:
            await self._client.cancel(credentials, record.task_id, task=record.id)
        except ApiError as error:
            if error.code == "UnsupportedOperation":
                raise CancelRefused(error.code, error.message) from None
            raise
        running = self._running.get(local_id)
        if running is not None:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
        latest = self._library.get_task(local_id) or record
        canceled = self._save(
            replace(
                latest,
                status=TaskStatus.CANCELED,
                finished_at=time.time(),
                note=None,
                note_code=None,
            )
        )
        await self._release(canceled)
        return canceled

    def remaining(self, record: TaskRecord) -> float | None:
        """Return the estimated seconds until a task finishes, from past tasks of its model."""
        if record.status not in (TaskStatus.PENDING, TaskStatus.RUNNING):
            return None
        started = record.submitted_at or record.created_at
        return remaining_estimate(self._duration_stats(record.model), time.time() - started)

    def queue_position(self, record: TaskRecord) -> int | None:
        gate = self._gates.get((record.region, record.model))
        return gate.position(record.id) if gate is not None else None

    def resume(self) -> list[TaskRecord]:
        """Pick up every unfinished task from the library; return them."""
        resumed = []
        for record in self._library.unfinished_tasks():
            if record.id in self._running:
                continue
            log.info("Resuming task %s (%s)", record.id, record.status.value)
            if record.status in (TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUSPENDED):
                gate = self._gate(record)
                if gate is not None:
                    gate.hold(record.id)
            resumed.append(record)
            self._start(record)
        return resumed

    def is_active(self, local_id: str) -> bool:
        return local_id in self._running

    async def wait(self, local_id: str) -> TaskRecord:
        """Wait until the engine has finished with a task; return its final record."""
        running = self._running.get(local_id)
        if running is not None:
            await asyncio.shield(running)
        record = self._library.get_task(local_id)
        if record is None:
            raise KeyError(local_id)
        return record

    async def wait_all(self) -> None:
        while self._running:
            await asyncio.gather(*list(self._running.values()), return_exceptions=True)

    async def stop(self) -> None:
        """Cancel every running task coroutine; their state stays in the library."""
        running = list(self._running.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        self._running.clear()

    # Limits

    def catalog_limits(
        self, region: str, model_id: str, mode: str
    ) -> tuple[float, int | None] | None:
        """Return the catalog's limits; the sandbox uses Beijing's, as the service would."""
        model = self._catalog.get(model_id)
        if model is None:
            return None
        limits = model.limits.get("beijing" if region == "sandbox" else region)
        if limits is None:
            return None
        # Sync calls have no limit on tasks running at once.
        concurrency = limits.concurrency if mode == "async" else None
        return limits.submit_per_second, concurrency

    def set_limits_resolver(self, limits: LimitsResolver) -> None:
        """Use new limits; gates already made take them at once for the next submit."""
        self._limits = limits
        for (region, model), gate in self._gates.items():
            updated = limits(region, model, "async")
            if updated is not None:
                gate.pacer.rate = updated[0]
                gate.set_concurrency(updated[1])

    def _gate(self, record: TaskRecord) -> SubmitGate | None:
        key = (record.region, record.model)
        gate = self._gates.get(key)
        if gate is None:
            limits = self._limits(record.region, record.model, record.mode)
            if limits is None:
                return None
            gate = SubmitGate(*limits)
            self._gates[key] = gate
        return gate

    async def _release(self, record: TaskRecord) -> None:
        gate = self._gates.get((record.region, record.model))
        if gate is not None:
            await gate.leave(record.id)

    def _duration_stats(self, model: str) -> DurationStats | None:
        if model not in self._stats:
            self._stats[model] = duration_stats(self._library.durations(model))
        return self._stats[model]

    # Task lifecycle

    def _start(self, record: TaskRecord) -> None:
        task = asyncio.get_running_loop().create_task(self._run(record), name=f"task-{record.id}")
        self._running[record.id] = task
        local_id = record.id

        def forget(_finished: asyncio.Task[None]) -> None:
            if self._running.get(local_id) is task:
                del self._running[local_id]

        task.add_done_callback(forget)

    async def _run(self, record: TaskRecord) -> None:
        try:
            record = await self._advance(record)
        except asyncio.CancelledError:
            log.info("Task %s paused at %s", record.id, record.status.value)
            raise
        except Exception as error:
            log.exception("Task %s stopped by an unexpected error", record.id)
            latest = self._library.get_task(record.id) or record
            record = self._save(
                replace(
                    latest,
                    status=TaskStatus.ERROR,
                    error_code="PixelPost.Internal",
                    error_message=f"{type(error).__name__}: {error}",
                    finished_at=time.time(),
                )
            )
        finally:
            latest = self._library.get_task(record.id) or record
            if latest.status.is_terminal:
                await self._release(latest)

    async def _advance(self, record: TaskRecord) -> TaskRecord:
        if record.status == TaskStatus.QUEUED:
            record = await self._submit(record)
        elif record.status == TaskStatus.SUBMITTING:
            record = await self._reconcile(record, "the app stopped while submitting")
        if record.status in (TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUSPENDED):
            record = await self._poll(record)
        if record.status == TaskStatus.SUCCEEDED and record.downloads_pending:
            record = await self._download_all(record)
        return record

    async def _submit(self, record: TaskRecord) -> TaskRecord:
        try:
            credentials = self._credentials(record.region)
        except MissingKeyError as error:
            return self._fail(record, "PixelPost.Key.Missing", str(error))
        try:
            record, body = await self._prepare_inputs(record, credentials)
        except DashScopeError as error:
            return self._fail(
                record, error.code, error.message, status=error.status, request_id=error.request_id
            )
        gate = self._gate(record)
        if gate is not None:
            await gate.enter(record.id, lambda position: self._on_queued(record, position))
        request = ApiRequest(record.model, record.mode, record.path, body)
        throttling = backoff_delays(self._retry.first_delay, 30.0)
        for attempt in range(1, self._retry.throttled_attempts + 1):
            record = self._save(
                replace(
                    record,
                    status=TaskStatus.SUBMITTING,
                    submitted_at=time.time(),
                    note=None,
                    note_code=None,
                )
            )
            try:
                data = await self._client.submit(credentials, request, task=record.id)
                break
            except NetworkError as error:
                if error.sent:
                    return await self._reconcile(record, error.message)
                return self._fail(record, error.code, error.message)
            except ApiError as error:
                throttled = error.status == 429 and error.code in RETRYABLE_THROTTLING
                if not throttled or attempt == self._retry.throttled_attempts:
                    return self._fail(
                        record,
                        error.code,
                        error.message,
                        status=error.status,
                        request_id=error.request_id,
                    )
                delay = next(throttling)
                log.info("Task %s throttled (%s); retrying in %.1f s", record.id, error.code, delay)
                record = self._save(
                    replace(
                        record,
                        status=TaskStatus.QUEUED,
                        note=f"throttled by the service ({error.code}); retrying in {delay:.0f} s",
                        note_code="throttled",
                        note_params={"code": error.code, "seconds": round(delay)},
                    )
                )
                await asyncio.sleep(delay)
                if gate is not None:
                    await gate.pacer.wait()
            except DashScopeError as error:
                return self._fail(
                    record,
                    error.code,
                    error.message,
                    status=error.status,
                    request_id=error.request_id,
                )
        request_id = data.get("request_id")
        if record.mode == "sync":
            return self._apply_output(
                replace(record, request_id=request_id), data, TaskStatus.SUCCEEDED
            )
        output = data.get("output", {})
        log.info("Task %s submitted as %s", record.id, output.get("task_id"))
        return self._save(
            replace(
                record,
                status=_status(output.get("task_status"), TaskStatus.PENDING),
                task_id=output.get("task_id"),
                request_id=request_id,
            )
        )

    async def _prepare_inputs(
        self, record: TaskRecord, credentials: Credentials
    ) -> tuple[TaskRecord, dict[str, Any]]:
        """Replace the local files of a task's body with data URIs or uploads.

        Returns the record, with the files it sent, and the body to submit. The
        record's own body keeps the local paths. Upload progress is published as
        the note ``uploading`` (number, count, percent); a new file is also saved.
        """
        model = self._catalog.get(record.model)
        if model is None:
            return record, record.body
        current = record
        last_published = 0.0

        def on_progress(progress: UploadProgress) -> None:
            nonlocal current, last_published
            now = time.monotonic()
            starting = progress.sent == 0
            finished = progress.sent >= progress.total
            if not (starting or finished) and now - last_published < PROGRESS_INTERVAL:
                return
            last_published = now
            current = replace(
                current,
                note=f"uploading file {progress.number} of {progress.count}",
                note_code="uploading",
                note_params={
                    "number": progress.number,
                    "count": progress.count,
                    "percent": progress.percent,
                },
            )
            if starting:
                current = self._save(current)
            else:
                self._publish(current)

        prepared = await self.inputs.prepare(
            model,
            record.body,
            credentials,
            model_name=record.model,
            task=record.id,
            progress=on_progress,
        )
        if not prepared.inputs:
            return current, prepared.body
        current = self._save(
            replace(current, inputs=prepared.inputs, note=None, note_code=None, note_params={})
        )
        return current, prepared.body

    def _on_queued(self, record: TaskRecord, position: int) -> None:
        latest = self._library.get_task(record.id) or record
        self._save(
            replace(
                latest,
                status=TaskStatus.QUEUED,
                note=f"queued: position {position}",
                note_code="queued",
                note_params={"position": position},
            )
        )

    async def _reconcile(self, record: TaskRecord, reason: str) -> TaskRecord:
        """Find the task a submit with an unknown outcome may have created.

        The task list is searched for tasks of the same model created around the
        submit time that no local record tracks. One match is adopted and polled;
        none means the submit most likely never arrived, and the user may resend.
        """
        if record.mode != "async":
            return self._fail(record, "PixelPost.Submit.OutcomeUnknown", reason)
        log.warning(
            "Task %s: submit outcome unknown (%s); searching the task list", record.id, reason
        )
        submitted = datetime.fromtimestamp(
            record.submitted_at or record.created_at, SERVICE_TIMEZONE
        )
        params: dict[str, str | int] = {
            "model_name": record.model,
            "start_time": (submitted - RECONCILE_WINDOW).strftime("%Y%m%d%H%M%S"),
            "end_time": (datetime.now(SERVICE_TIMEZONE) + RECONCILE_WINDOW).strftime(
                "%Y%m%d%H%M%S"
            ),
            "page_no": 1,
            "page_size": 100,
        }
        try:
            credentials = self._credentials(record.region)
            listing = await self._client.list_tasks(credentials, params)
        except (DashScopeError, MissingKeyError) as error:
            return self._fail(
                record,
                "PixelPost.Submit.OutcomeUnknown",
                f"{reason}; the task list could not be read ({error})",
            )
        known = self._library.known_task_ids()
        candidates = [
            item
            for item in listing.get("data") or []
            if isinstance(item, dict) and item.get("task_id") and item["task_id"] not in known
        ]
        if not candidates:
            return self._fail(
                record,
                "PixelPost.Submit.OutcomeUnknown",
                f"{reason}; the service lists no matching task, so the request most likely "
                "did not arrive",
            )
        chosen = min(candidates, key=lambda item: _distance(item.get("gmt_create"), submitted))
        log.info("Task %s reconciled with service task %s", record.id, chosen["task_id"])
        return self._save(
            replace(
                record,
                status=_status(chosen.get("status"), TaskStatus.PENDING),
                task_id=str(chosen["task_id"]),
                request_id=chosen.get("request_id") or record.request_id,
                note="found in the task list after the connection broke",
                note_code="reconciled",
            )
        )

    async def _poll(self, record: TaskRecord) -> TaskRecord:
        credentials = self._credentials(record.region)
        failures = 0
        started = record.submitted_at or record.created_at
        stats = self._duration_stats(record.model)
        delays: Iterator[float] = self._schedule.delays(stats, time.time() - started)
        for delay in delays:
            await asyncio.sleep(delay)
            await self._query_pacer.wait()
            assert record.task_id is not None
            try:
                data = await self._client.query(credentials, record.task_id, task=record.id)
            except (NetworkError, MalformedResponseError) as error:
                failures += 1
                if failures >= self._retry.attempts:
                    return self._fail(record, error.code, error.message, keep_task=True)
                record = self._save(
                    replace(
                        record,
                        note=f"retrying after {error.code}",
                        note_code="retrying",
                        note_params={"code": error.code},
                    )
                )
                continue
            except ApiError as error:
                transient = error.status is not None and (
                    error.status >= 500 or error.status == 429
                )
                if transient:
                    failures += 1
                    if failures < self._retry.attempts:
                        record = self._save(
                            replace(
                                record,
                                note=f"retrying after {error.code}",
                                note_code="retrying",
                                note_params={"code": error.code},
                            )
                        )
                        continue
                return self._fail(
                    record,
                    error.code,
                    error.message,
                    status=error.status,
                    request_id=error.request_id,
                    keep_task=True,
                )
            failures = 0
            output = data.get("output") or {}
            status = _status(output.get("task_status"), record.status)
            record = replace(record, polls=record.polls + 1, note=None, note_code=None)
            if status.is_terminal:
                self._stats.pop(record.model, None)
                return self._apply_output(record, data, status)
            if status != record.status:
                record = self._save(replace(record, status=status))
            else:
                record = self._library.save_task(record)
        raise AssertionError("poll schedule ended")  # pragma: no cover - the schedule is endless

    def _apply_output(
        self, record: TaskRecord, data: Mapping[str, Any], status: TaskStatus
    ) -> TaskRecord:
        output = data.get("output") or {}
        images = extract_results(output)
        service_times = {
            key: str(output[key])
            for key in ("submit_time", "scheduled_time", "end_time")
            if key in output
        }
        record = replace(
            record,
            status=status,
            results=tuple(images),
            usage=dict(data.get("usage") or {}),
            output=dict(output),
            service_times=service_times,
            request_id=data.get("request_id") or record.request_id,
            finished_at=time.time(),
        )
        if status == TaskStatus.FAILED:
            record = replace(
                record,
                error_code=str(output.get("code") or "PixelPost.Task.Failed"),
                error_message=str(output.get("message") or ""),
            )
        elif status == TaskStatus.UNKNOWN:
            record = replace(
                record,
                error_code="PixelPost.Task.Unknown",
                error_message="the service does not know this task id",
            )
        elif status == TaskStatus.SUCCEEDED and any(image.error_code for image in images):
            failed = sum(1 for image in images if image.error_code)
            record = replace(
                record,
                error_code="PixelPost.Task.PartialFailure",
                error_message=f"{failed} of {len(images)} images failed",
            )
        log.info("Task %s finished: %s", record.id, status.value)
        return self._save(record)

    async def _download_all(self, record: TaskRecord) -> TaskRecord:
        pending = [image for image in record.results if image.url and not image.saved]
        results = await asyncio.gather(
            *(self._download(record, image) for image in pending), return_exceptions=True
        )
        latest = {image.index: image for image in record.results}
        problems = []
        for image, outcome in zip(pending, results, strict=True):
            if isinstance(outcome, ResultImage):
                latest[image.index] = outcome
            elif isinstance(outcome, DashScopeError):
                problems.append(outcome)
                latest[image.index] = replace(
                    image, error_code=outcome.code, error_message=outcome.message
                )
            elif isinstance(outcome, BaseException):
                raise outcome
        record = replace(record, results=tuple(latest[index] for index in sorted(latest)))
        if problems:
            first = problems[0]
            record = replace(record, error_code=first.code, error_message=first.message)
        return self._save(record)

    async def _download(self, record: TaskRecord, image: ResultImage) -> ResultImage:
        assert image.url is not None
        staged = self._library.staging_path(record, image.index)
        delay = self._retry.first_delay
        for attempt in range(1, self._retry.attempts + 1):
            try:
                _size, content_type = await self._client.download(image.url, staged, task=record.id)
                break
            except NetworkError:
                if attempt == self._retry.attempts:
                    raise
            except ApiError as error:
                if error.status is None or error.status < 500 or attempt == self._retry.attempts:
                    if _expired(record) and error.code != "PixelPost.Download.Expired":
                        raise ApiError(
                            "PixelPost.Download.Expired", error.message, status=error.status
                        ) from None
                    raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._retry.maximum_delay)
        suffix = _suffix(content_type, image.url)
        saved = self._library.commit_result(record, image, staged, suffix)
        log.info("Task %s image %d saved to %s", record.id, image.index + 1, saved.file)
        # Publish progress so the preview can show images as they arrive.
        current = self._library.get_task(record.id) or record
        updated = tuple(saved if r.index == image.index else r for r in current.results)
        self._save(replace(current, results=updated))
        return saved

    def _fail(
        self,
        record: TaskRecord,
        code: str,
        message: str,
        *,
        status: int | None = None,
        request_id: str | None = None,
        keep_task: bool = False,
    ) -> TaskRecord:
        """Mark a task as stopped by an error.

        ``keep_task`` is True when the task exists on the service: it may still
        finish there, and the note records that.
        """
        log.warning("Task %s: %s %s (request %s)", record.id, code, message, request_id)
        return self._save(
            replace(
                record,
                status=TaskStatus.ERROR,
                error_code=code,
                error_message=message,
                error_status=status,
                request_id=request_id or record.request_id,
                finished_at=time.time(),
                note="the task may still finish on the service" if keep_task else None,
                note_code="may_finish" if keep_task else None,
            )
        )


def _expired(record: TaskRecord) -> bool:
    finished = record.finished_at or record.created_at
    return time.time() - finished > RESULT_LIFETIME_SECONDS


def _distance(gmt_create: Any, submitted: datetime) -> float:
    if not isinstance(gmt_create, str):
        return float("inf")
    for pattern in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S"):
        try:
            created = datetime.strptime(gmt_create, pattern).replace(tzinfo=SERVICE_TIMEZONE)
        except ValueError:
            continue
        return abs((created - submitted).total_seconds())
    return float("inf")


def _status(value: Any, default: TaskStatus) -> TaskStatus:
    try:
        return TaskStatus(str(value))
    except ValueError:
        return default


def _suffix(content_type: str, url: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    known = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "image/gif": ".gif"}
    if kind in known:
        return known[kind]
    path = url.split("?")[0].lower()
    for ending in (".png", ".jpg", ".jpeg", ".webp"):
        if path.endswith(ending):
            return ".jpg" if ending == ".jpeg" else ending
    return ".png"

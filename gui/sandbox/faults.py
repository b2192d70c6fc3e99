"""Fault injection: rules that make the emulator fail as networks and the service do.

A rule names a route, an action and optional filters. Rules are tried in the
order they were added, and the first armed rule that matches a request fires.
A request can fire one rule when it arrives and one more when it creates a
task, because some actions change the task instead of the reply.

Routes: ``submit`` (a model call with ``X-DashScope-Async: enable``), ``sync``
(a model call without it), ``query`` (``GET /tasks/{id}``), ``cancel``,
``list``, ``download`` (a result or sample image), ``policy`` (the upload
policy request), ``upload`` (the object-store POST) and ``any``.

SPEC syntax, as ``FaultTable.add_spec`` and ``python -m gui.sandbox --fault``
take it: a route, an action, then ``NAME=VALUE`` options, split like a POSIX
shell command line, so a value with spaces is quoted::

    submit http_error status=429 model=wanx-v1 times=2
    policy http_error code=InvalidApiKey
    submit task_failed code=IPInfringementSuspect 'message=Suspected IP infringement.'
    submit partial_failure indices=0,2
    query unknown task=0f1e2d3c-6b5a-4978-8a69-5d4c3b2a1908
    download truncated_download times=0
    any drop probability=0.05

Options of every rule: ``model=ID`` (the model as sent or its catalog id),
``task=ID`` (query, cancel and download only), ``times=N`` (firings before the
rule is spent, 0 for no limit; default 1, or 0 when a probability is given) and
``probability=P`` (0 < P <= 1, drawn from the table's seeded generator).

Actions and their options:

- ``http_error status= code= message=``: an error reply, JSON on API routes and
  OSS XML on download and upload. Missing parts come from the documented errors,
  so ``status=429`` or ``code=Arrearage`` alone is enough.
- ``task_failed code= message=`` (submit): the task ends FAILED with that error.
- ``partial_failure count=N | indices=I,J code= message=`` (submit, sync): those
  image slots fail; ``count`` fails the last N slots. When every slot fails, the
  task ends FAILED, because the service reports SUCCEEDED only when at least one
  image succeeded.
- ``drop``: close the connection without a reply; the request is not handled.
- ``drop_after_create`` (submit): create the task, then close without a reply.
- ``stall seconds=S``: wait S seconds (at most an hour, ended by ``stop()``),
  then handle the request as usual.
- ``malformed_json`` (API routes): handle the request, then reply 200 with the
  first half of the JSON body.
- ``non_json status=502``: reply with an HTML error page instead of JSON.
- ``truncated_download`` (download): send the full Content-Length but only half
  of the bytes, then close.
- ``expire_urls`` (submit, sync, query): the task's result URLs are already
  expired when given out.
- ``unknown`` (query): reply that the task is UNKNOWN; the task itself is kept.
"""

from __future__ import annotations

import enum
import logging
import random
import shlex
import threading
from collections import deque
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from http import HTTPStatus
from typing import ClassVar, Self

from gui.sandbox import errors

logger = logging.getLogger(__name__)

ROUTES = ("submit", "sync", "query", "cancel", "list", "download", "policy", "upload")
ANY_ROUTE = "any"
ALL_ROUTES = frozenset(ROUTES)
# Routes whose replies are DashScope JSON documents; the others are the object store's.
API_ROUTES = frozenset({"submit", "sync", "query", "cancel", "list", "policy"})
# Routes that concern one task, so a rule may name a task id.
TASK_ROUTES = frozenset({"query", "cancel", "download"})
MAX_STALL_SECONDS = 3600.0
# Fired faults beyond this count drop the oldest ones from FaultTable.fired.
MAX_FIRED_RECORDS = 10_000


class Phase(enum.Enum):
    """When an action is decided: on the request's arrival or on task creation."""

    REQUEST = "request"
    TASK = "task"


def _integer(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"fault option {name}={text!r} is not a whole number") from None


def _number(name: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"fault option {name}={text!r} is not a number") from None


def _check_error_status(action: str, status: int) -> None:
    if not 400 <= status <= 599:
        raise ValueError(f"{action} status {status} is not an error; use 400 to 599")
    try:
        HTTPStatus(status)
    except ValueError:
        raise ValueError(f"{action} status {status} is not a known HTTP status") from None


def _reject_options(action: str, options: Mapping[str, str]) -> None:
    if options:
        names = ", ".join(sorted(options))
        raise ValueError(f"fault action {action} takes no option {names}")


@dataclass(frozen=True)
class HttpError:
    """Reply with an error status, code and message instead of handling the request."""

    status: int
    code: str
    message: str
    name: ClassVar[str] = "http_error"
    routes: ClassVar[frozenset[str]] = ALL_ROUTES
    phase: ClassVar[Phase] = Phase.REQUEST

    def __post_init__(self) -> None:
        _check_error_status(self.name, self.status)

    @classmethod
    def documented(
        cls, code: str | None = None, status: int | None = None, message: str | None = None
    ) -> Self:
        """Return the error with the parts left out taken from the documented errors."""
        error = errors.documented_error(code, status, message)
        return cls(int(error.status), error.code, error.message)

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        status = options.pop("status", None)
        action = cls.documented(
            options.pop("code", None),
            None if status is None else _integer("status", status),
            options.pop("message", None),
        )
        _reject_options(cls.name, options)
        return action

    def options(self) -> list[tuple[str, str]]:
        return [("status", str(self.status)), ("code", self.code), ("message", self.message)]


@dataclass(frozen=True)
class TaskFailed:
    """End the new task FAILED with ``output.code`` and ``output.message``."""

    code: str
    message: str
    name: ClassVar[str] = "task_failed"
    routes: ClassVar[frozenset[str]] = frozenset({"submit"})
    phase: ClassVar[Phase] = Phase.TASK

    @classmethod
    def documented(cls, code: str, message: str | None = None) -> Self:
        """Return the failure; a code outside the documented table needs ``message``.

        A failed task carries no HTTP status, so none is needed here.
        """
        if message is not None:
            return cls(code, message)
        if code not in errors.DOCUMENTED_ERRORS:
            raise ValueError(
                f"error code {code!r} is not in the documented table; give message= too"
            )
        return cls(code, errors.DOCUMENTED_ERRORS[code][1])

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        code = options.pop("code", None)
        if code is None:
            raise ValueError("fault action task_failed needs code=, such as code=InternalError")
        action = cls.documented(code, options.pop("message", None))
        _reject_options(cls.name, options)
        return action

    def options(self) -> list[tuple[str, str]]:
        return [("code", self.code), ("message", self.message)]


@dataclass(frozen=True)
class PartialFailure:
    """Fail some image slots of a result: the last ``count`` slots, or those at ``indices``."""

    count: int | None = None
    indices: tuple[int, ...] = ()
    code: str = "InternalError.Timeout"
    message: str = errors.INTERNAL_TIMEOUT
    name: ClassVar[str] = "partial_failure"
    routes: ClassVar[frozenset[str]] = frozenset({"submit", "sync"})
    phase: ClassVar[Phase] = Phase.TASK

    def __post_init__(self) -> None:
        if (self.count is None) == (not self.indices):
            raise ValueError("partial_failure needs either count= or indices=, not both")
        if self.count is not None and self.count < 1:
            raise ValueError(f"partial_failure count={self.count}; use 1 or more")
        if any(index < 0 for index in self.indices):
            raise ValueError(f"partial_failure indices {self.indices} must be 0 or more")

    def failed_slots(self, total: int) -> list[int]:
        """Return the failed slot indices for ``total`` images; indices beyond it are ignored."""
        if self.count is not None:
            return list(range(max(0, total - self.count), total))
        return sorted({index for index in self.indices if index < total})

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        count_text = options.pop("count", None)
        indices_text = options.pop("indices", None)
        indices: tuple[int, ...] = ()
        if indices_text is not None:
            indices = tuple(_integer("indices", part) for part in indices_text.split(",") if part)
        code = options.pop("code", "InternalError.Timeout")
        message = options.pop("message", None)
        if message is None:
            message = errors.documented_error(code, 500).message
        _reject_options(cls.name, options)
        count = None if count_text is None else _integer("count", count_text)
        return cls(count, indices, code, message)

    def options(self) -> list[tuple[str, str]]:
        if self.count is not None:
            selection = [("count", str(self.count))]
        else:
            selection = [("indices", ",".join(str(index) for index in self.indices))]
        return [*selection, ("code", self.code), ("message", self.message)]


@dataclass(frozen=True)
class Stall:
    """Wait ``seconds`` after reading the request, then handle it as usual."""

    seconds: float
    name: ClassVar[str] = "stall"
    routes: ClassVar[frozenset[str]] = ALL_ROUTES
    phase: ClassVar[Phase] = Phase.REQUEST

    def __post_init__(self) -> None:
        if not 0 < self.seconds <= MAX_STALL_SECONDS:
            raise ValueError(
                f"stall seconds={self.seconds}; use more than 0 and at most {MAX_STALL_SECONDS:g}"
            )

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        seconds = options.pop("seconds", None)
        if seconds is None:
            raise ValueError("fault action stall needs seconds=, such as seconds=30")
        _reject_options(cls.name, options)
        return cls(_number("seconds", seconds))

    def options(self) -> list[tuple[str, str]]:
        return [("seconds", f"{self.seconds:g}")]


@dataclass(frozen=True)
class NonJson:
    """Reply with an HTML error page, as a gateway in front of the service may."""

    status: int = 502
    name: ClassVar[str] = "non_json"
    routes: ClassVar[frozenset[str]] = ALL_ROUTES
    phase: ClassVar[Phase] = Phase.REQUEST

    def __post_init__(self) -> None:
        _check_error_status(self.name, self.status)

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        status = options.pop("status", None)
        _reject_options(cls.name, options)
        return cls() if status is None else cls(_integer("status", status))

    def options(self) -> list[tuple[str, str]]:
        return [("status", str(self.status))]


@dataclass(frozen=True)
class _NoOptions:
    """An action without options."""

    @classmethod
    def from_options(cls, options: dict[str, str]) -> Self:
        _reject_options(getattr(cls, "name", cls.__name__), options)
        return cls()

    def options(self) -> list[tuple[str, str]]:
        return []


@dataclass(frozen=True)
class Drop(_NoOptions):
    """Close the connection without a reply and without handling the request."""

    name: ClassVar[str] = "drop"
    routes: ClassVar[frozenset[str]] = ALL_ROUTES
    phase: ClassVar[Phase] = Phase.REQUEST


@dataclass(frozen=True)
class DropAfterCreate(_NoOptions):
    """Create the task, then close the connection without a reply."""

    name: ClassVar[str] = "drop_after_create"
    routes: ClassVar[frozenset[str]] = frozenset({"submit"})
    phase: ClassVar[Phase] = Phase.TASK


@dataclass(frozen=True)
class MalformedJson(_NoOptions):
    """Handle the request, then reply 200 with only the first half of the JSON body."""

    name: ClassVar[str] = "malformed_json"
    routes: ClassVar[frozenset[str]] = API_ROUTES
    phase: ClassVar[Phase] = Phase.REQUEST


@dataclass(frozen=True)
class TruncatedDownload(_NoOptions):
    """Send the full Content-Length of an image but only half its bytes, then close."""

    name: ClassVar[str] = "truncated_download"
    routes: ClassVar[frozenset[str]] = frozenset({"download"})
    phase: ClassVar[Phase] = Phase.REQUEST


@dataclass(frozen=True)
class ExpireUrls(_NoOptions):
    """Give out the task's result URLs already expired."""

    name: ClassVar[str] = "expire_urls"
    routes: ClassVar[frozenset[str]] = frozenset({"submit", "sync", "query"})
    phase: ClassVar[Phase] = Phase.TASK


@dataclass(frozen=True)
class UnknownStatus(_NoOptions):
    """Reply that the queried task is UNKNOWN, as for an expired or foreign task id."""

    name: ClassVar[str] = "unknown"
    routes: ClassVar[frozenset[str]] = frozenset({"query"})
    phase: ClassVar[Phase] = Phase.REQUEST


FaultAction = (
    HttpError
    | TaskFailed
    | PartialFailure
    | Stall
    | NonJson
    | Drop
    | DropAfterCreate
    | MalformedJson
    | TruncatedDownload
    | ExpireUrls
    | UnknownStatus
)
ACTIONS: dict[str, type[FaultAction]] = {
    action.name: action
    for action in (
        HttpError,
        TaskFailed,
        PartialFailure,
        Stall,
        NonJson,
        Drop,
        DropAfterCreate,
        MalformedJson,
        TruncatedDownload,
        ExpireUrls,
        UnknownStatus,
    )
}


@dataclass(frozen=True)
class FaultRule:
    """One fault rule and how often it has fired."""

    id: int
    route: str
    action: FaultAction
    model: str | None = None
    task: str | None = None
    # Firings before the rule is spent; 0 means no limit.
    times: int = 1
    probability: float | None = None
    fired: int = 0

    @property
    def exhausted(self) -> bool:
        return self.times != 0 and self.fired >= self.times

    @property
    def spec(self) -> str:
        """Return the rule in SPEC syntax; ``FaultTable.add_spec`` reads it back."""
        words = [self.route, self.action.name]
        words += [f"{name}={value}" for name, value in self.action.options()]
        if self.model is not None:
            words.append(f"model={self.model}")
        if self.task is not None:
            words.append(f"task={self.task}")
        words.append(f"times={self.times}")
        if self.probability is not None:
            words.append(f"probability={self.probability:g}")
        return shlex.join(words)

    def __str__(self) -> str:
        return self.spec


@dataclass(frozen=True)
class FiredFault:
    """One firing of a rule: when, on which route, request, model and task."""

    time: float
    rule_id: int
    spec: str
    route: str
    request_id: str | None
    model: str | None
    task_id: str | None


@dataclass(frozen=True)
class ParsedSpec:
    """The parts of a SPEC string."""

    route: str
    action: FaultAction
    model: str | None
    task: str | None
    times: int | None
    probability: float | None


def parse_spec(spec: str) -> ParsedSpec:
    """Parse a SPEC string (see the module documentation); raise ValueError when invalid."""
    try:
        words = shlex.split(spec)
    except ValueError as error:
        raise ValueError(f"fault spec {spec!r} cannot be split into words: {error}") from None
    if len(words) < 2:
        raise ValueError(
            f"fault spec {spec!r} needs a route and an action, "
            "such as 'submit http_error status=500'"
        )

    route, action_name, *option_words = words
    action_type = ACTIONS.get(action_name)
    if action_type is None:
        raise ValueError(
            f"unknown fault action {action_name!r}; use one of {', '.join(sorted(ACTIONS))}"
        )
    options: dict[str, str] = {}
    for word in option_words:
        name, equals, value = word.partition("=")
        if not equals or not name:
            raise ValueError(f"fault option {word!r} is not NAME=VALUE")
        if name in options:
            raise ValueError(f"fault option {name} is given twice in {spec!r}")
        options[name] = value

    model = options.pop("model", None)
    task = options.pop("task", None)
    times_text = options.pop("times", None)
    probability_text = options.pop("probability", None)
    action = action_type.from_options(options)
    return ParsedSpec(
        route=route,
        action=action,
        model=model or None,
        task=task or None,
        times=None if times_text is None else _integer("times", times_text),
        probability=None if probability_text is None else _number("probability", probability_text),
    )


class FaultTable:
    """Thread-safe fault rules of one emulator, with a seeded generator for probabilities."""

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._fired: deque[FiredFault] = deque(maxlen=MAX_FIRED_RECORDS)
        self._random = random.Random(seed)
        self._next_id = 1

    def add(
        self,
        route: str,
        action: FaultAction,
        *,
        model: str | None = None,
        task: str | None = None,
        times: int | None = None,
        probability: float | None = None,
    ) -> FaultRule:
        """Add a rule after the existing ones and return it.

        ``times`` defaults to 1, or to 0 (no limit) when ``probability`` is given.
        Raises ValueError when the action does not apply to the route or a filter
        does not apply to it.
        """
        _check_route(route, action, model, task)
        if times is None:
            times = 1 if probability is None else 0
        if times < 0:
            raise ValueError(f"fault times={times}; use 0 (no limit) or more")
        if probability is not None and not 0 < probability <= 1:
            raise ValueError(f"fault probability={probability}; use more than 0 and at most 1")
        with self._lock:
            rule = FaultRule(self._next_id, route, action, model, task, times, probability)
            self._next_id += 1
            self._rules.append(rule)
        logger.info("fault rule %d added: %s", rule.id, rule.spec)
        return rule

    def add_spec(self, spec: str) -> FaultRule:
        """Add a rule written in SPEC syntax; raise ValueError when it is invalid."""
        parsed = parse_spec(spec)
        return self.add(
            parsed.route,
            parsed.action,
            model=parsed.model,
            task=parsed.task,
            times=parsed.times,
            probability=parsed.probability,
        )

    def remove(self, rule_id: int) -> None:
        """Remove a rule by id; raise KeyError when no rule has that id."""
        with self._lock:
            for index, rule in enumerate(self._rules):
                if rule.id == rule_id:
                    del self._rules[index]
                    return
        raise KeyError(rule_id)

    def clear(self) -> None:
        """Remove every rule; the record of fired faults is kept."""
        with self._lock:
            self._rules.clear()

    def reseed(self, seed: int) -> None:
        with self._lock:
            self._random.seed(seed)

    @property
    def rules(self) -> list[FaultRule]:
        """Return the rules in matching order, spent ones included."""
        with self._lock:
            return list(self._rules)

    @property
    def fired(self) -> list[FiredFault]:
        """Return the faults fired so far, oldest first."""
        with self._lock:
            return list(self._fired)

    def take(
        self,
        phase: Phase,
        route: str,
        *,
        models: Collection[str],
        task_id: str | None,
        time: float,
        request_id: str | None,
    ) -> FaultRule | None:
        """Return the first armed rule of ``phase`` that matches and fires, and count it.

        ``models`` are the names the request's model goes by (as sent and its
        catalog id), empty when the route has no model.
        """
        with self._lock:
            for index, rule in enumerate(self._rules):
                if rule.exhausted or rule.action.phase is not phase:
                    continue
                if rule.route not in (route, ANY_ROUTE) or route not in rule.action.routes:
                    continue
                if rule.model is not None and rule.model not in models:
                    continue
                if rule.task is not None and rule.task != task_id:
                    continue
                if rule.probability is not None and self._random.random() >= rule.probability:
                    continue
                fired = replace(rule, fired=rule.fired + 1)
                self._rules[index] = fired
                model = next(iter(models), None)
                record = FiredFault(time, rule.id, rule.spec, route, request_id, model, task_id)
                self._fired.append(record)
                break
            else:
                return None
        logger.info("fault rule %d fired on %s (request %s)", fired.id, route, request_id)
        return fired


def _check_route(route: str, action: FaultAction, model: str | None, task: str | None) -> None:
    if route == ANY_ROUTE:
        if action.routes != ALL_ROUTES:
            allowed = ", ".join(sorted(action.routes))
            raise ValueError(f"fault action {action.name} works only on {allowed}, not on any")
    elif route not in ROUTES:
        raise ValueError(f"unknown fault route {route!r}; use one of {', '.join(ROUTES)} or any")
    elif route not in action.routes:
        allowed = ", ".join(sorted(action.routes))
        raise ValueError(f"fault action {action.name} works only on {allowed}, not on {route}")
    if task is not None and route != ANY_ROUTE and route not in TASK_ROUTES:
        raise ValueError(f"a task filter applies to query, cancel and download, not to {route}")
    if model is not None and route == "list":
        raise ValueError("a model filter does not apply to list, which names no model")

"""Turn a request or a recorded exchange into a script for bash, cmd.exe, PowerShell or Python.

An export is built in two steps. ``plan_request`` and ``plan_exchange`` reduce the
input to a ``CallPlan``: one HTTP call plus what follows it (polling an async task,
downloading the result images). A renderer then writes the plan in one language.

Every export names the API key by the ``DASHSCOPE_API_KEY`` environment variable in
the syntax of its language and never contains a key value. Recorded exchanges only
contain the key's fingerprint, so their Authorization header is rebuilt from the
variable. The finished text also passes through the redactor as a last guard.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gui.core.catalog import Catalog
from gui.core.exchanges import SHORTENED_MARKER, Exchange
from gui.core.request import ASYNC_HEADER, ApiRequest
from gui.core.secrets import ENV_VARIABLE, REDACTOR

FORMATS = ("bash", "cmd", "powershell", "python", "sdk")

KEY_VARIABLE = ENV_VARIABLE

# Exported scripts query a task while it has one of these statuses and stop at any
# other: SUCCEEDED, FAILED, CANCELED, UNKNOWN, or a response without a status.
WAITING_STATUSES = ("PENDING", "RUNNING", "SUSPENDED")

# Seconds between task queries in exported scripts. The documentation suggests
# about 10 s for image tasks; the official SDK starts at 1 s and backs off to 5 s.
POLL_SECONDS = 5

# The cmd.exe export sends its body from this file, because cmd.exe passes
# non-ASCII command line text in the console code page instead of UTF-8.
BODY_FILE = "request.json"

API_PREFIX = "/api/v1"

# Request headers the HTTP client adds by itself; exports leave them out so that
# each tool sets its own. Authorization is rebuilt from the environment variable.
_CLIENT_HEADERS = frozenset(
    {"host", "content-length", "accept-encoding", "connection", "user-agent", "accept",
     "authorization"}
)

# Canonical spelling of the headers DashScope documents.
_HEADER_NAMES = {
    "content-type": "Content-Type",
    "x-dashscope-async": ASYNC_HEADER,
    "x-dashscope-workspace": "X-DashScope-WorkSpace",
    "x-dashscope-ossresourceresolve": "X-DashScope-OssResourceResolve",
    "x-dashscope-datainspection": "X-DashScope-DataInspection",
}

WORKSPACE_HEADER = "X-DashScope-WorkSpace"


class ExportError(Exception):
    """Raised when a request cannot be written in the chosen format; the message explains why."""


@dataclass(frozen=True)
class ExportFile:
    """A file an export needs beside its script, such as the cmd.exe request body."""

    name: str
    content: bytes


@dataclass(frozen=True)
class Export:
    """A finished export: the script, its suggested file name and any extra files.

    ``encoding`` is how ``write`` stores the script. PowerShell scripts get a byte
    order mark because Windows PowerShell 5.1 reads a file without one in the
    ANSI code page, which garbles Chinese text.
    """

    format: str
    file_name: str
    script: str
    files: tuple[ExportFile, ...] = ()
    encoding: str = "utf-8"

    def text(self) -> str:
        """Return the script, followed by each extra file with a line naming it.

        This is the text for the clipboard. When there are extra files it starts
        with a line that explains how to split it.
        """
        if not self.files:
            return self.script
        parts = [
            f"This export has {len(self.files) + 1} parts. Save each part under the name in "
            f"its ===== line, encoded as UTF-8, in one folder, and run {self.file_name} there."
        ]
        for extra in self.files:
            parts.append(f"===== {extra.name} =====")
            parts.append(extra.content.decode("utf-8").rstrip("\n"))
        parts.append(f"===== {self.file_name} =====")
        parts.append(self.script.rstrip("\n"))
        return "\n".join(parts) + "\n"

    def write(self, folder: Path) -> list[Path]:
        """Write the script and its extra files into ``folder``; return their paths."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for extra in self.files:
            path = folder / extra.name
            path.write_bytes(extra.content)
            written.append(path)
        script_path = folder / self.file_name
        newline = "\r\n" if self.format in ("cmd", "powershell") else "\n"
        with script_path.open("w", encoding=self.encoding, newline=newline) as handle:
            handle.write(self.script)
        written.append(script_path)
        return written


@dataclass(frozen=True)
class CallPlan:
    """One HTTP call to export and what the script does after it.

    ``follow_up`` is ``"poll"`` for an async submit (query the task until it ends,
    then download its images), ``"download"`` for a sync model call, and None for
    any other call. ``base_url`` and ``path`` are set when the URL contains
    ``/api/v1``. ``authorize`` adds the Authorization header built from the
    environment variable.
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    authorize: bool
    follow_up: str | None = None
    base_url: str | None = None
    path: str | None = None
    model: str | None = None
    protocol: str | None = None
    description: str = ""

    @property
    def is_async(self) -> bool:
        return any(
            name.lower() == ASYNC_HEADER.lower() and value.strip().lower() == "enable"
            for name, value in self.headers
        )

    @property
    def workspace(self) -> str | None:
        for name, value in self.headers:
            if name.lower() == WORKSPACE_HEADER.lower():
                return value
        return None

    @property
    def task_headers(self) -> tuple[tuple[str, str], ...]:
        """Return the headers a task query repeats: only the workspace, when set."""
        workspace = self.workspace
        return ((WORKSPACE_HEADER, workspace),) if workspace else ()

    def body_text(self) -> str:
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ExportError(
                f"The request body is not UTF-8 text (byte {error.start} is "
                f"0x{self.body[error.start]:02X}), so it cannot be written into a script."
            ) from None

    def body_json(self) -> Any:
        """Return the body parsed as JSON, or None when it is empty or not JSON."""
        if not self.body:
            return None
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None

    def tasks_url(self) -> str:
        if self.base_url is None:
            raise ExportError(f"{self.url} has no {API_PREFIX} part, so the task URL is unknown.")
        return f"{self.base_url}/tasks"


def body_bytes(body: Mapping[str, Any]) -> bytes:
    """Encode a request body exactly as the app's HTTP client sends it."""
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def split_api_url(url: str) -> tuple[str, str] | None:
    """Split a URL into the base URL ending in ``/api/v1`` and the path after it.

    The query string is dropped. Returns None when the URL has no ``/api/v1`` part.
    """
    parts = urlsplit(url)
    marker = parts.path.find(API_PREFIX + "/")
    if marker < 0:
        if parts.path.rstrip("/").endswith(API_PREFIX):
            base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
            return base, ""
        return None
    base = f"{parts.scheme}://{parts.netloc}{parts.path[: marker + len(API_PREFIX)]}"
    return base, parts.path[marker + len(API_PREFIX) + 1 :]


def canonical_header_name(name: str) -> str:
    known = _HEADER_NAMES.get(name.lower())
    if known:
        return known
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _protocol_of(body: Any, catalog: Catalog | None, model_id: str | None) -> str | None:
    if catalog is not None and model_id:
        model = catalog.get(model_id)
        if model is not None:
            return model.protocol
    if not isinstance(body, Mapping):
        return None
    body_input = body.get("input")
    if isinstance(body_input, Mapping) and "messages" in body_input:
        return "messages"
    if isinstance(body_input, Mapping) and "prompt" in body_input:
        return "prompt"
    return None


def plan_request(
    request: ApiRequest,
    base_url: str,
    *,
    workspace: str | None = None,
    catalog: Catalog | None = None,
) -> CallPlan:
    """Plan the export of a request the app would send to ``base_url``."""
    if not base_url:
        raise ExportError("The region has no base URL; choose a region or give a base URL.")
    base = base_url.rstrip("/")
    headers = list(request.headers().items())
    if workspace:
        headers.append((WORKSPACE_HEADER, workspace))
    kind = "task" if request.is_async else "direct call"
    return CallPlan(
        method="POST",
        url=f"{base}/{request.path.lstrip('/')}",
        headers=tuple(headers),
        body=body_bytes(request.body),
        authorize=True,
        follow_up="poll" if request.is_async else "download",
        base_url=base,
        path=request.path.lstrip("/"),
        model=request.model,
        protocol=_protocol_of(request.body, catalog, request.model),
        description=f"{request.model} {kind}",
    )


def plan_exchange(exchange: Exchange, *, catalog: Catalog | None = None) -> CallPlan:
    """Plan the export of a recorded exchange, sending its recorded body unchanged.

    A submit or sync call gets the same follow-up steps as a request export. Any
    other exchange (task query, cancel, list, download) is exported as that one call.
    """
    if SHORTENED_MARKER.encode() in exchange.request_body:
        raise ExportError(
            "This request's inline images were shortened when it was stored in the history, "
            "so it cannot be repeated from here. Open the task's request in the form and "
            "copy it from there."
        )
    authorize = any(name.lower() == "authorization" for name, _ in exchange.request_headers)
    headers = tuple(
        (canonical_header_name(name), value)
        for name, value in exchange.request_headers
        if name.lower() not in _CLIENT_HEADERS
    )
    split = split_api_url(exchange.url)
    base_url, path = split if split else (None, None)
    plan = CallPlan(
        method=exchange.method.upper(),
        url=exchange.url,
        headers=headers,
        body=exchange.request_body,
        authorize=authorize,
        base_url=base_url,
        path=path,
        description=f"{exchange.kind} exchange {exchange.id}",
    )
    body = plan.body_json()
    is_model_call = (
        plan.method == "POST"
        and path is not None
        and path.startswith("services/")
        and isinstance(body, Mapping)
    )
    if not is_model_call:
        return plan
    assert isinstance(body, Mapping)
    model_id = body.get("model") if isinstance(body.get("model"), str) else None
    kind = "task" if plan.is_async else "direct call"
    return CallPlan(
        method=plan.method,
        url=plan.url,
        headers=plan.headers,
        body=plan.body,
        authorize=plan.authorize,
        follow_up="poll" if plan.is_async else "download",
        base_url=base_url,
        path=path,
        model=model_id,
        protocol=_protocol_of(body, catalog, model_id),
        description=f"{model_id or 'model'} {kind}",
    )


def render(plan: CallPlan, export_format: str) -> Export:
    """Write ``plan`` in ``export_format`` (one of FORMATS)."""
    from gui.core import export_python, export_shell

    renderers = {
        "bash": export_shell.render_bash,
        "cmd": export_shell.render_cmd,
        "powershell": export_shell.render_powershell,
        "python": export_python.render_httpx,
        "sdk": export_python.render_sdk,
    }
    renderer = renderers.get(export_format)
    if renderer is None:
        raise ExportError(
            f"Unknown export format {export_format!r}; use one of {', '.join(FORMATS)}."
        )
    export = renderer(plan)
    return _redacted(export)


def export_request(
    request: ApiRequest,
    base_url: str,
    export_format: str,
    *,
    workspace: str | None = None,
    catalog: Catalog | None = None,
) -> Export:
    """Export a request as a script that sends it to ``base_url``."""
    plan = plan_request(request, base_url, workspace=workspace, catalog=catalog)
    return render(plan, export_format)


def export_exchange(
    exchange: Exchange, export_format: str, *, catalog: Catalog | None = None
) -> Export:
    """Export a recorded exchange as a script that repeats it."""
    return render(plan_exchange(exchange, catalog=catalog), export_format)


def _redacted(export: Export) -> Export:
    files = tuple(
        ExportFile(extra.name, REDACTOR.redact_bytes(extra.content)) for extra in export.files
    )
    return Export(
        format=export.format,
        file_name=export.file_name,
        script=REDACTOR.redact(export.script),
        files=files,
        encoding=export.encoding,
    )

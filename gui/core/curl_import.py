"""Import a curl command as people paste it from documentation, browsers or chat.

``import_curl`` finds the first curl command in the text, reads its options and
returns the DashScope request it sends: method, base URL, endpoint path, whether
the async header is set, and the JSON body with non-ASCII text unchanged. It
accepts bash, cmd.exe and PowerShell syntax (see ``gui.core.shell_words``).

A key pasted into the command is returned apart from everything else, in
``ImportedCurl.api_key``, which ``repr`` and ``summary()`` leave out, so the UI
can offer to move it into the key store and nothing else ever writes it down.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

from gui.core.catalog import Catalog, ModelSpec
from gui.core.exports import split_api_url
from gui.core.regions import region_for_base_url
from gui.core.request import ASYNC_HEADER, read_body
from gui.core.secrets import REDACTOR, fingerprint
from gui.core.shell_words import (
    SHELLS,
    Command,
    ShellSyntaxError,
    Word,
    detect_shell,
    split_commands,
)

# Options that change what curl prints, how it connects or follows redirects, but
# not the request itself.
_IGNORED_FLAGS = frozenset(
    {
        "-s", "--silent", "-S", "--show-error", "-L", "--location", "-k", "--insecure",
        "-v", "--verbose", "-i", "--include", "--compressed", "-f", "--fail",
        "--fail-with-body", "-g", "--globoff", "-N", "--no-buffer", "--http1.0",
        "--http1.1", "--http2", "--http2-prior-knowledge", "-#", "--progress-bar",
        "--no-progress-meter", "-O", "--remote-name", "-J", "--remote-header-name", "-q",
        "--location-trusted", "--raw", "--tr-encoding", "--no-keepalive", "-4", "-6",
        "--ipv4", "--ipv6", "--ssl-no-revoke", "--path-as-is", "-Z", "--parallel",
        "--tcp-nodelay", "--tlsv1.2", "--tlsv1.3", "--ssl-reqd", "--no-sessionid",
    }
)
_IGNORED_WITH_VALUE = frozenset(
    {
        "-o", "--output", "-w", "--write-out", "-m", "--max-time", "--connect-timeout",
        "--retry", "--retry-delay", "--retry-max-time", "-x", "--proxy", "-U", "--proxy-user",
        "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
        "--cacert", "--capath", "--cert", "--key", "-E", "--limit-rate", "-r", "--range",
        "--resolve", "--connect-to", "--interface", "--output-dir", "--proto",
        "--proto-default", "--max-redirs", "-y", "--speed-time", "-Y", "--speed-limit",
        "--dns-servers", "--noproxy", "--trace", "--trace-ascii", "--stderr",
        "--expect100-timeout", "-D", "--dump-header", "--keepalive-time", "--cert-type",
        "--key-type", "--pass", "--ciphers",
    }
)
_DATA_OPTIONS = {
    "-d": "data", "--data": "data", "--data-ascii": "data", "--data-binary": "binary",
    "--data-raw": "raw", "--json": "json",
}
_REJECTED_OPTIONS = {
    "-F": "sends a multipart form, but the DashScope image APIs take a JSON body",
    "--form": "sends a multipart form, but the DashScope image APIs take a JSON body",
    "--form-string": "sends a multipart form, but the DashScope image APIs take a JSON body",
    "--data-urlencode": "URL-encodes the body, but the DashScope image APIs take a JSON body",
    "-T": "uploads a file with PUT, which the DashScope image APIs do not use",
    "--upload-file": "uploads a file with PUT, which the DashScope image APIs do not use",
    "-K": "reads more options from a file, which PixelPost cannot see",
    "--config": "reads more options from a file, which PixelPost cannot see",
}
_SHORT_FLAGS = set("sSLkvifgNOJq46GIZ#")
_SHORT_WITH_VALUE = set("XHdowmxUAebcuErDKTFyY")

# Workspace domains: https://{WorkspaceId}.{region-id}.maas.aliyuncs.com/api/v1
_WORKSPACE_HOST = re.compile(r"^(?P<workspace>[^.]+)\.(?P<region>[a-z0-9-]+)\.maas\.aliyuncs\.com$")
_REGION_CODES = {"cn-beijing": "beijing", "ap-southeast-1": "singapore", "us-east-1": "virginia"}

_KEY_PLACEHOLDER = re.compile(
    r"[<>{}\[\]]|your|api[-_ ]?key|x{3,}|\.\.\.|…|\*{3,}|^sk-$|^\$", re.IGNORECASE
)


class CurlImportError(Exception):
    """Raised when the text is not a curl command PixelPost can import.

    The message gives the reason. ``line`` and ``column`` point into the pasted
    text when the problem has a place.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class KeyReference:
    """The command's authentication: an environment variable, a literal key, or nothing.

    ``kind`` is ``environment``, ``literal``, ``placeholder`` or ``missing``.
    ``text`` is the reference as written (``$DASHSCOPE_API_KEY``), the key's
    fingerprint for a literal key, or the placeholder text.
    """

    kind: str
    text: str = ""
    variable: str | None = None
    shell: str | None = None

    def describe(self) -> str:
        if self.kind == "environment":
            shell = {"bash": "bash", "cmd": "cmd.exe", "powershell": "PowerShell"}
            return (
                f"environment variable {self.variable}, written {self.text} for "
                f"{shell.get(self.shell or '', 'the shell')}; the key itself is not in the command"
            )
        if self.kind == "literal":
            return f"a literal API key ({self.text}) written in the command"
        if self.kind == "placeholder":
            return f"a placeholder ({self.text}) instead of a key"
        return "no Authorization header"


@dataclass(frozen=True)
class ImportedCurl:
    """The request a curl command sends, with notes on what was ignored or guessed.

    ``api_key`` contains a key written literally in the command and is kept out of
    ``repr`` and ``summary()``; store it only in the key store.
    """

    method: str
    url: str
    base_url: str
    path: str
    async_header: bool
    body: Any
    body_text: str | None
    headers: tuple[tuple[str, str], ...]
    key: KeyReference
    shell: str
    notes: tuple[str, ...] = ()
    api_key: str | None = field(default=None, repr=False, compare=False)

    @property
    def has_literal_key(self) -> bool:
        return self.api_key is not None

    @property
    def workspace(self) -> str | None:
        for name, value in self.headers:
            if name.lower() == "x-dashscope-workspace":
                return value
        return None

    def summary(self) -> dict[str, Any]:
        """Return the request as JSON-ready data, without the key."""
        return {
            "method": self.method,
            "base_url": self.base_url,
            "path": self.path,
            "async_header": self.async_header,
            "body": self.body,
            "api_key_reference": self.key.describe(),
            "headers": [[name, value] for name, value in self.headers],
            "shell": self.shell,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class CatalogMatch:
    """The catalog model, call mode and region of an imported request.

    ``values`` and ``extra`` come from ``read_body``: the form values and the body
    parts no field covers. ``problems`` explains anything that does not fit.
    """

    model_id: str | None
    model: ModelSpec | None
    mode: str | None
    region: str | None
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass
class _Options:
    method: str | None = None
    urls: list[Word] = field(default_factory=list)
    headers: list[Word] = field(default_factory=list)
    data: list[tuple[str, Word]] = field(default_factory=list)
    get: bool = False
    head: bool = False
    ignored: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    user: bool = False


def import_curl(text: str, *, folder: Path | None = None, shell: str | None = None) -> ImportedCurl:
    """Read the first curl command in ``text`` and return the request it sends.

    ``folder`` is where ``-d @FILE`` bodies are read from. ``shell`` forces the
    syntax (``bash``, ``cmd`` or ``powershell``); by default it is detected.
    Raises CurlImportError with the problem and, where it has one, its position.
    """
    text = text.lstrip("\ufeff")
    if shell is None:
        shell = detect_shell(text)
    elif shell not in SHELLS:
        raise ValueError(f"unknown shell {shell!r}; use one of {SHELLS}")
    try:
        commands = split_commands(text, shell)
    except ShellSyntaxError as error:
        raise CurlImportError(f"{error}.", error.line, error.column) from None

    curl_commands = [command for command in commands if _curl_start(command) is not None]
    if not curl_commands:
        first = commands[0].words[0] if commands else None
        found = f" (it starts with {first.text!r})" if first else " (the text is empty)"
        raise CurlImportError(
            "This is not a curl command: no line starts with curl or curl.exe" + found + ".",
            first.line if first else None,
            first.column if first else None,
        )
    command = curl_commands[0]
    notes: list[str] = []
    if len(curl_commands) > 1:
        notes.append(
            f"The text holds {len(curl_commands)} curl commands; the first one was imported."
        )
    start = _curl_start(command)
    assert start is not None
    program = command.words[start].text
    if shell == "powershell" and PurePath(program.replace("\\", "/")).name.lower() == "curl":
        notes.append(
            "In Windows PowerShell 5.1, curl is an alias of Invoke-WebRequest, "
            "which does not take these options; call curl.exe instead."
        )
    options = _read_options(command.words[start + 1 :])
    return _build(options, command, shell, folder, notes)


def _curl_start(command: Command) -> int | None:
    """Return the index of the curl word, after any ``NAME=value`` assignments."""
    for index, word in enumerate(command.words):
        if re.match(r"[A-Za-z_][A-Za-z0-9_]*=", word.text) and index < len(command.words) - 1:
            continue
        name = PurePath(word.text.replace("\\", "/")).name.lower()
        return index if name in ("curl", "curl.exe") else None
    return None


def _read_options(words: list[Word]) -> _Options:
    options = _Options()
    i = 0
    while i < len(words):
        word = words[i]
        text = word.text
        i += 1
        if not text.startswith("-") or text == "-":
            options.urls.append(word)
            continue
        if text.startswith("--"):
            name = text
            value_word: Word | None = None
            if _takes_value(name):
                if i >= len(words):
                    raise CurlImportError(
                        f"The option {name} needs a value, but the command ends after it.",
                        word.line,
                        word.column,
                    )
                value_word = words[i]
                i += 1
            _apply(options, name, value_word, word)
            continue
        # A cluster of short options such as -sSL, or -XPOST with its value attached.
        for offset, letter in enumerate(text[1:], start=1):
            name = "-" + letter
            if letter in _SHORT_WITH_VALUE:
                attached = text[offset + 1 :]
                if attached:
                    value_word = Word(attached, word.line, word.column + offset + 1,
                                      word.expanded, word.literal_references)
                elif i < len(words):
                    value_word = words[i]
                    i += 1
                else:
                    raise CurlImportError(
                        f"The option {name} needs a value, but the command ends after it.",
                        word.line,
                        word.column,
                    )
                _apply(options, name, value_word, word)
                break
            _apply(options, name, None, word)
    return options


def _takes_value(name: str) -> bool:
    return (
        name in _IGNORED_WITH_VALUE
        or name in _DATA_OPTIONS
        or name in _REJECTED_OPTIONS
        or name in ("--request", "--header", "--url", "--user")
    )


def _apply(options: _Options, name: str, value: Word | None, word: Word) -> None:
    if name in _REJECTED_OPTIONS:
        raise CurlImportError(
            f"The option {name} {_REJECTED_OPTIONS[name]}.", word.line, word.column
        )
    if name in ("-X", "--request"):
        assert value is not None
        options.method = value.text.upper()
    elif name in ("-H", "--header"):
        assert value is not None
        options.headers.append(value)
    elif name in _DATA_OPTIONS:
        assert value is not None
        options.data.append((name, value))
    elif name == "--url":
        assert value is not None
        options.urls.append(value)
    elif name in ("-G", "--get"):
        options.get = True
    elif name in ("-I", "--head"):
        options.head = True
    elif name in ("-u", "--user"):
        options.user = True
    elif name in _IGNORED_FLAGS or name in _IGNORED_WITH_VALUE or _is_short_with_value(name):
        options.ignored.append(name)
    else:
        options.unknown.append(name)


def _is_short_with_value(name: str) -> bool:
    return len(name) == 2 and name[0] == "-" and name[1] in _SHORT_WITH_VALUE


def _build(
    options: _Options, command: Command, shell: str, folder: Path | None, notes: list[str]
) -> ImportedCurl:
    if not options.urls:
        raise CurlImportError("The curl command has no URL.")
    url_word = options.urls[0]
    if len(options.urls) > 1:
        others = ", ".join(word.text for word in options.urls[1:])
        notes.append(f"curl would also request {others}; only the first URL was imported.")
    url = url_word.text.strip()
    if url_word.expanded or re.search(r"\$\{?[A-Za-z_]|%[A-Za-z_]\w{2,}%", url):
        names = ", ".join(url_word.expanded) or url
        raise CurlImportError(
            f"The URL uses the variable {names}, whose value is not in the command; "
            "replace it with the URL.",
            url_word.line,
            url_word.column,
        )
    if "://" not in url:
        notes.append(f"The URL has no scheme; https:// was assumed for {url}.")
        url = "https://" + url
    split = split_api_url(url)
    if split is None:
        raise CurlImportError(
            f"The URL {url} has no /api/v1/ part, so it is not a Model Studio API URL.",
            url_word.line,
            url_word.column,
        )
    base_url, path = split

    headers: list[tuple[str, str]] = []
    authorization: Word | None = None
    for header_word in options.headers:
        name, separator, value = header_word.text.partition(":")
        if not separator:
            notes.append(f"Ignored the header {header_word.text!r}, which has no colon.")
            continue
        name = name.strip()
        if name.lower() == "authorization":
            authorization = header_word
            continue
        headers.append((name, value.strip()))
    async_header = any(
        name.lower() == ASYNC_HEADER.lower() and value.lower() == "enable"
        for name, value in headers
    )
    key, api_key = _key_reference(authorization, shell, notes)
    if options.user:
        notes.append("Ignored -u: DashScope authenticates with the Authorization header only.")

    body_text = _body_text(options, command, folder, notes)
    method = options.method or ("POST" if body_text is not None else "GET")
    if options.head:
        method = "HEAD"
    if options.get and body_text is not None:
        notes.append("-G sends the data in the query string; the body was imported as JSON.")
        method = options.method or "GET"
    body = _parse_body(body_text, options, shell, notes) if body_text is not None else None
    sends_json = any(name == "--json" for name, _ in options.data)
    if body_text is not None and not sends_json and not _is_json_content(headers):
        notes.append(
            "The command sets no Content-Type: application/json header; PixelPost sends one."
        )

    if options.ignored:
        unique = ", ".join(dict.fromkeys(options.ignored))
        notes.append(
            f"Ignored {unique} (options for curl's output or connection, not the request)."
        )
    if options.unknown:
        unique = ", ".join(dict.fromkeys(options.unknown))
        notes.append(f"Ignored {unique}, which PixelPost does not know.")
    return ImportedCurl(
        method=method,
        url=url,
        base_url=base_url,
        path=path,
        async_header=async_header,
        body=body,
        body_text=body_text,
        headers=tuple(headers),
        key=key,
        shell=shell,
        notes=tuple(notes),
        api_key=api_key,
    )


def _is_json_content(headers: list[tuple[str, str]]) -> bool:
    return any(
        name.lower() == "content-type" and "json" in value.lower() for name, value in headers
    )


def _key_reference(
    header: Word | None, shell: str, notes: list[str]
) -> tuple[KeyReference, str | None]:
    """Return how the Authorization header gives the key, and the key if written literally."""
    if header is None:
        return KeyReference("missing"), None

    value = header.text.partition(":")[2].strip()
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer":
        token = value
        notes.append("The Authorization header does not start with Bearer; DashScope expects it.")
    token = token.strip()

    patterns = {
        "bash": r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?",
        "cmd": r"%([A-Za-z_][A-Za-z0-9_]*)%",
        "powershell": r"\$(?:\{env:([A-Za-z_]\w*)\}|env:([A-Za-z_]\w*))",
    }
    match = re.fullmatch(patterns[shell], token, re.IGNORECASE)
    if match:
        variable = next(group for group in match.groups() if group)
        if variable in header.literal_references and variable not in header.expanded:
            notes.append(
                f"The Authorization header is in single quotes, so the shell sends the text "
                f"{token} instead of the key in {variable}; use double quotes."
            )
        return KeyReference("environment", token, variable, shell), None

    if not token or _KEY_PLACEHOLDER.search(token):
        return KeyReference("placeholder", token or "(empty)"), None

    # A literal key: scrub it from every log line from now on.
    REDACTOR.register(token)
    notes.append(
        f"The command contains an API key ({fingerprint(token)}). Store it in the key "
        "store and refer to it by an environment variable in shared commands."
    )
    return KeyReference("literal", fingerprint(token)), token


def _body_text(
    options: _Options, command: Command, folder: Path | None, notes: list[str]
) -> str | None:
    if not options.data:
        return None
    parts = []
    for name, word in options.data:
        kind = _DATA_OPTIONS[name]
        value = word.text
        if kind != "raw" and value.startswith("@"):
            content = _read_body_source(value[1:], word, command, folder, notes)
            if kind == "data":
                # curl drops carriage returns and newlines from -d @FILE contents.
                content = content.replace("\r", "").replace("\n", "")
            parts.append(content)
        else:
            parts.append(value)
        if word.expanded:
            notes.append(
                f"The body uses {', '.join(word.expanded)}, whose value is not in the command; "
                "the text was kept as written."
            )
    if len(parts) > 1:
        notes.append(f"curl joins its {len(parts)} data options with '&'.")
    return "&".join(parts)


def _read_body_source(
    name: str, word: Word, command: Command, folder: Path | None, notes: list[str]
) -> str:
    if name == "-":
        if command.stdin is None:
            raise CurlImportError(
                "The body is read from standard input (@-); paste the body into the "
                "command or save it to a file and use @FILE.",
                word.line,
                word.column,
            )
        return command.stdin
    if folder is None:
        raise CurlImportError(
            f"The body is read from the file {name}; pass the folder that contains it.",
            word.line,
            word.column,
        )
    path = folder / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CurlImportError(
            f"The body file {name} was not found in {folder}; save the body there "
            "or import the command from the folder that holds it.",
            word.line,
            word.column,
        ) from None
    except OSError as error:
        raise CurlImportError(
            f"Reading the body file {path} failed: {error.strerror}.", word.line, word.column
        ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        notes.append(
            f"{name} starts with a UTF-8 byte order mark, which curl sends and the service "
            "may reject; the mark was dropped. Save the file as UTF-8 without BOM."
        )
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CurlImportError(
            f"The body file {name} is not UTF-8 (byte 0x{data[error.start]:02X} at offset "
            f"{error.start}); save it as UTF-8.",
            word.line,
            word.column,
        ) from None


def _parse_body(text: str, options: _Options, shell: str, notes: list[str]) -> Any:
    word = options.data[0][1]
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if shell == "powershell" and '\\"' in text:
            try:
                body = json.loads(text.replace('\\"', '"'))
            except json.JSONDecodeError:
                pass
            else:
                notes.append(
                    'The body escapes quotes as \\" for Windows PowerShell 5.1, which passes '
                    'them to curl.exe as "; PowerShell 7.3 and later pass \\" unchanged.'
                )
                return body
        raise CurlImportError(
            f"The request body is not valid JSON: {error.msg} at line {error.lineno}, column "
            f"{error.colno} of the body (the body option is at line {word.line}, column "
            f"{word.column} of the command).",
            word.line,
            word.column,
        ) from None


def region_for_url(base_url: str, sandbox_base_url: str | None = None) -> str | None:
    """Return the region of a base URL, including workspace domains, or None."""
    region = region_for_base_url(base_url)
    if region is not None:
        return region
    if sandbox_base_url and base_url.rstrip("/") == sandbox_base_url.rstrip("/"):
        return "sandbox"
    match = _WORKSPACE_HOST.match(urlsplit(base_url).hostname or "")
    return _REGION_CODES.get(match.group("region")) if match else None


def match_catalog(
    imported: ImportedCurl, catalog: Catalog, *, sandbox_base_url: str | None = None
) -> CatalogMatch:
    """Find the catalog model, call mode and region of an imported request."""
    region = region_for_url(imported.base_url, sandbox_base_url)
    problems: list[str] = []
    if region is None:
        problems.append(f"{imported.base_url} is not the base URL of a known region.")
    body = imported.body if isinstance(imported.body, Mapping) else None
    model_id = body.get("model") if body is not None else None
    if not isinstance(model_id, str):
        problems.append('The body has no "model" string.')
        return CatalogMatch(None, None, None, region, problems=tuple(problems))
    model = catalog.get(model_id)
    if model is None:
        problems.append(f"The model {model_id} is not in the catalog.")
        return CatalogMatch(model_id, None, None, region, problems=tuple(problems))
    assert body is not None
    values, extra = read_body(model, body)

    wanted = imported.path.strip("/")
    modes = [mode for mode, path in model.family.paths.items() if path.strip("/") == wanted]
    mode: str | None = None
    if not modes:
        problems.append(f"{model.id} is not served at {imported.path}.")
    else:
        preferred = "async" if imported.async_header else "sync"
        mode = preferred if preferred in modes else modes[0]
        if mode == "async" and not imported.async_header:
            problems.append(
                f"{imported.path} is a task endpoint, but the command lacks the "
                f"{ASYNC_HEADER}: enable header; the service rejects it with 403 AccessDenied."
            )
        elif mode == "sync" and imported.async_header:
            problems.append(
                f"{imported.path} is a direct-call endpoint, but the command sets "
                f"{ASYNC_HEADER}: enable; the service rejects it with 403 AccessDenied."
            )
    if region is not None and mode is not None and region != "sandbox":
        offered = model.modes(region)
        if mode not in offered:
            problems.append(
                f"{model.id} is not offered as a {mode} call in {region}"
                + (f" (offered: {', '.join(offered)})." if offered else ".")
            )
    return CatalogMatch(model_id, model, mode, region, values, extra, tuple(problems))

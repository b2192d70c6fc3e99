"""Plain-language explanations of DashScope error codes and PixelPost's own errors.

The explanations are read from TOML files in ``resources/errors/``. Each file has
``schema = 1`` and a list of ``[[entry]]`` tables with these keys:

``code``
    The error code exactly as the service sends it (matching is case-sensitive).
``pattern``
    Optional case-insensitive regular expression searched in the server message.
    The entries of one code are tried in file order, and the entry without a
    pattern (exactly one per code) is the fallback when none matches.
``aliases``
    Other spellings of the code, such as ``invalid_api_key``; allowed only on the
    fallback entry.
``action``
    Optional id from ``ACTIONS``: the one step the UI can offer.
``title``, ``cause``, ``fix``
    Tables with non-empty ``en`` and ``zh`` text.

``[generic.<kind>]`` tables, one per kind in ``GENERIC_KINDS``, hold the texts for
codes the catalog lacks and for errors without a code. Their text may contain the
placeholders listed in ``GENERIC_PLACEHOLDERS``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.catalog import Text

SCHEMA_VERSION = 1

ACTIONS = (
    "open_key_manager",
    "switch_region",
    "add_async_header",
    "remove_async_header",
    "retry_later",
    "open_billing_console",
    "use_local_file",
    "copy_request_id",
    "edit_request",
    "resubmit",
)

LANGUAGES = ("en", "zh")
TEXT_FIELDS = ("title", "cause", "fix")

# Placeholders allowed in the text of each generic kind. ``unknown_code`` names the
# code it does not know, and the HTTP-status kinds name the status.
GENERIC_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "unknown_code": frozenset({"code"}),
    "no_code": frozenset(),
    "server_error": frozenset({"status"}),
    "request_rejected": frozenset({"status"}),
}
GENERIC_KINDS = tuple(GENERIC_PLACEHOLDERS)

_ENTRY_KEYS = frozenset({"code", "pattern", "aliases", "action", *TEXT_FIELDS})
_GENERIC_KEYS = frozenset({"action", *TEXT_FIELDS})
_FILE_KEYS = frozenset({"schema", "entry", "generic"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class ErrorCatalogError(Exception):
    """Raised when an error explanation file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Explanation:
    """An error as received, with what it means and what the user can do about it."""

    code: str | None
    message: str | None
    request_id: str | None
    status: int | None
    title: Text
    cause: Text
    fix: Text
    action: str | None
    known: bool


@dataclass(frozen=True)
class ErrorEntry:
    """One explanation of an error code, or of a generic kind of error.

    ``pattern`` selects the entry by the server message, and None marks the
    code's fallback. ``source`` is the file the entry came from, for error messages.
    """

    code: str
    title: Text
    cause: Text
    fix: Text
    action: str | None = None
    pattern: re.Pattern[str] | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""


class ErrorCatalog:
    """Explanations found by error code, alias and server message."""

    def __init__(self, entries: Iterable[ErrorEntry], generic: Mapping[str, ErrorEntry]) -> None:
        """Index ``entries`` by code and alias.

        Raises ErrorCatalogError when a code lacks a fallback entry or has two,
        when its entries are split over several files, when an alias is used twice
        or shadows a code, or when a generic kind is missing.
        """
        self._entries: dict[str, list[ErrorEntry]] = {}
        for entry in entries:
            same_code = self._entries.setdefault(entry.code, [])
            if same_code and same_code[0].source != entry.source:
                raise ErrorCatalogError(
                    f"{entry.source}: entries for code {entry.code!r} are split between "
                    f"{same_code[0].source} and {entry.source}; keep them in one file"
                )
            same_code.append(entry)

        self._fallbacks: dict[str, ErrorEntry] = {}
        for code, same_code in self._entries.items():
            fallbacks = [entry for entry in same_code if entry.pattern is None]
            source = same_code[0].source
            if not fallbacks:
                raise ErrorCatalogError(
                    f"{source}: code {code!r} has no entry without a pattern to use as fallback"
                )
            if len(fallbacks) > 1:
                raise ErrorCatalogError(
                    f"{source}: code {code!r} has {len(fallbacks)} entries without a pattern; "
                    "give all but one a pattern"
                )
            self._fallbacks[code] = fallbacks[0]

        self._aliases: dict[str, str] = {}
        for code, fallback in self._fallbacks.items():
            for alias in fallback.aliases:
                if alias in self._entries:
                    raise ErrorCatalogError(
                        f"{fallback.source}: alias {alias!r} of {code!r} is also a code"
                    )
                if alias in self._aliases:
                    raise ErrorCatalogError(
                        f"{fallback.source}: alias {alias!r} of {code!r} is already "
                        f"an alias of {self._aliases[alias]!r}"
                    )
                self._aliases[alias] = code

        missing = [kind for kind in GENERIC_KINDS if kind not in generic]
        if missing:
            raise ErrorCatalogError(f"generic explanations missing: {', '.join(missing)}")
        self._generic = dict(generic)

    def codes(self) -> list[str]:
        """Return every code and alias the catalog explains, sorted."""
        return sorted([*self._entries, *self._aliases])

    def explain(
        self,
        code: str | None,
        message: str | None = None,
        *,
        status: int | None = None,
        request_id: str | None = None,
    ) -> Explanation:
        """Explain an error from its code, server message and HTTP status.

        A known code (or alias) gives its first entry whose pattern matches
        ``message``, else its fallback. An unknown code gives a generic
        "unexpected error" explanation. Without a code, the HTTP status picks a
        generic server-error (5xx) or request-rejected (4xx) explanation.
        ``known`` is True only when the code is in the catalog.
        """
        known = False
        if not code:
            entry = self._generic[_generic_kind_for_status(status)]
        else:
            main_code = self._aliases.get(code, code)
            if main_code in self._entries:
                entry = self._select(main_code, message)
                known = True
            else:
                entry = self._generic["unknown_code"]

        values = {"code": code or "", "status": "" if status is None else str(status)}
        return Explanation(
            code=code,
            message=message,
            request_id=request_id,
            status=status,
            title=_fill_placeholders(entry.title, values),
            cause=_fill_placeholders(entry.cause, values),
            fix=_fill_placeholders(entry.fix, values),
            action=entry.action,
            known=known,
        )

    def _select(self, code: str, message: str | None) -> ErrorEntry:
        if message:
            for entry in self._entries[code]:
                if entry.pattern is not None and entry.pattern.search(message):
                    return entry
        return self._fallbacks[code]


def _generic_kind_for_status(status: int | None) -> str:
    if status is not None and 500 <= status <= 599:
        return "server_error"
    if status is not None and 400 <= status <= 499:
        return "request_rejected"
    return "no_code"


def _fill_placeholders(text: Text, values: Mapping[str, str]) -> Text:
    def fill(template: str) -> str:
        return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)

    return Text(fill(text.en), fill(text.zh))


# --- Loading -------------------------------------------------------------------------


def load_error_catalog(directory: Path | None = None) -> ErrorCatalog:
    """Read and check every ``*.toml`` file in ``directory``.

    The default directory is ``resources/errors``. Raises ErrorCatalogError naming
    the file and the entry at the first problem found.
    """
    if directory is None:
        from gui.core.resources import resource_dir

        directory = resource_dir() / "errors"
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise ErrorCatalogError(f"no error explanation files (*.toml) found in {directory}")

    entries: list[ErrorEntry] = []
    generic: dict[str, ErrorEntry] = {}
    for path in files:
        document = _read_toml(path)
        file_entries, file_generic = _parse_file(document, path.name)
        entries.extend(file_entries)
        for kind, entry in file_generic.items():
            if kind in generic:
                raise ErrorCatalogError(
                    f"{path.name}: generic.{kind} is already defined in {generic[kind].source}"
                )
            generic[kind] = entry

    try:
        return ErrorCatalog(entries, generic)
    except ErrorCatalogError as error:
        raise ErrorCatalogError(f"{directory}: {error}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ErrorCatalogError(f"{path.name}: invalid TOML: {error}") from None
    except OSError as error:
        raise ErrorCatalogError(f"{path.name}: could not be read: {error}") from None


def _parse_file(
    document: Mapping[str, Any], file_name: str
) -> tuple[list[ErrorEntry], dict[str, ErrorEntry]]:
    if document.get("schema") != SCHEMA_VERSION:
        raise ErrorCatalogError(
            f"{file_name}: schema must be {SCHEMA_VERSION}, found {document.get('schema')!r}"
        )
    unknown = sorted(set(document) - _FILE_KEYS)
    if unknown:
        raise ErrorCatalogError(f"{file_name}: unknown top-level keys {unknown}")

    raw_entries = document.get("entry", [])
    if not isinstance(raw_entries, list):
        raise ErrorCatalogError(f"{file_name}: 'entry' must be an array of tables ([[entry]])")
    entries = [
        _parse_entry(raw, f"{file_name}: entry {index}", file_name)
        for index, raw in enumerate(raw_entries, start=1)
    ]

    raw_generic = document.get("generic", {})
    if not isinstance(raw_generic, dict):
        raise ErrorCatalogError(f"{file_name}: 'generic' must be a table of tables")
    generic: dict[str, ErrorEntry] = {}
    for kind, raw in raw_generic.items():
        where = f"{file_name}: generic.{kind}"
        if kind not in GENERIC_PLACEHOLDERS:
            raise ErrorCatalogError(f"{where}: unknown kind; use one of {', '.join(GENERIC_KINDS)}")
        generic[kind] = _parse_generic(raw, where, kind, file_name)
    return entries, generic


def _parse_entry(raw: Any, where: str, file_name: str) -> ErrorEntry:
    if not isinstance(raw, dict):
        raise ErrorCatalogError(f"{where}: must be a table")
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise ErrorCatalogError(f"{where}: 'code' is missing or empty")
    where = f"{where} ({code})"
    _check_keys(raw, _ENTRY_KEYS, where)

    pattern = _parse_pattern(raw.get("pattern"), where)
    aliases = _parse_aliases(raw.get("aliases", []), where)
    if aliases and pattern is not None:
        raise ErrorCatalogError(f"{where}: aliases belong on the entry without a pattern")

    title, cause, fix = (_parse_text(raw, name, where, frozenset()) for name in TEXT_FIELDS)
    return ErrorEntry(
        code=code,
        title=title,
        cause=cause,
        fix=fix,
        action=_parse_action(raw.get("action"), where),
        pattern=pattern,
        aliases=aliases,
        source=file_name,
    )


def _parse_generic(raw: Any, where: str, kind: str, file_name: str) -> ErrorEntry:
    if not isinstance(raw, dict):
        raise ErrorCatalogError(f"{where}: must be a table")
    _check_keys(raw, _GENERIC_KEYS, where)
    allowed = GENERIC_PLACEHOLDERS[kind]
    title, cause, fix = (_parse_text(raw, name, where, allowed) for name in TEXT_FIELDS)
    return ErrorEntry(
        code=kind,
        title=title,
        cause=cause,
        fix=fix,
        action=_parse_action(raw.get("action"), where),
        source=file_name,
    )


def _check_keys(raw: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ErrorCatalogError(f"{where}: unknown keys {unknown}; allowed: {sorted(allowed)}")


def _parse_pattern(raw: Any, where: str) -> re.Pattern[str] | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise ErrorCatalogError(f"{where}: 'pattern' must be a non-empty string")
    try:
        return re.compile(raw, re.IGNORECASE)
    except re.error as error:
        raise ErrorCatalogError(f"{where}: invalid pattern {raw!r}: {error}") from None


def _parse_aliases(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
        raise ErrorCatalogError(f"{where}: 'aliases' must be a list of non-empty strings")
    return tuple(raw)


def _parse_action(raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    if raw not in ACTIONS:
        raise ErrorCatalogError(f"{where}: unknown action {raw!r}; use one of {', '.join(ACTIONS)}")
    return str(raw)


def _parse_text(
    raw: Mapping[str, Any], name: str, where: str, placeholders: frozenset[str]
) -> Text:
    value = raw.get(name)
    if value is None:
        raise ErrorCatalogError(f"{where}: '{name}' is missing")
    if not isinstance(value, dict):
        raise ErrorCatalogError(f"{where}: '{name}' must be a table with 'en' and 'zh' text")
    _check_keys(value, frozenset(LANGUAGES), f"{where} {name}")

    texts: dict[str, str] = {}
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise ErrorCatalogError(f"{where}: '{name}.{language}' is missing or empty")
        for placeholder in _PLACEHOLDER.findall(text):
            if placeholder not in placeholders:
                allowed = ", ".join(sorted(placeholders)) or "none"
                raise ErrorCatalogError(
                    f"{where}: '{name}.{language}' uses placeholder {{{placeholder}}}; "
                    f"allowed here: {allowed}"
                )
        texts[language] = text
    return Text(en=texts["en"], zh=texts["zh"])

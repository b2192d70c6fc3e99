"""API key cleaning, fingerprints and redaction.

The key store itself is in ``gui.core.keystore``. Every key the app reads or
receives is registered with the redactor, so log records and recorded exchanges
can be scrubbed of it.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable

log = logging.getLogger(__name__)

SERVICE = "PixelPost/dashscope"
ENV_VARIABLE = "DASHSCOPE_API_KEY"

# Keys are short; anything longer is a paste of the wrong thing.
MAX_KEY_LENGTH = 256


class SecretsError(Exception):
    """Base class for key store problems; the message never contains the key."""


class InvalidKeyError(SecretsError):
    """Raised when a pasted key is empty or contains characters a key cannot have.

    ``reason`` is ``empty``, ``too_long`` or ``character``; ``params`` contains the
    numbers the UI needs to phrase the message in its own language.
    """

    def __init__(self, message: str, reason: str, **params: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


class KeyStoreError(SecretsError):
    """Raised when the OS key store fails to read, write or delete a key."""


def fingerprint(key: str) -> str:
    """Return a short form that identifies a key without revealing it: ``sk-…abcd``."""
    if len(key) <= 8:
        return "…"
    prefix = key[:3] if key.startswith("sk-") else ""
    return f"{prefix}…{key[-4:]}"


# A key copied from a header or a curl command may start with the scheme.
_BEARER_PREFIX = re.compile(r"^\s*(authorization:\s*)?bearer\s+", re.IGNORECASE)


def key_was_changed(raw: str, key: str) -> bool:
    """Return whether cleaning removed more than spaces and line breaks at the ends."""
    return raw.strip() != key


def clean_key(raw: str) -> str:
    """Strip a ``Bearer`` prefix, spaces, line breaks and invisible characters from a key.

    Spaces inside a key are removed too, because a key wrapped over two lines in a
    chat or a document comes back with a space or line break in it. Raises
    InvalidKeyError when what remains is empty, too long, or not printable ASCII.
    The message names the offending character, its position and code point, never
    the key.
    """
    raw = _BEARER_PREFIX.sub("", raw, count=1)
    kept = []
    for char in raw:
        if char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs"):
            continue
        kept.append(char)
    key = "".join(kept)
    if not key:
        raise InvalidKeyError(
            "The key is empty. Paste the API key from the Model Studio console.", "empty"
        )
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidKeyError(
            f"The key has {len(key)} characters; API keys are shorter than {MAX_KEY_LENGTH}. "
            "Check that only the key was copied.",
            "too_long",
            length=len(key),
            maximum=MAX_KEY_LENGTH,
        )
    for position, char in enumerate(key, start=1):
        if not (0x21 <= ord(char) <= 0x7E):
            raise InvalidKeyError(
                f"Character {position} of the key is {char!r} (U+{ord(char):04X}), which an API "
                "key cannot contain. Copy the key again from the Model Studio console.",
                "character",
                position=position,
                code_point=f"U+{ord(char):04X}",
                character=char,
            )
    return key


class Redactor:
    """Replaces every registered secret in a text with its fingerprint."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()
        self._pattern: re.Pattern[str] | None = None

    def register(self, secret: str) -> None:
        if len(secret) < 8:
            return
        with self._lock:
            if secret not in self._secrets:
                self._secrets.add(secret)
                ordered = sorted(self._secrets, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(s) for s in ordered))

    def redact(self, text: str) -> str:
        pattern = self._pattern
        if pattern is None or not text:
            return text
        return pattern.sub(lambda match: fingerprint(match.group(0)), text)

    def redact_bytes(self, data: bytes) -> bytes:
        pattern = self._pattern
        if pattern is None or not data:
            return data
        text = data.decode("utf-8", errors="surrogateescape")
        return self.redact(text).encode("utf-8", errors="surrogateescape")


REDACTOR = Redactor()


class RedactingFilter(logging.Filter):
    """A logging filter that scrubs registered secrets from every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = REDACTOR.redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = REDACTOR.redact(exc_text)
            record.exc_info = None
        return True


def redact_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Replace the Authorization value with the key's fingerprint."""
    redacted = []
    for name, value in headers:
        if name.lower() == "authorization":
            scheme, _, token = value.partition(" ")
            shown = f"{scheme} {fingerprint(token)}" if token else fingerprint(value)
            redacted.append((name, shown))
        else:
            redacted.append((name, REDACTOR.redact(value)))
    return redacted


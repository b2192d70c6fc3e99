"""API keys: the OS key store, a session-only fallback, fingerprints and redaction.

Keys live only in keyring (Windows Credential Manager on Windows). When keyring has
no usable backend the store keeps keys in memory for the session and reports that; it
never falls back to a file. Every key the app sees is registered with the
redactor, so log records and recorded exchanges can be scrubbed of it.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

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


def clean_key(raw: str) -> str:
    """Strip spaces, line breaks and invisible characters from a pasted key.

    Raises InvalidKeyError when what remains is empty, too long, or not printable
    ASCII. The message names the offending character's position and code point,
    never the key.
    """
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
                f"Character {position} of the key is U+{ord(char):04X}, which an API key cannot "
                "contain. Copy the key again from the Model Studio console.",
                "character",
                position=position,
                code_point=f"U+{ord(char):04X}",
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


@dataclass(frozen=True)
class StoredKey:
    """A key as the UI may show it: its source and its fingerprint."""

    region: str
    fingerprint: str
    source: str  # "keyring", "session" or "environment"


def backend_is_secure(backend: KeyringBackend) -> bool:
    """Return whether ``backend`` really stores secrets (not the fail or null backend)."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    try:
        priority = float(type(backend).priority)
    except (TypeError, ValueError, AttributeError):
        return True
    return priority > 0


class KeyStore:
    """One API key per region in keyring, or in memory when no backend works.

    ``backend`` is injected by tests (an in-memory keyring); production passes None
    to use the platform's default backend.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        environment: dict[str, str] | None = None,
    ) -> None:
        self._backend = backend or keyring.get_keyring()
        self._secure = backend_is_secure(self._backend)
        self._session: dict[str, str] = {}
        self._environment = environment or {}
        env_key = self._environment.get(ENV_VARIABLE)
        if env_key:
            REDACTOR.register(env_key.strip())
        if not self._secure:
            log.warning(
                "No secure key store is available (%s); keys are kept for this session only",
                self.backend_name,
            )

    @property
    def is_secure(self) -> bool:
        return self._secure

    @property
    def backend_name(self) -> str:
        backend_type = type(self._backend)
        return f"{backend_type.__module__}.{backend_type.__qualname__}"

    def environment_key(self) -> str | None:
        """Return ``DASHSCOPE_API_KEY`` from the environment, cleaned, if it is set."""
        raw = self._environment.get(ENV_VARIABLE)
        if not raw:
            return None
        try:
            return clean_key(raw)
        except InvalidKeyError:
            log.warning("%s is set but is not a valid key; ignoring it", ENV_VARIABLE)
            return None

    def get(self, region: str) -> str | None:
        if region in self._session:
            return self._session[region]
        if not self._secure:
            return None
        try:
            key = self._backend.get_password(SERVICE, region)
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(
                f"Reading the key for {region} from the key store failed: {type(error).__name__}"
            ) from None
        if key:
            REDACTOR.register(key)
        return key

    def set(self, region: str, raw_key: str) -> StoredKey:
        """Clean and store a key for ``region``; return where it went."""
        key = clean_key(raw_key)
        REDACTOR.register(key)
        if not self._secure:
            self._session[region] = key
            return StoredKey(region, fingerprint(key), "session")
        try:
            self._backend.set_password(SERVICE, region, key)
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(
                f"Saving the key for {region} in the key store failed: {type(error).__name__}"
            ) from None
        self._session.pop(region, None)
        return StoredKey(region, fingerprint(key), "keyring")

    def set_session(self, region: str, raw_key: str) -> StoredKey:
        """Keep a key in memory only, for this session (demo mode, or the user's choice)."""
        key = clean_key(raw_key)
        REDACTOR.register(key)
        self._session[region] = key
        return StoredKey(region, fingerprint(key), "session")

    def delete(self, region: str) -> None:
        self._session.pop(region, None)
        if not self._secure:
            return
        try:
            self._backend.delete_password(SERVICE, region)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(
                f"Deleting the key for {region} failed: {type(error).__name__}"
            ) from None

    def describe(self, region: str) -> StoredKey | None:
        key = self.get(region)
        if key is None:
            return None
        source = "session" if region in self._session else "keyring"
        return StoredKey(region, fingerprint(key), source)

    def describe_all(self, regions: Iterable[str]) -> list[StoredKey]:
        return [stored for region in regions if (stored := self.describe(region)) is not None]


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


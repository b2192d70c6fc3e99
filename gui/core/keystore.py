"""Named API keys: each bound to a region, an optional base URL and a workspace.

Secrets live only in keyring (Windows Credential Manager on Windows), one entry
per key under the service ``PixelPost/dashscope``. What is not secret (name,
region, base URL, workspace id, which key each region uses) is kept in a JSON
file beside the history. When keyring has no usable backend, keys and their
descriptions stay in memory for the session and nothing is written to a file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from gui.core.regions import REGIONS, BaseUrlError, normalize_base_url, workspace_domain_parts
from gui.core.secrets import (
    ENV_VARIABLE,
    REDACTOR,
    SERVICE,
    InvalidKeyError,
    KeyStoreError,
    SecretsError,
    clean_key,
    fingerprint,
)

log = logging.getLogger(__name__)

PROFILES_VERSION = 1
MAX_NAME_LENGTH = 64
MAX_WORKSPACE_LENGTH = 64
_WORKSPACE_ID = re.compile(r"^[A-Za-z0-9_-]+$")
# Entries written before keys had names use the region id as the keyring user
# name; new keys use this prefix and a random id.
_ACCOUNT_PREFIX = "key:"


class InvalidProfileError(SecretsError):
    """Raised for an unusable key name, region, base URL or workspace id.

    ``reason`` and ``params`` let the UI write the message in its own language.
    """

    def __init__(self, message: str, reason: str, **params: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class KeyProfile:
    """A named key's description; the secret itself is in keyring under ``account``."""

    id: str
    name: str
    region: str
    base_url: str | None = None
    workspace: str | None = None
    account: str = ""


@dataclass(frozen=True)
class StoredKey:
    """A key as the UI may show it: its name, region, source and fingerprint."""

    region: str
    fingerprint: str
    source: str  # "keyring", "session" or "environment"
    profile_id: str = ""
    name: str = ""
    base_url: str | None = None
    workspace: str | None = None


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


def check_name(name: str) -> str:
    """Return the stripped key name, or raise InvalidProfileError."""
    text = " ".join(name.split())
    if not text:
        raise InvalidProfileError("The key name is empty; give the key a name.", "name_empty")
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidProfileError(
            f"The key name has {len(text)} characters; use at most {MAX_NAME_LENGTH}.",
            "name_too_long",
            length=len(text),
            maximum=MAX_NAME_LENGTH,
        )
    return text


def check_workspace(raw: str | None) -> str | None:
    """Return the workspace id (None when empty), or raise InvalidProfileError."""
    text = (raw or "").strip()
    if not text:
        return None
    if len(text) > MAX_WORKSPACE_LENGTH or not _WORKSPACE_ID.match(text):
        raise InvalidProfileError(
            f"The workspace id {text!r} is not valid: use only letters, digits, '-' and '_', "
            f"at most {MAX_WORKSPACE_LENGTH} characters, as shown in the Model Studio console.",
            "workspace",
            value=text,
            maximum=MAX_WORKSPACE_LENGTH,
        )
    return text


def check_base_url(raw: str | None) -> str | None:
    """Return the normalized base URL (None when empty), or raise InvalidProfileError."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        return normalize_base_url(text)
    except BaseUrlError as error:
        raise InvalidProfileError(str(error), f"base_url_{error.reason}", value=text) from None


class KeyStore:
    """Named API keys, one of them active per region, in keyring or in memory.

    ``backend`` is injected by tests (an in-memory keyring); production passes None
    to use the platform's default backend. ``profiles_file`` is where the
    descriptions go; None keeps them in memory.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        environment: dict[str, str] | None = None,
        profiles_file: Path | None = None,
    ) -> None:
        self._backend = backend or keyring.get_keyring()
        self._secure = backend_is_secure(self._backend)
        self._file = profiles_file if self._secure else None
        self._profiles: dict[str, KeyProfile] = {}
        self._active: dict[str, str] = {}
        # Secrets that are never written to keyring: session keys (the sandbox, or
        # every key when there is no backend), keyed by profile id.
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
        self._load()

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

    # Named keys

    def profiles(self, region: str | None = None) -> list[KeyProfile]:
        """Return the keys, by region in the app's region order and then by name."""
        order = {region_id: index for index, region_id in enumerate(REGIONS)}
        chosen = [
            profile
            for profile in self._profiles.values()
            if region is None or profile.region == region
        ]
        return sorted(chosen, key=lambda p: (order.get(p.region, 99), p.name.casefold()))

    def profile(self, profile_id: str) -> KeyProfile | None:
        return self._profiles.get(profile_id)

    def active_profile(self, region: str) -> KeyProfile | None:
        """Return the key requests to ``region`` use, or None."""
        profile_id = self._active.get(region)
        return self._profiles.get(profile_id) if profile_id else None

    def add(
        self,
        name: str,
        region: str,
        raw_key: str,
        *,
        base_url: str | None = None,
        workspace: str | None = None,
        session_only: bool = False,
    ) -> StoredKey:
        """Clean and store a new named key; it becomes the region's key if it has none."""
        profile = self._checked_profile(
            KeyProfile(uuid.uuid4().hex[:12], name, region, base_url, workspace), None
        )
        profile = replace(profile, account=_ACCOUNT_PREFIX + profile.id)
        key = clean_key(raw_key)
        REDACTOR.register(key)
        source = self._write_secret(profile, key, session_only)
        self._profiles[profile.id] = profile
        self._active.setdefault(region, profile.id)
        self._save()
        log.info("Added key %r (%s) for %s", profile.name, fingerprint(key), region)
        return self._describe(profile, key, source)

    def update(
        self,
        profile_id: str,
        *,
        name: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        workspace: str | None = None,
        raw_key: str | None = None,
    ) -> StoredKey:
        """Change a key's name, region, base URL, workspace or secret.

        ``base_url`` and ``workspace`` are replaced as given (empty text clears them);
        None leaves them unchanged.
        """
        current = self._require(profile_id)
        changed = replace(
            current,
            name=current.name if name is None else name,
            region=current.region if region is None else region,
            base_url=current.base_url if base_url is None else base_url,
            workspace=current.workspace if workspace is None else workspace,
        )
        changed = self._checked_profile(changed, profile_id)
        key = self.key_for(profile_id)
        if raw_key is not None and raw_key.strip():
            key = clean_key(raw_key)
            REDACTOR.register(key)
            self._write_secret(changed, key, profile_id in self._session)
        self._profiles[profile_id] = changed
        if changed.region != current.region:
            self._forget_active(profile_id)
            self._active.setdefault(changed.region, profile_id)
        self._save()
        described = self.describe_profile(profile_id)
        if described is None:
            raise KeyStoreError(f"The key {changed.name!r} has no secret in the key store.")
        return described

    def rename(self, profile_id: str, name: str) -> KeyProfile:
        self.update(profile_id, name=name)
        return self._require(profile_id)

    def remove(self, profile_id: str) -> None:
        """Delete a key and its secret; the region falls back to another key it has."""
        profile = self._require(profile_id)
        if profile_id not in self._session and self._secure:
            try:
                self._backend.delete_password(SERVICE, profile.account)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as error:
                raise KeyStoreError(
                    f"Deleting the key {profile.name!r} failed: {type(error).__name__}"
                ) from None
        self._session.pop(profile_id, None)
        del self._profiles[profile_id]
        self._forget_active(profile_id)
        self._save()
        log.info("Deleted key %r of %s", profile.name, profile.region)

    def activate(self, profile_id: str) -> None:
        """Make a key the one its region's requests use."""
        profile = self._require(profile_id)
        self._active[profile.region] = profile_id
        self._save()

    def key_for(self, profile_id: str) -> str | None:
        """Return the secret of a key, reading keyring when it is not a session key."""
        if profile_id in self._session:
            return self._session[profile_id]
        profile = self._profiles.get(profile_id)
        if profile is None or not self._secure:
            return None
        try:
            key = self._backend.get_password(SERVICE, profile.account)
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(
                f"Reading the key {profile.name!r} from the key store failed: "
                f"{type(error).__name__}"
            ) from None
        if key:
            REDACTOR.register(key)
        return key

    def describe_profile(self, profile_id: str) -> StoredKey | None:
        profile = self._profiles.get(profile_id)
        key = self.key_for(profile_id) if profile is not None else None
        if profile is None or key is None:
            return None
        source = "session" if profile_id in self._session else "keyring"
        return self._describe(profile, key, source)

    def regions_holding(self, key: str) -> list[str]:
        """Return the regions with a stored key equal to ``key`` (compared in memory)."""
        regions = []
        for profile in self.profiles():
            if self.key_for(profile.id) == key and profile.region not in regions:
                regions.append(profile.region)
        return regions

    # One key per region: the active key

    def get(self, region: str) -> str | None:
        """Return the secret of the key requests to ``region`` use, or None."""
        profile = self.active_profile(region)
        return self.key_for(profile.id) if profile is not None else None

    def set(self, region: str, raw_key: str) -> StoredKey:
        """Replace the secret of the region's key, or add a key named after the region."""
        profile = self.active_profile(region)
        if profile is None:
            return self.add(self.free_name(region), region, raw_key)
        return self.update(profile.id, raw_key=raw_key)

    def set_session(self, region: str, raw_key: str) -> StoredKey:
        """Keep a key in memory only, for this session (demo mode, or the user's choice)."""
        key = clean_key(raw_key)
        REDACTOR.register(key)
        profile = self.active_profile(region)
        if profile is None or profile.id not in self._session:
            profile = KeyProfile(f"session-{region}", self.free_name(region), region)
            self._profiles[profile.id] = profile
        self._session[profile.id] = key
        self._active[region] = profile.id
        self._save()
        return self._describe(profile, key, "session")

    def delete(self, region: str) -> None:
        """Delete the key the region uses; deleting when there is none is harmless."""
        profile = self.active_profile(region)
        if profile is not None:
            self.remove(profile.id)

    def describe(self, region: str) -> StoredKey | None:
        profile = self.active_profile(region)
        return self.describe_profile(profile.id) if profile is not None else None

    def describe_all(self, regions: Iterable[str]) -> list[StoredKey]:
        return [stored for region in regions if (stored := self.describe(region)) is not None]

    # Storage

    def _describe(self, profile: KeyProfile, key: str, source: str) -> StoredKey:
        return StoredKey(
            profile.region,
            fingerprint(key),
            source,
            profile.id,
            profile.name,
            profile.base_url,
            profile.workspace,
        )

    def _require(self, profile_id: str) -> KeyProfile:
        profile = self._profiles.get(profile_id)
        if profile is None:
            raise KeyStoreError(f"No stored key has the id {profile_id!r}.")
        return profile

    def _checked_profile(self, profile: KeyProfile, own_id: str | None) -> KeyProfile:
        name = check_name(profile.name)
        for other in self._profiles.values():
            if other.id != own_id and other.name.casefold() == name.casefold():
                raise InvalidProfileError(
                    f"A key named {name!r} already exists; choose another name.",
                    "name_taken",
                    name=name,
                )
        if profile.region not in REGIONS:
            raise InvalidProfileError(
                f"{profile.region!r} is not a region; choose one of {', '.join(REGIONS)}.",
                "region",
                value=profile.region,
            )
        base_url = check_base_url(profile.base_url)
        domain = workspace_domain_parts(base_url) if base_url else None
        if domain is not None and domain[1] is not None and domain[1] != profile.region:
            raise InvalidProfileError(
                f"The base URL {base_url} is a workspace domain in {domain[1]}, but the key "
                f"is for {profile.region}; choose {domain[1]} as the key's region.",
                "base_url_region",
                value=base_url,
                region=domain[1],
            )
        return replace(
            profile,
            name=name,
            base_url=base_url,
            workspace=check_workspace(profile.workspace),
        )

    def free_name(self, base: str) -> str:
        """Return ``base``, or ``base (2)``, ``base (3)``… when a key already has that name."""
        used_names = {profile.name.casefold() for profile in self._profiles.values()}
        name, number = base, 2
        while name.casefold() in used_names:
            name, number = f"{base} ({number})", number + 1
        return name

    def _write_secret(self, profile: KeyProfile, key: str, session_only: bool) -> str:
        if session_only or not self._secure:
            self._session[profile.id] = key
            return "session"
        try:
            self._backend.set_password(SERVICE, profile.account, key)
        except keyring.errors.KeyringError as error:
            raise KeyStoreError(
                f"Saving the key {profile.name!r} in the key store failed: {type(error).__name__}"
            ) from None
        self._session.pop(profile.id, None)
        return "keyring"

    def _forget_active(self, profile_id: str) -> None:
        for region, active_id in list(self._active.items()):
            if active_id != profile_id:
                continue
            others = [p for p in self.profiles(region) if p.id != profile_id]
            if others:
                self._active[region] = others[0].id
            else:
                del self._active[region]

    def _load(self) -> None:
        if self._file is not None and self._file.exists():
            try:
                data = json.loads(self._file.read_text(encoding="utf-8"))
                self._read(data)
            except (OSError, ValueError, TypeError, KeyError) as error:
                log.warning("Ignoring the unreadable key list %s: %s", self._file, error)
                self._profiles.clear()
                self._active.clear()
        self._adopt_legacy_entries()
        for profile in self.profiles():
            self._active.setdefault(profile.region, profile.id)

    def _read(self, data: dict[str, Any]) -> None:
        if data.get("version") != PROFILES_VERSION:
            raise ValueError(f"unsupported version {data.get('version')!r}")
        for raw in data["profiles"]:
            profile = KeyProfile(
                id=str(raw["id"]),
                name=str(raw["name"]),
                region=str(raw["region"]),
                base_url=raw.get("base_url") or None,
                workspace=raw.get("workspace") or None,
                account=str(raw["account"]),
            )
            if profile.region in REGIONS:
                self._profiles[profile.id] = profile
        for region, profile_id in dict(data.get("active", {})).items():
            if profile_id in self._profiles:
                self._active[str(region)] = str(profile_id)

    def _adopt_legacy_entries(self) -> None:
        """Describe keys saved as one entry per region before keys had names."""
        if not self._secure:
            return
        accounts = {profile.account for profile in self._profiles.values()}
        for region in REGIONS:
            if region == "sandbox" or region in accounts:
                continue
            try:
                key = self._backend.get_password(SERVICE, region)
            except keyring.errors.KeyringError:
                continue
            if not key:
                continue
            REDACTOR.register(key)
            profile = KeyProfile(region, self.free_name(region), region, account=region)
            self._profiles[profile.id] = profile
            self._active.setdefault(region, profile.id)

    def _save(self) -> None:
        """Write the descriptions of the keyring keys; session keys are never written."""
        if self._file is None:
            return
        persistent = [p for p in self.profiles() if p.id not in self._session]
        kept = {p.id for p in persistent}
        data = {
            "version": PROFILES_VERSION,
            "profiles": [asdict(profile) for profile in persistent],
            "active": {r: pid for r, pid in sorted(self._active.items()) if pid in kept},
        }
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        self._file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._file.with_suffix(".json.part")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self._file)

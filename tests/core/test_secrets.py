"""Key cleaning, fingerprints, the session-only fallback and redaction."""

from __future__ import annotations

import logging

import pytest
from keyring.backends import fail

from gui.core.keystore import KeyStore
from gui.core.secrets import (
    REDACTOR,
    InvalidKeyError,
    RedactingFilter,
    fingerprint,
    redact_headers,
)
from tests.conftest import MemoryKeyring

KEY = "sk-test-fake-1234567890abcdef1234"


def test_fingerprint_shows_prefix_and_last_four() -> None:
    assert fingerprint(KEY) == "sk-…1234"
    assert KEY not in fingerprint(KEY)


@pytest.mark.parametrize(
    "pasted",
    [f"  {KEY}\n", f"\u200b{KEY}\ufeff", f"{KEY[:10]} {KEY[10:]}", f"\t{KEY}\r\n"],
)
def test_pasted_key_is_cleaned(pasted: str) -> None:
    store = KeyStore(MemoryKeyring(), {})
    stored = store.set("beijing", pasted)
    assert store.get("beijing") == KEY
    assert stored.source == "keyring"
    assert stored.fingerprint == "sk-…1234"


@pytest.mark.parametrize(
    ("pasted", "words"),
    [("   ", "empty"), ("sk-测试密钥", "U+6D4B"), ("x" * 300, "300 characters")],
)
def test_invalid_key_message_names_problem_not_key(pasted: str, words: str) -> None:
    store = KeyStore(MemoryKeyring(), {})
    with pytest.raises(InvalidKeyError) as caught:
        store.set("beijing", pasted)
    assert words in str(caught.value)
    if pasted.strip():
        assert pasted not in str(caught.value)
    assert store.get("beijing") is None


def test_no_backend_keeps_key_for_session_only() -> None:
    store = KeyStore(fail.Keyring(), {})
    assert not store.is_secure
    stored = store.set("singapore", KEY)
    assert stored.source == "session"
    assert store.get("singapore") == KEY
    assert KeyStore(fail.Keyring(), {}).get("singapore") is None


def test_environment_key_offered() -> None:
    store = KeyStore(MemoryKeyring(), {"DASHSCOPE_API_KEY": f" {KEY} "})
    assert store.environment_key() == KEY
    assert store.get("beijing") is None


def test_delete_removes_key() -> None:
    backend = MemoryKeyring()
    store = KeyStore(backend, {})
    store.set("beijing", KEY)
    store.delete("beijing")
    assert store.get("beijing") is None
    assert backend.passwords == {}
    store.delete("beijing")  # deleting twice is harmless


def test_authorization_header_redacted() -> None:
    headers = redact_headers([("Authorization", f"Bearer {KEY}"), ("Accept", "x")])
    assert headers == [("Authorization", "Bearer sk-…1234"), ("Accept", "x")]


def test_log_filter_scrubs_registered_key(caplog: pytest.LogCaptureFixture) -> None:
    REDACTOR.register(KEY)
    logger = logging.getLogger("test.secrets")
    logger.addFilter(RedactingFilter())
    try:
        with caplog.at_level(logging.INFO, logger="test.secrets"):
            logger.info("using %s now", KEY)
            try:
                raise ValueError(f"bad {KEY}")
            except ValueError:
                logger.exception("failed")
    finally:
        logger.filters.clear()
    assert KEY not in caplog.text
    assert "sk-…1234" in caplog.text

"""Fixtures shared by every test: an in-memory key store and isolated folders."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from gui.core.paths import AppPaths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Obviously fake keys; the emulator accepts whichever key it is given.
FAKE_KEY = "sk-test-fake-0000000000000000abcd"


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict, for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError(username)
        del self.passwords[(service, username)]


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_between_tests() -> Iterator[None]:
    """Run Python's cycle collector only between tests, never inside Qt's event processing.

    A Qt object that the collector frees while Qt dispatches events can receive
    an event after its C++ side is gone and crash the whole run. Automatic
    collection can start at any allocation, including inside event processing.
    """
    gc.disable()
    yield
    gc.enable()


QT_FIXTURES = {"qtbot", "qapp", "qt_loop", "window"}
FULL_COLLECTION_EVERY = 200  # tests without Qt between full collections
_TESTS_SINCE_FULL = pytest.StashKey[int]()


@pytest.fixture(autouse=True)
def collect_garbage_after_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Collect after each test: fully after Qt tests, the youngest objects otherwise.

    A full collection walks every tracked object and costs tens of milliseconds,
    so tests without Qt get one only every ``FULL_COLLECTION_EVERY`` tests.
    """
    yield
    counter = request.config.stash.setdefault(_TESTS_SINCE_FULL, 0) + 1
    if QT_FIXTURES & set(request.fixturenames) or counter >= FULL_COLLECTION_EVERY:
        gc.collect()
        counter = 0
    else:
        gc.collect(0)
    request.config.stash[_TESTS_SINCE_FULL] = counter



@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Replace the system key store for every test so no test touches real secrets."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths.under(tmp_path / "home")
    paths.create()
    return paths


def all_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def files_containing(root: Path, secret: str) -> list[Path]:
    """Return every file below ``root`` whose bytes contain ``secret`` (UTF-8 or UTF-16)."""
    needles = [secret.encode("utf-8"), secret.encode("utf-16-le")]
    found = []
    for path in all_files(root):
        data = path.read_bytes()
        if any(needle in data for needle in needles):
            found.append(path)
    return found

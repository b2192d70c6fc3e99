"""Fixtures for emulator tests: started emulators, a fake clock and an HTTP helper.

Every request goes over a real socket to an emulator on 127.0.0.1.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gui.core.catalog import Catalog
from gui.sandbox import Emulator

from .families import write_catalog
from .support import CLOCKED_CONFIG, FAST_CONFIG, TEST_KEY, ApiClient, FakeClock


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a new thread running."""
    before = set(threading.enumerate())
    yield
    leaked = [thread.name for thread in threading.enumerate() if thread not in before]
    assert leaked == []


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(key=TEST_KEY, config=FAST_CONFIG) as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clocked_emulator(clock: FakeClock) -> Iterator[Emulator]:
    with Emulator(key=TEST_KEY, config=CLOCKED_CONFIG, clock=clock) as running:
        yield running


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=10.0) as client:
        yield client


@pytest.fixture
def api(emulator: Emulator, http: httpx.Client) -> ApiClient:
    return ApiClient(emulator, http)


@pytest.fixture
def clocked_api(clocked_emulator: Emulator, http: httpx.Client) -> ApiClient:
    return ApiClient(clocked_emulator, http)


@pytest.fixture
def editing_catalog(tmp_path: Path) -> Catalog:
    """A catalog of the small test families in tests/sandbox/families.py."""
    return write_catalog(tmp_path / "catalog")


@pytest.fixture
def editing_emulator(clock: FakeClock, editing_catalog: Catalog) -> Iterator[Emulator]:
    config = CLOCKED_CONFIG
    with Emulator(key=TEST_KEY, config=config, catalog=editing_catalog, clock=clock) as running:
        yield running


@pytest.fixture
def editing_api(editing_emulator: Emulator, http: httpx.Client) -> ApiClient:
    return ApiClient(editing_emulator, http)

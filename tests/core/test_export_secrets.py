"""After a real session, no export, HAR file or stored exchange contains an API key."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.exchange_history import HistoryReadError, load_exchanges
from gui.core.exchanges import Exchange
from gui.core.exports import FORMATS, ExportError, export_exchange
from gui.core.har import har_text, write_har
from gui.core.library import TaskStatus
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring, files_containing

pytestmark = pytest.mark.timeout(60)

WRONG_KEY = "sk-test-fake-wrong-0000000000000dead"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.1, sync_seconds=0.05)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


def run_session(paths: AppPaths, emulator: Emulator) -> list[Exchange]:
    """Run an async task, a sync call and a call with a wrong key; return the exchanges."""
    recorded: list[Exchange] = []

    async def scenario() -> None:
        services = Services(
            paths,
            keyring_backend=MemoryKeyring(),
            environment={},
            poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
            retry=RetryPolicy(attempts=2, first_delay=0.05, maximum_delay=0.1),
        )
        services.exchange_log.add_listener(recorded.append)
        await services.start()
        services.use_sandbox(emulator.base_url, emulator.key)
        try:
            catalog = services.catalog
            flash = catalog["wan2.2-t2i-flash"]
            request = build_request(flash, {"prompt": "一只猫", "n": 2}, "async")
            record = services.engine.submit(request, "sandbox")
            assert (await services.engine.wait(record.id)).status == TaskStatus.SUCCEEDED
            wan26 = catalog["wan2.6-t2i"]
            request = build_request(wan26, {"prompt": "一只狗", "n": 1}, "sync")
            record = services.engine.submit(request, "sandbox")
            assert (await services.engine.wait(record.id)).status == TaskStatus.SUCCEEDED
            services.use_sandbox(emulator.base_url, WRONG_KEY)
            record = services.engine.submit(build_request(flash, {"prompt": "x"}, "async"),
                                            "sandbox")
            failed = await services.engine.wait(record.id)
            assert failed.error_code == "InvalidApiKey"
        finally:
            await services.aclose()

    asyncio.run(scenario())
    return recorded


def test_exports_and_har_hold_no_key(app_paths: AppPaths, emulator: Emulator,
                                     tmp_path: Path) -> None:
    exchanges = run_session(app_paths, emulator)
    kinds = {exchange.kind for exchange in exchanges}
    assert {"submit", "poll", "download", "sync_call"} <= kinds
    assert any(exchange.status == 401 for exchange in exchanges)

    texts = []
    out = tmp_path / "exports"
    for exchange in exchanges:
        for export_format in FORMATS:
            try:
                export = export_exchange(exchange, export_format)
            except ExportError:
                # The SDK cannot fetch a result URL; every other export must work.
                assert export_format == "sdk"
                assert exchange.kind == "download"
                continue
            texts.append(export.text())
            export.write(out / f"{exchange.id}-{export_format}")
    har = har_text(exchanges)
    write_har(tmp_path / "session.har", exchanges)
    stored = load_exchanges(app_paths.data_dir / "history.sqlite3")
    write_har(tmp_path / "history.har", [item.exchange for item in stored])

    for secret in (FAKE_KEY, WRONG_KEY):
        assert not [text for text in texts if secret in text]
        assert secret not in har
        assert files_containing(tmp_path, secret) == []
        assert files_containing(app_paths.data_dir, secret) == []
    submit_exports = [text for text in texts if "image-synthesis" in text]
    assert submit_exports
    assert all("DASHSCOPE_API_KEY" in text for text in submit_exports)
    assert "Bearer sk-…abcd" in har


def test_history_reads_back_exchanges(app_paths: AppPaths, emulator: Emulator) -> None:
    exchanges = run_session(app_paths, emulator)

    stored = load_exchanges(app_paths.data_dir / "history.sqlite3")

    assert len(stored) == len(exchanges)
    assert [item.exchange.started_at for item in stored] == sorted(
        (exchange.started_at for exchange in exchanges), reverse=True
    )
    by_number = {item.exchange.id: item.exchange for item in stored}
    for exchange in exchanges:
        read = by_number[exchange.id]
        assert read.url == exchange.url
        assert read.request_headers == exchange.request_headers
        assert read.request_body == exchange.request_body
        assert read.response_headers == exchange.response_headers
        assert read.response_body == exchange.response_body
        assert read.status == exchange.status
        assert read.body_omitted == exchange.body_omitted
        assert read.request_id == exchange.request_id
    task = next(exchange.task for exchange in exchanges if exchange.task)
    only_task = load_exchanges(app_paths.data_dir / "history.sqlite3", task=task)
    assert only_task
    assert {item.exchange.task for item in only_task} == {task}
    assert len(load_exchanges(app_paths.data_dir / "history.sqlite3", limit=2)) == 2


def test_history_missing_database(tmp_path: Path) -> None:
    with pytest.raises(HistoryReadError, match="does not exist"):
        load_exchanges(tmp_path / "missing.sqlite3")

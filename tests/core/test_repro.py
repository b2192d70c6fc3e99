"""Repro bundles of real tasks run against the emulator: contents, timeline and no key."""

from __future__ import annotations

import asyncio
import json
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.library import ResultImage, TaskRecord, TaskStatus
from gui.core.paths import AppPaths
from gui.core.repro import REMOVED_KEY, BundleError, write_bundle, write_repro_bundle
from gui.core.request import build_request
from gui.core.secrets import fingerprint
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring, files_containing

pytestmark = pytest.mark.timeout(60)

PROMPT = "一只戴着草帽的橘猫坐在稻田边"
STORED_KEY = "sk-test-fake-stored-00000000000wxyz"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.1, running_seconds=0.3, sync_seconds=0.1)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


def run_task(paths: AppPaths, emulator: Emulator, values: dict[str, object]) -> TaskRecord:
    async def scenario() -> TaskRecord:
        services = Services(
            paths,
            keyring_backend=MemoryKeyring(),
            environment={},
            poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
            retry=RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1),
        )
        await services.start()
        services.use_sandbox(emulator.base_url, emulator.key)
        services.keys.set("beijing", STORED_KEY)
        try:
            model = services.catalog["wanx2.1-t2i-turbo"]
            record = services.engine.submit(build_request(model, values, "async"), "sandbox")
            return await services.engine.wait(record.id)
        finally:
            await services.aclose()

    return asyncio.run(scenario())


def unzip(bundle: Path, folder: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
        return {name: archive.read(name) for name in archive.namelist()}


def test_bundle_of_succeeded_task(app_paths: AppPaths, emulator: Emulator, tmp_path: Path) -> None:
    record = run_task(app_paths, emulator, {"prompt": PROMPT, "n": 2, "seed": 5})
    assert record.status == TaskStatus.SUCCEEDED
    target = tmp_path / "out" / "bundle.zip"

    report = write_repro_bundle(record, app_paths.data_dir / "history.sqlite3", target)

    members = unzip(target, tmp_path / "unzipped")
    names = sorted(members)
    image_names = sorted(Path(path).name for path in record.saved_files)
    sidecars = sorted(Path(image.sidecar).name for image in record.results if image.sidecar)
    assert names == sorted(
        [
            "README.txt",
            "exchanges.har",
            "exchanges.txt",
            "output.json",
            "request.json",
            "response.json",
            "task.json",
            "timeline.json",
            *(f"images/{name}" for name in image_names + sidecars),
        ]
    )
    assert report.members[0] == "README.txt"
    assert report.images == 2
    assert report.exchanges == len(json.loads(members["exchanges.har"])["log"]["entries"])

    for file in record.saved_files:
        assert members[f"images/{Path(file).name}"] == Path(file).read_bytes()

    request = json.loads(members["request.json"])
    assert request["method"] == "POST"
    assert request["body"]["input"]["prompt"] == PROMPT
    headers = {name.lower(): value for name, value in request["headers"].items()}
    assert headers["authorization"] == REMOVED_KEY
    assert headers["x-dashscope-async"] == "enable"

    task = json.loads(members["task.json"])
    assert task["id"] == record.id
    assert task["status"] == "SUCCEEDED"
    assert task["task_id"] == record.task_id
    assert json.loads(members["output.json"]) == record.output
    response = json.loads(members["response.json"])
    assert response["output"]["task_status"] == "SUCCEEDED"

    timeline = json.loads(members["timeline.json"])
    statuses = [event.get("status") for event in timeline if event.get("status")]
    assert statuses[0] == "QUEUED"
    assert statuses[-1] == "SUCCEEDED"
    assert list(dict.fromkeys(statuses)) == ["QUEUED", "PENDING", "RUNNING", "SUCCEEDED"]
    times = [event["time"] for event in timeline if event["source"] != "service"]
    assert times == sorted(times)
    assert any(event["source"] == "service" for event in timeline)

    text = members["exchanges.txt"].decode("utf-8")
    assert "POST " in text
    assert PROMPT in text
    auth_lines = [line for line in text.splitlines() if line.lower().startswith("authorization:")]
    assert auth_lines
    assert all(line.endswith(f": {REMOVED_KEY}") for line in auth_lines)
    readme = members["README.txt"].decode("utf-8")
    assert record.id in readme
    assert str(record.task_id) in readme
    assert "No API key is in this bundle" in readme

    for secret in (FAKE_KEY, STORED_KEY, fingerprint(FAKE_KEY)):
        assert files_containing(tmp_path / "unzipped", secret) == []
        assert files_containing(target.parent, secret) == []
    assert [path.name for path in target.parent.iterdir()] == ["bundle.zip"]


def test_bundle_without_exchanges_or_files(tmp_path: Path) -> None:
    record = TaskRecord(
        id="abc123",
        model="wan2.6-t2i",
        region="beijing",
        mode="async",
        path="services/aigc/image-generation/generation",
        body={"model": "wan2.6-t2i", "input": {"messages": []}},
        created_at=1_760_000_000.0,
    )
    gone = ResultImage(index=0, url="https://example.invalid/0.png", file=str(tmp_path / "gone.png"))
    record = replace(record, results=(gone,))
    target = tmp_path / "b.zip"
    report = write_bundle(record, [], target, app_version="9.9")
    members = unzip(target, tmp_path / "x")
    request = json.loads(members["request.json"])
    assert request["headers"]["Authorization"] == REMOVED_KEY
    assert "No request of this task was recorded" in request["note"]
    assert members["exchanges.txt"].decode() == "No HTTP exchange of this task was recorded.\n"
    assert json.loads(members["response.json"]) is None
    readme = members["README.txt"].decode("utf-8")
    assert "gone.png" in readme
    assert "PixelPost 9.9" in readme
    assert report.images == 0


def test_bundle_into_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    record = TaskRecord("a", "m", "beijing", "async", "p", {}, 1.0)
    with pytest.raises(BundleError, match="cannot be written"):
        write_bundle(record, [], blocker / "inside" / "b.zip", app_version="1")


def test_bundle_missing_database(tmp_path: Path) -> None:
    record = TaskRecord("a", "m", "beijing", "async", "p", {}, 1.0)
    with pytest.raises(BundleError, match="does not exist"):
        write_repro_bundle(record, tmp_path / "none.sqlite3", tmp_path / "b.zip")


def test_bundle_command(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gui.cli import main

    record = run_task(app_paths, emulator, {"prompt": "A lighthouse", "n": 1})
    home = str(app_paths.data_dir.parent)
    out = tmp_path / "cli.zip"

    assert main(["bundle", record.id[:8], str(out), "--home", home]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["task"] == record.id
    assert summary["images"] == 1
    members = unzip(out, tmp_path / "cli")
    assert json.loads(members["task.json"])["id"] == record.id
    assert files_containing(tmp_path / "cli", FAKE_KEY) == []

    assert main(["bundle", str(record.task_id), str(tmp_path / "by-task-id.zip"), "--home", home]) == 0
    capsys.readouterr()
    assert main(["bundle", "no-such-task", str(tmp_path / "x.zip"), "--home", home]) == 2
    assert "No task 'no-such-task' is in the history" in capsys.readouterr().err
    assert main(["bundle", "abc", str(tmp_path / "x.zip"), "--home", str(tmp_path / "none")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()

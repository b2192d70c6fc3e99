"""Kill the app with SIGKILL mid-poll and mid-download; a restart finishes everything."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import Stall
from tests.conftest import FAKE_KEY

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]


def environment(emulator: Emulator) -> dict[str, str]:
    env = {**os.environ, "PIXELPOST_SANDBOX_URL": emulator.base_url, "PIXELPOST_SANDBOX_KEY": emulator.key}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)  # another process's progress; nothing to wait on but its effects


def start_send(home: Path, request: Path, emulator: Emulator) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "gui", "--home", str(home), "send", str(request)],
        env=environment(emulator),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def resume(home: Path, emulator: Emulator) -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--home", str(home), "resume"],
        env=environment(emulator),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    summary: list[dict[str, object]] = json.loads(result.stdout)
    return summary


def check_results(home: Path, summary: list[dict[str, object]], count: int) -> None:
    assert len(summary) == 1
    assert summary[0]["status"] == "SUCCEEDED"
    files = summary[0]["files"]
    assert isinstance(files, list)
    assert len(files) == count
    for file in files:
        with Image.open(file) as image:
            image.load()  # a truncated file fails here
    pngs = [path for path in (home / "results").rglob("*.png") if ".incoming" not in path.parts]
    assert len(pngs) == count
    assert not list((home / "results").rglob("*.part"))


def write_request(tmp_path: Path, count: int) -> Path:
    request = tmp_path / "request.json"
    body = {"model": "wan2.2-t2i-flash", "input": {"prompt": "survive a crash"}, "parameters": {"n": count}}
    request.write_text(json.dumps(body), encoding="utf-8")
    return request


def test_kill_mid_poll_then_resume(tmp_path: Path) -> None:
    config = EmulatorConfig(pending_seconds=0.3, running_seconds=3.0)
    with Emulator(key=FAKE_KEY, config=config) as emulator:
        home = tmp_path / "home"
        child = start_send(home, write_request(tmp_path, 2), emulator)
        try:
            wait_for(lambda: any(task.status == "RUNNING" for task in emulator.tasks), "a running task")
            wait_for(
                lambda: any(r.route == "query" for r in emulator.requests), "the first status query"
            )
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        summary = resume(home, emulator)
        check_results(home, summary, 2)
        assert len(emulator.tasks) == 1


def test_kill_mid_download_then_resume(tmp_path: Path) -> None:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.2)
    with Emulator(key=FAKE_KEY, config=config) as emulator:
        emulator.faults.add("download", Stall(60.0), times=1)
        home = tmp_path / "home"
        child = start_send(home, write_request(tmp_path, 2), emulator)
        try:
            wait_for(lambda: bool(emulator.faults.fired), "a stalled download")
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        summary = resume(home, emulator)
        check_results(home, summary, 2)
        assert len(emulator.tasks) == 1

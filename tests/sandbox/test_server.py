"""The emulator as a server: start, stop, ports, connections, threads and the command line."""

from __future__ import annotations

import http.client
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from gui.sandbox import DEMO_KEY, Emulator, EmulatorConfig

from .support import MULTIMODAL, TEST_KEY, TEXT2IMAGE, ApiClient

pytestmark = pytest.mark.timeout(60)

REPOSITORY = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def submit_body(prompt: str = "a lantern") -> dict[str, object]:
    return {"model": "wanx-v1", "input": {"prompt": prompt}, "parameters": {"n": 1}}


def test_base_url_uses_loopback(emulator: Emulator) -> None:
    assert emulator.base_url == f"http://127.0.0.1:{emulator.port}/api/v1"
    assert emulator.origin == f"http://127.0.0.1:{emulator.port}"
    assert emulator.port > 0
    assert emulator.key == TEST_KEY


def test_default_key_is_demo_key() -> None:
    assert Emulator().key == DEMO_KEY


def test_fixed_port_used_and_exclusive() -> None:
    port = free_port()

    with Emulator(port=port) as emulator:
        assert emulator.port == port
        with pytest.raises(OSError):
            Emulator(port=port).start()


def test_not_running_before_start() -> None:
    emulator = Emulator()

    assert emulator.running is False
    assert emulator.requests == []
    assert emulator.tasks == []
    with pytest.raises(RuntimeError):
        _ = emulator.base_url


def test_start_twice_rejected(emulator: Emulator) -> None:
    with pytest.raises(RuntimeError):
        emulator.start()


def test_stop_twice_allowed() -> None:
    emulator = Emulator().start()

    emulator.stop()
    emulator.stop()

    assert emulator.running is False


def test_restart_serves_again(http: httpx.Client) -> None:
    emulator = Emulator(key=TEST_KEY)
    with emulator:
        pass

    with emulator:
        response = ApiClient(emulator, http).post(TEXT2IMAGE, submit_body())

    assert response.status_code == 200


def test_stop_closes_idle_keepalive_connection(emulator: Emulator) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
    headers = {"Authorization": f"Bearer {emulator.key}"}
    connection.request("GET", "/api/v1/tasks", headers=headers)
    assert connection.getresponse().read()

    started = time.monotonic()
    emulator.stop()
    elapsed = time.monotonic() - started

    # Leaked connection threads are caught by the no_leaked_threads fixture.
    assert elapsed < 2.0
    with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
        connection.request("GET", "/api/v1/tasks", headers=headers)
        connection.getresponse()
    connection.close()


def test_keepalive_serves_several_requests(emulator: Emulator) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
    headers = {"Authorization": f"Bearer {emulator.key}"}

    statuses = []
    sockets = []
    for _ in range(3):
        connection.request("GET", "/api/v1/tasks/unknown-task", headers=headers)
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
        sockets.append(connection.sock)
    connection.close()

    assert statuses == [200, 200, 200]
    assert sockets[0] is not None
    assert sockets[0] is sockets[1] is sockets[2]


def test_chunked_body_accepted(emulator: Emulator) -> None:
    body = json.dumps(submit_body()).encode()
    chunks = [body[:10], body[10:]]

    connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
    connection.request(
        "POST",
        f"/api/v1/{TEXT2IMAGE}",
        body=iter(chunks),
        headers={
            "Authorization": f"Bearer {emulator.key}",
            "X-DashScope-Async": "enable",
            "Content-Type": "application/json",
        },
        encode_chunked=True,
    )
    response = connection.getresponse()
    payload = json.loads(response.read())
    connection.close()

    assert response.status == 200, payload
    assert emulator.requests[-1].body == body


def test_oversized_body_rejected(emulator: Emulator) -> None:
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as raw:
        raw.sendall(
            f"POST /api/v1/{TEXT2IMAGE} HTTP/1.1\r\n"
            f"Host: 127.0.0.1\r\n"
            f"Authorization: Bearer {emulator.key}\r\n"
            f"Content-Length: {200 * 1024 * 1024}\r\n\r\n".encode()
        )
        reply = b""
        while chunk := raw.recv(4096):
            reply += chunk

    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"Connection: close" in head
    assert json.loads(body)["code"] == "BadRequest.TooLarge"


def test_parallel_submissions(api: ApiClient) -> None:
    def submit(index: int) -> int:
        return api.post(TEXT2IMAGE, submit_body(f"lantern {index}")).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(submit, range(24)))

    assert statuses == [200] * 24
    assert len(api.emulator.tasks) == 24
    assert len({record.id for record in api.emulator.tasks}) == 24


def test_sandbox_runs_without_qt() -> None:
    script = """
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
import gui.sandbox.__main__
from gui.sandbox import Emulator
with Emulator() as emulator:
    print(emulator.base_url)
print(any(name.startswith("PySide6") for name in sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("http://127.0.0.1:")
    assert lines[1] == "False"


def test_standalone_prints_url_and_key(http: httpx.Client) -> None:
    command = [
        sys.executable, "-m", "gui.sandbox", "--port", "0", "--key", TEST_KEY,
        "--pending", "0", "--running", "0",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read_lines() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    reader = threading.Thread(target=read_lines, name="standalone-stdout")
    reader.start()
    try:
        first = lines.get(timeout=20)
        second = lines.get(timeout=5)
        base_url = first.removeprefix("Base URL: ")
        key = second.removeprefix("API key: ")

        response = http.post(
            f"{base_url}/{TEXT2IMAGE}",
            json=submit_body(),
            headers={"Authorization": f"Bearer {key}", "X-DashScope-Async": "enable"},
        )
    finally:
        process.terminate()
        process.wait(timeout=20)
        reader.join(timeout=20)
        assert process.stderr is not None
        errors = process.stderr.read()
        process.stderr.close()

    assert first.startswith("Base URL: http://127.0.0.1:")
    assert base_url.endswith("/api/v1")
    assert second == f"API key: {TEST_KEY}"
    assert response.status_code == 200, response.text
    if os.name == "posix":
        # SIGTERM stops the server cleanly.
        assert process.returncode == 0, errors


def test_stop_ends_waiting_sync_call(http: httpx.Client) -> None:
    config = EmulatorConfig(sync_seconds=30.0)
    emulator = Emulator(key=TEST_KEY, config=config).start()
    body = {
        "model": "wan2.6-t2i",
        "input": {"messages": [{"role": "user", "content": [{"text": "a canal"}]}]},
    }
    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(ApiClient(emulator, http).post(MULTIMODAL, body, async_call=False))
        except httpx.HTTPError as error:
            outcome.append(error)

    caller = threading.Thread(target=call, name="sync-caller")
    caller.start()
    deadline = time.monotonic() + 5
    while not emulator.requests:
        assert time.monotonic() < deadline, "the sync call never reached the emulator"
        time.sleep(0.01)

    started = time.monotonic()
    emulator.stop()
    elapsed = time.monotonic() - started
    caller.join(timeout=10)

    assert elapsed < 2.0
    assert not caller.is_alive()
    assert len(outcome) == 1

"""Helpers for emulator tests: endpoint paths, timings, a fake clock and an HTTP client."""

from __future__ import annotations

import io
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from gui.core.request import build_body
from gui.sandbox import Emulator, EmulatorConfig

TEXT2IMAGE = "services/aigc/text2image/image-synthesis"
MULTIMODAL = "services/aigc/multimodal-generation/generation"
IMAGE_GENERATION = "services/aigc/image-generation/generation"

FAST_CONFIG = EmulatorConfig(pending_seconds=0.2, running_seconds=0.3, sync_seconds=0.1)
# Durations for the fake clock, which moves only when a test advances it.
CLOCKED_CONFIG = EmulatorConfig(pending_seconds=10.0, running_seconds=20.0, sync_seconds=0.0)

TEST_KEY = "sk-sandbox-test-key"
NO_KEY = object()
REPOSITORY = Path(__file__).resolve().parents[2]


class FakeClock:
    """A settable clock in epoch seconds."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ApiClient:
    """Sends DashScope requests to one emulator with httpx."""

    def __init__(self, emulator: Emulator, client: httpx.Client) -> None:
        self.emulator = emulator
        self.http = client

    def headers(self, key: Any = None, async_call: bool = False) -> dict[str, str]:
        headers = {}
        if key is not NO_KEY:
            headers["Authorization"] = f"Bearer {key or self.emulator.key}"
        if async_call:
            headers["X-DashScope-Async"] = "enable"
        return headers

    def post(
        self,
        path: str,
        body: Any = None,
        *,
        content: bytes | None = None,
        async_call: bool = True,
        key: Any = None,
    ) -> httpx.Response:
        url = f"{self.emulator.base_url}/{path}"
        headers = self.headers(key, async_call)
        if content is not None:
            headers["Content-Type"] = "application/json"
            return self.http.post(url, content=content, headers=headers)
        return self.http.post(url, json=body, headers=headers)

    def get(self, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        return self.http.get(
            f"{self.emulator.base_url}/{path}", params=params, headers=self.headers()
        )

    def submit(
        self,
        model: str,
        prompt: str = "a lighthouse at dawn",
        parameters: dict[str, Any] | None = None,
    ) -> str:
        """Submit an async task on the model's async path and return its task id."""
        spec = self.emulator.catalog.get(model)
        assert spec is not None
        if spec.protocol == "messages":
            input_part: dict[str, Any] = {
                "messages": [{"role": "user", "content": [{"text": prompt}]}]
            }
        else:
            input_part = {"prompt": prompt}
        body = {"model": model, "input": input_part, "parameters": parameters or {}}
        response = self.post(spec.path("async"), body)
        assert response.status_code == 200, response.text
        task_id: str = response.json()["output"]["task_id"]
        return task_id

    def call(
        self,
        model: str,
        values: Mapping[str, Any],
        mode: str = "async",
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send field values to the model's endpoint for ``mode``, built as the app builds them."""
        spec = self.emulator.catalog[model]
        body = build_body(spec, values)
        all_headers = {**self.headers(async_call=mode == "async"), **(headers or {})}
        url = f"{self.emulator.base_url}/{spec.path(mode)}"
        return self.http.post(url, json=body, headers=all_headers)

    def finish(self, response: httpx.Response, clock: FakeClock) -> dict[str, Any]:
        """Return the finished result of a call: the sync reply, or the task after it ends."""
        assert response.status_code == 200, response.text
        document: dict[str, Any] = response.json()
        if document["output"].get("task_status") != "PENDING":
            return document
        clock.advance(60)
        return self.task(document["output"]["task_id"])

    def task(self, task_id: str) -> dict[str, Any]:
        response = self.get(f"tasks/{task_id}")
        assert response.status_code == 200, response.text
        document: dict[str, Any] = response.json()
        return document

    def wait_for_status(self, task_id: str, status: str, timeout: float = 5.0) -> dict[str, Any]:
        """Poll the task until it has ``status``; fail after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            document = self.task(task_id)
            if document["output"]["task_status"] == status:
                return document
            assert time.monotonic() < deadline, f"task {task_id} never reached {status}"
            time.sleep(0.02)


def output_urls(output: Mapping[str, Any]) -> list[str]:
    """Return the result image URLs of a finished ``output`` in any result shape."""
    if "results" in output:
        return [item["url"] for item in output["results"] if "url" in item]
    if "choices" in output:
        return [item["image"] for item in output["choices"][0]["message"]["content"]]
    for key in ("output_image_url", "image_url"):
        if key in output:
            return [output[key]]
    raise AssertionError(f"no result images in {output}")


def download_image(http: httpx.Client, url: str) -> Image.Image:
    response = http.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


@contextmanager
def standalone(*arguments: str) -> Iterator[tuple[str, str]]:
    """Run ``python -m gui.sandbox`` with ``arguments``; yield its base URL and key."""
    command = [
        sys.executable, "-m", "gui.sandbox", "--port", "0", "--key", TEST_KEY,
        "--pending", "0", "--running", "0", *arguments,
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines: queue.Queue[str] = queue.Queue()

    def read_lines() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    reader = threading.Thread(target=read_lines, name="standalone-stdout")
    reader.start()
    try:
        base_url = lines.get(timeout=20).removeprefix("Base URL: ")
        key = lines.get(timeout=5).removeprefix("API key: ")
        yield base_url, key
    finally:
        process.terminate()
        process.wait(timeout=20)
        reader.join(timeout=20)
        assert process.stderr is not None
        process.stderr.close()

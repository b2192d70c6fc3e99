"""Exported scripts run for real against the emulator: curl, httpx and the dashscope SDK.

Each script gets the emulator's key only through DASHSCOPE_API_KEY in its
environment, and the emulator must receive the body bytes the app's own client
sends.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from gui.core.catalog import load_catalog
from gui.core.dashscope import Credentials, DashScopeClient, make_http_client
from gui.core.exchanges import Exchange, ExchangeLog
from gui.core.exports import body_bytes, export_exchange, export_request
from gui.core.request import ApiRequest, build_request
from gui.sandbox import Emulator, EmulatorConfig, RecordedRequest
from tests.conftest import FAKE_KEY

pytestmark = pytest.mark.timeout(90)

CATALOG = load_catalog()
PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格 — it's \"ok\" $HOME 100%"
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                   "ALL_PROXY")


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.1, sync_seconds=0.05)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


def script_environment(key: str) -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items()
                   if name not in PROXY_VARIABLES}
    environment.update(
        {"DASHSCOPE_API_KEY": key, "POLL_SECONDS": "0.05", "NO_PROXY": "127.0.0.1",
         "PYTHONIOENCODING": "utf-8"}
    )
    return environment


def run_script(command: list[str], folder: Path, key: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command,
        cwd=folder,
        env=script_environment(key),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def model_calls(emulator: Emulator) -> list[RecordedRequest]:
    return [r for r in emulator.requests if r.method == "POST" and "/services/" in r.path]


def request_for(model_id: str, mode: str) -> ApiRequest:
    model = CATALOG[model_id]
    return build_request(model, {**model.initial_values(), "prompt": PROMPT}, mode)


def submit_with_app_client(emulator: Emulator, request: ApiRequest) -> list[Exchange]:
    """Send ``request`` with the app's DashScopeClient; return the recorded exchanges."""
    recorded: list[Exchange] = []

    async def scenario() -> None:
        exchange_log = ExchangeLog()
        exchange_log.add_listener(recorded.append)
        http = make_http_client(exchange_log, proxy=None)
        try:
            credentials = Credentials(emulator.base_url, emulator.key)
            await DashScopeClient(http).submit(credentials, request, task="local-1")
        finally:
            await http.aclose()

    asyncio.run(scenario())
    return recorded


def saved_images(folder: Path) -> list[tuple[int, int]]:
    sizes = []
    for path in sorted(folder.glob("image-*.png")):
        with Image.open(path) as image:
            assert image.format == "PNG"
            sizes.append(image.size)
    return sizes


def needs(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed; install it to run exported {program} scripts")


@pytest.mark.parametrize(
    ("model_id", "mode"), [("wan2.2-t2i-flash", "async"), ("wan2.6-t2i", "sync")]
)
def test_bash_curl_sends_app_bytes(
    emulator: Emulator, tmp_path: Path, model_id: str, mode: str
) -> None:
    needs("curl")
    needs("bash")
    request = request_for(model_id, mode)
    submit_with_app_client(emulator, request)
    [app_call] = model_calls(emulator)
    script = export_request(request, emulator.base_url, "bash", catalog=CATALOG).script
    assert FAKE_KEY not in script

    result = run_script(["bash", "-c", script], tmp_path, emulator.key)

    calls = model_calls(emulator)
    assert len(calls) == 2
    curl_call = calls[1]
    assert curl_call.body == app_call.body
    assert curl_call.body == json.dumps(request.body, ensure_ascii=False).encode("utf-8")
    # Chinese text arrives as UTF-8, not as \uXXXX escapes.
    assert "一只戴着草帽的橘猫".encode() in curl_call.body
    assert curl_call.path == f"/api/v1/{request.path}"
    assert curl_call.header("Authorization") == f"Bearer {emulator.key}"
    assert curl_call.header("X-DashScope-Async") == ("enable" if mode == "async" else None)
    assert curl_call.header("Content-Type") == "application/json"
    width, height = map(int, request.body["parameters"]["size"].split("*"))
    assert saved_images(tmp_path) == [(width, height)]
    assert "Saved image-1.png" in result.stdout
    if mode == "async":
        assert "SUCCEEDED" in result.stdout
        polls = [r for r in emulator.requests if r.method == "GET" and "/tasks/" in r.path]
        assert polls


def test_bash_export_of_recorded_exchange_repeats_bytes(
    emulator: Emulator, tmp_path: Path
) -> None:
    needs("curl")
    needs("bash")
    recorded = submit_with_app_client(emulator, request_for("wan2.2-t2i-flash", "async"))
    [submit] = [exchange for exchange in recorded if exchange.kind == "submit"]
    script = export_exchange(submit, "bash", catalog=CATALOG).script

    run_script(["bash", "-c", script], tmp_path, emulator.key)

    first, repeated = model_calls(emulator)
    assert repeated.body == first.body == submit.request_body
    assert len(saved_images(tmp_path)) == 1


@pytest.mark.parametrize(
    ("model_id", "mode"), [("wan2.2-t2i-flash", "async"), ("wan2.6-t2i", "sync")]
)
def test_httpx_script_sends_app_bytes(
    emulator: Emulator, tmp_path: Path, model_id: str, mode: str
) -> None:
    request = request_for(model_id, mode)
    export = export_request(request, emulator.base_url, "python", catalog=CATALOG)
    [script] = export.write(tmp_path)

    run_script([sys.executable, str(script)], tmp_path, emulator.key)

    [call] = model_calls(emulator)
    assert call.body == body_bytes(request.body)
    assert call.header("Authorization") == f"Bearer {emulator.key}"
    assert len(saved_images(tmp_path)) == 1


@pytest.mark.parametrize(
    ("model_id", "mode"),
    [("wan2.2-t2i-flash", "async"), ("wan2.6-t2i", "sync"), ("wan2.6-t2i", "async")],
)
def test_sdk_script_sends_same_request(
    emulator: Emulator, tmp_path: Path, model_id: str, mode: str
) -> None:
    pytest.importorskip("dashscope")
    request = request_for(model_id, mode)
    export = export_request(request, emulator.base_url, "sdk", catalog=CATALOG)
    [script] = export.write(tmp_path)

    run_script([sys.executable, str(script)], tmp_path, emulator.key)

    [call] = model_calls(emulator)
    sent = call.json()
    assert sent["model"] == request.body["model"]
    assert sent["input"] == request.body["input"]
    # ImageGeneration.async_call adds its own is_async flag to the parameters.
    sent["parameters"].pop("is_async", None)
    assert sent["parameters"] == request.body["parameters"]
    assert (call.header("X-DashScope-Async") == "enable") is (mode == "async")
    assert len(saved_images(tmp_path)) == 1

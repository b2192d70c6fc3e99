"""Exports of requests and recorded exchanges: quoting, encoding and key rules per language."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from gui.core.catalog import ModelSpec, load_catalog
from gui.core.curl_import import import_curl
from gui.core.exchanges import Exchange
from gui.core.exports import (
    FORMATS,
    Export,
    ExportError,
    body_bytes,
    export_exchange,
    export_request,
    plan_exchange,
    split_api_url,
)
from gui.core.har import build_har, har_text
from gui.core.request import ApiRequest, build_request

BASE = "https://dashscope.aliyuncs.com/api/v1"
PROMPT = "一只戴着草帽的橘猫 it's \"quoted\" \\ $HOME `date` %PATH% ^ & | 100% !x"
CATALOG = load_catalog()


def catalog_requests() -> list[tuple[str, ApiRequest]]:
    """Return one request per catalog model and call mode, with a prompt."""
    requests = []
    for model in CATALOG:
        for mode in model.family.paths:
            values = {**model.initial_values(), **_prompt_value(model)}
            requests.append((f"{model.id}-{mode}", build_request(model, values, mode)))
    return requests


def _prompt_value(model: ModelSpec) -> dict[str, str]:
    for name in ("prompt", "text"):
        spec = model.field(name)
        if spec is not None and spec.type == "text":
            return {name: PROMPT}
    return {}


CATALOG_REQUESTS = catalog_requests()


def wan22_request(prompt: str = PROMPT) -> ApiRequest:
    model = CATALOG["wan2.2-t2i-flash"]
    return build_request(model, {**model.initial_values(), "prompt": prompt}, "async")


def wan26_sync_request() -> ApiRequest:
    model = CATALOG["wan2.6-t2i"]
    return build_request(model, {**model.initial_values(), "prompt": PROMPT}, "sync")


@pytest.mark.parametrize(("name", "request_"), CATALOG_REQUESTS, ids=[n for n, _ in CATALOG_REQUESTS])
def test_bash_export_imports_back(name: str, request_: ApiRequest) -> None:
    export = export_request(request_, BASE, "bash", catalog=CATALOG)

    imported = import_curl(export.script)

    assert imported.shell == "bash"
    assert imported.method == "POST"
    assert imported.base_url == BASE
    assert imported.path == request_.path
    assert imported.async_header is request_.is_async
    assert imported.body == request_.body
    assert imported.body_text is not None
    assert imported.body_text.encode("utf-8") == body_bytes(request_.body)
    assert imported.key.kind == "environment"
    assert imported.key.text == "$DASHSCOPE_API_KEY"


@pytest.mark.parametrize(("name", "request_"), CATALOG_REQUESTS, ids=[n for n, _ in CATALOG_REQUESTS])
def test_cmd_export_imports_back(name: str, request_: ApiRequest, tmp_path: Path) -> None:
    export = export_request(request_, BASE, "cmd", catalog=CATALOG)
    export.write(tmp_path)

    imported = import_curl(export.script, folder=tmp_path)

    assert imported.shell == "cmd"
    assert imported.path == request_.path
    assert imported.async_header is request_.is_async
    assert imported.body == request_.body
    assert imported.key.text == "%DASHSCOPE_API_KEY%"


@pytest.mark.parametrize(("name", "request_"), CATALOG_REQUESTS, ids=[n for n, _ in CATALOG_REQUESTS])
def test_every_format_exports(name: str, request_: ApiRequest) -> None:
    for export_format in FORMATS:
        export = export_request(request_, BASE, export_format, catalog=CATALOG)
        assert "DASHSCOPE_API_KEY" in export.script
        if export_format in ("python", "sdk"):
            ast.parse(export.script)


def test_bash_quoting() -> None:
    script = export_request(wan22_request(), BASE, "bash").script
    submit = script[script.index("curl ") : script.index("-o submit.json")]

    assert f"curl -sS -X POST '{BASE}/services/aigc/text2image/image-synthesis'" in submit
    assert '-H "Authorization: Bearer $DASHSCOPE_API_KEY"' in submit
    assert "-H 'X-DashScope-Async: enable'" in submit
    assert "-H 'Content-Type: application/json'" in submit
    # The apostrophe is closed, escaped and reopened; Chinese text stays literal.
    assert "--data-raw '{" in submit
    assert "it'\\''s" in submit
    assert "一只戴着草帽的橘猫" in submit
    assert "\\u4e00" not in script


def test_async_exports_poll_and_download() -> None:
    request = wan22_request()
    for export_format in FORMATS:
        script = export_request(request, BASE, export_format, catalog=CATALOG).script
        assert "X-DashScope-Async" in script or export_format == "sdk", export_format
        assert "tasks" in script or export_format == "sdk", export_format
        for status in ("PENDING", "RUNNING") if export_format != "sdk" else ():
            assert status in script, (export_format, status)
        assert "image-" in script, export_format
    python = export_request(request, BASE, "python").script
    assert f'TASKS_URL = {BASE + "/tasks"!r}' in python
    assert '["url"]' not in python  # results[].url is read with .get
    assert 'part.get("image")' in python


def test_sync_export_has_no_async_header() -> None:
    for export_format in FORMATS:
        script = export_request(wan26_sync_request(), BASE, export_format, catalog=CATALOG).script
        assert "X-DashScope-Async" not in script, export_format
        assert "multimodal-generation/generation" in script or export_format == "sdk"


def test_cmd_rules(tmp_path: Path) -> None:
    export = export_request(wan22_request(), BASE, "cmd")

    assert "'" not in export.script
    assert export.script.isascii()
    assert export.script.startswith("@echo off\n")
    assert 'curl.exe -sS -X POST "' in export.script
    assert '-H "Authorization: Bearer %DASHSCOPE_API_KEY%" ^\n' in export.script
    assert "--data-binary @request.json ^\n" in export.script
    lines = export.script.splitlines()
    submit = lines[next(i for i, line in enumerate(lines) if line.startswith("curl.exe")) :]
    continued = [line for line in submit[:5]]
    assert all(line.endswith(" ^") for line in continued)
    assert [file.name for file in export.files] == ["request.json"]
    assert export.files[0].content == body_bytes(wan22_request().body)
    assert "===== request.json =====" in export.text()
    assert "一只戴着草帽的橘猫" in export.text()

    # Batch files get CRLF line ends, because cmd.exe can miss goto labels in LF-only files.
    export.write(tmp_path)
    script = (tmp_path / "request.cmd").read_bytes()
    assert script.count(b"\r\n") == export.script.count("\n")
    assert b"\r\r" not in script
    assert (tmp_path / "request.json").read_bytes() == body_bytes(wan22_request().body)


def test_cmd_doubles_percent_in_urls() -> None:
    exchange = recorded_exchange(
        kind="download",
        method="GET",
        url="http://127.0.0.1:1/results/a.png?Signature=ab%2Fcd&Expires=1",
        headers=(),
        body=b"",
    )
    script = export_exchange(exchange, "cmd").script
    assert '"http://127.0.0.1:1/results/a.png?Signature=ab%%2Fcd&Expires=1"' in script
    assert "Authorization" not in script


def test_cmd_rejects_non_ascii_url() -> None:
    exchange = recorded_exchange(kind="list", method="GET", url="http://h/api/v1/tasks?m=猫")
    with pytest.raises(ExportError, match="non-ASCII"):
        export_exchange(exchange, "cmd")


def test_powershell_rules(tmp_path: Path) -> None:
    export = export_request(wan22_request(), BASE, "powershell")
    script = export.script
    words = set(re.findall(r"[A-Za-z-]+", script))

    assert "Invoke-RestMethod" in words
    assert "curl" not in words
    assert "iwr" not in words
    assert "Invoke-WebRequest" not in words
    assert '"Bearer $env:DASHSCOPE_API_KEY"' in script
    assert "$json = @'\n{" in script
    assert "\n'@\n" in script
    assert "$body = [System.Text.Encoding]::UTF8.GetBytes($json)" in script
    assert "-Body $body" in script
    assert "一只戴着草帽的橘猫 it's" in script
    assert "${taskId}:" in script
    here_string = script[script.index("$json = @'\n") + len("$json = @'\n") : script.index("\n'@\n")]
    assert here_string.encode("utf-8") == body_bytes(wan22_request().body)

    [path] = export.write(tmp_path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "一只戴着草帽的橘猫".encode() in data


def test_python_exports_keep_key_in_environment() -> None:
    python = export_request(wan22_request(), BASE, "python").script
    sdk = export_request(wan22_request(), BASE, "sdk", catalog=CATALOG).script
    assert 'os.environ["DASHSCOPE_API_KEY"]' in python
    assert 'os.environ["DASHSCOPE_API_KEY"]' in sdk
    assert "json.dumps(body, ensure_ascii=False).encode(\"utf-8\")" in python
    assert "一只戴着草帽的橘猫" in python
    assert "ImageSynthesis.async_call(" in sdk
    assert "ImageSynthesis.wait(task" in sdk


def test_sdk_uses_image_generation_for_messages() -> None:
    sync = export_request(wan26_sync_request(), BASE, "sdk", catalog=CATALOG).script
    assert "ImageGeneration.call(" in sync
    assert "messages=[" in sync or "messages=" in sync
    model = CATALOG["wan2.6-t2i"]
    request = build_request(model, {"prompt": "a"}, "async")
    task = export_request(request, BASE, "sdk", catalog=CATALOG).script
    assert "ImageGeneration.async_call(" in task
    assert "ImageGeneration.wait(task" in task


def test_sdk_generic_call_for_unusual_body() -> None:
    body = {"model": "wanx-style-repaint-v1", "input": {"image_url": "https://e.com/a.png",
                                                         "style_index": 3}}
    request = ApiRequest(body["model"], "async", "services/aigc/image-generation/generation", body)
    script = export_request(request, BASE, "sdk", catalog=CATALOG).script
    assert "BaseAsyncApi.async_call(" in script
    assert "task_group='aigc'" in script
    assert "task='image-generation'" in script
    assert "function='generation'" in script
    ast.parse(script)


def test_sdk_rejects_parameter_named_like_sdk_argument() -> None:
    body = {"model": "wanx-v1", "input": {"prompt": "a"}, "parameters": {"stream": True}}
    request = ApiRequest("wanx-v1", "async", "services/aigc/text2image/image-synthesis", body)
    with pytest.raises(ExportError, match="stream"):
        export_request(request, BASE, "sdk", catalog=CATALOG)


def test_workspace_header_exported() -> None:
    for export_format in FORMATS:
        script = export_request(
            wan22_request(), BASE, export_format, workspace="ws-42", catalog=CATALOG
        ).script
        assert "ws-42" in script, export_format


def test_unknown_format_rejected() -> None:
    with pytest.raises(ExportError, match="Unknown export format"):
        export_request(wan22_request(), BASE, "fish")


def test_split_api_url() -> None:
    assert split_api_url(f"{BASE}/tasks/1?a=b") == (BASE, "tasks/1")
    assert split_api_url("http://127.0.0.1:9/api/v1") == ("http://127.0.0.1:9/api/v1", "")
    assert split_api_url("https://example.com/v1/x") is None


def recorded_exchange(
    *,
    kind: str = "submit",
    method: str = "POST",
    url: str = f"{BASE}/services/aigc/text2image/image-synthesis",
    headers: tuple[tuple[str, str], ...] = (
        ("host", "dashscope.aliyuncs.com"),
        ("accept", "*/*"),
        ("user-agent", "PixelPost/0 httpx/0"),
        ("authorization", "Bearer sk-…abcd"),
        ("content-type", "application/json"),
        ("x-dashscope-async", "enable"),
        ("content-length", "99"),
    ),
    body: bytes | None = None,
    status: int | None = 200,
    response_headers: tuple[tuple[str, str], ...] = (
        ("content-type", "application/json"),
        ("x-request-id", "req-1"),
        ("req-cost-time", "35"),
    ),
    response_body: bytes = b'{"request_id": "req-1", "output": {"task_id": "t-1"}}',
    task: str | None = "local-1",
) -> Exchange:
    return Exchange(
        id=7,
        kind=kind,
        task=task,
        method=method,
        url=url,
        request_headers=headers,
        request_body=body_bytes(wan22_request().body) if body is None else body,
        started_at=1_767_000_000.25,
        status=status,
        response_headers=response_headers,
        response_body=response_body,
        response_size=len(response_body),
        time_to_headers=0.120,
        total_time=0.150,
    )


def test_exchange_export_rebuilds_authorization() -> None:
    exchange = recorded_exchange()
    plan = plan_exchange(exchange, catalog=CATALOG)

    assert plan.follow_up == "poll"
    assert plan.model == "wan2.2-t2i-flash"
    assert plan.protocol == "prompt"
    assert [name for name, _ in plan.headers] == ["Content-Type", "X-DashScope-Async"]
    for export_format in FORMATS:
        script = export_exchange(exchange, export_format, catalog=CATALOG).script
        assert "sk-…abcd" not in script, export_format
        assert "DASHSCOPE_API_KEY" in script, export_format
        assert "user-agent" not in script.lower() or export_format == "sdk", export_format
    imported = import_curl(export_exchange(exchange, "bash").script)
    assert imported.body_text is not None
    assert imported.body_text.encode("utf-8") == exchange.request_body


def test_exchange_export_of_poll_is_single_call() -> None:
    exchange = recorded_exchange(
        kind="poll",
        method="GET",
        url=f"{BASE}/tasks/t-1",
        headers=(("authorization", "Bearer sk-…abcd"),),
        body=b"",
    )
    bash = export_exchange(exchange, "bash").script
    assert f"curl -sS '{BASE}/tasks/t-1'" in bash
    assert "-X" not in bash
    assert "sleep" not in bash
    sdk = export_exchange(exchange, "sdk").script
    assert "BaseAsyncApi.fetch('t-1', api_key=API_KEY)" in sdk


def test_exchange_export_of_download_saves_file() -> None:
    exchange = recorded_exchange(
        kind="download", method="GET", url="http://127.0.0.1:1/results/a.png?x=1", headers=()
    )
    exchange = Exchange(**{**exchange.__dict__, "request_body": b""})
    python = export_exchange(exchange, "python").script
    assert "open('a.png', \"wb\")" in python
    assert "Authorization" not in python
    with pytest.raises(ExportError, match="the SDK cannot call it"):
        export_exchange(exchange, "sdk")


def test_export_text_is_script_without_files() -> None:
    export = Export("bash", "request.sh", "echo hi\n")
    assert export.text() == "echo hi\n"


def test_har_fields() -> None:
    submit = recorded_exchange()
    download = Exchange(
        **{
            **recorded_exchange(kind="download", method="GET", headers=()).__dict__,
            "url": "http://127.0.0.1:1/results/a.png?Expires=1&Signature=x",
            "request_body": b"",
            "response_body": b"",
            "response_size": 2048,
            "response_headers": (("content-type", "image/png"),),
            "body_omitted": True,
            "started_at": 1_767_000_001.0,
        }
    )
    failed = Exchange(
        **{**recorded_exchange(status=None).__dict__, "error": "ConnectError: refused",
           "response_headers": (), "response_body": b"", "response_size": None,
           "started_at": 1_767_000_002.0}
    )

    document = json.loads(har_text([download, submit, failed], app_version="9.9"))

    log = document["log"]
    assert log["version"] == "1.2"
    assert log["creator"] == {"name": "PixelPost", "version": "9.9"}
    first, second, third = log["entries"]
    assert first["startedDateTime"] == "2025-12-29T09:20:00.250Z"
    assert first["time"] == 150.0
    assert first["timings"] == {"send": 0, "wait": 120.0, "receive": 30.0}
    assert first["cache"] == {}
    request = first["request"]
    assert request["method"] == "POST"
    assert request["httpVersion"] == "HTTP/1.1"
    assert {"name": "authorization", "value": "Bearer sk-…abcd"} in request["headers"]
    assert request["postData"]["mimeType"] == "application/json"
    assert json.loads(request["postData"]["text"]) == wan22_request().body
    assert request["headersSize"] == -1
    assert request["bodySize"] == len(submit.request_body)
    assert request["queryString"] == []
    response = first["response"]
    assert response["status"] == 200
    assert response["statusText"] == "OK"
    assert response["content"]["mimeType"] == "application/json"
    assert json.loads(response["content"]["text"])["output"]["task_id"] == "t-1"
    assert response["redirectURL"] == ""
    assert response["bodySize"] == len(submit.response_body)
    assert second["request"]["queryString"] == [
        {"name": "Expires", "value": "1"},
        {"name": "Signature", "value": "x"},
    ]
    assert "text" not in second["response"]["content"]
    assert second["response"]["content"]["size"] == 2048
    assert "2048 bytes" in second["response"]["content"]["comment"]
    assert third["response"]["status"] == 0
    assert third["response"]["_error"] == "ConnectError: refused"
    for entry in log["entries"]:
        for key in ("startedDateTime", "time", "request", "response", "cache", "timings"):
            assert key in entry


def test_har_keeps_chinese_text() -> None:
    text = har_text([recorded_exchange()])
    assert "一只戴着草帽的橘猫" in text
    assert build_har([])["log"]["entries"] == []

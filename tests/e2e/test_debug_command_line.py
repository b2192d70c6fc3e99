"""The import-curl and export commands as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core.exports import body_bytes

pytestmark = pytest.mark.timeout(60)

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_CASES = REPOSITORY.parent / "shared" / "cases" / "curl-import"
PASTED_KEY = "sk-test-fake-pasted-000000000000beef"
BODY = {
    "model": "wanx2.1-t2i-turbo",
    "input": {"prompt": "一只戴着草帽的橘猫"},
    "parameters": {"size": "1280*720", "n": 1},
}


def run_pixelpost(
    *args: str, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    environment.pop("DASHSCOPE_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "gui", "--home", str(cwd / "home"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=45,
        env=environment,
        cwd=cwd,
        input=stdin,
    )


@pytest.mark.skipif(not SHARED_CASES.is_dir(), reason=f"no shared curl cases at {SHARED_CASES}")
def test_import_curl_prints_shared_case(tmp_path: Path) -> None:
    case = SHARED_CASES / "02-cmd-chinese-prompt.cmd"
    expected = json.loads((SHARED_CASES / "02-cmd-chinese-prompt.expected.json").read_text("utf-8"))

    result = run_pixelpost("import-curl", str(case), cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    for name in ("method", "base_url", "path", "async_header", "body"):
        assert printed[name] == expected[name], name
    assert "DASHSCOPE_API_KEY" in printed["api_key_reference"]
    assert printed["model"] == "wanx2.1-t2i-turbo"
    assert printed["region"] == "beijing"
    assert printed["mode"] == "async"
    assert result.stderr == ""


def test_import_curl_warns_about_key_without_printing_it(tmp_path: Path) -> None:
    command = tmp_path / "command.sh"
    command.write_text(
        "curl https://dashscope-intl.aliyuncs.com/api/v1/services/aigc/text2image/image-synthesis"
        f" -H 'Authorization: Bearer {PASTED_KEY}' -H 'X-DashScope-Async: enable'"
        f" -d '{json.dumps(BODY, ensure_ascii=False)}'\n",
        encoding="utf-8",
    )

    result = run_pixelpost("import-curl", str(command), cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert PASTED_KEY not in result.stdout
    assert PASTED_KEY not in result.stderr
    assert "Warning: the command contains an API key (sk-…beef)" in result.stderr
    printed = json.loads(result.stdout)
    assert printed["body"] == BODY
    assert printed["region"] == "singapore"
    assert "literal API key" in printed["api_key_reference"]
    assert not [path for path in (tmp_path / "home").rglob("*") if path.is_file()
                and PASTED_KEY.encode() in path.read_bytes()]


def test_import_curl_reads_body_file_beside_command(tmp_path: Path) -> None:
    (tmp_path / "request.json").write_bytes(body_bytes(BODY))
    command = tmp_path / "send.cmd"
    command.write_text(
        'curl.exe -X POST "https://dashscope.aliyuncs.com/api/v1/services/aigc/text2image/'
        'image-synthesis" ^\r\n  -H "X-DashScope-Async: enable" ^\r\n'
        "  --data-binary @request.json\r\n",
        encoding="utf-8",
    )
    result = run_pixelpost("import-curl", "send.cmd", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["body"] == BODY


def test_import_curl_from_standard_input(tmp_path: Path) -> None:
    result = run_pixelpost(
        "import-curl", "-", cwd=tmp_path,
        stdin="curl https://dashscope.aliyuncs.com/api/v1/tasks/abc\n",
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["method"] == "GET"
    assert printed["path"] == "tasks/abc"
    assert printed["body"] is None


def test_import_curl_reports_position(tmp_path: Path) -> None:
    command = tmp_path / "broken.sh"
    command.write_text("curl -X POST \\\n  'https://dashscope.aliyuncs.com/api/v1/x\n", "utf-8")
    result = run_pixelpost("import-curl", str(command), cwd=tmp_path)
    assert result.returncode == 2
    assert "Unclosed single quote" in result.stderr
    assert "line 2, column 3" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("export_format", ["bash", "cmd", "powershell", "python", "sdk"])
def test_export_prints_script(tmp_path: Path, export_format: str) -> None:
    request = tmp_path / "请求.json"
    request.write_text(json.dumps(BODY, ensure_ascii=False), encoding="utf-8")

    result = run_pixelpost("export", "--format", export_format, str(request), cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "DASHSCOPE_API_KEY" in result.stdout
    assert "一只戴着草帽的橘猫" in result.stdout
    assert "https://dashscope.aliyuncs.com/api/v1" in result.stdout
    if export_format != "sdk":  # the SDK builds the endpoint path itself
        assert "text2image/image-synthesis" in result.stdout


def test_export_bash_imports_back(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(BODY, ensure_ascii=False), encoding="utf-8")
    exported = run_pixelpost(
        "export", "--format", "bash", "--region", "singapore", str(request), cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "request.sh").write_text(exported.stdout, encoding="utf-8")

    imported = run_pixelpost("import-curl", "request.sh", cwd=tmp_path)

    assert imported.returncode == 0, imported.stderr
    printed = json.loads(imported.stdout)
    assert printed["body"] == BODY
    assert printed["base_url"] == "https://dashscope-intl.aliyuncs.com/api/v1"
    assert printed["async_header"] is True


def test_export_writes_cmd_files(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(BODY, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_pixelpost(
        "export", "--format", "cmd", "--out", str(out), str(request), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["request.cmd", "request.json"]
    assert (out / "request.json").read_bytes() == body_bytes(BODY)
    assert b"\r\n" in (out / "request.cmd").read_bytes()


def test_export_sandbox_needs_base_url(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(BODY), encoding="utf-8")
    result = run_pixelpost(
        "export", "--format", "bash", "--region", "sandbox", str(request), cwd=tmp_path
    )
    assert result.returncode == 2
    assert "--base-url" in result.stderr
    result = run_pixelpost(
        "export", "--format", "bash", "--region", "sandbox", "--base-url",
        "http://127.0.0.1:8123/api/v1", str(request), cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "'http://127.0.0.1:8123/api/v1/services/aigc/text2image/image-synthesis'" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("body", "arguments", "words"),
    [
        (BODY, ("--mode", "sync"), "not offered as sync"),
        ({"model": "no-such-model", "input": {}}, (), "not in the catalog"),
        ({"input": {}}, (), '"model" string'),
        (BODY, ("--region", "mars"), "Unknown region"),
    ],
)
def test_export_rejects_bad_input(
    tmp_path: Path, body: dict[str, object], arguments: tuple[str, ...], words: str
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(body), encoding="utf-8")
    result = run_pixelpost("export", "--format", "bash", *arguments, str(request), cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stdout == ""


def test_export_warns_about_invalid_values(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    body = {**BODY, "parameters": {"n": 9}}
    request.write_text(json.dumps(body), encoding="utf-8")
    result = run_pixelpost("export", "--format", "python", str(request), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Warning: n: 9 is above the maximum" in result.stderr

"""The command line as a user runs it: self-test, headless send and catalog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

pytestmark = pytest.mark.timeout(120)


def run_pixelpost(*args: str, home: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # No key store on the command line: the self-test must not depend on one.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    environment.pop("DASHSCOPE_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "gui", "--home", str(home), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=environment,
    )


def test_demo_self_test_saves_checked_image(tmp_path: Path) -> None:
    result = run_pixelpost("--demo", "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("Self-test passed"))
    image_path = Path(line.split(": ", 1)[1])
    assert image_path.is_relative_to(tmp_path / "results")
    with Image.open(image_path) as image:
        assert image.size == (1280, 1280)
    sidecar = json.loads(image_path.with_name(image_path.stem + ".json").read_text("utf-8"))
    for name in ("model", "request", "orig_prompt", "seed", "size", "task_id", "request_id"):
        assert name in sidecar
    assert "keyring backend: keyring.backends.fail.Keyring" in result.stdout


def test_self_test_needs_demo(tmp_path: Path) -> None:
    result = run_pixelpost("--self-test", home=tmp_path)
    assert result.returncode == 2
    assert "--self-test needs --demo" in result.stderr


def test_send_saves_results_and_prints_summary(tmp_path: Path) -> None:
    request = tmp_path / "请求 文件.json"
    prompt = "一只戴着草帽的橘猫"
    body = {
        "model": "wanx2.1-t2i-turbo",
        "input": {"prompt": prompt},
        "parameters": {"size": "1280*720", "n": 2},
    }
    request.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_pixelpost(
        "send", str(request), "--region", "sandbox", "--out", str(out), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["status"] == "SUCCEEDED"
    assert summary["model"] == "wanx2.1-t2i-turbo"
    assert len(summary["files"]) == 2
    for file in summary["files"]:
        assert Path(file).is_relative_to(out)
        with Image.open(file) as image:
            assert image.size == (1280, 720)
        sidecar = json.loads(Path(file).with_suffix(".json").read_text("utf-8"))
        assert sidecar["orig_prompt"] == prompt


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"model": "wan2.2-t2i-flash", "input": {"prompt": "a"}, "parameters": {"n": 0}}, "n: 0"),
        (
            {
                "model": "wan2.2-t2i-flash",
                "input": {"prompt": "a"},
                "parameters": {"size": "1024x1024"},
            },
            "asterisk",
        ),
        ({"model": "no-such-model", "input": {"prompt": "a"}}, "not in the catalog"),
        ({"input": {"prompt": "a"}}, '"model" string'),
    ],
)
def test_send_rejects_bad_request_before_sending(
    tmp_path: Path, body: dict[str, object], words: str
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(body), encoding="utf-8")
    result = run_pixelpost("send", str(request), home=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stdout == ""


def test_send_reports_invalid_json_position(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text('{"model": "wanx-v1",\n "input": }', encoding="utf-8")
    result = run_pixelpost("send", str(request), home=tmp_path)
    assert result.returncode == 2
    assert "line 2" in result.stderr


def test_catalog_lists_models(tmp_path: Path) -> None:
    result = run_pixelpost("catalog", home=tmp_path)
    assert result.returncode == 0, result.stderr
    models = {entry["id"]: entry for entry in json.loads(result.stdout)}
    assert models["wan2.6-t2i"]["paths"]["sync"] == "services/aigc/multimodal-generation/generation"
    assert "wanx-v1" in models


def test_ctrl_c_closes_demo_window_cleanly(tmp_path: Path) -> None:
    import signal
    import time

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "--home", str(tmp_path), "--demo"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    log_file = tmp_path / "logs" / "pixelpost.log"
    try:
        deadline = time.monotonic() + 60
        while not (log_file.exists() and "Window shown" in log_file.read_text("utf-8")):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the window did not appear within 60 s"
            time.sleep(0.1)  # polling a file another process writes; no signal to wait on
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "PixelPost stopped" in log_file.read_text("utf-8")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_explain_answers_every_code(language: str, capsys: pytest.CaptureFixture[str]) -> None:
    from gui.cli import main
    from gui.core.explain import load_error_catalog

    catalog = load_error_catalog()
    for code in catalog.codes():
        assert main(["explain", code, "--lang", language]) == 0, code
        printed = capsys.readouterr().out
        explanation = catalog.explain(code)
        assert printed.startswith(explanation.title.get(language)), code
        assert explanation.fix.get(language) in printed


def test_explain_unknown_code_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    from gui.cli import main

    assert main(["explain", "NoSuchCode"]) == 1
    printed = capsys.readouterr()
    assert "NoSuchCode" in printed.out
    assert "Did you mean" not in printed.err


def test_explain_suggests_prefixed_code(capsys: pytest.CaptureFixture[str]) -> None:
    from gui.cli import main

    assert main(["explain", "InputDownloadFailed"]) == 1
    assert "Did you mean: BadRequest.InputDownloadFailed?" in capsys.readouterr().err

"""Importing curl commands as users paste them: bash, cmd.exe and PowerShell syntax."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.core.catalog import load_catalog
from gui.core.curl_import import (
    CurlImportError,
    ImportedCurl,
    import_curl,
    match_catalog,
    region_for_url,
)
from gui.core.secrets import REDACTOR
from gui.core.shell_words import detect_shell

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_CASES = REPOSITORY.parent / "shared" / "cases" / "curl-import"
BASE = "https://dashscope.aliyuncs.com/api/v1"
T2I = f"{BASE}/services/aigc/text2image/image-synthesis"
LITERAL_KEY = "sk-test-fake-pasted-000000000000beef"


def shared_cases() -> list[Path]:
    if not SHARED_CASES.is_dir():
        return []
    return sorted(p for p in SHARED_CASES.iterdir() if not p.name.endswith(".expected.json"))


@pytest.mark.skipif(
    not SHARED_CASES.is_dir(),
    reason=f"the shared curl cases are not at {SHARED_CASES} (a copy of shared/ beside the clone)",
)
@pytest.mark.parametrize("case", shared_cases(), ids=lambda path: path.name)
def test_shared_case_imports_to_expected(case: Path) -> None:
    expected = json.loads(case.with_name(case.stem + ".expected.json").read_text("utf-8"))

    imported = import_curl(case.read_text("utf-8"), folder=case.parent)

    assert imported.method == expected["method"]
    assert imported.base_url == expected["base_url"]
    assert imported.path == expected["path"]
    assert imported.async_header is expected["async_header"]
    assert imported.body == expected["body"]
    # The expected reference is a description: an environment variable, no key.
    assert imported.key.kind == "environment"
    assert imported.key.variable == "DASHSCOPE_API_KEY"
    assert "DASHSCOPE_API_KEY" in expected["api_key_reference"]
    assert imported.api_key is None


def test_shared_cmd_case_keeps_chinese_bytes() -> None:
    case = SHARED_CASES / "02-cmd-chinese-prompt.cmd"
    if not case.exists():
        pytest.skip(f"{case} is not present")
    imported = import_curl(case.read_text("utf-8"), folder=case.parent)
    assert imported.shell == "cmd"
    assert imported.body["input"]["prompt"] == "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格"
    assert "%DASHSCOPE_API_KEY%" in imported.key.describe()


@pytest.mark.parametrize(
    ("text", "shell"),
    [
        ("curl -X POST 'https://x/api/v1/a' -d '{}'", "bash"),
        ('curl.exe "https://x/api/v1/a" ^\n  -H "Authorization: Bearer %KEY_NAME%"', "cmd"),
        ('curl ^"https://x/api/v1/a^" --data-raw ^"^{^}^"', "cmd"),
        ("curl.exe 'https://x/api/v1/a' `\n  -d '{}'", "powershell"),
        ('curl.exe https://x/api/v1/a -H "Authorization: Bearer $env:KEY_NAME"', "powershell"),
        # A percent-encoded URL is not a cmd.exe variable reference.
        ("curl 'https://x/api/v1/a?sig=%E4%B8%80'", "bash"),
    ],
)
def test_shell_detected(text: str, shell: str) -> None:
    assert detect_shell(text) == shell


def test_bash_quoting_forms() -> None:
    text = (
        "curl --request POST \\\n"
        f"  --url {T2I} \\\n"
        '  --header "X-DashScope-Async: enable" \\\n'
        "  -H $'Content-Type: application/json' \\\n"
        """  --data-raw $'{"input": {"prompt": "it\\'s \\u4e00\\xe4\\xb8\\x80 cat"}}'"""
    )

    imported = import_curl(text)

    assert imported.shell == "bash"
    assert imported.method == "POST"
    assert imported.path == "services/aigc/text2image/image-synthesis"
    assert imported.async_header is True
    assert imported.body == {"input": {"prompt": "it's 一一 cat"}}


def test_bash_double_quoted_body_with_escapes() -> None:
    text = f'curl {T2I} -d "{{\\"input\\": {{\\"prompt\\": \\"a \\\\\\"b\\\\\\" 猫\\"}}}}"'
    imported = import_curl(text)
    assert imported.body == {"input": {"prompt": 'a "b" 猫'}}


def test_bash_comments_and_assignments_skipped() -> None:
    text = (
        "# Submit a task\n"
        "export DASHSCOPE_API_KEY=sk-xxx\n"
        f"LANG=C curl -sSL {T2I} -H 'X-DashScope-Async: enable' -d '{{}}'  # trailing note\n"
        f"curl {BASE}/tasks/abc\n"
    )
    imported = import_curl(text)
    assert imported.method == "POST"
    assert imported.body == {}
    assert any("2 curl commands" in note for note in imported.notes)
    assert any("-s, -S, -L" in note for note in imported.notes)


def test_here_document_body() -> None:
    text = (
        f'curl {T2I} -H "Authorization: Bearer ${{DASHSCOPE_API_KEY}}" '
        "--data-binary @- <<'EOF'\n"
        '{"input": {"prompt": "猫"}}\n'
        "EOF\n"
        "echo done\n"
    )
    imported = import_curl(text)
    assert imported.body == {"input": {"prompt": "猫"}}
    assert imported.key.text == "${DASHSCOPE_API_KEY}"


def test_cmd_caret_escapes_from_browser() -> None:
    text = (
        f'curl ^"{T2I}^" ^\n'
        '  -H ^"content-type: application/json^" ^\n'
        '  --data-raw ^"^{^\\^"prompt^\\^":^\\^"a ^& b 100%%^\\^"^}^" ^\n'
        "  --compressed"
    )
    imported = import_curl(text)
    assert imported.shell == "cmd"
    assert imported.body == {"prompt": "a & b 100%%"}
    assert any("--compressed" in note for note in imported.notes)


def test_cmd_ampersand_exposed_by_quote_escape() -> None:
    text = f'curl.exe "{T2I}" ^\n -d "{{\\"url\\": \\"https://e.com/?a=1&b=2\\"}}"'
    with pytest.raises(CurlImportError, match=r"cmd.exe ends the command at this &") as raised:
        import_curl(text)
    assert raised.value.line == 2


def test_cmd_body_file(tmp_path: Path) -> None:
    body = {"model": "wanx2.1-t2i-turbo", "input": {"prompt": "一只猫"}}
    (tmp_path / "request.json").write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    text = (
        f'curl.exe -X POST "{T2I}" ^\n'
        '  -H "Authorization: Bearer %DASHSCOPE_API_KEY%" ^\n'
        "  --data-binary @request.json"
    )
    imported = import_curl(text, folder=tmp_path)
    assert imported.body == body
    assert imported.key.text == "%DASHSCOPE_API_KEY%"


def test_powershell_backticks_and_escaped_quotes() -> None:
    text = (
        f"curl.exe -X POST '{T2I}' `\n"
        '  -H "Authorization: Bearer $env:DASHSCOPE_API_KEY" `\n'
        "  -d '{\\\"input\\\": {\\\"prompt\\\": \\\"猫\\\"}}'"
    )
    imported = import_curl(text)
    assert imported.shell == "powershell"
    assert imported.body == {"input": {"prompt": "猫"}}
    assert imported.key.variable == "DASHSCOPE_API_KEY"
    assert any("PowerShell 5.1" in note for note in imported.notes)


def test_powershell_curl_alias_noted() -> None:
    text = f"curl -X POST '{T2I}' `\n -d '{{}}'"
    imported = import_curl(text, shell="powershell")
    assert any("alias of Invoke-WebRequest" in note for note in imported.notes)


def test_literal_key_kept_apart() -> None:
    text = f"curl {T2I} -H 'Authorization: Bearer {LITERAL_KEY}' -d '{{}}'"

    imported = import_curl(text)

    assert imported.api_key == LITERAL_KEY
    assert imported.has_literal_key
    assert imported.key.kind == "literal"
    assert imported.key.text == "sk-…beef"
    assert LITERAL_KEY not in repr(imported)
    assert LITERAL_KEY not in json.dumps(imported.summary())
    assert LITERAL_KEY not in " ".join(imported.notes)
    # Registered with the redactor, so a log line that quotes it is scrubbed.
    assert LITERAL_KEY not in REDACTOR.redact(f"key {LITERAL_KEY}")


@pytest.mark.parametrize(
    "token", ["<your-api-key>", "YOUR_API_KEY", "sk-xxxxxxxx", "$YOUR_KEY_HERE", "sk-..."]
)
def test_placeholder_key_not_taken_for_key(token: str) -> None:
    text = f"curl {T2I} -H 'Authorization: Bearer {token}' -d '{{}}'"
    imported = import_curl(text)
    assert imported.api_key is None
    assert imported.key.kind in ("placeholder", "environment")


def test_single_quoted_variable_noted() -> None:
    text = f"curl {T2I} -H 'Authorization: Bearer $DASHSCOPE_API_KEY' -d '{{}}'"
    imported = import_curl(text)
    assert imported.key.kind == "environment"
    assert any("single quotes" in note for note in imported.notes)


def test_missing_authorization_described() -> None:
    imported = import_curl(f"curl {T2I} -d '{{}}'")
    assert imported.key.kind == "missing"
    assert imported.key.describe() == "no Authorization header"


def test_method_defaults_and_options() -> None:
    assert import_curl(f"curl {BASE}/tasks/abc").method == "GET"
    assert import_curl(f"curl -XPOST {BASE}/tasks/abc/cancel").method == "POST"
    imported = import_curl(f"curl {T2I} --json '{{\"a\": 1}}' -o out.json 2>&1 > log.txt")
    assert imported.method == "POST"
    assert imported.body == {"a": 1}
    assert not any("Content-Type" in note for note in imported.notes)


def test_data_file_read_relative_to_folder(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text('{\r\n "input": {"prompt": "猫"}\r\n}\r\n', "utf-8")
    imported = import_curl(f"curl {T2I} -d @body.json", folder=tmp_path)
    assert imported.body == {"input": {"prompt": "猫"}}
    # -d drops line breaks from the file like curl does; --data-binary keeps them.
    assert imported.body_text == '{ "input": {"prompt": "猫"}}'
    binary = import_curl(f"curl {T2I} --data-binary @body.json", folder=tmp_path)
    assert binary.body_text is not None and "\r\n" in binary.body_text


def test_data_file_with_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_bytes(b'\xef\xbb\xbf{"a": 1}')
    imported = import_curl(f"curl {T2I} --data-binary @body.json", folder=tmp_path)
    assert imported.body == {"a": 1}
    assert any("byte order mark" in note for note in imported.notes)


@pytest.mark.parametrize(
    ("text", "words", "line", "column"),
    [
        ("curl -X POST 'https://x/api/v1/a \\\n  -d '{}'", "Unclosed single quote", 2, 9),
        ('curl "https://x/api/v1/a', "Unclosed double quote", 1, 6),
        ('curl.exe "https://x/api/v1/a" ^\n  -d "{', "Unclosed double quote", 2, 6),
        ("wget https://x/api/v1/a", "not a curl command", 1, 1),
        ("", "not a curl command", None, None),
        (f"curl {T2I} -d '{{\n  \"a\": 1,\n  \"b\" 2}}'", "line 3, column 7 of the body", 1, 88),
        ("curl $BASE_URL/services/x", "variable BASE_URL", 1, 6),
        ("curl https://example.com/v1/images", "no /api/v1/ part", 1, 6),
        (f"curl {T2I} -F 'file=@a.png'", "multipart form", 1, 85),
        (f"curl {T2I} -d @-", "standard input", 1, 88),
        (f"curl {T2I} -H", "needs a value", 1, 85),
    ],
)
def test_errors_name_problem_and_position(
    text: str, words: str, line: int | None, column: int | None
) -> None:
    with pytest.raises(CurlImportError) as raised:
        import_curl(text)
    assert words in str(raised.value)
    assert raised.value.line == line
    assert raised.value.column == column


def test_missing_body_file_named(tmp_path: Path) -> None:
    with pytest.raises(CurlImportError, match=r"request\.json was not found in") as raised:
        import_curl(f"curl {T2I} --data-binary @request.json", folder=tmp_path)
    assert str(tmp_path) in str(raised.value)


def test_body_file_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "request.json").write_bytes('{"p": "草帽"}'.encode("gbk"))
    with pytest.raises(CurlImportError, match=r"not UTF-8 \(byte 0xB2 at offset 7\)"):
        import_curl(f"curl {T2I} -d @request.json", folder=tmp_path)


def test_body_file_needs_folder() -> None:
    with pytest.raises(CurlImportError, match="pass the folder"):
        import_curl(f"curl {T2I} -d @request.json")


def imported_for(model: str, url: str, async_header: bool) -> ImportedCurl:
    header = " -H 'X-DashScope-Async: enable'" if async_header else ""
    body = {"model": model, "input": {"prompt": "猫"}, "parameters": {"n": 2, "extra": True}}
    return import_curl(f"curl {url}{header} -d '{json.dumps(body, ensure_ascii=False)}'")


def test_catalog_match_finds_model_mode_region() -> None:
    catalog = load_catalog()
    imported = imported_for("wan2.2-t2i-flash", T2I, async_header=True)

    match = match_catalog(imported, catalog)

    assert match.model is not None and match.model.id == "wan2.2-t2i-flash"
    assert match.mode == "async"
    assert match.region == "beijing"
    assert match.values["prompt"] == "猫"
    assert match.values["n"] == 2
    assert match.extra == {"parameters": {"extra": True}}
    assert match.problems == ()


def test_catalog_match_explains_missing_async_header() -> None:
    match = match_catalog(imported_for("wan2.2-t2i-flash", T2I, False), load_catalog())
    assert match.mode == "async"
    assert any("lacks the X-DashScope-Async" in problem for problem in match.problems)


def test_catalog_match_unknown_model() -> None:
    match = match_catalog(imported_for("no-such-model", T2I, True), load_catalog())
    assert match.model is None
    assert match.model_id == "no-such-model"
    assert any("not in the catalog" in problem for problem in match.problems)


@pytest.mark.parametrize(
    ("base_url", "region"),
    [
        ("https://dashscope.aliyuncs.com/api/v1", "beijing"),
        ("https://dashscope-intl.aliyuncs.com/api/v1/", "singapore"),
        ("https://ws-123.ap-southeast-1.maas.aliyuncs.com/api/v1", "singapore"),
        ("https://ws-123.cn-beijing.maas.aliyuncs.com/api/v1", "beijing"),
        ("https://example.com/api/v1", None),
    ],
)
def test_region_for_url(base_url: str, region: str | None) -> None:
    assert region_for_url(base_url) == region


def test_region_for_sandbox_url() -> None:
    sandbox = "http://127.0.0.1:8123/api/v1"
    assert region_for_url(sandbox, sandbox) == "sandbox"

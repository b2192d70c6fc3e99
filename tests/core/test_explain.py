"""Tests for the error explanation catalog in ``resources/errors`` and its loader."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.core.explain import (
    ACTIONS,
    ErrorCatalog,
    ErrorCatalogError,
    Explanation,
    load_error_catalog,
)
from gui.core.resources import resource_dir

ERRORS_DIR = resource_dir() / "errors"
CJK = re.compile(r"[\u4e00-\u9fff]")

# Every code of the published server error table, with the lowercase and legacy
# spellings the table lists next to them.
SERVER_CODES_BY_STATUS: dict[int, list[str]] = {
    400: [
        "InvalidParameter",
        "InvalidParameter.DataInspection",
        "DataInspectionFailed",
        "data_inspection_failed",
        "IPInfringementSuspect",
        "CustomRoleBlocked",
        "FaqRuleBlocked",
        "Arrearage",
        "InvalidURL",
        "InvalidURL.ConnectionRefused",
        "InvalidURL.Timeout",
        "InvalidImage.FileFormat",
        "InvalidImage.ImageSize",
        "InvalidImage.NoHumanFace",
        "InvalidImageResolution",
        "InvalidImageFormat",
        "InvalidFile.Resolution",
        "InvalidFile.Size",
        "InvalidFile.ImageSize",
        "InvalidFile.AspectRatio",
        "InvalidFile.Openerror",
        "InvalidFile.Format",
        "InvalidFile.NoHuman",
        "InvalidFile.MultiHuman",
        "InvalidPerson",
        "InvalidFile.BodyProportion",
        "InvalidFile.FacePose",
        "InvalidFile.FrontBody",
        "InvalidFile.FullFace",
        "InvalidFile.FullBody",
        "InvalidFile.BodyPose",
        "InvalidFile.Value",
        "InvalidFile.Content",
        "InvalidGarment",
        "InvalidInputLength",
        "BadRequest.EmptyInput",
        "BadRequest.EmptyParameters",
        "BadRequest.EmptyModel",
        "BadRequest.IllegalInput",
        "BadRequest.InputDownloadFailed",
        "BadRequest.UnsupportedFileFormat",
        "BadRequest.TooLarge",
        "UnsupportedOperation",
    ],
    401: [
        "InvalidApiKey",
        "invalid_api_key",
        "NOT AUTHORIZED",
    ],
    403: [
        "AccessDenied",
        "access_denied",
        "AccessDenied.Unpurchased",
        "Model.AccessDenied",
        "App.AccessDenied",
        "Workspace.AccessDenied",
        "AllocationQuota.FreeTierOnly",
    ],
    404: [
        "ModelNotFound",
        "model_not_found",
        "WorkSpaceNotFound",
        "NotFound",
    ],
    429: [
        "Throttling",
        "Throttling.RateQuota",
        "LimitRequests",
        "limit_requests",
        "Throttling.BurstRate",
        "limit_burst_rate",
        "Throttling.AllocationQuota",
        "insufficient_quota",
        "CommodityNotPurchased",
        "PrepaidBillOverdue",
        "PostpaidBillOverdue",
    ],
    500: [
        "InternalError",
        "internal_error",
        "InternalError.FileUpload",
        "InternalError.Upload",
        "InternalError.Algo",
        "InternalError.Timeout",
        "SystemError",
        "ModelServiceFailed",
        "RequestTimeOut",
    ],
    503: [
        "ModelServingError",
        "ModelUnavailable",
    ],
}
SERVER_CODES = [code for codes in SERVER_CODES_BY_STATUS.values() for code in codes]

CLIENT_CODES = [
    "PixelPost.Network.DNS",
    "PixelPost.Network.Refused",
    "PixelPost.Network.Timeout",
    "PixelPost.Network.TLS",
    "PixelPost.Network.Proxy",
    "PixelPost.Network.Dropped",
    "PixelPost.Response.Malformed",
    "PixelPost.Task.Unknown",
    "PixelPost.Download.Expired",
    "PixelPost.Download.Failed",
    "PixelPost.Submit.OutcomeUnknown",
    "PixelPost.Task.Failed",
    "PixelPost.Task.PartialFailure",
]

ALIASES = {
    "invalid_api_key": "InvalidApiKey",
    "access_denied": "AccessDenied",
    "data_inspection_failed": "DataInspectionFailed",
    "model_not_found": "ModelNotFound",
    "LimitRequests": "Throttling.RateQuota",
    "limit_requests": "Throttling.RateQuota",
    "limit_burst_rate": "Throttling.BurstRate",
    "insufficient_quota": "Throttling.AllocationQuota",
    "internal_error": "InternalError",
}

# Literal server messages grouped by the cause they report. Messages of one group
# must get the same explanation, and each group a different one. Each group
# contains the expected action and the messages.
MESSAGE_GROUPS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "InvalidParameter": {
        "body_not_json": (
            "edit_request",
            ["Required body invalid, please check the request body format."],
        ),
        "field_missing_or_invalid": (
            "edit_request",
            [
                "Required parameter(xxx) missing or invalid, please check the request parameters.",
                "Field required: xxx",
                "The request is missing required parameters or in a wrong format, please check "
                "the parameters that you send.",
                "The request is missing required parameters or the parameters are out of the "
                "specified range, please check the parameters that you send.",
                "the parameters must conform to the specification: xxx.",
                "The type or value of {parameter} is out of definition.",
                "input json error.",
                "check input data style.",
            ],
        ),
        "one_image_only": ("edit_request", ["num_images_per_prompt must be 1."]),
        "style": ("edit_request", ["The style is invalid."]),
        "url_form": (
            "edit_request",
            ["The provided URL does not appear to be valid. Ensure it is correctly formatted."],
        ),
        "unreadable_image": (
            "edit_request",
            [
                "image format error",
                "Invalid image format or corrupted file",
                "read image error.",
                "Input files format not supported.",
                "Failed to decode the image during the data inspection.",
                "The file format is illegal and cannot be opened.",
                "The media format is not supported or incorrect for the data inspection.",
            ],
        ),
        "download_failed": (
            "use_local_file",
            [
                "download image failed",
                "Failed to download input files.",
                "oss download error.",
                "Failed to download multimodal content.",
                "Download the media resource timed out during the data inspection process.",
            ],
        ),
        "signed_url_expired": (
            "use_local_file",
            [
                "Don't have authorization to access the media resource during the data "
                "inspection process."
            ],
        ),
        "image_size": (
            "edit_request",
            [
                "the size of input image is too small or too large.",
                "The image size is not supported for the data inspection.",
            ],
        ),
        "message_structure": (
            "edit_request",
            [
                "No messages found in input",
                "messages length only support 1",
                "content length only support 2",
                "lack of image or text",
            ],
        ),
        "try_on_sizes_differ": (
            "edit_request",
            ["The size of person image and coarse_image are not the same."],
        ),
        "value_not_allowed": (
            "edit_request",
            ["The request parameter is invalid, please check the request parameter."],
        ),
        "input_image_moderated": (
            "edit_request",
            ["The image content does not comply with green network verification."],
        ),
        "language": ("edit_request", ["暂时不支持当前设置的语种！", "暂时不支持当前设置的语种!"]),
        "model_name": ("edit_request", ["Model not exist."]),
        "http_method": ("edit_request", ["Request method 'GET' is not supported."]),
        "content_type": ("use_local_file", ["Wrong Content-Type of multimodal url"]),
        "model_not_at_endpoint": (
            "edit_request",
            ["url error, please check url!", "url error, please check url！"],
        ),
    },
    "AccessDenied": {
        "needs_task": (
            "add_async_header",
            [
                "current user api does not support synchronous calls.",
                "current user api does not support synchronous calls",
            ],
        ),
        "needs_sync": (
            "remove_async_header",
            [
                "Current user api does not support asynchronous calls.",
                "current user api does not support asynchronous calls",
            ],
        ),
        "upload_policy_expired": ("resubmit", ["Invalid according to Policy: Policy expired."]),
        "model_not_available": ("edit_request", ["Access denied."]),
        "overdue_payment": (
            "open_billing_console",
            ["Access denied, please make sure your account is in good standing."],
        ),
    },
    "InvalidApiKey": {
        "key_missing": ("open_key_manager", ["No API-key provided."]),
        "key_rejected": (
            "open_key_manager",
            ["Invalid API-key provided.", "Incorrect API key provided."],
        ),
    },
}

MESSAGE_CASES = [
    pytest.param(code, group, message, action, id=f"{code}-{group}-{index}")
    for code, groups in MESSAGE_GROUPS.items()
    for group, (action, messages) in groups.items()
    for index, message in enumerate(messages)
]


@pytest.fixture(scope="module")
def catalog() -> ErrorCatalog:
    return load_error_catalog()


def _texts(explanation: Explanation) -> list[str]:
    return [
        explanation.title.en,
        explanation.title.zh,
        explanation.cause.en,
        explanation.cause.zh,
        explanation.fix.en,
        explanation.fix.zh,
    ]


# --- The shipped data ----------------------------------------------------------------


def test_default_catalog_loads(catalog: ErrorCatalog) -> None:
    assert len(catalog.codes()) > 0
    assert load_error_catalog(ERRORS_DIR).codes() == catalog.codes()


@pytest.mark.parametrize("code", SERVER_CODES)
def test_server_code_is_covered(catalog: ErrorCatalog, code: str) -> None:
    explanation = catalog.explain(code)

    assert explanation.known
    assert code in catalog.codes()


@pytest.mark.parametrize("code", CLIENT_CODES)
def test_client_code_is_covered(catalog: ErrorCatalog, code: str) -> None:
    explanation = catalog.explain(code, "detail from the app")

    assert explanation.known
    assert explanation.status is None
    assert code in catalog.codes()


def test_codes_are_sorted_and_unique(catalog: ErrorCatalog) -> None:
    codes = catalog.codes()

    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))


def _raw_explanations() -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every entry and generic table of the shipped files, with a label."""
    for path in sorted(ERRORS_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        for index, entry in enumerate(document.get("entry", []), start=1):
            yield f"{path.name} entry {index} ({entry.get('code')})", entry
        for kind, entry in document.get("generic", {}).items():
            yield f"{path.name} generic.{kind}", entry


RAW_EXPLANATIONS = list(_raw_explanations())


@pytest.mark.parametrize(
    ("label", "entry"), RAW_EXPLANATIONS, ids=[label for label, _ in RAW_EXPLANATIONS]
)
def test_entry_has_english_and_chinese(label: str, entry: dict[str, Any]) -> None:
    for field in ("title", "cause", "fix"):
        english = entry[field]["en"]
        chinese = entry[field]["zh"]
        assert english.strip(), f"{label}: {field}.en is empty"
        assert chinese.strip(), f"{label}: {field}.zh is empty"
        assert CJK.search(chinese), f"{label}: {field}.zh has no Chinese characters"
        assert not CJK.search(english), f"{label}: {field}.en contains Chinese characters"


def test_shipped_actions_are_known() -> None:
    for label, entry in RAW_EXPLANATIONS:
        action = entry.get("action")
        assert action is None or action in ACTIONS, f"{label}: unknown action {action!r}"


# --- Choosing an entry by message ------------------------------------------------------


@pytest.mark.parametrize(("code", "group", "message", "action"), MESSAGE_CASES)
def test_literal_message_picks_specific_entry(
    catalog: ErrorCatalog, code: str, group: str, message: str, action: str
) -> None:
    fallback = catalog.explain(code)
    explanation = catalog.explain(code, message, status=400, request_id="req-1")

    assert explanation.known
    assert explanation.title != fallback.title, f"{group}: message fell back"
    assert explanation.action == action


@pytest.mark.parametrize("code", list(MESSAGE_GROUPS))
def test_message_groups_map_to_distinct_entries(catalog: ErrorCatalog, code: str) -> None:
    titles_by_group: dict[str, str] = {}
    for group, (_, messages) in MESSAGE_GROUPS[code].items():
        titles = {catalog.explain(code, message).title.en for message in messages}
        assert len(titles) == 1, f"{code} {group}: messages got different entries {titles}"
        titles_by_group[group] = titles.pop()

    group_titles = list(titles_by_group.values())
    assert len(group_titles) == len(set(group_titles)), (
        f"{code}: groups share an entry: {titles_by_group}"
    )


def test_patterns_ignore_case(catalog: ErrorCatalog) -> None:
    upper = catalog.explain("AccessDenied", "CURRENT USER API DOES NOT SUPPORT SYNCHRONOUS CALLS.")

    assert upper.action == "add_async_header"


def test_unmatched_message_uses_fallback(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("InvalidParameter", "size must be between 512 and 1440")

    assert explanation.known
    assert explanation.title == catalog.explain("InvalidParameter").title
    assert explanation.action == "edit_request"


def test_invalid_key_cause_names_region(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("InvalidApiKey", "Invalid API-key provided.", status=401)

    assert explanation.action == "open_key_manager"
    assert "region" in explanation.cause.en
    assert "地域" in explanation.cause.zh


@pytest.mark.parametrize(
    "message", ["url error, please check url!", "url error, please check url！"]
)
def test_url_error_names_endpoint_mismatch(catalog: ErrorCatalog, message: str) -> None:
    explanation = catalog.explain("InvalidParameter", message, status=400)

    assert "endpoint" in explanation.title.en
    assert "does not serve this model" in explanation.cause.en
    assert "接口" in explanation.title.zh


def test_mode_errors_are_not_permission_errors(catalog: ErrorCatalog) -> None:
    for message in (
        "current user api does not support synchronous calls.",
        "Current user api does not support asynchronous calls.",
    ):
        explanation = catalog.explain("AccessDenied", message, status=403)
        assert "X-DashScope-Async" in explanation.cause.en
        assert "not a permission problem" in explanation.cause.en
        assert "与权限无关" in explanation.cause.zh


@pytest.mark.parametrize(
    ("message", "action"),
    [
        ("Output data may contain inappropriate content.", "resubmit"),
        ("Input data may contain inappropriate content.", "edit_request"),
        ("Input text data may contain inappropriate content.", "edit_request"),
        ("Input or output data may contain inappropriate content.", "edit_request"),
    ],
)
def test_moderation_tells_input_from_output(
    catalog: ErrorCatalog, message: str, action: str
) -> None:
    assert catalog.explain("DataInspectionFailed", message).action == action


def test_moderation_input_or_output_uses_fallback(catalog: ErrorCatalog) -> None:
    both = catalog.explain(
        "DataInspectionFailed", "Input or output data may contain inappropriate content."
    )
    input_only = catalog.explain(
        "DataInspectionFailed", "Input data may contain inappropriate content."
    )

    assert both.title == catalog.explain("DataInspectionFailed").title
    assert input_only.title != both.title


def test_free_trial_quota_differs_from_paid_quota(catalog: ErrorCatalog) -> None:
    free = catalog.explain("Throttling.AllocationQuota", "Free allocated quota exceeded.")
    paid = catalog.explain(
        "Throttling.AllocationQuota", "Allocated quota exceeded, please increase your quota limit."
    )

    assert free.action == "edit_request"
    assert paid.action == "open_billing_console"
    assert free.title != paid.title


def test_cancel_of_running_task_is_explained(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain(
        "UnsupportedOperation",
        "Failed to cancel the task, please confirm if the task is in PENDING status.",
        status=400,
    )

    assert "PENDING" in explanation.cause.en
    assert explanation.title != catalog.explain("UnsupportedOperation").title


def test_missing_content_length_suggests_local_file(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("InternalError.Algo", "Missing Content-Length of multimodal url.")

    assert explanation.action == "use_local_file"


@pytest.mark.parametrize(("alias", "code"), list(ALIASES.items()))
def test_alias_maps_to_main_entry(catalog: ErrorCatalog, alias: str, code: str) -> None:
    via_alias = catalog.explain(alias, "some message", status=400)
    direct = catalog.explain(code, "some message", status=400)

    assert via_alias.code == alias
    assert via_alias.known
    assert _texts(via_alias) == _texts(direct)
    assert via_alias.action == direct.action


def test_alias_uses_patterns_of_main_code(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain(
        "access_denied", "current user api does not support synchronous calls."
    )

    assert explanation.action == "add_async_header"


# --- Client-side codes -----------------------------------------------------------------


def test_outcome_unknown_warns_against_resubmitting(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("PixelPost.Submit.OutcomeUnknown", "connection reset")

    assert explanation.action != "resubmit"
    assert "billed" in explanation.fix.en
    assert "计费" in explanation.fix.zh


def test_task_unknown_names_region_and_expiry(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("PixelPost.Task.Unknown")

    assert "24 hours" in explanation.cause.en
    assert "region" in explanation.cause.en


def test_tls_names_certificate_store(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("PixelPost.Network.TLS")

    assert "proxy" in explanation.cause.en
    assert "certificate store" in explanation.cause.en


def test_partial_failure_mentions_billing(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("PixelPost.Task.PartialFailure")

    assert "billed" in explanation.cause.en
    assert "计费" in explanation.cause.zh


# --- Unknown codes and errors without a code ------------------------------------------------


def test_unknown_code_is_generic(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain(
        "Brand.New.Code", "something new", status=400, request_id="req-42"
    )

    assert not explanation.known
    assert explanation.code == "Brand.New.Code"
    assert explanation.message == "something new"
    assert explanation.status == 400
    assert explanation.request_id == "req-42"
    assert explanation.title.en == "Unexpected error"
    assert CJK.search(explanation.title.zh)
    assert "Brand.New.Code" in explanation.cause.en
    assert "Brand.New.Code" in explanation.cause.zh
    assert "request ID" in explanation.fix.en
    assert "请求 ID" in explanation.fix.zh
    assert explanation.action == "copy_request_id"


def test_unknown_code_with_5xx_stays_generic(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain("Brand.New.Code", status=503)

    assert not explanation.known
    assert explanation.action == "copy_request_id"


@pytest.mark.parametrize("code", ["invalidapikey", "INVALIDAPIKEY", "accessdenied"])
def test_code_match_is_case_sensitive(catalog: ErrorCatalog, code: str) -> None:
    assert not catalog.explain(code, "Invalid API-key provided.").known


@pytest.mark.parametrize("code", [None, ""])
def test_missing_code_with_5xx_is_server_error(catalog: ErrorCatalog, code: str | None) -> None:
    explanation = catalog.explain(code, "<html>Bad gateway</html>", status=502)

    assert not explanation.known
    assert explanation.code == code
    assert explanation.action == "retry_later"
    assert "502" in explanation.cause.en
    assert "502" in explanation.cause.zh


def test_missing_code_with_4xx_is_rejection(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain(None, "Forbidden", status=403, request_id="req-7")

    assert not explanation.known
    assert explanation.request_id == "req-7"
    assert explanation.title.en == "Request rejected"
    assert "403" in explanation.cause.en
    assert explanation.action == "edit_request"


def test_missing_code_without_status_is_generic(catalog: ErrorCatalog) -> None:
    explanation = catalog.explain(None)

    assert not explanation.known
    assert explanation.title.en == "Unexpected error"
    assert explanation.action == "copy_request_id"


@pytest.mark.parametrize(
    ("code", "status"), [("Brand.New.Code", None), (None, None), (None, 500), (None, 404)]
)
def test_generic_texts_have_no_placeholders_left(
    catalog: ErrorCatalog, code: str | None, status: int | None
) -> None:
    for text in _texts(catalog.explain(code, status=status)):
        assert "{" not in text
        assert "}" not in text


def test_core_module_imports_without_pyside6() -> None:
    script = "import sys; sys.modules['PySide6'] = None; import gui.core.explain"

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr


# --- Malformed data --------------------------------------------------------------------

VALID_GENERIC = textwrap.dedent(
    """\
    schema = 1
    [generic.unknown_code]
    action = "copy_request_id"
    title = { en = "Unexpected error", zh = "未知错误" }
    cause = { en = "Code {code} is not described.", zh = "没有错误码 {code} 的说明。" }
    fix = { en = "Copy the request ID.", zh = "请复制请求 ID。" }
    [generic.no_code]
    title = { en = "Unexpected error", zh = "未知错误" }
    cause = { en = "No code.", zh = "没有错误码。" }
    fix = { en = "Copy the request ID.", zh = "请复制请求 ID。" }
    [generic.server_error]
    title = { en = "Server error", zh = "服务端错误" }
    cause = { en = "HTTP {status}.", zh = "HTTP {status}。" }
    fix = { en = "Try later.", zh = "请稍后再试。" }
    [generic.request_rejected]
    title = { en = "Request rejected", zh = "请求被拒绝" }
    cause = { en = "HTTP {status}.", zh = "HTTP {status}。" }
    fix = { en = "Check the request.", zh = "请检查请求。" }
    """
)

TEXTS = """\
title = { en = "Sample", zh = "示例" }
cause = { en = "A cause.", zh = "一个原因。" }
fix = { en = "A fix.", zh = "一个办法。" }
"""


def _write_catalog(directory: Path, entries: str) -> Path:
    (directory / "generic.toml").write_text(VALID_GENERIC, encoding="utf-8")
    (directory / "sample.toml").write_text("schema = 1\n" + entries, encoding="utf-8")
    return directory


def test_minimal_valid_catalog_loads(tmp_path: Path) -> None:
    entries = f'[[entry]]\ncode = "Sample.Code"\naliases = ["sample_code"]\n{TEXTS}'

    catalog = load_error_catalog(_write_catalog(tmp_path, entries))

    assert catalog.codes() == ["Sample.Code", "sample_code"]
    assert catalog.explain("sample_code").known


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            '[[entry]]\ncode = "Sample.Code"\n'
            'title = { en = "Sample" }\n'
            'cause = { en = "A cause.", zh = "一个原因。" }\n'
            'fix = { en = "A fix.", zh = "一个办法。" }\n',
            "'title.zh' is missing or empty",
            id="missing-language",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\n{TEXTS}'.replace(
                'fix = { en = "A fix.", zh = "一个办法。" }', 'fix = { en = "A fix.", zh = "" }'
            ),
            "'fix.zh' is missing or empty",
            id="empty-language",
        ),
        pytest.param(
            '[[entry]]\ncode = "Sample.Code"\ncause = { en = "x", zh = "一" }\n'
            'fix = { en = "A fix.", zh = "一个办法。" }\n',
            "'title' is missing",
            id="missing-title",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\naction = "reboot"\n{TEXTS}',
            "unknown action 'reboot'",
            id="unknown-action",
        ),
        pytest.param(
            f"[[entry]]\ncode = \"Sample.Code\"\npattern = 'broken ('\n{TEXTS}"
            f'[[entry]]\ncode = "Sample.Code"\n{TEXTS}',
            "invalid pattern 'broken ('",
            id="bad-regex",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\ntitel = "typo"\n{TEXTS}',
            "unknown keys ['titel']",
            id="unknown-key",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\n{TEXTS}[[entry]]\ncode = "Sample.Code"\n{TEXTS}',
            "2 entries without a pattern",
            id="two-fallbacks",
        ),
        pytest.param(
            f"[[entry]]\ncode = \"Sample.Code\"\npattern = 'only'\n{TEXTS}",
            "no entry without a pattern",
            id="no-fallback",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\npattern = \'x\'\naliases = ["a"]\n{TEXTS}',
            "aliases belong on the entry without a pattern",
            id="alias-on-pattern-entry",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\naliases = ["Other.Code"]\n{TEXTS}'
            f'[[entry]]\ncode = "Other.Code"\n{TEXTS}',
            "alias 'Other.Code' of 'Sample.Code' is also a code",
            id="alias-shadows-code",
        ),
        pytest.param(
            f'[[entry]]\ncode = "Sample.Code"\n{TEXTS}'.replace("A cause.", "A {code} cause."),
            "uses placeholder {code}",
            id="placeholder-in-entry",
        ),
        pytest.param(
            f'[[entry]]\ncode = ""\n{TEXTS}',
            "'code' is missing or empty",
            id="empty-code",
        ),
        pytest.param(
            'entry = "not a table"\n',
            "must be an array of tables",
            id="entry-not-array",
        ),
    ],
)
def test_malformed_entry_raises(tmp_path: Path, entries: str, expected: str) -> None:
    directory = _write_catalog(tmp_path, entries)

    with pytest.raises(ErrorCatalogError) as raised:
        load_error_catalog(directory)

    assert "sample.toml" in str(raised.value)
    assert expected in str(raised.value)


def test_error_names_entry_and_code(tmp_path: Path) -> None:
    entries = (
        f'[[entry]]\ncode = "First.Code"\n{TEXTS}'
        f'[[entry]]\ncode = "Second.Code"\naction = "reboot"\n{TEXTS}'
    )

    with pytest.raises(ErrorCatalogError, match=r"sample\.toml: entry 2 \(Second\.Code\)"):
        load_error_catalog(_write_catalog(tmp_path, entries))


def test_invalid_toml_raises(tmp_path: Path) -> None:
    directory = _write_catalog(tmp_path, "[[entry]\ncode = ")

    with pytest.raises(ErrorCatalogError, match=r"sample\.toml: invalid TOML"):
        load_error_catalog(directory)


def test_wrong_schema_raises(tmp_path: Path) -> None:
    (tmp_path / "old.toml").write_text("schema = 0\n", encoding="utf-8")

    with pytest.raises(ErrorCatalogError, match=r"old\.toml: schema must be 1, found 0"):
        load_error_catalog(tmp_path)


def test_empty_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(ErrorCatalogError, match="no error explanation files"):
        load_error_catalog(tmp_path)


def test_missing_generic_kind_raises(tmp_path: Path) -> None:
    generic = VALID_GENERIC.split("[generic.request_rejected]")[0]
    (tmp_path / "generic.toml").write_text(generic, encoding="utf-8")

    with pytest.raises(ErrorCatalogError, match="generic explanations missing: request_rejected"):
        load_error_catalog(tmp_path)


def test_duplicate_generic_kind_raises(tmp_path: Path) -> None:
    _write_catalog(tmp_path, "")
    (tmp_path / "more.toml").write_text("schema = 1\n[generic.no_code]\n" + TEXTS, encoding="utf-8")

    with pytest.raises(ErrorCatalogError, match=r"generic\.no_code is already defined"):
        load_error_catalog(tmp_path)


def test_generic_placeholder_outside_kind_raises(tmp_path: Path) -> None:
    (tmp_path / "generic.toml").write_text(
        VALID_GENERIC.replace('cause = { en = "No code.",', 'cause = { en = "HTTP {status}.",'),
        encoding="utf-8",
    )

    with pytest.raises(ErrorCatalogError, match=r"generic\.no_code: 'cause\.en' uses placeholder"):
        load_error_catalog(tmp_path)


def test_code_split_across_files_raises(tmp_path: Path) -> None:
    _write_catalog(tmp_path, f"[[entry]]\ncode = \"Sample.Code\"\npattern = 'x'\n{TEXTS}")
    (tmp_path / "zzz.toml").write_text(
        f'schema = 1\n[[entry]]\ncode = "Sample.Code"\n{TEXTS}', encoding="utf-8"
    )

    with pytest.raises(ErrorCatalogError, match=r"split between sample\.toml and zzz\.toml"):
        load_error_catalog(tmp_path)

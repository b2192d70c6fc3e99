"""Request building, reading back, and validation against catalog rules."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from gui.core.catalog import CatalogError, load_catalog
from gui.core.request import build_body, build_request, read_body, validate_body, validate_values
from gui.sandbox import Emulator, EmulatorConfig

CATALOG = load_catalog()
TEXT_TO_IMAGE = [
    "wanx-v1",
    "wanx2.0-t2i-turbo",
    "wanx2.1-t2i-turbo",
    "wanx2.1-t2i-plus",
    "wan2.2-t2i-flash",
    "wan2.2-t2i-plus",
    "wan2.5-t2i-preview",
    "wan2.6-t2i",
]


def test_catalog_has_every_text_to_image_model() -> None:
    for model_id in TEXT_TO_IMAGE:
        model = CATALOG.get(model_id)
        assert model is not None, model_id
        assert model.field("prompt") is not None
        assert model.field("size") is not None


def test_catalog_accepts_singapore_spelling() -> None:
    assert CATALOG["wan2.1-t2i-turbo"].id == "wanx2.1-t2i-turbo"


@pytest.mark.parametrize(
    ("model_id", "mode", "path"),
    [
        ("wanx-v1", "async", "services/aigc/text2image/image-synthesis"),
        ("wan2.5-t2i-preview", "async", "services/aigc/text2image/image-synthesis"),
        ("wan2.6-t2i", "async", "services/aigc/image-generation/generation"),
        ("wan2.6-t2i", "sync", "services/aigc/multimodal-generation/generation"),
    ],
)
def test_request_endpoint_and_async_header(model_id: str, mode: str, path: str) -> None:
    request = build_request(CATALOG[model_id], {"prompt": "cat"}, mode)
    assert request.path == path
    if mode == "async":
        assert request.headers()["X-DashScope-Async"] == "enable"
    else:
        assert "X-DashScope-Async" not in request.headers()


def test_messages_body_puts_prompt_in_single_text_item() -> None:
    body = build_body(CATALOG["wan2.6-t2i"], {"prompt": "橘猫", "size": "1280*1280", "n": 1})
    assert body == {
        "model": "wan2.6-t2i",
        "input": {"messages": [{"role": "user", "content": [{"text": "橘猫"}]}]},
        "parameters": {"size": "1280*1280", "n": 1},
    }


def test_read_body_keeps_unknown_fields() -> None:
    model = CATALOG["wan2.2-t2i-flash"]
    body = {
        "model": "wan2.2-t2i-flash",
        "input": {"prompt": "a", "extra_input": {"x": 1}},
        "parameters": {"n": 2, "future_option": True},
        "debug": "kept",
    }
    values, extra = read_body(model, body)
    assert values == {"prompt": "a", "n": 2}
    assert build_body(model, values, extra) == body


# Each case: model, field values, the field named, and words the message must contain.
INVALID_CASES = [
    ("wan2.2-t2i-flash", {"size": "1024x1024"}, "size", ["1024x1024", "asterisk"]),
    ("wan2.2-t2i-flash", {"n": 0}, "n", ["0", "1 to 4"]),
    ("wan2.2-t2i-flash", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wan2.2-t2i-flash", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    ("wan2.2-t2i-flash", {"prompt": "x" * 501}, "prompt", ["501", "500"]),
    ("wan2.2-t2i-flash", {"size": "2000*1024"}, "size", ["2000*1024", "512 to 1440"]),
    ("wan2.6-t2i", {"size": "1024*1024"}, "size", ["1048576", "1625088 to 1440*1440"]),
    ("wan2.6-t2i", {"size": "640*2880"}, "size", ["4.5", "1:4 to 4:1"]),
    ("wan2.6-t2i", {"prompt": "字" * 2101}, "prompt", ["2101", "2100"]),
    ("wanx-v1", {"style": "<bad>"}, "style", ["<bad>", "<anime>"]),
    ("wanx-v1", {"size": "1440*1440"}, "size", ["1440*1440", "1024*1024"]),
    ("wanx-v1", {"n": "2"}, "n", ["whole number"]),
    ("wan2.6-t2i", {"prompt": ""}, "prompt", ["required"]),
]


@pytest.mark.parametrize(("model_id", "changes", "field", "words"), INVALID_CASES)
def test_invalid_value_rejected_with_message(
    model_id: str, changes: dict[str, object], field: str, words: list[str]
) -> None:
    model = CATALOG[model_id]
    values = {**model.initial_values(), "prompt": "a cat", **changes}
    issues = validate_values(model, values)
    assert [issue.field for issue in issues] == [field]
    message = issues[0].message()
    assert message.startswith(field)
    for word in words:
        assert word in message


def test_valid_sizes_pass() -> None:
    assert not validate_values(CATALOG["wan2.6-t2i"], {"prompt": "a", "size": "768*2700"})
    assert not validate_values(CATALOG["wan2.2-t2i-flash"], {"prompt": "a", "size": "512*1440"})


def test_messages_structure_checked() -> None:
    body = {
        "model": "wan2.6-t2i",
        "input": {"messages": [{"role": "user", "content": [{"text": "a"}, {"text": "b"}]}]},
    }
    issues = validate_body(CATALOG["wan2.6-t2i"], body)
    assert issues[0].field == "messages"
    assert "2 text items" in issues[0].message()


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("model_id", "changes", "field", "_words"),
    [case for case in INVALID_CASES if case[2] != "prompt"],
)
def test_emulator_rejects_same_bodies(
    model_id: str, changes: dict[str, object], field: str, _words: list[str]
) -> None:
    """Bodies the form rejects get the emulator's documented 400 InvalidParameter."""
    model = CATALOG[model_id]
    mode = model.preferred_mode("sandbox")
    assert mode is not None
    request = build_request(model, {**model.initial_values(), "prompt": "a cat", **changes}, mode)
    with Emulator(config=EmulatorConfig(pending_seconds=0, running_seconds=0)) as emulator:
        response = httpx.post(
            f"{emulator.base_url}/{request.path}",
            headers={**request.headers(), "Authorization": f"Bearer {emulator.key}"},
            content=json.dumps(request.body).encode(),
            trust_env=False,
        )
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameter"
    assert field in response.json()["message"]


@pytest.mark.timeout(30)
def test_emulator_truncates_long_prompt_unless_strict() -> None:
    model = CATALOG["wan2.2-t2i-flash"]
    request = build_request(model, {"prompt": "x" * 600, "n": 1}, "async")
    headers = {**request.headers()}
    for strict, expected in ((False, 200), (True, 400)):
        config = EmulatorConfig(pending_seconds=0, running_seconds=0, strict_prompt_length=strict)
        with Emulator(config=config) as emulator:
            response = httpx.post(
                f"{emulator.base_url}/{request.path}",
                headers={**headers, "Authorization": f"Bearer {emulator.key}"},
                json=request.body,
                trust_env=False,
            )
        assert response.status_code == expected


def test_broken_catalog_names_file(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        'schema = 1\n[family]\nid = "x"\ntitle = "X"\nprotocol = "telepathy"\n'
        'result_shape = "results"\npaths = { async = "a" }\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=r"bad\.toml.*protocol"):
        load_catalog(tmp_path)


def test_catalog_rejects_unknown_region(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        'schema = 1\n[family]\nid = "x"\ntitle = "X"\nprotocol = "prompt"\n'
        'result_shape = "results"\npaths = { async = "a" }\n'
        '[[models]]\nid = "m"\nregions = { mars = ["async"] }\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="mars"):
        load_catalog(tmp_path)

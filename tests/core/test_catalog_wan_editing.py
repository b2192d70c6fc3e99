"""Catalog entries of the Wan editing models and the other Beijing image tools.

Covers wan2.6-image, wan2.7-image(-pro), wan2.5-i2i-preview, wanx2.1-imageedit,
sketch-to-image, local repaint, style repaint, background generation,
out-painting, posters, virtual and shoe models, erase-completion and person
segmentation. The golden requests are written by hand from the documented
request shapes, not produced by the code under test.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import httpx
import pytest

from gui.core.catalog import ModelSpec, load_catalog
from gui.core.request import build_body, build_request, read_body, validate_body, validate_values
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.samples import resolve_samples

CATALOG = load_catalog()
TODAY = date(2026, 12, 4)
RETIREMENT_DAY = date(2026, 10, 10)

MODEL_IDS = [
    "wan2.6-image",
    "wan2.7-image-pro",
    "wan2.7-image",
    "wan2.5-i2i-preview",
    "wanx2.1-imageedit",
    "wanx-sketch-to-image-lite",
    "wanx-x-painting",
    "wanx-style-repaint-v1",
    "wanx-background-generation-v2",
    "image-out-painting",
    "wanx-poster-generation-v1",
    "wanx-virtualmodel",
    "virtualmodel-v2",
    "shoemodel-v1",
    "image-erase-completion",
    "image-instance-segmentation",
]
RETIRED_IDS = {"wan2.7-image", "wanx-background-generation-v2", "image-out-painting"}

# Pixel sizes of the emulator's sample images, as (width, height).
SAMPLE_SIZES = {
    "photo": (1024, 1024),
    "mask": (1024, 1024),
    "portrait": (768, 1024),
    "product-rgba": (1024, 1024),
    "sketch": (768, 768),
    "garment-top": (768, 1024),
    "garment-bottom": (768, 1024),
    "text-mask": (1024, 512),
    "style": (768, 768),
}

ASYNC_HEADERS = {"Content-Type": "application/json", "X-DashScope-Async": "enable"}
SYNC_HEADERS = {"Content-Type": "application/json"}
IMAGE2IMAGE = "services/aigc/image2image/image-synthesis"


def sample_url(name: str) -> str:
    """Return the fixed URL that stands for sample image ``name`` in these tests."""
    return f"https://example.com/{name}.png"


def with_urls(value: Any) -> Any:
    """Return ``value`` with every ``sample:NAME`` string replaced by a fixed URL."""
    if isinstance(value, str) and value.startswith("sample:"):
        return sample_url(value.removeprefix("sample:"))
    if isinstance(value, list):
        return [with_urls(item) for item in value]
    if isinstance(value, dict):
        return {key: with_urls(item) for key, item in value.items()}
    return value


def example_values(model: ModelSpec) -> dict[str, Any]:
    return with_urls(copy.deepcopy(dict(model.example)))


def user_message(*content: dict[str, Any]) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": list(content)}]}


# --- The catalog -------------------------------------------------------------


def test_catalog_has_every_editing_model() -> None:
    for model_id in MODEL_IDS:
        assert CATALOG.get(model_id) is not None, model_id


def test_sketch_model_accepts_sdk_name() -> None:
    assert CATALOG["wanx-sketch-to-image-v1"].id == "wanx-sketch-to-image-lite"


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_retirement_date_and_replacement(model_id: str) -> None:
    model = CATALOG[model_id]
    if model_id in RETIRED_IDS:
        assert model.retired == RETIREMENT_DAY
        assert model.retired <= TODAY
        assert model.replacement == "qwen-image-2.0"
        assert CATALOG.get(model.replacement) is not None
    else:
        assert model.retired is None
        assert model.replacement is None


# model -> (modes per region, CNY price per region, free images, limits per region as
# (submissions per second, concurrent tasks)). Free-trial-only models have no price;
# no limits are published for the wan2.7 models.
AccountFacts = tuple[dict[str, tuple[str, ...]], dict[str, float], int, dict[str, Any]]
ACCOUNT_FACTS: dict[str, AccountFacts] = {
    "wan2.6-image": (
        {region: ("sync", "async") for region in ("beijing", "singapore", "virginia")},
        {"beijing": 0.20, "singapore": 0.220177, "virginia": 0.20},
        50,
        {"beijing": (5, 5), "singapore": (5, 5), "virginia": (5, 5)},
    ),
    "wan2.7-image-pro": (
        {"beijing": ("sync",), "singapore": ("sync",)},
        {"beijing": 0.50, "singapore": 0.562065},
        50,
        {},
    ),
    "wan2.7-image": (
        {"beijing": ("sync",), "singapore": ("sync",)},
        {"beijing": 0.20, "singapore": 0.220177},
        50,
        {},
    ),
    "wan2.5-i2i-preview": (
        {"beijing": ("async",), "singapore": ("async",)},
        {"beijing": 0.20, "singapore": 0.220177},
        50,
        {"beijing": (5, 5), "singapore": (5, 5)},
    ),
    "wanx2.1-imageedit": ({"beijing": ("async",)}, {"beijing": 0.14}, 500, {"beijing": (2, 2)}),
    "wanx-sketch-to-image-lite": (
        {"beijing": ("async",)},
        {"beijing": 0.06},
        500,
        {"beijing": (2, 1)},
    ),
    "wanx-x-painting": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "wanx-style-repaint-v1": ({"beijing": ("async",)}, {"beijing": 0.12}, 500, {"beijing": (2, 1)}),
    "wanx-background-generation-v2": (
        {"beijing": ("async",)},
        {"beijing": 0.08},
        500,
        {"beijing": (2, 1)},
    ),
    "image-out-painting": ({"beijing": ("async",)}, {"beijing": 0.18}, 500, {"beijing": (2, 5)}),
    "wanx-poster-generation-v1": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "wanx-virtualmodel": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "virtualmodel-v2": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "shoemodel-v1": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "image-erase-completion": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
    "image-instance-segmentation": ({"beijing": ("async",)}, {}, 500, {"beijing": (2, 1)}),
}


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_regions_prices_quota_and_limits(model_id: str) -> None:
    regions, prices, free_quota, limits = ACCOUNT_FACTS[model_id]
    model = CATALOG[model_id]
    assert dict(model.regions) == regions
    assert dict(model.prices) == pytest.approx(prices)
    assert model.free_quota == free_quota
    actual_limits = {
        region: (limit.submit_per_second, limit.concurrency)
        for region, limit in model.limits.items()
    }
    assert actual_limits == limits
    assert not any(limit.unconfirmed for limit in model.limits.values())


# Fields whose documented limits are weak, conflicting or missing.
UNCONFIRMED_FIELDS = {
    "wan2.6-image": {"size", "n"},
    "wan2.7-image-pro": {"size", "thinking_mode"},
    "wan2.7-image": {"size", "thinking_mode"},
    "wan2.5-i2i-preview": {"prompt"},
    "wanx2.1-imageedit": {"prompt", "n"},
    "wanx-sketch-to-image-lite": {"style"},
    "wanx-x-painting": {"n"},
    "wanx-style-repaint-v1": {"style_index"},
    "wanx-background-generation-v2": {"reference_edge", "n"},
    "image-out-painting": set(),
    "wanx-poster-generation-v1": {
        "title",
        "sub_title",
        "body_text",
        "wh_ratios",
        "lora_weight",
        "ctrl_ratio",
        "ctrl_step",
        "generate_mode",
        "generate_num",
    },
    "wanx-virtualmodel": {"base_image_url", "prompt"},
    "virtualmodel-v2": {"base_image_url", "prompt"},
    "shoemodel-v1": {"base_image_url", "prompt"},
    "image-erase-completion": set(),
    "image-instance-segmentation": {"image_url"},
}


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_unconfirmed_fields_marked(model_id: str) -> None:
    model = CATALOG[model_id]
    marked = {spec.name for spec in model.fields if spec.unconfirmed}
    assert marked == UNCONFIRMED_FIELDS[model_id]


@pytest.mark.parametrize(
    "model_id", ["wanx-virtualmodel", "image-instance-segmentation", "wan2.7-image-pro"]
)
def test_family_notes_state_gaps(model_id: str) -> None:
    notes = CATALOG[model_id].family.notes
    assert notes is not None
    assert "unconfirmed" in notes.en
    assert "未确认" in notes.zh


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_fields_have_both_languages(model_id: str) -> None:
    for spec in CATALOG[model_id].fields:
        for text in (spec.label, spec.help):
            assert text.en.strip(), spec.name
            assert text.zh.strip(), spec.name
        assert any("\u4e00" <= char <= "\u9fff" for char in spec.help.zh), spec.name
        assert spec.help.en != spec.help.zh, spec.name
        for choice in spec.choices:
            assert choice.label.en and choice.label.zh, (spec.name, choice.value)


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_data_uris_only_for_messages_models(model_id: str) -> None:
    model = CATALOG[model_id]
    for spec in model.fields:
        if spec.image is not None:
            assert spec.image.data_uri == (model.protocol == "messages"), spec.name


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_example_images_fit_image_rules(model_id: str) -> None:
    model = CATALOG[model_id]
    for name, value in model.example.items():
        spec = model.field(name)
        assert spec is not None, name
        if spec.type not in ("image", "image_list"):
            continue
        samples = value if isinstance(value, list) else [value]
        for sample in samples:
            assert sample.startswith("sample:"), (name, sample)
            width, height = SAMPLE_SIZES[sample.removeprefix("sample:")]
            rule = spec.image
            if rule is None:
                continue
            if rule.formats:
                assert "png" in rule.formats, name
            if rule.min_side is not None:
                assert min(width, height) >= rule.min_side, (name, sample)
            if rule.max_side is not None:
                assert max(width, height) <= rule.max_side, (name, sample)


def test_mask_examples_match_base_size() -> None:
    pairs = [
        ("wanx2.1-imageedit", "base_image_url", "mask_image_url"),
        ("wanx-x-painting", "base_image_url", "mask_image_url"),
        ("image-erase-completion", "image_url", "mask_url"),
    ]
    for model_id, base, mask in pairs:
        example = CATALOG[model_id].example
        base_size = SAMPLE_SIZES[example[base].removeprefix("sample:")]
        assert SAMPLE_SIZES[example[mask].removeprefix("sample:")] == base_size, model_id


def test_background_example_uses_transparent_png() -> None:
    example = CATALOG["wanx-background-generation-v2"].example
    assert example["base_image_url"] == "sample:product-rgba"


# --- Golden requests ---------------------------------------------------------

# model -> (mode, path, headers, body), written from the documented request shapes.
GOLDEN: dict[str, tuple[str, str, dict[str, str], dict[str, Any]]] = {
    "wan2.6-image": (
        "async",
        "services/aigc/image-generation/generation",
        ASYNC_HEADERS,
        {
            "model": "wan2.6-image",
            "input": user_message(
                {"image": sample_url("photo")},
                {"text": "Turn this photo into a watercolour painting and keep the composition"},
            ),
            "parameters": {"n": 1},
        },
    ),
    "wan2.7-image-pro": (
        "sync",
        "services/aigc/multimodal-generation/generation",
        SYNC_HEADERS,
        {
            "model": "wan2.7-image-pro",
            "input": user_message(
                {"image": sample_url("photo")},
                {"image": sample_url("style")},
                {
                    "text": "Place the object from image 2 inside the marked box in image 1, "
                    "matching its light"
                },
            ),
            "parameters": {"bbox_list": [[[256, 256, 768, 768]], []], "n": 1},
        },
    ),
    "wan2.7-image": (
        "sync",
        "services/aigc/multimodal-generation/generation",
        SYNC_HEADERS,
        {
            "model": "wan2.7-image",
            "input": user_message({"text": "A quiet harbour town at dusk, flat illustration"}),
            "parameters": {
                "n": 1,
                "color_palette": [
                    {"hex": "#C2D1E6", "ratio": "40%"},
                    {"hex": "#2F4858", "ratio": "35%"},
                    {"hex": "#F2A65A", "ratio": "25%"},
                ],
            },
        },
    ),
    "wan2.5-i2i-preview": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "wan2.5-i2i-preview",
            "input": {
                "prompt": "Put the object from image 2 on the table in image 1, in the same light",
                "images": [sample_url("photo"), sample_url("style")],
            },
            "parameters": {"n": 1, "prompt_extend": True},
        },
    ),
    "wanx2.1-imageedit": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "wanx2.1-imageedit",
            "input": {
                "function": "description_edit_with_mask",
                "prompt": "A ceramic vase with white lilies",
                "base_image_url": sample_url("photo"),
                "mask_image_url": sample_url("mask"),
            },
            "parameters": {"n": 1},
        },
    ),
    "wanx-sketch-to-image-lite": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "wanx-sketch-to-image-lite",
            "input": {
                "sketch_image_url": sample_url("sketch"),
                "prompt": "一只在树下看书的小熊，温暖的午后阳光",
            },
            "parameters": {"style": "<watercolor>", "n": 1},
        },
    ),
    "wanx-x-painting": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "wanx-x-painting",
            "input": {
                "base_image_url": sample_url("photo"),
                "mask_image_url": sample_url("mask"),
                "prompt": "A bowl of ripe oranges",
            },
            "parameters": {"style": "<watercolor>"},
        },
    ),
    # The documented request has no parameters member; PixelPost always sends
    # one, empty when no parameter is set.
    "wanx-style-repaint-v1": (
        "async",
        "services/aigc/image-generation/generation",
        ASYNC_HEADERS,
        {
            "model": "wanx-style-repaint-v1",
            "input": {"image_url": sample_url("portrait"), "style_index": 3},
            "parameters": {},
        },
    ),
    "wanx-background-generation-v2": (
        "async",
        "services/aigc/background-generation/generation/",
        ASYNC_HEADERS,
        {
            "model": "wanx-background-generation-v2",
            "input": {
                "base_image_url": sample_url("product-rgba"),
                "ref_prompt": "A marble tabletop by a sunny window, soft shadows",
            },
            "parameters": {"n": 1, "noise_level": 300},
        },
    ),
    "image-out-painting": (
        "async",
        "services/aigc/image2image/out-painting",
        ASYNC_HEADERS,
        {
            "model": "image-out-painting",
            "input": {"image_url": sample_url("photo")},
            "parameters": {"x_scale": 1.5, "y_scale": 1.5},
        },
    ),
    "wanx-poster-generation-v1": (
        "async",
        "services/aigc/text2image/image-synthesis",
        ASYNC_HEADERS,
        {
            "model": "wanx-poster-generation-v1",
            "input": {
                "title": "春日市集",
                "sub_title": "本周末 城南公园",
                "prompt_text_zh": "樱花树下的集市摊位，暖色灯串",
                "wh_ratios": "竖版",
                "lora_name": "2D插画1",
                "generate_mode": "generate",
                "generate_num": 1,
            },
            "parameters": {},
        },
    ),
    "wanx-virtualmodel": (
        "async",
        "services/aigc/virtualmodel/generation",
        ASYNC_HEADERS,
        {
            "model": "wanx-virtualmodel",
            "input": {
                "base_image_url": sample_url("portrait"),
                "prompt": "A model in a sunlit street, full body, natural pose",
            },
            "parameters": {},
        },
    ),
    "virtualmodel-v2": (
        "async",
        "services/aigc/virtualmodel/generation",
        ASYNC_HEADERS,
        {
            "model": "virtualmodel-v2",
            "input": {
                "base_image_url": sample_url("portrait"),
                "prompt": "A model in a sunlit street, full body, natural pose",
            },
            "parameters": {},
        },
    ),
    "shoemodel-v1": (
        "async",
        "services/aigc/virtualmodel/generation",
        ASYNC_HEADERS,
        {
            "model": "shoemodel-v1",
            "input": {
                "base_image_url": sample_url("photo"),
                "prompt": "A model walking on a city pavement, close-up of the shoes",
            },
            "parameters": {},
        },
    ),
    "image-erase-completion": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "image-erase-completion",
            "input": {"image_url": sample_url("photo"), "mask_url": sample_url("mask")},
            "parameters": {"dilate_flag": True},
        },
    ),
    "image-instance-segmentation": (
        "async",
        IMAGE2IMAGE,
        ASYNC_HEADERS,
        {
            "model": "image-instance-segmentation",
            "input": {"image_url": sample_url("portrait")},
            "parameters": {},
        },
    ),
}


def test_golden_covers_every_model() -> None:
    assert sorted(GOLDEN) == sorted(MODEL_IDS)


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_example_matches_golden_request(model_id: str) -> None:
    mode, path, headers, body = GOLDEN[model_id]
    model = CATALOG[model_id]
    request = build_request(model, example_values(model), mode)
    assert request.path == path
    assert request.headers() == headers
    assert request.is_async == (mode == "async")
    assert request.body == body
    # Dict equality treats 1 and 1.0 as equal, but their JSON text differs.
    assert json.dumps(request.body, sort_keys=True) == json.dumps(body, sort_keys=True)


def test_wan26_image_sync_request() -> None:
    model = CATALOG["wan2.6-image"]
    request = build_request(model, example_values(model), "sync")
    assert request.path == "services/aigc/multimodal-generation/generation"
    assert request.headers() == SYNC_HEADERS


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_preferred_beijing_mode_matches_golden(model_id: str) -> None:
    assert CATALOG[model_id].preferred_mode("beijing") == GOLDEN[model_id][0]


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_example_is_valid(model_id: str) -> None:
    model = CATALOG[model_id]
    values = example_values(model)
    assert validate_values(model, values) == []
    assert validate_body(model, build_body(model, values)) == []


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_example_round_trip(model_id: str) -> None:
    model = CATALOG[model_id]
    values = example_values(model)
    assert read_body(model, build_body(model, values)) == (values, {})


# --- Invalid values ----------------------------------------------------------

# Each case: model, changes to its example (None removes a value), the field
# named, and words the message must contain: the value and the allowed range.
INVALID_CASES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    # wan2.6-image
    ("wan2.6-image", {"prompt": None}, "prompt", ["required"]),
    ("wan2.6-image", {"prompt": "字" * 2001}, "prompt", ["2001", "2000"]),
    ("wan2.6-image", {"images": [sample_url("photo")] * 5}, "images", ["5 items", "1 to 4"]),
    ("wan2.6-image", {"images": ["C:/photo.png"]}, "images", ["'C:/photo.png'", "data:"]),
    ("wan2.6-image", {"max_images": 0}, "max_images", ["0", "1 to 5"]),
    ("wan2.6-image", {"max_images": 6}, "max_images", ["6", "1 to 5"]),
    ("wan2.6-image", {"size": "512*512"}, "size", ["'512*512'", "768*768 to 2048*2048"]),
    ("wan2.6-image", {"size": "2100*2100"}, "size", ["'2100*2100'", "768*768 to 2048*2048"]),
    ("wan2.6-image", {"size": "1024x1024"}, "size", ["'1024x1024'", "asterisk"]),
    ("wan2.6-image", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wan2.6-image", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("wan2.6-image", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    ("wan2.6-image", {"enable_interleave": "yes"}, "enable_interleave", ["'yes'", "true or false"]),
    ("wan2.6-image", {"prompt_extend": 1}, "prompt_extend", ["1", "true or false"]),
    ("wan2.6-image", {"watermark": "no"}, "watermark", ["'no'", "true or false"]),
    # wan2.7-image-pro and wan2.7-image
    ("wan2.7-image-pro", {"images": [sample_url("photo")] * 10}, "images", ["10 items", "1 to 9"]),
    ("wan2.7-image-pro", {"n": 13}, "n", ["13", "1 to 12"]),
    ("wan2.7-image-pro", {"n": 0}, "n", ["0", "1 to 12"]),
    ("wan2.7-image-pro", {"bbox_list": [[]] * 10}, "bbox_list", ["10 items", "1 to 9"]),
    ("wan2.7-image-pro", {"bbox_list": {"image": 1}}, "bbox_list", ["JSON array"]),
    ("wan2.7-image-pro", {"size": "2k"}, "size", ["'2k'", "asterisk"]),
    (
        "wan2.7-image-pro",
        {"enable_sequential": "on"},
        "enable_sequential",
        ["'on'", "true or false"],
    ),
    ("wan2.7-image-pro", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("wan2.7-image-pro", {"seed": 2147483648}, "seed", ["2147483648", "0 to 2147483647"]),
    (
        "wan2.7-image",
        {"color_palette": [{"hex": "#000000", "ratio": "100%"}] * 2},
        "color_palette",
        ["2 items", "3 to 10"],
    ),
    (
        "wan2.7-image",
        {"color_palette": [{"hex": "#000000", "ratio": "10%"}] * 11},
        "color_palette",
        ["11 items", "3 to 10"],
    ),
    # NOTE: the size message names the value but not the presets 1K and 2K.
    ("wan2.7-image", {"size": "4K"}, "size", ["'4K'", "asterisk"]),
    # wan2.5-i2i-preview
    ("wan2.5-i2i-preview", {"prompt": "x" * 2001}, "prompt", ["2001", "2000"]),
    ("wan2.5-i2i-preview", {"images": None}, "images", ["required"]),
    ("wan2.5-i2i-preview", {"images": [sample_url("photo")] * 4}, "images", ["4 items", "1 to 3"]),
    (
        "wan2.5-i2i-preview",
        {"images": ["data:image/png;base64,AAAA"]},
        "images",
        ["'data:image/png;base64,AAAA'", "http://, https://, oss://"],
    ),
    ("wan2.5-i2i-preview", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("wan2.5-i2i-preview", {"size": "1600*1600"}, "size", ["'1600*1600'", "768*768 to 1280*1280"]),
    ("wan2.5-i2i-preview", {"size": "700*700"}, "size", ["'700*700'", "768*768 to 1280*1280"]),
    ("wan2.5-i2i-preview", {"size": "400*2000"}, "size", ["'400*2000'", "1:5", "1:4 to 4:1"]),
    ("wan2.5-i2i-preview", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wan2.5-i2i-preview", {"seed": -5}, "seed", ["-5", "0 to 2147483647"]),
    ("wan2.5-i2i-preview", {"prompt_extend": "true"}, "prompt_extend", ["'true'", "true or false"]),
    # wanx2.1-imageedit
    (
        "wanx2.1-imageedit",
        {"function": "remove_watermaker"},
        "function",
        ["'remove_watermaker'", "remove_watermark", "control_cartoon_feature"],
    ),
    ("wanx2.1-imageedit", {"function": None}, "function", ["required"]),
    ("wanx2.1-imageedit", {"prompt": None}, "prompt", ["required"]),
    ("wanx2.1-imageedit", {"base_image_url": None}, "base_image_url", ["required"]),
    (
        "wanx2.1-imageedit",
        {"base_image_url": "photo.png"},
        "base_image_url",
        ["'photo.png'", "http://, https://, oss://"],
    ),
    ("wanx2.1-imageedit", {"mask_image_url": None}, "mask_image_url", ["required"]),
    (
        "wanx2.1-imageedit",
        {"mask_image_url": "data:image/png;base64,AAAA"},
        "mask_image_url",
        ["data:image/png", "http://, https://, oss://"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "description_edit", "strength": 1.5},
        "strength",
        ["1.5", "0 to 1"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "stylization_all", "strength": -0.1},
        "strength",
        ["-0.1", "0 to 1"],
    ),
    ("wanx2.1-imageedit", {"function": "expand", "top_scale": 2.5}, "top_scale", ["2.5", "1 to 2"]),
    (
        "wanx2.1-imageedit",
        {"function": "expand", "bottom_scale": 0.5},
        "bottom_scale",
        ["0.5", "1 to 2"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "expand", "left_scale": 3.0},
        "left_scale",
        ["3.0", "1 to 2"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "expand", "right_scale": 0.9},
        "right_scale",
        ["0.9", "1 to 2"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "super_resolution", "upscale_factor": 5},
        "upscale_factor",
        ["5", "1 to 4"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "super_resolution", "upscale_factor": 0},
        "upscale_factor",
        ["0", "1 to 4"],
    ),
    (
        "wanx2.1-imageedit",
        {"function": "doodle", "is_sketch": "false"},
        "is_sketch",
        ["'false'", "true or false"],
    ),
    ("wanx2.1-imageedit", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wanx2.1-imageedit", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    # wanx-sketch-to-image-lite
    ("wanx-sketch-to-image-lite", {"prompt": "字" * 76}, "prompt", ["76", "75"]),
    ("wanx-sketch-to-image-lite", {"sketch_image_url": None}, "sketch_image_url", ["required"]),
    ("wanx-sketch-to-image-lite", {"size": "1024*1024"}, "size", ["'1024*1024'", "768*768"]),
    ("wanx-sketch-to-image-lite", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wanx-sketch-to-image-lite", {"sketch_weight": 11}, "sketch_weight", ["11", "0 to 10"]),
    ("wanx-sketch-to-image-lite", {"sketch_weight": -1}, "sketch_weight", ["-1", "0 to 10"]),
    (
        "wanx-sketch-to-image-lite",
        {"style": "<sketch>"},
        "style",
        ["'<sketch>'", "<watercolor>", "<flat illustration>"],
    ),
    (
        "wanx-sketch-to-image-lite",
        {"sketch_extraction": "no"},
        "sketch_extraction",
        ["'no'", "true or false"],
    ),
    ("wanx-sketch-to-image-lite", {"sketch_color": {"r": 0}}, "sketch_color", ["JSON array"]),
    # wanx-x-painting
    ("wanx-x-painting", {"prompt": None}, "prompt", ["required"]),
    ("wanx-x-painting", {"base_image_url": None}, "base_image_url", ["required"]),
    (
        "wanx-x-painting",
        {"mask_image_url": "mask.png"},
        "mask_image_url",
        ["'mask.png'", "https://"],
    ),
    ("wanx-x-painting", {"style": "<photography>"}, "style", ["'<photography>'", "<watercolor>"]),
    ("wanx-x-painting", {"n": 5}, "n", ["5", "1 to 4"]),
    # wanx-style-repaint-v1
    ("wanx-style-repaint-v1", {"image_url": None}, "image_url", ["required"]),
    ("wanx-style-repaint-v1", {"style_index": 10}, "style_index", ["10", "-1 to 9"]),
    ("wanx-style-repaint-v1", {"style_index": -2}, "style_index", ["-2", "-1 to 9"]),
    ("wanx-style-repaint-v1", {"style_index": "3"}, "style_index", ["'3'", "whole number"]),
    (
        "wanx-style-repaint-v1",
        {"style_ref_url": "ftp://example.com/s.png"},
        "style_ref_url",
        ["'ftp://example.com/s.png'", "https://"],
    ),
    # wanx-background-generation-v2
    ("wanx-background-generation-v2", {"base_image_url": None}, "base_image_url", ["required"]),
    (
        "wanx-background-generation-v2",
        {"ref_image_url": "ref.png"},
        "ref_image_url",
        ["'ref.png'", "https://"],
    ),
    ("wanx-background-generation-v2", {"title": "限时特惠全场五折起"}, "title", ["9", "8"]),
    (
        "wanx-background-generation-v2",
        {"title": "新品", "sub_title": "x" * 11},
        "sub_title",
        ["11", "10"],
    ),
    (
        "wanx-background-generation-v2",
        {"reference_edge": ["https://example.com/e.png"]},
        "reference_edge",
        ["JSON object"],
    ),
    ("wanx-background-generation-v2", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wanx-background-generation-v2", {"noise_level": 1000}, "noise_level", ["1000", "0 to 999"]),
    ("wanx-background-generation-v2", {"noise_level": -1}, "noise_level", ["-1", "0 to 999"]),
    (
        "wanx-background-generation-v2",
        {"ref_prompt_weight": 1.2},
        "ref_prompt_weight",
        ["1.2", "0 to 1"],
    ),
    ("wanx-background-generation-v2", {"ref_prompt": 5}, "ref_prompt", ["5", "text"]),
    # image-out-painting
    ("image-out-painting", {"image_url": None}, "image_url", ["required"]),
    ("image-out-painting", {"angle": 360}, "angle", ["360", "0 to 359"]),
    ("image-out-painting", {"angle": -1}, "angle", ["-1", "0 to 359"]),
    ("image-out-painting", {"output_ratio": "2:1"}, "output_ratio", ["'2:1'", "16:9"]),
    ("image-out-painting", {"x_scale": 3.5}, "x_scale", ["3.5", "1 to 3"]),
    ("image-out-painting", {"y_scale": 0.5}, "y_scale", ["0.5", "1 to 3"]),
    ("image-out-painting", {"top_offset": -1}, "top_offset", ["-1", "minimum 0"]),
    ("image-out-painting", {"bottom_offset": -1}, "bottom_offset", ["-1", "minimum 0"]),
    ("image-out-painting", {"left_offset": 1.5}, "left_offset", ["1.5", "whole number"]),
    ("image-out-painting", {"right_offset": -8}, "right_offset", ["-8", "minimum 0"]),
    ("image-out-painting", {"best_quality": "yes"}, "best_quality", ["'yes'", "true or false"]),
    ("image-out-painting", {"limit_image_size": 0}, "limit_image_size", ["0", "true or false"]),
    ("image-out-painting", {"add_watermark": "no"}, "add_watermark", ["'no'", "true or false"]),
    # wanx-poster-generation-v1
    ("wanx-poster-generation-v1", {"title": None}, "title", ["required"]),
    ("wanx-poster-generation-v1", {"title": "x" * 31}, "title", ["31", "30"]),
    ("wanx-poster-generation-v1", {"sub_title": "x" * 31}, "sub_title", ["31", "30"]),
    ("wanx-poster-generation-v1", {"body_text": "x" * 51}, "body_text", ["51", "50"]),
    ("wanx-poster-generation-v1", {"wh_ratios": "方形"}, "wh_ratios", ["'方形'", "横版, 竖版"]),
    (
        "wanx-poster-generation-v1",
        {"generate_mode": "upscale"},
        "generate_mode",
        ["'upscale'", "generate, sr, hrf"],
    ),
    ("wanx-poster-generation-v1", {"generate_num": 5}, "generate_num", ["5", "1 to 4"]),
    ("wanx-poster-generation-v1", {"generate_mode": "sr"}, "auxiliary_parameters", ["required"]),
    ("wanx-poster-generation-v1", {"lora_weight": "high"}, "lora_weight", ["'high'", "a number"]),
    # virtual and shoe models
    ("wanx-virtualmodel", {"base_image_url": None}, "base_image_url", ["required"]),
    ("virtualmodel-v2", {"prompt": None}, "prompt", ["required"]),
    ("shoemodel-v1", {"base_image_url": "shoe.png"}, "base_image_url", ["'shoe.png'", "https://"]),
    # image-erase-completion
    ("image-erase-completion", {"image_url": None}, "image_url", ["required"]),
    ("image-erase-completion", {"mask_url": None}, "mask_url", ["required"]),
    (
        "image-erase-completion",
        {"foreground_url": "keep.png"},
        "foreground_url",
        ["'keep.png'", "https://"],
    ),
    ("image-erase-completion", {"dilate_flag": "yes"}, "dilate_flag", ["'yes'", "true or false"]),
    ("image-erase-completion", {"fast_mode": 1}, "fast_mode", ["1", "true or false"]),
    # image-instance-segmentation
    ("image-instance-segmentation", {"image_url": None}, "image_url", ["required"]),
]


@pytest.mark.parametrize(("model_id", "changes", "field", "words"), INVALID_CASES)
def test_invalid_value_rejected_with_message(
    model_id: str, changes: dict[str, Any], field: str, words: list[str]
) -> None:
    model = CATALOG[model_id]
    values = {**example_values(model), **changes}
    # The image values are placeholders, so they are checked as text, the way
    # the emulator checks them, without reading files or data URIs.
    issues = validate_values(model, values, read_images=False)
    assert [issue.field for issue in issues] == [field]
    message = issues[0].message()
    assert message.startswith(field)
    for word in words:
        assert word in message


def test_invalid_cases_cover_every_model() -> None:
    assert {case[0] for case in INVALID_CASES} == set(MODEL_IDS)


# --- Values the rules accept ---------------------------------------------------

# Each case: model and changes to its example that the rules accept.
VALID_CASES: list[tuple[str, dict[str, Any]]] = [
    ("wan2.6-image", {"size": "1K"}),
    ("wan2.6-image", {"size": "2K"}),
    ("wan2.6-image", {"size": "768*768"}),
    ("wan2.6-image", {"size": "2048*2048"}),
    ("wan2.6-image", {"images": ["data:image/png;base64,AAAA"]}),
    ("wan2.6-image", {"images": [], "enable_interleave": True, "max_images": 3}),
    ("wan2.6-image", {"images": [sample_url("photo")] * 4, "n": 4}),
    ("wan2.7-image-pro", {"size": "4K"}),
    ("wan2.7-image-pro", {"size": "3000*1200"}),
    ("wan2.7-image-pro", {"images": [sample_url("photo")] * 9}),
    ("wan2.7-image-pro", {"enable_sequential": True, "n": 12}),
    ("wan2.7-image-pro", {"thinking_mode": False}),
    ("wan2.7-image", {"size": "2K"}),
    ("wan2.5-i2i-preview", {"size": "768*768"}),
    ("wan2.5-i2i-preview", {"size": "640*2560"}),
    ("wan2.5-i2i-preview", {"images": [sample_url("photo")] * 3}),
    ("wanx2.1-imageedit", {"function": "expand", "top_scale": 2.0, "left_scale": 1.0}),
    ("wanx2.1-imageedit", {"function": "super_resolution", "upscale_factor": 4}),
    ("wanx2.1-imageedit", {"function": "stylization_all", "strength": 0.0}),
    ("wanx-style-repaint-v1", {"style_index": -1, "style_ref_url": sample_url("style")}),
    ("wanx-style-repaint-v1", {"style_index": 9}),
    (
        "wanx-background-generation-v2",
        {"reference_edge": {"foreground_edge": [sample_url("photo")]}},
    ),
    ("image-out-painting", {"output_ratio": "9:16", "angle": 359}),
    ("wanx-poster-generation-v1", {"generate_mode": "hrf", "auxiliary_parameters": "abc"}),
]


@pytest.mark.parametrize(("model_id", "changes"), VALID_CASES)
def test_valid_value_accepted(model_id: str, changes: dict[str, Any]) -> None:
    model = CATALOG[model_id]
    values = {**example_values(model), **changes}
    assert validate_values(model, values, read_images=False) == []


# --- Fields shown only for some values of another field -------------------------

# Field -> the imageedit functions that use it.
IMAGEEDIT_CONDITIONS = {
    "mask_image_url": {"description_edit_with_mask"},
    "strength": {"stylization_all", "description_edit"},
    "top_scale": {"expand"},
    "bottom_scale": {"expand"},
    "left_scale": {"expand"},
    "right_scale": {"expand"},
    "upscale_factor": {"super_resolution"},
    "is_sketch": {"doodle"},
}
IMAGEEDIT_FUNCTIONS = [
    "stylization_all",
    "stylization_local",
    "description_edit",
    "description_edit_with_mask",
    "remove_watermark",
    "expand",
    "super_resolution",
    "colorization",
    "doodle",
    "control_cartoon_feature",
]


def test_imageedit_offers_every_function() -> None:
    spec = CATALOG["wanx2.1-imageedit"].field("function")
    assert spec is not None
    assert list(spec.choice_values()) == IMAGEEDIT_FUNCTIONS


@pytest.mark.parametrize("function", IMAGEEDIT_FUNCTIONS)
def test_imageedit_fields_follow_function(function: str) -> None:
    model = CATALOG["wanx2.1-imageedit"]
    for name, functions in IMAGEEDIT_CONDITIONS.items():
        spec = model.field(name)
        assert spec is not None, name
        assert spec.applies({"function": function}) == (function in functions), name
    unconditional = {spec.name for spec in model.fields if spec.when is None}
    assert unconditional == {"function", "prompt", "base_image_url", "n", "seed", "watermark"}


# Values every function-specific field rejects.
OUT_OF_RANGE = {
    "strength": 5.0,
    "top_scale": 9.0,
    "bottom_scale": 9.0,
    "left_scale": 9.0,
    "right_scale": 9.0,
    "upscale_factor": 9,
    "is_sketch": "maybe",
}


@pytest.mark.parametrize("function", ["stylization_local", "colorization", "remove_watermark"])
def test_hidden_imageedit_fields_neither_sent_nor_checked(function: str) -> None:
    model = CATALOG["wanx2.1-imageedit"]
    values = {
        "function": function,
        "prompt": "a",
        "base_image_url": sample_url("photo"),
        "mask_image_url": "not a url",
        **OUT_OF_RANGE,
    }
    assert validate_values(model, values) == []
    body = build_body(model, values)
    assert body["input"] == {
        "function": function,
        "prompt": "a",
        "base_image_url": sample_url("photo"),
    }
    assert body["parameters"] == {}


def test_mask_required_only_for_masked_edit() -> None:
    model = CATALOG["wanx2.1-imageedit"]
    values = {"prompt": "a", "base_image_url": sample_url("photo")}
    masked = validate_values(model, {**values, "function": "description_edit_with_mask"})
    assert [(issue.field, issue.rule) for issue in masked] == [("mask_image_url", "required")]
    assert validate_values(model, {**values, "function": "description_edit"}) == []


def test_shown_imageedit_field_is_sent() -> None:
    model = CATALOG["wanx2.1-imageedit"]
    values = {
        "function": "expand",
        "prompt": "a",
        "base_image_url": sample_url("photo"),
        "top_scale": 1.5,
        "strength": 0.3,
        "upscale_factor": 2,
    }
    assert build_body(model, values)["parameters"] == {"top_scale": 1.5}


def test_hidden_poster_fields_neither_sent_nor_checked() -> None:
    model = CATALOG["wanx-poster-generation-v1"]
    upscale = {
        "title": "标题",
        "generate_mode": "sr",
        "auxiliary_parameters": "p",
        "generate_num": 9,
    }
    assert validate_values(model, upscale) == []
    assert "generate_num" not in build_body(model, upscale)["input"]
    generate = {"title": "标题", "generate_mode": "generate", "auxiliary_parameters": "p"}
    assert validate_values(model, generate) == []
    assert "auxiliary_parameters" not in build_body(model, generate)["input"]


# --- The emulator ----------------------------------------------------------------


@pytest.mark.timeout(60)
def test_emulator_accepts_every_example() -> None:
    """Each example, with the sample images it names, is accepted in every mode."""
    with Emulator(config=EmulatorConfig(pending_seconds=0, running_seconds=0)) as emulator:
        for model_id in MODEL_IDS:
            model = CATALOG[model_id]
            for mode in model.modes("sandbox"):
                values = resolve_samples(dict(model.example), emulator)
                request = build_request(model, values, mode)
                response = httpx.post(
                    f"{emulator.base_url}/{request.path}",
                    headers={**request.headers(), "Authorization": f"Bearer {emulator.key}"},
                    json=request.body,
                    trust_env=False,
                    timeout=30,
                )
                assert response.status_code == 200, (model_id, mode, response.text)

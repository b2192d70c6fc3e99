"""Catalog entries for Qwen-Image, Z-Image, try-on, WordArt, image translation,
FaceChain, hosted Kling and retired models.

Golden requests are written by hand from the documented request shapes, not
generated from the catalog, so a wrong key, location or path in a TOML file fails
here. ``sample:NAME`` placeholders in examples become ``https://example.com/NAME.png``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import httpx
import pytest

from gui.core.catalog import ModelSpec, load_catalog
from gui.core.request import build_body, build_request, read_body, validate_body, validate_values
from gui.sandbox import Emulator, EmulatorConfig

CATALOG = load_catalog()

SYNC_HEADERS = {"Content-Type": "application/json"}
ASYNC_HEADERS = {"Content-Type": "application/json", "X-DashScope-Async": "enable"}

MULTIMODAL = "services/aigc/multimodal-generation/generation"
IMAGE_GENERATION = "services/aigc/image-generation/generation"
TEXT2IMAGE = "services/aigc/text2image/image-synthesis"
IMAGE2IMAGE = "services/aigc/image2image/image-synthesis"

# Every model these catalog files add, with its family id.
ADDED_MODELS = {
    "qwen-image": "qwen-image",
    "qwen-image-plus": "qwen-image",
    "qwen-image-max": "qwen-image",
    "qwen-image-edit": "qwen-image-edit",
    "qwen-image-edit-plus": "qwen-image-edit",
    "qwen-image-edit-max": "qwen-image-edit",
    "qwen-image-2.0": "qwen-image-2",
    "qwen-image-2.0-pro": "qwen-image-2",
    "qwen-image-3.0": "qwen-image-3",
    "qwen-image-3.0-pro": "qwen-image-3",
    "z-image-turbo": "z-image",
    "aitryon": "aitryon",
    "aitryon-plus": "aitryon",
    "aitryon-refiner": "aitryon",
    "aitryon-parsing-v1": "aitryon-parsing",
    "wordart-texture": "wordart-texture",
    "wordart-semantic": "wordart-semantic",
    "wordart-surnames": "wordart-surnames",
    "qwen-mt-image": "qwen-mt-image",
    "facechain-generation": "facechain",
    "kling/kling-v3-image-generation": "kling-image",
    "kling/kling-v3-omni-image-generation": "kling-image",
    "stable-diffusion-v1.5": "sd-flux",
    "stable-diffusion-xl": "sd-flux",
    "stable-diffusion-3.5-large": "sd-flux",
    "stable-diffusion-3.5-large-turbo": "sd-flux",
    "flux-dev": "sd-flux",
    "flux-merged": "sd-flux",
    "flux-schnell": "sd-flux",
    "wanx-style-cosplay-v1": "wanx-style-cosplay",
    "wanx-ast": "wanx-ast",
    "wanx-anytext-v1": "wanx-anytext",
}

ALIASES = {
    "qwen-image-plus-2026-01-09": "qwen-image-plus",
    "qwen-image-max-2025-12-30": "qwen-image-max",
    "qwen-image-edit-plus-2025-10-30": "qwen-image-edit-plus",
    "qwen-image-edit-plus-2025-12-15": "qwen-image-edit-plus",
    "qwen-image-edit-max-2026-01-16": "qwen-image-edit-max",
    "qwen-image-2.0-2026-03-03": "qwen-image-2.0",
    "qwen-image-2.0-pro-2026-03-03": "qwen-image-2.0-pro",
    "qwen-image-2.0-pro-2026-04-22": "qwen-image-2.0-pro",
}

OFFLINE_2026_10_10 = (date(2026, 10, 10), "qwen-image-2.0")
OFFLINE_2026_03_30 = (date(2026, 3, 30), "wan2.6-t2i")
OFFLINE_2025_07_02 = (date(2025, 7, 2), None)

# Model id -> (retirement date, replacement or None when there is none).
RETIRED = {
    "qwen-image": OFFLINE_2026_10_10,
    "qwen-image-plus": OFFLINE_2026_10_10,
    "qwen-image-max": OFFLINE_2026_10_10,
    "qwen-image-edit": OFFLINE_2026_10_10,
    "qwen-image-edit-plus": OFFLINE_2026_10_10,
    "qwen-image-edit-max": OFFLINE_2026_10_10,
    "aitryon": OFFLINE_2026_10_10,
    "aitryon-plus": OFFLINE_2026_10_10,
    "aitryon-refiner": OFFLINE_2026_10_10,
    "aitryon-parsing-v1": OFFLINE_2026_10_10,
    "wordart-texture": OFFLINE_2026_10_10,
    "wordart-semantic": OFFLINE_2026_10_10,
    "facechain-generation": OFFLINE_2026_10_10,
    "stable-diffusion-v1.5": OFFLINE_2026_03_30,
    "stable-diffusion-xl": OFFLINE_2026_03_30,
    "stable-diffusion-3.5-large": OFFLINE_2026_03_30,
    "stable-diffusion-3.5-large-turbo": OFFLINE_2026_03_30,
    "flux-dev": OFFLINE_2026_03_30,
    "flux-merged": OFFLINE_2026_03_30,
    "flux-schnell": OFFLINE_2026_03_30,
    "wordart-surnames": OFFLINE_2025_07_02,
    "wanx-style-cosplay-v1": OFFLINE_2025_07_02,
    "wanx-ast": OFFLINE_2025_07_02,
    "wanx-anytext-v1": OFFLINE_2025_07_02,
}

# Pixel sizes of the emulator's sample images.
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


def sample_name(value: str) -> str | None:
    return value.removeprefix("sample:") if value.startswith("sample:") else None


def resolve_samples(value: Any, origin: str = "https://example.com") -> Any:
    """Replace every ``sample:NAME`` string, also inside lists and objects, by a URL."""
    if isinstance(value, str):
        name = sample_name(value)
        return f"{origin}/{name}.png" if name is not None else value
    if isinstance(value, list):
        return [resolve_samples(item, origin) for item in value]
    if isinstance(value, dict):
        return {key: resolve_samples(item, origin) for key, item in value.items()}
    return value


def example_values(model: ModelSpec) -> dict[str, Any]:
    values: dict[str, Any] = resolve_samples(dict(model.example))
    return values


def user_message(*items: dict[str, str]) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": list(items)}]}


QWEN_IMAGE_PROMPT = "A tea house on a misty mountain path, lanterns glowing at dusk"
EDIT_PROMPT = "Make the teapot cobalt blue and keep the background unchanged"
SD_FLUX_PROMPT = "A watercolor fox in a snowy birch forest"
TRY_ON_INPUT = {
    "person_image_url": "https://example.com/portrait.png",
    "top_garment_url": "https://example.com/garment-top.png",
    "bottom_garment_url": "https://example.com/garment-bottom.png",
}


def qwen_image_body(model_id: str) -> dict[str, Any]:
    return {
        "model": model_id,
        "input": user_message({"text": QWEN_IMAGE_PROMPT}),
        "parameters": {"size": "1328*1328", "n": 1, "watermark": False},
    }


def edit_body(model_id: str) -> dict[str, Any]:
    return {
        "model": model_id,
        "input": user_message({"image": "https://example.com/photo.png"}, {"text": EDIT_PROMPT}),
        "parameters": {"n": 1, "watermark": False},
    }


def sd_flux_body(model_id: str) -> dict[str, Any]:
    return {"model": model_id, "input": {"prompt": SD_FLUX_PROMPT}, "parameters": {"n": 1}}


def try_on_body(model_id: str) -> dict[str, Any]:
    return {"model": model_id, "input": dict(TRY_ON_INPUT), "parameters": {}}


# Model id -> (mode, path, body) of the request built from the model's example.
# PixelPost always sends a "parameters" object, empty when no parameter is set.
GOLDEN: dict[str, tuple[str, str, dict[str, Any]]] = {
    "qwen-image": ("sync", MULTIMODAL, qwen_image_body("qwen-image")),
    "qwen-image-plus": ("sync", MULTIMODAL, qwen_image_body("qwen-image-plus")),
    "qwen-image-max": ("sync", MULTIMODAL, qwen_image_body("qwen-image-max")),
    "qwen-image-edit": ("sync", MULTIMODAL, edit_body("qwen-image-edit")),
    "qwen-image-edit-plus": ("sync", MULTIMODAL, edit_body("qwen-image-edit-plus")),
    "qwen-image-edit-max": ("sync", MULTIMODAL, edit_body("qwen-image-edit-max")),
    "qwen-image-2.0": (
        "sync",
        MULTIMODAL,
        {
            "model": "qwen-image-2.0",
            "input": user_message(
                {
                    "text": "A poster for a night market: paper lanterns, steaming noodle "
                    "stalls, the title 夜市 in bold red letters"
                }
            ),
            "parameters": {"size": "1024*1536", "n": 1},
        },
    ),
    "qwen-image-2.0-pro": (
        "sync",
        MULTIMODAL,
        {
            "model": "qwen-image-2.0-pro",
            "input": user_message(
                {"image": "https://example.com/photo.png"},
                {"image": "https://example.com/style.png"},
                {"text": "Repaint image 1 in the style of image 2"},
            ),
            "parameters": {"size": "1024*1536", "n": 2, "prompt_extend": False},
        },
    ),
    "qwen-image-3.0": (
        "sync",
        MULTIMODAL,
        {
            "model": "qwen-image-3.0",
            "input": user_message(
                {"text": "An isometric illustration of a tiny bookshop on a rainy street corner"}
            ),
            "parameters": {"prompt_extend_mode": "agent", "size": "1536*1024", "n": 1},
        },
    ),
    "qwen-image-3.0-pro": (
        "async",
        IMAGE_GENERATION,
        {
            "model": "qwen-image-3.0-pro",
            "input": user_message(
                {"image": "https://example.com/product-rgba.png"},
                {"text": "Place the product on a marble counter in soft morning light"},
            ),
            "parameters": {"prompt_extend_mode": "direct", "size": "1024*1024", "n": 1},
        },
    ),
    "z-image-turbo": (
        "sync",
        MULTIMODAL,
        {
            "model": "z-image-turbo",
            "input": user_message(
                {"text": "A calm lake at dawn, a lone angler casting a line, cinematic lighting"}
            ),
            "parameters": {"size": "1024*1536", "prompt_extend": False},
        },
    ),
    "aitryon": ("async", IMAGE2IMAGE, try_on_body("aitryon")),
    "aitryon-plus": ("async", IMAGE2IMAGE, try_on_body("aitryon-plus")),
    "aitryon-refiner": (
        "async",
        IMAGE2IMAGE,
        {
            "model": "aitryon-refiner",
            "input": {**TRY_ON_INPUT, "coarse_image_url": "https://example.com/portrait.png"},
            "parameters": {"gender": "woman"},
        },
    ),
    "aitryon-parsing-v1": (
        "sync",
        IMAGE2IMAGE,
        {
            "model": "aitryon-parsing-v1",
            "input": {"image_url": "https://example.com/garment-top.png"},
            "parameters": {"clothes_type": ["upper"]},
        },
    ),
    "wordart-texture": (
        "async",
        "services/aigc/wordart/texture",
        {
            "model": "wordart-texture",
            "input": {
                "text": {
                    "text_content": "春节快乐",
                    "font_name": "dongfangdakai",
                    "output_image_ratio": "1:1",
                },
                "prompt": "Gold silk with fine red embroidery",
            },
            "parameters": {"n": 1},
        },
    ),
    "wordart-semantic": (
        "async",
        "services/aigc/wordart/semantic",
        {
            "model": "wordart-semantic",
            "input": {"text": "山水", "prompt": "Layered mountains wrapped in drifting cloud"},
            "parameters": {"n": 1},
        },
    ),
    "wordart-surnames": (
        "async",
        "services/aigc/wordart/surnames",
        {
            "model": "wordart-surnames",
            "input": {
                "surname": "李",
                "style": "diy",
                "prompt": "A girl in a bridal veil among peach blossoms",
            },
            "parameters": {"n": 1},
        },
    ),
    "qwen-mt-image": (
        "async",
        IMAGE2IMAGE,
        {
            "model": "qwen-mt-image",
            "input": {
                "image_url": "https://example.com/photo.png",
                "source_lang": "auto",
                "target_lang": "en",
            },
            "parameters": {},
        },
    ),
    "facechain-generation": (
        "async",
        "services/aigc/album/gen_potrait",
        {
            "model": "facechain-generation",
            "input": {
                "template_url": "https://example.com/portrait.png",
                "user_urls": ["https://example.com/portrait.png"],
            },
            "parameters": {"style": "train_free_portrait_url_template", "n": 1},
        },
    ),
    "kling/kling-v3-image-generation": (
        "async",
        IMAGE_GENERATION,
        {
            "model": "kling/kling-v3-image-generation",
            "input": user_message(
                {
                    "text": "A flower shop with fine windows and a beautiful wooden door, "
                    "flowers on display"
                }
            ),
            "parameters": {"n": 2, "aspect_ratio": "1:1", "resolution": "1k"},
        },
    ),
    "kling/kling-v3-omni-image-generation": (
        "async",
        IMAGE_GENERATION,
        {
            "model": "kling/kling-v3-omni-image-generation",
            "input": user_message(
                {
                    "text": "A four-panel storyboard: a fox finds a lantern, follows its light "
                    "through a forest, and reaches a village at dawn"
                }
            ),
            "parameters": {
                "aspect_ratio": "16:9",
                "resolution": "4k",
                "result_type": "series",
                "series_amount": 4,
            },
        },
    ),
    "stable-diffusion-v1.5": ("async", TEXT2IMAGE, sd_flux_body("stable-diffusion-v1.5")),
    "stable-diffusion-xl": ("async", TEXT2IMAGE, sd_flux_body("stable-diffusion-xl")),
    "stable-diffusion-3.5-large": (
        "async",
        TEXT2IMAGE,
        sd_flux_body("stable-diffusion-3.5-large"),
    ),
    "stable-diffusion-3.5-large-turbo": (
        "async",
        TEXT2IMAGE,
        sd_flux_body("stable-diffusion-3.5-large-turbo"),
    ),
    "flux-dev": ("async", TEXT2IMAGE, sd_flux_body("flux-dev")),
    "flux-merged": ("async", TEXT2IMAGE, sd_flux_body("flux-merged")),
    "flux-schnell": ("async", TEXT2IMAGE, sd_flux_body("flux-schnell")),
    "wanx-style-cosplay-v1": (
        "async",
        IMAGE_GENERATION,
        {
            "model": "wanx-style-cosplay-v1",
            "input": {
                "face_image_url": "https://example.com/portrait.png",
                "template_image_url": "https://example.com/style.png",
                "model_index": 1,
            },
            "parameters": {},
        },
    ),
    "wanx-ast": ("async", TEXT2IMAGE, {"model": "wanx-ast", "input": {}, "parameters": {}}),
    "wanx-anytext-v1": (
        "async",
        "services/aigc/anytext/generation",
        {
            "model": "wanx-anytext-v1",
            "input": {
                "prompt": 'A raccoon stands in front of a blackboard that reads "深度学习"',
                "mask_image_url": "https://example.com/text-mask.png",
            },
            "parameters": {"seed": 81808278},
        },
    ),
}

# Requests built from explicit values rather than the examples: nested members,
# the other input variant of a model, the other call mode, and an imported curl case.
# Each: model id, mode, field values, path, body.
EXTRA_GOLDEN: list[tuple[str, str, dict[str, Any], str, dict[str, Any]]] = [
    (
        "qwen-mt-image",
        "async",
        {
            "image_url": "https://example.com/photo.png",
            "source_lang": "zh",
            "target_lang": "en",
            "domain_hint": "E-commerce product photos; keep the tone short and lively.",
            "sensitives": ["全场9折", "七天无理由退换"],
            "terminologies": [{"src": "应用程序接口", "tgt": "API"}],
            "image_segment": True,
        },
        IMAGE2IMAGE,
        {
            "model": "qwen-mt-image",
            "input": {
                "image_url": "https://example.com/photo.png",
                "source_lang": "zh",
                "target_lang": "en",
                "ext": {
                    "domainHint": "E-commerce product photos; keep the tone short and lively.",
                    "sensitives": ["全场9折", "七天无理由退换"],
                    "terminologies": [{"src": "应用程序接口", "tgt": "API"}],
                    "config": {"imageSegment": True},
                },
            },
            "parameters": {},
        },
    ),
    (
        "wordart-texture",
        "async",
        {
            "text_image_url": "https://example.com/text-mask.png",
            "prompt": "Moss and wet stone",
            "texture_style": "scene",
            "image_short_size": 704,
        },
        "services/aigc/wordart/texture",
        {
            "model": "wordart-texture",
            "input": {
                "image": {"image_url": "https://example.com/text-mask.png"},
                "prompt": "Moss and wet stone",
                "texture_style": "scene",
            },
            "parameters": {"image_short_size": 704},
        },
    ),
    (
        "qwen-image-3.0",
        "async",
        {"prompt": "A paper boat on a puddle", "size": "1024*1024", "enable_thinking": False},
        IMAGE_GENERATION,
        {
            "model": "qwen-image-3.0",
            "input": user_message({"text": "A paper boat on a puddle"}),
            "parameters": {"size": "1024*1024", "enable_thinking": False},
        },
    ),
    (
        "qwen-image-edit-plus",
        "sync",
        {
            "images": ["https://example.com/samples/teapot.png"],
            "prompt": EDIT_PROMPT,
            "n": 1,
            "watermark": False,
        },
        MULTIMODAL,
        {
            "model": "qwen-image-edit-plus",
            "input": user_message(
                {"image": "https://example.com/samples/teapot.png"}, {"text": EDIT_PROMPT}
            ),
            "parameters": {"n": 1, "watermark": False},
        },
    ),
]


def test_catalog_has_every_added_model() -> None:
    for model_id, family_id in ADDED_MODELS.items():
        model = CATALOG.get(model_id)
        assert model is not None, model_id
        assert model.id == model_id
        assert model.family.id == family_id, model_id


@pytest.mark.parametrize(("alias", "model_id"), sorted(ALIASES.items()))
def test_alias_resolves_to_model(alias: str, model_id: str) -> None:
    assert CATALOG[alias].id == model_id


def test_alias_keeps_written_name_in_body() -> None:
    model = CATALOG["qwen-image-2.0-pro-2026-04-22"]
    body = build_body(model, {"prompt": "a"}, model_name="qwen-image-2.0-pro-2026-04-22")
    assert body["model"] == "qwen-image-2.0-pro-2026-04-22"


@pytest.mark.parametrize("model_id", sorted(RETIRED))
def test_retired_model_has_date_and_replacement(model_id: str) -> None:
    retired, replacement = RETIRED[model_id]
    model = CATALOG[model_id]
    assert model.retired == retired
    assert model.replacement == replacement
    if replacement is not None:
        assert CATALOG.get(replacement) is not None
        assert CATALOG[replacement].retired is None


def test_other_added_models_active() -> None:
    active = sorted(set(ADDED_MODELS) - set(RETIRED))
    assert active == [
        "kling/kling-v3-image-generation",
        "kling/kling-v3-omni-image-generation",
        "qwen-image-2.0",
        "qwen-image-2.0-pro",
        "qwen-image-3.0",
        "qwen-image-3.0-pro",
        "qwen-mt-image",
        "z-image-turbo",
    ]
    for model_id in active:
        assert CATALOG[model_id].retired is None, model_id


def test_every_added_model_has_golden() -> None:
    assert sorted(GOLDEN) == sorted(ADDED_MODELS)


def expected_headers(mode: str) -> dict[str, str]:
    return ASYNC_HEADERS if mode == "async" else SYNC_HEADERS


@pytest.mark.parametrize("model_id", sorted(GOLDEN))
def test_golden_request_from_example(model_id: str) -> None:
    mode, path, body = GOLDEN[model_id]
    model = CATALOG[model_id]
    assert mode in model.modes("beijing")

    request = build_request(model, example_values(model), mode)

    assert request.path == path
    assert request.headers() == expected_headers(mode)
    assert request.body == body


@pytest.mark.parametrize(
    ("model_id", "mode", "values", "path", "body"),
    EXTRA_GOLDEN,
    ids=[f"{case[0]}-{case[1]}" for case in EXTRA_GOLDEN],
)
def test_golden_request_from_values(
    model_id: str, mode: str, values: dict[str, Any], path: str, body: dict[str, Any]
) -> None:
    model = CATALOG[model_id]
    assert not validate_values(model, values)

    request = build_request(model, values, mode)

    assert request.path == path
    assert request.headers() == expected_headers(mode)
    assert request.body == body


@pytest.mark.parametrize("model_id", sorted(ADDED_MODELS))
def test_example_is_valid(model_id: str) -> None:
    model = CATALOG[model_id]
    values = example_values(model)
    assert validate_values(model, values) == []
    assert validate_body(model, build_body(model, values)) == []


@pytest.mark.parametrize(
    ("model_id", "values"),
    [(model_id, None) for model_id in sorted(ADDED_MODELS)]
    + [(case[0], case[2]) for case in EXTRA_GOLDEN],
)
def test_read_body_returns_values(model_id: str, values: dict[str, Any] | None) -> None:
    model = CATALOG[model_id]
    values = example_values(model) if values is None else values
    read_values, extra = read_body(model, build_body(model, values))
    assert read_values == values
    assert extra == {}


@pytest.mark.parametrize("model_id", sorted(ADDED_MODELS))
def test_example_images_meet_image_rules(model_id: str) -> None:
    """Every sample image in an example has a format and a size the field accepts."""
    model = CATALOG[model_id]
    for name, value in model.example.items():
        spec = model.field(name)
        assert spec is not None, f"{model_id}: example names unknown field {name}"
        items = value if isinstance(value, list) else [value]
        samples = [sample_name(item) for item in items if isinstance(item, str)]
        for sample in [sample for sample in samples if sample is not None]:
            assert spec.type in ("image", "image_list"), f"{model_id}.{name}"
            assert sample in SAMPLE_SIZES, f"{model_id}.{name}: unknown sample {sample}"
            width, height = SAMPLE_SIZES[sample]
            rule = spec.image
            if rule is None:
                continue
            assert not rule.formats or "png" in rule.formats, f"{model_id}.{name}"
            assert rule.min_side is None or min(width, height) >= rule.min_side, sample
            assert rule.max_side is None or max(width, height) <= rule.max_side, sample


def test_data_uri_only_for_messages_models() -> None:
    for model_id in ADDED_MODELS:
        model = CATALOG[model_id]
        for spec in model.fields:
            if spec.image is not None and spec.image.data_uri:
                assert model.protocol == "messages", f"{model_id}.{spec.name}"


def test_qwen_image_edit_lacks_size_and_rewrite() -> None:
    model = CATALOG["qwen-image-edit"]
    assert model.field("size") is None
    assert model.field("prompt_extend") is None
    assert CATALOG["qwen-image-edit-plus"].field("size") is not None


def test_refiner_lacks_resolution_and_face() -> None:
    model = CATALOG["aitryon-refiner"]
    assert model.field("resolution") is None
    assert model.field("restore_face") is None
    assert CATALOG["aitryon"].field("resolution") is not None


# Model id -> prices (CNY per image), Beijing free quota, limits per region as
# (submissions per second, tasks at once or None when unlimited).
BILLING: dict[str, tuple[dict[str, float], int | None, dict[str, tuple[float, int | None]]]] = {
    "qwen-image": ({"beijing": 0.25, "singapore": 0.256873}, 100, {"beijing": (2, None)}),
    "qwen-image-plus": ({"beijing": 0.20, "singapore": 0.220177}, 100, {"beijing": (2, None)}),
    "qwen-image-max": (
        {"beijing": 0.50, "singapore": 0.550443},
        100,
        {"beijing": (0.0333, None), "singapore": (0.0333, None)},
    ),
    "qwen-image-edit": ({"beijing": 0.30, "singapore": 0.330266}, 100, {"beijing": (2, None)}),
    "qwen-image-edit-plus": (
        {"beijing": 0.20, "singapore": 0.220177},
        100,
        {"beijing": (2, None)},
    ),
    "qwen-image-edit-max": (
        {"beijing": 0.50, "singapore": 0.550443},
        100,
        {"beijing": (0.0333, None)},
    ),
    "qwen-image-2.0": ({"beijing": 0.20, "singapore": 0.256873}, 100, {"beijing": (2, None)}),
    "qwen-image-2.0-pro": (
        {"beijing": 0.50, "singapore": 0.550443},
        100,
        {"beijing": (0.0333, None)},
    ),
    "qwen-image-3.0": ({}, None, {}),
    "qwen-image-3.0-pro": ({}, None, {}),
    "z-image-turbo": (
        {"beijing": 0.20, "singapore": 0.220177},
        100,
        {"beijing": (2, None), "singapore": (2, None)},
    ),
    "aitryon": ({"beijing": 0.20}, 400, {"beijing": (10, 5)}),
    "aitryon-plus": ({"beijing": 0.50}, 400, {"beijing": (10, 5)}),
    "aitryon-refiner": ({"beijing": 0.30}, 100, {"beijing": (10, 5)}),
    "aitryon-parsing-v1": ({"beijing": 0.004}, 400, {"beijing": (10, None)}),
    "wordart-texture": ({"beijing": 0.08}, 500, {"beijing": (2, 1)}),
    "wordart-semantic": ({"beijing": 0.24}, None, {"beijing": (2, 1)}),
    "wordart-surnames": ({}, None, {}),
    "qwen-mt-image": ({"beijing": 0.003}, 100, {"beijing": (1, 2)}),
    "facechain-generation": ({"beijing": 0.18}, 500, {"beijing": (2, 1)}),
    "kling/kling-v3-image-generation": ({"beijing": 0.2}, 0, {"beijing": (5, 10)}),
    "kling/kling-v3-omni-image-generation": ({"beijing": 0.4}, 0, {"beijing": (5, 10)}),
    "stable-diffusion-xl": ({}, None, {"beijing": (2, 1)}),
    "flux-schnell": ({}, None, {"beijing": (2, 1)}),
}


@pytest.mark.parametrize("model_id", sorted(BILLING))
def test_prices_quota_and_limits(model_id: str) -> None:
    prices, free_quota, limits = BILLING[model_id]
    model = CATALOG[model_id]
    for region, price in prices.items():
        assert model.prices[region] == pytest.approx(price), region
    if not prices:
        assert model.prices == {}
    assert model.free_quota == free_quota
    for region, (per_second, concurrency) in limits.items():
        assert model.limits[region].submit_per_second == pytest.approx(per_second), region
        assert model.limits[region].concurrency == concurrency, region
    if not limits:
        assert model.limits == {}


def test_per_minute_limit_marked_by_value() -> None:
    """2 requests per minute is stored as 2/60 submissions per second."""
    assert CATALOG["qwen-image-max"].limits["beijing"].submit_per_second == pytest.approx(
        2 / 60, abs=1e-4
    )


# Each case: model, changed values, the field named, and words the message must contain
# (the value and the allowed range or choices).
INVALID_CASES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    # Qwen-Image text-to-image.
    ("qwen-image", {"prompt": "x" * 801}, "prompt", ["801", "800"]),
    ("qwen-image", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("qwen-image", {"size": "1024*1024"}, "size", ["1024*1024", "1664*928", "928*1664"]),
    ("qwen-image-max", {"size": "1664x928"}, "size", ["1664x928", "asterisk"]),
    ("qwen-image", {"n": 5}, "n", ["5", "1 to 4"]),
    ("qwen-image", {"prompt_extend": "yes"}, "prompt_extend", ["'yes'", "true or false"]),
    ("qwen-image", {"watermark": 1}, "watermark", ["1", "true or false"]),
    ("qwen-image", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    ("qwen-image-plus", {"seed": 2147483648}, "seed", ["2147483648", "0 to 2147483647"]),
    # Qwen-Image editing.
    ("qwen-image-edit-plus", {"images": []}, "images", ["required"]),
    (
        "qwen-image-edit-plus",
        {"images": ["https://example.com/a.png"] * 4},
        "images",
        ["4 items", "1 to 3"],
    ),
    (
        "qwen-image-edit-max",
        {"images": ["C:\\Users\\me\\in.png"]},
        "images",
        ["in.png", "http://", "data:"],
    ),
    ("qwen-image-edit-plus", {"prompt": ""}, "prompt", ["required"]),
    ("qwen-image-edit-plus", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("qwen-image-edit-plus", {"size": "4096*512"}, "size", ["4096*512", "512 to 2048"]),
    ("qwen-image-edit-max", {"size": "500*600"}, "size", ["500*600", "512 to 2048"]),
    ("qwen-image-edit-plus", {"n": 7}, "n", ["7", "1 to 6"]),
    ("qwen-image-edit", {"n": 2}, "n", ["2", "1 to 1"]),
    ("qwen-image-edit-plus", {"prompt_extend": "on"}, "prompt_extend", ["'on'", "true or false"]),
    ("qwen-image-edit", {"watermark": "no"}, "watermark", ["'no'", "true or false"]),
    ("qwen-image-edit", {"seed": 2**31}, "seed", ["2147483648", "0 to 2147483647"]),
    # Qwen-Image 2.0.
    (
        "qwen-image-2.0",
        {"images": ["https://example.com/a.png"] * 4},
        "images",
        ["4 items", "0 to 3"],
    ),
    ("qwen-image-2.0-pro", {"images": ["ftp://host/a.png"]}, "images", ["ftp://", "https://"]),
    ("qwen-image-2.0", {"prompt": ""}, "prompt", ["required"]),
    ("qwen-image-2.0", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("qwen-image-2.0", {"size": "256*256"}, "size", ["65536", "512*512 to 2048*2048"]),
    ("qwen-image-2.0-pro", {"size": "3000*3000"}, "size", ["9000000", "512*512 to 2048*2048"]),
    ("qwen-image-2.0", {"n": 0}, "n", ["0", "1 to 6"]),
    ("qwen-image-2.0", {"prompt_extend": 0}, "prompt_extend", ["0", "true or false"]),
    ("qwen-image-2.0", {"watermark": "false"}, "watermark", ["'false'", "true or false"]),
    ("qwen-image-2.0", {"seed": -5}, "seed", ["-5", "0 to 2147483647"]),
    # Qwen-Image 3.0.
    (
        "qwen-image-3.0",
        {"images": ["https://example.com/a.png"] * 4},
        "images",
        ["4 items", "0 to 3"],
    ),
    ("qwen-image-3.0", {"images": ["/tmp/a.png"]}, "images", ["/tmp/a.png", "data:"]),
    ("qwen-image-3.0", {"prompt": ""}, "prompt", ["required"]),
    ("qwen-image-3.0", {"negative_prompt": "x" * 501}, "negative_prompt", ["501", "500"]),
    ("qwen-image-3.0", {"size": "4096*256"}, "size", ["16:1", "1:8 to 8:1"]),
    ("qwen-image-3.0-pro", {"size": "300*300"}, "size", ["90000", "512*512 to 2048*2048"]),
    ("qwen-image-3.0", {"n": 7}, "n", ["7", "1 to 6"]),
    ("qwen-image-3.0", {"prompt_extend": "true"}, "prompt_extend", ["'true'", "true or false"]),
    (
        "qwen-image-3.0",
        {"prompt_extend_mode": "smart"},
        "prompt_extend_mode",
        ["'smart'", "direct, agent"],
    ),
    ("qwen-image-3.0", {"enable_thinking": 1}, "enable_thinking", ["1", "true or false"]),
    ("qwen-image-3.0", {"watermark": "yes"}, "watermark", ["'yes'", "true or false"]),
    ("qwen-image-3.0-pro", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    # Z-Image.
    ("z-image-turbo", {"prompt": "字" * 801}, "prompt", ["801", "800"]),
    ("z-image-turbo", {"size": "256*512"}, "size", ["131072", "512*512 to 2048*2048"]),
    ("z-image-turbo", {"size": "1024 x 1536"}, "size", ["1024 x 1536", "asterisk"]),
    ("z-image-turbo", {"prompt_extend": "false"}, "prompt_extend", ["'false'", "true or false"]),
    ("z-image-turbo", {"seed": 2147483648}, "seed", ["2147483648", "0 to 2147483647"]),
    # AI try-on.
    ("aitryon", {"person_image_url": ""}, "person_image_url", ["required"]),
    (
        "aitryon",
        {"person_image_url": "D:\\photos\\me.jpg"},
        "person_image_url",
        ["me.jpg", "https://"],
    ),
    ("aitryon-plus", {"top_garment_url": "top.png"}, "top_garment_url", ["top.png", "https://"]),
    (
        "aitryon",
        {"bottom_garment_url": "data:image/png;base64,AAAA"},
        "bottom_garment_url",
        ["data:image/png", "https://"],
    ),
    ("aitryon", {"resolution": 2048}, "resolution", ["2048", "-1 to 1280"]),
    ("aitryon-plus", {"resolution": -2}, "resolution", ["-2", "-1 to 1280"]),
    ("aitryon", {"restore_face": "yes"}, "restore_face", ["'yes'", "true or false"]),
    (
        "aitryon-refiner",
        {"coarse_image_url": "result.png"},
        "coarse_image_url",
        ["result.png", "https://"],
    ),
    ("aitryon-refiner", {"gender": "girl"}, "gender", ["'girl'", "woman, man"]),
    ("aitryon-parsing-v1", {"image_url": "in.jpg"}, "image_url", ["in.jpg", "https://"]),
    (
        "aitryon-parsing-v1",
        {"clothes_type": "upper"},
        "clothes_type",
        ["'upper'", "a JSON array"],
    ),
    # WordArt.
    ("wordart-texture", {"text_content": "新年快乐万事如意"}, "text_content", ["8", "6"]),
    ("wordart-texture", {"font_name": "arial"}, "font_name", ["'arial'", "dongfangdakai"]),
    (
        "wordart-texture",
        {"output_image_ratio": "4:3"},
        "output_image_ratio",
        ["'4:3'", "1:1, 16:9, 9:16"],
    ),
    (
        "wordart-texture",
        {"text_image_url": "glyphs.png"},
        "text_image_url",
        ["glyphs.png", "https://"],
    ),
    ("wordart-texture", {"prompt": "x" * 201}, "prompt", ["201", "200"]),
    ("wordart-texture", {"image_short_size": 256}, "image_short_size", ["256", "512 to 1024"]),
    ("wordart-texture", {"image_short_size": 1088}, "image_short_size", ["1088", "512 to 1024"]),
    ("wordart-texture", {"n": 5}, "n", ["5", "1 to 4"]),
    ("wordart-semantic", {"text": ""}, "text", ["required"]),
    ("wordart-semantic", {"n": 0}, "n", ["0", "1 to 4"]),
    ("wordart-surnames", {"surname": ""}, "surname", ["required"]),
    (
        "wordart-surnames",
        {"ref_image_url": "ref.png"},
        "ref_image_url",
        ["ref.png", "https://"],
    ),
    ("wordart-surnames", {"n": 5}, "n", ["5", "1 to 4"]),
    # Image translation.
    ("qwen-mt-image", {"image_url": "scan.png"}, "image_url", ["scan.png", "https://"]),
    ("qwen-mt-image", {"source_lang": ""}, "source_lang", ["required"]),
    ("qwen-mt-image", {"target_lang": ""}, "target_lang", ["required"]),
    ("qwen-mt-image", {"sensitives": "全场9折"}, "sensitives", ["全场9折", "a JSON array"]),
    (
        "qwen-mt-image",
        {"terminologies": {"src": "机器学习", "tgt": "ML"}},
        "terminologies",
        ["机器学习", "a JSON array"],
    ),
    ("qwen-mt-image", {"image_segment": "true"}, "image_segment", ["'true'", "true or false"]),
    # FaceChain.
    ("facechain-generation", {"style": ""}, "style", ["required"]),
    (
        "facechain-generation",
        {"template_url": "template.jpg"},
        "template_url",
        ["template.jpg", "https://"],
    ),
    (
        "facechain-generation",
        {"user_urls": "https://example.com/me.png"},
        "user_urls",
        ["me.png", "a list of image URLs"],
    ),
    ("facechain-generation", {"size": "768x1024"}, "size", ["768x1024", "asterisk"]),
    ("facechain-generation", {"n": 5}, "n", ["5", "1 to 4"]),
    # Kling.
    ("kling/kling-v3-image-generation", {"prompt": "x" * 2501}, "prompt", ["2501", "2500"]),
    (
        "kling/kling-v3-image-generation",
        {"images": ["https://example.com/a.png", "https://example.com/b.png"]},
        "images",
        ["2 items", "0 to 1"],
    ),
    (
        "kling/kling-v3-omni-image-generation",
        {"images": ["https://example.com/a.png"] * 11},
        "images",
        ["11 items", "0 to 10"],
    ),
    (
        "kling/kling-v3-omni-image-generation",
        {"images": ["data:image/png;base64,AAAA"]},
        "images",
        ["data:image/png", "https://"],
    ),
    ("kling/kling-v3-image-generation", {"n": 10}, "n", ["10", "1 to 9"]),
    (
        "kling/kling-v3-image-generation",
        {"aspect_ratio": "4:3"},
        "aspect_ratio",
        ["'4:3'", "16:9, 9:16, 1:1"],
    ),
    ("kling/kling-v3-image-generation", {"resolution": "4k"}, "resolution", ["'4k'", "1k, 2k"]),
    (
        "kling/kling-v3-omni-image-generation",
        {"resolution": "8k"},
        "resolution",
        ["'8k'", "1k, 2k, 4k"],
    ),
    (
        "kling/kling-v3-omni-image-generation",
        {"result_type": "grid"},
        "result_type",
        ["'grid'", "single, series"],
    ),
    (
        "kling/kling-v3-omni-image-generation",
        {"series_amount": 1},
        "series_amount",
        ["1", "2 to 9"],
    ),
    (
        "kling/kling-v3-omni-image-generation",
        {"series_amount": 10},
        "series_amount",
        ["10", "2 to 9"],
    ),
    (
        "kling/kling-v3-image-generation",
        {"watermark": "no"},
        "watermark",
        ["'no'", "true or false"],
    ),
    # Stable Diffusion and FLUX.
    ("stable-diffusion-xl", {"prompt": ""}, "prompt", ["required"]),
    ("stable-diffusion-xl", {"size": "1024x1024"}, "size", ["1024x1024", "asterisk"]),
    ("flux-dev", {"n": 5}, "n", ["5", "1 to 4"]),
    ("flux-schnell", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
    # Retired Wan tools.
    (
        "wanx-style-cosplay-v1",
        {"face_image_url": "face.jpg"},
        "face_image_url",
        ["face.jpg", "https://"],
    ),
    (
        "wanx-style-cosplay-v1",
        {"template_image_url": ""},
        "template_image_url",
        ["required"],
    ),
    ("wanx-style-cosplay-v1", {"model_index": 2}, "model_index", ["2", "1 to 1"]),
    ("wanx-anytext-v1", {"prompt": ""}, "prompt", ["required"]),
    (
        "wanx-anytext-v1",
        {"mask_image_url": "mask.png"},
        "mask_image_url",
        ["mask.png", "https://"],
    ),
    ("wanx-anytext-v1", {"seed": -1}, "seed", ["-1", "0 to 2147483647"]),
]


@pytest.mark.parametrize(
    ("model_id", "changes", "field", "words"),
    INVALID_CASES,
    ids=[f"{case[0]}-{case[2]}-{index}" for index, case in enumerate(INVALID_CASES)],
)
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


def has_rule(model: ModelSpec, name: str) -> bool:
    """Return whether a field has a rule beyond being required: a type, range or limit."""
    spec = model.field(name)
    assert spec is not None
    if spec.type in ("int", "float"):
        return spec.minimum is not None or spec.maximum is not None
    if spec.type == "text":
        return spec.max_length is not None
    return True


def test_invalid_cases_cover_every_rule() -> None:
    """Each family field with a rule has at least one invalid case on some model."""
    covered = {(ADDED_MODELS[case[0]], case[2]) for case in INVALID_CASES}
    missing = sorted(
        (family_id, spec.name)
        for model_id, family_id in ADDED_MODELS.items()
        for spec in CATALOG[model_id].fields
        if has_rule(CATALOG[model_id], spec.name) and (family_id, spec.name) not in covered
    )
    assert missing == []


def test_hidden_field_not_checked() -> None:
    """A field whose condition does not hold is neither sent nor checked."""
    model = CATALOG["wordart-surnames"]
    values = {"surname": "王", "style": "ink_hero", "ref_image_url": "ref.png"}
    assert validate_values(model, values) == []
    assert "ref_image_url" not in build_body(model, values)["input"]

    omni = CATALOG["kling/kling-v3-omni-image-generation"]
    single = {"prompt": "a", "result_type": "single", "series_amount": 99}
    assert validate_values(omni, single) == []
    assert "series_amount" not in build_body(omni, single)["parameters"]


@pytest.fixture(scope="module")
def emulator() -> Any:
    config = EmulatorConfig(pending_seconds=0, running_seconds=0, sync_seconds=0)
    with Emulator(config=config) as running:
        yield running


@pytest.mark.timeout(60)
@pytest.mark.parametrize("model_id", sorted(ADDED_MODELS))
def test_emulator_accepts_example(emulator: Any, model_id: str) -> None:
    """The example, with samples served by the emulator, is a request it accepts."""
    model = CATALOG[model_id]
    mode = model.preferred_mode("sandbox")
    assert mode is not None
    origin = emulator.base_url.removesuffix("/api/v1")
    values = resolve_samples(dict(model.example), f"{origin}/samples")
    request = build_request(model, values, mode)

    response = httpx.post(
        f"{emulator.base_url}/{request.path}",
        headers={**request.headers(), "Authorization": f"Bearer {emulator.key}"},
        content=json.dumps(request.body).encode(),
        trust_env=False,
        timeout=30,
    )

    assert response.status_code == 200, response.text
    output = response.json()["output"]
    if mode == "async":
        assert output["task_status"] == "PENDING"

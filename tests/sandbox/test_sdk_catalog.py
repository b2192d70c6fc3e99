"""The official dashscope SDK, unchanged, runs every catalog model it has a class for.

``ImageSynthesis`` covers the prompt-protocol models on the text2image and
image2image ``image-synthesis`` endpoints; ``ImageGeneration`` covers the
messages-protocol models. Other endpoints (background generation, out-painting,
virtual model, WordArt) have no SDK class.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import dashscope
import httpx
import pytest
from dashscope.aigc.image_generation import ImageGeneration
from PIL import Image

from gui.core.catalog import ModelSpec, load_catalog
from gui.core.request import build_body
from gui.sandbox import Emulator, EmulatorConfig

from .support import TEST_KEY

pytestmark = pytest.mark.timeout(120)

CATALOG = load_catalog()
SYNTHESIS_PATHS = {
    "services/aigc/text2image/image-synthesis": "text2image",
    "services/aigc/image2image/image-synthesis": "image2image",
}
# Input members ImageSynthesis.call takes as named arguments; others go in extra_input.
SYNTHESIS_INPUTS = {
    "prompt", "negative_prompt", "images", "sketch_image_url", "ref_img", "function",
    "mask_image_url", "base_image_url",
}


def synthesis_models() -> list[str]:
    return [
        model.id
        for model in CATALOG.active()
        if model.protocol == "prompt" and model.family.paths.get("async", "").strip("/") in SYNTHESIS_PATHS
    ]


def generation_models() -> list[str]:
    return [model.id for model in CATALOG.active() if model.protocol == "messages"]


@pytest.fixture
def sdk_emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    # Tasks end at once: the SDK sleeps a whole second after each unfinished poll,
    # and the task lifecycle with the SDK is covered in test_sdk.py.
    config = EmulatorConfig(pending_seconds=0.0, running_seconds=0.0, sync_seconds=0.05)
    with Emulator(key=TEST_KEY, config=config) as emulator:
        monkeypatch.setenv("DASHSCOPE_HTTP_BASE_URL", emulator.base_url)
        monkeypatch.setattr(dashscope, "base_http_api_url", emulator.base_url)
        monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
        yield emulator
        # The SDK keeps a pooled keep-alive connection; close it with the emulator.
        dashscope.close_shared_sync_session()


def example_body(model: ModelSpec, emulator: Emulator) -> dict[str, Any]:
    values = emulator.resolve_samples({**model.initial_values(), **model.example})
    return build_body(model, values)


def assert_png(url: str) -> None:
    response = httpx.get(url, trust_env=False)
    assert response.status_code == 200, response.text
    assert Image.open(io.BytesIO(response.content)).format == "PNG"


def test_sdk_covers_most_models() -> None:
    assert len(synthesis_models()) >= 10
    assert len(generation_models()) >= 6


@pytest.mark.parametrize("model_id", synthesis_models())
def test_image_synthesis_call(model_id: str, sdk_emulator: Emulator) -> None:
    model = CATALOG[model_id]
    body = example_body(model, sdk_emulator)
    named = {key: value for key, value in body["input"].items() if key in SYNTHESIS_INPUTS}
    extra = {key: value for key, value in body["input"].items() if key not in SYNTHESIS_INPUTS}
    task = SYNTHESIS_PATHS[model.family.paths["async"].strip("/")]
    named.setdefault("prompt", "")  # the SDK requires a prompt argument
    if not named["prompt"]:
        # The SDK rejects an empty prompt even for models without one. A space passes
        # its check, and the emulator ignores input members the model does not use.
        named["prompt"] = " "
    response = dashscope.ImageSynthesis.call(
        model=model_id,
        api_key=sdk_emulator.key,
        task=task,
        extra_input=extra or None,
        **named,
        **body["parameters"],
    )
    assert response.status_code == 200, (response.code, response.message)
    assert response.output.task_status == "SUCCEEDED"
    urls = [result.url for result in response.output.results if result.get("url")]
    urls += [response.output[key] for key in ("image_url", "output_image_url") if response.output.get(key)]
    assert urls
    assert_png(urls[0])


@pytest.mark.parametrize("model_id", generation_models())
def test_image_generation_call(model_id: str, sdk_emulator: Emulator) -> None:
    model = CATALOG[model_id]
    body = example_body(model, sdk_emulator)
    messages = body["input"]["messages"]
    modes = model.modes("sandbox")
    if "sync" in modes:
        response = ImageGeneration.call(
            model=model_id, api_key=sdk_emulator.key, messages=messages, **body["parameters"]
        )
    else:
        submitted = ImageGeneration.async_call(
            model=model_id, api_key=sdk_emulator.key, messages=messages, **body["parameters"]
        )
        assert submitted.status_code == 200, (submitted.code, submitted.message)
        response = ImageGeneration.wait(submitted, api_key=sdk_emulator.key)
    assert response.status_code == 200, (response.code, response.message)
    content = response.output.choices[0].message.content
    urls = [item["image"] for item in content if "image" in item]
    assert urls
    assert_png(urls[0])

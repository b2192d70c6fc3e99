"""The output plan of a model call: how many images, their pixel size and content.

The size is the request's ``size`` value when the model has a size field, else
the size of the first input image (editing models keep the input size), else
the size field's server default, else 1024*1024.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections.abc import Mapping
from typing import Any

from gui.core.catalog import FieldSpec, ModelSpec, SizeRule
from gui.core.request import parse_size
from gui.sandbox.images import ImageSpec, ImageStore
from gui.sandbox.inputs import InputImage
from gui.sandbox.results import rewrite_prompt
from gui.sandbox.tasks import Generation, TextLayout

FALLBACK_SIZE = (1024, 1024)
# Side of the square a named size stands for. wan2.6-image documents 1K as about
# 1280*1280 and 2K as about 2048*2048; 4K is taken as 4096*4096.
PRESET_SIDES = {"1K": 1280, "2K": 2048, "4K": 4096}
# Output sides are scaled down to this many pixels to bound render time and
# memory, whatever size an input image has.
MAX_RENDER_SIDE = 4096
# Sizes derived from a preset and an aspect ratio are rounded to this multiple.
SIZE_STEP = 16
# Result shapes that carry exactly one image, whatever n the request contains.
SINGLE_IMAGE_SHAPES = ("output_image_url", "image_url")


def plan_generation(
    model: ModelSpec,
    values: Mapping[str, Any],
    body_input: Mapping[str, Any],
    inputs: list[InputImage],
    images: ImageStore,
    keep_until: float | None = None,
) -> Generation:
    """Register the result images of one request in the image store.

    ``body_input`` is the request's ``input`` object and ``inputs`` its input
    images in field order. ``keep_until`` is the epoch time after which the
    images may be dropped; None keeps them until their task expires.
    """
    prompt = values.get("prompt")
    prompt = prompt if isinstance(prompt, str) else ""
    shape = model.family.result_shape
    count = 1 if shape in SINGLE_IMAGE_SHAPES else int(_value_or_default(model, values, "n", 1))
    width, height = output_dimensions(model, values, inputs)
    seed = values.get("seed")
    if not isinstance(seed, int):
        seed = secrets.randbelow(2**31)
    watermark = any(
        _value_or_default(model, values, name, False) is True
        for name in ("watermark", "add_watermark")
    )
    # Only models with a prompt_extend field rewrite prompts.
    rewrites = model.field("prompt_extend") is not None
    actual_prompt = None
    if rewrites and _value_or_default(model, values, "prompt_extend", False) is True:
        actual_prompt = rewrite_prompt(prompt)

    content = content_key(prompt, inputs)
    names = tuple(
        images.add(ImageSpec(content, seed + index, index, width, height, watermark), keep_until)
        for index in range(count)
    )
    text_layout = None
    title = body_input.get("title")
    if shape == "background" and isinstance(title, str) and title:
        sub_title = body_input.get("sub_title")
        sub_title = sub_title if isinstance(sub_title, str) and sub_title else None
        text_content = f"{content}\0title\0{title}\0{sub_title or ''}"
        text_names = tuple(
            images.add(ImageSpec(text_content, seed + index, index, width, height), keep_until)
            for index in range(count)
        )
        text_layout = TextLayout(title, sub_title, text_names)
    return Generation(prompt, actual_prompt, width, height, names, text_layout=text_layout)


def content_key(prompt: str, inputs: list[InputImage]) -> str:
    """Return the text the result pictures derive from: the prompt and the input images."""
    if not inputs:
        return prompt
    identities = "\0".join(image.identity for image in inputs)
    digest = hashlib.sha256(identities.encode()).hexdigest()[:32]
    return f"{prompt}\0inputs:{digest}"


def output_dimensions(
    model: ModelSpec, values: Mapping[str, Any], inputs: list[InputImage]
) -> tuple[int, int]:
    """Return the output ``(width, height)`` of a request."""
    size_field = _size_field(model)
    first = inputs[0] if inputs else None
    if size_field is not None:
        dimensions = _size_value(values.get(size_field.name), size_field.size, first)
        if dimensions is not None:
            return dimensions
    if first is not None:
        return _fit_render_limit(first.width, first.height)
    if size_field is not None:
        dimensions = _size_value(size_field.server_default, size_field.size, None)
        if dimensions is not None:
            return dimensions
    return FALLBACK_SIZE


def _size_field(model: ModelSpec) -> FieldSpec | None:
    for spec in model.fields:
        if spec.type == "size":
            return spec
    return None


def _size_value(
    value: Any, rule: SizeRule | None, first: InputImage | None
) -> tuple[int, int] | None:
    """Return the dimensions of a ``W*H`` or preset size, or None when it is neither."""
    if not isinstance(value, str) or not value:
        return None
    parsed = parse_size(value)
    if parsed is not None:
        return _fit_render_limit(*parsed)
    side = PRESET_SIDES.get(value.strip().upper())
    if side is None:
        return None
    # The service picks the aspect ratio of a named size from the input image.
    # The emulator keeps the first input's ratio at the preset's area, and renders
    # a square when there is no input image.
    # NOTE: the service's rounding of such sizes is unconfirmed.
    area = float(side * side)
    if rule is not None and rule.max_pixels is not None:
        area = min(area, float(rule.max_pixels))
    ratio = first.width / first.height if first is not None else 1.0
    width = _round_to_step(math.sqrt(area * ratio))
    height = _round_to_step(math.sqrt(area / ratio))
    if rule is not None and rule.max_side is not None and max(width, height) > rule.max_side:
        scale = rule.max_side / max(width, height)
        width, height = _round_down_to_step(width * scale), _round_down_to_step(height * scale)
    return _fit_render_limit(width, height)


def _round_to_step(value: float) -> int:
    return max(SIZE_STEP, round(value / SIZE_STEP) * SIZE_STEP)


def _round_down_to_step(value: float) -> int:
    return max(SIZE_STEP, math.floor(value / SIZE_STEP) * SIZE_STEP)


def _fit_render_limit(width: int, height: int) -> tuple[int, int]:
    """Scale ``(width, height)`` down, keeping its ratio, so no side exceeds MAX_RENDER_SIDE."""
    longest = max(width, height)
    if longest <= MAX_RENDER_SIDE:
        return width, height
    scale = MAX_RENDER_SIDE / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _value_or_default(
    model: ModelSpec, values: Mapping[str, Any], name: str, fallback: Any
) -> Any:
    """Return the sent value of a field, else its server default, else ``fallback``."""
    value = values.get(name)
    if value is not None:
        return value
    spec = model.field(name)
    if spec is not None and spec.server_default is not None:
        return spec.server_default
    return fallback

"""Find the result images in a task or sync-call ``output``, whatever its shape."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.core.library import ResultImage


def extract_results(output: Mapping[str, Any]) -> list[ResultImage]:
    """Return one ResultImage per image slot in ``output``.

    Handles ``results[]`` (url or per-image code and message), ``choices[]``
    messages with image content items, and the single-URL fields
    ``output_image_url`` and ``image_url``.
    """
    images: list[ResultImage] = []
    for item in output.get("results") or []:
        if not isinstance(item, Mapping):
            continue
        images.append(
            ResultImage(
                index=len(images),
                url=_string(item.get("url")),
                orig_prompt=_string(item.get("orig_prompt")),
                actual_prompt=_string(item.get("actual_prompt")),
                error_code=_string(item.get("code")) if not item.get("url") else None,
                error_message=_string(item.get("message")) if not item.get("url") else None,
            )
        )
    for choice in output.get("choices") or []:
        message = choice.get("message") if isinstance(choice, Mapping) else None
        content = message.get("content") if isinstance(message, Mapping) else None
        for item in content or []:
            if isinstance(item, Mapping) and isinstance(item.get("image"), str):
                images.append(ResultImage(index=len(images), url=item["image"]))
    for key in ("output_image_url", "image_url"):
        url = output.get(key)
        if isinstance(url, str) and url:
            images.append(ResultImage(index=len(images), url=url))
    return images


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None

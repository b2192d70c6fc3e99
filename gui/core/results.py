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
    text_results = output.get("text_results")
    if isinstance(text_results, Mapping):
        for item in text_results.get("urls") or []:
            if isinstance(item, Mapping) and isinstance(item.get("url"), str):
                images.append(ResultImage(index=len(images), url=item["url"]))
    if not images:
        for url in find_image_urls(output):
            images.append(ResultImage(index=len(images), url=url))
    return images


IMAGE_ENDINGS = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff")


def find_image_urls(value: Any, key: str = "") -> list[str]:
    """Return http(s) URLs anywhere in an unknown output shape that look like images.

    A URL counts when its path ends in an image file name or its member name
    mentions an image or a URL.
    """
    found: list[str] = []
    if isinstance(value, Mapping):
        for child_key, child in value.items():
            found.extend(find_image_urls(child, str(child_key)))
    elif isinstance(value, list):
        for child in value:
            found.extend(find_image_urls(child, key))
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        path = value.split("?", 1)[0].lower()
        named = any(word in key.lower() for word in ("image", "url", "img"))
        if path.endswith(IMAGE_ENDINGS) or named:
            found.append(value)
    return list(dict.fromkeys(found))


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None

"""Sample input images: served publicly, sized as listed, and resolved from placeholders."""

from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image

from gui.sandbox import SAMPLE_IMAGES, Emulator, resolve_samples
from gui.sandbox.samples import sample_png

from .support import download_image

pytestmark = pytest.mark.timeout(30)

REQUIRED_SAMPLES = {
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


def test_required_samples_listed() -> None:
    for name, size in REQUIRED_SAMPLES.items():
        width, height, description = SAMPLE_IMAGES[name]
        assert (width, height) == size, name
        assert description
        assert "\n" not in description


@pytest.mark.parametrize("name", sorted(SAMPLE_IMAGES))
def test_sample_served_without_key(emulator: Emulator, http: httpx.Client, name: str) -> None:
    url = emulator.sample_url(name)

    response = http.get(url)

    assert url == f"{emulator.origin}/samples/{name}.png"
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "image/png"
    assert int(response.headers["Content-Length"]) == len(response.content)
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == SAMPLE_IMAGES[name][:2]


def test_sample_head_has_no_body(emulator: Emulator, http: httpx.Client) -> None:
    response = http.head(emulator.sample_url("photo"))

    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["Content-Length"]) == len(sample_png("photo"))


def test_samples_rendered_identically(emulator: Emulator, http: httpx.Client) -> None:
    first = http.get(emulator.sample_url("style")).content
    second = http.get(emulator.sample_url("style")).content

    assert first == second
    assert first == sample_png("style")


def test_mask_matches_photo(emulator: Emulator, http: httpx.Client) -> None:
    photo = download_image(http, emulator.sample_url("photo"))
    mask = download_image(http, emulator.sample_url("mask")).convert("L")

    assert mask.size == photo.size
    assert mask.getextrema() == (0, 255)
    # White (the area to edit) is one rectangle in the middle; the corners stay black.
    assert mask.getpixel((512, 600)) == 255
    assert mask.getpixel((0, 0)) == 0
    assert mask.getpixel((1023, 1023)) == 0


def test_product_has_transparent_background(emulator: Emulator, http: httpx.Client) -> None:
    product = download_image(http, emulator.sample_url("product-rgba"))
    alpha = product.getchannel("A")

    assert product.mode == "RGBA"
    assert alpha.getpixel((0, 0)) == 0
    assert alpha.getpixel((512, 600)) == 255


def test_sketch_is_black_on_white(emulator: Emulator, http: httpx.Client) -> None:
    sketch = download_image(http, emulator.sample_url("sketch")).convert("L")

    histogram = sketch.histogram()
    white_share = histogram[255] / (sketch.width * sketch.height)

    assert white_share > 0.8
    assert histogram[0] > 0


def test_text_mask_is_white_on_black(emulator: Emulator, http: httpx.Client) -> None:
    text_mask = download_image(http, emulator.sample_url("text-mask")).convert("L")

    histogram = text_mask.histogram()

    assert histogram[0] > histogram[255] > 0
    assert sum(histogram[1:255]) == 0


def test_unknown_sample_not_found(emulator: Emulator, http: httpx.Client) -> None:
    response = http.get(f"{emulator.origin}/samples/nothing.png")

    assert response.status_code == 404
    assert "<Code>NoSuchKey</Code>" in response.text


def test_sample_without_png_suffix_not_found(emulator: Emulator, http: httpx.Client) -> None:
    response = http.get(f"{emulator.origin}/samples/photo")

    assert response.status_code == 404


def test_sample_post_not_allowed(emulator: Emulator, http: httpx.Client) -> None:
    response = http.post(emulator.sample_url("photo"))

    assert response.status_code == 405
    assert "<Code>MethodNotAllowed</Code>" in response.text


def test_sample_url_unknown_name_raises(emulator: Emulator) -> None:
    with pytest.raises(KeyError):
        emulator.sample_url("nothing")


def test_sample_url_needs_running_emulator() -> None:
    with pytest.raises(RuntimeError):
        Emulator().sample_url("photo")


def test_resolve_samples_nested(emulator: Emulator) -> None:
    values = {
        "prompt": "sample:photo stays text unless it is the whole value",
        "base_image_url": "sample:photo",
        "images": ["sample:portrait", "https://example.com/a.png"],
        "ext": {"reference": {"url": "sample:style"}, "count": 2},
        "n": 1,
    }

    resolved = resolve_samples(values, emulator)

    assert resolved["prompt"] == values["prompt"]
    assert resolved["base_image_url"] == emulator.sample_url("photo")
    assert resolved["images"] == [emulator.sample_url("portrait"), "https://example.com/a.png"]
    assert resolved["ext"] == {"reference": {"url": emulator.sample_url("style")}, "count": 2}
    assert resolved["n"] == 1
    assert values["base_image_url"] == "sample:photo"


def test_resolve_samples_method(emulator: Emulator) -> None:
    assert emulator.resolve_samples(["sample:mask"]) == [emulator.sample_url("mask")]


def test_resolve_samples_unknown_raises(emulator: Emulator) -> None:
    with pytest.raises(KeyError):
        resolve_samples({"image_url": "sample:nothing"}, emulator)

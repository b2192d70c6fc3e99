"""Sample input images that the emulator serves publicly at ``/samples/NAME.png``.

Editing models need input images, and the emulator accepts only images it can
look up itself, so it offers a fixed set of pictures drawn with Pillow. Each one
is rendered the same way every time and cached after the first request. Catalog
examples refer to them as ``sample:NAME``; ``resolve_samples`` turns those
placeholders into URLs of a running emulator.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from typing import Any, Protocol

from PIL import Image, ImageDraw

SAMPLES_PREFIX = "/samples/"
# The placeholder that catalog examples use for a sample image: a whole string
# such as "sample:photo". Longer text that merely starts with "sample:" is kept.
SAMPLE_PLACEHOLDER = re.compile(r"^sample:([a-z0-9][a-z0-9-]*)$")

# Name -> (width, height, description). The mask has the size of ``photo`` and
# its white rectangle covers the house in that picture.
SAMPLE_IMAGES: dict[str, tuple[int, int, str]] = {
    "photo": (1024, 1024, "Landscape photo with sky, sun, hills, a house and a tree (RGB)."),
    "mask": (1024, 1024, "Inpainting mask for photo: black, with a white rectangle to edit."),
    "portrait": (768, 1024, "Full-body front view of one standing person on a plain backdrop."),
    "product-rgba": (1024, 1024, "A bottle on a transparent background (RGBA)."),
    "sketch": (768, 768, "Black line drawing of a house, a tree and the sun on white."),
    "garment-top": (768, 1024, "A red T-shirt laid flat on a light grey background."),
    "garment-bottom": (768, 1024, "Blue trousers laid flat on a light grey background."),
    "text-mask": (1024, 512, "Four white glyph-like shapes on black, for text effects."),
    "style": (768, 768, "Abstract painting of coloured rings and diagonal bands, for style."),
}


class SampleUrlSource(Protocol):
    """Anything that returns the URL of a sample image, such as a running Emulator."""

    def sample_url(self, name: str) -> str: ...


def sample_path(name: str) -> str:
    """Return the URL path of sample ``name``; raise KeyError for an unknown name."""
    if name not in SAMPLE_IMAGES:
        raise KeyError(name)
    return f"{SAMPLES_PREFIX}{name}.png"


def resolve_samples(values: Any, source: SampleUrlSource) -> Any:
    """Return a copy of ``values`` with every ``"sample:NAME"`` string replaced by its URL.

    Strings are replaced inside dicts and lists at any depth; other values are
    returned unchanged. Raises KeyError for an unknown sample name.
    """
    if isinstance(values, str):
        match = SAMPLE_PLACEHOLDER.match(values)
        return source.sample_url(match.group(1)) if match else values
    if isinstance(values, dict):
        return {key: resolve_samples(value, source) for key, value in values.items()}
    if isinstance(values, list):
        return [resolve_samples(value, source) for value in values]
    return values


@functools.cache
def sample_png(name: str) -> bytes:
    """Return the PNG file of sample ``name``, rendered on first use.

    Raises KeyError for an unknown name.
    """
    width, height, _description = SAMPLE_IMAGES[name]
    picture = _RENDERERS[name](width, height)
    output = io.BytesIO()
    picture.save(output, "PNG")
    return output.getvalue()


def _render_photo(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    horizon = height * 5 // 8
    for y in range(horizon):
        share = y / horizon
        sky = (int(70 + 110 * share), int(130 + 90 * share), int(220 + 30 * share))
        draw.line((0, y, width, y), fill=sky)
    draw.rectangle((0, horizon, width, height), fill=(86, 150, 70))
    draw.ellipse((width * 0.72, height * 0.08, width * 0.86, height * 0.22), fill=(255, 214, 90))
    draw.ellipse((-width * 0.3, horizon - 140, width * 0.6, horizon + 200), fill=(70, 128, 62))
    draw.ellipse((width * 0.4, horizon - 100, width * 1.3, horizon + 220), fill=(96, 160, 78))
    # The house sits inside the white rectangle of the mask sample.
    draw.rectangle((384, 560, 640, 800), fill=(228, 208, 172))
    draw.polygon([(352, 560), (512, 430), (672, 560)], fill=(170, 58, 44))
    draw.rectangle((480, 680, 544, 800), fill=(110, 70, 40))
    draw.rectangle((412, 600, 468, 650), fill=(150, 200, 235))
    draw.rectangle((556, 600, 612, 650), fill=(150, 200, 235))
    draw.rectangle((790, 600, 822, 780), fill=(104, 72, 46))
    draw.ellipse((722, 470, 890, 650), fill=(46, 110, 52))
    return picture


def _render_mask(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (0, 0, 0))
    ImageDraw.Draw(picture).rectangle((336, 400, 688, 832), fill=(255, 255, 255))
    return picture


def _render_portrait(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (226, 222, 214))
    draw = ImageDraw.Draw(picture)
    centre = width // 2
    draw.ellipse((centre - 70, 90, centre + 70, 260), fill=(236, 196, 160))
    draw.chord((centre - 76, 80, centre + 76, 220), 180, 360, fill=(60, 40, 30))
    draw.rectangle((centre - 22, 250, centre + 22, 290), fill=(236, 196, 160))
    draw.rounded_rectangle((centre - 120, 280, centre + 120, 580), radius=40, fill=(240, 240, 236))
    draw.rounded_rectangle((centre - 170, 300, centre - 110, 560), radius=28, fill=(236, 196, 160))
    draw.rounded_rectangle((centre + 110, 300, centre + 170, 560), radius=28, fill=(236, 196, 160))
    draw.rectangle((centre - 115, 570, centre - 8, 900), fill=(52, 70, 110))
    draw.rectangle((centre + 8, 570, centre + 115, 900), fill=(52, 70, 110))
    draw.rounded_rectangle((centre - 125, 890, centre - 10, 940), radius=14, fill=(40, 36, 34))
    draw.rounded_rectangle((centre + 10, 890, centre + 125, 940), radius=14, fill=(40, 36, 34))
    return picture


def _render_product(width: int, height: int) -> Image.Image:
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    centre = width // 2
    draw.rounded_rectangle((centre - 170, 360, centre + 170, 900), radius=60, fill=(34, 120, 96))
    draw.rectangle((centre - 60, 220, centre + 60, 380), fill=(34, 120, 96))
    draw.rounded_rectangle((centre - 70, 150, centre + 70, 230), radius=12, fill=(200, 170, 60))
    draw.rectangle((centre - 170, 520, centre + 170, 720), fill=(245, 240, 225))
    draw.ellipse((centre - 60, 560, centre + 60, 680), fill=(200, 170, 60))
    return picture


def _render_sketch(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    black = (0, 0, 0)
    line = 6
    draw.line((40, 620, width - 40, 620), fill=black, width=line)
    draw.rectangle((200, 400, 440, 620), outline=black, width=line)
    draw.line([(170, 400), (320, 270), (470, 400)], fill=black, width=line, joint="curve")
    draw.rectangle((290, 510, 350, 620), outline=black, width=line)
    draw.rectangle((230, 440, 280, 490), outline=black, width=line)
    draw.line((560, 620, 560, 480), fill=black, width=line)
    draw.ellipse((490, 340, 630, 490), outline=black, width=line)
    draw.ellipse((560, 70, 680, 190), outline=black, width=line)
    return picture


def _render_garment_top(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (236, 236, 236))
    outline = [
        (264, 200), (330, 180), (384, 220), (438, 180), (504, 200), (640, 330), (570, 420),
        (520, 370), (520, 840), (248, 840), (248, 370), (198, 420), (128, 330),
    ]
    ImageDraw.Draw(picture).polygon(outline, fill=(196, 40, 48))
    return picture


def _render_garment_bottom(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (236, 236, 236))
    outline = [
        (250, 140), (518, 140), (560, 900), (420, 900), (384, 360), (348, 900), (208, 900),
    ]
    draw = ImageDraw.Draw(picture)
    draw.polygon(outline, fill=(44, 74, 140))
    draw.rectangle((250, 140, 518, 180), fill=(32, 56, 110))
    return picture


def _render_text_mask(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (0, 0, 0))
    draw = ImageDraw.Draw(picture)
    white = (255, 255, 255)
    # Four block glyphs built from strokes, each in a 200-pixel cell.
    for cell in range(4):
        left = 72 + cell * 230
        top = 136
        draw.rectangle((left, top, left + 200, top + 36), fill=white)
        draw.rectangle((left + 82, top, left + 118, top + 240), fill=white)
        if cell % 2 == 0:
            draw.rectangle((left, top + 204, left + 200, top + 240), fill=white)
            draw.rectangle((left, top + 100, left + 36, top + 240), fill=white)
        else:
            draw.polygon(
                [(left, top + 240), (left + 40, top + 240), (left + 100, top + 120)], fill=white
            )
            draw.rectangle((left + 140, top + 120, left + 200, top + 160), fill=white)
    return picture


def _render_style(width: int, height: int) -> Image.Image:
    picture = Image.new("RGB", (width, height), (24, 30, 64))
    draw = ImageDraw.Draw(picture)
    palette = [(236, 94, 60), (246, 190, 80), (60, 160, 170), (230, 226, 210), (130, 70, 150)]
    for band in range(-4, 12):
        left = band * 90
        colour = palette[band % len(palette)]
        draw.polygon(
            [(left, height), (left + 60, height), (left + 60 + height, 0), (left + height, 0)],
            fill=colour,
        )
    for ring in range(6, 0, -1):
        radius = ring * 48
        colour = palette[ring % len(palette)]
        draw.ellipse(
            (width // 2 - radius, height // 2 - radius, width // 2 + radius, height // 2 + radius),
            fill=colour,
        )
    return picture


_RENDERERS: dict[str, Callable[[int, int], Image.Image]] = {
    "photo": _render_photo,
    "mask": _render_mask,
    "portrait": _render_portrait,
    "product-rgba": _render_product,
    "sketch": _render_sketch,
    "garment-top": _render_garment_top,
    "garment-bottom": _render_garment_bottom,
    "text-mask": _render_text_mask,
    "style": _render_style,
}

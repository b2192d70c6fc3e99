"""Draw the PixelPost icon and write ``pixelpost.ico`` and ``pixelpost.png``.

The icon is a blue rounded square with a white picture frame, a mountain and a
sun. Both files are committed, so a build does not depend on the Pillow version.
Run this script again only to change the icon:

    python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

PACKAGING_DIR = Path(__file__).resolve().parent
# Windows picks the size that fits each place (taskbar, Explorer views, title
# bar), so the .ico carries the standard sizes up to 256 px.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256
# Drawing at 4x and scaling down smooths the edges without a vector library.
SUPERSAMPLE = 4

BACKGROUND = (37, 99, 235, 255)
FRAME = (255, 255, 255, 255)
SKY = (191, 219, 254, 255)
MOUNTAIN = (30, 64, 175, 255)
SUN = (250, 204, 21, 255)


def draw_icon(size: int) -> Image.Image:
    """Return the icon as a square RGBA image of ``size`` pixels."""
    canvas = size * SUPERSAMPLE
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def scaled(*fractions: float) -> list[float]:
        return [fraction * canvas for fraction in fractions]

    draw.rounded_rectangle(scaled(0.02, 0.02, 0.98, 0.98), radius=0.2 * canvas, fill=BACKGROUND)
    draw.rounded_rectangle(scaled(0.17, 0.22, 0.83, 0.78), radius=0.06 * canvas, fill=FRAME)
    draw.rectangle(scaled(0.23, 0.28, 0.77, 0.72), fill=SKY)
    draw.polygon(
        scaled(0.23, 0.72, 0.42, 0.45, 0.53, 0.58, 0.62, 0.50, 0.77, 0.72),
        fill=MOUNTAIN,
    )
    draw.ellipse(scaled(0.60, 0.32, 0.70, 0.42), fill=SUN)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    largest = draw_icon(max(ICO_SIZES))
    ico_path = PACKAGING_DIR / "pixelpost.ico"
    largest.save(ico_path, format="ICO", sizes=[(size, size) for size in ICO_SIZES])
    png_path = PACKAGING_DIR / "pixelpost.png"
    draw_icon(PNG_SIZE).save(png_path, format="PNG", optimize=True)
    print(f"Wrote {ico_path} and {png_path}")


if __name__ == "__main__":
    main()

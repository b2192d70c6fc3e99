"""Result files with sidecars, written the way the library saves them, for gallery tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

from PIL import Image

from gui.core.png_metadata import recipe_entries, write_text_chunks


def sidecar(
    model: str, region: str, prompt: str, seed: int, size: str, number: int
) -> dict[str, object]:
    width, height = size.split("*")
    return {
        "app": "PixelPost",
        "model": model,
        "region": region,
        "mode": "async",
        "endpoint": "services/aigc/text2image/image-synthesis",
        "task_id": f"task-{number:08d}",
        "request_id": f"req-{number:08d}",
        "image_index": 0,
        "orig_prompt": prompt,
        "actual_prompt": f"{prompt}, rewritten with more detail",
        "seed": seed,
        "size": size,
        "times": {
            "created": "2026-12-01T10:00:00.000+08:00",
            "submitted": "2026-12-01T10:00:00.500+08:00",
            "finished": "2026-12-01T10:00:12.500+08:00",
            "saved": "2026-12-01T10:00:13.000+08:00",
        },
        "usage": {"image_count": 1, "width": int(width), "height": int(height)},
        "request": {
            "model": model,
            "input": {"prompt": prompt, "negative_prompt": "blurry"},
            "parameters": {"size": size, "n": 1, "seed": seed},
        },
    }


def write_result(
    results_dir: Path,
    number: int,
    *,
    model: str = "wan2.2-t2i-flash",
    region: str = "sandbox",
    prompt: str | None = None,
    seed: int | None = None,
    pixels: tuple[int, int] = (96, 64),
    colour: tuple[int, int, int] | None = None,
    embed: bool = False,
) -> Path:
    """Write result ``number`` (newer numbers are newer results) with its sidecar."""
    day = 1 + number // 1000
    minutes, seconds = divmod(number % 1000, 60)
    stamp = f"202612{day:02d}-{minutes // 60:02d}{minutes % 60:02d}{seconds:02d}"
    folder = results_dir / f"2026-12-{day:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    safe_model = "".join(c if c.isalnum() or c in "-._" else "_" for c in model)
    path = folder / f"{stamp}_{safe_model}_{number:08d}_1.png"
    rng = random.Random(number)
    fill = colour or (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    Image.new("RGB", pixels, fill).save(path, compress_level=1)
    text = json.dumps(
        sidecar(
            model,
            region,
            prompt or f"result {number}: a lighthouse on a cliff",
            seed if seed is not None else number,
            f"{pixels[0]}*{pixels[1]}",
            number,
        ),
        ensure_ascii=False,
        indent=2,
    )
    path.with_name(path.stem + ".json").write_text(text + "\n", encoding="utf-8")
    if embed:
        with_text = path.with_name(path.name + ".tmp")
        write_text_chunks(path, with_text, recipe_entries(text))
        with_text.replace(path)
    return path

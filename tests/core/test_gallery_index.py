"""The gallery's index of result files, their details and the requests made from them."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from PIL import Image

from gui.core.catalog import load_catalog
from gui.core.gallery import (
    MAX_SEED,
    GalleryError,
    estimate_cost,
    image_inputs,
    item_for_file,
    items_from_record,
    matches,
    prune_cache,
    random_seed,
    read_details,
    scan_results,
    seed_field,
    task_record_for,
    thumbnail_name,
    with_seed,
)
from gui.core.library import ResultImage, TaskRecord
from gui.core.png_metadata import TextChunk, recipe_entries, write_text_chunks

CATALOG = load_catalog()


def write_result(
    folder: Path,
    stem: str,
    *,
    prompt: str = "a lighthouse",
    model: str = "wan2.6-t2i",
    region: str = "beijing",
    seed: int = 7,
    sidecar: bool = True,
    suffix: str = ".png",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}{suffix}"
    Image.new("RGB", (16, 12), "teal").save(path)
    data = {
        "app": "PixelPost",
        "model": model,
        "region": region,
        "mode": "async",
        "endpoint": "services/aigc/image-generation/generation",
        "task_id": "task-" + stem[-6:],
        "request_id": "req-" + stem[-6:],
        "image_index": 0,
        "orig_prompt": prompt,
        "actual_prompt": prompt + ", detailed",
        "seed": seed,
        "size": "1280*1280",
        "times": {
            "submitted": "2026-12-01T10:00:00.000+00:00",
            "finished": "2026-12-01T10:00:12.500+00:00",
        },
        "usage": {"image_count": 1},
        "request": {
            "model": model,
            "input": {"prompt": prompt, "negative_prompt": "blurry"},
            "parameters": {"seed": seed, "size": "1280*1280"},
        },
    }
    if sidecar:
        path.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_scan_lists_newest_first(tmp_path: Path) -> None:
    write_result(tmp_path / "2026-12-01", "20261201-100000_wan2.6-t2i_abcd1234_1")
    write_result(tmp_path / "2026-12-01", "20261201-100000_wan2.6-t2i_abcd1234_2")
    write_result(tmp_path / "2026-12-02", "20261202-090000_qwen-image_ffff0000_1")
    write_result(tmp_path / "2026-12-01", "20261201-120000_wan2.2-t2i-flash_00000000_1", suffix=".jpg")
    (tmp_path / "2026-12-01" / "notes.txt").write_text("not an image")
    write_result(tmp_path / ".incoming", "20261203-000000_wan2.6-t2i_staged00_1")

    items = scan_results(tmp_path)

    assert [item.path.name for item in items] == [
        "20261202-090000_qwen-image_ffff0000_1.png",
        "20261201-120000_wan2.2-t2i-flash_00000000_1.jpg",
        "20261201-100000_wan2.6-t2i_abcd1234_1.png",
        "20261201-100000_wan2.6-t2i_abcd1234_2.png",
    ]
    assert items[0].model_hint == "qwen-image"
    assert items[0].stamp == "20261202-090000"
    assert items[3].number == 2


def test_scan_names_unknown_files_by_time(tmp_path: Path) -> None:
    path = tmp_path / "holiday.png"
    Image.new("RGB", (4, 4)).save(path)
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))

    (item,) = scan_results(tmp_path)

    assert item.model_hint == ""
    assert item.created.timestamp() == pytest.approx(1_700_000_000, abs=1)


def test_scan_of_missing_folder_is_empty(tmp_path: Path) -> None:
    assert scan_results(tmp_path / "missing") == []


def test_details_from_sidecar(tmp_path: Path) -> None:
    path = write_result(tmp_path, "20261201-100000_wan2.6-t2i_abcd1234_1", prompt="灯塔", seed=42)

    details = read_details(path)

    assert details.model == "wan2.6-t2i"
    assert details.prompt == "灯塔"
    assert details.actual_prompt == "灯塔, detailed"
    assert details.negative_prompt == "blurry"
    assert details.seed == 42
    assert details.size == "1280*1280"
    assert details.task_id == "task-1234_1"
    assert details.source == "sidecar"
    assert details.duration_seconds() == pytest.approx(12.5)


def test_details_fall_back_to_png_metadata(tmp_path: Path) -> None:
    path = write_result(tmp_path, "20261201-100000_wan2.6-t2i_abcd1234_1", prompt="dunes")
    sidecar = path.with_suffix(".json")
    with_text = tmp_path / "with-text.png"
    write_text_chunks(path, with_text, recipe_entries(sidecar.read_text("utf-8")))
    os.replace(with_text, path)
    sidecar.unlink()

    details = read_details(path)

    assert details.prompt == "dunes"
    assert details.source == "png"


def test_details_of_bare_files_are_explained(tmp_path: Path) -> None:
    png = write_result(tmp_path, "plain", sidecar=False)
    jpg = write_result(tmp_path, "photo", sidecar=False, suffix=".jpg")

    with pytest.raises(GalleryError, match=r"plain\.png has no PixelPost request"):
        read_details(png)
    with pytest.raises(GalleryError, match=r"photo\.jpg has no readable sidecar \(photo\.json\)"):
        read_details(jpg)


def test_broken_sidecar_falls_back(tmp_path: Path) -> None:
    path = write_result(tmp_path, "broken")
    path.with_suffix(".json").write_text("{", "utf-8")
    write_text_chunks(path, tmp_path / "tmp.png", [TextChunk("pixelpost", "{}")])
    os.replace(tmp_path / "tmp.png", path)

    with pytest.raises(GalleryError, match=r"PixelPost data in broken\.png has no request body"):
        read_details(path)


def test_filter_by_text_and_model(tmp_path: Path) -> None:
    path = write_result(tmp_path, "20261201-100000_wan2.6-t2i_abcd1234_1", prompt="Red kite over sea")
    item = item_for_file(path)
    assert item is not None
    details = read_details(path)

    assert matches(item, details, "", "")
    assert matches(item, details, "KITE red", "")
    assert matches(item, details, "detailed", "wan2.6-t2i")
    assert not matches(item, details, "kite", "qwen-image")
    assert not matches(item, details, "balloon", "")
    assert matches(item, None, "abcd1234", "wan2.6-t2i")
    assert not matches(item, None, "kite", "")


def test_filter_by_model_with_slash(tmp_path: Path) -> None:
    path = write_result(tmp_path, "20261201-100000_kling_kling-v3_abcd1234_1", model="kling/kling-v3")
    item = item_for_file(path)
    assert item is not None

    assert matches(item, None, "", "kling/kling-v3")
    assert matches(item, read_details(path), "", "kling/kling-v3")


def test_cost_estimate_uses_catalog_price(tmp_path: Path) -> None:
    beijing = read_details(write_result(tmp_path, "a", model="wan2.2-t2i-flash", region="beijing"))
    sandbox = read_details(write_result(tmp_path, "b", model="wan2.2-t2i-flash", region="sandbox"))
    unknown = read_details(write_result(tmp_path, "c", model="not-a-model"))

    estimate = estimate_cost(CATALOG, beijing)
    assert estimate is not None
    assert estimate.amount == CATALOG["wan2.2-t2i-flash"].prices["beijing"]
    assert not estimate.free
    free = estimate_cost(CATALOG, sandbox)
    assert free is not None
    assert free.free
    assert free.region == "beijing"
    assert estimate_cost(CATALOG, unknown) is None


def test_rerun_record_keeps_request(tmp_path: Path) -> None:
    details = read_details(write_result(tmp_path, "a", region="singapore", seed=5))

    record = task_record_for(details, CATALOG)

    assert record.model == "wan2.6-t2i"
    assert record.region == "singapore"
    assert record.mode == "async"
    assert record.path == "services/aigc/image-generation/generation"
    assert record.body == details.body
    assert record.body is not details.body


def test_new_seed_changes_only_seed(tmp_path: Path) -> None:
    details = read_details(write_result(tmp_path, "a", seed=5))
    record = task_record_for(details, CATALOG)
    spec = seed_field(CATALOG["wan2.6-t2i"])
    assert spec is not None

    seed = random_seed(spec, random.Random(3))
    changed = with_seed(record, seed)

    assert 0 <= seed <= MAX_SEED
    assert seed != 5
    assert changed.body["parameters"]["seed"] == seed
    assert record.body["parameters"]["seed"] == 5
    assert changed.body["input"] == record.body["input"]


def test_image_inputs_are_image_fields() -> None:
    pairs = image_inputs(CATALOG)

    assert pairs
    assert all(spec.type in ("image", "image_list") for _model, spec in pairs)
    assert all(not model.is_retired() for model, _spec in pairs)
    assert "wanx2.1-imageedit" in {model.id for model, _spec in pairs}


def test_items_from_record_skip_missing(tmp_path: Path) -> None:
    saved = write_result(tmp_path, "20261201-100000_wan2.6-t2i_abcd1234_1")
    record = TaskRecord(
        id="x",
        model="wan2.6-t2i",
        region="sandbox",
        mode="async",
        path="p",
        body={},
        created_at=0.0,
        results=(
            ResultImage(0, file=str(saved)),
            ResultImage(1, file=str(tmp_path / "gone.png")),
            ResultImage(2, url="https://example.invalid/x.png"),
        ),
    )

    assert [item.path for item in items_from_record(record)] == [saved]


def test_thumbnail_name_changes_with_file(tmp_path: Path) -> None:
    path = write_result(tmp_path, "a")
    before = item_for_file(path)
    assert before is not None
    Image.new("RGB", (30, 30), "red").save(path)
    os.utime(path, ns=(before.mtime_ns + 10**9, before.mtime_ns + 10**9))
    after = item_for_file(path)
    assert after is not None

    assert thumbnail_name(before, 160) != thumbnail_name(after, 160)
    assert thumbnail_name(before, 160) != thumbnail_name(before, 320)
    assert thumbnail_name(before, 160) == thumbnail_name(before, 160)


def test_prune_cache_removes_oldest(tmp_path: Path) -> None:
    for number in range(5):
        path = tmp_path / f"{number}.jpg"
        path.write_bytes(b"x" * 100)
        os.utime(path, ns=(number * 10**9, number * 10**9))

    removed = prune_cache(tmp_path, 250)

    assert removed == 3
    assert sorted(path.name for path in tmp_path.iterdir()) == ["3.jpg", "4.jpg"]

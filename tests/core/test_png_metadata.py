"""PNG text metadata: written into saved results, read back safely from any file."""

from __future__ import annotations

import asyncio
import io
import json
import random
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from gui.core.engine import PollSchedule, RetryPolicy
from gui.core.library import TaskStatus
from gui.core.paths import AppPaths
from gui.core.png_metadata import (
    MAX_TEXT_BYTES,
    PNG_SIGNATURE,
    RECIPE_KEYWORD,
    CorruptPngError,
    NoRecipeError,
    NotPngError,
    PngMetadataError,
    TextChunk,
    embed_recipe,
    encode_chunk,
    encode_itxt,
    parameters_text,
    read_png_text,
    read_recipe,
    recipe_entries,
    write_text_chunks,
)
from gui.core.request import build_request
from gui.core.secrets import REDACTOR
from gui.core.services import Services
from gui.sandbox import Emulator, EmulatorConfig
from tests.conftest import FAKE_KEY, MemoryKeyring

pytestmark = pytest.mark.timeout(60)

PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格 “引号” ☀"
BODY = {
    "model": "wan2.6-t2i",
    "input": {"messages": [{"role": "user", "content": [{"text": PROMPT}]}]},
    "parameters": {"size": "1280*1280", "n": 1, "seed": 1234, "negative_prompt": "低质量"},
}


def sidecar_json(**changes: object) -> str:
    sidecar: dict[str, object] = {
        "app": "PixelPost",
        "model": "wan2.6-t2i",
        "region": "singapore",
        "mode": "async",
        "endpoint": "services/aigc/image-generation/generation",
        "task_id": "0f1e2d3c-aaaa-bbbb-cccc-000000000001",
        "request_id": "req-1",
        "orig_prompt": PROMPT,
        "actual_prompt": "A ginger cat in a straw hat",
        "seed": 1234,
        "size": "1280*1280",
        "request": BODY,
    }
    sidecar.update(changes)
    return json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n"


def make_png(path: Path, size: tuple[int, int] = (64, 48), text: dict[str, str] | None = None) -> Path:
    image = Image.effect_noise(size, 50).convert("RGB")
    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    image.save(path, "PNG", pnginfo=info)
    return path


def chunk_types(path: Path) -> list[bytes]:
    data = path.read_bytes()
    position, types = len(PNG_SIGNATURE), []
    while position < len(data):
        length, chunk_type = struct.unpack(">I4s", data[position : position + 8])
        types.append(chunk_type)
        position += 12 + length
    return types


def test_recipe_round_trip_keeps_pixels(tmp_path: Path) -> None:
    source = make_png(tmp_path / "in.png", text={"Comment": "kept"})
    target = tmp_path / "out.png"

    write_text_chunks(source, target, recipe_entries(sidecar_json()))

    recipe = read_recipe(target)
    assert recipe.model == "wan2.6-t2i"
    assert recipe.region == "singapore"
    assert recipe.mode == "async"
    assert recipe.body == BODY
    assert recipe.endpoint == "services/aigc/image-generation/generation"
    assert recipe.sidecar["actual_prompt"] == "A ginger cat in a straw hat"
    with Image.open(source) as before, Image.open(target) as after:
        assert after.tobytes() == before.tobytes()
        assert after.text["Comment"] == "kept"
        assert json.loads(after.text[RECIPE_KEYWORD])["orig_prompt"] == PROMPT
        assert after.text["Description"] == PROMPT
        assert after.text["Source"] == "Alibaba Cloud Model Studio wan2.6-t2i"
        assert after.text["Software"].startswith("PixelPost ")


def test_text_chunks_sit_before_image_data(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    write_text_chunks(make_png(tmp_path / "in.png"), target, recipe_entries(sidecar_json()))

    types = chunk_types(target)
    assert types[0] == b"IHDR"
    assert types[-1] == b"IEND"
    first_idat = types.index(b"IDAT")
    assert types.count(b"iTXt") == 5
    assert all(index < first_idat for index, kind in enumerate(types) if kind == b"iTXt")


def test_writing_again_replaces_entries(tmp_path: Path) -> None:
    first, second = tmp_path / "first.png", tmp_path / "second.png"
    write_text_chunks(make_png(tmp_path / "in.png"), first, recipe_entries(sidecar_json()))
    write_text_chunks(first, second, recipe_entries(sidecar_json(seed=99)))

    found = read_png_text(second)
    assert [chunk.keyword for chunk in found.chunks].count(RECIPE_KEYWORD) == 1
    assert read_recipe(second).sidecar["seed"] == 99


def test_parameters_text_is_readable() -> None:
    text = parameters_text(json.loads(sidecar_json()))

    assert text.splitlines() == [
        PROMPT,
        "Negative prompt: 低质量",
        "Model: wan2.6-t2i, Seed: 1234, Size: 1280x1280, Region: singapore",
    ]


def test_long_text_is_compressed_and_read(tmp_path: Path) -> None:
    prompt = "山水画 " * 20000
    target = tmp_path / "out.png"
    write_text_chunks(
        make_png(tmp_path / "in.png"), target, recipe_entries(sidecar_json(orig_prompt=prompt))
    )

    assert target.stat().st_size < 40_000  # 140 kB of text, stored compressed
    assert read_recipe(target).sidecar["orig_prompt"] == prompt
    with Image.open(target) as image:
        assert image.text["Description"] == prompt


def test_registered_key_is_redacted(tmp_path: Path) -> None:
    secret = "sk-test-fake-png-metadata-00000000"
    REDACTOR.register(secret)
    target = tmp_path / "out.png"
    sidecar = sidecar_json(request={**BODY, "note": f"pasted {secret} by mistake"})

    write_text_chunks(make_png(tmp_path / "in.png"), target, recipe_entries(sidecar))

    assert secret.encode() not in target.read_bytes()
    assert "sk-…0000" in read_recipe(target).body["note"]


def test_png_without_recipe_is_explained(tmp_path: Path) -> None:
    plain = make_png(tmp_path / "holiday.png", text={"Comment": "just a photo"})

    with pytest.raises(NoRecipeError, match=r"holiday\.png has no PixelPost request"):
        read_recipe(plain)
    assert read_png_text(plain).get("Comment") == "just a photo"


def test_jpeg_is_not_png(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"  # a misleading suffix
    Image.new("RGB", (8, 8), "red").save(path, "JPEG")

    with pytest.raises(NotPngError, match=r"photo\.png is not a PNG file"):
        read_recipe(path)


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(PngMetadataError, match=r"gone\.png could not be read"):
        read_recipe(tmp_path / "gone.png")


def test_cut_short_before_recipe_is_corrupt(tmp_path: Path) -> None:
    source = make_png(tmp_path / "in.png")
    cut = tmp_path / "cut.png"
    cut.write_bytes(source.read_bytes()[:60])

    with pytest.raises(CorruptPngError, match=r"cut\.png ends inside"):
        read_recipe(cut)


def test_cut_short_after_recipe_still_reads(tmp_path: Path) -> None:
    full = tmp_path / "full.png"
    write_text_chunks(make_png(tmp_path / "in.png"), full, recipe_entries(sidecar_json()))
    cut = tmp_path / "cut.png"
    cut.write_bytes(full.read_bytes()[:-20])

    found = read_png_text(cut)
    assert found.problem is not None
    assert read_recipe(cut).model == "wan2.6-t2i"


def test_damaged_recipe_checksum_is_reported(tmp_path: Path) -> None:
    full = tmp_path / "full.png"
    write_text_chunks(make_png(tmp_path / "in.png"), full, [TextChunk(RECIPE_KEYWORD, sidecar_json())])
    data = bytearray(full.read_bytes())
    data[data.index(b"wan2.6-t2i")] ^= 0x01
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(bytes(data))

    with pytest.raises(CorruptPngError, match="checksum does not match"):
        read_recipe(damaged)


def test_invalid_recipe_json_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    write_text_chunks(make_png(tmp_path / "in.png"), target, [TextChunk(RECIPE_KEYWORD, "{not json")])

    with pytest.raises(CorruptPngError, match=r"not valid JSON \(line 1, column 2\)"):
        read_recipe(target)


def test_recipe_without_body_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    write_text_chunks(
        make_png(tmp_path / "in.png"), target, [TextChunk(RECIPE_KEYWORD, '{"model": "x"}')]
    )

    with pytest.raises(NoRecipeError, match="has no request body"):
        read_recipe(target)


def insert_raw_chunk(source: Path, target: Path, chunk: bytes) -> None:
    data = source.read_bytes()
    idat = data.index(b"IDAT") - 4
    target.write_bytes(data[:idat] + chunk + data[idat:])


def test_compression_bomb_is_skipped(tmp_path: Path) -> None:
    inflated = zlib.compress(b"0" * (MAX_TEXT_BYTES + 1024), 9)
    payload = RECIPE_KEYWORD.encode() + b"\0\1\0\0\0" + inflated
    bomb = tmp_path / "bomb.png"
    insert_raw_chunk(make_png(tmp_path / "in.png"), bomb, encode_chunk(b"iTXt", payload))

    with pytest.raises(CorruptPngError, match="larger than the 8 MiB limit"):
        read_recipe(bomb)


def test_oversized_chunk_length_is_reported(tmp_path: Path) -> None:
    header = struct.pack(">I", MAX_TEXT_BYTES * 4) + b"iTXt" + RECIPE_KEYWORD.encode() + b"\0"
    huge = tmp_path / "huge.png"
    insert_raw_chunk(make_png(tmp_path / "in.png"), huge, header)

    started = time.perf_counter()
    with pytest.raises(CorruptPngError, match="could not be read: it holds 33554432 bytes"):
        read_recipe(huge)
    assert time.perf_counter() - started < 1.0


def test_many_image_chunks_read_quickly(tmp_path: Path) -> None:
    source = make_png(tmp_path / "in.png")
    data = source.read_bytes()
    idat = data.index(b"IDAT") - 4
    extra = encode_chunk(b"tIME", b"\x07\xea\x01\x01\x00\x00\x00") * 50_000
    many = tmp_path / "many.png"
    many.write_bytes(data[:idat] + extra + data[idat:])
    target = tmp_path / "out.png"

    write_text_chunks(many, target, recipe_entries(sidecar_json()))
    started = time.perf_counter()
    assert read_recipe(target).model == "wan2.6-t2i"
    assert time.perf_counter() - started < 2.0


def test_mutated_files_never_crash(tmp_path: Path) -> None:
    valid = tmp_path / "valid.png"
    write_text_chunks(make_png(tmp_path / "in.png"), valid, recipe_entries(sidecar_json()))
    original = valid.read_bytes()
    rng = random.Random(7)
    outcomes = {"read": 0, "rejected": 0}
    for number in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if number % 3 == 0:
            data = data[: rng.randrange(len(data))]
        path = tmp_path / f"mutated{number}.png"
        path.write_bytes(bytes(data))
        try:
            read_recipe(path)
            outcomes["read"] += 1
        except PngMetadataError as error:
            assert str(error)
            outcomes["rejected"] += 1
    assert outcomes["read"] > 0
    assert outcomes["rejected"] > 0


def test_encode_rejects_bad_keyword() -> None:
    with pytest.raises(ValueError, match="1 to 79 Latin-1 characters"):
        encode_itxt(TextChunk("提示", "text"))


def test_embed_keeps_non_png_download(tmp_path: Path) -> None:
    staged = tmp_path / "task_0.part"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "JPEG")
    staged.write_bytes(buffer.getvalue())

    result = embed_recipe(staged, sidecar_json())

    assert result == staged
    assert staged.read_bytes() == buffer.getvalue()
    assert list(tmp_path.iterdir()) == [staged]


def test_embed_replaces_staged_file(tmp_path: Path) -> None:
    staged = make_png(tmp_path / "task_0.part")

    result = embed_recipe(staged, sidecar_json())

    assert result.name == "task_0.part.meta.part"
    assert not staged.exists()
    assert read_recipe(result).model == "wan2.6-t2i"


# A real task through the emulator


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.1, running_seconds=0.2, sync_seconds=0.1)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


def test_saved_result_carries_recipe(app_paths: AppPaths, emulator: Emulator) -> None:
    async def scenario() -> tuple[TaskStatus, list[str]]:
        services = Services(
            app_paths,
            keyring_backend=MemoryKeyring(),
            environment={},
            poll_schedule=PollSchedule(first=0.05, factor=1.5, maximum=0.2),
            retry=RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1),
        )
        await services.start()
        services.use_sandbox(emulator.base_url, emulator.key)
        try:
            model = services.catalog["wan2.6-t2i"]
            values = {"prompt": PROMPT, "size": "1280*1280", "n": 1, "seed": 77}
            record = services.engine.submit(build_request(model, values, "async"), "sandbox")
            record = await services.engine.wait(record.id)
        finally:
            await services.aclose()
        return record.status, record.saved_files

    status, files = asyncio.run(scenario())

    assert status == TaskStatus.SUCCEEDED
    file = Path(files[0])
    assert file.suffix == ".png"
    recipe = read_recipe(file)
    assert recipe.model == "wan2.6-t2i"
    assert recipe.region == "sandbox"
    assert recipe.mode == "async"
    assert recipe.body["input"]["messages"][0]["content"][0]["text"] == PROMPT
    assert recipe.body["parameters"]["seed"] == 77
    sidecar = json.loads(file.with_suffix(".json").read_text("utf-8"))
    assert recipe.sidecar == sidecar
    with Image.open(file) as image:
        image.load()
        assert image.size == (1280, 1280)
        assert image.text["Description"] == PROMPT
    assert FAKE_KEY.encode() not in file.read_bytes()
    leftovers = list((app_paths.results_dir / ".incoming").iterdir())
    assert leftovers == []

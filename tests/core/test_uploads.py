"""Local files sent through the engine: inline data URIs, temporary uploads, policy
renewal, model binding, expiry, recording without secrets, and checks before upload.

Everything runs against the real emulator over 127.0.0.1 on a plain asyncio loop.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from gui.core.catalog import load_catalog
from gui.core.dashscope import DashScopeClient
from gui.core.engine import PollSchedule, RequestRejected, RetryPolicy
from gui.core.exchanges import Exchange
from gui.core.library import InputFile, TaskRecord, TaskStatus
from gui.core.local_images import ImageInfo
from gui.core.paths import AppPaths
from gui.core.request import build_request
from gui.core.services import Services
from gui.core.uploads import (
    REDACTED,
    InputError,
    InputPreparer,
    absolute_local_paths,
    local_references,
    object_name,
    replace_images,
    sends_inline,
)
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import HttpError
from gui.sandbox.images import ACCESS_KEY_ID
from gui.sandbox.requestlog import RecordedRequest
from tests.conftest import FAKE_KEY, MemoryKeyring, files_containing
from tests.sandbox.support import FakeClock

FAST_POLLS = PollSchedule(first=0.05, factor=1.5, maximum=0.2)
FAST_RETRY = RetryPolicy(attempts=3, first_delay=0.05, maximum_delay=0.1)
CATALOG = load_catalog()
OSS_HEADER = "X-DashScope-OssResourceResolve"

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.1, sync_seconds=0.05)
    with Emulator(key=FAKE_KEY, config=config) as running:
        yield running


class CapturingTransport(httpx.AsyncBaseTransport):
    """Passes requests to the network and keeps the raw policy responses, for comparison."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.policy_bodies: list[bytes] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if not request.url.path.endswith("/uploads"):
            return response
        body = await response.aread()
        self.policy_bodies.append(body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def start_services(
    paths: AppPaths, emulator: Emulator, transport: httpx.AsyncBaseTransport | None = None
) -> Services:
    services = Services(
        paths,
        keyring_backend=MemoryKeyring(),
        environment={},
        poll_schedule=FAST_POLLS,
        retry=FAST_RETRY,
        transport=transport,
    )
    await services.start()
    services.use_sandbox(emulator.base_url, emulator.key)
    return services


def write_png(path: Path, size: tuple[int, int], colour: str = "orange") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = Image.new("RGB", size, colour)
    picture.putpixel((1, 1), (1, 2, 3))
    picture.save(path, "PNG")
    return path


def write_noise_png(path: Path, side: int) -> Path:
    """Write an uncompressed PNG of random pixels: about 3 bytes per pixel on disk."""
    generator = random.Random(side)
    pixels = generator.randbytes(side * side * 3)
    Image.frombytes("RGB", (side, side), pixels).save(path, "PNG", compress_level=0)
    return path


def routed(emulator: Emulator, route: str) -> list[RecordedRequest]:
    return [request for request in emulator.requests if request.route == route]


def imageedit(base: str, **extra: Any) -> dict[str, Any]:
    return {"function": "description_edit", "prompt": "a blue vase", "base_image_url": base, **extra}


async def send(services: Services, model_id: str, values: dict[str, Any], mode: str) -> TaskRecord:
    model = services.catalog[model_id]
    record = services.engine.submit(build_request(model, values, mode), "sandbox")
    return await services.engine.wait(record.id)


def test_local_file_uploaded_unchanged(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "我的 照片" / "花 瓶.png", (800, 600))
    notes: list[tuple[str | None, dict[str, Any]]] = []

    async def scenario() -> tuple[TaskRecord, TaskRecord | None]:
        services = await start_services(app_paths, emulator)
        services.engine.add_listener(lambda r: notes.append((r.note_code, dict(r.note_params))))
        try:
            record = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            return record, services.library.get_task(record.id)
        finally:
            await services.aclose()

    record, stored_record = asyncio.run(scenario())
    assert record.status == TaskStatus.SUCCEEDED, record.error_message

    policies = routed(emulator, "policy")
    assert [request.params["model"] for request in policies] == ["wanx2.1-imageedit"]
    uploads = routed(emulator, "upload")
    assert [request.status for request in uploads] == [200]
    assert uploads[0].form_fields[-1] == "file"
    assert uploads[0].header("Authorization") is None

    submit = routed(emulator, "submit")[0]
    url = submit.json()["input"]["base_image_url"]
    assert url.startswith("oss://dashscope-instant/")
    assert url.endswith("-.png") or url.endswith(".png")
    assert submit.header(OSS_HEADER) == "enable"
    stored = emulator.uploaded_file(url)
    assert stored is not None
    assert stored.data == image.read_bytes()
    assert stored.model_id == "wanx2.1-imageedit"

    assert record.body["input"]["base_image_url"] == str(image)
    assert len(record.inputs) == 1
    sent = record.inputs[0]
    assert sent.field == "base_image_url"
    assert sent.path == str(image)
    assert sent.sent_as == "oss"
    assert sent.url == url
    assert sent.model == "wanx2.1-imageedit"
    assert sent.byte_size == image.stat().st_size
    assert stored_record is not None
    assert stored_record.inputs == record.inputs
    assert ("uploading", {"number": 1, "count": 1, "percent": 0}) in notes
    assert ("uploading", {"number": 1, "count": 1, "percent": 100}) in notes


def test_two_files_uploaded_in_order(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    photo = write_png(tmp_path / "photo.png", (640, 480), "green")
    mask = write_png(tmp_path / "mask.png", (640, 480), "white")
    notes: list[dict[str, Any]] = []

    async def scenario() -> TaskRecord:
        services = await start_services(app_paths, emulator)
        services.engine.add_listener(
            lambda r: notes.append(dict(r.note_params)) if r.note_code == "uploading" else None
        )
        try:
            values = {"image_url": str(photo), "mask_url": str(mask)}
            return await send(services, "image-erase-completion", values, "async")
        finally:
            await services.aclose()

    record = asyncio.run(scenario())
    assert record.status == TaskStatus.SUCCEEDED, record.error_message
    assert {"number": 1, "count": 2, "percent": 0} in notes
    assert {"number": 2, "count": 2, "percent": 0} in notes
    assert len(routed(emulator, "upload")) == 2
    body = routed(emulator, "submit")[0].json()["input"]
    photo_upload = emulator.uploaded_file(body["image_url"])
    mask_upload = emulator.uploaded_file(body["mask_url"])
    assert photo_upload is not None
    assert mask_upload is not None
    assert photo_upload.data == photo.read_bytes()
    assert mask_upload.data == mask.read_bytes()


def test_data_uri_model_sends_small_file_inline(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "小图 1.png", (512, 512))

    async def scenario() -> TaskRecord:
        services = await start_services(app_paths, emulator)
        try:
            values = {"prompt": "make it blue", "images": [str(image)]}
            return await send(services, "qwen-image-2.0", values, "sync")
        finally:
            await services.aclose()

    record = asyncio.run(scenario())
    assert record.status == TaskStatus.SUCCEEDED, record.error_message
    assert routed(emulator, "policy") == []
    assert routed(emulator, "upload") == []
    call = routed(emulator, "sync")[0]
    assert call.header(OSS_HEADER) is None
    content = call.json()["input"]["messages"][0]["content"]
    uri = content[0]["image"]
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == image.read_bytes()
    assert [item.sent_as for item in record.inputs] == ["data"]
    assert record.inputs[0].url is None


def test_data_uri_model_uploads_file_over_limit(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    # 1700*1700*3 bytes is about 8.3 MiB: within the 10 MiB file limit, but its
    # data URI would exceed the service's 10,485,760 characters.
    image = write_noise_png(tmp_path / "big photo.png", 1700)
    size = image.stat().st_size
    assert 8 * 1024 * 1024 < size < 10 * 1024 * 1024

    async def scenario() -> TaskRecord:
        services = await start_services(app_paths, emulator)
        try:
            values = {"prompt": "make it blue", "images": [str(image)]}
            return await send(services, "qwen-image-2.0", values, "sync")
        finally:
            await services.aclose()

    record = asyncio.run(scenario())
    assert record.status == TaskStatus.SUCCEEDED, record.error_message
    call = routed(emulator, "sync")[0]
    assert call.header(OSS_HEADER) == "enable"
    url = call.json()["input"]["messages"][0]["content"][0]["image"]
    assert url.startswith("oss://")
    stored = emulator.uploaded_file(url)
    assert stored is not None
    assert stored.byte_size == size
    assert [item.sent_as for item in record.inputs] == ["oss"]


def test_model_switch_uploads_again(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))
    mask = write_png(tmp_path / "mask.png", (700, 700), "white")

    async def scenario() -> list[TaskRecord]:
        services = await start_services(app_paths, emulator)
        try:
            first = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            painting = {"base_image_url": str(image), "mask_image_url": str(mask), "prompt": "x"}
            second = await send(services, "wanx-x-painting", painting, "async")
            third = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            return [first, second, third]
        finally:
            await services.aclose()

    first, second, third = asyncio.run(scenario())
    for record in (first, second, third):
        assert record.status == TaskStatus.SUCCEEDED, record.error_message
    models = [request.params["model"] for request in routed(emulator, "policy")]
    assert models == ["wanx2.1-imageedit", "wanx-x-painting"]
    # One upload for the first model, two (image and mask) for the second, none for the third.
    assert len(routed(emulator, "upload")) == 3
    first_url = first.inputs[0].url
    second_url = next(item.url for item in second.inputs if item.field == "base_image_url")
    assert first_url != second_url
    assert third.inputs[0].url == first_url
    second_upload = emulator.uploaded_file(str(second_url))
    assert second_upload is not None
    assert second_upload.model_id == "wanx-x-painting"


def test_old_upload_uploaded_again(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))
    clock = FakeClock(1_900_000_000.0)

    async def scenario() -> list[TaskRecord]:
        services = await start_services(app_paths, emulator)
        assert services.http is not None
        services.engine.inputs = InputPreparer(DashScopeClient(services.http), clock=clock)
        try:
            first = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            clock.advance(3600)
            second = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            # 43 hours after the upload, less than the 6 hours kept in reserve are left.
            clock.advance(42 * 3600)
            third = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            return [first, second, third]
        finally:
            await services.aclose()

    first, second, third = asyncio.run(scenario())
    assert second.inputs[0].url == first.inputs[0].url
    assert third.inputs[0].url != first.inputs[0].url
    assert third.status == TaskStatus.SUCCEEDED, third.error_message
    assert len(routed(emulator, "upload")) == 2
    # The policy is five minutes old by then, so a new one was requested as well.
    assert len(routed(emulator, "policy")) == 2


def test_changed_file_uploaded_again(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))

    async def scenario() -> list[TaskRecord]:
        services = await start_services(app_paths, emulator)
        try:
            first = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            write_png(image, (900, 700), "purple")
            second = await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
            return [first, second]
        finally:
            await services.aclose()

    first, second = asyncio.run(scenario())
    assert second.inputs[0].url != first.inputs[0].url
    stored = emulator.uploaded_file(str(second.inputs[0].url))
    assert stored is not None
    assert stored.data == image.read_bytes()


def test_expired_policy_renewed(tmp_path: Path) -> None:
    server_clock = FakeClock()
    client_clock = FakeClock()
    first = write_png(tmp_path / "one.png", (600, 600))
    second = write_png(tmp_path / "two.png", (600, 600), "blue")
    model = CATALOG["wanx2.1-imageedit"]

    async def scenario(emulator: Emulator) -> list[str]:
        async with httpx.AsyncClient() as http:
            preparer = InputPreparer(DashScopeClient(http), clock=client_clock)
            credentials = _credentials(emulator)
            urls = []
            for image in (first, second):
                prepared = await preparer.prepare(
                    model, build_request(model, imageedit(str(image)), "async").body,
                    credentials, model_name=model.id,
                )
                urls.append(prepared.body["input"]["base_image_url"])
                # The store's clock passes the policy's five minutes; ours does not.
                server_clock.advance(400)
            return urls

    with Emulator(key=FAKE_KEY, clock=server_clock) as emulator:
        urls = asyncio.run(scenario(emulator))
        uploads = routed(emulator, "upload")
        policies = routed(emulator, "policy")
        second_upload = emulator.uploaded_file(urls[1])
    assert [request.status for request in uploads] == [200, 403, 200]
    assert len(policies) == 2
    assert second_upload is not None
    assert second_upload.data == second.read_bytes()


def test_policy_renewed_before_expiry(tmp_path: Path) -> None:
    clock = FakeClock()
    image = write_png(tmp_path / "one.png", (600, 600))
    model = CATALOG["wanx2.1-imageedit"]

    async def scenario(emulator: Emulator) -> None:
        async with httpx.AsyncClient() as http:
            preparer = InputPreparer(DashScopeClient(http), clock=clock)
            body = build_request(model, imageedit(str(image)), "async").body
            for _attempt in range(2):
                await preparer.prepare(model, body, _credentials(emulator), model_name=model.id)
                preparer.forget_uploads()
                clock.advance(290)

    with Emulator(key=FAKE_KEY, clock=clock) as emulator:
        asyncio.run(scenario(emulator))
        uploads = routed(emulator, "upload")
        policies = routed(emulator, "policy")
    assert [request.status for request in uploads] == [200, 200]
    assert len(policies) == 2


def _credentials(emulator: Emulator) -> Any:
    from gui.core.dashscope import Credentials

    return Credentials(emulator.base_url, emulator.key)


def test_rejected_before_any_upload(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    small = write_png(tmp_path / "tiny.png", (200, 900))
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (800, 800)).save(gif, "GIF")
    # 2000*2000 uncompressed pixels make a PNG of about 11.4 MiB, above the 10 MiB limit.
    big = write_noise_png(tmp_path / "大 图.png", 2000)

    async def scenario() -> list[str]:
        services = await start_services(app_paths, emulator)
        messages = []
        try:
            for image in (small, gif, big):
                model = services.catalog["wanx2.1-imageedit"]
                request = build_request(model, imageedit(str(image)), "async")
                with pytest.raises(RequestRejected) as rejected:
                    services.engine.submit(request, "sandbox")
                messages.append(rejected.value.issues[0].message())
            assert services.library.tasks() == []
        finally:
            await services.aclose()
        return messages

    too_small, wrong_format, too_large = asyncio.run(scenario())
    assert "200*900 pixels" in too_small
    assert "from 512 to 4096 pixels" in too_small
    assert "is a GIF image" in wrong_format
    assert "JPG, JPEG, PNG, BMP, TIFF, WEBP" in wrong_format
    assert "大 图.png is 11.4 MB" in too_large
    assert "the maximum is 10.0 MB" in too_large
    assert emulator.requests == []


def test_upload_rejected_fails_task(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))
    emulator.faults.add("upload", HttpError(500, "InternalError", "We hit an error."))

    async def scenario() -> TaskRecord:
        services = await start_services(app_paths, emulator)
        try:
            return await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
        finally:
            await services.aclose()

    record = asyncio.run(scenario())
    assert record.status == TaskStatus.ERROR
    assert record.error_code == "PixelPost.Upload.Rejected"
    assert "HTTP 500 InternalError: We hit an error." in (record.error_message or "")
    assert routed(emulator, "submit") == []


def test_file_removed_before_prepare(app_paths: AppPaths, emulator: Emulator, tmp_path: Path) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))
    model = CATALOG["wanx2.1-imageedit"]
    body = build_request(model, imageedit(str(image)), "async").body
    image.unlink()

    async def scenario() -> InputError:
        async with httpx.AsyncClient() as http:
            preparer = InputPreparer(DashScopeClient(http))
            with pytest.raises(InputError) as failed:
                await preparer.prepare(model, body, _credentials(emulator), model_name=model.id)
            return failed.value

    error = asyncio.run(scenario())
    assert error.code == "PixelPost.Input.Missing"
    assert "base.png" in error.message
    assert emulator.requests == []


def test_upload_recorded_without_secrets(
    app_paths: AppPaths, emulator: Emulator, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "base.png", (700, 700))
    transport = CapturingTransport()
    recorded: list[Exchange] = []

    async def scenario() -> TaskRecord:
        services = await start_services(app_paths, emulator, transport)
        services.exchange_log.add_listener(recorded.append)
        try:
            return await send(services, "wanx2.1-imageedit", imageedit(str(image)), "async")
        finally:
            await services.aclose()

    record = asyncio.run(scenario())
    assert record.status == TaskStatus.SUCCEEDED, record.error_message
    raw = json.loads(transport.policy_bodies[0])["data"]
    secrets = [raw["policy"], raw["signature"], raw["oss_access_key_id"]]
    assert raw["oss_access_key_id"] == ACCESS_KEY_ID

    kinds = [exchange.kind for exchange in recorded]
    assert kinds[:3] == ["upload_policy", "upload", "submit"]
    policy_exchange, upload_exchange = recorded[0], recorded[1]
    assert policy_exchange.task == record.id
    assert upload_exchange.task == record.id
    shown = json.loads(policy_exchange.response_body)["data"]
    assert shown["policy"] == REDACTED
    assert shown["signature"] == REDACTED
    assert shown["oss_access_key_id"] == REDACTED
    assert shown["upload_dir"] == raw["upload_dir"]
    form = upload_exchange.request_body.decode("utf-8")
    assert f'name="Signature"\r\n\r\n{REDACTED}' in form
    assert f'name="OSSAccessKeyId"\r\n\r\n{REDACTED}' in form
    assert f"<{image.stat().st_size} bytes of image/png, not recorded>" in form
    assert record.inputs[0].url is not None
    assert "name=\"key\"\r\n\r\n" + record.inputs[0].url.removeprefix("oss://") in form
    for exchange in (policy_exchange, upload_exchange):
        text = exchange.request_body + exchange.response_body + exchange.url.encode()
        for secret in secrets:
            assert secret.encode() not in text
    # The emulator signs its result URLs with the same access key id, so only the
    # policy and its signature are looked for in the files.
    for secret in secrets[:2]:
        assert files_containing(app_paths.data_dir.parent, secret) == []


# Pure helpers.


def test_references_found_and_replaced() -> None:
    model = CATALOG["qwen-image-2.0"]
    body = build_request(
        model,
        {"prompt": "p", "images": ["/a/one.png", "https://x.test/b.png", "C:\\two.png"]},
        "sync",
    ).body
    found = [text for _spec, text in local_references(model, body)]
    assert found == ["/a/one.png", "C:\\two.png"]
    replaced = replace_images(model, body, {"/a/one.png": "oss://k/1.png"})
    images = [item["image"] for item in replaced["input"]["messages"][0]["content"][:3]]
    assert images == ["oss://k/1.png", "https://x.test/b.png", "C:\\two.png"]
    assert body["input"]["messages"][0]["content"][0]["image"] == "/a/one.png"


def test_relative_paths_made_absolute(tmp_path: Path) -> None:
    model = CATALOG["wordart-texture"]
    body = {
        "model": "wordart-texture",
        "input": {"image": {"image_url": "glyphs/a.png"}},
        "parameters": {},
    }
    fixed = absolute_local_paths(model, body, tmp_path)
    assert fixed["input"]["image"]["image_url"] == str(tmp_path / "glyphs" / "a.png")


def test_inline_decision_at_limit() -> None:
    spec = CATALOG["qwen-image-2.0"].field("images")
    mask = CATALOG["wanx2.1-imageedit"].field("mask_image_url")
    assert spec is not None
    assert mask is not None
    # With the 22-character prefix, 7,864,302 bytes make a data URI of 10,485,758
    # characters and one byte more makes 10,485,762, above the 10,485,760 limit.
    fits = ImageInfo("png", 100, 100, 7_864_302)
    over = ImageInfo("png", 100, 100, 7_864_303)
    assert sends_inline(spec, fits)
    assert not sends_inline(spec, over)
    assert not sends_inline(mask, ImageInfo("png", 10, 10, 100))


def test_object_names_ascii_and_unique() -> None:
    first = object_name(Path("我的 照片 (1).png"), ".png")
    second = object_name(Path("我的 照片 (1).png"), ".png")
    assert first != second
    assert first.isascii()
    assert first.endswith("-1.png")
    assert " " not in first
    assert InputFile("f", "p", "data", 1, "x").url is None


def test_emulator_rejects_input_aspect_ratio(emulator: Emulator) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (1100, 100), "white").save(picture, "PNG")
    url = emulator.add_upload("qwen-mt-image", "dashscope-instant/t/banner.png", picture.getvalue())
    body = {
        "model": "qwen-mt-image",
        "input": {"image_url": url, "source_lang": "auto", "target_lang": "en"},
    }
    model = CATALOG["qwen-mt-image"]
    headers = {
        "Authorization": f"Bearer {emulator.key}",
        OSS_HEADER: "enable",
        **build_request(model, {}, "async").headers(),
    }
    response = httpx.post(f"{emulator.base_url}/{model.path('async')}", json=body, headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidFile.AspectRatio"
    assert "between 10 and 0.1" in response.json()["message"]

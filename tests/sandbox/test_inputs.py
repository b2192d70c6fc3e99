"""Input images: accepted only from the emulator itself, checked, and never fetched.

The families come from tests/sandbox/families.py, loaded from a temporary folder.
"""

from __future__ import annotations

import base64
import io
import random
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, ImageChops, ImageStat

from gui.core.catalog import Catalog
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.samples import sample_png

from .support import TEST_KEY, ApiClient, FakeClock, download_image, output_urls

pytestmark = pytest.mark.timeout(30)

DOWNLOAD_FAILED = "BadRequest.InputDownloadFailed"
DATA_INSPECTION = "InvalidParameter.DataInspection"
DATA_INSPECTION_MESSAGE = (
    "Unable to download the media resource during the data inspection process."
)
URL_NOT_VALID = "The provided URL does not appear to be valid. Ensure it is correctly formatted."
SIZE_OUT_OF_RANGE = "the size of input image is too small or too large."
OSS_HEADER = {"X-DashScope-OssResourceResolve": "enable"}


def data_uri(
    size: tuple[int, int], image_format: str = "PNG", *, noise: bool = False
) -> str:
    """Return a data URI of an image; ``noise`` makes the file large (it barely compresses)."""
    image = Image.new("RGB", size, (200, 80, 40))
    if noise:
        rng = random.Random(7)
        image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    output = io.BytesIO()
    image.save(output, image_format)
    encoded = base64.b64encode(output.getvalue()).decode("ascii")
    return f"data:image/{image_format.lower()};base64,{encoded}"


def assert_error(response: httpx.Response, code: str, message: str | None = None) -> None:
    assert response.status_code == 400, response.text
    document = response.json()
    assert document["code"] == code
    if message is not None:
        assert document["message"] == message


def edit_values(api: ApiClient, base: str, **extra: Any) -> dict[str, Any]:
    values = {"prompt": "make the roof blue", "base_image_url": base, "seed": 5, **extra}
    resolved: dict[str, Any] = api.emulator.resolve_samples(values)
    return resolved


def result_size(api: ApiClient, clock: FakeClock, response: httpx.Response) -> tuple[int, int]:
    document = api.finish(response, clock)
    [url] = output_urls(document["output"])[:1]
    size: tuple[int, int] = download_image(api.http, url).size
    return size


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    return sum(ImageStat.Stat(difference).mean) / 3


# Accepted inputs and the output size.


def test_sample_input_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    response = editing_api.call("test-imageedit", edit_values(editing_api, "sample:photo"))

    assert result_size(editing_api, clock, response) == (1024, 1024)


def test_output_keeps_input_size(editing_api: ApiClient, clock: FakeClock) -> None:
    response = editing_api.call("test-imageedit", edit_values(editing_api, "sample:portrait"))

    assert result_size(editing_api, clock, response) == (768, 1024)


def test_size_value_beats_input(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples(
        {"prompt": "a watercolour", "images": ["sample:portrait"], "size": "1024*768"}
    )

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert result_size(editing_api, clock, response) == (1024, 768)


def test_preset_keeps_input_ratio(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples(
        {"prompt": "a watercolour", "images": ["sample:portrait"], "size": "1K"}
    )

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    # 1K stands for about 1280*1280 pixels; the portrait's 3:4 ratio is kept.
    assert result_size(editing_api, clock, response) == (1104, 1472)


def test_preset_without_input_square(editing_api: ApiClient, clock: FakeClock) -> None:
    values = {"prompt": "a watercolour harbour", "size": "2K"}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert result_size(editing_api, clock, response) == (2048, 2048)


def test_result_url_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    first = editing_api.call("test-imageedit", edit_values(editing_api, "sample:portrait"))
    [result_url] = output_urls(editing_api.finish(first, clock)["output"])

    second = editing_api.call("test-out-painting", {"image_url": result_url})

    assert result_size(editing_api, clock, second) == (768, 1024)


def test_mask_same_size_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    values = edit_values(editing_api, "sample:photo", mask_image_url="sample:mask")

    response = editing_api.call("test-imageedit", values)

    assert result_size(editing_api, clock, response) == (1024, 1024)


def test_data_uri_accepted_where_allowed(editing_api: ApiClient, clock: FakeClock) -> None:
    values = {"prompt": "a watercolour", "images": [data_uri((320, 200))]}

    response = editing_api.call("wan-image-edit-test", values, "sync")

    assert result_size(editing_api, clock, response) == (320, 200)


def test_jpeg_data_uri_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    values = {"prompt": "a watercolour", "images": [data_uri((300, 240), "JPEG")]}

    response = editing_api.call("wan-image-edit-test", values, "sync")

    assert result_size(editing_api, clock, response) == (300, 240)


def test_oss_upload_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    url = editing_api.emulator.add_upload(
        "test-out-painting", "dashscope-instant/abc/2026-01-01/id/style.png", sample_png("style")
    )

    response = editing_api.call("test-out-painting", {"image_url": url}, headers=OSS_HEADER)

    assert url == "oss://dashscope-instant/abc/2026-01-01/id/style.png"
    assert result_size(editing_api, clock, response) == (768, 768)


def test_different_inputs_differ(editing_api: ApiClient, clock: FakeClock) -> None:
    photo = editing_api.call("test-imageedit", edit_values(editing_api, "sample:photo"))
    mask = editing_api.call("test-imageedit", edit_values(editing_api, "sample:mask"))

    [photo_url] = output_urls(editing_api.finish(photo, clock)["output"])
    [mask_url] = output_urls(editing_api.finish(mask, clock)["output"])

    photo_result = download_image(editing_api.http, photo_url)
    mask_result = download_image(editing_api.http, mask_url)
    assert mean_difference(photo_result, mask_result) > 20


def test_same_input_same_output(editing_api: ApiClient, clock: FakeClock) -> None:
    first = editing_api.call("test-imageedit", edit_values(editing_api, "sample:photo"))
    second = editing_api.call("test-imageedit", edit_values(editing_api, "sample:photo"))

    [first_url] = output_urls(editing_api.finish(first, clock)["output"])
    [second_url] = output_urls(editing_api.finish(second, clock)["output"])

    assert first_url != second_url
    assert editing_api.http.get(first_url).content == editing_api.http.get(second_url).content


# URLs the emulator does not download.


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/photo.png",
        "http://192.168.1.20/photo.png",
        "http://localhost/samples/photo.png",
        "C:\\Users\\me\\Pictures\\photo.png",
        "/home/me/photo.png",
        "file:///C:/Users/me/photo.png",
    ],
)
def test_foreign_url_download_fails(editing_api: ApiClient, url: str) -> None:
    response = editing_api.call("test-imageedit", edit_values(editing_api, url))

    assert_error(response, DOWNLOAD_FAILED, f"Failed to download the input file: {url}.")


def test_foreign_url_messages_protocol(editing_api: ApiClient) -> None:
    values = {"prompt": "a watercolour", "images": ["https://example.com/photo.png"]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(response, DATA_INSPECTION, DATA_INSPECTION_MESSAGE)


def test_own_origin_unknown_path_fails(editing_api: ApiClient) -> None:
    origin = editing_api.emulator.origin

    for url in (f"{origin}/samples/nothing.png", f"{origin}/api/v1/tasks", f"{origin}/"):
        response = editing_api.call("test-imageedit", edit_values(editing_api, url))
        assert_error(response, DOWNLOAD_FAILED)


def test_other_port_same_path_fails(editing_api: ApiClient) -> None:
    emulator = editing_api.emulator
    url = emulator.sample_url("photo").replace(f":{emulator.port}/", f":{emulator.port + 1}/")

    response = editing_api.call("test-imageedit", edit_values(editing_api, url))

    assert_error(response, DOWNLOAD_FAILED)


def test_expired_result_url_fails(
    editing_catalog: Catalog, clock: FakeClock, http: httpx.Client
) -> None:
    config = EmulatorConfig(
        pending_seconds=1.0, running_seconds=1.0, sync_seconds=0.0, url_lifetime_seconds=60.0
    )
    with Emulator(key=TEST_KEY, config=config, catalog=editing_catalog, clock=clock) as emulator:
        api = ApiClient(emulator, http)
        first = api.call("test-imageedit", edit_values(api, "sample:photo"))
        [result_url] = output_urls(api.finish(first, clock)["output"])
        clock.advance(120)

        response = api.call("test-out-painting", {"image_url": result_url})

    assert_error(response, DOWNLOAD_FAILED, f"Failed to download the input file: {result_url}.")


def test_tampered_result_url_fails(editing_api: ApiClient, clock: FakeClock) -> None:
    first = editing_api.call("test-imageedit", edit_values(editing_api, "sample:photo"))
    [result_url] = output_urls(editing_api.finish(first, clock)["output"])
    tampered = result_url.replace("Expires=", "Expires=9")

    response = editing_api.call("test-out-painting", {"image_url": tampered})

    assert_error(response, DOWNLOAD_FAILED)


def test_data_uri_where_not_allowed(editing_api: ApiClient) -> None:
    uri = data_uri((700, 700))

    response = editing_api.call("test-imageedit", edit_values(editing_api, uri))

    assert_error(response, DOWNLOAD_FAILED)
    message = response.json()["message"]
    assert message.startswith("Failed to download the input file: data:image/png;base64,")
    assert len(message) < 300


@pytest.mark.parametrize(
    "uri",
    [
        "data:image/png;base64," + base64.b64encode(b"not an image").decode("ascii"),
        "data:image/png;base64,@@@@",
        "data:text/plain;base64," + base64.b64encode(b"hello").decode("ascii"),
        "data:image/png," + "plain",
    ],
)
def test_undecodable_data_uri_rejected(editing_api: ApiClient, uri: str) -> None:
    values = {"prompt": "a watercolour", "images": [uri]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(
        response, "InvalidParameter", "Failed to decode the image during the data inspection."
    )


def test_oversized_data_uri_rejected(editing_api: ApiClient) -> None:
    uri = "data:image/png;base64," + "A" * 10_485_760
    values = {"prompt": "a watercolour", "images": [uri]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(
        response, "InvalidParameter", "Exceeded limit on max bytes per data-uri item : 10485760"
    )


def test_oss_without_header_rejected(editing_api: ApiClient) -> None:
    url = editing_api.emulator.add_upload("test-out-painting", "uploads/a.png", sample_png("photo"))

    response = editing_api.call("test-out-painting", {"image_url": url})

    assert_error(response, "InvalidParameter", URL_NOT_VALID)


def test_oss_unknown_key_rejected(editing_api: ApiClient) -> None:
    values = {"image_url": "oss://dashscope-instant/never/uploaded.png"}

    response = editing_api.call("test-out-painting", values, headers=OSS_HEADER)

    assert_error(response, "InvalidParameter", URL_NOT_VALID)


def test_oss_upload_of_other_model_rejected(editing_api: ApiClient) -> None:
    url = editing_api.emulator.add_upload("test-imageedit", "uploads/b.png", sample_png("photo"))

    response = editing_api.call("test-out-painting", {"image_url": url}, headers=OSS_HEADER)

    assert_error(response, "InvalidParameter", URL_NOT_VALID)


def test_add_upload_rejects_bad_input(editing_emulator: Emulator) -> None:
    with pytest.raises(ValueError):
        editing_emulator.add_upload("test-out-painting", "uploads/c.png", b"not an image")
    with pytest.raises(KeyError):
        editing_emulator.add_upload("no-such-model", "uploads/c.png", sample_png("photo"))


# Catalog image rules.


def test_image_too_small_rejected(editing_api: ApiClient) -> None:
    # The test family's base image needs 600 pixels per side; text-mask is 1024*512.
    response = editing_api.call("test-imageedit", edit_values(editing_api, "sample:text-mask"))

    assert_error(response, "InvalidParameter", SIZE_OUT_OF_RANGE)


def test_image_too_large_rejected(editing_api: ApiClient) -> None:
    values = {"prompt": "a watercolour", "images": [data_uri((3200, 100))]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(response, "InvalidParameter", SIZE_OUT_OF_RANGE)


def test_format_not_allowed_rejected(editing_api: ApiClient) -> None:
    values = edit_values(editing_api, "sample:photo", jpeg_reference="sample:style")

    response = editing_api.call("test-imageedit", values)

    assert_error(
        response, "BadRequest.UnsupportedFileFormat", "Input file format is not supported."
    )


def test_format_not_allowed_messages(editing_api: ApiClient) -> None:
    values = {"prompt": "a watercolour", "images": [data_uri((200, 200), "GIF")]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(
        response,
        "InvalidParameter",
        "The media format is not supported or incorrect for the data inspection.",
    )


def test_file_too_large_rejected(editing_api: ApiClient) -> None:
    # The test family allows 200000 bytes; a 300*300 noise PNG is about 270000.
    values = {"prompt": "a watercolour", "images": [data_uri((300, 300), noise=True)]}

    response = editing_api.call("qwen-image-edit-test", values, "sync")

    assert_error(response, "InvalidFile.Size")


def test_mask_size_mismatch_rejected(editing_api: ApiClient) -> None:
    values = edit_values(editing_api, "sample:photo", mask_image_url="sample:text-mask")

    response = editing_api.call("test-imageedit", values)

    assert_error(response, "InvalidParameter")
    message = response.json()["message"]
    assert message.startswith("The size of mask image and base image are not the same")
    assert "1024*512" in message
    assert "1024*1024" in message


def test_coarse_image_size_mismatch(editing_api: ApiClient) -> None:
    values = editing_api.emulator.resolve_samples(
        {"person_image_url": "sample:portrait", "coarse_image_url": "sample:photo"}
    )

    response = editing_api.call("test-tryon-refiner", values)

    assert_error(
        response,
        "InvalidParameter",
        "The size of person image and coarse_image are not the same.",
    )


def test_coarse_image_same_size_accepted(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples(
        {"person_image_url": "sample:portrait", "coarse_image_url": "sample:garment-top"}
    )

    response = editing_api.call("test-tryon-refiner", values)

    assert result_size(editing_api, clock, response) == (768, 1024)


# No outbound connections.


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A listening socket that is never accepted on, so connections wait in its backlog."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.setblocking(False)
        yield server


def waiting_connections(server: socket.socket) -> int:
    """Accept and close every connection waiting on ``server``; return how many there were."""
    count = 0
    while True:
        try:
            connection, _address = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_no_outbound_connection(editing_api: ApiClient, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    url = f"http://127.0.0.1:{port}/samples/photo.png"

    legacy = editing_api.call("test-imageedit", edit_values(editing_api, url))
    messages = editing_api.call(
        "qwen-image-edit-test", {"prompt": "a watercolour", "images": [url]}, "sync"
    )
    single = editing_api.call("test-out-painting", {"image_url": url})

    assert_error(legacy, DOWNLOAD_FAILED)
    assert_error(messages, DATA_INSPECTION)
    assert_error(single, DOWNLOAD_FAILED)
    assert waiting_connections(listener) == 0
    # The counter does see a connection when one is made.
    with socket.create_connection(("127.0.0.1", port), timeout=2.0):
        assert waiting_connections(listener) == 1

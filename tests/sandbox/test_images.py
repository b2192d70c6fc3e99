"""Result images of the emulator: sizes, content, signed URLs and expiry."""

from __future__ import annotations

import io
import time
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
from PIL import Image, ImageChops, ImageStat

from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.errors import OssError
from gui.sandbox.images import ImageSpec, ImageStore, render_png

from .support import TEST_KEY, ApiClient, FakeClock

pytestmark = pytest.mark.timeout(30)


def result_urls(api: ApiClient, task_id: str) -> list[str]:
    output = api.task(task_id)["output"]
    assert output["task_status"] == "SUCCEEDED"
    if "results" in output:
        return [result["url"] for result in output["results"]]
    return [item["image"] for item in output["choices"][0]["message"]["content"]]


def download_image(http: httpx.Client, url: str) -> Image.Image:
    response = http.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "image/png"
    assert int(response.headers["Content-Length"]) == len(response.content)
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def replace_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    return sum(ImageStat.Stat(difference).mean) / 3


def test_images_match_count_and_size(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx2.1-t2i-turbo", parameters={"n": 3, "size": "1280*720"})
    clock.advance(30)

    urls = result_urls(clocked_api, task_id)
    images = [download_image(clocked_api.http, url) for url in urls]

    assert len(images) == 3
    for image in images:
        assert image.format == "PNG"
        assert image.size == (1280, 720)


def test_default_size_from_catalog(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wan2.6-t2i", parameters={"n": 1})
    clock.advance(30)

    [url] = result_urls(clocked_api, task_id)

    assert download_image(clocked_api.http, url).size == (1280, 1280)


def test_two_prompts_differ(clocked_api: ApiClient, clock: FakeClock) -> None:
    parameters = {"n": 1, "seed": 7, "size": "512*512"}
    fox = clocked_api.submit("wanx2.1-t2i-turbo", "a red fox in snow", parameters)
    city = clocked_api.submit("wanx2.1-t2i-turbo", "a neon city at night", parameters)
    clock.advance(30)

    fox_image = download_image(clocked_api.http, result_urls(clocked_api, fox)[0])
    city_image = download_image(clocked_api.http, result_urls(clocked_api, city)[0])

    assert mean_difference(fox_image, city_image) > 20


def test_images_of_one_task_differ(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx2.1-t2i-turbo", parameters={"n": 2, "size": "512*512"})
    clock.advance(30)

    urls = result_urls(clocked_api, task_id)
    first = download_image(clocked_api.http, urls[0])
    second = download_image(clocked_api.http, urls[1])

    assert mean_difference(first, second) > 5


def test_same_request_same_image(clocked_api: ApiClient, clock: FakeClock) -> None:
    parameters = {"n": 1, "seed": 42, "size": "512*512"}
    first = clocked_api.submit("wanx2.1-t2i-turbo", "a paper boat", parameters)
    second = clocked_api.submit("wanx2.1-t2i-turbo", "a paper boat", parameters)
    clock.advance(30)

    first_bytes = clocked_api.http.get(result_urls(clocked_api, first)[0]).content
    second_bytes = clocked_api.http.get(result_urls(clocked_api, second)[0]).content

    assert first_bytes == second_bytes


def test_repeated_download_identical(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)

    first = clocked_api.http.get(url)
    second = clocked_api.http.get(url)

    assert first.content == second.content
    assert first.headers["ETag"] == second.headers["ETag"]


def test_url_looks_like_oss(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)

    [url] = result_urls(clocked_api, task_id)
    parts = urlsplit(url)
    query = parse_qs(parts.query)

    assert parts.path.endswith(".png")
    assert set(query) == {"Expires", "OSSAccessKeyId", "Signature"}
    # The URL stays valid for a day after the task ends.
    assert int(query["Expires"][0]) == int(clock.now + 86400)


def test_expired_url_forbidden(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)
    clock.advance(86400 + 1)

    response = clocked_api.http.get(url)

    assert response.status_code == 403
    assert response.headers["Content-Type"] == "application/xml"
    assert "<Code>AccessDenied</Code>" in response.text
    assert "<Message>Request has expired.</Message>" in response.text


def test_bad_signature_forbidden(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)

    response = clocked_api.http.get(replace_query(url, Signature="AAAAAAAAAAAAAAAAAAAAAAAAAAA="))

    assert response.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in response.text


def test_extended_expiry_forbidden(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)
    expires = parse_qs(urlsplit(url).query)["Expires"][0]

    response = clocked_api.http.get(replace_query(url, Expires=str(int(expires) + 3600)))

    assert response.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in response.text


def test_unsigned_url_forbidden(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)

    response = clocked_api.http.get(url.split("?")[0])

    assert response.status_code == 403
    assert "<Code>AccessDenied</Code>" in response.text


def test_dropped_image_not_found(http: httpx.Client, clock: FakeClock) -> None:
    # URLs outlive tasks here, so a signed URL can point at an image dropped with its task.
    config = EmulatorConfig(
        pending_seconds=0.0, running_seconds=0.0, url_lifetime_seconds=3 * 86400.0
    )
    with Emulator(key=TEST_KEY, config=config, clock=clock) as emulator:
        api = ApiClient(emulator, http)
        task_id = api.submit("wanx-v1", parameters={"n": 1})
        [url] = result_urls(api, task_id)
        clock.advance(86400 + 1)
        assert api.task(task_id)["output"]["task_status"] == "UNKNOWN"

        response = http.get(url)

    assert response.status_code == 404
    assert "<Code>NoSuchKey</Code>" in response.text


def test_head_returns_headers_only(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)
    [url] = result_urls(clocked_api, task_id)

    response = clocked_api.http.head(url)

    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["Content-Length"]) > 0


def test_render_large_image_fast() -> None:
    spec = ImageSpec("a harbour at dusk", seed=1, index=0, width=1440, height=1440)

    started = time.perf_counter()
    data = render_png(spec)
    elapsed = time.perf_counter() - started

    # About 0.1 s on a 2-core Linux VM; the bound leaves room for slow CI machines.
    assert elapsed < 1.0
    assert Image.open(io.BytesIO(data)).size == (1440, 1440)


def test_watermark_changes_corner() -> None:
    plain = render_png(ImageSpec("a kite", seed=3, index=0, width=512, height=512))
    marked = render_png(ImageSpec("a kite", 3, 0, 512, 512, watermark=True))

    plain_image = Image.open(io.BytesIO(plain))
    marked_image = Image.open(io.BytesIO(marked))
    corner = (412, 482, 512, 512)

    assert mean_difference(plain_image.crop(corner), marked_image.crop(corner)) > 5
    top_left = (0, 0, 256, 256)
    assert plain_image.crop(top_left).tobytes() == marked_image.crop(top_left).tobytes()


def test_store_drops_images_after_keep_until(clock: FakeClock) -> None:
    store = ImageStore(clock, cache_size=4)
    spec = ImageSpec("a kite", seed=3, index=0, width=64, height=64)
    short_lived = store.add(spec, keep_until=clock.now + 10)
    task_owned = store.add(spec)

    assert store.png(short_lived).startswith(b"\x89PNG")
    clock.advance(11)
    store.add(spec)

    with pytest.raises(OssError) as raised:
        store.png(short_lived)
    assert raised.value.code == "NoSuchKey"
    assert store.png(task_owned).startswith(b"\x89PNG")

"""The official dashscope SDK, unchanged, completes calls against the emulator.

The SDK reads DASHSCOPE_HTTP_BASE_URL once, when ``dashscope.common.env`` is
imported, and later calls read ``dashscope.base_http_api_url``, so the tests set
both. The SDK's ``wait`` polls a task once a second at first, which sets the run
time of the async tests. For a local file the SDK requests an upload policy from
the emulator and posts the file to the policy's upload host with ``requests``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dashscope
import httpx
import pytest
from dashscope.aigc.image_generation import ImageGeneration
from dashscope.api_entities.dashscope_response import ImageGenerationResponse
from dashscope.common.error import UploadFileException
from PIL import Image

from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import HttpError
from gui.sandbox.samples import sample_png

from .support import TEST_KEY

pytestmark = pytest.mark.timeout(60)

MESSAGES: list[Any] = [{"role": "user", "content": [{"text": "a lighthouse on a cliff at dawn"}]}]


@pytest.fixture
def sdk_emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    config = EmulatorConfig(pending_seconds=0.05, running_seconds=0.1, sync_seconds=0.05)
    with Emulator(key=TEST_KEY, config=config) as emulator:
        monkeypatch.setenv("DASHSCOPE_HTTP_BASE_URL", emulator.base_url)
        monkeypatch.setattr(dashscope, "base_http_api_url", emulator.base_url)
        monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
        yield emulator
        # The SDK keeps a pooled keep-alive connection; close it with the emulator.
        dashscope.close_shared_sync_session()


def image_size(http: httpx.Client, url: str) -> tuple[int, int]:
    response = http.get(url)
    assert response.status_code == 200, response.text
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    size: tuple[int, int] = image.size
    return size


def content_urls(output: Any) -> list[str]:
    return [item["image"] for item in output.choices[0].message.content]


def test_image_synthesis_call(sdk_emulator: Emulator, http: httpx.Client) -> None:
    response = dashscope.ImageSynthesis.call(
        model="wanx2.1-t2i-turbo",
        prompt="a lighthouse on a cliff at dawn",
        n=1,
        size="1024*1024",
        api_key=sdk_emulator.key,
    )

    assert response.status_code == 200, response.message
    assert response.output.task_status == "SUCCEEDED"
    assert response.usage.image_count == 1
    [result] = response.output.results
    assert image_size(http, result.url) == (1024, 1024)
    [submit] = [request for request in sdk_emulator.requests if request.method == "POST"]
    assert submit.path == "/api/v1/services/aigc/text2image/image-synthesis"


def test_image_generation_sync_call(sdk_emulator: Emulator, http: httpx.Client) -> None:
    response = ImageGeneration.call(
        model="wan2.6-t2i",
        api_key=sdk_emulator.key,
        messages=MESSAGES,
        n=2,
        size="1104*1472",
    )

    assert isinstance(response, ImageGenerationResponse)
    assert response.status_code == 200, response.message
    urls = content_urls(response.output)
    assert len(urls) == 2
    assert [image_size(http, url) for url in urls] == [(1104, 1472), (1104, 1472)]
    assert sdk_emulator.tasks == []


def test_image_generation_async_call(sdk_emulator: Emulator, http: httpx.Client) -> None:
    submitted = ImageGeneration.async_call(
        model="wan2.6-t2i", api_key=sdk_emulator.key, messages=MESSAGES, n=1
    )
    assert isinstance(submitted, ImageGenerationResponse)
    assert submitted.status_code == 200, submitted.message
    assert submitted.output.task_status == "PENDING"

    response = ImageGeneration.wait(submitted, api_key=sdk_emulator.key)

    assert response.status_code == 200, response.message
    assert response.output.task_status == "SUCCEEDED"
    [url] = content_urls(response.output)
    assert image_size(http, url) == (1280, 1280)
    submit = next(request for request in sdk_emulator.requests if request.method == "POST")
    # The SDK sends its internal is_async flag inside parameters; the emulator tolerates it.
    assert submit.json()["parameters"]["is_async"] is True


@pytest.fixture
def local_photo(tmp_path: Path) -> Path:
    path = tmp_path / "local photo.png"
    path.write_bytes(sample_png("photo"))
    return path


def upload_requests(emulator: Emulator) -> tuple[Any, Any, Any]:
    """Return the policy request, the upload and the model call, checking their order."""
    routes = [request.route for request in emulator.requests]
    assert routes[:3] == ["policy", "upload", "submit" if "submit" in routes else "sync"]
    policy, posted, call = emulator.requests[:3]
    return policy, posted, call


def test_sdk_uploads_local_file(
    sdk_emulator: Emulator, local_photo: Path, http: httpx.Client
) -> None:
    response = dashscope.ImageSynthesis.call(
        model="wan2.5-i2i-preview",
        prompt="make the roof blue",
        images=[str(local_photo)],
        n=1,
        api_key=sdk_emulator.key,
    )

    assert response.status_code == 200, response.message
    assert response.output.task_status == "SUCCEEDED"
    [result] = response.output.results
    assert image_size(http, result.url) == (1024, 1024)
    policy, posted, call = upload_requests(sdk_emulator)
    assert policy.params == {"action": "getPolicy", "model": "wan2.5-i2i-preview"}
    assert posted.status == 200
    assert posted.form_fields[-1] == "file"
    [image_url] = call.json()["input"]["images"]
    assert image_url.startswith("oss://dashscope-instant/")
    assert image_url.endswith("/local photo.png")
    assert call.header("X-DashScope-OssResourceResolve") == "enable"


def test_sdk_uploads_file_uri_in_messages(
    sdk_emulator: Emulator, local_photo: Path, http: httpx.Client
) -> None:
    messages: list[Any] = [
        {
            "role": "user",
            "content": [{"image": local_photo.as_uri()}, {"text": "paint it as a watercolour"}],
        }
    ]

    response = ImageGeneration.call(
        model="wan2.6-image", api_key=sdk_emulator.key, messages=messages, n=1
    )

    assert isinstance(response, ImageGenerationResponse)
    assert response.status_code == 200, response.message
    [url] = content_urls(response.output)
    assert image_size(http, url) == (1024, 1024)
    _policy, _posted, call = upload_requests(sdk_emulator)
    content = call.json()["input"]["messages"][0]["content"]
    assert content[0]["image"].startswith("oss://")
    assert call.header("X-DashScope-OssResourceResolve") == "enable"


def test_sdk_reports_policy_rejection(sdk_emulator: Emulator, local_photo: Path) -> None:
    sdk_emulator.faults.add("policy", HttpError.documented(code="InvalidApiKey"))

    with pytest.raises(UploadFileException) as raised:
        dashscope.ImageSynthesis.call(
            model="wan2.5-i2i-preview",
            prompt="make the roof blue",
            images=[str(local_photo)],
            api_key=sdk_emulator.key,
        )

    assert "Get upload certificate failed, code: InvalidApiKey" in str(raised.value)
    assert [request.route for request in sdk_emulator.requests] == ["policy"]


def test_sdk_reports_upload_rejection(sdk_emulator: Emulator, local_photo: Path) -> None:
    sdk_emulator.faults.add("upload", HttpError(403, "AccessDenied", "Policy expired."))

    with pytest.raises(UploadFileException) as raised:
        dashscope.ImageSynthesis.call(
            model="wan2.5-i2i-preview",
            prompt="make the roof blue",
            images=[str(local_photo)],
            api_key=sdk_emulator.key,
        )

    assert "to oss failed" in str(raised.value)
    assert "<Code>AccessDenied</Code>" in str(raised.value)


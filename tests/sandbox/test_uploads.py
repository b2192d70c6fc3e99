"""The temporary-upload flow: upload policies, the object store and oss:// inputs.

The families come from tests/sandbox/families.py; the clock is fake, so policy
and file lifetimes are tested without waiting.
"""

from __future__ import annotations

import base64
import io
import json
import random
import re
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from PIL import Image

from gui.core.catalog import Catalog
from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import HttpError
from gui.sandbox.samples import sample_png
from gui.sandbox.uploads import parse_multipart

from .support import TEST_KEY, ApiClient, FakeClock, download_image, output_urls

pytestmark = pytest.mark.timeout(30)

OSS_HEADER = {"X-DashScope-OssResourceResolve": "enable"}
URL_NOT_VALID = "The provided URL does not appear to be valid. Ensure it is correctly formatted."
MEBIBYTE = 1024 * 1024
POLICY_FIELDS = {
    "policy",
    "signature",
    "upload_dir",
    "upload_host",
    "expire_in_seconds",
    "max_file_size_mb",
    "capacity_limit_mb",
    "oss_access_key_id",
    "x_oss_object_acl",
    "x_oss_forbid_overwrite",
}


def get_policy(api: ApiClient, model: str = "test-out-painting") -> dict[str, Any]:
    response = api.get("uploads", {"action": "getPolicy", "model": model})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def upload(
    api: ApiClient,
    policy: dict[str, Any],
    content: bytes,
    file_name: str = "photo.png",
    overrides: Mapping[str, str | None] | None = None,
) -> httpx.Response:
    """POST a file with the form fields the official SDKs send.

    ``overrides`` replaces field values; a None value leaves the field out.
    """
    fields: dict[str, str | None] = {
        "OSSAccessKeyId": policy["oss_access_key_id"],
        "Signature": policy["signature"],
        "policy": policy["policy"],
        "key": f"{policy['upload_dir']}/{file_name}",
        "x-oss-object-acl": policy["x_oss_object_acl"],
        "x-oss-forbid-overwrite": policy["x_oss_forbid_overwrite"],
        "success_action_status": "200",
        "x-oss-content-type": "image/png",
    }
    fields.update(overrides or {})
    data = {name: value for name, value in fields.items() if value is not None}
    files = {"file": (file_name, content, "image/png")}
    return api.http.post(policy["upload_host"], data=data, files=files)


def uploaded_url(api: ApiClient, content: bytes, model: str = "test-out-painting") -> str:
    policy = get_policy(api, model)
    response = upload(api, policy, content)
    assert response.status_code == 200, response.text
    return f"oss://{policy['upload_dir']}/photo.png"


def out_painting(api: ApiClient, url: str, headers: dict[str, str] | None) -> httpx.Response:
    return api.call("test-out-painting", {"image_url": url}, headers=headers)


def assert_api_error(response: httpx.Response, status: int, code: str, message: str) -> None:
    assert response.status_code == status, response.text
    document = response.json()
    assert document["code"] == code
    assert document["message"] == message


def assert_oss_error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/xml"
    assert f"<Code>{code}</Code>" in response.text
    assert response.headers["x-oss-request-id"]
    message = re.search(r"<Message>(.*)</Message>", response.text)
    assert message is not None
    return message.group(1)


def noise_png(size: tuple[int, int]) -> bytes:
    """Return a PNG file of random pixels, which barely compresses."""
    rng = random.Random(3)
    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    output = io.BytesIO()
    image.save(output, "PNG")
    return output.getvalue()


# The policy request


def test_policy_response_shape(editing_api: ApiClient, clock: FakeClock) -> None:
    response = editing_api.get("uploads", {"action": "getPolicy", "model": "test-out-painting"})

    assert response.status_code == 200
    document = response.json()
    assert set(document) == {"request_id", "data"}
    assert response.headers["X-Request-ID"] == document["request_id"]
    data = document["data"]
    assert set(data) == POLICY_FIELDS
    assert data["upload_host"] == f"{editing_api.emulator.origin}/oss"
    assert data["upload_host"] == editing_api.emulator.upload_host
    assert data["expire_in_seconds"] == 300
    assert data["max_file_size_mb"] == 1024
    assert data["capacity_limit_mb"] == 999_999_999
    assert data["x_oss_object_acl"] == "private"
    assert data["x_oss_forbid_overwrite"] == "true"
    assert data["oss_access_key_id"]
    assert data["signature"]
    pattern = r"dashscope-instant/[0-9a-f]{32}/\d{4}-\d{2}-\d{2}/[0-9a-f-]{36}"
    assert re.fullmatch(pattern, data["upload_dir"])
    document = json.loads(base64.b64decode(data["policy"]))
    expiration = datetime.strptime(document["expiration"], "%Y-%m-%dT%H:%M:%S.000Z")
    assert expiration.replace(tzinfo=UTC).timestamp() == int(clock.now + 300)
    conditions = document["conditions"]
    assert ["content-length-range", 0, 1024 * MEBIBYTE] in conditions
    assert ["starts-with", "$key", data["upload_dir"]] in conditions
    assert {"x-oss-forbid-overwrite": "true"} in conditions


def test_policies_differ(editing_api: ApiClient) -> None:
    first = get_policy(editing_api)
    second = get_policy(editing_api)

    assert first["upload_dir"] != second["upload_dir"]
    assert first["policy"] != second["policy"]


def test_policy_needs_key(editing_api: ApiClient) -> None:
    url = f"{editing_api.emulator.base_url}/uploads"
    params = {"action": "getPolicy", "model": "test-out-painting"}

    missing = editing_api.http.get(url, params=params)
    wrong = editing_api.http.get(url, params=params, headers={"Authorization": "Bearer sk-x"})

    assert_api_error(missing, 401, "InvalidApiKey", "No API-key provided.")
    assert_api_error(wrong, 401, "InvalidApiKey", "Invalid API-key provided.")


def test_policy_unknown_model(editing_api: ApiClient) -> None:
    response = editing_api.get("uploads", {"action": "getPolicy", "model": "no-such-model"})

    assert_api_error(response, 404, "ModelNotFound", "The model no-such-model does not exist.")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"action": "getPolicy"}, "BadRequest.EmptyModel"),
        ({"action": "other", "model": "test-out-painting"}, "InvalidParameter"),
        ({"model": "test-out-painting"}, "InvalidParameter"),
    ],
)
def test_policy_bad_parameters(editing_api: ApiClient, params: dict[str, str], code: str) -> None:
    response = editing_api.get("uploads", params)

    assert response.status_code == 400, response.text
    assert response.json()["code"] == code


def test_policy_only_get(editing_api: ApiClient) -> None:
    response = editing_api.post("uploads?action=getPolicy&model=test-out-painting", {})

    assert_api_error(
        response, 400, "InvalidParameter", "Request method 'POST' is not supported."
    )


# Upload and use


def test_upload_then_use(editing_api: ApiClient, clock: FakeClock) -> None:
    policy = get_policy(editing_api)
    content = sample_png("style")

    response = upload(editing_api, policy, content, "style.png")
    url = f"oss://{policy['upload_dir']}/style.png"
    call = out_painting(editing_api, url, OSS_HEADER)

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["ETag"].startswith('"')
    document = editing_api.finish(call, clock)
    [result_url] = output_urls(document["output"])
    assert download_image(editing_api.http, result_url).size == (768, 768)
    submit = next(r for r in editing_api.emulator.requests if r.route == "submit")
    assert submit.json()["input"]["image_url"] == url


def test_upload_recorded_without_bytes(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)

    upload(editing_api, policy, sample_png("photo"))

    [record] = [r for r in editing_api.emulator.requests if r.route == "upload"]
    assert record.method == "POST"
    assert record.path == "/oss"
    assert record.status == 200
    assert record.body == b""
    assert record.body_size > len(sample_png("photo"))
    assert record.form_fields == (
        "OSSAccessKeyId",
        "Signature",
        "policy",
        "key",
        "x-oss-object-acl",
        "x-oss-forbid-overwrite",
        "success_action_status",
        "x-oss-content-type",
        "file",
    )


def test_oss_url_needs_header(editing_api: ApiClient) -> None:
    url = uploaded_url(editing_api, sample_png("photo"))

    response = out_painting(editing_api, url, None)

    assert_api_error(response, 400, "InvalidParameter", URL_NOT_VALID)


def test_oss_url_bound_to_model(editing_api: ApiClient) -> None:
    url = uploaded_url(editing_api, sample_png("photo"), model="test-out-painting")
    values = {"prompt": "make the roof blue", "base_image_url": url}

    response = editing_api.call("test-imageedit", values, headers=OSS_HEADER)

    assert_api_error(response, 400, "InvalidParameter", URL_NOT_VALID)


def test_uploaded_file_expires(editing_api: ApiClient, clock: FakeClock) -> None:
    url = uploaded_url(editing_api, sample_png("photo"))

    clock.advance(48 * 3600 - 1)
    before = out_painting(editing_api, url, OSS_HEADER)
    clock.advance(2)
    after = out_painting(editing_api, url, OSS_HEADER)

    assert before.status_code == 200, before.text
    assert_api_error(after, 400, "InvalidParameter", URL_NOT_VALID)


def test_non_image_accepted_then_rejected(editing_api: ApiClient) -> None:
    url = uploaded_url(editing_api, b"this is not a picture")

    response = out_painting(editing_api, url, OSS_HEADER)

    assert_api_error(response, 400, "InvalidParameter", "Invalid image format or corrupted file")


def test_field_names_any_case(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)
    fields = {
        "ossaccesskeyid": policy["oss_access_key_id"],
        "signature": policy["signature"],
        "POLICY": policy["policy"],
        "Key": f"{policy['upload_dir']}/a.png",
        "x-oss-object-acl": "private",
        "x-oss-forbid-overwrite": "true",
    }

    response = editing_api.http.post(
        policy["upload_host"], data=fields, files={"file": ("a.png", sample_png("photo"))}
    )

    assert response.status_code == 204
    assert response.content == b""


def test_created_status_returns_xml(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)

    response = upload(
        editing_api, policy, sample_png("photo"), overrides={"success_action_status": "201"}
    )

    assert response.status_code == 201
    assert f"<Key>{policy['upload_dir']}/photo.png</Key>" in response.text


# Rejected uploads


def test_expired_policy(editing_api: ApiClient, clock: FakeClock) -> None:
    fresh = get_policy(editing_api)
    stale = get_policy(editing_api)
    clock.advance(299)
    in_time = upload(editing_api, fresh, sample_png("photo"))
    clock.advance(2)

    response = upload(editing_api, stale, sample_png("photo"))

    assert in_time.status_code == 200
    message = assert_oss_error(response, 403, "AccessDenied")
    assert message == "Invalid according to Policy: Policy expired."


def test_policy_lifetime_setting(
    editing_catalog: Catalog, clock: FakeClock, http: httpx.Client
) -> None:
    config = EmulatorConfig(upload_policy_seconds=60.0)
    with Emulator(key=TEST_KEY, config=config, catalog=editing_catalog, clock=clock) as emulator:
        api = ApiClient(emulator, http)
        policy = get_policy(api)
        clock.advance(61)
        response = upload(api, policy, sample_png("photo"))

    assert policy["expire_in_seconds"] == 60
    assert_oss_error(response, 403, "AccessDenied")


def test_oversized_file(editing_catalog: Catalog, clock: FakeClock, http: httpx.Client) -> None:
    content = noise_png((720, 720))
    config = EmulatorConfig(upload_max_file_size_mb=1)
    with Emulator(key=TEST_KEY, config=config, catalog=editing_catalog, clock=clock) as emulator:
        api = ApiClient(emulator, http)
        policy = get_policy(api)
        response = upload(api, policy, content)
        use = out_painting(api, f"oss://{policy['upload_dir']}/photo.png", OSS_HEADER)

    assert len(content) > MEBIBYTE
    assert policy["max_file_size_mb"] == 1
    message = assert_oss_error(response, 400, "EntityTooLarge")
    assert message == "Your proposed upload exceeds the maximum allowed size."
    assert_api_error(use, 400, "InvalidParameter", URL_NOT_VALID)


def test_key_outside_upload_dir(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)
    outside = {"key": "dashscope-instant/elsewhere/photo.png"}

    response = upload(editing_api, policy, sample_png("photo"), overrides=outside)

    message = assert_oss_error(response, 403, "AccessDenied")
    assert message.startswith("Invalid according to Policy: Policy Condition failed:")
    assert policy["upload_dir"] in message


@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        ({"Signature": "AAAA"}, 403, "SignatureDoesNotMatch"),
        ({"policy": base64.b64encode(b"{}").decode()}, 403, "SignatureDoesNotMatch"),
        ({"OSSAccessKeyId": "LTAI-other"}, 403, "InvalidAccessKeyId"),
        ({"x-oss-forbid-overwrite": "false"}, 403, "AccessDenied"),
        ({"x-oss-object-acl": None}, 403, "AccessDenied"),
        ({"Signature": None}, 400, "InvalidArgument"),
        ({"policy": None}, 400, "InvalidArgument"),
        ({"key": None}, 400, "InvalidArgument"),
    ],
)
def test_invalid_form_rejected(
    editing_api: ApiClient, overrides: dict[str, str | None], status: int, code: str
) -> None:
    policy = get_policy(editing_api)

    response = upload(editing_api, policy, sample_png("photo"), overrides=overrides)

    assert_oss_error(response, status, code)


def test_upload_fault_matches_model(editing_api: ApiClient) -> None:
    editing_api.emulator.faults.add(
        "upload", HttpError(503, "ServiceUnavailable", "Busy."), model="test-out-painting"
    )

    other = upload(editing_api, get_policy(editing_api, "test-imageedit"), sample_png("photo"))
    matched = upload(editing_api, get_policy(editing_api), sample_png("photo"))

    assert other.status_code == 200
    assert assert_oss_error(matched, 503, "ServiceUnavailable") == "Busy."


def test_huge_upload_rejected_unread(editing_api: ApiClient) -> None:
    port = editing_api.emulator.port
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(
            b"POST /oss HTTP/1.1\r\n"
            b"Host: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {200 * MEBIBYTE}\r\n\r\n".encode()
        )
        reply = b""
        while chunk := raw.recv(4096):
            reply += chunk

    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"Content-Type: application/xml" in head
    assert b"<Code>EntityTooLarge</Code>" in body


def test_missing_file_rejected(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)
    fields = {
        "OSSAccessKeyId": policy["oss_access_key_id"],
        "Signature": policy["signature"],
        "policy": policy["policy"],
        "key": f"{policy['upload_dir']}/a.png",
    }

    response = editing_api.http.post(
        policy["upload_host"], data=fields, files={"other": ("a.png", b"x")}
    )

    message = assert_oss_error(response, 400, "InvalidArgument")
    assert "file" in message


def test_overwrite_rejected(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)

    first = upload(editing_api, policy, sample_png("photo"))
    second = upload(editing_api, policy, sample_png("style"))

    assert first.status_code == 200
    message = assert_oss_error(second, 409, "FileAlreadyExists")
    assert message == "The object you specified already exists and can not be overwritten."


def test_not_multipart_rejected(editing_api: ApiClient) -> None:
    response = editing_api.http.post(
        editing_api.emulator.upload_host, json={"file": "photo.png"}
    )

    assert_oss_error(response, 400, "MalformedPOSTRequest")
    [record] = [r for r in editing_api.emulator.requests if r.route == "upload"]
    assert record.form_fields == ()


def test_uploads_cannot_be_read(editing_api: ApiClient) -> None:
    policy = get_policy(editing_api)
    upload(editing_api, policy, sample_png("photo"))
    host = policy["upload_host"]

    read = editing_api.http.get(f"{host}/{policy['upload_dir']}/photo.png")
    listing = editing_api.http.get(host)

    assert_oss_error(read, 403, "AccessDenied")
    assert_oss_error(listing, 405, "MethodNotAllowed")


# The multipart parser


def test_multipart_keeps_bytes_exact() -> None:
    content = b"\x89PNG\r\n\x1a\n--edge\r\nnot a boundary\r\n\r\n\x00\xff"
    body = (
        b"preamble\r\n"
        b"--edge\r\n"
        b'Content-Disposition: form-data; name="key"\r\n\r\n'
        b"dir/a.png\r\n"
        b"--edge\r\n"
        b'Content-Disposition: form-data; name="file"; filename="a.png"\r\n'
        b"Content-Type: image/png\r\n\r\n" + content + b"\r\n"
        b"--edge--\r\n"
    )

    key, file = parse_multipart("multipart/form-data; boundary=edge", body)

    assert (key.name, key.data, key.filename) == ("key", b"dir/a.png", None)
    assert (file.name, file.filename, file.content_type) == ("file", "a.png", "image/png")
    assert file.data == content


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b"{}"),
        ("multipart/form-data", b"--x\r\n\r\n--x--"),
        ("multipart/form-data; boundary=x", b"no boundary here"),
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="a"'),
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--"),
    ],
)
def test_multipart_rejects_malformed(content_type: str, body: bytes) -> None:
    with pytest.raises(ValueError):
        parse_multipart(content_type, body)

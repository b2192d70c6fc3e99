"""Request checks of the emulator: key, endpoint, async header and body validation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from gui.sandbox import Emulator, EmulatorConfig

from .support import MULTIMODAL, NO_KEY, TEST_KEY, TEXT2IMAGE, ApiClient, FakeClock

pytestmark = pytest.mark.timeout(30)


def legacy_body(model: str = "wanx2.1-t2i-turbo", **parameters: Any) -> dict[str, Any]:
    return {"model": model, "input": {"prompt": "a red fox in snow"}, "parameters": parameters}


def messages_body(text: str = "a red fox in snow", **parameters: Any) -> dict[str, Any]:
    messages = [{"role": "user", "content": [{"text": text}]}]
    return {"model": "wan2.6-t2i", "input": {"messages": messages}, "parameters": parameters}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    document: dict[str, Any] = response.json()
    assert document["code"] == code
    assert set(document) == {"request_id", "code", "message"}
    assert response.headers["X-Request-ID"] == document["request_id"]
    return document


def test_missing_key_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(), key=NO_KEY)

    document = assert_error(response, 401, "InvalidApiKey")
    assert document["message"] == "No API-key provided."


def test_wrong_key_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(), key="sk-wrong")

    document = assert_error(response, 401, "InvalidApiKey")
    assert document["message"] == "Invalid API-key provided."


def test_key_checked_on_task_endpoints(api: ApiClient) -> None:
    url = f"{api.emulator.base_url}/tasks/some-task"

    response = api.http.get(url, headers={"Authorization": "Bearer sk-wrong"})

    assert_error(response, 401, "InvalidApiKey")


def test_success_carries_request_id_header(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body())

    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == response.json()["request_id"]


def test_async_path_without_header_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(), async_call=False)

    document = assert_error(response, 403, "AccessDenied")
    assert document["message"] == "current user api does not support synchronous calls."


def test_sync_path_with_header_rejected(api: ApiClient) -> None:
    response = api.post(MULTIMODAL, messages_body(), async_call=True)

    document = assert_error(response, 403, "AccessDenied")
    assert document["message"] == "Current user api does not support asynchronous calls."


def test_model_on_wrong_path_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, messages_body(), async_call=True)

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == "url error, please check url!"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            legacy_body(size="1024x1024"),
            "the parameters must conform to the specification: parameters.size.",
        ),
        (
            legacy_body(size="2000*2000"),
            "the parameters must conform to the specification: parameters.size.",
        ),
        (legacy_body(n=0), "The type or value of parameters.n is out of definition."),
        (legacy_body(n="2"), "The type or value of parameters.n is out of definition."),
        (legacy_body(model="wanx-v1", style="<bad>"), "The style is invalid."),
        (
            {"model": "wanx2.1-t2i-turbo", "input": {"negative_prompt": "blur"}},
            "Field required: input.prompt",
        ),
        (
            {"model": "wanx-v1", "input": {"prompt": "fox"}, "parameters": []},
            "The type or value of parameters is out of definition.",
        ),
    ],
    ids=["size-with-x", "size-too-large", "n-zero", "n-text", "style", "no-prompt", "parameters"],
)
def test_invalid_legacy_body_names_field(
    api: ApiClient, body: dict[str, Any], message: str
) -> None:
    response = api.post(TEXT2IMAGE, body)

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            [],
            "Required parameter(input.messages) missing or invalid, "
            "please check the request parameters.",
        ),
        (
            [{"text": "one"}, {"text": "two"}],
            "Required parameter(input.messages) missing or invalid, "
            "please check the request parameters.",
        ),
    ],
    ids=["no-text", "two-texts"],
)
def test_invalid_messages_name_field(api: ApiClient, content: list[Any], message: str) -> None:
    body = messages_body()
    body["input"]["messages"][0]["content"] = content

    response = api.post(MULTIMODAL, body, async_call=False)

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == message


def test_invalid_messages_size_names_field(api: ApiClient) -> None:
    response = api.post(MULTIMODAL, messages_body(size="1024*1024"), async_call=False)

    document = assert_error(response, 400, "InvalidParameter")
    assert "parameters.size" in document["message"]


def test_non_json_body_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, content=b'{"model": "wanx-v1", ')

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == "Required body invalid, please check the request body format."


def test_json_array_body_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, content=b"[1, 2]")

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == "Required body invalid, please check the request body format."


def test_missing_model_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, {"input": {"prompt": "fox"}})

    document = assert_error(response, 400, "BadRequest.EmptyModel")
    assert document["message"] == 'Required parameter "model" missing from request.'


def test_unknown_model_not_found(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(model="wanx-v99"))

    document = assert_error(response, 404, "ModelNotFound")
    assert document["message"] == "The model wanx-v99 does not exist."


def test_missing_input_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, {"model": "wanx-v1"})

    document = assert_error(response, 400, "BadRequest.EmptyInput")
    assert document["message"] == "Required input parameter missing from request."


def test_input_not_object_rejected(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, {"model": "wanx-v1", "input": "fox"})

    document = assert_error(response, 400, "BadRequest.IllegalInput")
    assert document["message"] == "The input parameter requires json format."


def test_alias_accepted(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(model="wan2.1-t2i-turbo"))

    assert response.status_code == 200, response.text
    assert response.json()["output"]["task_status"] == "PENDING"


def test_unknown_parameters_tolerated(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE, legacy_body(is_async=True, future_option={"a": 1}))

    assert response.status_code == 200, response.text


def test_long_prompt_truncated(clocked_api: ApiClient, clock: FakeClock) -> None:
    prompt = "a fox " * 100  # 600 characters; the model allows 500

    task_id = clocked_api.submit("wanx2.1-t2i-turbo", prompt, {"n": 1})
    clock.advance(60)
    document = clocked_api.task(task_id)

    assert document["output"]["task_status"] == "SUCCEEDED"
    assert document["output"]["results"][0]["orig_prompt"] == prompt[:500]


def test_long_prompt_rejected_when_strict(http: httpx.Client) -> None:
    config = EmulatorConfig(strict_prompt_length=True)
    with Emulator(key=TEST_KEY, config=config) as emulator:
        api = ApiClient(emulator, http)
        body = legacy_body()
        body["input"]["prompt"] = "a fox " * 100

        response = api.post(TEXT2IMAGE, body)

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == "the parameters must conform to the specification: input.prompt."


def test_long_message_text_rejected_when_strict(http: httpx.Client) -> None:
    config = EmulatorConfig(strict_prompt_length=True, sync_seconds=0.0)
    with Emulator(key=TEST_KEY, config=config) as emulator:
        api = ApiClient(emulator, http)

        response = api.post(MULTIMODAL, messages_body("x" * 2101), async_call=False)

    document = assert_error(response, 400, "InvalidParameter")
    assert "input.messages.content.text" in document["message"]


def test_unknown_api_path_not_found(api: ApiClient) -> None:
    response = api.post("services/aigc/no-such-task/generation", legacy_body())

    document = assert_error(response, 404, "NotFound")
    assert document["message"] == "Not found!"


def test_path_outside_api_not_found(api: ApiClient) -> None:
    response = api.http.get(f"{api.emulator.origin}/favicon.ico")

    assert response.status_code == 404


def test_get_on_model_path_rejected(api: ApiClient) -> None:
    response = api.get(TEXT2IMAGE)

    document = assert_error(response, 400, "InvalidParameter")
    assert document["message"] == "Request method 'GET' is not supported."


def test_trailing_slash_on_path_accepted(api: ApiClient) -> None:
    response = api.post(TEXT2IMAGE + "/", legacy_body())

    assert response.status_code == 200, response.text


def test_requests_recorded(api: ApiClient) -> None:
    body = legacy_body(n=1)
    api.post(TEXT2IMAGE, body)
    api.get("tasks", {"page_size": 5})

    recorded = api.emulator.requests

    assert [request.method for request in recorded] == ["POST", "GET"]
    assert recorded[0].path == f"/api/v1/{TEXT2IMAGE}"
    assert recorded[0].json() == body
    assert recorded[0].header("x-dashscope-async") == "enable"
    assert recorded[0].header("authorization") == f"Bearer {TEST_KEY}"
    assert recorded[1].query == "page_size=5"
    assert recorded[1].params == {"page_size": "5"}
    assert recorded[1].body == b""
    assert recorded[0].time <= recorded[1].time

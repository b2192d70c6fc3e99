"""Fault rules: each action on real sockets, rule matching and counting, the SPEC syntax."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from gui.sandbox import Emulator, EmulatorConfig
from gui.sandbox.faults import (
    Drop,
    DropAfterCreate,
    ExpireUrls,
    FaultTable,
    HttpError,
    MalformedJson,
    NonJson,
    PartialFailure,
    Stall,
    TaskFailed,
    TruncatedDownload,
    UnknownStatus,
)

from .support import (
    FAST_CONFIG,
    MULTIMODAL,
    REPOSITORY,
    TEST_KEY,
    TEXT2IMAGE,
    ApiClient,
    FakeClock,
    standalone,
)

pytestmark = pytest.mark.timeout(30)

RATE_QUOTA_MESSAGE = "Requests rate limit exceeded, please try again later."


def legacy_body(model: str = "wanx-v1", n: int = 1, prompt: str = "a lantern") -> dict[str, Any]:
    return {"model": model, "input": {"prompt": prompt}, "parameters": {"n": n}}


def messages_body(n: int = 1) -> dict[str, Any]:
    messages = [{"role": "user", "content": [{"text": "a tea house"}]}]
    return {"model": "wan2.6-t2i", "input": {"messages": messages}, "parameters": {"n": n}}


def submit(api: ApiClient, model: str = "wanx-v1", n: int = 1) -> str:
    response = api.post(TEXT2IMAGE, legacy_body(model, n))
    assert response.status_code == 200, response.text
    task_id: str = response.json()["output"]["task_id"]
    return task_id


def finished_output(api: ApiClient, clock: FakeClock, task_id: str) -> dict[str, Any]:
    clock.advance(60)
    output: dict[str, Any] = api.task(task_id)["output"]
    return output


def assert_api_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    document: dict[str, Any] = response.json()
    assert set(document) == {"request_id", "code", "message"}
    assert document["code"] == code
    assert response.headers["X-Request-ID"] == document["request_id"]
    return document


def assert_oss_error(response: httpx.Response, status: int, code: str, message: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/xml"
    assert f"<Code>{code}</Code>" in response.text
    assert f"<Message>{message}</Message>" in response.text


def requests_on(emulator: Emulator, route: str) -> list[Any]:
    return [request for request in emulator.requests if request.route == route]


# http_error


def test_http_error_replaces_submit(clocked_api: ApiClient) -> None:
    emulator = clocked_api.emulator
    rule = emulator.faults.add("submit", HttpError.documented(status=429))

    rejected = clocked_api.post(TEXT2IMAGE, legacy_body())
    accepted = clocked_api.post(TEXT2IMAGE, legacy_body())

    document = assert_api_error(rejected, 429, "Throttling.RateQuota")
    assert document["message"] == RATE_QUOTA_MESSAGE
    assert accepted.status_code == 200, accepted.text
    assert len(emulator.tasks) == 1
    first, second = requests_on(emulator, "submit")
    assert first.faults == (rule.spec,)
    assert first.fault == rule.spec
    assert first.status == 429
    assert second.fault is None
    assert second.status == 200
    [fired] = emulator.faults.fired
    assert fired.rule_id == rule.id
    assert fired.route == "submit"
    assert fired.model == "wanx-v1"
    assert fired.request_id == document["request_id"]


def test_http_error_code_alone_uses_documented(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add_spec("submit http_error code=Arrearage")

    response = clocked_api.post(TEXT2IMAGE, legacy_body())

    document = assert_api_error(response, 400, "Arrearage")
    assert document["message"] == (
        "Access denied, please make sure your account is in good standing."
    )


@pytest.mark.parametrize("route", ["sync", "query", "cancel", "list", "policy"])
def test_http_error_on_api_routes(clocked_api: ApiClient, route: str) -> None:
    task_id = submit(clocked_api)
    clocked_api.emulator.faults.add(route, HttpError(503, "ModelUnavailable", "Down for a test."))
    requests = {
        "sync": lambda: clocked_api.post(MULTIMODAL, messages_body(), async_call=False),
        "query": lambda: clocked_api.get(f"tasks/{task_id}"),
        "cancel": lambda: clocked_api.post(f"tasks/{task_id}/cancel", async_call=False),
        "list": lambda: clocked_api.get("tasks"),
        "policy": lambda: clocked_api.get("uploads", {"action": "getPolicy", "model": "wanx-v1"}),
    }

    response = requests[route]()

    document = assert_api_error(response, 503, "ModelUnavailable")
    assert document["message"] == "Down for a test."
    assert requests_on(clocked_api.emulator, route)[-1].status == 503


def test_http_error_on_object_store_routes(clocked_api: ApiClient) -> None:
    emulator = clocked_api.emulator
    emulator.faults.add("download", HttpError(503, "ServiceUnavailable", "Please slow down."))
    emulator.faults.add("upload", HttpError(500, "InternalError", "We hit an error."))

    download = clocked_api.http.get(emulator.sample_url("photo"))
    upload = clocked_api.http.post(emulator.upload_host, files={"file": ("a.png", b"x")})

    assert_oss_error(download, 503, "ServiceUnavailable", "Please slow down.")
    assert_oss_error(upload, 500, "InternalError", "We hit an error.")


# Matching and counting


def test_model_filter_matches_alias(clocked_api: ApiClient) -> None:
    faults = clocked_api.emulator.faults
    faults.add("submit", HttpError.documented(status=500), model="wanx2.1-t2i-turbo", times=0)

    other_model = clocked_api.post(TEXT2IMAGE, legacy_body("wanx-v1"))
    by_id = clocked_api.post(TEXT2IMAGE, legacy_body("wanx2.1-t2i-turbo"))
    by_alias = clocked_api.post(TEXT2IMAGE, legacy_body("wan2.1-t2i-turbo"))

    assert other_model.status_code == 200
    assert by_id.status_code == 500
    assert by_alias.status_code == 500


def test_task_filter_on_download(clocked_api: ApiClient, clock: FakeClock) -> None:
    first = submit(clocked_api)
    second = submit(clocked_api)
    clocked_api.emulator.faults.add(
        "download", HttpError(404, "NoSuchKey", "Gone."), task=first, times=0
    )
    first_url = finished_output(clocked_api, clock, first)["results"][0]["url"]
    second_url = clocked_api.task(second)["output"]["results"][0]["url"]

    assert_oss_error(clocked_api.http.get(first_url), 404, "NoSuchKey", "Gone.")
    assert clocked_api.http.get(second_url).status_code == 200


def test_times_limits_firings(clocked_api: ApiClient) -> None:
    faults = clocked_api.emulator.faults
    faults.add("list", NonJson(), times=2)

    statuses = [clocked_api.get("tasks").status_code for _ in range(4)]

    assert statuses == [502, 502, 200, 200]
    [rule] = faults.rules
    assert rule.fired == 2
    assert rule.exhausted


def test_times_zero_fires_every_time(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add("list", NonJson(), times=0)

    statuses = [clocked_api.get("tasks").status_code for _ in range(5)]

    assert statuses == [502] * 5


def test_probability_follows_seed(http: httpx.Client) -> None:
    patterns = []
    for _ in range(2):
        with Emulator(key=TEST_KEY, config=EmulatorConfig(fault_seed=42)) as emulator:
            emulator.faults.add("list", NonJson(), probability=0.5)
            api = ApiClient(emulator, http)
            patterns.append([api.get("tasks").status_code for _ in range(30)])

    assert patterns[0] == patterns[1]
    assert set(patterns[0]) == {200, 502}


def test_reseed_repeats_pattern(clocked_api: ApiClient) -> None:
    faults = clocked_api.emulator.faults
    faults.add("list", NonJson(), probability=0.3)

    faults.reseed(7)
    first = [clocked_api.get("tasks").status_code for _ in range(20)]
    faults.reseed(7)
    second = [clocked_api.get("tasks").status_code for _ in range(20)]

    assert first == second


def test_task_filter_on_query(clocked_api: ApiClient) -> None:
    first = submit(clocked_api)
    second = submit(clocked_api)
    clocked_api.emulator.faults.add("query", UnknownStatus(), task=first, times=0)

    assert clocked_api.task(second)["output"]["task_status"] == "PENDING"
    assert clocked_api.task(first)["output"]["task_status"] == "UNKNOWN"


def test_rules_tried_in_order(clocked_api: ApiClient) -> None:
    faults = clocked_api.emulator.faults
    faults.add("list", HttpError.documented(status=500))
    faults.add("list", HttpError.documented(status=503))

    statuses = [clocked_api.get("tasks").status_code for _ in range(3)]

    assert statuses == [500, 503, 200]


def test_remove_and_clear(clocked_api: ApiClient) -> None:
    faults = clocked_api.emulator.faults
    first = faults.add("list", NonJson(), times=0)
    faults.add("list", HttpError.documented(status=500), times=0)

    faults.remove(first.id)
    after_remove = clocked_api.get("tasks").status_code
    faults.clear()
    after_clear = clocked_api.get("tasks").status_code

    assert after_remove == 500
    assert after_clear == 200
    with pytest.raises(KeyError):
        faults.remove(first.id)


# Task outcomes


def test_task_failed_reported_when_finished(clocked_api: ApiClient, clock: FakeClock) -> None:
    earlier = submit(clocked_api)
    rule = clocked_api.emulator.faults.add_spec(
        "submit task_failed code=DataInspectionFailed "
        "'message=Output data may contain inappropriate content.'"
    )
    failing = submit(clocked_api, n=3)

    submitted = clocked_api.task(failing)["output"]
    clock.advance(10)
    running = clocked_api.task(failing)["output"]
    clock.advance(20)
    document = clocked_api.task(failing)
    output = document["output"]

    assert submitted["task_status"] == "PENDING"
    assert running["task_status"] == "RUNNING"
    assert output["task_status"] == "FAILED"
    assert output["code"] == "DataInspectionFailed"
    assert output["message"] == "Output data may contain inappropriate content."
    assert output["task_metrics"] == {"TOTAL": 3, "SUCCEEDED": 0, "FAILED": 3}
    assert "results" not in output
    assert "usage" not in document
    assert clocked_api.task(earlier)["output"]["task_status"] == "SUCCEEDED"
    records = {record.id: record for record in clocked_api.emulator.tasks}
    assert records[failing].fault == rule.spec
    assert records[earlier].fault is None


def test_partial_failure_by_indices(clocked_api: ApiClient, clock: FakeClock) -> None:
    clocked_api.emulator.faults.add("submit", PartialFailure(indices=(1, 3, 9)))
    task_id = submit(clocked_api, n=4)

    clock.advance(60)
    document = clocked_api.task(task_id)
    output = document["output"]

    assert output["task_status"] == "SUCCEEDED"
    results = output["results"]
    assert [("url" in result) for result in results] == [True, False, True, False]
    for index in (1, 3):
        assert results[index] == {
            "code": "InternalError.Timeout",
            "message": "An internal timeout error has occured during execution, "
            "please try again later or contact service support.",
        }
    assert output["task_metrics"] == {"TOTAL": 4, "SUCCEEDED": 2, "FAILED": 2}
    assert document["usage"] == {"image_count": 2}


def test_partial_failure_by_count(clocked_api: ApiClient, clock: FakeClock) -> None:
    clocked_api.emulator.faults.add_spec(
        "submit partial_failure count=1 code=DataInspectionFailed"
    )
    task_id = submit(clocked_api, n=3)

    output = finished_output(clocked_api, clock, task_id)

    assert [result.get("code") for result in output["results"]] == [
        None,
        None,
        "DataInspectionFailed",
    ]
    assert output["results"][2]["message"] == (
        "Input or output data may contain inappropriate content."
    )


def test_partial_failure_of_all_slots_fails(clocked_api: ApiClient, clock: FakeClock) -> None:
    clocked_api.emulator.faults.add("submit", PartialFailure(count=5))
    task_id = submit(clocked_api, n=2)

    output = finished_output(clocked_api, clock, task_id)

    assert output["task_status"] == "FAILED"
    assert output["code"] == "InternalError.Timeout"
    assert output["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 0, "FAILED": 2}


def test_partial_failure_sync(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add("sync", PartialFailure(count=1))

    response = clocked_api.post(MULTIMODAL, messages_body(n=3), async_call=False)

    assert response.status_code == 200, response.text
    document = response.json()
    assert len(document["output"]["choices"][0]["message"]["content"]) == 2
    assert document["usage"]["image_count"] == 2


def test_partial_failure_of_all_sync_slots(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add("sync", PartialFailure(count=2))

    response = clocked_api.post(MULTIMODAL, messages_body(n=2), async_call=False)

    document = assert_api_error(response, 500, "InternalError.Timeout")
    assert document["message"].startswith("An internal timeout error has occured")


# Connections


def test_drop_closes_without_reply(clocked_api: ApiClient) -> None:
    emulator = clocked_api.emulator
    rule = emulator.faults.add("submit", Drop())

    with pytest.raises(httpx.RemoteProtocolError):
        clocked_api.post(TEXT2IMAGE, legacy_body())

    assert emulator.tasks == []
    [record] = requests_on(emulator, "submit")
    assert record.status is None
    assert record.faults == (rule.spec,)
    assert clocked_api.get("tasks").status_code == 200


def test_drop_after_create_leaves_task(clocked_api: ApiClient) -> None:
    emulator = clocked_api.emulator
    emulator.faults.add("submit", DropAfterCreate())

    with pytest.raises(httpx.RemoteProtocolError):
        clocked_api.post(TEXT2IMAGE, legacy_body())

    [record] = emulator.tasks
    assert record.status == "PENDING"
    listed = clocked_api.get("tasks").json()["data"]
    assert [item["task_id"] for item in listed] == [record.id]
    assert clocked_api.task(record.id)["output"]["task_status"] == "PENDING"


def test_drop_after_create_needs_valid_call(clocked_api: ApiClient) -> None:
    emulator = clocked_api.emulator
    rule = emulator.faults.add("submit", DropAfterCreate())

    invalid = clocked_api.post(TEXT2IMAGE, {"model": "wanx-v1", "input": {}})

    assert invalid.status_code == 400
    assert emulator.faults.rules == [rule]
    with pytest.raises(httpx.RemoteProtocolError):
        clocked_api.post(TEXT2IMAGE, legacy_body())


def test_stall_outlasts_client_timeout(http: httpx.Client) -> None:
    emulator = Emulator(key=TEST_KEY, config=FAST_CONFIG).start()
    try:
        emulator.faults.add("list", Stall(30.0))
        headers = {"Authorization": f"Bearer {emulator.key}"}
        with pytest.raises(httpx.ReadTimeout):
            http.get(f"{emulator.base_url}/tasks", headers=headers, timeout=0.3)
        assert [request.route for request in emulator.requests] == ["list"]
    finally:
        started = time.monotonic()
        emulator.stop()
        elapsed = time.monotonic() - started

    # The no_leaked_threads fixture checks that the stalled connection's thread ended.
    assert elapsed < 2.0


def test_short_stall_then_handled(api: ApiClient) -> None:
    api.emulator.faults.add("list", Stall(0.2))

    started = time.monotonic()
    response = api.get("tasks")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed >= 0.2


# Bodies


def test_malformed_json_body(clocked_api: ApiClient) -> None:
    task_id = submit(clocked_api)
    clocked_api.emulator.faults.add("query", MalformedJson())

    response = clocked_api.get(f"tasks/{task_id}")

    assert response.status_code == 200
    assert response.content.startswith(b'{"request_id": "')
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert clocked_api.task(task_id)["output"]["task_id"] == task_id


def test_non_json_error_page(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add_spec("submit non_json status=504")

    response = clocked_api.post(TEXT2IMAGE, legacy_body())

    assert response.status_code == 504
    assert response.headers["Content-Type"].startswith("text/html")
    assert "504 Gateway Timeout" in response.text
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert clocked_api.emulator.tasks == []


def test_truncated_download(clocked_api: ApiClient, clock: FakeClock) -> None:
    emulator = clocked_api.emulator
    output = finished_output(clocked_api, clock, submit(clocked_api))
    url = output["results"][0]["url"]
    emulator.faults.add("download", TruncatedDownload(), times=2)
    parts = urlsplit(url)

    connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
    connection.request("GET", f"{parts.path}?{parts.query}")
    response = connection.getresponse()
    declared = int(response.headers["Content-Length"])
    with pytest.raises(http.client.IncompleteRead) as raised:
        response.read()
    connection.close()
    with pytest.raises(httpx.RemoteProtocolError):
        clocked_api.http.get(url)
    complete = clocked_api.http.get(url)

    assert response.status == 200
    assert len(raised.value.partial) == declared // 2
    assert complete.status_code == 200
    assert len(complete.content) == declared


def test_expire_urls_at_submit(clocked_api: ApiClient, clock: FakeClock) -> None:
    clocked_api.emulator.faults.add("submit", ExpireUrls())
    task_id = submit(clocked_api)

    output = finished_output(clocked_api, clock, task_id)
    url = output["results"][0]["url"]
    response = clocked_api.http.get(url)

    expires = int(parse_qs(urlsplit(url).query)["Expires"][0])
    assert expires < clock.now
    assert_oss_error(response, 403, "AccessDenied", "Request has expired.")


def test_expire_urls_waits_for_results(clocked_api: ApiClient, clock: FakeClock) -> None:
    faults = clocked_api.emulator.faults
    task_id = submit(clocked_api)
    faults.add("query", ExpireUrls(), task=task_id)

    pending = clocked_api.task(task_id)["output"]
    fired_while_pending = faults.rules[0].fired
    succeeded = finished_output(clocked_api, clock, task_id)
    again = clocked_api.task(task_id)["output"]

    assert pending["task_status"] == "PENDING"
    assert fired_while_pending == 0
    assert faults.rules[0].fired == 1
    for output in (succeeded, again):
        response = clocked_api.http.get(output["results"][0]["url"])
        assert_oss_error(response, 403, "AccessDenied", "Request has expired.")


def test_expire_urls_sync(clocked_api: ApiClient) -> None:
    clocked_api.emulator.faults.add("sync", ExpireUrls())

    response = clocked_api.post(MULTIMODAL, messages_body(), async_call=False)

    [item] = response.json()["output"]["choices"][0]["message"]["content"]
    download = clocked_api.http.get(item["image"])
    assert_oss_error(download, 403, "AccessDenied", "Request has expired.")


def test_unknown_status_keeps_task(clocked_api: ApiClient) -> None:
    task_id = submit(clocked_api)
    clocked_api.emulator.faults.add("query", UnknownStatus())

    faulted = clocked_api.task(task_id)
    real = clocked_api.task(task_id)

    assert faulted["output"] == {"task_id": task_id, "task_status": "UNKNOWN"}
    assert real["output"]["task_status"] == "PENDING"
    assert [record.id for record in clocked_api.emulator.tasks] == [task_id]


# SPEC syntax


@pytest.mark.parametrize(
    "spec",
    [
        "submit http_error status=429 model=wanx-v1 times=2",
        "policy http_error code=InvalidApiKey",
        "submit task_failed code=InternalError.Algo 'message=inference internal error.'",
        "submit partial_failure indices=0,2",
        "sync partial_failure count=1",
        "query unknown task=0f1e2d3c",
        "download truncated_download times=0",
        "any drop probability=0.05",
        "any stall seconds=2.5",
        "cancel non_json status=503",
        "list malformed_json",
        "submit drop_after_create",
        "query expire_urls",
    ],
)
def test_spec_round_trip(spec: str) -> None:
    table = FaultTable()

    rule = table.add_spec(spec)
    again = table.add_spec(rule.spec)

    assert (again.route, again.action, again.model, again.task) == (
        rule.route,
        rule.action,
        rule.model,
        rule.task,
    )
    assert (again.times, again.probability) == (rule.times, rule.probability)


def test_spec_defaults() -> None:
    table = FaultTable()

    error = table.add_spec("submit http_error status=401")
    random_drop = table.add_spec("any drop probability=0.5")
    failure = table.add_spec("submit task_failed code=InternalError")

    assert error.action == HttpError(401, "InvalidApiKey", "Invalid API-key provided.")
    assert error.times == 1
    assert random_drop.times == 0
    assert failure.action == TaskFailed(
        "InternalError",
        "An internal error has occured, please try again later or contact service support.",
    )


def test_task_failed_with_any_code_and_message() -> None:
    table = FaultTable()
    rule = table.add_spec(
        "submit task_failed code=BadRequest.InputDownloadFailed "
        "'message=Download the media resource timed out.'"
    )
    assert rule.action == TaskFailed(
        "BadRequest.InputDownloadFailed", "Download the media resource timed out."
    )
    with pytest.raises(ValueError, match="give message= too"):
        table.add_spec("submit task_failed code=BadRequest.InputDownloadFailed")


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("", "needs a route and an action"),
        ("submit", "needs a route and an action"),
        ("submit explode", "unknown fault action 'explode'"),
        ("nowhere drop", "unknown fault route 'nowhere'"),
        ("query task_failed code=InternalError", "works only on submit, not on query"),
        ("any unknown", "works only on query, not on any"),
        ("submit http_error", "give an error code, an HTTP status or both"),
        ("submit http_error status=418", "no default error code for HTTP status 418"),
        ("submit http_error status=302 code=Moved message=elsewhere", "not an error status"),
        ("submit http_error code=Mystery", "not in the documented table"),
        ("submit stall", "needs seconds="),
        ("submit stall seconds=7200", "at most 3600"),
        ("submit partial_failure", "either count= or indices="),
        ("submit drop times=-1", "use 0 (no limit) or more"),
        ("submit drop times=two", "not a whole number"),
        ("submit drop probability=1.5", "at most 1"),
        ("submit drop color=red", "takes no option color"),
        ("submit drop task=abc", "a task filter applies to query, cancel and download"),
        ("list drop model=wanx-v1", "does not apply to list"),
        ("submit drop times", "is not NAME=VALUE"),
        ("submit drop times=1 times=2", "given twice"),
        ("submit drop 'unclosed", "cannot be split into words"),
    ],
)
def test_invalid_spec_rejected(spec: str, words: str) -> None:
    with pytest.raises(ValueError) as raised:
        FaultTable().add_spec(spec)

    assert words in str(raised.value)


def test_action_checks_values() -> None:
    with pytest.raises(ValueError):
        HttpError(200, "OK", "fine")
    with pytest.raises(ValueError):
        Stall(0)
    with pytest.raises(ValueError):
        PartialFailure(count=1, indices=(0,))
    with pytest.raises(ValueError):
        NonJson(302)
    with pytest.raises(ValueError):
        HttpError(499, "ClientClosed", "not a standard status")


# Command line


def test_standalone_fault_option(http: httpx.Client) -> None:
    with standalone("--fault", "list http_error status=503 times=1") as (base_url, key):
        headers = {"Authorization": f"Bearer {key}"}
        first = http.get(f"{base_url}/tasks", headers=headers)
        second = http.get(f"{base_url}/tasks", headers=headers)

    assert_api_error(first, 503, "ModelServingError")
    assert second.status_code == 200


def test_standalone_rejects_bad_spec() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gui.sandbox", "--fault", "submit explode"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 2
    assert "unknown fault action 'explode'" in result.stderr

"""Task lifecycle, result shapes, sync calls, cancel and list on the emulator."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from gui.sandbox import Emulator, EmulatorConfig

from .support import MULTIMODAL, TEST_KEY, ApiClient, FakeClock

pytestmark = pytest.mark.timeout(30)

SERVICE_TIME = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def parse_time(text: str) -> float:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=SERVICE_TIME).timestamp()


def list_time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, SERVICE_TIME).strftime("%Y%m%d%H%M%S")


def test_lifecycle_seen_by_polling(api: ApiClient) -> None:
    task_id = api.submit("wanx2.1-t2i-turbo", parameters={"n": 1})

    seen = []
    for status in ("PENDING", "RUNNING", "SUCCEEDED"):
        document = api.wait_for_status(task_id, status)
        seen.append(document["output"]["task_status"])

    assert seen == ["PENDING", "RUNNING", "SUCCEEDED"]


def test_lifecycle_follows_clock(clocked_api: ApiClient, clock: FakeClock) -> None:
    submitted = clock.now
    task_id = clocked_api.submit("wanx2.1-t2i-turbo", parameters={"n": 2})

    pending = clocked_api.task(task_id)["output"]
    clock.advance(10.0)
    running = clocked_api.task(task_id)["output"]
    clock.advance(19.9)
    still_running = clocked_api.task(task_id)["output"]
    clock.advance(0.1)
    succeeded = clocked_api.task(task_id)["output"]

    assert pending["task_status"] == "PENDING"
    assert parse_time(pending["submit_time"]) == pytest.approx(submitted, abs=0.001)
    assert "scheduled_time" not in pending
    assert "task_metrics" not in pending
    assert running["task_status"] == "RUNNING"
    assert parse_time(running["scheduled_time"]) == pytest.approx(submitted + 10, abs=0.001)
    assert running["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 0, "FAILED": 0}
    assert "end_time" not in running
    assert "results" not in running
    assert still_running["task_status"] == "RUNNING"
    assert succeeded["task_status"] == "SUCCEEDED"
    assert parse_time(succeeded["end_time"]) == pytest.approx(submitted + 30, abs=0.001)
    assert succeeded["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 2, "FAILED": 0}


def test_legacy_result_shape(clocked_api: ApiClient, clock: FakeClock) -> None:
    prompt = "a red fox in snow"
    task_id = clocked_api.submit("wanx2.1-t2i-turbo", prompt, {"n": 2})
    clock.advance(30)

    document = clocked_api.task(task_id)

    results = document["output"]["results"]
    assert len(results) == 2
    for result in results:
        assert result["orig_prompt"] == prompt
        assert result["actual_prompt"].startswith(prompt)
        assert result["actual_prompt"] != prompt
        assert result["url"].startswith(f"{clocked_api.emulator.origin}/results/")
    assert results[0]["url"] != results[1]["url"]
    assert document["usage"] == {"image_count": 2}
    assert "choices" not in document["output"]


def test_actual_prompt_deterministic(clocked_api: ApiClient, clock: FakeClock) -> None:
    first = clocked_api.submit("wanx2.1-t2i-turbo", "a koi pond", {"n": 1})
    second = clocked_api.submit("wanx2.1-t2i-turbo", "a koi pond", {"n": 1})
    clock.advance(30)

    first_result = clocked_api.task(first)["output"]["results"][0]
    second_result = clocked_api.task(second)["output"]["results"][0]

    assert first_result["actual_prompt"] == second_result["actual_prompt"]


def test_no_actual_prompt_without_rewriting(clocked_api: ApiClient, clock: FakeClock) -> None:
    rewrite_off = clocked_api.submit("wanx2.1-t2i-turbo", parameters={"prompt_extend": False})
    no_rewrite_field = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(30)

    for task_id in (rewrite_off, no_rewrite_field):
        for result in clocked_api.task(task_id)["output"]["results"]:
            assert "actual_prompt" not in result


def test_default_image_count_from_catalog(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1")
    clock.advance(30)

    document = clocked_api.task(task_id)

    assert len(document["output"]["results"]) == 4
    assert document["usage"]["image_count"] == 4


def test_choices_shape_async(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wan2.6-t2i", parameters={"n": 3, "size": "1104*1472"})
    clock.advance(30)

    document = clocked_api.task(task_id)

    output = document["output"]
    assert output["task_status"] == "SUCCEEDED"
    assert output["finished"] is True
    assert "results" not in output
    [choice] = output["choices"]
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    assert [item["type"] for item in content] == ["image", "image", "image"]
    assert all(item["image"].startswith(clocked_api.emulator.origin) for item in content)
    assert document["usage"] == {
        "image_count": 3,
        "size": "1104*1472",
        "input_tokens": 0,
        "output_tokens": 0,
        "total_tokens": 0,
    }


def test_sync_call_returns_choices(api: ApiClient) -> None:
    body = {
        "model": "wan2.6-t2i",
        "input": {"messages": [{"role": "user", "content": [{"text": "a tea house"}]}]},
        "parameters": {"n": 2},
    }

    response = api.post(MULTIMODAL, body, async_call=False)

    assert response.status_code == 200, response.text
    document = response.json()
    assert "task_id" not in document["output"]
    assert "task_status" not in document["output"]
    assert document["output"]["finished"] is True
    assert len(document["output"]["choices"][0]["message"]["content"]) == 2
    assert document["usage"]["size"] == "1280*1280"
    assert document["usage"]["image_count"] == 2
    assert api.emulator.tasks == []


def test_unknown_task_reads_unknown(api: ApiClient) -> None:
    response = api.get("tasks/0f1e2d3c-no-such-task")

    assert response.status_code == 200
    assert response.json()["output"] == {
        "task_id": "0f1e2d3c-no-such-task",
        "task_status": "UNKNOWN",
    }


def test_task_unknown_after_a_day(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(86400 + 1)

    document = clocked_api.task(task_id)

    assert document["output"]["task_status"] == "UNKNOWN"
    assert clocked_api.emulator.tasks == []


def test_cancel_pending_task(clocked_api: ApiClient, clock: FakeClock) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})

    response = clocked_api.post(f"tasks/{task_id}/cancel", async_call=False)
    clock.advance(60)
    output = clocked_api.task(task_id)["output"]

    assert response.status_code == 200, response.text
    assert set(response.json()) == {"request_id"}
    assert output["task_status"] == "CANCELED"
    assert "results" not in output
    assert [record.status for record in clocked_api.emulator.tasks] == ["CANCELED"]


@pytest.mark.parametrize("elapsed", [10.0, 30.0], ids=["running", "succeeded"])
def test_cancel_started_task_rejected(
    clocked_api: ApiClient, clock: FakeClock, elapsed: float
) -> None:
    task_id = clocked_api.submit("wanx-v1", parameters={"n": 1})
    clock.advance(elapsed)

    response = clocked_api.post(f"tasks/{task_id}/cancel", async_call=False)

    assert response.status_code == 400
    document = response.json()
    assert document["code"] == "UnsupportedOperation"
    assert document["message"] == (
        "Failed to cancel the task, please confirm if the task is in PENDING status."
    )
    assert clocked_api.task(task_id)["output"]["task_status"] != "CANCELED"


def test_task_records_snapshot(clocked_api: ApiClient, clock: FakeClock) -> None:
    created = clock.now
    task_id = clocked_api.submit("wan2.1-t2i-turbo", "a kite", {"n": 1})
    clock.advance(30)

    [record] = clocked_api.emulator.tasks

    assert record.id == task_id
    assert record.model == "wan2.1-t2i-turbo"
    assert record.status == "SUCCEEDED"
    assert record.created == created
    assert record.finished == created + 30
    assert record.body["input"] == {"prompt": "a kite"}


def test_durations_function_sets_timing(http: httpx.Client) -> None:
    def durations(model_id: str, body: Mapping[str, Any]) -> tuple[float, float]:
        return (0.0, 0.0) if model_id == "wanx-v1" else (100.0, 100.0)

    clock = FakeClock()
    config = EmulatorConfig(durations=durations)
    with Emulator(key=TEST_KEY, config=config, clock=clock) as emulator:
        api = ApiClient(emulator, http)
        fast = api.submit("wanx-v1", parameters={"n": 1})
        slow = api.submit("wanx2.1-t2i-turbo", parameters={"n": 1})
        clock.advance(1.0)

        fast_status = api.task(fast)["output"]["task_status"]
        slow_status = api.task(slow)["output"]["task_status"]

    assert fast_status == "SUCCEEDED"
    assert slow_status == "PENDING"


class TestTaskList:
    """The task list endpoint with its filters and pages."""

    @pytest.fixture
    def tasks(self, clocked_api: ApiClient, clock: FakeClock) -> dict[str, str]:
        """Submit four tasks one hour apart: two wanx-v1, two wan2.6-t2i."""
        ids = {}
        for name, model in (
            ("first", "wanx-v1"),
            ("second", "wan2.6-t2i"),
            ("third", "wanx-v1"),
            ("fourth", "wan2.6-t2i"),
        ):
            ids[name] = clocked_api.submit(model, parameters={"n": 1})
            clock.advance(3600)
        return ids

    def test_lists_newest_first(self, clocked_api: ApiClient, tasks: dict[str, str]) -> None:
        response = clocked_api.get("tasks")

        assert response.status_code == 200
        document = response.json()
        assert "output" not in document
        assert document["total"] == 4
        assert document["total_page"] == 1
        assert document["page_no"] == 1
        assert document["page_size"] == 10
        ids = [item["task_id"] for item in document["data"]]
        assert ids == [tasks["fourth"], tasks["third"], tasks["second"], tasks["first"]]

    def test_item_fields(self, clocked_api: ApiClient, tasks: dict[str, str]) -> None:
        item = clocked_api.get("tasks", {"task_id": tasks["first"]}).json()["data"][0]

        assert item["task_id"] == tasks["first"]
        assert item["model_name"] == "wanx-v1"
        assert item["status"] == "SUCCEEDED"
        for name in ("request_id", "region", "api_key_id", "caller_uid", "gmt_create"):
            assert item[name]
        assert parse_time(item["end_time"]) > parse_time(item["start_time"])
        assert parse_time(item["start_time"]) > parse_time(item["gmt_create"])

    def test_filters_by_model(self, clocked_api: ApiClient, tasks: dict[str, str]) -> None:
        document = clocked_api.get("tasks", {"model_name": "wan2.6-t2i"}).json()

        assert document["total"] == 2
        assert {item["task_id"] for item in document["data"]} == {
            tasks["second"],
            tasks["fourth"],
        }

    def test_filters_by_status(self, clocked_api: ApiClient, tasks: dict[str, str]) -> None:
        newest = clocked_api.submit("wanx-v1", parameters={"n": 1})

        pending = clocked_api.get("tasks", {"status": "PENDING"}).json()
        succeeded = clocked_api.get("tasks", {"status": "SUCCEEDED"}).json()

        assert [item["task_id"] for item in pending["data"]] == [newest]
        assert pending["data"][0]["start_time"] is None
        assert pending["data"][0]["end_time"] is None
        assert succeeded["total"] == 4

    def test_filters_by_time(
        self, clocked_api: ApiClient, clock: FakeClock, tasks: dict[str, str]
    ) -> None:
        start = clock.now - 3 * 3600 - 60  # just before the second task
        end = clock.now - 2 * 3600 + 60  # just after the third task

        params = {"start_time": list_time(start), "end_time": list_time(end)}
        document = clocked_api.get("tasks", params).json()

        assert [item["task_id"] for item in document["data"]] == [tasks["third"], tasks["second"]]

    def test_pages(self, clocked_api: ApiClient, tasks: dict[str, str]) -> None:
        second_page = clocked_api.get("tasks", {"page_no": 2, "page_size": 3}).json()

        assert second_page["total"] == 4
        assert second_page["total_page"] == 2
        assert second_page["page_no"] == 2
        assert second_page["page_size"] == 3
        assert [item["task_id"] for item in second_page["data"]] == [tasks["first"]]

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("start_time", "2026-01-01"),
            ("end_time", "20260101"),
            ("page_no", "0"),
            ("page_size", "ten"),
            ("status", "DONE"),
        ],
    )
    def test_invalid_query_rejected(self, clocked_api: ApiClient, name: str, value: str) -> None:
        response = clocked_api.get("tasks", {name: value})

        assert response.status_code == 400
        assert response.json()["code"] == "InvalidParameter"
        assert name in response.json()["message"]

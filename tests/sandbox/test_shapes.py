"""Result shapes of the editing families, in task queries and sync replies.

The families come from tests/sandbox/families.py, loaded from a temporary folder.
"""

from __future__ import annotations

from typing import Any

import pytest

from gui.core.catalog import Catalog
from gui.sandbox.results import result_output, result_usage, task_response
from gui.sandbox.tasks import FAILED, Generation, ImageFailure, Task, TextLayout

from .support import ApiClient, FakeClock, download_image, output_urls

pytestmark = pytest.mark.timeout(30)


def edit_values(api: ApiClient, **extra: Any) -> dict[str, Any]:
    values = {"prompt": "make the roof blue", "base_image_url": "sample:photo", **extra}
    resolved: dict[str, Any] = api.emulator.resolve_samples(values)
    return resolved


def test_results_shape_for_edit(editing_api: ApiClient, clock: FakeClock) -> None:
    response = editing_api.call("test-imageedit", edit_values(editing_api, n=2))

    document = editing_api.finish(response, clock)

    output = document["output"]
    assert output["task_status"] == "SUCCEEDED"
    assert len(output["results"]) == 2
    for item in output["results"]:
        assert item["orig_prompt"] == "make the roof blue"
        assert "actual_prompt" not in item
        assert item["url"].startswith(editing_api.emulator.origin + "/results/")
    assert output["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 2, "FAILED": 0}
    assert document["usage"] == {"image_count": 2}


def test_n_server_default_used(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples({"base_image_url": "sample:product-rgba"})

    document = editing_api.finish(editing_api.call("test-background", values), clock)

    # The test background family's n defaults to 4 on the server.
    assert len(document["output"]["results"]) == 4


def test_output_image_url_shape(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples({"image_url": "sample:photo", "x_scale": 1.5})

    document = editing_api.finish(editing_api.call("test-out-painting", values), clock)

    output = document["output"]
    assert output["task_status"] == "SUCCEEDED"
    assert isinstance(output["output_image_url"], str)
    assert "results" not in output
    assert "choices" not in output
    assert output["task_metrics"] == {"TOTAL": 1, "SUCCEEDED": 1, "FAILED": 0}
    assert document["usage"] == {"image_count": 1}
    assert download_image(editing_api.http, output["output_image_url"]).size == (1024, 1024)


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_image_url_shape(editing_api: ApiClient, clock: FakeClock, mode: str) -> None:
    values = editing_api.emulator.resolve_samples(
        {"person_image_url": "sample:portrait", "top_garment_url": "sample:garment-top", "n": 3}
    )

    document = editing_api.finish(editing_api.call("test-tryon", values, mode), clock)

    output = document["output"]
    # A single-URL shape carries one image whatever n the request contains.
    assert isinstance(output["image_url"], str)
    assert "results" not in output
    assert document["usage"] == {"image_count": 1}
    assert download_image(editing_api.http, output["image_url"]).size == (768, 1024)


def test_background_with_title(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples(
        {
            "base_image_url": "sample:product-rgba",
            "ref_prompt": "a marble table by a window",
            "title": "夏日清凉",
            "sub_title": "限时特惠",
            "n": 2,
        }
    )

    document = editing_api.finish(editing_api.call("test-background", values), clock)

    output = document["output"]
    assert [set(item) for item in output["results"]] == [{"url"}, {"url"}]
    text_results = output["text_results"]
    assert len(text_results["urls"]) == 2
    assert [params["sample_idx"] for params in text_results["params"]] == [0, 1]
    layers = text_results["params"][0]["layers"]
    assert [layer["type"] for layer in layers] == ["text", "text", "text_mask"]
    assert layers[0]["text"] == "夏日清凉"
    assert layers[1]["text"] == "限时特惠"
    for item in text_results["urls"]:
        assert download_image(editing_api.http, item["url"]).size == (1024, 1024)
    assert document["usage"] == {"image_count": 2}


def test_background_without_title(editing_api: ApiClient, clock: FakeClock) -> None:
    values = editing_api.emulator.resolve_samples(
        {"base_image_url": "sample:product-rgba", "n": 1}
    )

    document = editing_api.finish(editing_api.call("test-background", values), clock)

    assert len(document["output"]["results"]) == 1
    assert "text_results" not in document["output"]


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_qwen_choices_usage(editing_api: ApiClient, clock: FakeClock, mode: str) -> None:
    values = editing_api.emulator.resolve_samples(
        {"prompt": "turn it into a watercolour", "images": ["sample:portrait"], "n": 2}
    )

    document = editing_api.finish(editing_api.call("qwen-image-edit-test", values, mode), clock)

    output = document["output"]
    assert output["finished"] is True
    content = output["choices"][0]["message"]["content"]
    assert len(content) == 2
    assert all(item["type"] == "image" for item in content)
    assert document["usage"] == {"image_count": 2, "width": 768, "height": 1024}


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_wan_choices_usage(editing_api: ApiClient, clock: FakeClock, mode: str) -> None:
    values = editing_api.emulator.resolve_samples(
        {"prompt": "turn it into a watercolour", "images": ["sample:portrait"]}
    )

    document = editing_api.finish(editing_api.call("wan-image-edit-test", values, mode), clock)

    assert document["usage"] == {
        "image_count": 1,
        "size": "768*1024",
        "input_tokens": 0,
        "output_tokens": 0,
        "total_tokens": 0,
    }


def sign(name: str) -> str:
    return f"https://results.test/{name}.png"


def test_partial_failure_results() -> None:
    failure = ImageFailure("InternalError.Timeout", "An internal timeout error has occured.")
    generation = Generation(
        "a kite", None, 512, 512, ("first", "second", "third"), failures={1: failure}
    )

    output = result_output("results", generation, sign)

    assert output["results"][0] == {"orig_prompt": "a kite", "url": sign("first")}
    assert output["results"][1] == {"code": failure.code, "message": failure.message}
    assert output["results"][2] == {"orig_prompt": "a kite", "url": sign("third")}
    assert result_usage("results", generation, "test-imageedit") == {"image_count": 2}


def test_partial_failure_choices() -> None:
    failure = ImageFailure("InternalError.Timeout", "timeout")
    generation = Generation("a kite", None, 512, 512, ("first", "second"), failures={0: failure})

    output = result_output("choices", generation, sign)

    assert output["choices"][0]["message"]["content"] == [
        {"type": "image", "image": sign("second")}
    ]


def test_partial_failure_background_text() -> None:
    layout = TextLayout("标题", None, ("text-first", "text-second"))
    failure = ImageFailure("InternalError.Algo", "inference error.")
    generation = Generation(
        "", None, 512, 512, ("first", "second"), failures={0: failure}, text_layout=layout
    )

    output = result_output("background", generation, sign)

    assert output["results"][0] == {"code": failure.code, "message": failure.message}
    assert output["results"][1] == {"url": sign("second")}
    assert output["text_results"]["urls"] == [{"url": sign("text-second")}]
    assert [p["sample_idx"] for p in output["text_results"]["params"]] == [1]
    layer_types = [layer["type"] for layer in output["text_results"]["params"][0]["layers"]]
    assert layer_types == ["text", "text_mask"]


def test_failed_task_reports_code(editing_catalog: Catalog) -> None:
    generation = Generation("a kite", None, 512, 512, ("first", "second"))
    task = Task(
        id="task-1",
        request_id="request-1",
        model=editing_catalog["test-imageedit"],
        model_name="test-imageedit",
        body={},
        generation=generation,
        created=1000.0,
        pending_seconds=1.0,
        running_seconds=2.0,
        outcome=FAILED,
        failure=ImageFailure("InternalError.Timeout", "timeout"),
    )

    document = task_response(task, 1010.0, sign)

    output = document["output"]
    assert output["task_status"] == "FAILED"
    assert output["code"] == "InternalError.Timeout"
    assert output["message"] == "timeout"
    assert output["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 0, "FAILED": 2}
    assert "results" not in output
    assert "usage" not in document


def test_succeeded_task_counts_failed_slots(editing_catalog: Catalog) -> None:
    failure = ImageFailure("InternalError.Timeout", "timeout")
    generation = Generation("a kite", None, 512, 512, ("first", "second"), failures={1: failure})
    task = Task(
        id="task-2",
        request_id="request-2",
        model=editing_catalog["test-imageedit"],
        model_name="test-imageedit",
        body={},
        generation=generation,
        created=1000.0,
        pending_seconds=1.0,
        running_seconds=2.0,
    )

    document = task_response(task, 1010.0, sign)

    assert document["output"]["task_metrics"] == {"TOTAL": 2, "SUCCEEDED": 1, "FAILED": 1}
    assert document["usage"] == {"image_count": 1}
    assert output_urls(document["output"]) == [sign("first")]

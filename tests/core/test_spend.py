"""Estimated task cost and spend per model and day from catalog prices and free quotas."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gui.core.catalog import Catalog, load_catalog
from gui.core.history import TaskHistory
from gui.core.library import Library, TaskStatus
from gui.core.spend import (
    QuotaUse,
    estimate_task_cost,
    priced_region,
    requested_image_count,
    summarize_spend,
    unit_price,
)
from tests.core.history_records import add_task

DAY_ONE = datetime(2026, 3, 1, 10, 0)
DAY_TWO = datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library(tmp_path / "data", tmp_path / "results")
    yield opened
    opened.close()


def test_prices_by_region(catalog: Catalog) -> None:
    model = catalog["wanx2.1-t2i-turbo"]
    assert priced_region("sandbox") == "beijing"
    assert priced_region("singapore") == "singapore"
    assert unit_price(model, "beijing") == pytest.approx(0.14)
    assert unit_price(model, "sandbox") == pytest.approx(0.14)
    assert unit_price(model, "singapore") == pytest.approx(0.183481)
    assert unit_price(model, "virginia") is None


def test_requested_count_uses_server_default(catalog: Catalog) -> None:
    assert requested_image_count(catalog["wanx2.1-t2i-turbo"], {"n": 2}) == 2
    assert requested_image_count(catalog["wanx2.1-t2i-turbo"], {}) == 4
    assert requested_image_count(catalog["qwen-image-2.0-pro"], {}) == 1
    assert requested_image_count(catalog["aitryon"], {"n": True}) == 1


def test_cost_counts_generated_images(library: Library, catalog: Catalog) -> None:
    record = add_task(library, images=3, failed_images=1)
    cost = estimate_task_cost(record, catalog)
    assert cost.images == 3
    assert cost.amount == pytest.approx(0.42)
    assert cost.final
    assert not cost.free


def test_cost_of_unfinished_task_is_maximum(library: Library, catalog: Catalog) -> None:
    running = add_task(library, status=TaskStatus.RUNNING)
    cost = estimate_task_cost(running, catalog)
    assert cost.images == 4  # the model's default n
    assert cost.amount == pytest.approx(0.56)
    assert not cost.final
    two = estimate_task_cost(add_task(library, status=TaskStatus.PENDING, n=2), catalog)
    assert two.amount == pytest.approx(0.28)


def test_cost_of_failed_sandbox_and_unpriced(library: Library, catalog: Catalog) -> None:
    failed = estimate_task_cost(add_task(library, status=TaskStatus.FAILED), catalog)
    assert failed.amount == 0
    assert failed.images == 0
    sandbox = estimate_task_cost(add_task(library, region="sandbox", images=2), catalog)
    assert sandbox.free
    assert sandbox.amount == 0
    assert sandbox.images == 2
    flux = estimate_task_cost(add_task(library, model="flux-schnell", images=1), catalog)
    assert flux.amount is None
    unknown = estimate_task_cost(add_task(library, model="no-such-model", images=1), catalog)
    assert unknown.amount is None
    snapshot = add_task(library, model="qwen-image-2.0-pro-2026-04-22", images=2)
    assert estimate_task_cost(snapshot, catalog).amount == pytest.approx(1.0)


def test_spend_applies_free_quota_in_order(library: Library, catalog: Catalog) -> None:
    model = "qwen-image-2.0-pro"  # ¥0.50 an image, 100 free in Beijing
    add_task(library, model=model, created=DAY_ONE, images=60)
    add_task(library, model=model, created=DAY_TWO, images=30)
    add_task(library, model=model, created=DAY_TWO + timedelta(hours=1), images=30)
    add_task(library, model=model, region="singapore", created=DAY_TWO, images=2)
    add_task(library, model=model, region="sandbox", created=DAY_TWO, images=5)
    add_task(library, model=model, created=DAY_TWO, status=TaskStatus.FAILED)
    add_task(library, model="kling/kling-v3-image-generation", created=DAY_ONE, images=1)
    add_task(library, model="flux-schnell", created=DAY_ONE, images=3)

    history = TaskHistory(library.database_path, catalog)
    try:
        summary = summarize_spend(history.billed_records(), catalog)
    finally:
        history.close()

    rows = {(row.day.isoformat(), row.model, row.region): row for row in summary.rows}
    assert list(rows) == [
        ("2026-03-02", model, "beijing"),
        ("2026-03-02", model, "sandbox"),
        ("2026-03-02", model, "singapore"),
        ("2026-03-01", "flux-schnell", "beijing"),
        ("2026-03-01", "kling/kling-v3-image-generation", "beijing"),
        ("2026-03-01", model, "beijing"),
    ]
    first = rows[("2026-03-01", model, "beijing")]
    assert (first.images, first.free_images, first.estimated_cost) == (60, 60, 0)
    second = rows[("2026-03-02", model, "beijing")]
    assert (second.images, second.free_images) == (60, 40)
    assert second.estimated_cost == pytest.approx(10.0)
    singapore = rows[("2026-03-02", model, "singapore")]
    assert singapore.free_images == 0
    assert singapore.estimated_cost == pytest.approx(2 * 0.550443)
    assert rows[("2026-03-02", model, "sandbox")].estimated_cost == 0
    assert rows[("2026-03-01", "kling/kling-v3-image-generation", "beijing")].free_images == 0
    flux = rows[("2026-03-01", "flux-schnell", "beijing")]
    assert flux.estimated_cost is None
    assert flux.unit_price is None

    assert summary.quotas == (QuotaUse(model, 100, 120),)
    assert summary.quotas[0].left == 0
    assert summary.images == 60 + 60 + 2 + 5 + 1 + 3
    assert summary.unpriced_images == 3
    assert summary.estimated_cost == pytest.approx(10.0 + 2 * 0.550443 + 0.2)


def test_spend_of_empty_history(catalog: Catalog) -> None:
    summary = summarize_spend([], catalog)
    assert summary.rows == ()
    assert summary.quotas == ()
    assert summary.estimated_cost == 0

"""Estimated cost of requests and tasks, and spend per model and day, from catalog prices.

The service bills each successfully generated image at the model's unit price;
failed requests and failed images cost nothing and use no free quota. Free
quotas exist only in the Beijing region and are shared by the whole account,
so every figure here is an estimate from this computer's history alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gui.core.catalog import Catalog, ModelSpec
from gui.core.library import TaskRecord, TaskStatus
from gui.core.request import read_body

# The sandbox costs nothing; the window shows Beijing prices beside it for reference.
SANDBOX_PRICE_REGION = "beijing"
# The only region with free quotas.
FREE_QUOTA_REGION = "beijing"
# Only tasks that succeeded (some of their images may have failed) produce images.
BILLED_STATUSES = frozenset({TaskStatus.SUCCEEDED})


def priced_region(region: str) -> str:
    """Return the region whose prices apply to ``region`` (Beijing for the sandbox)."""
    return SANDBOX_PRICE_REGION if region == "sandbox" else region


def unit_price(model: ModelSpec, region: str) -> float | None:
    """Return the price of one image in yuan, or None when the catalog has no price."""
    return model.prices.get(priced_region(region))


def requested_image_count(model: ModelSpec, values: Mapping[str, Any]) -> int:
    """Return the number of images a request generates, counting the service default."""
    count = values.get("n")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    spec = model.field("n")
    default = spec.server_default if spec is not None else None
    return default if isinstance(default, int) else 1


def generated_image_count(record: TaskRecord) -> int:
    """Return how many images a task produced; slots with an error code are not billed."""
    return sum(1 for image in record.results if (image.url or image.file) and not image.error_code)


@dataclass(frozen=True)
class CostEstimate:
    """The estimated cost of one task in yuan.

    ``amount`` is None when the catalog has no price for the model in the
    region. ``final`` is False while the task may still produce images; the
    amount is then the most it can cost. ``free`` marks sandbox tasks.
    """

    amount: float | None
    images: int
    final: bool
    free: bool = False


def estimate_task_cost(record: TaskRecord, catalog: Catalog) -> CostEstimate:
    """Return the estimated cost of a task at list price, ignoring free quota."""
    model = catalog.get(record.model)
    unfinished = not record.status.is_terminal
    if unfinished and model is not None:
        values, _extra = read_body(model, record.body)
        images = requested_image_count(model, values)
    else:
        images = generated_image_count(record)
    if record.region == "sandbox":
        return CostEstimate(0.0, images, not unfinished, free=True)
    price = unit_price(model, record.region) if model is not None else None
    amount = price * images if price is not None else None
    return CostEstimate(amount, images, not unfinished)


@dataclass(frozen=True)
class SpendRow:
    """Images generated with one model in one region on one day, and their estimated cost.

    ``free_images`` are the images this computer's history counts against the
    model's free quota. ``estimated_cost`` bills the rest at ``unit_price``, and
    is None when the price is unknown.
    """

    day: date
    model: str
    region: str
    images: int
    free_images: int
    unit_price: float | None
    estimated_cost: float | None


@dataclass(frozen=True)
class QuotaUse:
    """A model's free quota in Beijing and how much of it this computer's history used."""

    model: str
    free_quota: int
    used: int

    @property
    def left(self) -> int:
        return max(self.free_quota - self.used, 0)


@dataclass(frozen=True)
class SpendSummary:
    """Spend rows (newest day first), free-quota use and totals."""

    rows: tuple[SpendRow, ...]
    quotas: tuple[QuotaUse, ...]

    @property
    def images(self) -> int:
        return sum(row.images for row in self.rows)

    @property
    def estimated_cost(self) -> float:
        """Return the summed estimated cost of the rows whose price is known."""
        return sum(row.estimated_cost or 0.0 for row in self.rows)

    @property
    def unpriced_images(self) -> int:
        return sum(row.images for row in self.rows if row.unit_price is None)


def summarize_spend(records: Iterable[TaskRecord], catalog: Catalog) -> SpendSummary:
    """Group the images of ``records`` by day, model and region and estimate their cost.

    Beijing images count against the model's free quota in the order they were
    made, until the quota is used up.
    """
    # NOTE: free quotas expire 90 days after the account activated Model Studio.
    # The activation date is unknown here, so images count against the quota
    # whatever their age.
    ordered = sorted(records, key=_finished)
    quota_used: dict[str, int] = {}
    groups: dict[tuple[date, str, str], list[int]] = {}
    prices: dict[tuple[date, str, str], float | None] = {}
    for record in ordered:
        images = generated_image_count(record)
        if images == 0:
            continue
        model = catalog.get(record.model)
        model_id = model.id if model is not None else record.model
        free = 0
        if model is not None and model.free_quota and record.region == FREE_QUOTA_REGION:
            used = quota_used.get(model_id, 0)
            free = min(images, max(model.free_quota - used, 0))
            quota_used[model_id] = used + images
        key = (datetime.fromtimestamp(_finished(record)).date(), model_id, record.region)
        counts = groups.setdefault(key, [0, 0])
        counts[0] += images
        counts[1] += free
        if record.region == "sandbox":
            prices[key] = 0.0
        else:
            prices[key] = unit_price(model, record.region) if model is not None else None
    rows = []
    for (day, model_id, region), (images, free) in groups.items():
        price = prices[(day, model_id, region)]
        cost = (images - free) * price if price is not None else None
        rows.append(SpendRow(day, model_id, region, images, free, price, cost))
    rows.sort(key=lambda row: (-row.day.toordinal(), row.model, row.region))
    quotas = []
    for model_id, used in sorted(quota_used.items()):
        model = catalog.get(model_id)
        if model is not None and model.free_quota:
            quotas.append(QuotaUse(model_id, model.free_quota, used))
    return SpendSummary(tuple(rows), tuple(quotas))


def _finished(record: TaskRecord) -> float:
    return record.finished_at or record.created_at


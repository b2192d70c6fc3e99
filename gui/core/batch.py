"""Batches: one form, many prompts or rows, sent through the task queue.

A batch file is either plain text with one prompt per line, or CSV with a
header row naming form fields. Text files skip blank lines and lines starting
with ``#``. Each CSV row fills its fields on top of the form's values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.catalog import FieldSpec, ModelSpec
from gui.core.request import ValidationIssue, validate_values
from gui.core.spend import requested_image_count, unit_price

MAX_BATCH_ROWS = 1000


class BatchError(ValueError):
    """Raised when a batch file cannot be read; the message names the line and the fix."""


@dataclass(frozen=True)
class BatchRow:
    """One request of a batch: its line in the file, its values and any problems."""

    line: int
    values: dict[str, Any]
    issues: tuple[ValidationIssue, ...] = ()


@dataclass(frozen=True)
class BatchPlan:
    rows: tuple[BatchRow, ...]
    images: int
    cost: float | None  # CNY at the region's catalog price, None when unknown

    @property
    def valid_rows(self) -> list[BatchRow]:
        return [row for row in self.rows if not row.issues]


def read_batch_file(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Read a .txt or .csv batch file into (line number, raw values) pairs."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise BatchError(f"Cannot read {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise BatchError(f"{path} is not UTF-8 text; save it as UTF-8 and try again.") from None
    if path.suffix.lower() == ".csv":
        return _read_csv(text, path)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        prompt = line.strip()
        if prompt and not prompt.startswith("#"):
            rows.append((number, {"prompt": prompt}))
    return _limited(rows, path)


def _read_csv(text: str, path: Path) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise BatchError(f"{path} has no header row; the first row must name the fields.")
    rows = []
    for record in reader:
        values = {
            str(key).strip(): (value or "").strip()
            for key, value in record.items()
            if key is not None
        }
        if any(values.values()):
            rows.append((reader.line_num, values))
    return _limited(rows, path)


def _limited(
    rows: list[tuple[int, dict[str, str]]], path: Path
) -> list[tuple[int, dict[str, str]]]:
    if not rows:
        raise BatchError(f"{path} has no prompts; write one prompt per line.")
    if len(rows) > MAX_BATCH_ROWS:
        raise BatchError(
            f"{path} has {len(rows)} rows; a batch takes at most {MAX_BATCH_ROWS}. Split the file."
        )
    return rows


def plan_batch(
    model: ModelSpec,
    region: str,
    base_values: Mapping[str, Any],
    raw_rows: list[tuple[int, dict[str, str]]],
) -> BatchPlan:
    """Combine the form's values with each row, check them, and estimate the cost.

    Raises BatchError when a column names no field of the model.
    """
    names = {spec.name for spec in model.fields}
    for number, raw in raw_rows:
        unknown = sorted(set(raw) - names)
        if unknown:
            raise BatchError(
                f"Line {number}: {', '.join(unknown)} is not a field of {model.id}; "
                f"use columns named {', '.join(sorted(names))}."
            )
    rows = []
    images = 0
    for number, raw in raw_rows:
        values = dict(base_values)
        for name, text in raw.items():
            spec = model.field(name)
            assert spec is not None
            values[name] = _convert(spec, text) if text != "" else values.get(name)
        issues = tuple(validate_values(model, values))
        rows.append(BatchRow(number, values, issues))
        if not issues:
            images += requested_image_count(model, values)
    price = unit_price(model, region)
    cost = None if price is None else round(price * images, 4)
    return BatchPlan(tuple(rows), images, cost)


def _convert(spec: FieldSpec, text: str) -> Any:
    """Turn CSV text into the field's type; text that does not convert stays text,
    so validation names it."""
    try:
        if spec.type == "int":
            return int(text)
        if spec.type == "float":
            return float(text)
    except ValueError:
        return text
    if spec.type == "bool":
        lowered = text.lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
    if spec.type == "image_list":
        return [item.strip() for item in text.split("|") if item.strip()]
    return text

"""Batch files: reading, checking each row, and estimating the cost."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.core.batch import MAX_BATCH_ROWS, BatchError, plan_batch, read_batch_file
from gui.core.catalog import load_catalog

CATALOG = load_catalog()


def test_text_file_gives_one_prompt_per_line(tmp_path: Path) -> None:
    path = tmp_path / "提示词.txt"
    path.write_text("\ufeff一只猫\n\n# a comment\n  a red kite  \n", encoding="utf-8")
    rows = read_batch_file(path)
    assert rows == [(1, {"prompt": "一只猫"}), (4, {"prompt": "a red kite"})]


def test_csv_columns_fill_fields_and_convert_types(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text("prompt,n,seed,prompt_extend\na cat,2,7,false\na dog,,,\n", encoding="utf-8")
    model = CATALOG["wan2.2-t2i-flash"]
    plan = plan_batch(model, "beijing", {"n": 1, "size": "1024*1024"}, read_batch_file(path))
    first, second = plan.rows
    assert first.values["n"] == 2
    assert first.values["seed"] == 7
    assert first.values["prompt_extend"] is False
    assert second.values["n"] == 1
    assert plan.images == 3
    assert plan.cost == pytest.approx(0.14 * 3)


def test_invalid_row_is_reported_not_sent(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text("prompt,n\na cat,9\na dog,1\n", encoding="utf-8")
    plan = plan_batch(CATALOG["wan2.2-t2i-flash"], "sandbox", {}, read_batch_file(path))
    assert len(plan.valid_rows) == 1
    bad = plan.rows[0]
    assert bad.line == 2
    assert bad.issues[0].field == "n"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", "\n# only a comment\n", "no prompts"),
        ("bad.csv", "prompt,colour\na,red\n", "colour is not a field"),
        ("latin.txt", None, "not UTF-8"),
        ("many.txt", "p\n" * (MAX_BATCH_ROWS + 1), "at most"),
    ],
)
def test_bad_batch_file_names_problem(tmp_path: Path, name: str, content: str | None, words: str) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes("café".encode("latin-1"))
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BatchError, match=words):
        plan_batch(CATALOG["wan2.2-t2i-flash"], "beijing", {}, read_batch_file(path))


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="Cannot read"):
        read_batch_file(tmp_path / "missing.txt")

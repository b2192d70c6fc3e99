"""Read-only history queries: filters, pages, counts and finding a task by id."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gui.core.catalog import Catalog, load_catalog
from gui.core.history import HistoryFilter, HistoryReadError, TaskHistory
from gui.core.library import Library, TaskStatus
from tests.core.history_records import add_task

START = datetime(2026, 3, 1, 12, 0)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library(tmp_path / "data", tmp_path / "results")
    yield opened
    opened.close()


@pytest.fixture
def history(library: Library, catalog: Catalog) -> Iterator[TaskHistory]:
    opened = TaskHistory(library.database_path, catalog)
    yield opened
    opened.close()


def prompts(history: TaskHistory, wanted: HistoryFilter) -> list[str]:
    return [entry.record.prompt for entry in history.page(wanted)]


def test_page_is_newest_first_with_cost(library: Library, history: TaskHistory) -> None:
    add_task(library, prompt="old", created=START, images=2)
    add_task(library, prompt="new", created=START + timedelta(hours=1), images=1)
    entries = history.page(HistoryFilter())
    assert [entry.record.prompt for entry in entries] == ["new", "old"]
    assert entries[1].cost.images == 2
    assert entries[1].cost.amount == pytest.approx(0.28)
    assert history.count(HistoryFilter()) == 2


def test_sees_tasks_written_after_opening(library: Library, history: TaskHistory) -> None:
    assert history.count(HistoryFilter()) == 0
    add_task(library, prompt="later")
    assert prompts(history, HistoryFilter()) == ["later"]


def test_filter_by_model_and_status(library: Library, history: TaskHistory) -> None:
    add_task(library, model="wan2.6-t2i", prompt="a", created=START)
    add_task(library, model="wan2.6-t2i", prompt="b", status=TaskStatus.FAILED, created=START)
    add_task(library, prompt="c", status=TaskStatus.ERROR, created=START)
    add_task(library, prompt="d", status=TaskStatus.RUNNING, created=START)
    assert history.models() == ["wan2.6-t2i", "wanx2.1-t2i-turbo"]
    assert sorted(prompts(history, HistoryFilter(model="wan2.6-t2i"))) == ["a", "b"]
    failed = HistoryFilter(statuses=frozenset({TaskStatus.FAILED, TaskStatus.ERROR}))
    assert sorted(prompts(history, failed)) == ["b", "c"]
    both = HistoryFilter(model="wan2.6-t2i", statuses=frozenset({TaskStatus.FAILED}))
    assert prompts(history, both) == ["b"]
    assert history.count(both) == 1


def test_filter_by_date_range(library: Library, history: TaskHistory) -> None:
    for day in range(5):
        add_task(library, prompt=f"day {day}", created=START + timedelta(days=day))
    since = (START + timedelta(days=1)).timestamp()
    until = (START + timedelta(days=3)).timestamp()
    assert prompts(history, HistoryFilter(since=since, until=until)) == ["day 2", "day 1"]
    assert prompts(history, HistoryFilter(since=since + 1)) == ["day 4", "day 3", "day 2"]
    assert prompts(history, HistoryFilter(until=since)) == ["day 0"]


def test_filter_by_text(library: Library, history: TaskHistory) -> None:
    add_task(library, prompt="An orange CAT in a hat", created=START)
    add_task(library, prompt="一只戴着草帽的橘猫", created=START)
    add_task(library, prompt='He said "100% _sure_" \\ ok', created=START)
    add_task(library, prompt="Éclair on a plate", created=START)
    add_task(library, prompt="plain", task_id="abc-task-77", created=START)
    assert prompts(history, HistoryFilter(text="cat")) == ["An orange CAT in a hat"]
    assert prompts(history, HistoryFilter(text=" 草帽 ")) == ["一只戴着草帽的橘猫"]
    assert prompts(history, HistoryFilter(text='"100% _sure_"')) == ['He said "100% _sure_" \\ ok']
    assert prompts(history, HistoryFilter(text="\\ ok")) == ['He said "100% _sure_" \\ ok']
    assert prompts(history, HistoryFilter(text="éclair")) == ["Éclair on a plate"]
    assert prompts(history, HistoryFilter(text="TASK-77")) == ["plain"]
    assert prompts(history, HistoryFilter(text="wanx2.1")) != []
    # Member names of the stored JSON are not text the user searches for.
    assert prompts(history, HistoryFilter(text="parameters")) == []
    assert prompts(history, HistoryFilter(text="%")) == ['He said "100% _sure_" \\ ok']


def test_pages_cover_every_row_once(library: Library, history: TaskHistory) -> None:
    with library.transaction():
        for number in range(25):
            add_task(library, prompt=f"p{number:02d}", created=START + timedelta(minutes=number))
    seen = []
    for offset in range(0, 25, 10):
        seen.extend(entry.record.prompt for entry in history.page(HistoryFilter(), offset, 10))
    assert seen == [f"p{number:02d}" for number in reversed(range(25))]


def test_find_by_id_task_id_and_prefix(library: Library, history: TaskHistory) -> None:
    first = add_task(library, task_id="0f2c5f7e-1111-4a7b-9d3e-000000000001")
    second = add_task(library)
    found = history.find(first.id)
    assert found is not None and found.id == first.id
    by_task = history.find("0f2c5f7e-1111-4a7b-9d3e-000000000001")
    assert by_task is not None and by_task.id == first.id
    by_prefix = history.find(second.id[:8])
    assert by_prefix is not None and by_prefix.id == second.id
    assert history.find(second.id[:3]) is None
    assert history.find("  ") is None
    assert history.find("no-such-task") is None
    assert history.find("%%%%%%%%") is None


def test_missing_database_raises(tmp_path: Path, catalog: Catalog) -> None:
    with pytest.raises(HistoryReadError, match="does not exist"):
        TaskHistory(tmp_path / "nothing.sqlite3", catalog)


def test_prompt_excerpt_is_one_short_line(library: Library, history: TaskHistory) -> None:
    add_task(library, prompt="line one\nline two  " + "x" * 300)
    excerpt = history.page(HistoryFilter())[0].prompt_excerpt
    assert "\n" not in excerpt
    assert excerpt.startswith("line one line two x")
    assert len(excerpt) == 120
    assert excerpt.endswith("…")

"""Gallery benchmark: open and scroll a gallery of 5,000 saved results in the main window.

The results folder is filled once with 5,000 PNG files and their sidecars:
emulator renders (gradients with shapes) of 512*512, 768*512, 512*768 and
1024*1024 pixels, copied from 64 rendered templates so that filling takes
seconds. The gallery is opened from its View menu action twice, first with an
empty thumbnail cache (every visible thumbnail is decoded from its PNG), then in
a new window that finds the thumbnails in the disk cache. Each time the
benchmark records the time until the first screen of thumbnails is painted.
Then it scrolls from top to bottom by moving the scroll bar. Meanwhile a 10 ms
Qt timer measures the longest gap between its ticks, which is the longest stall
of the GUI thread.

Run with ``python -m pytest -m benchmark tests/benchmarks/test_gallery.py -s``;
it prints a JSON summary. Results are recorded in ``tests/benchmarks/README.md``.
"""

from __future__ import annotations

import json
import platform
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.core.explain import load_error_catalog
from gui.core.paths import AppPaths
from gui.core.resources import resource_dir
from gui.core.services import Services
from gui.sandbox.images import ImageSpec, render_png
from gui.widgets.gallery import GalleryPanel
from gui.widgets.i18n import LanguageManager
from gui.widgets.main_window import MainWindow
from tests.gallery_results import sidecar
from tests.qt_fixtures import destroy_now, emulator, qt_loop, services

__all__ = ["emulator", "qt_loop", "services"]

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]

RESULT_COUNT = 5000
SIZES = [(512, 512), (512, 512), (768, 512), (512, 768), (1024, 1024)]
TEMPLATES_PER_SIZE = 16
GALLERY_SIZE = (1280, 800)  # the floating gallery window, logical pixels
HEARTBEAT_MS = 10
STEP_MS = 16  # one scroll step per frame at 60 Hz


@pytest.fixture(scope="module")
def filled_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return an app home whose results folder contains RESULT_COUNT results."""
    home = tmp_path_factory.mktemp("gallery-benchmark") / "home"
    results = home / "results"
    started = time.perf_counter()
    templates = {
        size: [
            render_png(ImageSpec(f"benchmark {size} {number}", number, 0, *size))
            for number in range(TEMPLATES_PER_SIZE)
        ]
        for size in set(SIZES)
    }
    for number in range(RESULT_COUNT):
        width, height = SIZES[number % len(SIZES)]
        data = templates[(width, height)][number % TEMPLATES_PER_SIZE]
        day = 1 + number // 200
        seconds = number % 200 * 300
        stamp = f"2026{11 + day // 31:02d}{day % 31 + 1:02d}-{seconds // 3600:02d}"
        stamp += f"{seconds % 3600 // 60:02d}{seconds % 60:02d}"
        folder = results / f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{stamp}_wan2.2-t2i-flash_{number:08d}_1"
        (folder / f"{stem}.png").write_bytes(data)
        text = json.dumps(
            sidecar(
                "wan2.2-t2i-flash",
                "sandbox",
                f"benchmark result {number}: a lighthouse on a basalt cliff at dawn",
                number,
                f"{width}*{height}",
                number,
            ),
            ensure_ascii=False,
            indent=2,
        )
        (folder / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
    print(f"filled {RESULT_COUNT} results in {time.perf_counter() - started:.1f} s")
    return home


@pytest.fixture
def app_paths(filled_home: Path) -> AppPaths:
    return AppPaths.under(filled_home)


class PaintTimes(QObject):
    """Records when a widget paints."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.times: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


class Heartbeat(QObject):
    """A 10 ms timer on the GUI thread; the gaps between its ticks are GUI stalls."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now


def memory_kib() -> dict[str, int]:
    """Return the process's resident size now and at its peak, in KiB (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    fields.setdefault("VmHWM", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return fields


def visible_keys(panel: GalleryPanel) -> list[str]:
    view, model = panel.view, panel.model
    viewport = view.viewport().rect()
    first = view.indexAt(viewport.topLeft())
    start = first.row() if first.isValid() else 0
    keys = []
    for row in range(start, model.rowCount()):
        rect = view.visualRect(model.index(row))
        if rect.top() > viewport.bottom():
            break
        if rect.intersects(viewport):
            keys.append(model.item(row).key)
    return keys


def thumbnails_shown(panel: GalleryPanel) -> bool:
    memory, failures = panel.loader.memory, panel.loader.failures
    keys = visible_keys(panel)
    return bool(keys) and all(key in memory or key in failures for key in keys)


def make_window(services: Services, qapp: QApplication, qtbot: QtBot) -> MainWindow:
    settings = QSettings(str(services.paths.settings_file), QSettings.Format.IniFormat)
    settings.setValue("request/region", "sandbox")
    languages = LanguageManager(resource_dir() / "i18n", qapp)
    languages.apply("en")
    window = MainWindow(services, load_error_catalog(), languages, settings)
    window.show()
    qtbot.waitUntil(window.isVisible, timeout=5000)
    dock = window.gallery_dock
    dock.setFloating(True)
    dock.resize(*GALLERY_SIZE)
    return window


def open_gallery(window: MainWindow, qtbot: QtBot) -> dict[str, Any]:
    """Open the gallery from its action; return the time until its first full screen."""
    dock = window.gallery_dock
    panel = dock.panel
    paints = PaintTimes(panel.view.viewport())
    ready: dict[str, float] = {}
    panel.loader.thumbnail_ready.connect(lambda key: ready.__setitem__(key, time.perf_counter()))
    before = memory_kib()

    started = time.perf_counter()
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=30000)
    needed = max([ready.get(key, started) for key in visible_keys(panel)])
    qtbot.waitUntil(lambda: any(moment >= needed for moment in paints.times), timeout=5000)
    shown = min(moment for moment in paints.times if moment >= needed)
    opened = {
        "first_screen_s": round(shown - started, 3),
        "thumbnails_on_first_screen": len(visible_keys(panel)),
        "thumbnails_loaded": panel.loader.decoded,
        "rss_before_mib": round(before["VmRSS"] / 1024, 1),
    }
    qtbot.waitUntil(lambda: not panel.details_loading, timeout=60000)
    opened["all_details_read_s"] = round(time.perf_counter() - started, 3)
    opened["rss_after_open_mib"] = round(memory_kib()["VmRSS"] / 1024, 1)
    assert panel.model.rowCount() == RESULT_COUNT
    return opened


def scroll_through(panel: GalleryPanel, qtbot: QtBot, pages_per_step: float) -> dict[str, Any]:
    """Scroll from top to bottom in steps; return the GUI thread's longest stall."""
    bar = panel.view.verticalScrollBar()
    bar.setValue(0)
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=30000)
    step = max(1, round(bar.pageStep() * pages_per_step))
    decoded_before = panel.loader.decoded
    heartbeat = Heartbeat()
    stepper = QTimer()
    stepper.setTimerType(Qt.TimerType.PreciseTimer)
    stepper.setInterval(STEP_MS)
    steps = [0]

    def on_step() -> None:
        bar.setValue(min(bar.maximum(), bar.value() + step))
        steps[0] += 1
        if bar.value() >= bar.maximum():
            stepper.stop()

    stepper.timeout.connect(on_step)
    started = time.perf_counter()
    heartbeat.start()
    stepper.start()
    qtbot.waitUntil(lambda: not stepper.isActive(), timeout=300000)
    scrolled = time.perf_counter()
    qtbot.waitUntil(lambda: thumbnails_shown(panel), timeout=30000)
    settled = time.perf_counter()
    heartbeat.stop()
    gaps = sorted(heartbeat.gaps)
    return {
        "step_px": step,
        "steps": steps[0],
        "scroll_s": round(scrolled - started, 2),
        "longest_stall_ms": round(gaps[-1] * 1000, 1),
        "p99_gap_ms": round(gaps[int(0.99 * (len(gaps) - 1))] * 1000, 1),
        "median_gap_ms": round(statistics.median(gaps) * 1000, 1),
        "gaps_over_50ms": sum(1 for gap in gaps if gap > 0.05),
        "bottom_shown_after_s": round(settled - scrolled, 3),
        "thumbnails_loaded_while_scrolling": panel.loader.decoded - decoded_before,
        "thumbnail_memory_mib": round(panel.loader.memory.bytes / 2**20, 1),
        "rss_after_scroll_mib": round(memory_kib()["VmRSS"] / 1024, 1),
    }


def close(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    destroy_now()


def test_gallery_with_5000_results(
    services: Services, qapp: QApplication, qtbot: QtBot, filled_home: Path
) -> None:
    summary: dict[str, Any] = {
        "results": RESULT_COUNT,
        "machine": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        "pyside6": pyside_version,
        "rss_start_mib": round(memory_kib()["VmRSS"] / 1024, 1),
    }
    cache = filled_home / "data" / "thumbnails"
    assert not cache.exists()

    window = make_window(services, qapp, qtbot)
    summary["cold_open"] = open_gallery(window, qtbot)
    panel = window.gallery_dock.panel
    summary["scroll_quarter_page_steps"] = scroll_through(panel, qtbot, 0.25)
    summary["scroll_page_steps"] = scroll_through(panel, qtbot, 1.0)
    close(window)

    window = make_window(services, qapp, qtbot)
    summary["warm_open"] = open_gallery(window, qtbot)
    summary["warm_scroll_page_steps"] = scroll_through(window.gallery_dock.panel, qtbot, 1.0)
    close(window)
    summary["cached_thumbnails"] = sum(1 for path in cache.rglob("*") if path.is_file())
    summary["peak_rss_mib"] = round(memory_kib()["VmHWM"] / 1024, 1)
    print(json.dumps(summary, indent=2))

    assert summary["cold_open"]["first_screen_s"] < 2.0
    assert summary["warm_open"]["first_screen_s"] < 1.0
    for scroll in ("scroll_quarter_page_steps", "scroll_page_steps", "warm_scroll_page_steps"):
        assert summary[scroll]["longest_stall_ms"] < 250

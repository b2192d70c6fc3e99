"""The build script's helpers and checks, on made-up bundles (no PyInstaller needed)."""

from __future__ import annotations

import ast
import os
import stat
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import gui
from gui.core.paths import PORTABLE_MARKER
from tests.packaging.packaging_modules import build, bundle

# Built at run time so that this file itself contains nothing that looks like a key.
FAKE_KEY = "sk-" + "0123456789abcdef" * 2


def test_version_matches_package() -> None:
    assert bundle.read_version() == gui.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("0.2.0rc1", (0, 2, 0, 0)),
        ("1.0+local.7", (1, 0, 0, 0)),
    ],
)
def test_numeric_version(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert bundle.numeric_version(version) == numbers


@pytest.mark.parametrize("version", ["dev", "", "1.70000"])
def test_numeric_version_rejects(version: str) -> None:
    with pytest.raises(ValueError, match=repr(version)):
        bundle.numeric_version(version)


class Recorded:
    """Stands in for PyInstaller's versioninfo classes and keeps the arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


def test_windows_version_info_evaluates() -> None:
    text = bundle.windows_version_info("0.2.0rc1", bundle.CLI_EXECUTABLE)
    ast.parse(text, mode="eval")
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")
    info = eval(text, {name: type(name, (Recorded,), {}) for name in names})

    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == (0, 2, 0, 0)
    assert fixed["prodvers"] == (0, 2, 0, 0)
    string_table = info.kwargs["kids"][0].args[0][0]
    strings = dict(struct.args for struct in string_table.args[1])
    assert strings["FileVersion"] == "0.2.0rc1"
    assert strings["ProductVersion"] == "0.2.0rc1"
    assert strings["OriginalFilename"] == "pixelpost-cli.exe"
    assert strings["ProductName"] == "PixelPost"


def test_portable_marker_matches_app() -> None:
    assert bundle.PORTABLE_MARKER == PORTABLE_MARKER


def test_every_resource_is_bundled_or_excluded() -> None:
    assert bundle.unclassified_resources() == []


def test_resource_files_leave_out_sources_and_screenshots() -> None:
    names = {path.relative_to(bundle.RESOURCES_DIR).as_posix() for path in bundle.resource_files()}
    assert "i18n/pixelpost_zh_CN.qm" in names
    assert any(name.startswith("catalog/") for name in names)
    assert any(name.startswith("errors/") for name in names)
    assert not [name for name in names if name.endswith((".ts", ".png", ".md"))]


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (f"key = '{FAKE_KEY}'".encode(), True),
        (b"\x00\x01" + FAKE_KEY.encode() + b"\x00", True),
        (b"sk-sandbox-demo-not-a-real-key", False),
        (b"sk-short12345", False),
        (b"task-0123456789abcdef0123456789", False),
        (b"disk-0123456789abcdef0123456789", False),
    ],
)
def test_find_api_keys(data: bytes, found: bool) -> None:
    assert bool(build.find_api_keys(data)) is found


@pytest.mark.parametrize(
    ("path", "is_test"),
    [
        ("_internal/tests/helpers.py", True),
        ("_internal/pkg/test_models.py", True),
        ("_internal/pkg/conftest.py", True),
        ("_internal/pkg/models_test.py", True),
        ("_internal/pkg/testing.py", False),
        ("_internal/PySide6/Qt/lib/libQt6Test.so.6", False),
        ("_internal/attestation.json", False),
    ],
)
def test_is_test_file(path: str, is_test: bool) -> None:
    assert build.is_test_file(path) is is_test


@pytest.mark.parametrize(
    ("module", "is_test"),
    [
        ("tests.core.test_engine", True),
        ("jeepney.tests", True),
        ("pkg.test_util", True),
        ("gui.sandbox.emulator", False),
        ("keyring.testing", False),
    ],
)
def test_is_test_module(module: str, is_test: bool) -> None:
    assert build.is_test_module(module) is is_test


def make_bundle(root: Path, windows: bool) -> Path:
    """Write a minimal bundle tree that passes check_files."""
    bundle_dir = root / bundle.BUNDLE_NAME
    contents = bundle_dir / bundle.CONTENTS_DIRECTORY
    contents.mkdir(parents=True)
    for executable in build.executables(bundle_dir, windows):
        executable.write_bytes(b"executable")
    for source in bundle.resource_files():
        target = contents / "resources" / source.relative_to(bundle.RESOURCES_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    qt = bundle.qt_directory(bundle_dir, windows)
    for pattern in bundle.REQUIRED_QT_PLUGINS["win32" if windows else "linux"]:
        plugin = qt / "plugins" / pattern.replace("*", "qmodernwindowsstyle")
        plugin.parent.mkdir(parents=True, exist_ok=True)
        plugin.write_bytes(b"plugin")
    for name in bundle.QT_TRANSLATIONS:
        translation = qt / "translations" / name
        translation.parent.mkdir(parents=True, exist_ok=True)
        translation.write_bytes(b"qm")
    return bundle_dir


@pytest.mark.parametrize("windows", [True, False])
def test_check_files_accepts_clean_bundle(tmp_path: Path, windows: bool) -> None:
    bundle_dir = make_bundle(tmp_path, windows)
    assert build.check_files(bundle_dir, windows) == []


@pytest.mark.parametrize(
    ("relative", "content", "problem"),
    [
        ("_internal/tests/test_app.py", b"", "test file _internal/tests/test_app.py"),
        ("_internal/resources/i18n/pixelpost_zh_CN.ts", b"", "translation source"),
        ("_internal/resources/screenshots/window-en.png", b"", "screenshot"),
        ("_internal/Qt6WebEngineCore.dll", b"", "QtWebEngine file _internal/Qt6WebEngineCore.dll"),
        ("_internal/libQt6Qml.so.6", b"", "unused Qt library _internal/libQt6Qml.so.6"),
        ("_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so", b"", "unused Qt plugin"),
        ("_internal/PySide6/Qt/translations/qtbase_de.qm", b"", "unused Qt translation"),
        ("_internal/settings.ini", f"key={FAKE_KEY}".encode(), "API key in _internal/settings.ini"),
        ("_internal/libexample.so", b"\x7fELF\x00" + FAKE_KEY.encode(), "API key in"),
    ],
)
def test_check_files_reports_problem(
    tmp_path: Path, relative: str, content: bytes, problem: str
) -> None:
    bundle_dir = make_bundle(tmp_path, windows=False)
    path = bundle_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)

    problems = build.check_files(bundle_dir, windows=False)

    assert [entry for entry in problems if problem in entry], problems


def test_check_files_reports_missing_parts(tmp_path: Path) -> None:
    bundle_dir = make_bundle(tmp_path, windows=True)
    (bundle_dir / "pixelpost-cli.exe").unlink()
    (bundle.qt_directory(bundle_dir, True) / "plugins" / "platforms" / "qwindows.dll").unlink()
    catalog = sorted((bundle_dir / "_internal" / "resources" / "catalog").glob("*.toml"))
    catalog[0].unlink()

    problems = build.check_files(bundle_dir, windows=True)

    assert "missing executable pixelpost-cli.exe" in problems
    assert "missing Qt plugin plugins/platforms/qwindows.dll" in problems
    assert f"missing data file resources/catalog/{catalog[0].name}" in problems


def test_check_files_reports_unexpected_data_file(tmp_path: Path) -> None:
    bundle_dir = make_bundle(tmp_path, windows=False)
    extra = bundle_dir / "_internal" / "resources" / "catalog" / "stale.toml"
    extra.write_text("", encoding="utf-8")

    problems = build.check_files(bundle_dir, windows=False)

    assert "unexpected data file resources/catalog/stale.toml" in problems


def read_zip(path: Path) -> dict[str, tuple[bytes, int, tuple[int, ...]]]:
    with zipfile.ZipFile(path) as archive:
        return {
            info.filename: (archive.read(info), info.external_attr >> 16, info.date_time)
            for info in archive.infolist()
        }


@pytest.mark.skipif(sys.platform == "win32", reason="creates a symbolic link and Unix modes")
def test_portable_zip_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    bundle_dir = make_bundle(tmp_path / "one", windows=False)
    os.chmod(bundle_dir / "pixelpost", 0o755)
    os.symlink("pixelpost", bundle_dir / "_internal" / "link-to-executable")
    first_dir = tmp_path / "first"
    second_dir = tmp_path / "second"
    first_dir.mkdir()
    second_dir.mkdir()

    first = build.make_portable_zip(bundle_dir, "9.8.7", first_dir)
    second = build.make_portable_zip(bundle_dir, "9.8.7", second_dir)

    assert first.read_bytes() == second.read_bytes()
    assert first.name.startswith("PixelPost-9.8.7-")
    assert first.name.endswith("-portable.zip")
    entries = read_zip(first)
    content, mode, date_time = entries[f"PixelPost-9.8.7/{PORTABLE_MARKER}"]
    assert "portable" in content.decode("utf-8")
    assert date_time == (2023, 11, 14, 22, 13, 20)
    _, mode, _ = entries["PixelPost-9.8.7/pixelpost"]
    assert stat.S_ISREG(mode)
    assert stat.S_IMODE(mode) == 0o755
    target, mode, _ = entries["PixelPost-9.8.7/_internal/link-to-executable"]
    assert stat.S_ISLNK(mode)
    assert target == b"pixelpost"


def test_checksums_cover_packages_and_bundle(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    bundle_dir = make_bundle(dist, windows=True)
    package = dist / "PixelPost-1.0-win_amd64-portable.zip"
    package.write_bytes(b"zip")
    target = dist / "SHA256SUMS.txt"

    build.write_checksums(bundle_dir, [package], target)

    lines = target.read_text(encoding="utf-8").splitlines()
    # SHA-256 of b"zip", written out so that a wrong digest function fails the test.
    zip_digest = "4a70fe9aa6436e02c2dea340fbd1e352e4ef2d8ce6ca52ad25d4b95471fc8bf2"
    assert lines[0] == f"{zip_digest}  PixelPost-1.0-win_amd64-portable.zip"
    listed = {line.split("  ", 1)[1] for line in lines}
    assert "pixelpost/pixelpost.exe" in listed
    assert "pixelpost/_internal/resources/i18n/pixelpost_zh_CN.qm" in listed
    assert len(lines) == 1 + sum(1 for path in bundle_dir.rglob("*") if path.is_file())


def test_missing_pyinstaller_names_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(build.BuildError) as caught:
        build.require_pyinstaller()
    assert "-m pip install" in str(caught.value)
    assert "pyinstaller>=6" in str(caught.value)


def test_self_test_environment_is_isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in build.ISOLATED_VARIABLES:
        monkeypatch.setenv(name, "outside")
    environment = build.self_test_environment()
    assert not set(build.ISOLATED_VARIABLES) & set(environment)
    if sys.platform != "win32":
        assert environment["QT_QPA_PLATFORM"] == "offscreen"

"""Build the real bundle with packaging/build.py, then run and inspect it.

The tests take about 80 s on two cores, so the default test run deselects
them. Run them with

    python -m pytest -m packaging tests/packaging

They need PyInstaller in the test environment and install nothing themselves.
The build writes to build/ and dist/ in the repository, like packaging/build.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from tests.packaging.packaging_modules import build, bundle
from tests.packaging.test_inno_script import parse_script

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]

BUILD_TIMEOUT = 1500
IS_WINDOWS = sys.platform == "win32"
API_KEY = re.compile(rb"(?<![A-Za-z0-9])sk-[A-Za-z0-9]{20,}")
DEVELOPMENT_MODULES = ("tests", "pytest", "_pytest", "pytestqt", "dashscope", "aiohttp")


@dataclass(frozen=True)
class Build:
    """Output and products of one packaging/build.py run."""

    output: str
    bundle_dir: Path
    portable_zip: Path

    @property
    def cli(self) -> Path:
        return self.bundle_dir / bundle.executable_file(bundle.CLI_EXECUTABLE, IS_WINDOWS)

    @property
    def gui(self) -> Path:
        return self.bundle_dir / bundle.executable_file(bundle.GUI_EXECUTABLE, IS_WINDOWS)


@pytest.fixture(scope="module")
def built() -> Build:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip(
            "PyInstaller is not installed in this environment; install it with "
            "'python -m pip install pyinstaller' to run the packaging tests"
        )
    result = subprocess.run(
        [sys.executable, str(bundle.PACKAGING_DIR / "build.py")],
        cwd=bundle.REPOSITORY,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"build.py failed:\n{output[-6000:]}"
    zips = sorted(build.DIST_DIR.glob("PixelPost-*-portable.zip"))
    assert len(zips) == 1, zips
    return Build(output, build.BUNDLE_DIR, zips[0])


def test_build_prints_size_and_time(built: Build) -> None:
    assert re.search(r"^Bundle: .*\(\d+\.\d MiB in \d+ files\)$", built.output, re.MULTILINE)
    assert re.search(r"^Build time:  \d+ s in total, \d+ s of it in PyInstaller$",
                     built.output, re.MULTILINE)


def test_self_test_passes_in_english(built: Build, tmp_path: Path) -> None:
    run = build.run_self_test(built.cli, tmp_path / "home")

    assert run.returncode == 0, run.lines
    assert run.value("translations loaded:") == "none (English)"
    assert run.value("keyring backend:") is not None
    saved = run.value("Self-test passed:")
    assert saved is not None, run.lines
    assert Path(saved).is_file()
    assert (tmp_path / "home") in Path(saved).parents


def test_self_test_loads_both_chinese_translators(built: Build, tmp_path: Path) -> None:
    run = build.run_self_test(built.cli, tmp_path / "home", "zh_CN")

    assert run.returncode == 0, run.lines
    assert run.value("translations loaded:") == "qtbase_zh_CN, pixelpost_zh_CN"
    assert run.value("Self-test passed:") is not None


def test_windowed_executable_passes_self_test(built: Build, tmp_path: Path) -> None:
    run = build.run_self_test(built.gui, tmp_path / "home")
    assert run.returncode == 0, run.lines


@pytest.mark.skipif(sys.platform != "linux", reason="uses the Linux Secret Service")
@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)",
)
def test_bundle_finds_secret_service_keyring(built: Build, tmp_path: Path) -> None:
    # A backend that needs keyring's entry points, secretstorage, jeepney and
    # cryptography: a bundle that lacks any of them falls back to fail.Keyring.
    environment = build.self_test_environment()
    for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir(mode=0o700)
        environment[name] = str(folder)
    script = (
        'printf "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; '
        'exec "$0" --demo --self-test --home "$1"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, str(built.cli), str(tmp_path / "app")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=build.SELF_TEST_TIMEOUT,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyring backend: keyring.backends.SecretService.Keyring (secure: True)" in (
        result.stdout
    )


def test_bundle_contains_app_data_only(built: Build) -> None:
    resources = built.bundle_dir / bundle.CONTENTS_DIRECTORY / "resources"
    bundled = sorted(path.relative_to(resources).as_posix() for path in resources.rglob("*.*"))
    expected = sorted(
        path.relative_to(bundle.RESOURCES_DIR).as_posix() for path in bundle.resource_files()
    )
    assert bundled == expected
    assert not (resources / "screenshots").exists()
    assert not list(built.bundle_dir.rglob("*.ts"))


def test_bundle_has_only_chinese_qt_translation(built: Build) -> None:
    translations = bundle.qt_directory(built.bundle_dir, IS_WINDOWS) / "translations"
    assert sorted(path.name for path in translations.iterdir()) == ["qtbase_zh_CN.qm"]


def test_bundle_has_keyring_metadata(built: Build) -> None:
    contents = built.bundle_dir / bundle.CONTENTS_DIRECTORY
    [entry_points] = contents.glob("keyring-*.dist-info/entry_points.txt")
    text = entry_points.read_text(encoding="utf-8")
    assert "[keyring.backends]" in text
    assert "keyring.backends.Windows" in text
    assert "keyring.backends.SecretService" in text


def test_bundle_has_no_test_files(built: Build) -> None:
    names = [path.relative_to(built.bundle_dir).as_posix() for path in built.bundle_dir.rglob("*")]
    assert [name for name in names if build.is_test_file(name)] == []
    assert [name for name in names if name.endswith("conftest.py")] == []


def test_bundle_has_no_webengine(built: Build) -> None:
    assert [path for path in built.bundle_dir.rglob("*") if "WebEngine" in path.name] == []


def test_bundle_files_contain_no_api_key(built: Build) -> None:
    holders = [
        path.relative_to(built.bundle_dir).as_posix()
        for path in built.bundle_dir.rglob("*")
        if path.is_file() and not path.is_symlink() and API_KEY.search(path.read_bytes())
    ]
    assert holders == []


def test_packed_modules(built: Build) -> None:
    modules: dict[str, bytes] = {}
    for _archive, module, data in build.archive_entries(built.bundle_dir, IS_WINDOWS):
        modules[module] = data

    assert {"gui.app", "gui.cli", "gui.core.secrets", "gui.sandbox.emulator"} <= set(modules)
    assert {"keyring.backends.Windows", "keyring.backends.SecretService"} <= set(modules)
    assert {"truststore", "qasync", "httpx"} <= set(modules)
    assert [name for name in modules if name.split(".")[0] in DEVELOPMENT_MODULES] == []
    assert [name for name in modules if build.is_test_module(name)] == []
    assert [name for name in modules if "WebEngine" in name] == []
    assert [name for name, data in modules.items() if API_KEY.search(data)] == []


def test_inno_sources_exist_in_bundle(built: Build) -> None:
    script = parse_script(bundle.INNO_SCRIPT.read_text(encoding="utf-8"))
    root = bundle.INNO_SCRIPT.parent / script.setup()["SourceDir"]
    for entry in script.entries("files"):
        source = PureWindowsPath(script.expand(entry["Source"]))
        if source.name == "*":
            assert (root / Path(*source.parent.parts)).is_dir(), source
            continue
        # The Linux build has the same executables without the .exe suffix.
        name = source.name if IS_WINDOWS else source.name.removesuffix(".exe")
        assert (root / Path(*source.parent.parts) / name).is_file(), source


def test_checksums_match_files(built: Build) -> None:
    lines = build.CHECKSUM_FILE.read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert built.portable_zip.name in listed
    for name, digest in listed.items():
        path = build.DIST_DIR / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name


def extract_zip(archive: Path, target: Path) -> None:
    """Extract ``archive`` into ``target``, restoring Unix modes and symbolic links."""
    with zipfile.ZipFile(archive) as zip_file:
        for info in zip_file.infolist():
            path = target / info.filename
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                os.symlink(zip_file.read(info).decode("utf-8"), path)
                continue
            path.write_bytes(zip_file.read(info))
            if mode:
                os.chmod(path, stat.S_IMODE(mode))


def test_portable_zip_keeps_data_beside_executable(built: Build, tmp_path: Path) -> None:
    extract_zip(built.portable_zip, tmp_path / "unpacked")
    [folder] = (tmp_path / "unpacked").iterdir()
    assert (folder / bundle.PORTABLE_MARKER).is_file()
    user_home = tmp_path / "user-home"
    user_home.mkdir()
    environment = build.self_test_environment()
    environment.update({"HOME": str(user_home), "USERPROFILE": str(user_home)})
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment.pop(name, None)
    executable = folder / bundle.executable_file(bundle.CLI_EXECUTABLE, IS_WINDOWS)

    result = subprocess.run(
        [str(executable), "--demo", "--self-test"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=build.SELF_TEST_TIMEOUT,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    saved = re.search(r"^Self-test passed: (.+)$", result.stdout, re.MULTILINE)
    assert saved is not None, result.stdout
    assert (folder / "data" / "results") in Path(saved[1]).parents
    assert (folder / "data" / "config" / "settings.ini").is_file()
    leaked = [path for path in user_home.rglob("*") if "pixelpost" in path.name.lower()]
    assert leaked == []

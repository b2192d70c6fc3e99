"""Build the PixelPost one-folder bundle, test it and package it.

    python packaging/build.py [--skip-self-test] [--sign-command COMMAND]

Run it with the Python environment that has PixelPost's dependencies and
PyInstaller installed. The steps:

1. Run PyInstaller on packaging/pixelpost.spec with PYTHONHASHSEED=0 and
   SOURCE_DATE_EPOCH set to the last commit's time, the two variables that
   PyInstaller's reproducible builds need. The bundle lands in dist/pixelpost.
2. Sign the executables when --sign-command is given (Windows only).
3. Run the bundled self-test in English and Chinese (offscreen on Linux).
4. Check the bundle: expected layout, data files, Qt plugins and translations;
   no test files, translation sources, screenshots, QtWebEngine or API keys.
5. Write the portable zip (with portable.txt beside the executables) and, on
   Windows with Inno Setup's iscc on PATH, the installer.
6. Write dist/SHA256SUMS.txt for the bundle files and the packages.

The script exits with 1 and the reason when a step fails.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


def load_bundle_module() -> ModuleType:
    """Import pixelpost_bundle.py from this folder without putting the folder on sys.path.

    On sys.path, this file would hide the PyPI ``build`` package from other code.
    """
    if "pixelpost_bundle" in sys.modules:
        return sys.modules["pixelpost_bundle"]
    path = Path(__file__).resolve().parent / "pixelpost_bundle.py"
    spec = importlib.util.spec_from_file_location("pixelpost_bundle", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["pixelpost_bundle"] = module
    spec.loader.exec_module(module)
    return module


bundle = load_bundle_module()

IS_WINDOWS = sys.platform == "win32"
REPOSITORY: Path = bundle.REPOSITORY
WORK_DIR = REPOSITORY / "build" / "pyinstaller"
DIST_DIR = REPOSITORY / "dist"
BUNDLE_DIR = DIST_DIR / bundle.BUNDLE_NAME
CHECKSUM_FILE = DIST_DIR / "SHA256SUMS.txt"
MINIMUM_PYINSTALLER = (6, 0)

# The app's self-test gives up after 120 s. The rest covers start-up on a slow machine.
SELF_TEST_TIMEOUT = 300
# A DashScope API key is "sk-" followed by letters and digits.
API_KEY_PATTERN = re.compile(rb"(?<![A-Za-z0-9])sk-[A-Za-z0-9]{20,}")
# Variables that would make the bundle read files from outside itself, use
# another key store or see the developer's real API key. The self-test runs
# without them, so it tests the bundle as shipped.
ISOLATED_VARIABLES = (
    "PIXELPOST_HOME",
    "PIXELPOST_RESOURCES",
    "PYTHON_KEYRING_BACKEND",
    "DASHSCOPE_API_KEY",
    "PYTHONPATH",
    "PYTHONHOME",
    "QT_PLUGIN_PATH",
)
WINDOWS_KEYRING = "keyring.backends.Windows.WinVaultKeyring (secure: True)"
PORTABLE_NOTE = """\
PixelPost portable mode / 便携模式

While this file is next to the PixelPost executable, PixelPost keeps its
settings, task history, logs and results in the "data" folder next to it,
and nowhere else. API keys still go to the system key store (Windows
Credential Manager). Delete this file to use the per-user folders instead.

本文件与 PixelPost 可执行文件放在同一文件夹时，设置、任务历史、日志和生成结果
都保存在旁边的 "data" 文件夹中。API 密钥仍保存在系统密钥存储（Windows 凭据管理器）中。
删除本文件后，PixelPost 改用当前用户的默认文件夹。
"""


class BuildError(Exception):
    """Raised when a build step fails. The message names the step and the next action."""


@dataclass(frozen=True)
class SelfTestRun:
    """Exit code and output lines of one bundled self-test run."""

    command: list[str]
    returncode: int
    lines: list[str]

    def value(self, prefix: str) -> str | None:
        """Return the rest of the first output line that starts with ``prefix``."""
        for line in self.lines:
            if line.startswith(prefix):
                return line[len(prefix):].strip()
        return None


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the PixelPost bundle with PyInstaller, self-test it, check its "
        "contents and write the portable zip, the Windows installer and SHA-256 sums.",
    )
    parser.add_argument(
        "--skip-self-test",
        action="store_true",
        help="do not run the bundled executables (the content checks still run)",
    )
    parser.add_argument(
        "--sign-command",
        metavar="COMMAND",
        help="Windows only: Authenticode signing command, to which the path of the file to sign "
        'is appended, for example "signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256 /a"',
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        if args.sign_command and not IS_WINDOWS:
            raise BuildError("--sign-command signs Windows executables. Run the build on Windows.")
        require_pyinstaller()
        version = bundle.read_version()
        print(f"Building PixelPost {version} on {sysconfig.get_platform()}")
        remove_old_artifacts()

        # The list is taken before PyInstaller runs, so a file added to
        # resources/ during the build is not reported as missing.
        expected_resources = bundled_resource_names()
        pyinstaller_seconds = run_pyinstaller(build_environment())
        if args.sign_command:
            for executable in executables(BUNDLE_DIR):
                sign_file(args.sign_command, executable)

        if args.skip_self_test:
            print("Skipped the self-test (--skip-self-test)")
        else:
            run_self_tests(BUNDLE_DIR)

        problems = check_files(BUNDLE_DIR, IS_WINDOWS, expected_resources)
        problems += check_archives(BUNDLE_DIR, IS_WINDOWS)
        if problems:
            raise BuildError("the bundle check found problems:\n  - " + "\n  - ".join(problems))
        print("Bundle check passed: layout, data files, Qt plugins, no tests, no secrets")

        packages = [make_portable_zip(BUNDLE_DIR, version)]
        installer = build_installer(version, args.sign_command) if IS_WINDOWS else None
        if installer is not None:
            packages.append(installer)
        write_checksums(BUNDLE_DIR, packages, CHECKSUM_FILE)
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1

    size, count = tree_size(BUNDLE_DIR)
    print()
    print(f"Bundle:      {BUNDLE_DIR} ({size / 2**20:.1f} MiB in {count} files)")
    for package in packages:
        print(f"Package:     {package} ({package.stat().st_size / 2**20:.1f} MiB)")
    print(f"Checksums:   {CHECKSUM_FILE}")
    print(f"Build time:  {time.monotonic() - started:.0f} s in total, "
          f"{pyinstaller_seconds:.0f} s of it in PyInstaller")
    return 0


def require_pyinstaller() -> None:
    """Raise BuildError with the install command unless PyInstaller 6 or later is present."""
    install = f'"{sys.executable}" -m pip install "pyinstaller>=6"'
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(f"PyInstaller is not installed for {sys.executable}. Install it with:\n"
                         f"    {install}")
    version = importlib.metadata.version("pyinstaller")
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if numbers < MINIMUM_PYINSTALLER:
        raise BuildError(f"PyInstaller {version} is too old. The spec needs 6.0 or later "
                         f"(the _internal folder layout). Upgrade it with:\n    {install}")


def build_environment() -> dict[str, str]:
    """Return the environment for PyInstaller with the reproducibility variables set."""
    environment = dict(os.environ)
    environment["PYTHONHASHSEED"] = "0"
    if "SOURCE_DATE_EPOCH" not in environment:
        epoch = last_commit_time()
        if epoch is None:
            print("No git history found, so SOURCE_DATE_EPOCH stays unset and timestamps vary")
        else:
            environment["SOURCE_DATE_EPOCH"] = epoch
    if "SOURCE_DATE_EPOCH" in environment:
        print(f"SOURCE_DATE_EPOCH={environment['SOURCE_DATE_EPOCH']}, PYTHONHASHSEED=0")
    return environment


def last_commit_time() -> str | None:
    """Return the Unix time of the last commit, or None outside a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(
        [git, "-C", str(REPOSITORY), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    epoch = result.stdout.strip()
    return epoch if result.returncode == 0 and epoch.isdigit() else None


def remove_old_artifacts() -> None:
    """Delete packages and sums of earlier builds, so the new sums list only this build.

    Other files in dist/ (wheels from ``python -m build``, for example) stay.
    """
    for pattern in ("PixelPost-*-portable.zip", "PixelPost-*-setup.exe", CHECKSUM_FILE.name):
        for path in DIST_DIR.glob(pattern):
            path.unlink()


def run_pyinstaller(environment: dict[str, str]) -> float:
    """Run PyInstaller on the spec and return how long it took in seconds."""
    command = [
        sys.executable, "-m", "PyInstaller", str(bundle.SPEC_FILE),
        "--clean", "--noconfirm",
        "--workpath", str(WORK_DIR),
        "--distpath", str(DIST_DIR),
        "--log-level", "WARN",
    ]
    print("Running", " ".join(command))
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPOSITORY, env=environment, check=False)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {result.returncode}. "
                         "Its messages are above.")
    print(f"PyInstaller finished in {seconds:.0f} s")
    return seconds


def executables(bundle_dir: Path, windows: bool = IS_WINDOWS) -> list[Path]:
    """Return the paths of the GUI and the console executable in a bundle."""
    return [
        bundle_dir / bundle.executable_file(bundle.GUI_EXECUTABLE, windows),
        bundle_dir / bundle.executable_file(bundle.CLI_EXECUTABLE, windows),
    ]


def sign_file(sign_command: str, path: Path) -> None:
    """Run the signing command with ``path`` appended (Windows command-line rules)."""
    print(f"Signing {path}")
    # NOTE: not run by the project's tests, which have no Windows machine or certificate.
    result = subprocess.run(f'{sign_command} "{path}"', check=False)
    if result.returncode != 0:
        raise BuildError(f"signing {path} failed with exit code {result.returncode}.")


def self_test_environment() -> dict[str, str]:
    """Return the environment for a bundled self-test run.

    Linux runs Qt offscreen. On Windows Qt uses the native platform plugin,
    which the self-test is meant to exercise, unless QT_QPA_PLATFORM is set.
    """
    environment = {
        name: value for name, value in os.environ.items() if name not in ISOLATED_VARIABLES
    }
    if not IS_WINDOWS:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def run_self_test(
    executable: Path, home: Path, language: str | None = None
) -> SelfTestRun:
    """Run ``executable --demo --self-test --home HOME [--lang LANGUAGE]`` and capture it."""
    command = [str(executable), "--demo", "--self-test", "--home", str(home)]
    if language:
        command += ["--lang", language]
    try:
        result = subprocess.run(
            command,
            cwd=home.parent,
            env=self_test_environment(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=SELF_TEST_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"{' '.join(command)} timed out after {SELF_TEST_TIMEOUT} s.") from error
    output = (result.stdout or "") + (result.stderr or "")
    return SelfTestRun(command, result.returncode, output.splitlines())


def run_self_tests(bundle_dir: Path) -> None:
    """Run the self-test with the console executable in English and Chinese.

    The windowed executable runs once too. On Windows it has no console, so only
    its exit code is checked there.
    """
    gui, cli = executables(bundle_dir)
    with tempfile.TemporaryDirectory(prefix="pixelpost-self-test-") as temporary:
        root = Path(temporary)
        english = run_self_test(cli, root / "en")
        report_self_test(english)
        chinese = run_self_test(cli, root / "zh_CN", "zh_CN")
        report_self_test(chinese)
        windowed = run_self_test(gui, root / "gui")
        if windowed.returncode != 0:
            raise BuildError(f"{gui.name} --demo --self-test exited with {windowed.returncode}.")
        print(f"Self-test passed: {gui.name} exited with 0")

    loaded = chinese.value("translations loaded:")
    expected = "qtbase_zh_CN, pixelpost_zh_CN"
    if loaded != expected:
        raise BuildError(f"the Chinese self-test loaded translations {loaded!r}, "
                         f"expected {expected!r}.")
    backend = english.value("keyring backend:")
    if IS_WINDOWS and backend != WINDOWS_KEYRING:
        raise BuildError(f"the bundle uses keyring backend {backend!r}, expected "
                         f"{WINDOWS_KEYRING!r}. keyring's metadata or backends are missing.")


def report_self_test(run: SelfTestRun) -> None:
    """Print a self-test's output, or raise BuildError when it did not pass."""
    for line in run.lines:
        print(f"    {line}")
    passed = run.value("Self-test passed:")
    if run.returncode != 0 or passed is None:
        raise BuildError(
            f"{' '.join(run.command)} exited with {run.returncode}. If a module is missing, "
            "install PixelPost's dependencies into this environment "
            '(python -m pip install -e .) and build again.'
        )


def check_files(
    bundle_dir: Path, windows: bool, expected_resources: set[str] | None = None
) -> list[str]:
    """Return the problems found in the bundle's files (an empty list when it is fine).

    ``expected_resources`` lists the data files the bundle must contain, as paths
    below resources/. By default the list is read from the source tree. The checks
    need no PyInstaller, so the tests run them on made-up folders too.
    """
    problems: list[str] = []
    contents = bundle_dir / bundle.CONTENTS_DIRECTORY
    for executable in executables(bundle_dir, windows):
        if not executable.is_file():
            problems.append(f"missing executable {executable.name}")
    if not contents.is_dir():
        problems.append(f"missing folder {bundle.CONTENTS_DIRECTORY}")
        return problems

    if expected_resources is None:
        expected_resources = bundled_resource_names()
    problems += check_resources(contents, expected_resources)
    problems += check_qt_files(bundle_dir, windows)
    for path in sorted(bundle_dir.rglob("*")):
        relative = path.relative_to(bundle_dir).as_posix()
        if is_test_file(relative):
            problems.append(f"test file {relative}")
        if path.suffix == ".ts":
            problems.append(f"translation source {relative}")
        if "screenshots" in path.parts:
            problems.append(f"screenshot {relative}")
        if "WebEngine" in path.name:
            problems.append(f"QtWebEngine file {relative}")
        elif re.search(bundle.UNUSED_QT_LIBRARY_PATTERN, path.name):
            problems.append(f"unused Qt library {relative}")
        if "plugins" in path.parts and bundle.is_unused_qt_plugin(path.name):
            problems.append(f"unused Qt plugin {relative}")
        if path.is_file() and not path.is_symlink() and find_api_keys(path.read_bytes()):
            problems.append(f"API key in {relative}")
    return problems


def bundled_resource_names() -> set[str]:
    """Return the source tree's data files that belong in the bundle, relative to resources/."""
    source = bundle.RESOURCES_DIR
    return {path.relative_to(source).as_posix() for path in bundle.resource_files(source)}


def check_resources(contents: Path, expected: set[str]) -> list[str]:
    """Compare the bundled data files with ``expected`` and classify resources/."""
    bundled_root = contents / "resources"
    bundled = {
        path.relative_to(bundled_root).as_posix()
        for path in bundled_root.rglob("*")
        if path.is_file()
    }
    problems = [f"missing data file resources/{name}" for name in sorted(expected - bundled)]
    problems += [f"unexpected data file resources/{name}" for name in sorted(bundled - expected)]
    problems += [
        f"resources/{name} is neither bundled nor excluded. Add a pattern to RESOURCE_PATTERNS "
        "or RESOURCE_EXCLUDES in packaging/pixelpost_bundle.py"
        for name in bundle.unclassified_resources(bundle.RESOURCES_DIR)
    ]
    return problems


def check_qt_files(bundle_dir: Path, windows: bool) -> list[str]:
    """Check the Qt plugins and Qt translations the app needs, and nothing more."""
    problems = []
    qt = bundle.qt_directory(bundle_dir, windows)
    platform_key = "win32" if windows else "linux"
    for pattern in bundle.REQUIRED_QT_PLUGINS[platform_key]:
        if not any((qt / "plugins").glob(pattern)):
            problems.append(f"missing Qt plugin plugins/{pattern}")
    translations = {path.name for path in (qt / "translations").glob("*.qm")}
    for name in bundle.QT_TRANSLATIONS:
        if name not in translations:
            problems.append(f"missing Qt translation translations/{name}")
    for name in sorted(translations - set(bundle.QT_TRANSLATIONS)):
        problems.append(f"unused Qt translation translations/{name}")
    return problems


def is_test_file(relative_path: str) -> bool:
    """Return whether a bundle path looks like a test module or test folder."""
    parts = relative_path.replace("\\", "/").split("/")
    name = parts[-1]
    if "tests" in parts[:-1] or name == "tests":
        return True
    if name == "conftest.py" or name.endswith("_test.py"):
        return True
    return name.startswith("test_") and name.endswith((".py", ".pyc"))


def is_test_module(module: str) -> bool:
    """Return whether a dotted module name is a test module or test package."""
    parts = module.split(".")
    return any(part in ("tests", "conftest") or part.startswith("test_") for part in parts)


def find_api_keys(data: bytes) -> list[bytes]:
    """Return every substring of ``data`` that looks like a DashScope API key."""
    return API_KEY_PATTERN.findall(data)


def archive_entries(bundle_dir: Path, windows: bool) -> Iterator[tuple[str, str, bytes]]:
    """Yield (archive, module, bytes) for every Python module packed into the bundle.

    The modules sit compressed in each executable's PYZ archive and in
    base_library.zip, where a plain file scan cannot see them.
    """
    from PyInstaller.archive.readers import CArchiveReader

    for executable in executables(bundle_dir, windows):
        package = CArchiveReader(str(executable))
        for name, entry in package.toc.items():
            typecode = entry[-1]
            if typecode == "z":
                archive = package.open_embedded_archive(name)
                for module in sorted(archive.toc):
                    data = archive.extract(module, raw=True) or b""
                    yield executable.name, module, data
            elif typecode in ("m", "s", "M"):
                yield executable.name, name, package.extract(name) or b""
    library = bundle_dir / bundle.CONTENTS_DIRECTORY / "base_library.zip"
    if library.is_file():
        with zipfile.ZipFile(library) as archive:
            for info in archive.infolist():
                module = info.filename.removesuffix(".pyc").replace("/", ".")
                yield library.name, module, archive.read(info)


def check_archives(bundle_dir: Path, windows: bool) -> list[str]:
    """Return the problems found in the Python modules packed into the bundle."""
    problems = []
    forbidden = set(bundle.DEVELOPMENT_PACKAGES)
    for archive, module, data in archive_entries(bundle_dir, windows):
        top_level = module.split(".")[0]
        if top_level in forbidden:
            problems.append(f"development package module {module} in {archive}")
        elif is_test_module(module):
            problems.append(f"test module {module} in {archive}")
        if module.startswith("PySide6.QtWebEngine"):
            problems.append(f"QtWebEngine module {module} in {archive}")
        if find_api_keys(data):
            problems.append(f"API key in module {module} in {archive}")
    return problems


def tree_size(root: Path) -> tuple[int, int]:
    """Return the total size in bytes and the number of regular files below ``root``."""
    size = 0
    count = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size += path.stat().st_size
            count += 1
    return size, count


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Return the entry time for the zip: SOURCE_DATE_EPOCH, or 1980-01-01 without it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or last_commit_time()
    if epoch is None:
        return (1980, 1, 1, 0, 0, 0)
    moment = time.gmtime(max(int(epoch), 315532800))  # zip dates start in 1980
    return (moment.tm_year, moment.tm_mon, moment.tm_mday,
            moment.tm_hour, moment.tm_min, moment.tm_sec)


def make_portable_zip(bundle_dir: Path, version: str, dist_dir: Path = DIST_DIR) -> Path:
    """Write the portable zip: the bundle plus portable.txt in a PixelPost-<version> folder.

    Entries are sorted and share one timestamp, so the same bundle always gives
    the same zip. Unix file modes and symbolic links (PyInstaller links some
    libraries on Linux) are kept.
    """
    platform_tag = sysconfig.get_platform().replace("-", "_")
    target = dist_dir / f"{bundle.APP_NAME}-{version}-{platform_tag}-portable.zip"
    top = f"{bundle.APP_NAME}-{version}"
    timestamp = zip_timestamp()
    print(f"Writing {target}")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zip_file:
        for path in sorted(bundle_dir.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(bundle_dir).as_posix()}", timestamp)
            mode = path.lstat().st_mode
            info.external_attr = (stat.S_IFMT(mode) | stat.S_IMODE(mode)) << 16
            if path.is_symlink():
                zip_file.writestr(info, os.readlink(path), compress_type=zipfile.ZIP_STORED)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                zip_file.writestr(info, path.read_bytes())
        note = zipfile.ZipInfo(f"{top}/{bundle.PORTABLE_MARKER}", timestamp)
        note.external_attr = (stat.S_IFREG | 0o644) << 16
        note.compress_type = zipfile.ZIP_DEFLATED
        zip_file.writestr(note, PORTABLE_NOTE.encode("utf-8"))
    return target


def find_iscc() -> str | None:
    """Return the Inno Setup compiler on PATH, if any."""
    return shutil.which("iscc") or shutil.which("ISCC")


def build_installer(version: str, sign_command: str | None) -> Path | None:
    """Compile packaging/pixelpost.iss with iscc and return the installer path.

    Returns None, with a note, when iscc is not on PATH.
    """
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup's iscc is not on PATH, so no installer was built. Install Inno Setup "
              "6.3 or later and add its folder to PATH to get one.")
        return None
    numbers = ".".join(str(number) for number in bundle.numeric_version(version))
    command = [iscc, "/Qp", f"/DAppVersion={version}", f"/DFileVersion={numbers}"]
    if sign_command:
        # Inno Setup signs the installer and its uninstaller with this tool, and
        # replaces $f with the quoted file name.
        command += [f"/Spixelpost={sign_command} $f", "/DSignToolName=pixelpost"]
    command.append(str(bundle.INNO_SCRIPT))
    print("Running", " ".join(command))
    result = subprocess.run(command, cwd=REPOSITORY, check=False)
    if result.returncode != 0:
        raise BuildError(f"iscc failed with exit code {result.returncode}. Its messages are above.")
    installer = DIST_DIR / f"{bundle.APP_NAME}-{version}-setup.exe"
    if not installer.is_file():
        raise BuildError(f"iscc succeeded but {installer} does not exist. Check OutputDir and "
                         "OutputBaseFilename in the .iss file.")
    return installer


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(bundle_dir: Path, packages: Sequence[Path], target: Path) -> None:
    """Write SHA-256 sums in the ``sha256sum`` format, with paths relative to dist/.

    ``sha256sum -c SHA256SUMS.txt`` in dist/ verifies them. Symbolic links are
    skipped because the files they point to are listed.
    """
    files = list(packages)
    files += sorted(
        path for path in bundle_dir.rglob("*") if path.is_file() and not path.is_symlink()
    )
    lines = [f"{sha256_of(path)}  {path.relative_to(target.parent).as_posix()}" for path in files]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(lines)} checksums to {target}")


if __name__ == "__main__":
    sys.exit(main())

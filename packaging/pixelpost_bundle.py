"""Layout, version and Windows version resource of the PixelPost bundle.

``pixelpost.spec``, ``build.py`` and the packaging tests import this module, so
the executable names, the folder layout and the version are defined once.
It needs only the standard library, because the spec imports it inside
PyInstaller and the tests import it without PyInstaller installed.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
PACKAGING_DIR = REPOSITORY / "packaging"
SPEC_FILE = PACKAGING_DIR / "pixelpost.spec"
INNO_SCRIPT = PACKAGING_DIR / "pixelpost.iss"
ICON_FILE = PACKAGING_DIR / "pixelpost.ico"
VERSION_FILE = REPOSITORY / "gui" / "__init__.py"
RESOURCES_DIR = REPOSITORY / "resources"

APP_NAME = "PixelPost"
# PyInstaller writes the one-folder bundle to dist/<BUNDLE_NAME>.
BUNDLE_NAME = "pixelpost"
# The window app. On Windows it is built without a console, so it prints nothing.
GUI_EXECUTABLE = "pixelpost"
# The same program with a console on Windows: the self-test output, `send` and
# `catalog` are only visible through it. On Linux both executables behave alike.
CLI_EXECUTABLE = "pixelpost-cli"
# PyInstaller 6 puts everything except the executables into this folder.
CONTENTS_DIRECTORY = "_internal"
# A file with this name beside the executable switches the app to portable
# mode. It must equal PORTABLE_MARKER in gui/core/paths.py, which a test checks.
PORTABLE_MARKER = "portable.txt"

# Data files the app reads at run time, as glob patterns below resources/.
RESOURCE_PATTERNS = ("catalog/*.toml", "errors/*.toml", "i18n/*.qm")
# Files below resources/ that stay out of the bundle: README screenshots,
# translation sources and notes for developers (fnmatch patterns, where "*"
# also matches "/"). A file that matches neither list fails the build and a
# test, so a new kind of data file cannot be left out by accident.
RESOURCE_EXCLUDES = ("screenshots/*", "i18n/*.ts", "*.md")

# Qt's own translations that the app loads (gui/widgets/i18n.py loads
# qtbase_<language>). PyInstaller collects every locale, and the spec drops the others.
QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)

# Qt plugins the bundle must contain, as glob patterns below the Qt plugin folder.
# Images arrive as PNG (built into QtGui), JPEG, WebP or GIF.
# NOTE: the Windows names follow Qt's plugin file names but have not been
# checked against a Windows build yet; build.py names any that is missing.
REQUIRED_QT_PLUGINS = {
    "win32": (
        "platforms/qwindows.dll",
        "platforms/qoffscreen.dll",
        "imageformats/qjpeg.dll",
        "imageformats/qwebp.dll",
        "imageformats/qgif.dll",
        "styles/*.dll",
    ),
    "linux": (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqjpeg.so",
        "imageformats/libqwebp.so",
        "imageformats/libqgif.so",
    ),
}

# Qt plugins the app never uses, as file names without "lib" and extension.
# Each one pulls in large libraries: the PDF image format needs QtPdf, the
# virtual keyboard needs QtQml and QtQuick, and the GTK 3 platform theme (Linux
# only) makes PyInstaller copy the build machine's GTK. The app draws with the
# Fusion style, so it needs no platform theme for its look.
UNUSED_QT_PLUGIN_STEMS = ("qpdf", "qtvirtualkeyboardplugin", "qgtk3")

# Python packages that are installed for development only. The spec excludes
# them and build.py fails if any of them ends up in the bundle.
DEVELOPMENT_PACKAGES = (
    "tests",
    "pytest",
    "_pytest",
    "pytestqt",
    "pytest_timeout",
    "pluggy",
    "dashscope",
    "aiohttp",
    "mypy",
    "ruff",
    "PyInstaller",
)

# Packages that installed libraries import only for features the app does not
# use: httpx's command line (click, rich, pygments) and truststore's patching
# of requests and urllib3. The app passes truststore's SSLContext to httpx.
UNUSED_OPTIONAL_PACKAGES = (
    "click",
    "rich",
    "pygments",
    "markdown_it",
    "mdurl",
    "requests",
    "urllib3",
    "charset_normalizer",
    "chardet",
)

# File names of Qt libraries that must not be in the bundle: large modules that
# only an unused plugin or import would pull in.
UNUSED_QT_LIBRARY_PATTERN = r"Qt6?(WebEngine|WebChannel|Qml|Quick|Pdf|VirtualKeyboard)"

# Qt modules the app does not import.
UNUSED_QT_MODULES = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebChannel",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuickControls2",
    "QtQuickTest",
    "QtPdf",
    "QtPdfWidgets",
    "QtVirtualKeyboard",
    "QtDesigner",
    "QtUiTools",
    "QtHelp",
    "QtTest",
    "QtSql",
    "QtNetwork",
    "QtOpenGLWidgets",
    "QtPrintSupport",
    "QtDBus",
)


def executable_file(stem: str, windows: bool) -> str:
    """Return the file name of an executable: ``stem`` plus ``.exe`` on Windows."""
    return f"{stem}.exe" if windows else stem


def read_version(version_file: Path = VERSION_FILE) -> str:
    """Read ``__version__`` from ``gui/__init__.py`` without importing the package.

    Raises ValueError when the file has no string assignment to ``__version__``.
    """
    tree = ast.parse(version_file.read_text(encoding="utf-8"), filename=str(version_file))
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        names = [target.id for target in node.targets if isinstance(target, ast.Name)]
        value = node.value
        if (
            "__version__" in names
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            return value.value
    raise ValueError(f"{version_file} has no __version__ = '...' assignment")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Return the four numbers Windows version resources and Inno Setup accept.

    ``0.1.0`` becomes ``(0, 1, 0, 0)``. A pre-release or local suffix such as
    ``0.2.0rc1`` or ``0.2.0+abc`` is dropped, because a Windows file version is
    four 16-bit integers. Raises ValueError when the version does not start with
    a number or has a part above 65535.
    """
    match = re.match(r"\d+(?:\.\d+)*", version)
    if match is None:
        raise ValueError(f"Version {version!r} does not start with a number such as 1.2.3")
    parts = [int(part) for part in match.group(0).split(".")][:4]
    if any(part > 0xFFFF for part in parts):
        raise ValueError(f"Version {version!r} has a part above 65535")
    parts += [0] * (4 - len(parts))
    return (parts[0], parts[1], parts[2], parts[3])


def windows_version_info(version: str, executable_stem: str) -> str:
    """Return a Windows version resource for one executable as PyInstaller's text format.

    The text is a ``VSVersionInfo(...)`` expression that PyInstaller evaluates on
    Windows (``EXE(version=<file>)``). The string table is marked US English
    (0x0409) and UTF-16 (code page 1200).
    """
    numbers = numeric_version(version)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": f"{APP_NAME}, a desktop client for the Model Studio image APIs",
        "FileVersion": version,
        "InternalName": executable_stem,
        "LegalCopyright": f"Copyright the {APP_NAME} authors",
        "OriginalFilename": executable_file(executable_stem, windows=True),
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    string_lines = ",\n".join(
        f"          StringStruct({name!r}, {value!r})" for name, value in strings.items()
    )
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          '040904B0',
          [
{string_lines},
          ],
        ),
      ]
    ),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""


def is_unused_qt_plugin(file_name: str) -> bool:
    """Return whether a Qt plugin file (``libqgtk3.so``, ``qpdf.dll``) is one the app never uses."""
    stem = file_name.split(".")[0].removeprefix("lib")
    return stem in UNUSED_QT_PLUGIN_STEMS


def qt_directory(bundle_dir: Path, windows: bool) -> Path:
    """Return the folder with Qt's ``plugins`` and ``translations`` inside a bundle.

    PyInstaller keeps the PySide6 wheel layout: ``PySide6`` on Windows and
    ``PySide6/Qt`` on Linux, both below the contents folder.
    """
    pyside = bundle_dir / CONTENTS_DIRECTORY / "PySide6"
    return pyside if windows else pyside / "Qt"


def resource_files(resources_dir: Path = RESOURCES_DIR) -> list[Path]:
    """Return the files below ``resources_dir`` that the bundle carries, sorted."""
    files: set[Path] = set()
    for pattern in RESOURCE_PATTERNS:
        files.update(path for path in resources_dir.glob(pattern) if path.is_file())
    return sorted(files)


def unclassified_resources(resources_dir: Path = RESOURCES_DIR) -> list[str]:
    """Return the paths below ``resources_dir`` that are neither bundled nor excluded."""
    bundled = set(resource_files(resources_dir))
    unclassified = []
    for path in sorted(resources_dir.rglob("*")):
        if not path.is_file() or path in bundled:
            continue
        relative = path.relative_to(resources_dir).as_posix()
        if not any(fnmatch.fnmatchcase(relative, pattern) for pattern in RESOURCE_EXCLUDES):
            unclassified.append(relative)
    return unclassified

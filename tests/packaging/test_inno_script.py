"""The Inno Setup script against the bundle layout, the build script and the app.

No Inno Setup compiler runs here: the tests parse packaging/pixelpost.iss the
way its sections are written and compare it with pixelpost_bundle.py, build.py
and the app's own constants.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

import platformdirs.windows
import pytest
from PIL import Image

from gui.core.paths import APP_NAME
from gui.core.regions import REGION_IDS
from gui.core.secrets import SERVICE
from tests.packaging.packaging_modules import build, bundle

SECTION_HEADER = re.compile(r"\[([A-Za-z]+)\]")
DEFINE = re.compile(r'#define\s+(\w+)\s+"([^"]*)"')
INLINE_DEFINE = re.compile(r"\{#(\w+)\}")
VERSION = "1.2.3"


@dataclass
class InnoScript:
    """The parts of an .iss file these tests read.

    Lines inside ISPP conditionals are kept whatever the condition, and ISPP
    directives themselves are not section lines.
    """

    text: str
    defines: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)

    def expand(self, value: str, **extra: str) -> str:
        """Replace ``{#Name}`` with the value of a ``#define`` or of ``extra``."""
        values = {**self.defines, **extra}
        return INLINE_DEFINE.sub(lambda match: values.get(match[1], match[0]), value)

    def setup(self) -> dict[str, str]:
        directives = {}
        for line in self.sections.get("setup", []):
            name, _, value = line.partition("=")
            directives[name.strip()] = value.strip()
        return directives

    def entries(self, section: str) -> list[dict[str, str]]:
        """Return a section's ``Name: value; ...`` lines as dicts, quotes removed."""
        return [parse_parameters(line) for line in self.sections.get(section, [])]


def parse_parameters(line: str) -> dict[str, str]:
    parameters = {}
    for part in re.findall(r'(?:[^;"]|"[^"]*")+', line):
        name, _, value = part.partition(":")
        parameters[name.strip()] = value.strip().strip('"')
    return parameters


def parse_script(text: str) -> InnoScript:
    script = InnoScript(text)
    section = ""
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith(";") or line.startswith("//"):
            continue
        if line.startswith("#"):
            define = DEFINE.fullmatch(line)
            if define:
                script.defines[define[1]] = define[2]
            continue
        header = SECTION_HEADER.fullmatch(line)
        if header:
            section = header[1].lower()
            script.sections.setdefault(section, [])
            continue
        script.sections.setdefault(section, []).append(line)
    return script


@pytest.fixture(scope="module")
def script() -> InnoScript:
    return parse_script(bundle.INNO_SCRIPT.read_text(encoding="utf-8"))


def source_root(script: InnoScript) -> Path:
    """Return the folder that relative paths in the script start from (SourceDir)."""
    source_dir = PureWindowsPath(script.setup()["SourceDir"])
    return (bundle.INNO_SCRIPT.parent / Path(*source_dir.parts)).resolve()


def test_install_is_per_user_without_admin(script: InnoScript) -> None:
    setup = script.setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    install_dir = script.expand(setup["DefaultDirName"])
    assert install_dir in ("{autopf}\\PixelPost", "{localappdata}\\Programs\\PixelPost")


def test_version_comes_from_define(script: InnoScript) -> None:
    setup = script.setup()
    assert "AppVersion" not in script.defines
    assert re.search(r"#ifndef AppVersion\s*\n#error ", script.text)
    assert setup["AppVersion"] == "{#AppVersion}"
    assert script.expand(setup["AppVerName"], AppVersion=VERSION) == f"PixelPost {VERSION}"
    assert setup["VersionInfoVersion"] == "{#FileVersion}"
    assert setup["VersionInfoTextVersion"] == "{#AppVersion}"
    default_file_version = r"#ifndef FileVersion\s*\n#define FileVersion AppVersion\s*\n#endif"
    assert re.search(default_file_version, script.text)


def test_app_id_is_a_fixed_guid(script: InnoScript) -> None:
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", script.setup()["AppId"])


def test_file_sources_match_bundle_layout(script: InnoScript) -> None:
    bundle_dir = f"dist\\{bundle.BUNDLE_NAME}"
    gui = bundle.executable_file(bundle.GUI_EXECUTABLE, windows=True)
    cli = bundle.executable_file(bundle.CLI_EXECUTABLE, windows=True)
    files = {script.expand(entry["Source"]): entry for entry in script.entries("files")}

    assert set(files) == {
        f"{bundle_dir}\\{gui}",
        f"{bundle_dir}\\{cli}",
        f"{bundle_dir}\\{bundle.CONTENTS_DIRECTORY}\\*",
    }
    assert files[f"{bundle_dir}\\{gui}"]["DestDir"] == "{app}"
    assert files[f"{bundle_dir}\\{cli}"]["DestDir"] == "{app}"
    contents = files[f"{bundle_dir}\\{bundle.CONTENTS_DIRECTORY}\\*"]
    assert script.expand(contents["DestDir"]) == f"{{app}}\\{bundle.CONTENTS_DIRECTORY}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(contents["Flags"].split())
    assert source_root(script) / "dist" / bundle.BUNDLE_NAME == build.BUNDLE_DIR


def test_script_has_no_absolute_paths(script: InnoScript) -> None:
    assert not re.search(r"(?<![A-Za-z])[A-Za-z]:\\", script.text)
    paths = [script.expand(entry["Source"]) for entry in script.entries("files")]
    setup = script.setup()
    paths += [setup["SourceDir"], setup["OutputDir"], setup["SetupIconFile"]]
    for path in paths:
        assert not PureWindowsPath(path).is_absolute(), path
        assert not path.startswith(("\\", "/")), path


def test_output_matches_build_script(script: InnoScript) -> None:
    setup = script.setup()
    installer = script.expand(setup["OutputBaseFilename"], AppVersion=VERSION) + ".exe"
    assert installer == f"{bundle.APP_NAME}-{VERSION}-setup.exe"
    assert (source_root(script) / setup["OutputDir"]).resolve() == build.DIST_DIR


def test_start_menu_entry_starts_gui(script: InnoScript) -> None:
    gui = bundle.executable_file(bundle.GUI_EXECUTABLE, windows=True)
    icons = [
        {name: script.expand(value) for name, value in entry.items()}
        for entry in script.entries("icons")
    ]
    start_menu = [icon for icon in icons if icon["Name"].startswith(("{autoprograms}", "{group}"))]
    assert start_menu == [{"Name": "{autoprograms}\\PixelPost", "Filename": f"{{app}}\\{gui}"}]


def test_desktop_icon_is_optional(script: InnoScript) -> None:
    icons = script.entries("icons")
    desktop = [icon for icon in icons if icon["Name"].startswith("{autodesktop}")]
    assert len(desktop) == 1
    assert desktop[0]["Tasks"] == "desktopicon"
    tasks = {task["Name"]: task for task in script.entries("tasks")}
    assert "unchecked" in tasks["desktopicon"]["Flags"].split()


def test_upgrade_replaces_contents_folder(script: InnoScript) -> None:
    deletions = [
        (entry["Type"], script.expand(entry["Name"])) for entry in script.entries("installdelete")
    ]
    assert deletions == [("filesandordirs", f"{{app}}\\{bundle.CONTENTS_DIRECTORY}")]


def test_uninstall_keeps_user_data_by_default(script: InnoScript) -> None:
    code = "\n".join(script.sections["code"])
    assert "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);" in code
    assert "usPostUninstall" in code
    assert "UninstallSilent()" in code
    assert "MB_YESNO or MB_DEFBUTTON2) <> IDYES then" in code
    uninstall_deletes = [
        (entry["Type"], entry["Name"]) for entry in script.entries("uninstalldelete")
    ]
    assert uninstall_deletes == [("dirifempty", "{app}")]


def test_uninstall_data_folder_matches_app(
    script: InnoScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = "C:\\Users\\someone\\AppData\\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda name: local)
    folders = platformdirs.windows.Windows(appname=APP_NAME, appauthor=False)
    expected = PureWindowsPath(local, APP_NAME)
    code = script.expand("\n".join(script.sections["code"]))

    assert "DataDir := ExpandConstant('{localappdata}\\PixelPost');" in code
    assert "DelTree(DataDir, True, True, True);" in code
    for folder in (folders.user_config_dir, folders.user_data_dir, folders.user_log_dir):
        path = PureWindowsPath(folder.replace("/", "\\"))
        assert path == expected or expected in path.parents, folder


def test_uninstall_deletes_every_region_key(script: InnoScript) -> None:
    assert script.defines["CredentialService"] == SERVICE
    code = script.expand("\n".join(script.sections["code"]))
    targets = set(re.findall(r"DeleteCredential\('([^']+)'\);", code))
    assert targets == {SERVICE} | {f"{region}@{SERVICE}" for region in REGION_IDS}


def test_uninstall_removes_portable_data(script: InnoScript) -> None:
    code = "\n".join(script.sections["code"])
    assert "DelTree(ExpandConstant('{app}\\data'), True, True, True);" in code
    assert f"DeleteFile(ExpandConstant('{{app}}\\{bundle.PORTABLE_MARKER}'));" in code


def test_setup_icon_is_valid_ico(script: InnoScript) -> None:
    icon = source_root(script) / Path(*PureWindowsPath(script.setup()["SetupIconFile"]).parts)
    assert icon == bundle.ICON_FILE
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"
    with Image.open(icon) as image:
        assert (256, 256) in image.info["sizes"]
        assert (16, 16) in image.info["sizes"]


def test_signing_is_optional(script: InnoScript) -> None:
    block = re.search(r"#ifdef SignToolName\n(.*?)#endif", script.text, re.DOTALL)
    assert block is not None
    assert "SignTool={#SignToolName}" in block[1]
    assert "SignedUninstaller=yes" in block[1]


def test_chinese_messages_need_chinese_language(script: InnoScript) -> None:
    block = re.search(r"#ifdef HaveChinese\n(.*?)#endif", script.text, re.DOTALL)
    assert block is not None
    chinese_lines = [line for line in script.text.splitlines() if line.startswith("chinese")]
    assert chinese_lines
    languages = re.search(r"#if FileExists\(.*?\n(.*?)#endif", script.text, re.DOTALL)
    assert languages is not None
    for line in chinese_lines:
        assert line in block[1] or line in languages[1], line


class FakeIscc:
    """Stands in for subprocess.run: records the command, writes the installer."""

    def __init__(self, installer: Path) -> None:
        self.installer = installer
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        self.installer.write_bytes(b"MZ")
        return subprocess.CompletedProcess(command, 0)


@pytest.mark.parametrize("sign_command", [None, "signtool sign /fd SHA256 /a"])
def test_build_script_passes_defines(
    script: InnoScript, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sign_command: str | None
) -> None:
    version = "0.3.0rc1"
    name = script.expand(script.setup()["OutputBaseFilename"], AppVersion=version)
    fake = FakeIscc(tmp_path / f"{name}.exe")
    monkeypatch.setattr(build, "find_iscc", lambda: "iscc")
    monkeypatch.setattr(build, "DIST_DIR", tmp_path)
    monkeypatch.setattr(build.subprocess, "run", fake)

    installer = build.build_installer(version, sign_command)

    assert installer == fake.installer
    [command] = fake.commands
    assert command[-1] == str(bundle.INNO_SCRIPT)
    assert "/DAppVersion=0.3.0rc1" in command
    assert "/DFileVersion=0.3.0.0" in command
    if sign_command:
        assert f"/Spixelpost={sign_command} $f" in command
        assert "/DSignToolName=pixelpost" in command
    else:
        assert not [argument for argument in command if argument.startswith("/S")]

"""Per-user folders for settings, history, logs and results."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "PixelPost"
HOME_VARIABLE = "PIXELPOST_HOME"
# A file with this name beside the executable makes a portable install keep all
# its folders there.
PORTABLE_MARKER = "portable.txt"


@dataclass(frozen=True)
class AppPaths:
    """Folders the app writes to. Each is created on first use."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    results_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Keep every folder below ``root`` (tests, portable installs, ``PIXELPOST_HOME``)."""
        return cls(root / "config", root / "data", root / "logs", root / "results")

    @classmethod
    def default(cls, executable_dir: Path | None = None) -> AppPaths:
        home = os.environ.get(HOME_VARIABLE)
        if home:
            return cls.under(Path(home))
        if executable_dir is not None and (executable_dir / PORTABLE_MARKER).exists():
            return cls.under(executable_dir / "data")
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            results_dir=Path(platformdirs.user_pictures_dir()) / APP_NAME,
        )

    def create(self) -> None:
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.results_dir):
            folder.mkdir(parents=True, exist_ok=True)

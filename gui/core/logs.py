"""Logging to a rotating file in the user's log folder, with secrets scrubbed."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from gui.core.secrets import RedactingFilter

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_NAME = "pixelpost.log"


def configure_logging(log_dir: Path, level: int = logging.INFO) -> logging.Handler:
    """Send the app's log records to ``log_dir/pixelpost.log`` (1 MB, 3 backups).

    Every record passes the redacting filter, so a registered key never reaches
    the file even if a message or traceback contains it. Returns the handler so
    callers (tests, the self-test) can remove it again.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    # httpx logs every request URL at INFO; the exchange log already has them.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return handler

"""Run the emulator standalone: ``python -m gui.sandbox --port 8000``.

Prints the base URL and the accepted API key, one line each, then serves until
Ctrl+C (or SIGTERM where the platform has it).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from types import FrameType

from gui.sandbox.config import DEMO_KEY, EmulatorConfig
from gui.sandbox.emulator import Emulator


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m gui.sandbox",
        description="Serve an offline DashScope emulator on 127.0.0.1.",
    )
    parser.add_argument(
        "--port", type=int, default=0, help="TCP port to listen on; 0 picks a free port (default)"
    )
    parser.add_argument(
        "--key", default=DEMO_KEY, help=f"API key the emulator accepts (default {DEMO_KEY})"
    )
    parser.add_argument(
        "--pending", type=float, default=1.0, help="seconds a task stays PENDING (default 1)"
    )
    parser.add_argument(
        "--running", type=float, default=3.0, help="seconds a task stays RUNNING (default 3)"
    )
    parser.add_argument(
        "--sync", type=float, default=2.0, help="seconds a sync call takes (default 2)"
    )
    parser.add_argument(
        "--strict-prompt-length",
        action="store_true",
        help="reject an over-long prompt with 400 instead of truncating it as the service does",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(
        level=logging.DEBUG if arguments.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        config = EmulatorConfig(
            pending_seconds=arguments.pending,
            running_seconds=arguments.running,
            sync_seconds=arguments.sync,
            strict_prompt_length=arguments.strict_prompt_length,
        )
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    stop_requested = threading.Event()

    def request_stop(signal_number: int, frame: FrameType | None) -> None:
        stop_requested.set()

    signal.signal(signal.SIGINT, request_stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, request_stop)

    try:
        emulator = Emulator(key=arguments.key, config=config, port=arguments.port).start()
    except OSError as error:
        print(f"error: cannot listen on 127.0.0.1:{arguments.port}: {error}", file=sys.stderr)
        return 1
    try:
        print(f"Base URL: {emulator.base_url}", flush=True)
        print(f"API key: {emulator.key}", flush=True)
        # A timed wait lets the signal handler run; an untimed one can block Ctrl+C on Windows.
        while not stop_requested.wait(0.5):
            pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

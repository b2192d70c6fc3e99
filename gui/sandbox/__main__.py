"""Run the emulator standalone: ``python -m gui.sandbox --port 8000``.

Prints the base URL and the accepted API key, one line each, then serves until
Ctrl+C (or SIGTERM where the platform has it). ``--fault SPEC`` arms a fault
rule (SPEC syntax in ``gui.sandbox.faults``), and ``--enforce-limits`` applies
the account-wide rate and concurrency limits, for example::

    python -m gui.sandbox --fault "submit http_error status=429 times=2" --enforce-limits
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

    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help=(
            "add a fault rule, such as 'submit http_error status=429 times=2' or "
            "'download truncated_download'; repeat for several rules, which are tried "
            "in order (syntax in gui/sandbox/faults.py)"
        ),
    )
    parser.add_argument(
        "--fault-seed",
        type=int,
        default=0,
        help="seed for fault rules with a probability (default 0)",
    )
    parser.add_argument(
        "--enforce-limits",
        action="store_true",
        help=(
            "apply the account-wide limits: 429 beyond each model's submission rate "
            "or the task query rate, and tasks wait PENDING beyond its concurrency"
        ),
    )
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="MODEL=RATE[:CONCURRENCY]",
        help=(
            "override a model's limits: submissions per second (below 1 counts per "
            "minute) and tasks running at once, such as wanx-v1=2:1; repeatable"
        ),
    )
    parser.add_argument(
        "--query-per-second",
        type=float,
        default=20.0,
        help="task queries allowed per second with --enforce-limits (default 20)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser.parse_args(argv)


def parse_limit(text: str) -> tuple[str, tuple[float, int | None]]:
    """Parse ``MODEL=RATE[:CONCURRENCY]``; raise ValueError when it has another form."""
    model, equals, value = text.partition("=")
    rate_text, _colon, concurrency_text = value.partition(":")
    if not equals or not model or not rate_text:
        raise ValueError(f"--limit {text!r} is not MODEL=RATE[:CONCURRENCY], such as wanx-v1=2:1")
    try:
        rate = float(rate_text)
        concurrency = int(concurrency_text) if concurrency_text else None
    except ValueError:
        raise ValueError(
            f"--limit {text!r} needs a number RATE and a whole CONCURRENCY, such as wanx-v1=2:1"
        ) from None
    return model, (rate, concurrency)


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
            enforce_limits=arguments.enforce_limits,
            limits=dict(parse_limit(text) for text in arguments.limit),
            query_per_second=arguments.query_per_second,
            fault_seed=arguments.fault_seed,
        )
        emulator = Emulator(key=arguments.key, config=config, port=arguments.port)
        for spec in arguments.fault:
            emulator.faults.add_spec(spec)
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
        emulator.start()
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

from tests.qt_fixtures import (
    emulator,
    poll_schedule,
    qt_loop,
    retry_policy,
    services,
    window,
    window_settings,
)

__all__ = [
    "emulator",
    "poll_schedule",
    "qt_loop",
    "retry_policy",
    "services",
    "window",
    "window_settings",
]

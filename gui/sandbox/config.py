"""Settings of the sandbox emulator: timings, limits and the accepted key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

DEMO_KEY = "sk-sandbox-demo-not-a-real-key"

# Takes the catalog model id and the request body; returns (pending, running) in seconds.
DurationsFunction = Callable[[str, Mapping[str, Any]], tuple[float, float]]

# The service keeps temporary uploads for 48 hours.
UPLOAD_LIFETIME_SECONDS = 48 * 3600.0


@dataclass(frozen=True)
class EmulatorConfig:
    """Timings and limits of one emulator; all durations are in seconds.

    An async task is PENDING for ``pending_seconds``, then RUNNING for
    ``running_seconds``, then SUCCEEDED. ``durations``, when set, replaces those two
    values per task. A sync call replies after ``sync_seconds``.
    """

    pending_seconds: float = 1.0
    running_seconds: float = 3.0
    sync_seconds: float = 2.0
    # Result URLs expire this long after the task ends (the service keeps them 24 hours).
    url_lifetime_seconds: float = 86400.0
    # A task older than this reads as UNKNOWN, as on the service after 24 hours.
    task_retention_seconds: float = 86400.0
    # The service silently truncates an over-long prompt; True rejects it with a 400.
    strict_prompt_length: bool = False
    durations: DurationsFunction | None = None
    # The oldest recorded requests are dropped beyond this count.
    max_recorded_requests: int = 10_000
    # Rendered PNG files kept in memory; an evicted image is rendered again on request.
    image_cache_size: int = 32
    # True applies the account-wide limits: submissions per model beyond their rate
    # get 429, tasks beyond a model's concurrency wait PENDING for a slot, and task
    # queries beyond query_per_second get 429.
    enforce_limits: bool = False
    # Limits by model id: (submissions per second, tasks running at once or None).
    # A model left out has the catalog's Beijing limits. A rate below 1 per second
    # is applied per minute, so 2/60 allows 2 submissions in any 60 seconds.
    limits: Mapping[str, tuple[float, int | None]] = field(default_factory=dict)
    # The service allows 20 task queries per second per account.
    query_per_second: float = 20.0
    # An upload policy is valid this long after it is issued; the service reports 300 s.
    upload_policy_seconds: float = 300.0
    # An uploaded file can be used this long after its upload.
    upload_lifetime_seconds: float = UPLOAD_LIFETIME_SECONDS
    # The largest file an upload policy allows, in MiB; the service allows 1024.
    upload_max_file_size_mb: int = 1024
    # Seed of the generator that fault rules with a probability draw from.
    fault_seed: int = 0
    # Workspace ids the account has. When set, a request whose
    # X-DashScope-WorkSpace header names another id gets 401 "NOT AUTHORIZED";
    # None accepts any workspace header.
    workspaces: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        for name in (
            "pending_seconds",
            "running_seconds",
            "sync_seconds",
            "url_lifetime_seconds",
            "task_retention_seconds",
        ):
            value = getattr(self, name)
            if value < 0:
                raise ValueError(f"EmulatorConfig.{name} is {value}; use 0 or more seconds")
        for name in ("max_recorded_requests", "image_cache_size", "upload_max_file_size_mb"):
            value = getattr(self, name)
            if value < 1:
                raise ValueError(f"EmulatorConfig.{name} is {value}; use 1 or more")
        for name in ("query_per_second", "upload_policy_seconds", "upload_lifetime_seconds"):
            value = getattr(self, name)
            if value <= 0:
                raise ValueError(f"EmulatorConfig.{name} is {value}; use more than 0")
        for model, (rate, concurrency) in self.limits.items():
            if rate <= 0:
                raise ValueError(
                    f"EmulatorConfig.limits[{model!r}] has rate {rate}; use more than 0 per second"
                )
            if concurrency is not None and concurrency < 1:
                raise ValueError(
                    f"EmulatorConfig.limits[{model!r}] has concurrency {concurrency}; "
                    "use 1 or more, or None for no limit"
                )

    def task_durations(self, model_id: str, body: Mapping[str, Any]) -> tuple[float, float]:
        """Return (pending, running) seconds for a new task of ``model_id``."""
        if self.durations is None:
            return self.pending_seconds, self.running_seconds
        pending, running = self.durations(model_id, body)
        if pending < 0 or running < 0:
            raise ValueError(
                f"EmulatorConfig.durations returned ({pending}, {running}) for {model_id}; "
                "durations must be 0 or more seconds"
            )
        return pending, running

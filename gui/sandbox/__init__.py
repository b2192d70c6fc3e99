"""An offline DashScope emulator on 127.0.0.1 for demo mode, tests and benchmarks.

It serves model endpoints found in the catalog, task query, cancel and list,
result images it renders itself, sample input images and the temporary-upload
flow. Fault rules and the account-wide rate and concurrency limits can be
switched on for tests. It imports no Qt module and never opens an outbound
connection: input image URLs are looked up in its own stores, never fetched.
"""

from gui.sandbox.config import DEMO_KEY, DurationsFunction, EmulatorConfig
from gui.sandbox.emulator import Emulator
from gui.sandbox.faults import FaultRule, FaultTable, FiredFault
from gui.sandbox.limits import EmulatorStats, LimitEvent, ModelStats, TaskStats
from gui.sandbox.requestlog import RecordedRequest
from gui.sandbox.samples import SAMPLE_IMAGES, resolve_samples
from gui.sandbox.tasks import TaskRecord

__all__ = [
    "DEMO_KEY",
    "SAMPLE_IMAGES",
    "DurationsFunction",
    "Emulator",
    "EmulatorConfig",
    "EmulatorStats",
    "FaultRule",
    "FaultTable",
    "FiredFault",
    "LimitEvent",
    "ModelStats",
    "RecordedRequest",
    "TaskRecord",
    "TaskStats",
    "resolve_samples",
]

"""An offline DashScope emulator on 127.0.0.1 for demo mode, tests and benchmarks.

It serves model endpoints found in the catalog, task query, cancel and list, and
result images it renders itself. It imports no Qt module and never opens an
outbound connection.
"""

from gui.sandbox.config import DEMO_KEY, DurationsFunction, EmulatorConfig
from gui.sandbox.emulator import Emulator
from gui.sandbox.service import RecordedRequest
from gui.sandbox.tasks import TaskRecord

__all__ = [
    "DEMO_KEY",
    "DurationsFunction",
    "Emulator",
    "EmulatorConfig",
    "RecordedRequest",
    "TaskRecord",
]

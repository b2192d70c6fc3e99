"""The emulator's public face: start and stop the server, read what it received."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from gui.core.catalog import Catalog, load_catalog
from gui.sandbox.config import DEMO_KEY, EmulatorConfig
from gui.sandbox.faults import FaultTable
from gui.sandbox.inputs import OSS_SCHEME, StoredUpload, UploadStore
from gui.sandbox.limits import EmulatorStats, LimitEvent
from gui.sandbox.requestlog import RecordedRequest
from gui.sandbox.samples import resolve_samples, sample_path
from gui.sandbox.server import EmulatorHTTPServer
from gui.sandbox.service import DashScopeService
from gui.sandbox.tasks import TaskRecord
from gui.sandbox.uploads import OBJECT_STORE_PATH

logger = logging.getLogger(__name__)

# The serving loop checks for a stop request at least this often, in seconds.
# stop() does not wait for it, because it wakes the loop with a connection of its own.
POLL_INTERVAL_SECONDS = 0.5


class Emulator:
    """A DashScope emulator serving HTTP on 127.0.0.1 until ``stop()``.

    ``port`` 0 picks a free ephemeral port. ``clock`` returns epoch seconds, and
    tests may pass a fake one. It drives task lifecycles, timestamps, rate windows
    and the expiry of URLs, upload policies and uploads. ``faults`` contains the
    fault rules (see ``gui.sandbox.faults``). The emulator connects to nothing but
    its own listening socket, which ``stop()`` uses to wake the serving loop.
    """

    def __init__(
        self,
        key: str = DEMO_KEY,
        config: EmulatorConfig | None = None,
        catalog: Catalog | None = None,
        *,
        port: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not key:
            raise ValueError("the emulator key is empty; pass a key such as DEMO_KEY")
        self.key = key
        self.config = config or EmulatorConfig()
        self.catalog = catalog if catalog is not None else load_catalog()
        for name in self.config.limits:
            if self.catalog.get(name) is None:
                raise ValueError(
                    f"EmulatorConfig.limits names model {name!r}, which the catalog lacks"
                )
        self._requested_port = port
        self._clock = clock
        self._stopping = threading.Event()
        self._server: EmulatorHTTPServer | None = None
        self._service: DashScopeService | None = None
        self._thread: threading.Thread | None = None
        # Kept across restarts, like files uploaded to the service's store.
        self._uploads = UploadStore(clock, self.config.upload_lifetime_seconds)
        # Rules survive restarts, so a test can arm them before start().
        self.faults = FaultTable(self.config.fault_seed)

    def start(self) -> Self:
        """Bind 127.0.0.1 and serve in a background thread; return self.

        Raises RuntimeError when already started and OSError when the port is taken.
        """
        if self._server is not None:
            raise RuntimeError("the emulator is already running; call stop() first")
        self._stopping.clear()
        server = EmulatorHTTPServer(self._requested_port)
        origin = f"http://127.0.0.1:{server.server_port}"
        server.service = DashScopeService(
            key=self.key,
            config=self.config,
            catalog=self.catalog,
            clock=self._clock,
            origin=origin,
            stopping=self._stopping,
            uploads=self._uploads,
            faults=self.faults,
        )
        server.timeout = POLL_INTERVAL_SECONDS
        self._server = server
        self._service = server.service
        self._thread = threading.Thread(
            target=self._serve,
            args=(server,),
            name=f"sandbox-emulator-{server.server_port}",
            daemon=True,
        )
        self._thread.start()
        logger.info("sandbox emulator serving %s", self.base_url)
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and join all threads; safe to call twice."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()
        # A connection to the listening socket ends the serving loop's wait for clients.
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", server.server_port), timeout=1.0).close()
        thread.join()
        server.close_connections()
        server.server_close()
        self._server = None
        self._thread = None
        logger.info("sandbox emulator on port %s stopped", server.server_port)

    def _serve(self, server: EmulatorHTTPServer) -> None:
        """Accept connections until stop(); each connection gets its own thread."""
        while not self._stopping.is_set():
            server.handle_request()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        return self._running_server().server_port

    @property
    def origin(self) -> str:
        """Return ``http://127.0.0.1:PORT``, the host part of every URL it serves."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """Return the API base URL, ``http://127.0.0.1:PORT/api/v1``."""
        return f"{self.origin}/api/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Return a snapshot of the received requests, oldest first.

        The list survives ``stop()``; each ``start()`` begins a new one.
        """
        return self._service.recorded_requests() if self._service is not None else []

    @property
    def tasks(self) -> list[TaskRecord]:
        """Return a snapshot of the live async tasks, oldest first."""
        return self._service.task_records() if self._service is not None else []

    @property
    def upload_host(self) -> str:
        """Return the object-store URL that upload policies name, ``http://127.0.0.1:PORT/oss``."""
        return self.origin + OBJECT_STORE_PATH

    @property
    def limit_log(self) -> list[LimitEvent]:
        """Return the limit events of the current or last run, by time.

        Submissions, 429 replies and task queries are recorded as they happen.
        Slot, RUNNING and terminal events of live tasks are added with their exact
        times up to now.
        """
        return self._service.limit_events() if self._service is not None else []

    def stats(self) -> EmulatorStats:
        """Return per-model limit statistics and per-task polling statistics.

        Before the first start() every table is empty.
        """
        if self._service is None:
            return EmulatorStats({}, {}, 0, 0)
        return self._service.stats()

    def sample_url(self, name: str) -> str:
        """Return the public URL of sample image ``name``, such as ``photo``.

        Raises KeyError for an unknown name and RuntimeError when not running.
        """
        path = sample_path(name)
        return self.origin + path

    def resolve_samples(self, values: Any) -> Any:
        """Return ``values`` with each ``"sample:NAME"`` string replaced by its sample URL."""
        return resolve_samples(values, self)

    def add_upload(self, model: str, key: str, data: bytes) -> str:
        """Store an image file as ``oss://KEY`` for calls to ``model``; return that URL.

        A call may then use the URL with the header
        ``X-DashScope-OssResourceResolve: enable``. Uploads survive stop() and
        start(). Raises KeyError for a model the catalog lacks and ValueError when
        ``data`` is not a readable image.
        """
        spec = self.catalog.get(model)
        if spec is None:
            raise KeyError(model)
        return self._uploads.add(spec.id, key, data)

    def uploaded_file(self, url: str) -> StoredUpload | None:
        """Return the unexpired uploaded file behind an ``oss://`` URL or key, or None.

        Its ``data`` are the bytes exactly as the object store received them.
        """
        return self._uploads.find(url.strip().removeprefix(OSS_SCHEME))

    def _running_server(self) -> EmulatorHTTPServer:
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() first")
        return self._server

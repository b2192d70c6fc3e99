"""The Qt-free service graph shared by the window, the command line and tests."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import httpx
from keyring.backend import KeyringBackend

from gui.core.catalog import Catalog, load_catalog
from gui.core.dashscope import (
    ApiError,
    Credentials,
    DashScopeClient,
    DashScopeError,
    make_http_client,
)
from gui.core.engine import Engine, LimitsResolver, MissingKeyError, PollSchedule, RetryPolicy
from gui.core.exchanges import ExchangeLog
from gui.core.keystore import KeyStore
from gui.core.library import Library, TaskRecord, TaskStatus
from gui.core.paths import AppPaths
from gui.core.regions import REGIONS
from gui.core.secrets import REDACTOR, KeyStoreError, clean_key

if TYPE_CHECKING:
    from gui.sandbox import Emulator, EmulatorConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyTestResult:
    """The outcome of testing a key: ``accepted``, ``rejected`` or ``error:CODE``.

    ``works_in`` names another region that accepted a key this region rejected.
    """

    region: str
    outcome: str
    works_in: str | None


class Services:
    """Builds and owns the catalog, key store, library, HTTP client and engine.

    Construction does no network I/O. ``start()`` must run inside the event loop
    that will use the HTTP client; ``aclose()`` releases everything.
    """

    def __init__(
        self,
        paths: AppPaths,
        *,
        keyring_backend: KeyringBackend | None = None,
        environment: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        poll_schedule: PollSchedule | None = None,
        retry: RetryPolicy | None = None,
        catalog: Catalog | None = None,
        limits: LimitsResolver | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        paths.create()
        self.paths = paths
        self.catalog = catalog or load_catalog()
        self.exchange_log = ExchangeLog()
        self.library = Library(paths.data_dir, paths.results_dir)
        self.exchange_log.add_listener(self.library.save_exchange)
        env = dict(os.environ if environment is None else environment)
        self.keys = KeyStore(keyring_backend, env, paths.data_dir / "keys.json")
        self._transport = transport
        self._poll_schedule = poll_schedule
        self._retry = retry
        self._limits = limits
        self._timeout = timeout
        self._base_urls = {region.id: region.base_url for region in REGIONS.values()}
        self._emulator: Emulator | None = None
        self.http: httpx.AsyncClient | None = None
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("Services.start() has not run")
        return self._engine

    @property
    def emulator(self) -> Emulator | None:
        return self._emulator

    async def start(self) -> None:
        self.http = make_http_client(self.exchange_log, self._transport)
        client = (
            DashScopeClient(self.http, timeout=self._timeout)
            if self._timeout is not None
            else DashScopeClient(self.http)
        )
        self._engine = Engine(
            client,
            self.library,
            self.catalog,
            self.credentials,
            poll_schedule=self._poll_schedule,
            retry=self._retry,
            limits=self._limits,
        )

    def start_sandbox(self, config: EmulatorConfig | None = None) -> Emulator:
        """Start the offline emulator on 127.0.0.1 and use it as the sandbox region."""
        from gui.sandbox import Emulator

        emulator = Emulator(config=config, catalog=self.catalog).start()
        self._emulator = emulator
        self.use_sandbox(emulator.base_url, emulator.key)
        self._close_orphaned_sandbox_tasks(started_at=time.time())
        return emulator

    def _close_orphaned_sandbox_tasks(self, started_at: float) -> None:
        """Mark unfinished sandbox tasks of an earlier emulator as ended.

        An in-process emulator keeps tasks only while it runs, so polling them
        would only return UNKNOWN. Images already reported as finished are still
        downloaded: their URLs belong to the old emulator too, so they fail with an
        explanation instead of being retried forever.
        """
        for record in self.library.unfinished_tasks():
            if record.region != "sandbox" or record.created_at >= started_at:
                continue
            if record.status.is_terminal:
                continue
            self.library.save_task(
                replace(
                    record,
                    status=TaskStatus.ERROR,
                    error_code="PixelPost.Sandbox.Restarted",
                    error_message="the emulator that ran this task has stopped",
                    finished_at=time.time(),
                )
            )
            log.info("Sandbox task %s ended: its emulator has stopped", record.id)

    def use_sandbox(self, base_url: str, key: str) -> None:
        """Point the sandbox region at an emulator that is already running."""
        self._base_urls["sandbox"] = base_url
        self.keys.set_session("sandbox", key)
        log.info("Sandbox region uses %s", base_url)

    def base_url(self, region: str) -> str:
        return self._base_urls.get(region, "")

    def set_base_url(self, region: str, base_url: str) -> None:
        """Point a region at another base URL (a workspace domain, or an emulator in tests)."""
        self._base_urls[region] = base_url.rstrip("/")

    async def test_key(
        self,
        region: str,
        raw_key: str,
        *,
        base_url: str | None = None,
        workspace: str | None = None,
    ) -> KeyTestResult:
        """Check a key with one harmless call (listing one task) in ``region``.

        ``base_url`` replaces the region's shared domain (a workspace domain) and
        ``workspace`` is sent as ``X-DashScope-WorkSpace``. When the region rejects
        the key, the other public regions are tried too, because a key works only
        in the region where it was created.
        """
        key = clean_key(raw_key)
        REDACTOR.register(key)
        if self.http is None:
            raise RuntimeError("Services.start() has not run")
        client = DashScopeClient(self.http)
        credentials = Credentials(base_url or self.base_url(region), key, workspace)
        outcome = await self._probe(client, region, credentials)
        if outcome != "rejected":
            return KeyTestResult(region, outcome, None)
        for other in REGIONS:
            if other in (region, "sandbox") or not self.base_url(other):
                continue
            probe = Credentials(self.base_url(other), key)
            if await self._probe(client, other, probe) == "accepted":
                return KeyTestResult(region, "rejected", other)
        return KeyTestResult(region, "rejected", None)

    async def _probe(self, client: DashScopeClient, region: str, credentials: Credentials) -> str:
        try:
            await client.list_tasks(credentials, {"page_no": 1, "page_size": 1})
        except ApiError as error:
            # A 401 "NOT AUTHORIZED" accepts the key but rejects the workspace.
            if error.code != "NOT AUTHORIZED" and (
                error.status == 401 or error.code == "InvalidApiKey"
            ):
                return "rejected"
            log.info("Key test in %s failed: %s", region, error.code)
            return f"error:{error.code}"
        except DashScopeError as error:
            log.info("Key test in %s failed: %s", region, error.code)
            return f"error:{error.code}"
        return "accepted"

    def target(self, region: str) -> tuple[str, str | None]:
        """Return the base URL and workspace id requests to ``region`` go to, without the key."""
        profile = self.keys.active_profile(region)
        base_url = (profile.base_url if profile else None) or self.base_url(region)
        return base_url, profile.workspace if profile else None

    def credentials(self, region: str) -> Credentials:
        """Return where and how to call ``region``; raise MissingKeyError without a key.

        The region's active key decides the base URL (its own, or the region's
        shared domain) and the workspace header.
        """
        base_url, workspace = self.target(region)
        key = self.keys.get(region)
        if key is None and region != "sandbox":
            key = self.keys.environment_key()
        if not base_url or key is None:
            raise MissingKeyError(region)
        return Credentials(base_url, key, workspace)

    def region_hint(self, record: TaskRecord) -> str | None:
        """Return a region whose key may fit a task its own region rejected, or None.

        A rejected key (HTTP 401 ``InvalidApiKey``) is most often a key from another
        region. The hint prefers a region that stores the same key, then any other
        region with a key that offers the task's model.
        """
        if record.error_code not in ("InvalidApiKey", "invalid_api_key"):
            return None
        candidates: list[str] = []
        try:
            sent_key = self.keys.get(record.region)
            if sent_key is not None:
                candidates.extend(self.keys.regions_holding(sent_key))
            candidates.extend(
                region for region in REGIONS if self.keys.active_profile(region) is not None
            )
        except KeyStoreError as error:
            log.warning("Reading keys for a region hint failed: %s", error)
            return None
        model = self.catalog.get(record.model)
        for region in candidates:
            if region in (record.region, "sandbox"):
                continue
            if model is not None and not model.modes(region):
                continue
            return region
        return None

    async def aclose(self) -> None:
        if self._engine is not None:
            await self._engine.stop()
        if self.http is not None:
            await self.http.aclose()
            self.http = None
        if self._emulator is not None:
            self._emulator.stop()
            self._emulator = None
        self.library.close()

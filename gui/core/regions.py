"""Model Studio regions and their API base URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Region:
    """A deployment region; ``base_url`` ends in ``/api/v1`` without a slash."""

    id: str
    name_en: str
    name_zh: str
    base_url: str

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


REGIONS: dict[str, Region] = {
    region.id: region
    for region in (
        Region("beijing", "China (Beijing)", "华北2（北京）", "https://dashscope.aliyuncs.com/api/v1"),
        Region(
            "singapore",
            "Singapore",
            "新加坡",
            "https://dashscope-intl.aliyuncs.com/api/v1",
        ),
        Region("virginia", "US (Virginia)", "美国（弗吉尼亚）", "https://dashscope-us.aliyuncs.com/api/v1"),
        # The sandbox base URL is set when the local emulator starts.
        Region("sandbox", "Sandbox (offline emulator)", "沙盒（离线模拟器）", ""),
    )
}

REGION_IDS = tuple(REGIONS)


def region_for_base_url(base_url: str) -> str | None:
    """Return the id of the public region a base URL belongs to.

    Matches the shared domains (ignoring a trailing slash) and the
    workspace-dedicated domains of the regions in ``REGIONS``.
    """
    wanted = base_url.rstrip("/")
    for region in REGIONS.values():
        if region.base_url and region.base_url == wanted:
            return region.id
    workspace = workspace_domain_parts(wanted)
    return workspace[1] if workspace is not None else None


# Workspace-dedicated domains: https://{WorkspaceId}.{region-id}.maas.aliyuncs.com
_WORKSPACE_HOST = re.compile(
    r"^(?P<workspace>[A-Za-z0-9_-]+)\.(?P<region>[a-z0-9-]+)\.maas\.aliyuncs\.com$"
)
# The service's region ids in workspace domains, mapped to this app's region ids.
_SERVICE_REGION_IDS = {
    "cn-beijing": "beijing",
    "ap-southeast-1": "singapore",
    "us-east-1": "virginia",
}
API_PATH = "/api/v1"


class BaseUrlError(ValueError):
    """Raised for a base URL the app cannot send requests to; ``reason`` selects the message."""

    def __init__(self, message: str, reason: str, value: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.value = value


def normalize_base_url(raw: str) -> str:
    """Return ``raw`` as a base URL ending in ``/api/v1``, or raise BaseUrlError.

    Accepts a bare origin (``https://ws-1.cn-beijing.maas.aliyuncs.com``) and adds
    the API path. Plain http is accepted only for loopback hosts (an emulator).
    """
    text = raw.strip()
    if "{" in text or "}" in text:
        raise BaseUrlError(
            f"The base URL {text!r} still contains a placeholder in braces; replace "
            "{WorkspaceId} with your workspace id from the Model Studio console.",
            "placeholder",
            text,
        )
    parts = urlsplit(text)
    host = parts.hostname or ""
    loopback = host in ("127.0.0.1", "localhost", "::1")
    if parts.scheme not in ("https", "http") or not host:
        raise BaseUrlError(
            f"The base URL {text!r} is not an https:// address. Write it like "
            "https://dashscope.aliyuncs.com/api/v1.",
            "scheme",
            text,
        )
    if parts.scheme == "http" and not loopback:
        raise BaseUrlError(
            f"The base URL {text!r} uses plain http; the service needs https://.",
            "http",
            text,
        )
    if parts.username or parts.password or parts.query or parts.fragment:
        raise BaseUrlError(
            f"The base URL {text!r} contains a user name, query or fragment; "
            "remove everything after the path.",
            "extra",
            text,
        )
    path = parts.path.rstrip("/")
    if path not in ("", API_PATH):
        raise BaseUrlError(
            f"The base URL {text!r} has the path {parts.path!r}; it must end in {API_PATH} "
            "or have no path.",
            "path",
            text,
        )
    return f"{parts.scheme}://{parts.netloc}{API_PATH}"


def workspace_domain_parts(base_url: str) -> tuple[str, str | None] | None:
    """Return (workspace id, app region id or None) for a workspace-dedicated domain."""
    match = _WORKSPACE_HOST.match(urlsplit(base_url).hostname or "")
    if match is None:
        return None
    return match["workspace"], _SERVICE_REGION_IDS.get(match["region"])

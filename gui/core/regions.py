"""Model Studio regions and their API base URLs."""

from __future__ import annotations

from dataclasses import dataclass


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
    """Return the id of the public region whose base URL matches, ignoring a trailing slash."""
    wanted = base_url.rstrip("/")
    for region in REGIONS.values():
        if region.base_url and region.base_url == wanted:
            return region.id
    return None

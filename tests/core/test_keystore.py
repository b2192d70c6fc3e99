"""Named keys per region: storage, the active key, validation and persistence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import fail

from gui.core.keystore import InvalidProfileError, KeyStore
from gui.core.regions import BaseUrlError, normalize_base_url, region_for_base_url
from gui.core.secrets import SERVICE, InvalidKeyError
from tests.conftest import MemoryKeyring

BEIJING_KEY = "sk-test-fake-beijing-00000000000001"
SECOND_KEY = "sk-test-fake-second-000000000000002"
SINGAPORE_KEY = "sk-test-fake-singapore-00000000003"


def make_store(tmp_path: Path, backend: MemoryKeyring | None = None) -> KeyStore:
    return KeyStore(backend or MemoryKeyring(), {}, tmp_path / "keys.json")


def test_first_key_of_region_becomes_active(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    first = store.add("Production", "beijing", BEIJING_KEY)
    second = store.add("Testing", "beijing", SECOND_KEY)

    assert store.get("beijing") == BEIJING_KEY
    active = store.active_profile("beijing")
    assert active is not None
    assert active.id == first.profile_id
    store.activate(second.profile_id)
    assert store.get("beijing") == SECOND_KEY
    assert [p.name for p in store.profiles("beijing")] == ["Production", "Testing"]


def test_keys_survive_restart_without_secrets_in_file(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    stored = store.add(
        "Workspace key",
        "singapore",
        SINGAPORE_KEY,
        base_url="https://ws-1.ap-southeast-1.maas.aliyuncs.com",
        workspace="ws-1",
    )

    again = make_store(tmp_path, backend)
    profile = again.profile(stored.profile_id)
    assert profile is not None
    assert profile.name == "Workspace key"
    assert profile.base_url == "https://ws-1.ap-southeast-1.maas.aliyuncs.com/api/v1"
    assert profile.workspace == "ws-1"
    assert again.get("singapore") == SINGAPORE_KEY
    text = (tmp_path / "keys.json").read_text(encoding="utf-8")
    assert SINGAPORE_KEY not in text
    assert SINGAPORE_KEY[-4:] not in text  # not even the fingerprint
    assert json.loads(text)["version"] == 1


def test_names_are_unique_and_checked(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.add("Main", "beijing", BEIJING_KEY)
    with pytest.raises(InvalidProfileError) as taken:
        store.add("  main ", "singapore", SINGAPORE_KEY)
    assert taken.value.reason == "name_taken"
    assert "'main'" in str(taken.value)
    with pytest.raises(InvalidProfileError) as empty:
        store.add("   ", "singapore", SINGAPORE_KEY)
    assert empty.value.reason == "name_empty"
    with pytest.raises(InvalidProfileError) as long_name:
        store.add("x" * 65, "singapore", SINGAPORE_KEY)
    assert long_name.value.params == {"length": 65, "maximum": 64}
    assert store.profiles("singapore") == []


def test_invalid_key_adds_nothing(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    with pytest.raises(InvalidKeyError):
        store.add("Bad", "beijing", "sk-密钥")
    assert store.profiles() == []
    assert not (tmp_path / "keys.json").exists()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("https://{WorkspaceId}.cn-beijing.maas.aliyuncs.com", "base_url_placeholder"),
        ("ftp://dashscope.aliyuncs.com/api/v1", "base_url_scheme"),
        ("http://dashscope.aliyuncs.com/api/v1", "base_url_http"),
        ("https://dashscope.aliyuncs.com/compatible-mode/v1", "base_url_path"),
        ("https://dashscope.aliyuncs.com/api/v1?x=1", "base_url_extra"),
    ],
)
def test_bad_base_url_rejected_with_value(tmp_path: Path, raw: str, reason: str) -> None:
    store = make_store(tmp_path)
    with pytest.raises(InvalidProfileError) as caught:
        store.add("Key", "beijing", BEIJING_KEY, base_url=raw)
    assert caught.value.reason == reason
    assert raw in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://ws-9.cn-beijing.maas.aliyuncs.com",
            "https://ws-9.cn-beijing.maas.aliyuncs.com/api/v1",
        ),
        (
            " https://dashscope-intl.aliyuncs.com/api/v1/ ",
            "https://dashscope-intl.aliyuncs.com/api/v1",
        ),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123/api/v1"),
    ],
)
def test_base_url_normalized(raw: str, expected: str) -> None:
    assert normalize_base_url(raw) == expected


def test_workspace_domain_names_its_region() -> None:
    assert (
        region_for_base_url("https://ws-1.ap-southeast-1.maas.aliyuncs.com/api/v1") == "singapore"
    )
    assert region_for_base_url("https://ws-1.cn-beijing.maas.aliyuncs.com/api/v1") == "beijing"
    assert region_for_base_url("https://ws-1.eu-central-1.maas.aliyuncs.com/api/v1") is None
    with pytest.raises(BaseUrlError):
        normalize_base_url("dashscope.aliyuncs.com")


def test_bad_workspace_rejected(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    with pytest.raises(InvalidProfileError) as caught:
        store.add("Key", "beijing", BEIJING_KEY, workspace="ws 1;drop")
    assert caught.value.reason == "workspace"
    assert "ws 1;drop" in str(caught.value)


def test_rename_and_update_keep_secret(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    stored = store.add("Old", "beijing", BEIJING_KEY)
    store.rename(stored.profile_id, "New name")
    updated = store.update(stored.profile_id, workspace="ws-2", raw_key=None)
    assert updated.name == "New name"
    assert updated.workspace == "ws-2"
    assert store.get("beijing") == BEIJING_KEY
    cleared = store.update(stored.profile_id, workspace="")
    assert cleared.workspace is None


def test_moving_key_to_other_region(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    first = store.add("A", "beijing", BEIJING_KEY)
    second = store.add("B", "beijing", SECOND_KEY)
    store.update(first.profile_id, region="singapore")
    assert store.get("singapore") == BEIJING_KEY
    active = store.active_profile("beijing")
    assert active is not None and active.id == second.profile_id


def test_remove_falls_back_to_other_key(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    first = store.add("A", "beijing", BEIJING_KEY)
    store.add("B", "beijing", SECOND_KEY)
    store.remove(first.profile_id)
    assert store.get("beijing") == SECOND_KEY
    assert BEIJING_KEY not in backend.passwords.values()
    store.delete("beijing")
    assert store.get("beijing") is None
    assert backend.passwords == {}
    store.delete("beijing")  # deleting when there is no key is harmless


def test_key_saved_per_region_before_names_is_adopted(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    backend.set_password(SERVICE, "beijing", BEIJING_KEY)
    store = make_store(tmp_path, backend)
    assert store.get("beijing") == BEIJING_KEY
    [profile] = store.profiles()
    assert profile.name == "beijing"
    store.rename(profile.id, "Legacy")
    again = make_store(tmp_path, backend)
    assert [p.name for p in again.profiles()] == ["Legacy"]
    assert again.get("beijing") == BEIJING_KEY


def test_no_backend_writes_no_file(tmp_path: Path) -> None:
    store = KeyStore(fail.Keyring(), {}, tmp_path / "keys.json")
    stored = store.add("Session", "beijing", BEIJING_KEY)
    assert stored.source == "session"
    assert store.get("beijing") == BEIJING_KEY
    assert list(tmp_path.iterdir()) == []
    assert KeyStore(fail.Keyring(), {}, tmp_path / "keys.json").get("beijing") is None


def test_session_key_not_persisted(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    store.add("Stored", "beijing", BEIJING_KEY)
    store.set_session("beijing", SECOND_KEY)
    assert store.get("beijing") == SECOND_KEY
    again = make_store(tmp_path, backend)
    assert again.get("beijing") == BEIJING_KEY
    assert SECOND_KEY not in (tmp_path / "keys.json").read_text(encoding="utf-8")


def test_regions_holding_same_key(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.add("Beijing", "beijing", BEIJING_KEY)
    store.add("Copy", "singapore", BEIJING_KEY)
    store.add("Other", "virginia", SECOND_KEY)
    assert store.regions_holding(BEIJING_KEY) == ["beijing", "singapore"]


def test_unreadable_key_list_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "keys.json").write_text("{not json", encoding="utf-8")
    store = make_store(tmp_path)
    assert store.profiles() == []
    store.add("Fresh", "beijing", BEIJING_KEY)
    assert json.loads((tmp_path / "keys.json").read_text(encoding="utf-8"))["profiles"]

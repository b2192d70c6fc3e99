"""Saved requests on disk: file format, names, folders, search, import and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.core.catalog import Catalog, load_catalog
from gui.core.collections import (
    COLLECTION_FORMAT,
    Collection,
    CollectionError,
    SavedRequest,
    parse_request,
    request_text,
    safe_file_stem,
)
from gui.core.secrets import REDACTOR, fingerprint
from tests.conftest import FAKE_KEY, all_files, files_containing

PROMPT = "一只戴着草帽的橘猫坐在稻田边，夕阳，水彩风格"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def kite(name: str = "Red kite", prompt: str = "A red kite over a windy beach") -> SavedRequest:
    return SavedRequest(
        name=name,
        model="wan2.6-t2i",
        region="beijing",
        mode="async",
        body={
            "model": "wan2.6-t2i",
            "input": {"messages": [{"role": "user", "content": [{"text": prompt}]}]},
            "parameters": {"n": 2, "size": "1280*1280", "seed": 7},
        },
    )


def test_request_file_format(tmp_path: Path, catalog: Catalog) -> None:
    collection = Collection(tmp_path / "requests", catalog)
    request = SavedRequest(
        name="橘猫",
        model="qwen-image-2.0-pro-2026-04-22",
        region="sandbox",
        mode="sync",
        body={"model": "qwen-image-2.0-pro", "input": {"prompt": PROMPT}, "parameters": {}},
    )
    entry = collection.save(request)

    data = (collection.root / entry.path).read_bytes()
    text = data.decode("utf-8")
    assert PROMPT in text  # real characters, not \\u escapes
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert list(document) == sorted(document)
    assert document["format"] == "pixelpost-request"
    assert document["version"] == 1
    assert document["model"] == "qwen-image-2.0-pro-2026-04-22"
    # The model as typed wins over the body's member.
    assert document["body"]["model"] == "qwen-image-2.0-pro-2026-04-22"
    assert document["region"] == "sandbox"
    assert document["mode"] == "sync"
    assert set(document) == {"body", "format", "mode", "model", "name", "region", "version"}
    assert collection.read(entry.path) == SavedRequest(
        "橘猫", "qwen-image-2.0-pro-2026-04-22", "sandbox", "sync", document["body"]
    )


def test_saving_twice_gives_same_bytes(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    first = collection.save(kite())
    before = (tmp_path / first.path).read_bytes()
    second = collection.save(kite())
    assert second.path == first.path
    assert (tmp_path / second.path).read_bytes() == before
    assert [path.name for path in all_files(tmp_path)] == ["Red kite.json"]


def test_save_same_name_replaces(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    collection.save(kite())
    entry = collection.save(kite(name="red KITE", prompt="A blue kite"))
    assert len(collection.entries()) == 1
    assert entry.request is not None
    assert entry.request.prompt == "A blue kite"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Red kite", "Red kite"),
        ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("Com1", "Com1_"),
        ("LPT9.backup", "LPT9.backup_"),
        ("NUL ", "NUL_"),
        ("console", "console"),
        ("trailing dots...", "trailing dots"),
        ("  spaced  ", "spaced"),
        ("...", "request"),
        ("", "request"),
        ("tab\there", "tab_here"),
        ("橘猫 水彩", "橘猫 水彩"),
    ],
)
def test_safe_file_stem(name: str, expected: str) -> None:
    assert safe_file_stem(name) == expected


def test_safe_file_stem_cuts_long_names() -> None:
    assert len(safe_file_stem("x" * 500)) == 80
    chinese = safe_file_stem("猫" * 200)
    assert len(chinese.encode("utf-8")) <= 180
    assert chinese == "猫" * 60


def test_file_name_collisions(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    first = collection.save(kite(name="a:b"))
    second = collection.save(kite(name="a?b"))
    third = collection.save(kite(name="A*B"))
    assert [first.path, second.path, third.path] == ["a_b.json", "a_b (2).json", "A_B (3).json"]
    assert [entry.name for entry in collection.entries()] == ["A*B", "a:b", "a?b"]


def test_folders_are_real_subfolders(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    folder = collection.create_folder("", "Kites")
    nested = collection.create_folder(folder, "Beach: windy")
    entry = collection.save(kite(), nested)
    assert nested == "Kites/Beach_ windy"
    assert (tmp_path / "Kites" / "Beach_ windy" / "Red kite.json").is_file()
    assert entry.path == "Kites/Beach_ windy/Red kite.json"
    assert entry.folder == "Kites/Beach_ windy"
    assert collection.folders() == ["Kites", "Kites/Beach_ windy"]
    # The same name in another folder is another request.
    collection.save(kite())
    assert [e.path for e in collection.entries()] == [
        "Red kite.json",
        "Kites/Beach_ windy/Red kite.json",
    ]


def test_rename_duplicate_delete(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    entry = collection.save(kite())
    renamed = collection.rename(entry.path, "Kite at dawn")
    assert renamed.path == "Kite at dawn.json"
    assert not (tmp_path / "Red kite.json").exists()
    assert collection.read(renamed.path).name == "Kite at dawn"

    copy = collection.duplicate(renamed.path)
    assert copy.name == "Kite at dawn (2)"
    assert copy.path == "Kite at dawn (2).json"
    third = collection.duplicate(copy.path)
    assert third.name == "Kite at dawn (3)"
    assert collection.read(third.path).body == collection.read(renamed.path).body

    collection.delete(copy.path)
    assert [e.name for e in collection.entries()] == ["Kite at dawn", "Kite at dawn (3)"]


def test_rename_to_taken_name_rejected(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    collection.save(kite(name="One"))
    two = collection.save(kite(name="Two"))
    with pytest.raises(CollectionError, match="already has a request called 'One'"):
        collection.rename(two.path, "one")
    with pytest.raises(CollectionError, match="empty"):
        collection.rename(two.path, "   ")


def test_delete_folder_counts_requests(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    folder = collection.create_folder("", "Old")
    collection.save(kite(name="a"), folder)
    collection.save(kite(name="b"), collection.create_folder(folder, "Inner"))
    collection.save(kite(name="kept"))
    assert collection.delete_folder(folder) == 2
    assert [e.name for e in collection.entries()] == ["kept"]
    assert collection.folders() == []


def test_search_by_name_prompt_model(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    collection.save(kite())
    collection.save(kite(name="Cat", prompt=PROMPT))
    collection.save(
        SavedRequest("Flux", "flux-schnell", "beijing", "async", {"input": {"prompt": "x"}})
    )
    assert [e.name for e in collection.search("KITE")] == ["Red kite"]
    assert [e.name for e in collection.search("稻田")] == ["Cat"]
    assert [e.name for e in collection.search("wan2.6")] == ["Cat", "Red kite"]
    assert [e.name for e in collection.search("flux")] == ["Flux"]
    assert collection.search("nothing like this") == []
    assert len(collection.search("  ")) == 3


def test_bad_files_listed_with_problem(tmp_path: Path, catalog: Catalog) -> None:
    collection = Collection(tmp_path, catalog)
    collection.save(kite())
    (tmp_path / "broken.json").write_text('{"format": "pixelpost-request",', encoding="utf-8")
    newer = kite().document() | {"version": 9}
    (tmp_path / "newer.json").write_text(json.dumps(newer), encoding="utf-8")
    unknown = kite().document() | {"model": "no-such-model"}
    (tmp_path / "unknown.json").write_text(json.dumps(unknown), encoding="utf-8")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "latin1.json").write_bytes(b'{"name": "caf\xe9"}')
    (tmp_path / "notes.txt").write_text("not a request", encoding="utf-8")

    entries = {entry.file_name: entry for entry in collection.entries()}
    assert set(entries) == {
        "Red kite.json", "broken.json", "newer.json", "unknown.json", "other.json", "latin1.json"
    }
    assert entries["Red kite.json"].problem is None
    problems = {name: entry.problem or "" for name, entry in entries.items()}
    assert "broken.json is not valid JSON (line 1" in problems["broken.json"]
    assert "newer PixelPost (format version 9)" in problems["newer.json"]
    assert "no-such-model" in problems["unknown.json"]
    assert "not a PixelPost request file" in problems["other.json"]
    assert "not UTF-8 text (byte 14" in problems["latin1.json"]
    for name, problem in problems.items():
        if name != "Red kite.json":
            assert str(tmp_path / name) in problem
    with pytest.raises(CollectionError, match=r"broken\.json is not valid JSON"):
        collection.read("broken.json")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, 'has no "name"'),
        ({"model": 3}, 'has no "model"'),
        ({"region": "mars"}, "unknown region 'mars'"),
        ({"mode": "stream"}, "unknown mode 'stream'"),
        ({"body": []}, 'no "body" object'),
        ({"version": "1"}, 'no whole-number "version"'),
        ({"version": 0}, "unknown format version 0"),
    ],
)
def test_parse_rejects_invalid_members(change: dict[str, object], message: str) -> None:
    document = kite().document() | change
    with pytest.raises(CollectionError, match=message):
        parse_request(json.dumps(document), "x.json")


def test_key_never_written(tmp_path: Path) -> None:
    REDACTOR.register(FAKE_KEY)
    collection = Collection(tmp_path)
    leaky = kite(prompt=f"my key is {FAKE_KEY}")
    with pytest.raises(CollectionError, match="contains an API key"):
        collection.save(leaky)
    assert all_files(tmp_path) == []
    collection.save(kite())
    assert files_containing(tmp_path, FAKE_KEY) == []
    assert files_containing(tmp_path, fingerprint(FAKE_KEY)) == []


def test_paths_outside_root_rejected(tmp_path: Path) -> None:
    collection = Collection(tmp_path / "root")
    for path in ("../x.json", "/etc/passwd", "a/../../x.json", "a//b.json"):
        with pytest.raises(CollectionError, match="not inside the collection"):
            collection.delete(path)


def test_export_import_gives_identical_files(tmp_path: Path, catalog: Catalog) -> None:
    source = Collection(tmp_path / "source", catalog)
    source.save(kite())
    source.save(kite(name="橘猫", prompt=PROMPT), source.create_folder("", "Cats"))
    source.save(kite(name="deep"), source.create_folder("Cats", "Deep: er"))
    source.create_folder("", "Empty")
    (source.root / "broken.json").write_text("{", encoding="utf-8")

    export_file = tmp_path / "exported.json"
    report = source.export_to(export_file)
    assert report.requests == 3
    assert report.folders == 3
    assert [entry.file_name for entry in report.skipped] == ["broken.json"]
    exported = json.loads(export_file.read_text(encoding="utf-8"))
    assert exported["format"] == COLLECTION_FORMAT
    assert PROMPT in export_file.read_text(encoding="utf-8")

    target = Collection(tmp_path / "elsewhere" / "target", catalog)
    imported = target.import_from(export_file)
    assert sorted(imported.written) == [
        "Cats/Deep_ er/deep.json",
        "Cats/橘猫.json",
        "Red kite.json",
    ]
    assert target.folders() == source.folders()
    for entry in source.entries():
        if entry.request is None:
            continue
        copied = target.root / entry.path
        assert copied.read_bytes() == (source.root / entry.path).read_bytes()
        assert target.read(entry.path) == entry.request

    # Importing again changes nothing; a changed file keeps its content and the
    # imported request gets a numbered name beside it.
    again = target.import_from(export_file)
    assert again.written == ()
    assert len(again.unchanged) == 3
    (target.root / "Red kite.json").write_text(request_text(kite(prompt="mine")), encoding="utf-8")
    third = target.import_from(export_file)
    assert third.renamed == (("Red kite.json", "Red kite (2).json"),)
    assert target.read("Red kite.json").prompt == "mine"


def test_import_rejects_bad_files(tmp_path: Path) -> None:
    collection = Collection(tmp_path / "c")
    cases = {
        "not-json.json": ("{", "is not valid JSON"),
        "wrong.json": ('{"format": "other"}', "not an exported PixelPost collection"),
        "newer.json": (
            json.dumps({"format": COLLECTION_FORMAT, "version": 3, "requests": []}),
            "newer PixelPost",
        ),
        "escape.json": (
            json.dumps(
                {
                    "format": COLLECTION_FORMAT,
                    "version": 1,
                    "requests": [{"path": "../../evil.json", "request": kite().document()}],
                }
            ),
            "leaves the collection",
        ),
        "bad-request.json": (
            json.dumps(
                {
                    "format": COLLECTION_FORMAT,
                    "version": 1,
                    "requests": [{"path": "a.json", "request": {"format": "x"}}],
                }
            ),
            "request 1 of .* is not a PixelPost request file",
        ),
    }
    for name, (text, message) in cases.items():
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        with pytest.raises(CollectionError, match=message):
            collection.import_from(source)
    assert not (tmp_path / "evil.json").exists()
    with pytest.raises(CollectionError, match="does not exist"):
        collection.import_from(tmp_path / "missing.json")


def test_import_makes_unsafe_names_safe(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    document = {
        "format": COLLECTION_FORMAT,
        "version": 1,
        "folders": ["AUX"],
        "requests": [{"path": "AUX/CON.json", "request": kite().document()}],
    }
    source.write_text(json.dumps(document), encoding="utf-8")
    collection = Collection(tmp_path / "c")
    report = collection.import_from(source)
    assert report.written == ("AUX_/CON_.json",)
    assert report.folders == ("AUX_",)


def test_long_name_rejected(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    with pytest.raises(CollectionError, match="121 characters; the maximum is 120"):
        collection.save(kite(name="n" * 121))
    assert collection.save(kite(name="n" * 120)).path == "n" * 80 + ".json"


def test_move_keeps_bytes(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    entry = collection.save(kite("Kite"))
    before = (tmp_path / entry.path).read_bytes()
    moved = collection.move(entry.path, "Beach/2026")
    assert moved.path == "Beach/2026/Kite.json"
    assert (tmp_path / "Beach" / "2026" / "Kite.json").read_bytes() == before
    assert not (tmp_path / "Kite.json").exists()
    back = collection.move(moved.path, "")
    assert back.path == "Kite.json"


def test_move_onto_same_name_rejected(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    collection.save(kite("Kite"), "Beach")
    loose = collection.save(kite("Kite", "another prompt"))
    with pytest.raises(CollectionError) as caught:
        collection.move(loose.path, "Beach")
    assert "'Beach' already has a request called 'Kite'" in str(caught.value)
    assert (tmp_path / "Kite.json").is_file()


def test_rename_folder(tmp_path: Path) -> None:
    collection = Collection(tmp_path)
    collection.save(kite("Kite"), "Beach/Day")
    collection.create_folder("", "Other")
    assert collection.rename_folder("Beach", "Coast: north") == "Coast_ north"
    assert [e.path for e in collection.entries()] == ["Coast_ north/Day/Kite.json"]
    assert collection.rename_folder("Coast_ north", "coast_ NORTH") == "coast_ NORTH"
    with pytest.raises(CollectionError) as taken:
        collection.rename_folder("coast_ NORTH", "Other")
    assert "'Other' already exists" in str(taken.value)
    with pytest.raises(CollectionError):
        collection.rename_folder("", "Top")
    with pytest.raises(CollectionError):
        collection.rename_folder("Other", "  ")

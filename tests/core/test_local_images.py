"""Local image references: Windows and POSIX path recognition, file inspection, and
the checks a request makes on local files and data URIs before anything is sent."""

from __future__ import annotations

import base64
import io
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from PIL import Image

from gui.core.catalog import CatalogError, load_catalog
from gui.core.local_images import (
    LocalImageError,
    RelativePathError,
    data_uri,
    data_uri_length,
    decode_data_uri,
    file_uri_path,
    format_bytes,
    format_ratio,
    inspect_data_uri,
    inspect_file,
    local_path,
    reference_kind,
    resolve_local,
)
from gui.core.request import build_request, validate_values

CATALOG = load_catalog()


def write_png(path: Path, size: tuple[int, int], colour: str = "red") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def png_bytes(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("https://example.com/a.png", "url"),
        ("HTTP://example.com/a.png", "url"),
        ("oss://dashscope-instant/x/a.png", "oss"),
        ("data:image/png;base64,AAAA", "data"),
        ("file:///C:/photos/a.png", "file"),
        (r"C:\photos\a.png", "file"),
        ("C:/photos/a.png", "file"),
        (r"\\server\share\a.png", "file"),
        ("/home/me/a.png", "file"),
        ("~/a.png", "file"),
        ("photo.png", "file"),
        (r"photos\a.png", "file"),
        ('"C:\\Users\\me\\My Pictures\\a b.png"', "file"),
        ("ftp://example.com/a.png", "other"),
        ("hello", "other"),
        ("", "other"),
    ],
)
def test_reference_kind_cases(text: str, kind: str) -> None:
    assert reference_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"C:\Users\张三\Pictures\我的 照片.png", r"C:\Users\张三\Pictures\我的 照片.png"),
        ("C:/Users/me/a b.png", r"C:\Users\me\a b.png"),
        (r"\\nas\share\家庭\a.jpg", r"\\nas\share\家庭\a.jpg"),
        ('"D:\\photos\\a.png"', r"D:\photos\a.png"),
        ("file:///C:/Users/me/a%20b.png", r"C:\Users\me\a b.png"),
        ("file:///C:/%E7%85%A7%E7%89%87/a.png", r"C:\照片\a.png"),
        ("file:/C:/photos/a.png", r"C:\photos\a.png"),
        ("file://localhost/C:/photos/a.png", r"C:\photos\a.png"),
        ("file://C:/photos/a.png", r"C:\photos\a.png"),
        ("file:///C|/photos/a.png", r"C:\photos\a.png"),
        ("file://nas/share/a%20b.png", r"\\nas\share\a b.png"),
    ],
)
def test_windows_paths_recognised(text: str, expected: str) -> None:
    path = local_path(text, windows=True)
    assert isinstance(path, PureWindowsPath)
    assert path == PureWindowsPath(expected)
    assert str(path) == expected


def test_windows_drive_paths_are_absolute() -> None:
    assert local_path(r"C:\a.png", windows=True).is_absolute()
    assert local_path("C:/a.png", windows=True).is_absolute()
    assert local_path(r"\\server\share\a.png", windows=True).is_absolute()
    assert not local_path("photos/a.png", windows=True).is_absolute()


def test_drive_path_read_as_windows_on_posix() -> None:
    path = local_path(r"C:\photos\a.png", windows=False)
    assert isinstance(path, PureWindowsPath)
    assert path.name == "a.png"


def test_posix_file_uri_decodes_utf8() -> None:
    path = file_uri_path("file:///home/me/%E6%88%91%E7%9A%84%20%E5%9B%BE.png", windows=False)
    assert path == PurePosixPath("/home/me/我的 图.png")


def test_file_uri_other_host_rejected_on_posix() -> None:
    with pytest.raises(ValueError, match="names the host 'nas'"):
        file_uri_path("file://nas/share/a.png", windows=False)


def test_non_file_reference_raises() -> None:
    with pytest.raises(ValueError, match="not a local file"):
        local_path("https://example.com/a.png")


def test_relative_path_needs_base(tmp_path: Path) -> None:
    with pytest.raises(RelativePathError):
        resolve_local("photos/a.png")
    assert resolve_local("photos/a.png", tmp_path) == tmp_path / "photos" / "a.png"


def test_home_expanded() -> None:
    assert resolve_local("~/a.png") == Path.home() / "a.png"


def test_real_file_with_space_and_chinese(tmp_path: Path) -> None:
    image = write_png(tmp_path / "我的 图片" / "小猫 照片.png", (640, 480))
    for written in (str(image), f'"{image}"', image.as_uri()):
        resolved = resolve_local(written)
        assert resolved == image
        info = inspect_file(resolved)
        assert info.format == "png"
        assert info.size == (640, 480)
        assert info.byte_size == image.stat().st_size
        assert info.summary().startswith("PNG, 640*480, ")


def test_inspect_missing_folder_and_text(tmp_path: Path) -> None:
    with pytest.raises(LocalImageError) as missing:
        inspect_file(tmp_path / "nope.png")
    assert missing.value.reason == "missing"
    assert "nope.png" in str(missing.value)
    with pytest.raises(LocalImageError) as folder:
        inspect_file(tmp_path)
    assert folder.value.reason == "not_a_file"
    text = tmp_path / "notes.png"
    text.write_text("not an image", encoding="utf-8")
    with pytest.raises(LocalImageError) as not_image:
        inspect_file(text)
    assert not_image.value.reason == "not_an_image"


def test_inspect_sees_a_replaced_file(tmp_path: Path) -> None:
    path = write_png(tmp_path / "a.png", (100, 50))
    assert inspect_file(path).size == (100, 50)
    Image.new("RGB", (300, 200)).save(path, "JPEG")
    info = inspect_file(path)
    assert info.size == (300, 200)
    assert info.format == "jpeg"


def test_data_uri_round_trip() -> None:
    data = png_bytes((32, 16))
    uri = data_uri(data, "image/png")
    assert len(uri) == data_uri_length(len(data), "image/png")
    assert decode_data_uri(uri) == data
    assert inspect_data_uri(uri).size == (32, 16)
    with pytest.raises(ValueError):
        decode_data_uri("data:text/plain;base64,AAAA")
    with pytest.raises(ValueError):
        decode_data_uri("data:image/png;base64,***")


def test_byte_and_ratio_formatting() -> None:
    assert format_bytes(512) == "512 bytes"
    assert format_bytes(34 * 1024) == "34 KB"
    assert format_bytes(10485760) == "10.0 MB"
    assert format_ratio(2.5) == "2.5:1"
    assert format_ratio(0.4) == "1:2.5"


# Validation of local files against catalog rules.


def imageedit_values(base: str, mask: str | None = None) -> dict[str, object]:
    values: dict[str, object] = {
        "function": "description_edit_with_mask" if mask else "description_edit",
        "prompt": "a vase",
        "base_image_url": base,
    }
    if mask:
        values["mask_image_url"] = mask
    return values


def test_local_file_accepted(tmp_path: Path) -> None:
    base = write_png(tmp_path / "照片 1.png", (800, 600))
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values(str(base)))
    assert issues == []


def test_file_uri_accepted(tmp_path: Path) -> None:
    base = write_png(tmp_path / "a b.png", (800, 600))
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values(base.as_uri()))
    assert issues == []


def test_missing_file_named(tmp_path: Path) -> None:
    missing = tmp_path / "gone.png"
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values(str(missing)))
    assert [issue.rule for issue in issues] == ["image_missing"]
    assert "gone.png" in issues[0].message()
    assert "choose the file again" in issues[0].message()


def test_relative_path_rejected() -> None:
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values("photos/a.png"))
    assert [issue.rule for issue in issues] == ["image_relative"]


def test_local_path_rejected_without_reading() -> None:
    issues = validate_values(
        CATALOG["wanx2.1-imageedit"], imageedit_values("/tmp/a.png"), read_images=False
    )
    assert [issue.rule for issue in issues] == ["image_url"]


def test_small_image_rejected_with_values(tmp_path: Path) -> None:
    base = write_png(tmp_path / "small.png", (300, 600))
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values(str(base)))
    assert [issue.rule for issue in issues] == ["image_side"]
    message = issues[0].message()
    assert "300*600 pixels" in message
    assert "from 512 to 4096 pixels" in message


def test_wrong_format_rejected_with_values(tmp_path: Path) -> None:
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (800, 800)).save(gif, "GIF")
    issues = validate_values(CATALOG["wanx2.1-imageedit"], imageedit_values(str(gif)))
    assert [issue.rule for issue in issues] == ["image_format"]
    message = issues[0].message()
    assert "is a GIF image" in message
    assert "JPG, JPEG, PNG, BMP, TIFF, WEBP" in message


def test_oversize_file_rejected_with_values(tmp_path: Path) -> None:
    model = CATALOG["wanx-sketch-to-image-lite"]
    sketch = tmp_path / "big.bmp"
    # An uncompressed 2048*2048 RGB bitmap is 12 MiB, above the 10 MiB limit.
    Image.new("RGB", (2048, 2048), "white").save(sketch, "BMP")
    values = {"prompt": "a house", "sketch_image_url": str(sketch)}
    issues = validate_values(model, values)
    assert [issue.rule for issue in issues] == ["image_format"]
    png = tmp_path / "noise.png"
    Image.frombytes("RGB", (2048, 2048), bytes(range(256)) * (2048 * 2048 * 3 // 256)).save(
        png, "PNG", compress_level=0
    )
    values = {"prompt": "a house", "sketch_image_url": str(png)}
    issues = validate_values(model, values)
    assert [issue.rule for issue in issues] == ["image_bytes"]
    assert "12.0 MB" in issues[0].message()
    assert "the maximum is 10.0 MB" in issues[0].message()


def test_aspect_ratio_rejected_with_values(tmp_path: Path) -> None:
    model = CATALOG["qwen-mt-image"]
    wide = write_png(tmp_path / "banner.png", (1100, 100))
    spec = model.field("image_url")
    assert spec is not None
    issues = validate_values(model, {"image_url": str(wide), "target_lang": "en"})
    ratio_issues = [issue for issue in issues if issue.rule == "image_ratio"]
    assert len(ratio_issues) == 1
    message = ratio_issues[0].message()
    assert "1100*100 pixels, aspect ratio 11:1" in message
    assert "from 1:10 to 10:1" in message


def test_mask_size_must_match_base(tmp_path: Path) -> None:
    base = write_png(tmp_path / "base.png", (800, 600))
    mask = write_png(tmp_path / "mask.png", (600, 600), "white")
    issues = validate_values(
        CATALOG["wanx2.1-imageedit"], imageedit_values(str(base), str(mask))
    )
    assert [issue.rule for issue in issues] == ["image_same_size"]
    assert issues[0].field == "mask_image_url"
    message = issues[0].message()
    assert "600*600 pixels, but base_image_url is 800*600" in message


def test_mask_size_equal_accepted(tmp_path: Path) -> None:
    base = write_png(tmp_path / "base.png", (800, 600))
    mask = write_png(tmp_path / "mask.png", (800, 600), "white")
    issues = validate_values(
        CATALOG["wanx2.1-imageedit"], imageedit_values(str(base), str(mask))
    )
    assert issues == []


def test_data_uri_checked_against_rule() -> None:
    model = CATALOG["qwen-image-edit-plus"]
    small = data_uri(png_bytes((100, 100)), "image/png")
    issues = validate_values(model, {"prompt": "edit", "images": [small]})
    assert [issue.rule for issue in issues] == ["image_side"]
    assert "100*100 pixels" in issues[0].message()
    fine = data_uri(png_bytes((400, 400)), "image/png")
    assert validate_values(model, {"prompt": "edit", "images": [fine]}) == []


def test_data_uri_length_limit() -> None:
    model = CATALOG["qwen-image-edit-plus"]
    huge = "data:image/png;base64," + base64.b64encode(b"\0" * 7_900_000).decode()
    issues = validate_values(model, {"prompt": "edit", "images": [huge]})
    assert [issue.rule for issue in issues] == ["data_uri_length"]
    assert "10485760" in issues[0].message()


def test_oss_url_adds_resolve_header() -> None:
    model = CATALOG["wanx2.1-imageedit"]
    values = imageedit_values("oss://dashscope-instant/a/b.png")
    request = build_request(model, values, "async")
    assert request.headers()["X-DashScope-OssResourceResolve"] == "enable"
    plain = build_request(model, imageedit_values("https://example.com/a.png"), "async")
    assert "X-DashScope-OssResourceResolve" not in plain.headers()


def test_catalog_rejects_bad_same_size(tmp_path: Path) -> None:
    text = """
schema = 1
[family]
id = "masked"
title = "Masked"
protocol = "prompt"
result_shape = "results"
paths = { async = "services/aigc/image2image/image-synthesis" }

[[family.fields]]
name = "base_image_url"
location = "input"
type = "image"

[[family.fields]]
name = "mask_image_url"
location = "input"
type = "image"
image = { same_size_as = "%s", mask = true }

[[models]]
id = "masked-model"
regions = { beijing = ["async"] }
"""
    (tmp_path / "masked.toml").write_text(text % "base_image_url", encoding="utf-8")
    model = load_catalog(tmp_path)["masked-model"]
    rule = model.field("mask_image_url").image  # type: ignore[union-attr]
    assert rule is not None
    assert rule.same_size_as == "base_image_url"
    assert rule.mask
    (tmp_path / "masked.toml").write_text(text % "no_such_field", encoding="utf-8")
    with pytest.raises(CatalogError, match="same_size_as = 'no_such_field'"):
        load_catalog(tmp_path)


def test_mask_fields_in_catalog() -> None:
    masks = {
        (model.id, spec.name): spec.image.same_size_as
        for model in CATALOG
        for spec in model.fields
        if spec.image is not None and spec.image.mask
    }
    assert masks[("wanx2.1-imageedit", "mask_image_url")] == "base_image_url"
    assert masks[("wanx-x-painting", "mask_image_url")] == "base_image_url"
    assert masks[("image-erase-completion", "mask_url")] == "image_url"
    assert masks[("image-erase-completion", "foreground_url")] == "image_url"

"""Build request bodies from form values, read them back, and check them.

The same checks run in the form before sending, in the headless ``send`` command,
and in the emulator, so a body the app rejects is one the emulator rejects too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from gui.core.catalog import FieldSpec, ModelSpec, SizeRule
from gui.core.local_images import (
    DATA,
    FILE,
    MAX_DATA_URI_LENGTH,
    ImageInfo,
    LocalImageError,
    RelativePathError,
    format_allowed,
    format_bytes,
    format_ratio,
    inspect_data_uri,
    inspect_file,
    reference_kind,
    resolve_local,
)

SIZE_PATTERN = re.compile(r"^(\d+)\*(\d+)$")

ASYNC_HEADER = "X-DashScope-Async"
# Required whenever an input is an ``oss://`` URL from the temporary-upload flow.
OSS_RESOLVE_HEADER = "X-DashScope-OssResourceResolve"


@dataclass(frozen=True)
class ValidationIssue:
    """A value that breaks a catalog rule.

    ``rule`` names the broken rule and ``params`` contains its bounds, so the UI can
    phrase the message in the user's language; ``message()`` gives the English text.
    """

    field: str
    value: Any
    rule: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def message(self) -> str:
        template = ENGLISH_MESSAGES.get(self.rule, "{field}: value {value} is invalid.")
        return template.format(field=self.field, value=_show(self.value), **self.params)


ENGLISH_MESSAGES = {
    "required": "{field} is required; enter a value.",
    "type": "{field}: {value} is not {expected}; enter {expected}.",
    "max_length": "{field} has {length} characters; the maximum is {maximum}. Shorten it.",
    "minimum": "{field}: {value} is below the minimum {minimum}; use {minimum} to {maximum}.",
    "maximum": "{field}: {value} is above the maximum {maximum}; use {minimum} to {maximum}.",
    "choices": "{field}: {value} is not allowed; use one of {choices}.",
    "size_format": "{field}: {value} is not W*H; write the size with an asterisk, like 1024*1024.",
    "size_choices": "{field}: {value} is not offered by this model; use one of {choices}.",
    "size_side": "{field}: {value} has a side outside {min_side} to {max_side} pixels; "
    "choose width and height in that range.",
    "size_pixels": "{field}: {value} has {pixels} pixels; the total must be from {min_pixels} "
    "to {max_pixels} ({min_label} to {max_label}).",
    "size_ratio": "{field}: {value} has aspect ratio {ratio}; the ratio must be from "
    "{min_ratio_label} to {max_ratio_label}.",
    "messages": "{field}: {detail}",
    "image_url": "{field}: {value} is not an image URL; use one starting with {schemes}.",
    "image_relative": "{field}: {file} is a relative file path; enter the full path, choose "
    "the file, or enter a URL starting with http:// or https://.",
    "image_missing": "{field}: the file {file} does not exist; choose the file again.",
    "image_unreadable": "{field}: {file} is not a readable image ({detail}); "
    "choose a JPEG, PNG or other image file.",
    "image_format": "{field}: {file} is a {format} image; this field accepts {formats}. "
    "Convert the image to one of them.",
    "image_bytes": "{field}: {file} is {size}; the maximum is {maximum}. "
    "Compress the image or scale it down.",
    "image_side": "{field}: {file} is {width}*{height} pixels; each side must be from "
    "{min_side} to {max_side} pixels. Resize the image.",
    "image_ratio": "{field}: {file} is {width}*{height} pixels, aspect ratio {ratio}; the ratio "
    "must be from {min_ratio} to {max_ratio}. Crop the image.",
    "image_same_size": "{field}: {file} is {width}*{height} pixels, but {other} is "
    "{other_width}*{other_height}; use an image of the same size.",
    "data_uri_length": "{field}: the data URI has {length} characters; the service accepts at "
    "most {maximum}. Choose the file instead, so PixelPost uploads it.",
    "items": "{field} has {count} items; use {minimum} to {maximum}.",
    "unknown_model": "model {value} is not in the catalog; check the model id.",
    "retired": "model {value} was retired on {date}; use {replacement} instead.",
    "retired_no_replacement": "model {value} was retired on {date} and has no replacement.",
    "region": "model {value} is not offered in {region}; regions that offer it: {regions}.",
    "mode": "model {value} is not offered as a {mode} call in {region}; use {modes}.",
}


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class ApiRequest:
    """A request ready to send: endpoint path relative to the base URL, and body."""

    model: str
    mode: str
    path: str
    body: dict[str, Any]

    @property
    def is_async(self) -> bool:
        return self.mode == "async"

    def headers(self) -> dict[str, str]:
        """Return the headers this request needs besides authentication.

        A body with an ``oss://`` URL anywhere gets the resolve header, without
        which the service rejects such URLs as invalid.
        """
        headers = {"Content-Type": "application/json"}
        if self.is_async:
            headers[ASYNC_HEADER] = "enable"
        if contains_oss_url(self.body):
            headers[OSS_RESOLVE_HEADER] = "enable"
        return headers


def contains_oss_url(value: Any) -> bool:
    """Return whether a JSON value contains a string starting with ``oss://`` at any depth."""
    if isinstance(value, str):
        return value.strip().lower().startswith("oss://")
    if isinstance(value, dict):
        return any(contains_oss_url(item) for item in value.values())
    if isinstance(value, list):
        return any(contains_oss_url(item) for item in value)
    return False


def build_body(
    model: ModelSpec,
    values: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
    model_name: str | None = None,
) -> dict[str, Any]:
    """Build the JSON body for ``model`` from field values.

    Fields whose value is None or an empty string are left out, so the service
    applies its own default. ``extra`` contains body parts the form does not know;
    they are merged under the generated ones and never dropped. ``model_name``
    is the id as the user wrote it (an alias or snapshot); it defaults to the
    catalog id.
    """
    body: dict[str, Any] = copy.deepcopy(dict(extra)) if extra else {}
    body["model"] = model_name or model.id
    body.setdefault("input", {})
    body.setdefault("parameters", {})
    for spec in model.fields:
        value = values.get(spec.name)
        if _is_empty(value) or not spec.applies(values):
            continue
        if spec.location in ("input", "parameters"):
            _set_nested(body[spec.location], spec.body_key, value)
        elif spec.location == "message_text":
            _set_message_text(body["input"], value)
        elif spec.location == "message_images":
            _set_message_images(body["input"], value)
    ordered = {"model": body.pop("model"), "input": body.pop("input")}
    ordered["parameters"] = body.pop("parameters")
    ordered.update(body)
    return ordered


def _is_empty(value: Any) -> bool:
    """Return whether a value counts as not given; text of only spaces counts as empty."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == []


def _set_nested(container: dict[str, Any], dotted_key: str, value: Any) -> None:
    *parents, last = dotted_key.split(".")
    for part in parents:
        child = container.get(part)
        if not isinstance(child, dict):
            child = container[part] = {}
        container = child
    container[last] = value


def _pop_nested(container: dict[str, Any], dotted_key: str) -> tuple[bool, Any]:
    """Remove and return a nested member; empty parent objects are removed too."""
    *parents, last = dotted_key.split(".")
    chain = [container]
    for part in parents:
        child = chain[-1].get(part)
        if not isinstance(child, dict):
            return False, None
        chain.append(child)
    if last not in chain[-1]:
        return False, None
    value = chain[-1].pop(last)
    for parent, part in zip(reversed(chain[:-1]), reversed(parents), strict=True):
        if parent[part] == {}:
            del parent[part]
    return True, value


def _user_content(input_part: dict[str, Any]) -> list[Any]:
    messages = input_part.setdefault("messages", [])
    if not messages:
        messages.append({"role": "user", "content": []})
    content: list[Any] = messages[0].setdefault("content", [])
    return content


def _set_message_text(input_part: dict[str, Any], text: Any) -> None:
    content = _user_content(input_part)
    for item in content:
        if isinstance(item, dict) and "text" in item:
            item["text"] = text
            return
    content.append({"text": text})


def _set_message_images(input_part: dict[str, Any], images: Any) -> None:
    """Place one ``{"image": url}`` item per image before the text item, in order."""
    content = _user_content(input_part)
    content[:] = [item for item in content if not (isinstance(item, dict) and "image" in item)]
    content[0:0] = [{"image": image} for image in images]


def build_request(
    model: ModelSpec,
    values: Mapping[str, Any],
    mode: str,
    extra: Mapping[str, Any] | None = None,
    model_name: str | None = None,
) -> ApiRequest:
    body = build_body(model, values, extra, model_name)
    return ApiRequest(body["model"], mode, model.path(mode), body)


def read_body(model: ModelSpec, body: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a request body into field values and the parts no field covers.

    Returns ``(values, extra)``; ``build_body(model, values, extra)`` gives the
    body back.
    """
    extra = copy.deepcopy(dict(body))
    extra.pop("model", None)
    input_part: dict[str, Any] = extra["input"] if isinstance(extra.get("input"), dict) else {}
    parameters: dict[str, Any] = (
        extra["parameters"] if isinstance(extra.get("parameters"), dict) else {}
    )
    values: dict[str, Any] = {}
    for spec in model.fields:
        if spec.location in ("input", "parameters"):
            container = input_part if spec.location == "input" else parameters
            found, value = _pop_nested(container, spec.body_key)
            if found:
                values[spec.name] = value
        elif spec.location == "message_text":
            text = _pop_message_text(input_part)
            if text is not None:
                values[spec.name] = text
        elif spec.location == "message_images":
            images = _pop_message_images(input_part)
            if images:
                values[spec.name] = images
    for key in ("input", "parameters"):
        if key in extra and extra[key] == {}:
            del extra[key]
    return values, extra


def _pop_message_images(input_part: dict[str, Any]) -> list[Any]:
    messages = input_part.get("messages")
    if not isinstance(messages, list) or len(messages) != 1 or not isinstance(messages[0], dict):
        return []
    content = messages[0].get("content")
    if not isinstance(content, list):
        return []
    images = [item for item in content if isinstance(item, dict) and set(item) == {"image"}]
    for item in images:
        content.remove(item)
    _drop_empty_message(input_part)
    return [item["image"] for item in images]


def _drop_empty_message(input_part: dict[str, Any]) -> None:
    messages = input_part.get("messages")
    if not isinstance(messages, list) or len(messages) != 1:
        return
    message = messages[0]
    only_role_and_content = isinstance(message, dict) and set(message) <= {"role", "content"}
    if only_role_and_content and message.get("role") == "user" and not message.get("content"):
        del input_part["messages"]


def _pop_message_text(input_part: dict[str, Any]) -> Any:
    messages = input_part.get("messages")
    if not isinstance(messages, list) or len(messages) != 1 or not isinstance(messages[0], dict):
        return None
    content = messages[0].get("content")
    if not isinstance(content, list):
        return None
    texts = [item for item in content if isinstance(item, dict) and "text" in item]
    if len(texts) != 1:
        return None
    content.remove(texts[0])
    _drop_empty_message(input_part)
    return texts[0]["text"]


def check_availability(
    model: ModelSpec, model_name: str, region: str, mode: str, today: date | None = None
) -> list[ValidationIssue]:
    """Check that ``model`` is still served, offered in ``region``, and in ``mode``."""
    if model.retired is not None and model.is_retired(today):
        params = {"date": model.retired.isoformat(), "replacement": model.replacement or ""}
        rule = "retired" if model.replacement else "retired_no_replacement"
        return [ValidationIssue("model", model_name, rule, params)]
    modes = model.modes(region)
    if not modes:
        regions = ", ".join(model.regions_offering()) or "none"
        return [
            ValidationIssue("model", model_name, "region", {"region": region, "regions": regions})
        ]
    if mode not in modes:
        params = {"region": region, "mode": mode, "modes": " or ".join(modes)}
        return [ValidationIssue("model", model_name, "mode", params)]
    return []


def validate_values(
    model: ModelSpec, values: Mapping[str, Any], *, read_images: bool = True
) -> list[ValidationIssue]:
    """Check field values against the model's rules; return every issue found.

    With ``read_images`` an image field may also name a local file (a path or a
    ``file://`` URI). Local files and data URIs are then read to check their
    format, file size, pixel size, aspect ratio and the size a mask must share
    with its image. The emulator passes False: it never reads local files, and it
    reports image problems with the service's own errors.
    """
    issues: list[ValidationIssue] = []
    for spec in model.fields:
        if not spec.applies(values):
            continue
        value = values.get(spec.name)
        if _is_empty(value):
            if spec.required:
                issues.append(ValidationIssue(spec.name, value, "required"))
            continue
        issue = _check_field(spec, value, read_images)
        if issue is not None:
            issues.append(issue)
    if read_images:
        issues.extend(_check_same_sizes(model, values, issues))
    return issues


def validate_body(
    model: ModelSpec, body: Mapping[str, Any], *, read_images: bool = True
) -> list[ValidationIssue]:
    """Check a whole request body: its structure, then every field (see validate_values)."""
    issues = _check_structure(model, body)
    if issues:
        # A body of the wrong shape would only add misleading field messages.
        return issues
    values, _extra = read_body(model, body)
    return validate_values(model, values, read_images=read_images)


def _check_structure(model: ModelSpec, body: Mapping[str, Any]) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if not isinstance(body.get("input"), dict):
        rule = "required" if body.get("input") is None else "type"
        issues.append(ValidationIssue("input", body.get("input"), rule, {"expected": "an object"}))
        return issues
    if "parameters" in body and not isinstance(body["parameters"], dict):
        issues.append(
            ValidationIssue("parameters", body["parameters"], "type", {"expected": "an object"})
        )
    if model.protocol != "messages":
        return issues
    messages = body["input"].get("messages")
    detail = None
    if not isinstance(messages, list) or not messages:
        detail = "input.messages must contain exactly one user message."
    elif len(messages) != 1:
        detail = f"input.messages has {len(messages)} messages; send exactly one user message."
    elif not isinstance(messages[0], dict) or messages[0].get("role") != "user":
        detail = "the message must have role 'user'."
    else:
        content = messages[0].get("content")
        texts = (
            [item for item in content if isinstance(item, dict) and "text" in item]
            if isinstance(content, list)
            else []
        )
        if len(texts) != 1:
            detail = f"the message content has {len(texts)} text items; send exactly one."
    if detail:
        issues.append(ValidationIssue("messages", None, "messages", {"detail": detail}))
    return issues


def _check_field(spec: FieldSpec, value: Any, read_images: bool = True) -> ValidationIssue | None:
    if spec.type == "text":
        if not isinstance(value, str):
            return ValidationIssue(spec.name, value, "type", {"expected": "text"})
        if spec.max_length is not None and len(value) > spec.max_length:
            return ValidationIssue(
                spec.name, value, "max_length", {"length": len(value), "maximum": spec.max_length}
            )
        return None
    if spec.type == "bool":
        if not isinstance(value, bool):
            return ValidationIssue(spec.name, value, "type", {"expected": "true or false"})
        return None
    if spec.type in ("int", "float"):
        return _check_number(spec, value)
    if spec.type == "enum":
        if value not in spec.choice_values():
            choices = ", ".join(spec.choice_values())
            return ValidationIssue(spec.name, value, "choices", {"choices": choices})
        return None
    if spec.type == "size":
        assert spec.size is not None
        return check_size(spec.name, value, spec.size)
    if spec.type == "image":
        return _check_image_reference(spec, value, read_images)
    if spec.type == "image_list":
        return _check_image_list(spec, value, read_images)
    if spec.type == "json":
        return _check_json(spec, value)
    return None


IMAGE_SCHEMES = ("http://", "https://", "oss://")


def _check_image_reference(
    spec: FieldSpec, value: Any, read_images: bool = True
) -> ValidationIssue | None:
    """Check that an image field contains a URL the service can fetch, a data URI or a file.

    Local files and data URIs are checked against the field's image rule when
    ``read_images`` is True. Without it a local path is rejected like any text.
    """
    if not isinstance(value, str):
        return ValidationIssue(spec.name, value, "type", {"expected": "an image URL"})
    accepts_data = spec.image is not None and spec.image.data_uri
    kind = reference_kind(value)
    if read_images and kind == FILE:
        return _check_local_file(spec, value)
    schemes = IMAGE_SCHEMES + (("data:",) if accepts_data else ())
    if not value.strip().lower().startswith(schemes):
        return ValidationIssue(spec.name, value, "image_url", {"schemes": ", ".join(schemes)})
    if read_images and kind == DATA:
        return _check_data_uri(spec, value)
    return None


def _check_local_file(spec: FieldSpec, value: str) -> ValidationIssue | None:
    file = short_path(value)
    try:
        info = inspect_file(resolve_local(value))
    except RelativePathError:
        return ValidationIssue(spec.name, value, "image_relative", {"file": file})
    except ValueError as error:
        # A file:// URI naming another computer.
        params = {"file": file, "detail": str(error)}
        return ValidationIssue(spec.name, value, "image_unreadable", params)
    except LocalImageError as error:
        if error.reason == "missing":
            return ValidationIssue(spec.name, value, "image_missing", {"file": file})
        params = {"file": file, "detail": error.reason.replace("_", " ")}
        return ValidationIssue(spec.name, value, "image_unreadable", params)
    return check_image_info(spec, value, info)


def _check_data_uri(spec: FieldSpec, value: str) -> ValidationIssue | None:
    length = len(value.strip())
    if length > MAX_DATA_URI_LENGTH:
        limits: dict[str, Any] = {"length": length, "maximum": MAX_DATA_URI_LENGTH}
        return ValidationIssue(spec.name, "data URI", "data_uri_length", limits)
    try:
        info = inspect_data_uri(value.strip())
    except LocalImageError as error:
        params = {"file": "data URI", "detail": str(error)}
        return ValidationIssue(spec.name, "data URI", "image_unreadable", params)
    return check_image_info(spec, "data URI", info)


def check_image_info(spec: FieldSpec, value: str, info: ImageInfo) -> ValidationIssue | None:
    """Check an image's format, file size, pixel size and aspect ratio against the field.

    ``value`` is how the image was written, shown in the message. The message
    gives the image's actual values and the allowed ones.
    """
    rule = spec.image
    if rule is None:
        return None
    file = short_path(value)
    params: dict[str, Any]
    if not format_allowed(info.format, rule.formats):
        params = {
            "file": file,
            "format": info.format.upper(),
            "formats": ", ".join(name.upper() for name in rule.formats),
        }
        return ValidationIssue(spec.name, value, "image_format", params)
    if rule.max_bytes is not None and info.byte_size > rule.max_bytes:
        params = {
            "file": file,
            "size": format_bytes(info.byte_size),
            "maximum": format_bytes(rule.max_bytes),
        }
        return ValidationIssue(spec.name, value, "image_bytes", params)
    dimensions: dict[str, Any] = {"file": file, "width": info.width, "height": info.height}
    shortest, longest = min(info.size), max(info.size)
    too_small = rule.min_side is not None and shortest < rule.min_side
    too_large = rule.max_side is not None and longest > rule.max_side
    if too_small or too_large:
        params = {**dimensions, "min_side": rule.min_side or 1, "max_side": rule.max_side or "any"}
        return ValidationIssue(spec.name, value, "image_side", params)
    if info.height > 0 and (rule.min_ratio is not None or rule.max_ratio is not None):
        ratio = info.width / info.height
        low = rule.min_ratio if rule.min_ratio is not None else 0.0
        high = rule.max_ratio if rule.max_ratio is not None else float("inf")
        if not low <= ratio <= high:
            params = {
                **dimensions,
                "ratio": format_ratio(ratio),
                "min_ratio": format_ratio(low) if low > 0 else "any",
                "max_ratio": format_ratio(high) if high != float("inf") else "any",
            }
            return ValidationIssue(spec.name, value, "image_ratio", params)
    return None


def image_info(value: Any) -> ImageInfo | None:
    """Return what a local file or data URI value contains, or None.

    None stands for a URL (not read here), an unreadable file or a relative path.
    """
    if not isinstance(value, str):
        return None
    kind = reference_kind(value)
    try:
        if kind == FILE:
            return inspect_file(resolve_local(value))
        if kind == DATA:
            return inspect_data_uri(value.strip())
    except (LocalImageError, ValueError):
        return None
    return None


def _check_same_sizes(
    model: ModelSpec, values: Mapping[str, Any], issues: list[ValidationIssue]
) -> list[ValidationIssue]:
    """Check that each image with ``same_size_as`` has its partner's pixel size.

    Only images that can be read (local files and data URIs) are compared, and
    fields that already have an issue are skipped.
    """
    found: list[ValidationIssue] = []
    failed = {issue.field for issue in issues}
    for spec in model.fields:
        rule = spec.image
        if rule is None or rule.same_size_as is None or not spec.applies(values):
            continue
        if spec.name in failed or rule.same_size_as in failed:
            continue
        value = values.get(spec.name)
        own = image_info(value)
        other = image_info(values.get(rule.same_size_as))
        if own is None or other is None or own.size == other.size:
            continue
        params = {
            "file": short_path(str(value)),
            "width": own.width,
            "height": own.height,
            "other": rule.same_size_as,
            "other_width": other.width,
            "other_height": other.height,
        }
        found.append(ValidationIssue(spec.name, value, "image_same_size", params))
    return found


def short_path(value: str) -> str:
    """Return a path cut from the front to 60 characters, so the file name stays visible."""
    text = value.strip()
    if text.lower().startswith("data:"):
        return "data URI"
    return text if len(text) <= 60 else "…" + text[-59:]


def _check_image_list(
    spec: FieldSpec, value: Any, read_images: bool = True
) -> ValidationIssue | None:
    if not isinstance(value, list):
        return ValidationIssue(spec.name, value, "type", {"expected": "a list of image URLs"})
    issue = _check_count(spec, value)
    if issue is not None:
        return issue
    for item in value:
        issue = _check_image_reference(spec, item, read_images)
        if issue is not None:
            return issue
    return None


def _check_count(spec: FieldSpec, value: list[Any]) -> ValidationIssue | None:
    low = spec.min_items if spec.min_items is not None else 0
    high = spec.max_items
    if len(value) < low or (high is not None and len(value) > high):
        params = {"count": len(value), "minimum": low, "maximum": high if high else "any"}
        return ValidationIssue(spec.name, len(value), "items", params)
    return None


def _check_json(spec: FieldSpec, value: Any) -> ValidationIssue | None:
    expected = list if spec.json_type == "array" else dict
    if not isinstance(value, expected):
        name = "a JSON array" if expected is list else "a JSON object"
        return ValidationIssue(spec.name, value, "type", {"expected": name})
    if isinstance(value, list):
        return _check_count(spec, value)
    return None


def _check_number(spec: FieldSpec, value: Any) -> ValidationIssue | None:
    is_int = isinstance(value, int) and not isinstance(value, bool)
    is_number = is_int or isinstance(value, float)
    if spec.type == "int" and not is_int:
        return ValidationIssue(spec.name, value, "type", {"expected": "a whole number"})
    if spec.type == "float" and not is_number:
        return ValidationIssue(spec.name, value, "type", {"expected": "a number"})
    bounds = {"minimum": _number(spec.minimum), "maximum": _number(spec.maximum)}
    if spec.minimum is not None and value < spec.minimum:
        return ValidationIssue(spec.name, value, "minimum", bounds)
    if spec.maximum is not None and value > spec.maximum:
        return ValidationIssue(spec.name, value, "maximum", bounds)
    return None


def _number(value: float | None) -> str:
    if value is None:
        return "any"
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_size(value: str) -> tuple[int, int] | None:
    """Return ``(width, height)`` for a ``W*H`` string, or None if it is not one."""
    match = SIZE_PATTERN.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def check_size(name: str, value: Any, rule: SizeRule) -> ValidationIssue | None:
    """Check a ``W*H`` size or preset name against a model's size rule."""
    if not isinstance(value, str):
        return ValidationIssue(name, value, "type", {"expected": "text like 1024*1024"})
    if value in rule.presets:
        return None
    if rule.choices:
        if value in rule.choices:
            return None
        if parse_size(value) is None:
            return ValidationIssue(name, value, "size_format")
        return ValidationIssue(name, value, "size_choices", {"choices": ", ".join(rule.choices)})
    parsed = parse_size(value)
    if parsed is None:
        return ValidationIssue(name, value, "size_format")
    width, height = parsed
    if rule.min_side is not None or rule.max_side is not None:
        low = rule.min_side or 1
        high = rule.max_side or 10**6
        if not (low <= width <= high and low <= height <= high):
            return ValidationIssue(name, value, "size_side", {"min_side": low, "max_side": high})
    pixels = width * height
    if rule.min_pixels is not None or rule.max_pixels is not None:
        low = rule.min_pixels or 0
        high = rule.max_pixels or 10**12
        if not low <= pixels <= high:
            params = {
                "pixels": pixels,
                "min_pixels": low,
                "max_pixels": high,
                "min_label": _square_label(low),
                "max_label": _square_label(high),
            }
            return ValidationIssue(name, value, "size_pixels", params)
    if rule.min_ratio is not None or rule.max_ratio is not None:
        ratio = width / height if height else float("inf")
        low_ratio = rule.min_ratio or 0.0
        high_ratio = rule.max_ratio or float("inf")
        if not low_ratio <= ratio <= high_ratio:
            params = {
                "ratio": _ratio_label(ratio),
                "min_ratio_label": _ratio_label(low_ratio),
                "max_ratio_label": _ratio_label(high_ratio),
            }
            return ValidationIssue(name, value, "size_ratio", params)
    return None


def _square_label(pixels: int) -> str:
    side = round(pixels**0.5)
    return f"{side}*{side}" if side * side == pixels else str(pixels)


def _ratio_label(ratio: float) -> str:
    """Write a width/height ratio as ``W:1`` or ``1:H``, for example 1:4.5."""
    if ratio >= 1:
        return f"{ratio:.3g}:1"
    return f"1:{1 / ratio:.3g}"

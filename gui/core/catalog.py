"""The declarative API catalog: model families, models, fields and their rules.

The catalog is read from TOML files in ``resources/catalog/``. Each file contains one
API family (endpoint paths, protocol, result shape, fields) and the models that
use it, with per-model field overrides, regions, limits and prices. Forms, the
request validator and the emulator are all driven by the same entries.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from gui.core.regions import REGION_IDS

SCHEMA_VERSION = 1

SNAPSHOT_SUFFIX = re.compile(r"^(.+)-\d{4}-\d{2}-\d{2}$")

PROTOCOLS = ("prompt", "messages")
MODES = ("sync", "async")
FIELD_TYPES = ("text", "int", "float", "bool", "enum", "size", "image", "image_list", "json")
# Result shapes, named by where a finished output carries its images: ``results[].url``,
# ``choices[].message.content[].image``, a single ``output_image_url`` or
# ``image_url``, or ``results`` plus ``text_results`` (background generation).
RESULT_SHAPES = ("results", "choices", "output_image_url", "image_url", "background")

# Field locations in the request body. ``message_text`` is the single
# text item of the single user message in the messages protocol, and
# ``message_images`` are that message's image items, placed before the text.
LOCATIONS = ("input", "parameters", "message_text", "message_images")
JSON_TYPES = ("array", "object")


class CatalogError(Exception):
    """Raised when a catalog file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Text:
    """A user-visible string in English and Simplified Chinese."""

    en: str
    zh: str

    def get(self, language: str) -> str:
        return self.zh if language.startswith("zh") and self.zh else self.en


@dataclass(frozen=True)
class Choice:
    """One allowed value of an enum field with its readable label."""

    value: str
    label: Text


@dataclass(frozen=True)
class SizeRule:
    """Allowed output sizes written as ``W*H`` (pixels), or named presets.

    Ratios are width divided by height. Any bound left as None is not checked.
    """

    min_side: int | None = None
    max_side: int | None = None
    min_pixels: int | None = None
    max_pixels: int | None = None
    min_ratio: float | None = None
    max_ratio: float | None = None
    choices: tuple[str, ...] = ()
    presets: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImageRule:
    """Limits on an input image: formats, pixels per side, aspect ratio and file size."""

    formats: tuple[str, ...] = ()
    min_side: int | None = None
    max_side: int | None = None
    max_bytes: int | None = None
    # True when the field also takes ``data:`` URIs (messages-style models).
    data_uri: bool = False
    # Bounds on width divided by height; 0.4 and 2.5 allow 1:2.5 to 2.5:1.
    min_ratio: float | None = None
    max_ratio: float | None = None
    # Another image field of the model whose image this one must match in pixel size.
    same_size_as: str | None = None
    # True for a black-and-white mask over the image in ``same_size_as``: white
    # marks the area to edit and black the area to keep.
    mask: bool = False


@dataclass(frozen=True)
class Condition:
    """Shows and checks a field only while another field has one of ``values``."""

    field: str
    values: tuple[str, ...]

    def holds(self, values: Mapping[str, Any]) -> bool:
        return _condition_text(values.get(self.field)) in self.values


def _condition_text(value: Any) -> str:
    """Write a field value as conditions compare it: booleans as true/false, numbers as digits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


@dataclass(frozen=True)
class FieldSpec:
    """One request field: where it goes, its type, initial value and limits."""

    name: str
    location: str
    type: str
    label: Text
    help: Text
    required: bool = False
    initial: Any = None
    server_default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    size: SizeRule | None = None
    multiline: bool = False
    # True when the reference documentation for this limit is weak or conflicting,
    # so the UI marks the limit as unconfirmed.
    unconfirmed: bool = False
    # Dotted path below the location, for nested members such as ``ext.domainHint``.
    key: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    json_type: str | None = None
    image: ImageRule | None = None
    when: Condition | None = None

    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    @property
    def body_key(self) -> str:
        return self.key or self.name

    @property
    def body_path(self) -> str:
        """Return where the field sits in the body, as the service names it."""
        if self.location == "message_text":
            return "input.messages.content.text"
        if self.location == "message_images":
            return "input.messages.content.image"
        return f"{self.location}.{self.body_key}"

    def applies(self, values: Mapping[str, Any]) -> bool:
        """Return whether the field is in use for these values (its condition holds)."""
        return self.when is None or self.when.holds(values)


@dataclass(frozen=True)
class Limits:
    """Account-wide limits: task submissions per second and tasks running at once."""

    submit_per_second: float
    concurrency: int | None
    unconfirmed: bool = False


@dataclass(frozen=True)
class FamilySpec:
    """An API family: one endpoint layout, protocol and result shape."""

    id: str
    title: Text
    protocol: str
    result_shape: str
    paths: Mapping[str, str]
    notes: Text | None = None


@dataclass(frozen=True)
class ModelSpec:
    """A model id with its family, regions, fields, limits and prices."""

    id: str
    family: FamilySpec
    title: Text
    fields: tuple[FieldSpec, ...]
    regions: Mapping[str, tuple[str, ...]]
    aliases: tuple[str, ...] = ()
    limits: Mapping[str, Limits] = field(default_factory=dict)
    prices: Mapping[str, float] = field(default_factory=dict)
    free_quota: int | None = None
    retired: date | None = None
    replacement: str | None = None
    # Valid field values for a first request; ``sample:NAME`` stands for the
    # emulator's sample image NAME (see gui.sandbox).
    example: Mapping[str, Any] = field(default_factory=dict)

    @property
    def protocol(self) -> str:
        return self.family.protocol

    def is_retired(self, today: date | None = None) -> bool:
        return self.retired is not None and self.retired <= (today or date.today())

    def regions_offering(self) -> list[str]:
        """Return the public regions that offer the model in any mode."""
        return [region for region, modes in self.regions.items() if modes]

    def field(self, name: str) -> FieldSpec | None:
        for spec in self.fields:
            if spec.name == name:
                return spec
        return None

    def modes(self, region: str) -> tuple[str, ...]:
        """Return the call modes offered in ``region``; the sandbox offers every mode."""
        if region == "sandbox":
            offered = {mode for modes in self.regions.values() for mode in modes}
            return tuple(mode for mode in MODES if mode in offered)
        return self.regions.get(region, ())

    def preferred_mode(self, region: str) -> str | None:
        """Return ``async`` where offered, because tasks survive a restart."""
        modes = self.modes(region)
        if "async" in modes:
            return "async"
        return modes[0] if modes else None

    def path(self, mode: str) -> str:
        try:
            return self.family.paths[mode]
        except KeyError:
            raise CatalogError(f"model {self.id} has no {mode} endpoint") from None

    def initial_values(self) -> dict[str, Any]:
        return {spec.name: spec.initial for spec in self.fields if spec.initial is not None}


class Catalog:
    """All models, found by id or alias."""

    def __init__(self, models: Iterable[ModelSpec]) -> None:
        self._models: dict[str, ModelSpec] = {}
        self._aliases: dict[str, str] = {}
        for model in models:
            if model.id in self._models or model.id in self._aliases:
                raise CatalogError(f"model id {model.id} is defined twice")
            self._models[model.id] = model
            for alias in model.aliases:
                if alias in self._models or alias in self._aliases:
                    raise CatalogError(f"alias {alias} of {model.id} is already used")
                self._aliases[alias] = model.id

    def __iter__(self) -> Any:
        return iter(self._models.values())

    def __len__(self) -> int:
        return len(self._models)

    def get(self, model_id: str) -> ModelSpec | None:
        """Return the model for an id, alias or dated snapshot id, or None.

        A snapshot id is a known id followed by ``-YYYY-MM-DD``, for example
        ``qwen-image-2.0-pro-2026-04-22``. It resolves to its base model, so users
        can type snapshots the catalog does not list.
        """
        canonical = self._aliases.get(model_id, model_id)
        model = self._models.get(canonical)
        if model is None:
            match = SNAPSHOT_SUFFIX.match(model_id)
            if match:
                return self.get(match.group(1))
        return model

    def __getitem__(self, model_id: str) -> ModelSpec:
        model = self.get(model_id)
        if model is None:
            raise KeyError(model_id)
        return model

    def find_by_path(self, path: str) -> list[ModelSpec]:
        """Return the models whose family serves the endpoint ``path``."""
        wanted = path.strip("/")
        return [m for m in self if wanted in (p.strip("/") for p in m.family.paths.values())]

    def active(self, today: date | None = None) -> list[ModelSpec]:
        """Return the models still served on ``today`` (default: the current date)."""
        return [m for m in self if not m.is_retired(today)]


def default_catalog_dir() -> Path:
    from gui.core.resources import resource_dir

    return resource_dir() / "catalog"


def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and check every ``*.toml`` file in ``directory``.

    Raises CatalogError naming the file and entry at the first problem found.
    """
    directory = directory or default_catalog_dir()
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise CatalogError(f"no catalog files (*.toml) found in {directory}")
    models: list[ModelSpec] = []
    for path in files:
        try:
            with path.open("rb") as handle:
                document = tomllib.load(handle)
            models.extend(_parse_family_file(document))
        except CatalogError as error:
            raise CatalogError(f"{path.name}: {error}") from None
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
            raise CatalogError(f"{path.name}: {type(error).__name__}: {error}") from None
    catalog = Catalog(models)
    for model in catalog:
        if model.replacement and catalog.get(model.replacement) is None:
            raise CatalogError(f"{model.id}: replacement {model.replacement} is not in the catalog")
    return catalog


def _text(raw: Any, where: str) -> Text:
    if isinstance(raw, str):
        return Text(raw, raw)
    if not isinstance(raw, Mapping) or "en" not in raw:
        raise CatalogError(f"{where} must be a string or a table with 'en' and 'zh'")
    return Text(str(raw["en"]), str(raw.get("zh", raw["en"])))


def _parse_size_rule(raw: Mapping[str, Any]) -> SizeRule:
    known = {f for f in SizeRule.__dataclass_fields__}
    unknown = set(raw) - known
    if unknown:
        raise CatalogError(f"unknown size rule keys {sorted(unknown)}")
    values = dict(raw)
    for key in ("choices", "presets", "suggested"):
        if key in values:
            values[key] = tuple(values[key])
    return SizeRule(**values)


_FIELD_KEYS = {
    "name", "location", "type", "label", "help", "required", "initial", "server_default",
    "minimum", "maximum", "max_length", "choices", "size", "multiline", "unconfirmed",
    "key", "min_items", "max_items", "json_type", "image", "when",
}


def _parse_field(raw: Mapping[str, Any], where: str) -> FieldSpec:
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise CatalogError(f"{where}: unknown field keys {sorted(unknown)}")
    name = raw["name"]
    where = f"{where} {name}"
    if raw["location"] not in LOCATIONS:
        raise CatalogError(f"{where}: location must be one of {LOCATIONS}")
    if raw["type"] not in FIELD_TYPES:
        raise CatalogError(f"{where}: type must be one of {FIELD_TYPES}")
    choices = tuple(
        Choice(str(item["value"]), _text(item.get("label", item["value"]), f"{where} choice"))
        for item in raw.get("choices", ())
    )
    if raw["type"] == "enum" and not choices:
        raise CatalogError(f"{where}: an enum field needs choices")
    size = _parse_size_rule(raw["size"]) if "size" in raw else None
    if raw["type"] == "size" and size is None:
        raise CatalogError(f"{where}: a size field needs a size rule")
    json_type = raw.get("json_type")
    if raw["type"] == "json" and json_type not in JSON_TYPES:
        raise CatalogError(f"{where}: a json field needs json_type, one of {JSON_TYPES}")
    if raw["location"] == "message_images" and raw["type"] != "image_list":
        raise CatalogError(f"{where}: message_images fields must have type image_list")
    image = _parse_image_rule(raw["image"], where) if "image" in raw else None
    when = None
    if "when" in raw:
        condition = raw["when"]
        when = Condition(
            str(condition["field"]), tuple(_condition_text(v) for v in condition["values"])
        )
    return FieldSpec(
        name=name,
        location=raw["location"],
        type=raw["type"],
        label=_text(raw.get("label", name), f"{where} label"),
        help=_text(raw.get("help", ""), f"{where} help"),
        required=bool(raw.get("required", False)),
        initial=raw.get("initial"),
        server_default=raw.get("server_default"),
        minimum=raw.get("minimum"),
        maximum=raw.get("maximum"),
        max_length=raw.get("max_length"),
        choices=choices,
        size=size,
        multiline=bool(raw.get("multiline", False)),
        unconfirmed=bool(raw.get("unconfirmed", False)),
        key=raw.get("key"),
        min_items=raw.get("min_items"),
        max_items=raw.get("max_items"),
        json_type=json_type,
        image=image,
        when=when,
    )


def _parse_image_rule(raw: Mapping[str, Any], where: str) -> ImageRule:
    known = set(ImageRule.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise CatalogError(f"{where}: unknown image rule keys {sorted(unknown)}")
    values = dict(raw)
    if "formats" in values:
        values["formats"] = tuple(str(f).lower() for f in values["formats"])
    return ImageRule(**values)


def _check_same_size(spec: FieldSpec, fields: list[FieldSpec], where: str) -> None:
    """Check that ``same_size_as`` names another single-image field, and that a mask has one."""
    rule = spec.image
    if rule is None:
        return
    if rule.mask and rule.same_size_as is None:
        raise CatalogError(f"{where}: mask field {spec.name} needs same_size_as")
    if rule.same_size_as is None:
        return
    if spec.type != "image":
        raise CatalogError(f"{where}: same_size_as needs a single image field, not {spec.name}")
    other = next((field for field in fields if field.name == rule.same_size_as), None)
    if other is None or other.type != "image" or other.name == spec.name:
        raise CatalogError(
            f"{where}: field {spec.name} has same_size_as = {rule.same_size_as!r}, "
            "which must name another image field of the model"
        )


def _apply_override(spec: FieldSpec, raw: Mapping[str, Any], where: str) -> FieldSpec:
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise CatalogError(f"{where}: unknown override keys {sorted(unknown)}")
    return _parse_field({**_field_to_raw(spec), **raw}, where)


def _field_to_raw(spec: FieldSpec) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": spec.name,
        "location": spec.location,
        "type": spec.type,
        "label": {"en": spec.label.en, "zh": spec.label.zh},
        "help": {"en": spec.help.en, "zh": spec.help.zh},
        "required": spec.required,
        "multiline": spec.multiline,
        "unconfirmed": spec.unconfirmed,
    }
    for key in (
        "initial", "server_default", "minimum", "maximum", "max_length", "key", "min_items",
        "max_items", "json_type",
    ):
        value = getattr(spec, key)
        if value is not None:
            raw[key] = value
    if spec.image is not None:
        raw["image"] = {
            key: getattr(spec.image, key)
            for key in ImageRule.__dataclass_fields__
            if getattr(spec.image, key) not in (None, ())
        }
    if spec.when is not None:
        raw["when"] = {"field": spec.when.field, "values": list(spec.when.values)}
    if spec.choices:
        raw["choices"] = [
            {"value": c.value, "label": {"en": c.label.en, "zh": c.label.zh}} for c in spec.choices
        ]
    if spec.size is not None:
        raw["size"] = {
            key: getattr(spec.size, key)
            for key in SizeRule.__dataclass_fields__
            if getattr(spec.size, key) not in (None, ())
        }
    return raw


def _parse_limits(raw: Mapping[str, Any], where: str) -> dict[str, Limits]:
    limits: dict[str, Limits] = {}
    for region, entry in raw.items():
        if region not in REGION_IDS:
            raise CatalogError(f"{where}: unknown region {region!r} in limits")
        limits[region] = Limits(
            submit_per_second=float(entry["submit_per_second"]),
            concurrency=entry.get("concurrency"),
            unconfirmed=bool(entry.get("unconfirmed", False)),
        )
    return limits


def _parse_family_file(document: Mapping[str, Any]) -> list[ModelSpec]:
    if document.get("schema") != SCHEMA_VERSION:
        raise CatalogError(f"schema must be {SCHEMA_VERSION}")
    raw_family = document["family"]
    family_id = raw_family["id"]
    if raw_family["protocol"] not in PROTOCOLS:
        raise CatalogError(f"family {family_id}: protocol must be one of {PROTOCOLS}")
    if raw_family["result_shape"] not in RESULT_SHAPES:
        raise CatalogError(f"family {family_id}: result_shape must be one of {RESULT_SHAPES}")
    paths = dict(raw_family["paths"])
    for mode in paths:
        if mode not in MODES:
            raise CatalogError(f"family {family_id}: unknown mode {mode!r} in paths")
    family = FamilySpec(
        id=family_id,
        title=_text(raw_family["title"], f"family {family_id} title"),
        protocol=raw_family["protocol"],
        result_shape=raw_family["result_shape"],
        paths=paths,
        notes=_text(raw_family["notes"], f"family {family_id} notes")
        if "notes" in raw_family
        else None,
    )
    base_fields = [
        _parse_field(raw, f"family {family_id} field") for raw in raw_family.get("fields", ())
    ]

    models = []
    for raw_model in document.get("models", ()):
        model_id = raw_model["id"]
        where = f"model {model_id}"
        overrides = raw_model.get("fields", {})
        fields = []
        for spec in base_fields:
            if spec.name in overrides:
                fields.append(_apply_override(spec, overrides[spec.name], f"{where} field"))
            else:
                fields.append(spec)
        unknown_overrides = set(overrides) - {spec.name for spec in base_fields}
        if unknown_overrides:
            raise CatalogError(f"{where}: overrides unknown fields {sorted(unknown_overrides)}")
        for excluded in raw_model.get("exclude_fields", ()):
            fields = [spec for spec in fields if spec.name != excluded]
        for raw_field in raw_model.get("extra_fields", ()):
            fields.append(_parse_field(raw_field, f"{where} field"))

        names = {spec.name for spec in fields}
        for spec in fields:
            if spec.when is not None and spec.when.field not in names:
                raise CatalogError(
                    f"{where}: field {spec.name} depends on unknown field {spec.when.field}"
                )
            _check_same_size(spec, fields, where)
        regions = {region: tuple(modes) for region, modes in raw_model["regions"].items()}
        for region, modes in regions.items():
            if region not in REGION_IDS:
                raise CatalogError(f"{where}: unknown region {region!r}")
            for mode in modes:
                if mode not in paths:
                    raise CatalogError(f"{where}: mode {mode!r} in {region} has no family path")
        models.append(
            ModelSpec(
                id=model_id,
                family=family,
                title=_text(raw_model.get("title", model_id), f"{where} title"),
                fields=tuple(fields),
                regions=regions,
                aliases=tuple(raw_model.get("aliases", ())),
                limits=_parse_limits(raw_model.get("limits", {}), where),
                prices={k: float(v) for k, v in raw_model.get("prices", {}).items()},
                free_quota=raw_model.get("free_quota"),
                retired=raw_model.get("retired"),
                replacement=raw_model.get("replacement"),
                example={**raw_family.get("example", {}), **raw_model.get("example", {})},
            )
        )
    return models

"""Small catalog families for emulator tests, one per result shape.

The tests load these from a temporary folder, so they do not depend on the
real catalog files. The fields imitate the editing families: image inputs with
rules, a mask, a data-URI image list in a message, and single-URL results.
"""

from __future__ import annotations

from pathlib import Path

from gui.core.catalog import Catalog, load_catalog

IMAGE2IMAGE = "services/aigc/image2image/image-synthesis"
OUT_PAINTING = "services/aigc/image2image/out-painting"
BACKGROUND = "services/aigc/background-generation/generation/"
TRY_ON_SYNC = "services/aigc/try-on/sync-test"
MULTIMODAL = "services/aigc/multimodal-generation/generation"
IMAGE_GENERATION = "services/aigc/image-generation/generation"

EDIT_FAMILY = f"""
schema = 1

[family]
id = "test-edit"
title = "Test image editing"
protocol = "prompt"
result_shape = "results"
paths = {{ async = "{IMAGE2IMAGE}" }}

[[family.fields]]
name = "prompt"
location = "input"
type = "text"
required = true
max_length = 800

[[family.fields]]
name = "base_image_url"
location = "input"
type = "image"
required = true
image = {{ formats = ["jpg", "jpeg", "png", "webp"], min_side = 600, max_side = 4096 }}

[[family.fields]]
name = "mask_image_url"
location = "input"
type = "image"
image = {{ formats = ["jpg", "jpeg", "png"], min_side = 256, max_side = 4096 }}

[[family.fields]]
name = "jpeg_reference"
location = "input"
type = "image"
image = {{ formats = ["jpg", "jpeg"] }}

[[family.fields]]
name = "n"
location = "parameters"
type = "int"
server_default = 1
minimum = 1
maximum = 4

[[family.fields]]
name = "seed"
location = "parameters"
type = "int"
minimum = 0
maximum = 2147483647

[[models]]
id = "test-imageedit"
regions = {{ beijing = ["async"] }}
"""

MESSAGES_FAMILY = f"""
schema = 1

[family]
id = "test-messages-edit"
title = "Test messages editing"
protocol = "messages"
result_shape = "choices"
paths = {{ sync = "{MULTIMODAL}", async = "{IMAGE_GENERATION}" }}

[[family.fields]]
name = "prompt"
location = "message_text"
type = "text"
required = true

[[family.fields]]
name = "images"
location = "message_images"
type = "image_list"
min_items = 0
max_items = 3

[family.fields.image]
formats = ["jpg", "jpeg", "png", "webp"]
min_side = 64
max_side = 3072
max_bytes = 200000
data_uri = true

[[family.fields]]
name = "size"
location = "parameters"
type = "size"
size = {{ min_pixels = 262144, max_pixels = 4194304, presets = ["1K", "2K"] }}

[[family.fields]]
name = "n"
location = "parameters"
type = "int"
server_default = 1
minimum = 1
maximum = 6

[[family.fields]]
name = "seed"
location = "parameters"
type = "int"
minimum = 0
maximum = 2147483647

[[models]]
id = "qwen-image-edit-test"
regions = {{ beijing = ["sync", "async"] }}

[[models]]
id = "wan-image-edit-test"
regions = {{ beijing = ["sync", "async"] }}
"""

OUT_PAINTING_FAMILY = f"""
schema = 1

[family]
id = "test-out-painting"
title = "Test out-painting"
protocol = "prompt"
result_shape = "output_image_url"
paths = {{ async = "{OUT_PAINTING}" }}

[[family.fields]]
name = "image_url"
location = "input"
type = "image"
required = true

[[family.fields]]
name = "x_scale"
location = "parameters"
type = "float"
minimum = 1.0
maximum = 3.0

[[models]]
id = "test-out-painting"
regions = {{ beijing = ["async"] }}
"""

TRY_ON_FAMILY = f"""
schema = 1

[family]
id = "test-try-on"
title = "Test try-on"
protocol = "prompt"
result_shape = "image_url"
paths = {{ async = "{IMAGE2IMAGE}", sync = "{TRY_ON_SYNC}" }}

[[family.fields]]
name = "person_image_url"
location = "input"
type = "image"
required = true

[[family.fields]]
name = "top_garment_url"
location = "input"
type = "image"

[[family.fields]]
name = "n"
location = "parameters"
type = "int"
minimum = 1
maximum = 4

[[models]]
id = "test-tryon"
regions = {{ beijing = ["async", "sync"] }}

[[models]]
id = "test-tryon-refiner"
regions = {{ beijing = ["async"] }}
extra_fields = [
    {{ name = "coarse_image_url", location = "input", type = "image", required = true }},
]
"""

BACKGROUND_FAMILY = f"""
schema = 1

[family]
id = "test-background"
title = "Test background generation"
protocol = "prompt"
result_shape = "background"
paths = {{ async = "{BACKGROUND}" }}

[[family.fields]]
name = "base_image_url"
location = "input"
type = "image"
required = true

[[family.fields]]
name = "ref_prompt"
location = "input"
type = "text"

[[family.fields]]
name = "title"
location = "input"
type = "text"
max_length = 8

[[family.fields]]
name = "sub_title"
location = "input"
type = "text"
max_length = 10

[[family.fields]]
name = "n"
location = "parameters"
type = "int"
server_default = 4
minimum = 1
maximum = 4

[[models]]
id = "test-background"
regions = {{ beijing = ["async"] }}
"""

ALL_FAMILIES = {
    "test-edit": EDIT_FAMILY,
    "test-messages-edit": MESSAGES_FAMILY,
    "test-out-painting": OUT_PAINTING_FAMILY,
    "test-try-on": TRY_ON_FAMILY,
    "test-background": BACKGROUND_FAMILY,
}


def write_catalog(directory: Path) -> Catalog:
    """Write every test family into ``directory`` and load it as a catalog."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in ALL_FAMILIES.items():
        (directory / f"{name}.toml").write_text(text, encoding="utf-8")
    return load_catalog(directory)

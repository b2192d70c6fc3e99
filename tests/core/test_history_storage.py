"""Large inline images are shortened in the stored history, and such bodies are not exported."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from gui.core.exchange_history import load_exchanges
from gui.core.exchanges import MAX_STORED_DATA_URI, Exchange, shorten_data_uris
from gui.core.exports import ExportError, export_exchange
from gui.core.library import Library


def submit_exchange(body: dict[str, object]) -> Exchange:
    return Exchange(
        id=7,
        kind="sync_call",
        task="local-1",
        method="POST",
        url="http://127.0.0.1:1/api/v1/services/aigc/multimodal-generation/generation",
        request_headers=(("Content-Type", "application/json"),),
        request_body=json.dumps(body).encode("utf-8"),
        started_at=0.0,
        status=200,
    )


def body_with_image(length: int) -> dict[str, object]:
    encoded = base64.b64encode(b"\x89PNG" + b"\x00" * length).decode("ascii")
    uri = f"data:image/png;base64,{encoded}"
    return {"model": "qwen-image-2.0", "input": {"messages": [{"content": [{"image": uri}]}]}}


def test_long_data_uri_shortened(tmp_path: Path) -> None:
    library = Library(tmp_path / "data", tmp_path / "results")
    big = submit_exchange(body_with_image(3_000_000))
    library.save_exchange(big)
    [stored] = load_exchanges(library)
    body = stored.exchange.request_body
    assert len(body) < 1000
    assert body.startswith(b'{"model": "qwen-image-2.0"')
    text = body.decode("utf-8")
    assert "data:image/png;base64,iVBORw" in text
    assert "characters left out]" in text
    with pytest.raises(ExportError) as caught:
        export_exchange(stored.exchange, "bash")
    assert "Open the task's request in the form" in str(caught.value)
    library.close()


def test_short_data_uri_kept_whole() -> None:
    small = submit_exchange(body_with_image(MAX_STORED_DATA_URI // 2))
    assert shorten_data_uris(small.request_body) == small.request_body
    assert "curl" in export_exchange(small, "bash").text()

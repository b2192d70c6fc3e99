"""The error an exchange reports: HTTP errors, refused downloads and errors inside 200s."""

from __future__ import annotations

import json

import pytest

from gui.core.exchange_errors import ExchangeError, exchange_error
from gui.core.exchanges import Exchange


def exchange(kind: str, status: int, body: object) -> Exchange:
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    return Exchange(
        id=1,
        kind=kind,
        task=None,
        method="GET",
        url="http://127.0.0.1:1/api/v1/tasks/t",
        request_headers=(),
        request_body=b"",
        started_at=0.0,
        status=status,
        response_body=data,
    )


@pytest.mark.parametrize(
    ("kind", "status", "body", "expected"),
    [
        (
            "submit",
            400,
            {"code": "InvalidParameter", "message": "bad size"},
            ExchangeError("InvalidParameter", "bad size"),
        ),
        ("submit", 502, b"<html><title>502 Bad Gateway</title></html>", ExchangeError(None, None)),
        ("poll", 200, {"output": {"task_status": "RUNNING"}}, None),
        (
            "poll",
            200,
            {
                "output": {
                    "task_status": "FAILED",
                    "code": "InternalError.Algo",
                    "message": "inference internal error.",
                }
            },
            ExchangeError("InternalError.Algo", "inference internal error."),
        ),
        (
            "poll",
            200,
            {
                "output": {
                    "task_status": "SUCCEEDED",
                    "results": [
                        {"url": "http://127.0.0.1:1/a.png"},
                        {"code": "DataInspectionFailed", "message": "x"},
                        {"code": "DataInspectionFailed", "message": "x"},
                    ],
                }
            },
            ExchangeError(
                "PixelPost.Task.PartialFailure",
                "2 of 3 images failed (images 2, 3): DataInspectionFailed",
            ),
        ),
        ("download", 200, b"\x89PNG", None),
        (
            "download",
            403,
            b"<Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>",
            ExchangeError("PixelPost.Download.Expired", "AccessDenied"),
        ),
        ("download", 500, b"oops", ExchangeError("PixelPost.Download.Failed", "HTTP 500")),
    ],
)
def test_exchange_error(
    kind: str, status: int, body: object, expected: ExchangeError | None
) -> None:
    assert exchange_error(exchange(kind, status, body)) == expected

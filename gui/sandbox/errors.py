"""Errors the emulator returns, with the codes and messages of the real service.

The messages are the service's literal texts, including their capitalization and
spelling, because clients and error explanations match on them.
"""

from __future__ import annotations

from http import HTTPStatus


class ApiError(Exception):
    """A DashScope API error: HTTP status, error code and message."""

    def __init__(self, status: HTTPStatus, code: str, message: str) -> None:
        super().__init__(f"{int(status)} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


class OssError(Exception):
    """An object-store error, returned as an OSS-style XML document."""

    def __init__(self, status: HTTPStatus, code: str, message: str) -> None:
        super().__init__(f"{int(status)} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


NO_API_KEY = "No API-key provided."
INVALID_API_KEY = "Invalid API-key provided."
BODY_INVALID = "Required body invalid, please check the request body format."
EMPTY_MODEL = 'Required parameter "model" missing from request.'
EMPTY_INPUT = "Required input parameter missing from request."
ILLEGAL_INPUT = "The input parameter requires json format."
URL_ERROR = "url error, please check url!"
SYNC_NOT_SUPPORTED = "current user api does not support synchronous calls."
ASYNC_NOT_SUPPORTED = "Current user api does not support asynchronous calls."
CANCEL_NOT_PENDING = (
    "Failed to cancel the task, please confirm if the task is in PENDING status."
)
NOT_FOUND = "Not found!"
PAYLOAD_TOO_LARGE = "Payload Too Large."
# "occured" is the service's spelling.
INTERNAL_ERROR = (
    "An internal error has occured, please try again later or contact service support."
)


def model_not_found(model: str) -> ApiError:
    return ApiError(HTTPStatus.NOT_FOUND, "ModelNotFound", f"The model {model} does not exist.")


def method_not_supported(method: str) -> ApiError:
    return ApiError(
        HTTPStatus.BAD_REQUEST, "InvalidParameter", f"Request method '{method}' is not supported."
    )


def field_required(path: str) -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", f"Field required: {path}")


def field_out_of_definition(path: str) -> ApiError:
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidParameter",
        f"The type or value of {path} is out of definition.",
    )


def field_against_specification(path: str) -> ApiError:
    # The service writes this message with a lower-case first letter.
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidParameter",
        f"the parameters must conform to the specification: {path}.",
    )


def field_missing_or_invalid(path: str) -> ApiError:
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidParameter",
        f"Required parameter({path}) missing or invalid, please check the request parameters.",
    )


def choice_invalid(name: str) -> ApiError:
    # The service's message for a bad wanx-v1 style is "The style is invalid.".
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", f"The {name} is invalid.")

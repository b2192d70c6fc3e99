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


# Input images. The messages protocol checks inputs in its data-inspection step,
# which has its own codes and messages.
DATA_INSPECTION_DOWNLOAD = (
    "Unable to download the media resource during the data inspection process."
)
URL_NOT_VALID = "The provided URL does not appear to be valid. Ensure it is correctly formatted."
IMAGE_SIZE_OUT_OF_RANGE = "the size of input image is too small or too large."
DATA_INSPECTION_DECODE = "Failed to decode the image during the data inspection."
IMAGE_CORRUPTED = "Invalid image format or corrupted file"
DATA_INSPECTION_FORMAT = (
    "The media format is not supported or incorrect for the data inspection."
)
UNSUPPORTED_FILE_FORMAT = "Input file format is not supported."
# The service's limit on one data URI, in characters of the whole URI.
MAX_DATA_URI_BYTES = 10_485_760
DATA_URI_TOO_LONG = f"Exceeded limit on max bytes per data-uri item : {MAX_DATA_URI_BYTES}"
PERSON_COARSE_SIZE_MISMATCH = "The size of person image and coarse_image are not the same."


def input_download_failed(protocol: str, url: str) -> ApiError:
    """Return the error for an input image the service cannot download."""
    if protocol == "messages":
        return ApiError(
            HTTPStatus.BAD_REQUEST, "InvalidParameter.DataInspection", DATA_INSPECTION_DOWNLOAD
        )
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "BadRequest.InputDownloadFailed",
        f"Failed to download the input file: {_shorten(url)}.",
    )


def input_url_not_valid() -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", URL_NOT_VALID)


def input_size_out_of_range() -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", IMAGE_SIZE_OUT_OF_RANGE)


def input_undecodable(protocol: str) -> ApiError:
    """Return the error for an inline image that Pillow cannot decode."""
    # NOTE: which of the documented image-format messages the service picks for
    # an undecodable data URI is unconfirmed.
    message = DATA_INSPECTION_DECODE if protocol == "messages" else IMAGE_CORRUPTED
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", message)


def input_format_not_allowed(protocol: str) -> ApiError:
    """Return the error for an input image in a format the field does not accept."""
    if protocol == "messages":
        return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", DATA_INSPECTION_FORMAT)
    return ApiError(
        HTTPStatus.BAD_REQUEST, "BadRequest.UnsupportedFileFormat", UNSUPPORTED_FILE_FORMAT
    )


def input_too_large(max_bytes: int) -> ApiError:
    """Return the error for an input image file above the field's byte limit."""
    megabytes = f"{max_bytes / (1024 * 1024):g}"
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidFile.Size",
        f"Invalid file size. The image file size must be less than {megabytes}MB.",
    )


def data_uri_too_long() -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", DATA_URI_TOO_LONG)


def mask_size_mismatch(mask: tuple[int, int], base: tuple[int, int]) -> ApiError:
    """Return the error for a mask whose pixel size differs from its base image."""
    # NOTE: modelled on the try-on message for person and coarse images; the
    # service's wording for masks is unconfirmed.
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidParameter",
        "The size of mask image and base image are not the same: "
        f"mask {mask[0]}*{mask[1]}, base {base[0]}*{base[1]}.",
    )


def person_coarse_size_mismatch() -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, "InvalidParameter", PERSON_COARSE_SIZE_MISMATCH)


def _shorten(url: str) -> str:
    """Return ``url``, cut to 200 characters so a data URI does not flood the message."""
    return url if len(url) <= 200 else url[:197] + "..."

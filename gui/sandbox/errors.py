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
WORKSPACE_NOT_AUTHORIZED = (
    "Access denied: Either you are not authorized to access this workspace, "
    "or the workspace does not exist."
)
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
INTERNAL_TIMEOUT = (
    "An internal timeout error has occured during execution, "
    "please try again later or contact service support."
)
RATE_QUOTA = "Requests rate limit exceeded, please try again later."
THROTTLING = "Requests throttling triggered."

# Documented errors by code: (HTTP status, literal message). Fault rules take
# missing statuses and messages from here. Where the service has several
# messages for one code, this is the one listed first in its error table.
DOCUMENTED_ERRORS: dict[str, tuple[int, str]] = {
    "InvalidParameter": (
        400,
        "The request is missing required parameters or in a wrong format, "
        "please check the parameters that you send.",
    ),
    "Arrearage": (400, "Access denied, please make sure your account is in good standing."),
    "DataInspectionFailed": (400, "Input or output data may contain inappropriate content."),
    "IPInfringementSuspect": (
        400,
        "Input data is suspected of being involved in IP infringement.",
    ),
    "InvalidApiKey": (401, INVALID_API_KEY),
    "AccessDenied": (403, "Access denied."),
    "AllocationQuota.FreeTierOnly": (
        403,
        "The free tier of the model has been exhausted. If you wish to continue access "
        'the model on a paid basis, please disable the "use free tier only" mode in the '
        "management console.",
    ),
    "NotFound": (404, NOT_FOUND),
    "Throttling": (429, THROTTLING),
    "Throttling.RateQuota": (429, RATE_QUOTA),
    "Throttling.BurstRate": (
        429,
        "Request rate increased too quickly. To ensure system stability, please adjust "
        "your client logic to scale requests more smoothly over time.",
    ),
    "Throttling.AllocationQuota": (
        429,
        "Allocated quota exceeded, please increase your quota limit.",
    ),
    "InternalError": (500, INTERNAL_ERROR),
    "InternalError.Timeout": (500, INTERNAL_TIMEOUT),
    "InternalError.Algo": (500, "inference internal error."),
    # "An system error" is the service's wording.
    "SystemError": (500, "An system error has occured, please try again later."),
    "ModelServiceFailed": (500, "Failed to request model service."),
    "RequestTimeOut": (500, "Request timed out, please try again later."),
    "ModelServingError": (
        503,
        "Too many requests. Your requests are being throttled due to system capacity "
        "limits. Please try again later.",
    ),
    "ModelUnavailable": (503, "Model is unavailable, please try again later."),
}
# The code a fault rule uses when it names only an HTTP status.
DEFAULT_CODES = {
    400: "InvalidParameter",
    401: "InvalidApiKey",
    403: "AccessDenied",
    404: "NotFound",
    429: "Throttling.RateQuota",
    500: "InternalError",
    503: "ModelServingError",
}


def documented_error(
    code: str | None = None, status: int | None = None, message: str | None = None
) -> ApiError:
    """Return an error, filling the parts left out from the documented errors.

    With only ``status``, the code is the usual one for that status. Raises
    ValueError when a part is missing and the tables do not supply it.
    """
    if code is None:
        if status is None:
            raise ValueError("give an error code, an HTTP status or both")
        code = DEFAULT_CODES.get(status)
        if code is None:
            known = ", ".join(str(value) for value in sorted(DEFAULT_CODES))
            raise ValueError(
                f"no default error code for HTTP status {status}; give code= or use one of {known}"
            )
    documented = DOCUMENTED_ERRORS.get(code)
    if status is None:
        if documented is None:
            raise ValueError(f"error code {code!r} is not in the documented table; give status=")
        status = documented[0]
    if message is None:
        if documented is None:
            raise ValueError(f"error code {code!r} is not in the documented table; give message=")
        message = documented[1]
    try:
        http_status = HTTPStatus(status)
    except ValueError:
        raise ValueError(f"HTTP status {status} is not a known status code") from None
    if http_status < 400:
        raise ValueError(f"HTTP status {status} is not an error status; use 400 to 599")
    return ApiError(http_status, code, message)


def rate_quota_exceeded() -> ApiError:
    return ApiError(HTTPStatus.TOO_MANY_REQUESTS, "Throttling.RateQuota", RATE_QUOTA)


def query_throttled() -> ApiError:
    return ApiError(HTTPStatus.TOO_MANY_REQUESTS, "Throttling", THROTTLING)


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


def input_ratio_out_of_range(min_ratio: float | None, max_ratio: float | None) -> ApiError:
    """Return the error for an input image whose width/height ratio is out of bounds.

    The service words the bounds as height divided by width, largest first.
    """
    high = f"{1 / min_ratio:g}" if min_ratio else "any"
    low = f"{1 / max_ratio:g}" if max_ratio else "0"
    return ApiError(
        HTTPStatus.BAD_REQUEST,
        "InvalidFile.AspectRatio",
        f"Invalid file ratio. The file aspect ratio (height/width) must be between {high} "
        f"and {low}.",
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


# Temporary uploads: the policy request and the object store's PostObject.
POLICY_EXPIRED = "Invalid according to Policy: Policy expired."
# OSS's wording for an object outside the policy's content-length-range.
ENTITY_TOO_LARGE = "Your proposed upload exceeds the maximum allowed size."
# NOTE: the wordings below follow OSS's usual errors for PostObject; the exact
# texts the temporary-upload bucket returns are unconfirmed.
OBJECT_EXISTS = "The object you specified already exists and can not be overwritten."
MALFORMED_POST = "The body of your POST request is not well-formed multipart/form-data."
NO_ACCESS_KEY = "The OSS Access Key Id you provided does not exist in our records."


def policy_condition_failed(condition: str) -> OssError:
    return OssError(
        HTTPStatus.FORBIDDEN,
        "AccessDenied",
        f"Invalid according to Policy: Policy Condition failed: {condition}",
    )


def form_field_missing(name: str) -> OssError:
    # NOTE: OSS's message for a missing PostObject form field is unconfirmed.
    return OssError(
        HTTPStatus.BAD_REQUEST, "InvalidArgument", f"The form field {name} is missing."
    )


"""Python exports: a script using httpx, and a script using the official dashscope SDK.

The httpx script sends the body bytes the app sends. The SDK script uses
``ImageSynthesis`` for the prompt protocol and ``ImageGeneration`` for the messages
protocol. When a body does not fit their arguments, it uses the SDK's generic
``BaseApi``/``BaseAsyncApi`` calls. The SDK builds the body itself in every case.
"""

from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from gui.core.exports import (
    KEY_VARIABLE,
    POLL_SECONDS,
    WAITING_STATUSES,
    CallPlan,
    Export,
    ExportError,
    body_bytes,
)

# Keyword arguments the SDK calls consume themselves instead of sending them as
# request parameters (dashscope 1.25 to 2.0, api_request_factory and the call
# signatures). A body parameter with one of these names cannot go through the SDK.
SDK_RESERVED_ARGUMENTS = frozenset(
    {
        "model", "input", "task_group", "task", "function", "api_key", "workspace",
        "is_service", "api_protocol", "http_method", "stream", "async_request",
        "request_timeout", "ws_stream_mode", "is_binary_input", "query", "headers", "form",
        "resources", "base_address", "flattened_output", "extra_url_parameters",
        "user_agent", "session", "task_id", "enable_encryption", "pre_task_id",
        "sdk_module", "wait_timeout", "messages", "prompt", "negative_prompt", "images",
        "sketch_image_url", "ref_img", "extra_input", "mask_image_url", "base_image_url",
        "is_async",
    }
)

SERVICE_PATH = re.compile(r"^services/([^/]+)/([^/]+)/([^/]+)/?$")

_IMAGE_URLS_FUNCTION = '''

def image_urls(output):
    """Return the result image URLs of a results-shaped or choices-shaped output."""
    urls = [item.get("url") for item in output.get("results") or []]
    for choice in output.get("choices") or []:
        urls += [part.get("image") for part in choice["message"]["content"]]
    return [url for url in urls if url]
'''


def python_literal(value: Any, indent: int = 0) -> str:
    """Return ``value`` as Python source; long containers get one item per line.

    ``indent`` is the column the literal starts at, so nested lines line up.
    """
    text = _literal(value, indent)
    if ast.literal_eval(text) != value:
        raise ExportError("The request body contains a value Python cannot write as a literal.")
    return text


def _literal(value: Any, indent: int) -> str:
    flat = repr(value)
    fits = len(flat) + indent <= 88
    if fits or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = [f"{pad}{key!r}: {_literal(item, indent + 4)}," for key, item in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{_literal(item, indent + 4)}," for item in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _docstring(plan: CallPlan, needs: str) -> list[str]:
    summary = plan.description or f"{plan.method} {plan.url}"
    what = {
        "poll": "Submits the task, queries it until it ends and downloads the images.",
        "download": "Sends the call and downloads the images in the response.",
    }.get(plan.follow_up or "", "Sends the call and prints the response.")
    return [
        f'"""{summary}.',
        "",
        what,
        "",
        needs,
        f"Set the key first in the {KEY_VARIABLE} environment variable.",
        '"""',
    ]


def _save_name(plan: CallPlan) -> str:
    name = urlsplit(plan.url).path.rsplit("/", 1)[-1]
    return name if re.fullmatch(r"[\w.-]+", name) else "download.bin"


# httpx


def _body_lines(plan: CallPlan) -> list[str]:
    """Return source lines that set ``content`` to the plan's body bytes."""
    parsed = plan.body_json()
    if isinstance(parsed, dict) and body_bytes(parsed) == plan.body:
        try:
            literal = python_literal(parsed)
        except (ExportError, ValueError, SyntaxError):
            literal = None
        if literal is not None:
            return [
                f"body = {literal}",
                "# PixelPost sends json.dumps(body, ensure_ascii=False) encoded as UTF-8.",
                'content = json.dumps(body, ensure_ascii=False).encode("utf-8")',
            ]
    return [f"content = {plan.body_text()!r}.encode(\"utf-8\")"]


def render_httpx(plan: CallPlan) -> Export:
    lines = _docstring(plan, "Needs Python 3.8 or later and httpx (python -m pip install httpx).")
    lines.append("")
    imports = ["import json", "import os"]
    if plan.follow_up == "poll":
        imports.append("import time")
    lines.extend([*imports, "", "import httpx", ""])
    lines.append(f"URL = {plan.url!r}")
    if plan.follow_up == "poll":
        lines.append(f"TASKS_URL = {plan.tasks_url()!r}")
        lines.append(f'POLL_SECONDS = float(os.environ.get("POLL_SECONDS", "{POLL_SECONDS}"))')
    lines.append("")
    lines.append("headers = {")
    if plan.authorize:
        lines.append(f'    "Authorization": "Bearer " + os.environ["{KEY_VARIABLE}"],')
    for name, value in plan.headers:
        lines.append(f"    {name!r}: {value!r},")
    lines.append("}")
    if plan.body:
        lines.extend(_body_lines(plan))
    else:
        lines.append('content = b""')
    if plan.follow_up is not None:
        lines.extend(_IMAGE_URLS_FUNCTION.splitlines())
        lines.extend(
            [
                "",
                "",
                "def download(client, urls):",
                "    for index, url in enumerate(urls, start=1):",
                '        name = f"image-{index}.png"',
                "        answer = client.get(url)",
                "        answer.raise_for_status()",
                '        with open(name, "wb") as handle:',
                "            handle.write(answer.content)",
                '        print("Saved", name)',
            ]
        )
    lines.extend(
        [
            "",
            "",
            "# A direct image call may take minutes, so reads wait up to 330 seconds.",
            "with httpx.Client(timeout=httpx.Timeout(30.0, read=330.0)) as client:",
            f"    response = client.request({plan.method!r}, URL, headers=headers,"
            " content=content)",
        ]
    )
    if plan.follow_up is None:
        if not plan.authorize and plan.method == "GET":
            name = _save_name(plan)
            lines.extend(
                [
                    "    response.raise_for_status()",
                    f"    with open({name!r}, \"wb\") as handle:",
                    "        handle.write(response.content)",
                    f"    print(response.status_code, 'saved as', {name!r})",
                ]
            )
        else:
            lines.extend(["    print(response.status_code)", "    print(response.text)"])
        return Export("python", "request_httpx.py", "\n".join(lines) + "\n")

    lines.extend(
        [
            "    print(response.status_code, response.text)",
            "    response.raise_for_status()",
        ]
    )
    if plan.follow_up == "download":
        lines.append('    download(client, image_urls(response.json()["output"]))')
        return Export("python", "request_httpx.py", "\n".join(lines) + "\n")

    task_headers = ['"Authorization": headers["Authorization"]'] if plan.authorize else []
    task_headers += [f"{name!r}: {value!r}" for name, value in plan.task_headers]
    lines.extend(
        [
            '    task_id = response.json()["output"]["task_id"]',
            f"    task_headers = {{{', '.join(task_headers)}}}",
            "    while True:",
            "        time.sleep(POLL_SECONDS)",
            '        task = client.get(f"{TASKS_URL}/{task_id}", headers=task_headers)',
            "        if task.status_code in (503, 504):",
            "            continue  # the service is busy; query again",
            "        task.raise_for_status()",
            '        output = task.json()["output"]',
            '        status = output["task_status"]',
            '        print(f"Task {task_id}: {status}")',
            f"        if status not in {WAITING_STATUSES!r}:",
            "            break",
            "    print(json.dumps(task.json(), ensure_ascii=False, indent=2))",
            '    if status == "SUCCEEDED":',
            "        download(client, image_urls(output))",
        ]
    )
    return Export("python", "request_httpx.py", "\n".join(lines) + "\n")


# dashscope SDK


def _keyword_arguments(parameters: Mapping[str, Any], indent: int) -> list[str]:
    """Return ``name=value,`` lines, with names that are not identifiers in ``**{...}``."""
    pad = " " * indent
    lines = []
    others = {}
    for name, value in parameters.items():
        if name in SDK_RESERVED_ARGUMENTS:
            raise ExportError(
                f"The body parameter {name!r} has the name of an SDK argument, so the SDK "
                "cannot send it; use the Python (httpx) export."
            )
        if name.isidentifier() and not keyword.iskeyword(name):
            lines.append(f"{pad}{name}={python_literal(value, indent)},")
        else:
            others[name] = value
    if others:
        lines.append(f"{pad}**{python_literal(others, indent)},")
    return lines


def _sdk_call(plan: CallPlan, body: Mapping[str, Any]) -> tuple[list[str], str, str]:
    """Return the call lines, the imports and the class whose ``wait`` follows a submit."""
    path = plan.path or ""
    match = SERVICE_PATH.match(path)
    if match is None:
        raise ExportError(
            f"The SDK builds endpoint paths as services/GROUP/TASK/FUNCTION; {path!r} does "
            "not fit, so use the Python (httpx) export."
        )
    group, task, function = match.groups()
    model = body.get("model")
    body_input = body.get("input") if isinstance(body.get("input"), Mapping) else {}
    assert isinstance(body_input, Mapping)
    parameters = body.get("parameters") if isinstance(body.get("parameters"), Mapping) else {}
    assert isinstance(parameters, Mapping)
    unknown = set(body) - {"model", "input", "parameters"}
    if unknown:
        raise ExportError(
            f"The body has top-level parts the SDK cannot send ({', '.join(sorted(unknown))}); "
            "use the Python (httpx) export."
        )
    common = ["    api_key=API_KEY,"]
    if plan.workspace:
        common.append(f"    workspace={plan.workspace!r},")
    extra_headers = {
        name: value
        for name, value in plan.headers
        if name.lower() not in ("content-type", "x-dashscope-async", "x-dashscope-workspace")
    }
    if extra_headers:
        common.append(f"    headers={python_literal(extra_headers, 4)},")
    common.append(f"    model={model!r},")

    prompt = body_input.get("prompt")
    sdk_task = "image2image" if isinstance(model, str) and (
        "imageedit" in model or "wan2.5-i2i" in model
    ) else "text2image"
    fits_synthesis = (
        plan.protocol == "prompt"
        and plan.is_async
        and group == "aigc"
        and function == "image-synthesis"
        and isinstance(prompt, str)
        and prompt
    )
    if fits_synthesis:
        lines = ["task = ImageSynthesis.async_call(", *common, f"    prompt={prompt!r},"]
        if "negative_prompt" in body_input:
            lines.append(f"    negative_prompt={body_input['negative_prompt']!r},")
        rest = {k: v for k, v in body_input.items() if k not in ("prompt", "negative_prompt")}
        if rest:
            lines.append(f"    extra_input={python_literal(rest, 4)},")
        if task != sdk_task:
            lines.append(f"    task={task!r},")
        lines.extend(_keyword_arguments(parameters, 4))
        lines.append(")")
        return lines, "from dashscope import ImageSynthesis", "ImageSynthesis"

    generation_path = (group, function) == ("aigc", "generation") and task == (
        "image-generation" if plan.is_async else "multimodal-generation"
    )
    if plan.protocol == "messages" and set(body_input) == {"messages"} and generation_path:
        call = "async_call" if plan.is_async else "call"
        target = "task" if plan.is_async else "response"
        lines = [
            f"{target} = ImageGeneration.{call}(",
            *common,
            f"    messages={python_literal(body_input['messages'], 4)},",
            *_keyword_arguments(parameters, 4),
            ")",
        ]
        if plan.is_async:
            lines.insert(0, "# The SDK also sends its own is_async flag inside parameters.")
        imports = "from dashscope.aigc.image_generation import ImageGeneration"
        return lines, imports, "ImageGeneration"

    api = "BaseAsyncApi" if plan.is_async else "BaseApi"
    call = "async_call" if plan.is_async else "call"
    target = "task" if plan.is_async else "response"
    comment = "# The generic SDK call posts to services/GROUP/TASK/FUNCTION."
    if plan.is_async:
        comment = comment[:-1] + " with the X-DashScope-Async header."
    lines = [
        comment,
        f"{target} = {api}.{call}(",
        *common,
        f"    input={python_literal(dict(body_input), 4)},",
        f"    task_group={group!r},",
        f"    task={task!r},",
        f"    function={function!r},",
        *_keyword_arguments(parameters, 4),
        ")",
    ]
    return lines, "from dashscope.client.base_api import BaseApi, BaseAsyncApi", "BaseAsyncApi"


def _sdk_task_call(plan: CallPlan) -> list[str]:
    """Return the lines for a task query or cancel through the SDK."""
    path = plan.path or ""
    query = re.fullmatch(r"tasks/([^/]+)", path)
    cancel = re.fullmatch(r"tasks/([^/]+)/cancel", path)
    workspace = f", workspace={plan.workspace!r}" if plan.workspace else ""
    if plan.method == "GET" and query:
        return [f"response = BaseAsyncApi.fetch({query.group(1)!r}, api_key=API_KEY{workspace})"]
    if plan.method == "POST" and cancel:
        return [f"response = BaseAsyncApi.cancel({cancel.group(1)!r}, api_key=API_KEY{workspace})"]
    raise ExportError(
        "The SDK export covers model calls, task queries and cancels; use the bash or "
        "Python (httpx) export for this request."
    )


def render_sdk(plan: CallPlan) -> Export:
    if plan.base_url is None:
        raise ExportError(f"{plan.url} is not a DashScope API URL, so the SDK cannot call it.")
    lines = _docstring(
        plan, "Needs the official SDK, dashscope 1.25.7 or later (python -m pip install dashscope)."
    )
    body = plan.body_json()
    header = ["", "import os"]
    if plan.follow_up is not None:
        header.append("import urllib.request")
    header.extend(["from http import HTTPStatus", "", "import dashscope"])

    if plan.follow_up is None:
        call_lines = _sdk_task_call(plan)
        imports, waiter = "from dashscope.client.base_api import BaseAsyncApi", None
    else:
        if not isinstance(body, Mapping):
            raise ExportError("The request body is not a JSON object, so the SDK cannot send it.")
        call_lines, imports, waiter = _sdk_call(plan, body)
    lines.extend([*header, imports, ""])
    lines.extend(
        [
            f"dashscope.base_http_api_url = {plan.base_url!r}",
            f'API_KEY = os.environ["{KEY_VARIABLE}"]',
        ]
    )
    if plan.follow_up is not None:
        lines.extend(_IMAGE_URLS_FUNCTION.splitlines())
        lines.extend(["", ""])
    else:
        lines.append("")
    lines.extend(call_lines)

    failed = (
        '    raise SystemExit(f"Failed: HTTP {{{0}.status_code}} {{{0}.code}}: {{{0}.message}} '
        '(request {{{0}.request_id}})")'
    )
    if plan.follow_up is None:
        lines.extend(["print(response)", "if response.status_code != HTTPStatus.OK:",
                      failed.format("response")])
        return Export("sdk", "request_sdk.py", "\n".join(lines) + "\n")
    if plan.is_async:
        workspace = f", workspace={plan.workspace!r}" if plan.workspace else ""
        lines.extend(
            [
                "if task.status_code != HTTPStatus.OK:",
                failed.format("task"),
                'print("Task", task.output["task_id"])',
                f"response = {waiter}.wait(task, api_key=API_KEY{workspace})",
            ]
        )
    lines.extend(
        [
            "print(response)",
            "if response.status_code != HTTPStatus.OK:",
            failed.format("response"),
            'if response.output.get("task_status", "SUCCEEDED") == "SUCCEEDED":',
            "    for index, url in enumerate(image_urls(response.output), start=1):",
            '        name = f"image-{index}.png"',
            "        urllib.request.urlretrieve(url, name)",
            '        print("Saved", name)',
        ]
    )
    return Export("sdk", "request_sdk.py", "\n".join(lines) + "\n")

"""Command line: start the window, or run headless commands (send, catalog)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from gui import __version__


def _add_home_option(command: argparse.ArgumentParser) -> None:
    """Accept --home after a command too; SUPPRESS keeps a --home given before it."""
    command.add_argument(
        "--home",
        type=Path,
        default=argparse.SUPPRESS,
        help="keep settings, history, logs and results under this folder",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pixelpost",
        description="PixelPost, a desktop client for the Model Studio (DashScope) image APIs. "
        "Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"PixelPost {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in offline emulator and select the Sandbox region",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="with --demo: generate one image without a person, check it, print its path, exit",
    )
    parser.add_argument(
        "--lang", choices=("en", "zh_CN"), help="user interface language (default: system locale)"
    )
    parser.add_argument(
        "--home",
        type=Path,
        help="keep settings, history, logs and results under this folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    send = commands.add_parser(
        "send",
        help="submit a request file, wait for the result and save it",
        description="Submit REQUEST.json (a body as in the API documentation: model, input, "
        "parameters), wait for the task, save the images with sidecars and print a JSON summary.",
    )
    send.add_argument("request", type=Path, help="JSON request body file")
    _add_home_option(send)
    send.add_argument(
        "--region",
        default="sandbox",
        type=str.lower,
        help="beijing, singapore, virginia or sandbox (default: sandbox, the built-in emulator)",
    )
    send.add_argument(
        "--mode", choices=("sync", "async"), help="call mode (default: async where offered)"
    )
    send.add_argument(
        "--out", type=Path, help="folder for the saved images (default: the results folder)"
    )

    commands.add_parser("catalog", help="print every catalog model as JSON")
    explain = commands.add_parser(
        "explain",
        help="explain an error code: title, likely cause and fix",
        description="Print PixelPost's explanation of a DashScope or PixelPost error code.",
    )
    explain.add_argument("code", help="the error code, for example InvalidApiKey")
    explain.add_argument(
        "--message", help="the server's message; picks the cause where one code has several"
    )
    explain.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="language (default: en)"
    )
    resume = commands.add_parser(
        "resume",
        help="finish every unfinished task and download, then print a JSON summary",
    )
    _add_home_option(resume)

    import_curl = commands.add_parser(
        "import-curl",
        help="print the request a curl command sends, as JSON",
        description="Read a curl command in bash, cmd.exe or PowerShell syntax from FILE and "
        "print its method, base URL, path, async header and JSON body, with the catalog model "
        "and region it matches. A key written in the command is never printed.",
    )
    import_curl.add_argument(
        "file", help="text file holding the curl command, or - to read standard input"
    )
    import_curl.add_argument(
        "--shell",
        choices=("bash", "cmd", "powershell"),
        help="syntax of the command (default: detected from the text)",
    )

    bundle = commands.add_parser(
        "bundle",
        help="save one task as a repro bundle (zip) for a support ticket or bug report",
        description="Write TASK_ID's request (without the key), every recorded HTTP exchange "
        "(HAR and text), the status timeline, the final response and the saved images into "
        "OUT.zip. TASK_ID is PixelPost's local task id, its first 6 or more characters, or "
        "the service's task id.",
    )
    bundle.add_argument("task", metavar="TASK_ID", help="the task to export")
    bundle.add_argument("out", metavar="OUT.zip", type=Path, help="the zip file to write")
    _add_home_option(bundle)

    export = commands.add_parser(
        "export",
        help="print a request file as a curl, PowerShell or Python script",
        description="Print REQUEST.json (a body as in the API documentation) as a script that "
        "sends it: curl for bash, curl.exe for cmd.exe, Invoke-RestMethod for PowerShell, "
        "Python with httpx, or Python with the dashscope SDK. The model picks the endpoint. "
        "The key is read from the DASHSCOPE_API_KEY environment variable when the script runs.",
    )
    export.add_argument("request", type=Path, help="JSON request body file")
    export.add_argument(
        "--format",
        required=True,
        choices=("bash", "cmd", "powershell", "python", "sdk"),
        help="script language",
    )
    export.add_argument(
        "--region",
        default="beijing",
        help="beijing, singapore, virginia or sandbox (default: beijing)",
    )
    export.add_argument(
        "--mode", choices=("sync", "async"), help="call mode (default: async where offered)"
    )
    export.add_argument(
        "--base-url",
        help="base URL ending in /api/v1 to use instead of the region's (needed for sandbox)",
    )
    export.add_argument("--workspace", help="workspace id sent in X-DashScope-WorkSpace")
    export.add_argument(
        "--out",
        type=Path,
        help="write the script and its extra files into this folder instead of printing them",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "send":
        return _send(args)
    if args.command == "catalog":
        return _print_catalog()
    if args.command == "resume":
        return _resume(args)
    if args.command == "explain":
        return _explain(args)
    if args.command == "import-curl":
        return _import_curl(args)
    if args.command == "export":
        return _export(args)
    if args.command == "bundle":
        return _bundle(args)
    if args.self_test and not args.demo:
        parser.error("--self-test needs --demo")
    from gui.app import run_app

    return run_app(demo=args.demo, self_test=args.self_test, language=args.lang, home=args.home)


def _paths(args: argparse.Namespace) -> Any:
    from gui.core.paths import AppPaths

    paths = AppPaths.under(args.home) if args.home else AppPaths.default()
    if getattr(args, "out", None):
        paths = replace(paths, results_dir=args.out)
    return paths


def _send(args: argparse.Namespace) -> int:
    from gui.core.catalog import CatalogError

    try:
        # utf-8-sig also reads files that Windows Notepad saved with a byte order mark.
        text = args.request.read_text(encoding="utf-8-sig")
    except OSError as error:
        return _fail(f"Cannot read the request file {args.request}: {error.strerror}.")
    except UnicodeDecodeError as error:
        return _fail(
            f"{args.request} is not UTF-8 text (byte {error.start + 1} is invalid). "
            "Save it as UTF-8 and try again."
        )
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        return _fail(
            f"{args.request} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). Fix the file and try again."
        )
    if not isinstance(body, dict) or not isinstance(body.get("model"), str):
        return _fail(f'{args.request} must hold a JSON object with a "model" string.')
    try:
        return asyncio.run(_send_async(args, body))
    except CatalogError as error:
        return _fail(f"The catalog is invalid: {error}")
    except KeyboardInterrupt:
        print(
            "Stopped waiting. A submitted task keeps running on the service; PixelPost "
            "resumes it and saves its images the next time it starts with the same folders.",
            file=sys.stderr,
        )
        return 130


async def _send_async(args: argparse.Namespace, body: dict[str, Any]) -> int:
    from gui.core.engine import MissingKeyError, RequestRejected
    from gui.core.regions import REGIONS
    from gui.core.request import ApiRequest
    from gui.core.services import Services
    from gui.core.uploads import absolute_local_paths

    if args.region not in REGIONS:
        return _fail(f"Unknown region {args.region!r}; use one of {', '.join(REGIONS)}.")
    services = Services(_paths(args))
    try:
        chosen = _model_and_mode(services.catalog, body, args)
        if isinstance(chosen, str):
            return _fail(chosen)
        model, mode = chosen
        # Local image paths may be written relative to the request file.
        body = absolute_local_paths(model, body, args.request.resolve().parent)
        await services.start()
        if args.region == "sandbox":
            _use_sandbox(services)
        request = ApiRequest(body["model"], mode, model.path(mode), body)
        try:
            record = services.engine.submit(request, args.region)
        except RequestRejected as rejected:
            return _fail(
                "The request was not sent:\n"
                + "\n".join(f"  - {issue.message()}" for issue in rejected.issues)
            )
        except MissingKeyError:
            return _fail(
                f"No API key is set for region {args.region}. Set the DASHSCOPE_API_KEY "
                "environment variable, or save a key for that region in the PixelPost window "
                "(API keys…)."
            )
        record = await services.engine.wait(record.id)
        summary = {
            "task": record.id,
            "task_id": record.task_id,
            "request_id": record.request_id,
            "model": record.model,
            "region": record.region,
            "mode": record.mode,
            "status": record.status.value,
            "files": record.saved_files,
            "error": (
                {"code": record.error_code, "message": record.error_message}
                if record.error_code
                else None
            ),
        }
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0 if record.status.value == "SUCCEEDED" and not record.downloads_pending else 1
    finally:
        await services.aclose()


def _model_and_mode(catalog: Any, body: dict[str, Any], args: argparse.Namespace) -> Any:
    """Return (model, mode) for a request body and the --region/--mode options,
    or the message that explains why there is none."""
    model = catalog.get(body["model"])
    if model is None:
        return (
            f"Model {body['model']!r} is not in the catalog; run 'python -m gui catalog' "
            "for the list."
        )
    modes = model.modes(args.region)
    mode = args.mode or model.preferred_mode(args.region)
    if mode is None or mode not in modes:
        offered = ", ".join(modes) or "no mode"
        return (
            f"Model {model.id} is not offered as {args.mode or 'any mode'} in region "
            f"{args.region} (offered: {offered})."
        )
    return model, mode


def _use_sandbox(services: Any) -> None:
    """Use the emulator named by PIXELPOST_SANDBOX_URL, or start one in this process."""
    external = os.environ.get("PIXELPOST_SANDBOX_URL")
    if external:
        from gui.sandbox import DEMO_KEY

        services.use_sandbox(external, os.environ.get("PIXELPOST_SANDBOX_KEY", DEMO_KEY))
    else:
        services.start_sandbox()


def _resume(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_resume_async(args))
    except KeyboardInterrupt:
        print(
            "Stopped waiting; unfinished tasks resume the next time PixelPost starts.",
            file=sys.stderr,
        )
        return 130


async def _resume_async(args: argparse.Namespace) -> int:
    from gui.core.services import Services

    services = Services(_paths(args))
    try:
        await services.start()
        _use_sandbox(services)
        resumed = services.engine.resume()
        await services.engine.wait_all()
        summary = []
        for record in resumed:
            final = services.library.get_task(record.id) or record
            summary.append(
                {
                    "task": final.id,
                    "task_id": final.task_id,
                    "model": final.model,
                    "status": final.status.value,
                    "files": final.saved_files,
                    "error": (
                        {"code": final.error_code, "message": final.error_message}
                        if final.error_code
                        else None
                    ),
                }
            )
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        succeeded = all(item["status"] == "SUCCEEDED" for item in summary)
        return 0 if succeeded else 1
    finally:
        await services.aclose()


def _explain(args: argparse.Namespace) -> int:
    from gui.core.explain import ErrorCatalogError, load_error_catalog

    try:
        catalog = load_error_catalog()
    except ErrorCatalogError as error:
        return _fail(f"The error explanations are invalid: {error}")
    explanation = catalog.explain(args.code, args.message)
    language = args.lang
    cause_label, fix_label = ("可能原因", "解决办法") if language == "zh" else ("Cause", "Fix")
    print(explanation.title.get(language))
    print(f"{cause_label}: {explanation.cause.get(language)}")
    print(f"{fix_label}: {explanation.fix.get(language)}")
    if explanation.action:
        print(f"action: {explanation.action}")
    if not explanation.known:
        # Codes are often quoted without their prefix ("InputDownloadFailed").
        wanted = args.code.casefold()
        similar = [
            code
            for code in catalog.codes()
            if code.casefold().endswith("." + wanted) or code.casefold() == wanted
        ]
        if similar:
            print(f"Did you mean: {', '.join(similar)}?", file=sys.stderr)
    return 0 if explanation.known else 1


def _print_catalog() -> int:
    from gui.core.catalog import load_catalog

    catalog = load_catalog()
    entries = []
    for model in catalog:
        entries.append(
            {
                "id": model.id,
                "aliases": list(model.aliases),
                "family": model.family.id,
                "protocol": model.protocol,
                "paths": dict(model.family.paths),
                "regions": {region: list(modes) for region, modes in model.regions.items()},
                "retired": model.retired.isoformat() if model.retired else None,
                "replacement": model.replacement,
                "fields": [
                    {
                        "name": spec.name,
                        "location": spec.location,
                        "type": spec.type,
                        "required": spec.required,
                        "initial": spec.initial,
                        "minimum": spec.minimum,
                        "maximum": spec.maximum,
                        "max_length": spec.max_length,
                        "choices": list(spec.choice_values()),
                    }
                    for spec in model.fields
                ],
            }
        )
    print(json.dumps(entries, ensure_ascii=False, indent=2))
    return 0


def _import_curl(args: argparse.Namespace) -> int:
    from gui.core.catalog import CatalogError, load_catalog
    from gui.core.curl_import import CurlImportError, import_curl, match_catalog

    if args.file == "-":
        data = sys.stdin.buffer.read()
        folder = Path.cwd()
        name = "standard input"
    else:
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as error:
            return _fail(f"Cannot read {path}: {error.strerror}.")
        folder = path.resolve().parent
        name = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _fail(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02X} at offset {error.start}); "
            "save it as UTF-8 and try again."
        )
    try:
        imported = import_curl(text, folder=folder, shell=args.shell)
    except CurlImportError as error:
        return _fail(f"{name}: {error}")
    summary = imported.summary()
    try:
        match = match_catalog(imported, load_catalog())
    except CatalogError as error:
        return _fail(f"The catalog is invalid: {error}")
    summary["model"] = match.model.id if match.model else None
    summary["mode"] = match.mode
    summary["region"] = match.region
    summary["problems"] = list(match.problems)
    if imported.has_literal_key:
        print(
            f"Warning: the command contains an API key ({imported.key.text}). It is not "
            "printed here. Save it with API keys... in the window and refer to it as "
            "$DASHSCOPE_API_KEY in commands you share.",
            file=sys.stderr,
        )
    _print_text(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def _export(args: argparse.Namespace) -> int:
    from gui.core.catalog import CatalogError, load_catalog
    from gui.core.exports import ExportError, export_request
    from gui.core.regions import REGIONS
    from gui.core.request import ApiRequest, validate_body

    try:
        # utf-8-sig also reads files that Windows Notepad saved with a byte order mark.
        body = json.loads(args.request.read_text(encoding="utf-8-sig"))
    except OSError as error:
        return _fail(f"Cannot read the request file {args.request}: {error.strerror}.")
    except UnicodeDecodeError:
        return _fail(f"{args.request} is not UTF-8 text; save it as UTF-8 and try again.")
    except json.JSONDecodeError as error:
        return _fail(
            f"{args.request} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). Fix the file and try again."
        )
    if not isinstance(body, dict) or not isinstance(body.get("model"), str):
        return _fail(f'{args.request} must hold a JSON object with a "model" string.')
    if args.region not in REGIONS:
        return _fail(f"Unknown region {args.region!r}; use one of {', '.join(REGIONS)}.")
    base_url = args.base_url or REGIONS[args.region].base_url
    if not base_url:
        return _fail(
            f"The {args.region} region has no fixed base URL; pass --base-url, for example "
            "the URL that 'python -m gui.sandbox' prints."
        )
    try:
        catalog = load_catalog()
    except CatalogError as error:
        return _fail(f"The catalog is invalid: {error}")
    chosen = _model_and_mode(catalog, body, args)
    if isinstance(chosen, str):
        return _fail(chosen)
    model, mode = chosen
    for issue in validate_body(model, body):
        print(f"Warning: {issue.message()}", file=sys.stderr)
    request = ApiRequest(body["model"], mode, model.path(mode), body)
    try:
        export = export_request(
            request, base_url, args.format, workspace=args.workspace, catalog=catalog
        )
    except ExportError as error:
        return _fail(str(error))
    if args.out is not None:
        for written in export.write(args.out):
            print(written)
        return 0
    _print_text(export.text())
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from gui.core.catalog import load_catalog
    from gui.core.history import HistoryReadError, TaskHistory
    from gui.core.repro import BundleError, write_repro_bundle

    paths = _paths(args)
    try:
        history = TaskHistory.in_folder(paths.data_dir, load_catalog())
    except HistoryReadError as error:
        return _fail(f"{error} Run PixelPost once, or pass the --home it used.")
    try:
        record = history.find(args.task)
    except HistoryReadError as error:
        return _fail(str(error))
    finally:
        history.close()
    if record is None:
        return _fail(
            f"No task {args.task!r} is in the history at {history.database_path}. Give the "
            "local task id (or 6 or more of its first characters) or the service's task id."
        )
    try:
        report = write_repro_bundle(record, history.database_path, args.out)
    except BundleError as error:
        return _fail(str(error))
    summary = {
        "task": record.id,
        "task_id": record.task_id,
        "file": str(report.path),
        "exchanges": report.exchanges,
        "images": report.images,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def _print_text(text: str) -> None:
    """Print ``text``; write UTF-8 bytes when the console encoding cannot hold it."""
    try:
        print(text, end="" if text.endswith("\n") else "\n")
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write((text.rstrip("\n") + "\n").encode("utf-8"))
        sys.stdout.flush()


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2

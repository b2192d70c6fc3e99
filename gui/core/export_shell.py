"""Shell exports: curl for bash, curl.exe for cmd.exe, Invoke-RestMethod for PowerShell.

Each script sends the call first, as one command a user can also copy on its own,
and then, for model calls, polls the task and downloads the result images.

- bash: every literal is single-quoted, so the shell expands nothing but the key
  reference, and UTF-8 text stays as it is. ``--data-raw`` sends the body bytes
  unchanged.
- cmd.exe: the script uses no single quotes, because cmd.exe passes them to
  curl.exe literally. The body goes in ``request.json`` and is sent with
  ``--data-binary @request.json``, because cmd.exe passes non-ASCII command line
  text in the console code page instead of UTF-8. The script is ASCII only and
  reads JSON responses with PowerShell, which every Windows since 7 includes.
- PowerShell: the script runs in Windows PowerShell 5.1 and PowerShell 7. It calls
  ``Invoke-RestMethod`` by name, never the ``curl`` or ``iwr`` aliases, and sends the
  body as UTF-8 bytes, because 5.1 encodes a string body as ISO-8859-1.
"""

from __future__ import annotations

from gui.core.exports import (
    BODY_FILE,
    KEY_VARIABLE,
    POLL_SECONDS,
    WAITING_STATUSES,
    CallPlan,
    Export,
    ExportError,
    ExportFile,
)

CONTENT_TYPE = "content-type"

# sed and grep programs that read the JSON responses in the bash script. A DashScope
# response contains "task_id" and "task_status" once each. Result URLs are the
# values of "url" (results shape) and "image" (choices shape) keys.
_SED_TASK_ID = r"""s/.*"task_id" *: *"\([^"]*\)".*/\1/p"""
_SED_STATUS = r"""s/.*"task_status" *: *"\([^"]*\)".*/\1/p"""
_GREP_URLS = '"(url|image)" *: *"[^"]*"'
_SED_URL_VALUE = r"""s/^.*: *"//; s/"$//; s/\\u0026/\&/g; s/\\\//\//g"""


def bash_quote(text: str) -> str:
    """Quote ``text`` for bash: single quotes, with ``'`` written as ``'\\''``."""
    return "'" + text.replace("'", "'\\''") + "'"


def _continued(lines: list[str], indent: str = "  ") -> list[str]:
    """Join command lines with a trailing ``\\`` on every line but the last."""
    out = [lines[0]]
    for line in lines[1:]:
        out[-1] += " \\"
        out.append(indent + line)
    return out


# bash


def _bash_auth() -> str:
    return f'-H "Authorization: Bearer ${KEY_VARIABLE}"'


def _bash_curl(plan: CallPlan, output: str | None) -> list[str]:
    first = "curl -sS"
    if plan.method != "GET" or plan.body:
        first += f" -X {plan.method}"
    first += " " + bash_quote(plan.url)
    parts = [first]
    if plan.authorize:
        parts.append(_bash_auth())
    for name, value in plan.headers:
        parts.append("-H " + bash_quote(f"{name}: {value}"))
    if plan.body:
        parts.append("--data-raw " + bash_quote(plan.body_text()))
    if output:
        parts.append("-o " + output)
    return _continued(parts)


def _bash_downloads(answer_file: str, indent: str) -> list[str]:
    lines = [
        f"grep -oE {bash_quote(_GREP_URLS)} {answer_file} |",
        f"  sed -e {bash_quote(_SED_URL_VALUE)} > image-urls.txt",
        "index=0",
        "while IFS= read -r url; do",
        "  index=$((index + 1))",
        '  curl -sS -o "image-$index.png" "$url" && echo "Saved image-$index.png"',
        "done < image-urls.txt",
    ]
    return [indent + line for line in lines]


def render_bash(plan: CallPlan) -> Export:
    lines = ["#!/usr/bin/env bash", f"# {plan.description or plan.method + ' ' + plan.url}"]
    if plan.follow_up == "poll":
        lines.append("# Submits the task, queries it until it ends and downloads the images.")
    elif plan.follow_up == "download":
        lines.append("# Sends the call and downloads the images in the response.")
    lines.append("# Needs bash, curl, grep and sed. Set the key first:")
    lines.append(f"#   export {KEY_VARIABLE}='sk-...'")
    if plan.follow_up == "poll":
        lines.append("# POLL_SECONDS sets the seconds between task queries"
                     f" (default {POLL_SECONDS}).")
    if plan.authorize:
        lines.append(f': "${{{KEY_VARIABLE}:?Set {KEY_VARIABLE} to your API key first}}"')

    if plan.follow_up is None:
        lines.extend(_bash_curl(plan, None))
        return Export("bash", "request.sh", "\n".join(lines) + "\n")

    answer = "submit.json" if plan.follow_up == "poll" else "response.json"
    lines.extend(_bash_curl(plan, answer))
    lines.append(f"cat {answer}; echo")
    if plan.follow_up == "download":
        lines.extend(_bash_downloads(answer, ""))
        return Export("bash", "request.sh", "\n".join(lines) + "\n")

    task_url = bash_quote(plan.tasks_url() + "/") + '"$task_id"'
    query = ["curl -sS " + task_url]
    if plan.authorize:
        query.append(_bash_auth())
    for name, value in plan.task_headers:
        query.append("-H " + bash_quote(f"{name}: {value}"))
    query.append("-o task.json")
    waiting = "|".join(WAITING_STATUSES)
    lines.extend(
        [
            f"task_id=$(sed -n {bash_quote(_SED_TASK_ID)} submit.json)",
            'if [ -z "$task_id" ]; then',
            "  echo 'The response has no task_id, so no task was created.' >&2",
            "else",
            f"  poll_seconds=${{POLL_SECONDS:-{POLL_SECONDS}}}",
            "  while :; do",
            '    sleep "$poll_seconds"',
            *["    " + line for line in _continued(query)],
            f"    status=$(sed -n {bash_quote(_SED_STATUS)} task.json)",
            '    echo "Task $task_id: ${status:-no task_status in the response}"',
            '    case "$status" in',
            f"      {waiting}) ;;",
            "      *) break ;;",
            "    esac",
            "  done",
            "  cat task.json; echo",
            '  if [ "$status" = SUCCEEDED ]; then',
            *_bash_downloads("task.json", "    "),
            "  fi",
            "fi",
        ]
    )
    return Export("bash", "request.sh", "\n".join(lines) + "\n")


# cmd.exe


def _cmd_text(text: str, where: str) -> str:
    """Return ``text`` for a double-quoted curl.exe argument in a batch file.

    ``%`` is doubled so the batch file keeps it. A double quote would end cmd.exe's
    quoting and expose ``&``, ``|`` and ``>`` to it, so it is rejected. So are
    single quotes, which the export never writes, and non-ASCII text, which cmd.exe
    passes in the console code page.
    """
    if '"' in text:
        raise ExportError(f"The {where} contains a double quote, which cmd.exe cannot pass safely.")
    if "'" in text:
        raise ExportError(
            f"The {where} contains a single quote, which the cmd.exe export leaves out; "
            "use the PowerShell or bash export."
        )
    if not text.isascii():
        raise ExportError(
            f"The {where} contains non-ASCII text, which cmd.exe passes in the console "
            "code page; use the PowerShell or bash export."
        )
    return text.replace("%", "%%")


def _cmd_auth() -> str:
    return f'-H "Authorization: Bearer %{KEY_VARIABLE}%"'


def _cmd_curl(plan: CallPlan, output: str | None) -> list[str]:
    first = "curl.exe -sS"
    if plan.method != "GET" or plan.body:
        first += f" -X {plan.method}"
    # The cmd.exe export contains no single quote at all; %27 is the same URL.
    url = _cmd_text(plan.url.replace("'", "%27"), "URL")
    first += f' "{url}"'
    parts = [first]
    if plan.authorize:
        parts.append(_cmd_auth())
    for name, value in plan.headers:
        parts.append(f'-H "{_cmd_text(f"{name}: {value}", f"header {name}")}"')
    if plan.body:
        parts.append(f"--data-binary @{BODY_FILE}")
    if output:
        parts.append(f"-o {output}")
    lines = [parts[0]]
    for part in parts[1:]:
        lines[-1] += " ^"
        lines.append("  " + part)
    return lines


def _cmd_json_value(file: str, expression: str, variable: str) -> str:
    """Return a ``for /f`` line that sets ``variable`` to a value read by PowerShell."""
    command = (
        f"powershell -NoProfile -Command \"(Get-Content -Raw -Encoding UTF8 {file}"
        f" | ConvertFrom-Json).{expression}\""
    )
    return f'for /f "usebackq delims=" %%v in (`{command}`) do set "{variable}=%%v"'


def _cmd_downloads(answer_file: str) -> str:
    script = (
        f"$o = (Get-Content -Raw -Encoding UTF8 {answer_file} | ConvertFrom-Json).output; "
        "$urls = @($o.results | ForEach-Object { $_.url }) + "
        "@($o.choices | ForEach-Object { $_.message.content } | ForEach-Object { $_.image }); "
        "$i = 0; foreach ($u in $urls) { if ($u) { $i++; "
        "Invoke-RestMethod -Uri $u -OutFile image-$i.png; Write-Host Saved image-$i.png } }"
    )
    return f'powershell -NoProfile -Command "{script}"'


def render_cmd(plan: CallPlan) -> Export:
    files = (ExportFile(BODY_FILE, plan.body),) if plan.body else ()
    if plan.body:
        plan.body_text()  # raises ExportError for a body that is not UTF-8
    description = (plan.description or plan.method).replace("'", "")
    lines = ["@echo off", f"rem {_cmd_text(description, 'description')}"]
    if plan.follow_up == "poll":
        lines.append("rem Submits the task, queries it until it ends and downloads the images.")
    elif plan.follow_up == "download":
        lines.append("rem Sends the call and downloads the images in the response.")
    lines.append("rem Needs curl.exe, included in Windows 10 version 1803 and later.")
    if plan.body:
        lines.append(
            f"rem Run it in the folder that holds {BODY_FILE}, saved as UTF-8. The body"
        )
        lines.append(
            "rem is sent from that file because cmd.exe passes non-ASCII text in the"
        )
        lines.append("rem console code page, not as UTF-8.")
    lines.append(f"rem Set the key first: set {KEY_VARIABLE}=sk-...")
    if plan.authorize:
        lines.extend(
            [
                f"if not defined {KEY_VARIABLE} (",
                f"  echo Set {KEY_VARIABLE} first, for example: set {KEY_VARIABLE}=sk-...",
                "  goto :eof",
                ")",
            ]
        )

    if plan.follow_up is None:
        lines.extend(_cmd_curl(plan, None))
        return Export("cmd", "request.cmd", "\n".join(lines) + "\n", files)

    answer = "submit.json" if plan.follow_up == "poll" else "response.json"
    lines.extend(_cmd_curl(plan, answer))
    lines.append(f"type {answer}")
    lines.append("echo.")
    if plan.follow_up == "download":
        lines.append(_cmd_downloads(answer))
        return Export("cmd", "request.cmd", "\n".join(lines) + "\n", files)

    task_url = _cmd_text(plan.tasks_url(), "URL") + "/%TASK_ID%"
    query = [f'curl.exe -sS "{task_url}"']
    if plan.authorize:
        query.append(_cmd_auth())
    for name, value in plan.task_headers:
        query.append(f'-H "{_cmd_text(f"{name}: {value}", f"header {name}")}"')
    query.append("-o task.json")
    lines.extend(
        [
            'set "TASK_ID="',
            _cmd_json_value("submit.json", "output.task_id", "TASK_ID"),
            "if not defined TASK_ID (",
            "  echo The response has no task_id, so no task was created.",
            "  goto :eof",
            ")",
            ":poll",
            f"timeout /t {POLL_SECONDS} /nobreak >nul",
            " ".join(query),
            'set "STATUS="',
            _cmd_json_value("task.json", "output.task_status", "STATUS"),
            "echo Task %TASK_ID%: %STATUS%",
            *[f'if "%STATUS%"=="{status}" goto poll' for status in WAITING_STATUSES],
            "type task.json",
            "echo.",
            'if not "%STATUS%"=="SUCCEEDED" goto :eof',
            _cmd_downloads("task.json"),
        ]
    )
    return Export("cmd", "request.cmd", "\n".join(lines) + "\n", files)


# PowerShell


def powershell_quote(text: str) -> str:
    """Quote ``text`` as a PowerShell verbatim string: single quotes, ``'`` doubled."""
    return "'" + text.replace("'", "''") + "'"


def _powershell_headers(
    variable: str, headers: list[tuple[str, str]], authorize: bool
) -> list[str]:
    lines = [f"${variable} = @{{"]
    if authorize:
        lines.append(f"    'Authorization' = \"Bearer $env:{KEY_VARIABLE}\"")
    for name, value in headers:
        lines.append(f"    {powershell_quote(name)} = {powershell_quote(value)}")
    lines.append("}")
    return lines


def render_powershell(plan: CallPlan) -> Export:
    lines = [f"# {plan.description or plan.method + ' ' + plan.url}"]
    if plan.follow_up == "poll":
        lines.append("# Submits the task, queries it until it ends and downloads the images.")
    elif plan.follow_up == "download":
        lines.append("# Sends the call and downloads the images in the response.")
    lines.extend(
        [
            "# Runs in Windows PowerShell 5.1 and PowerShell 7. Set the key first:",
            f"#   $env:{KEY_VARIABLE} = 'sk-...'",
            "# Saved as a file, the script needs UTF-8 with a byte order mark: Windows",
            "# PowerShell 5.1 reads a file without one in the ANSI code page.",
            "$ErrorActionPreference = 'Stop'",
            "# Windows PowerShell 5.1 on older .NET versions does not offer TLS 1.2 by default.",
            "[Net.ServicePointManager]::SecurityProtocol = "
            "[Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12",
        ]
    )
    if plan.authorize:
        lines.append(
            f"if (-not $env:{KEY_VARIABLE}) {{ throw 'Set $env:{KEY_VARIABLE} to your API key "
            "first.' }"
        )
    content_type = None
    headers = []
    for name, value in plan.headers:
        if name.lower() == CONTENT_TYPE:
            content_type = value
        else:
            headers.append((name, value))
    lines.extend(_powershell_headers("headers", headers, plan.authorize))

    call = f"Invoke-RestMethod -Method {plan.method.title()} -Uri {powershell_quote(plan.url)}"
    call += " -Headers $headers"
    if plan.body:
        text = plan.body_text()
        if any(line.startswith("'@") for line in text.splitlines()):
            raise ExportError("The request body has a line starting with '@, which ends a"
                              " PowerShell here-string.")
        lines.extend(
            [
                "# The body is sent as UTF-8 bytes; Windows PowerShell 5.1 would send a",
                "# string body as ISO-8859-1 and turn Chinese text into question marks.",
                "$json = @'",
                text,
                "'@",
                "$body = [System.Text.Encoding]::UTF8.GetBytes($json)",
            ]
        )
        call += f" -ContentType {powershell_quote(content_type or 'application/json')} -Body $body"
    elif content_type:
        call += f" -ContentType {powershell_quote(content_type)}"

    if plan.follow_up is None:
        lines.append(f"$response = {call}")
        lines.append("$response | ConvertTo-Json -Depth 20")
        return _powershell_export(lines)

    lines.append(f"$response = {call}")
    lines.append("$response | ConvertTo-Json -Depth 20")
    if plan.follow_up == "download":
        lines.append("$output = $response.output")
        lines.extend(_powershell_downloads(""))
        return _powershell_export(lines)

    waiting = ", ".join(powershell_quote(status) for status in WAITING_STATUSES)
    lines.extend(_powershell_headers("taskHeaders", list(plan.task_headers), plan.authorize))
    lines.extend(
        [
            "$taskId = $response.output.task_id",
            f"$tasksUrl = {powershell_quote(plan.tasks_url())}",
            "do {",
            f"    Start-Sleep -Seconds {POLL_SECONDS}",
            '    $task = Invoke-RestMethod -Method Get -Uri "$tasksUrl/$taskId" `',
            "        -Headers $taskHeaders",
            "    $status = $task.output.task_status",
            '    Write-Host "Task ${taskId}: $status"',
            f"}} while ($status -in {waiting})",
            "$task | ConvertTo-Json -Depth 20",
            "if ($status -eq 'SUCCEEDED') {",
            "    $output = $task.output",
            *_powershell_downloads("    "),
            "}",
        ]
    )
    return _powershell_export(lines)


def _powershell_downloads(indent: str) -> list[str]:
    lines = [
        "$urls = @($output.results | Where-Object { $_.url } | ForEach-Object { $_.url })",
        "$urls += @($output.choices | ForEach-Object { $_.message.content } |",
        "    Where-Object { $_.image } | ForEach-Object { $_.image })",
        "$index = 0",
        "foreach ($url in $urls) {",
        "    $index++",
        '    Invoke-RestMethod -Uri $url -OutFile "image-$index.png"',
        '    Write-Host "Saved image-$index.png"',
        "}",
    ]
    return [indent + line for line in lines]


def _powershell_export(lines: list[str]) -> Export:
    return Export("powershell", "request.ps1", "\n".join(lines) + "\n", encoding="utf-8-sig")

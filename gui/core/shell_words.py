"""Split pasted shell text into commands and words, the way bash, cmd.exe or PowerShell would.

Only what curl commands pasted from documentation, browsers and chat use is
covered: quoting, escapes, line continuations, comments, variable references,
command separators and redirections. Variables are never expanded. A word keeps
the reference as written (``$NAME``, ``%NAME%``, ``$env:NAME``) and lists the names
the shell would have expanded, so a caller can tell a reference from literal text.

bash: single quotes, double quotes, ``$'...'`` (ANSI-C quoting), backslash
escapes, backslash-newline continuations, ``#`` comments, here-documents.

cmd.exe: cmd.exe itself only handles ``^`` escapes and continuations, ``%NAME%``
and the separators ``& && | ||``, and it toggles its quoting at every ``"``. The
program then splits its command line with the Microsoft C runtime rules, where
``\\"`` is a literal quote. Both steps are applied in that order.

PowerShell: single quotes (``''`` inside), double quotes (``""`` and backtick
escapes inside), backtick continuations and escapes, ``#`` and ``<# #>`` comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

SHELLS = ("bash", "cmd", "powershell")

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# A cmd.exe variable reference. Names of two characters are left out so that
# percent-encoded URL text such as %E4%B8 is not taken for one.
CMD_VARIABLE = re.compile(r"%([A-Za-z_][A-Za-z0-9_]{2,})%")


class ShellSyntaxError(Exception):
    """Raised for text a shell would reject, such as an unclosed quote.

    ``line`` and ``column`` (1-based) point at the offending character.
    """

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"{message} (line {line}, column {column})")
        self.detail = message
        self.line = line
        self.column = column


@dataclass
class Word:
    """One shell word after quote removal, with its start position in the text."""

    text: str
    line: int
    column: int
    # Variable names the shell expands in this word (references in single quotes are
    # literal text and are not listed).
    expanded: list[str] = field(default_factory=list)
    # Variable references that the shell passes as literal text (inside single quotes).
    literal_references: list[str] = field(default_factory=list)


@dataclass
class Command:
    """A simple command: its words and, for bash, the here-document fed to it."""

    words: list[Word] = field(default_factory=list)
    stdin: str | None = None
    redirections: list[str] = field(default_factory=list)


def detect_shell(text: str) -> str:
    """Guess which shell ``text`` was written for: ``bash``, ``cmd`` or ``powershell``."""
    # A caret at a line end, or a word starting with ^" as browsers write for cmd.exe.
    if re.search(r"\^[ \t]*\r?\n", text) or re.search(r'(?:^|\s)\^"', text):
        return "cmd"
    if re.search(r"`[ \t]*\r?\n", text) or re.search(r"\$env:" + _NAME, text, re.IGNORECASE):
        return "powershell"
    if re.search(r"(?im)^\s*curl\.exe\b", text) and CMD_VARIABLE.search(text):
        return "cmd"
    if re.search(r"(?m)^\s*(rem\s|::|@echo\s)", text, re.IGNORECASE):
        return "cmd"
    return "bash"


def split_commands(text: str, shell: str) -> list[Command]:
    """Return the simple commands in ``text``; raise ShellSyntaxError on bad quoting."""
    if shell == "bash":
        return _BashLexer(text).commands()
    if shell == "cmd":
        return _cmd_commands(text)
    if shell == "powershell":
        return _PowerShellLexer(text).commands()
    raise ValueError(f"unknown shell {shell!r}; use one of {SHELLS}")


def position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


class _Lexer:
    """Shared state: the text, the current word, and the finished commands."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.current: list[str] | None = None
        self.word_start = 0
        self.expanded: list[str] = []
        self.literal_references: list[str] = []
        self.command = Command()
        self.done: list[Command] = []

    def error(self, message: str, index: int) -> ShellSyntaxError:
        line, column = position(self.text, index)
        return ShellSyntaxError(message, line, column)

    def start_word(self) -> list[str]:
        if self.current is None:
            self.current = []
            self.word_start = self.i
        return self.current

    def end_word(self) -> None:
        if self.current is None:
            return
        line, column = position(self.text, self.word_start)
        word = Word("".join(self.current), line, column, self.expanded, self.literal_references)
        self.command.words.append(word)
        self.current = None
        self.expanded = []
        self.literal_references = []

    def end_command(self) -> None:
        self.end_word()
        if self.command.words:
            self.done.append(self.command)
        self.command = Command()

    def peek(self, offset: int = 1) -> str:
        index = self.i + offset
        return self.text[index] if index < len(self.text) else ""


class _BashLexer(_Lexer):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.pending_heredocs: list[tuple[str, bool, Command]] = []
        self.redirect_next = False
        self.herestring_next = False

    def commands(self) -> list[Command]:
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "#" and self.current is None:
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            elif char == "\\":
                self._backslash()
            elif char == "'":
                self._single_quoted()
            elif char == "$" and self.peek() == "'":
                self._ansi_c_quoted()
            elif char == '"':
                self._double_quoted()
            elif char == "$":
                self._dollar(self.start_word())
            elif char in " \t\r":
                self._end_word()
                self.i += 1
            elif char == "\n":
                self._end_word()
                self.end_command()
                self.i += 1
                self._read_heredocs()
            elif char in ";&|()":
                self._end_word()
                self.end_command()
                self.i += 1
            elif char in "<>":
                self._redirection()
            else:
                self.start_word().append(char)
                self.i += 1
        self._end_word()
        self.end_command()
        return self.done

    def _end_word(self) -> None:
        if self.herestring_next and self.current is not None:
            self.command.stdin = "".join(self.current) + "\n"
            self.current = None
            self.herestring_next = False
            return
        if self.redirect_next and self.current is not None:
            self.command.redirections.append("".join(self.current))
            self.current = None
            self.redirect_next = False
            return
        self.end_word()

    def _backslash(self) -> None:
        following = self.peek()
        if following == "\n":
            self.i += 2
        elif following == "\r" and self.peek(2) == "\n":
            self.i += 3
        elif following:
            self.start_word().append(following)
            self.i += 2
        else:
            self.start_word().append("\\")
            self.i += 1

    def _single_quoted(self) -> None:
        start = self.i
        end = self.text.find("'", start + 1)
        if end < 0:
            raise self.error("Unclosed single quote: this ' has no closing '", start)
        content = self.text[start + 1 : end]
        self.start_word().append(content)
        self.literal_references.extend(re.findall(r"\$\{?(" + _NAME + r")\}?", content))
        self.i = end + 1

    def _ansi_c_quoted(self) -> None:
        start = self.i
        self.start_word()
        self.i += 2
        pending = bytearray()
        out = self.current
        assert out is not None

        def flush() -> None:
            if pending:
                out.append(pending.decode("utf-8", errors="replace"))
                pending.clear()

        simple = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
                  "v": "\v", "e": "\x1b", "E": "\x1b", "\\": "\\", "'": "'", '"': '"', "?": "?"}
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "'":
                flush()
                self.i += 1
                return
            if char != "\\":
                flush()
                out.append(char)
                self.i += 1
                continue
            code = self.peek()
            if code in simple:
                flush()
                out.append(simple[code])
                self.i += 2
            elif code == "x":
                digits = re.match(r"[0-9A-Fa-f]{1,2}", text[self.i + 2 :])
                if digits is None:
                    out.append("\\x")
                    self.i += 2
                else:
                    pending.append(int(digits.group(0), 16))
                    self.i += 2 + len(digits.group(0))
            elif code in "uU":
                size = 4 if code == "u" else 8
                digits = re.match(f"[0-9A-Fa-f]{{1,{size}}}", text[self.i + 2 :])
                flush()
                if digits is None:
                    out.append("\\" + code)
                    self.i += 2
                else:
                    out.append(chr(int(digits.group(0), 16)))
                    self.i += 2 + len(digits.group(0))
            elif code.isdigit() and code in "01234567":
                digits = re.match(r"[0-7]{1,3}", text[self.i + 1 :])
                assert digits is not None
                pending.append(int(digits.group(0), 8) & 0xFF)
                self.i += 1 + len(digits.group(0))
            else:
                flush()
                out.append("\\" + code)
                self.i += 2
        raise self.error("Unclosed $'...' quote: this $' has no closing '", start)

    def _double_quoted(self) -> None:
        start = self.i
        word = self.start_word()
        self.i += 1
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == '"':
                self.i += 1
                return
            if char == "\\" and self.peek() in '$`"\\\n':
                if self.peek() != "\n":
                    word.append(self.peek())
                self.i += 2
            elif char == "$":
                self._dollar(word)
            else:
                word.append(char)
                self.i += 1
        raise self.error('Unclosed double quote: this " has no closing "', start)

    def _dollar(self, word: list[str]) -> None:
        """Keep a ``$NAME``, ``${NAME}`` or ``$(...)`` reference as written."""
        text = self.text
        match = re.match(r"\$(?:\{(" + _NAME + r")\}|(" + _NAME + r"))", text[self.i :])
        if match:
            self.expanded.append(match.group(1) or match.group(2))
            word.append(match.group(0))
            self.i += len(match.group(0))
            return
        if self.peek() == "(":
            depth = 0
            for index in range(self.i + 1, len(text)):
                if text[index] == "(":
                    depth += 1
                elif text[index] == ")":
                    depth -= 1
                    if depth == 0:
                        word.append(text[self.i : index + 1])
                        self.expanded.append(text[self.i : index + 1])
                        self.i = index + 1
                        return
            raise self.error("Unclosed $( command substitution", self.i)
        word.append("$")
        self.i += 1

    def _redirection(self) -> None:
        text = self.text
        if self.current is not None and "".join(self.current).isdigit():
            self.current = None  # a file descriptor number such as 2>
        else:
            self._end_word()
        heredoc = re.match(r"<<(-?)[ \t]*(['\"]?)(" + r"[A-Za-z0-9_]+" + r")\2", text[self.i :])
        if heredoc:
            self.pending_heredocs.append(
                (heredoc.group(3), heredoc.group(1) == "-", self.command)
            )
            self.i += len(heredoc.group(0))
            return
        operator = re.match(r"(?:<<<|>>|>&|<&|&>|[<>])&?\d*", text[self.i :])
        assert operator is not None
        self.i += len(operator.group(0))
        if operator.group(0) == "<<<":
            self.herestring_next = True
        elif not operator.group(0).endswith(tuple("0123456789")):
            self.redirect_next = True

    def _read_heredocs(self) -> None:
        text = self.text
        while self.pending_heredocs:
            delimiter, strip_tabs, command = self.pending_heredocs.pop(0)
            lines = []
            while self.i < len(text):
                end = text.find("\n", self.i)
                end = len(text) if end < 0 else end
                line = text[self.i : end].rstrip("\r")
                self.i = min(end + 1, len(text))
                if strip_tabs:
                    line = line.lstrip("\t")
                if line == delimiter:
                    break
                lines.append(line)
            command.stdin = "\n".join(lines) + "\n"


# cmd.exe


def _cmd_commands(text: str) -> list[Command]:
    """Apply cmd.exe's own parsing, then split each command line with the C runtime rules."""
    commands = []
    for line, indexes in _cmd_lines(text):
        stripped = line.lstrip(" \t@")
        if not stripped or re.match(r"(?i)rem(\s|$)|::", stripped):
            continue
        words = _msvcrt_split(line, indexes, text)
        if words:
            commands.append(Command(words=words))
    return commands


def _cmd_lines(text: str) -> list[tuple[str, list[int]]]:
    """Return the command lines cmd.exe runs, each with the text index of every character.

    Carets escape the next character outside quotes, a caret at a line end joins
    the next line, and ``&``, ``&&``, ``|`` and ``||`` outside quotes end a command.
    """
    lines: list[tuple[str, list[int]]] = []
    chars: list[str] = []
    indexes: list[int] = []
    quoted = False
    quote_start = 0
    i = 0

    def finish() -> None:
        if quoted:
            line, column = position(text, quote_start)
            raise ShellSyntaxError('Unclosed double quote: this " has no closing "', line, column)
        lines.append(("".join(chars), list(indexes)))
        chars.clear()
        indexes.clear()

    while i < len(text):
        char = text[i]
        if char == '"':
            quoted = not quoted
            if quoted:
                quote_start = i
            chars.append(char)
            indexes.append(i)
            i += 1
        elif char == "^" and not quoted:
            following = text[i + 1 : i + 2]
            if following == "\r" and text[i + 2 : i + 3] == "\n":
                i += 3
            elif following == "\n":
                i += 2
            elif following:
                chars.append(following)
                indexes.append(i + 1)
                i += 2
            else:
                i += 1
        elif char == "\n" or (char in "&|" and not quoted):
            if char in "&|" and _msvcrt_quote_open("".join(chars)):
                line, column = position(text, i)
                raise ShellSyntaxError(
                    f"cmd.exe ends the command at this {char}, because a \\\" before it "
                    f"closed cmd.exe's quoting; write ^{char} or put the body in a file",
                    line,
                    column,
                )
            finish()
            i += 2 if text[i : i + 2] in ("&&", "||") else 1
        elif char == "\r":
            i += 1
        else:
            chars.append(char)
            indexes.append(i)
            i += 1
    finish()
    return lines


def _msvcrt_quote_open(line: str) -> bool:
    """Return whether the C runtime rules leave a quoted argument open at the end of ``line``."""
    quoted = False
    backslashes = 0
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            backslashes += 1
        elif char == '"':
            if backslashes % 2 == 0:
                if quoted and line[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    quoted = not quoted
            backslashes = 0
        else:
            backslashes = 0
        i += 1
    return quoted


def _msvcrt_split(line: str, indexes: list[int], text: str) -> list[Word]:
    """Split a command line into arguments with the Microsoft C runtime rules.

    ``2n`` backslashes before a quote give ``n`` backslashes, and the quote toggles
    quoting. ``2n+1`` backslashes give ``n`` backslashes and a literal quote. Inside
    quotes ``""`` is a literal quote. Other backslashes are literal.
    """
    words: list[Word] = []
    current: list[str] | None = None
    start = 0
    quoted = False
    quote_start = 0
    i = 0

    def finish() -> None:
        nonlocal current
        if current is not None:
            value = "".join(current)
            line_number, column = position(text, indexes[start] if indexes else 0)
            names = [match.group(1) for match in CMD_VARIABLE.finditer(value)]
            words.append(Word(value, line_number, column, names))
        current = None

    while i < len(line):
        char = line[i]
        if char in " \t" and not quoted:
            finish()
            i += 1
            continue
        if current is None:
            current = []
            start = i
        if char == "\\":
            run = len(line[i:]) - len(line[i:].lstrip("\\"))
            if line[i + run : i + run + 1] == '"':
                current.append("\\" * (run // 2))
                if run % 2:
                    current.append('"')
                    i += run + 1
                else:
                    i += run
            else:
                current.append("\\" * run)
                i += run
        elif char == '"':
            if quoted and line[i + 1 : i + 2] == '"':
                current.append('"')
                i += 2
            else:
                quoted = not quoted
                if quoted:
                    quote_start = i
                i += 1
        else:
            current.append(char)
            i += 1
    if quoted:
        line_number, column = position(text, indexes[quote_start])
        raise ShellSyntaxError(
            'Unclosed double quote: this " has no closing "', line_number, column
        )
    finish()
    return words


# PowerShell


class _PowerShellLexer(_Lexer):
    _ESCAPES: ClassVar[dict[str, str]] = {
        "n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f",
        "v": "\v", "e": "\x1b",
    }

    def commands(self) -> list[Command]:
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "<" and self.peek() == "#":
                end = text.find("#>", self.i + 2)
                if end < 0:
                    raise self.error("Unclosed <# block comment", self.i)
                self.i = end + 2
            elif char == "#" and self.current is None:
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            elif char == "`":
                self._backtick(self.start_word() if self.peek() not in "\r\n" else None)
            elif char == "'":
                self._single_quoted()
            elif char == '"':
                self._double_quoted()
            elif char == "$":
                self._variable(self.start_word())
            elif char in " \t\r":
                self.end_word()
                self.i += 1
            elif char in "\n;|":
                self.end_command()
                self.i += 1
            else:
                self.start_word().append(char)
                self.i += 1
        self.end_command()
        return self.done

    def _backtick(self, word: list[str] | None) -> None:
        following = self.peek()
        if following == "\r" and self.peek(2) == "\n":
            self.i += 3
        elif following == "\n":
            self.i += 2
        elif word is not None and following:
            word.append(self._ESCAPES.get(following, following))
            self.i += 2
        else:
            self.i += 1

    def _single_quoted(self) -> None:
        start = self.i
        word = self.start_word()
        self.i += 1
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "'":
                if self.peek() == "'":
                    word.append("'")
                    self.i += 2
                    continue
                self.i += 1
                content = "".join(word)
                self.literal_references.extend(
                    re.findall(r"\$(?:env:)?(" + _NAME + ")", content, re.IGNORECASE)
                )
                return
            word.append(char)
            self.i += 1
        raise self.error("Unclosed single quote: this ' has no closing '", start)

    def _double_quoted(self) -> None:
        start = self.i
        word = self.start_word()
        self.i += 1
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == '"':
                if self.peek() == '"':
                    word.append('"')
                    self.i += 2
                    continue
                self.i += 1
                return
            if char == "`":
                self._backtick(word)
            elif char == "$":
                self._variable(word)
            else:
                word.append(char)
                self.i += 1
        raise self.error('Unclosed double quote: this " has no closing "', start)

    def _variable(self, word: list[str]) -> None:
        match = re.match(
            r"\$(?:\{(?:env:)?(" + _NAME + r")\}|env:(" + _NAME + r")|(" + _NAME + r"))",
            self.text[self.i :],
            re.IGNORECASE,
        )
        if match is None:
            word.append("$")
            self.i += 1
            return
        name = match.group(1) or match.group(2) or match.group(3)
        self.expanded.append(name)
        word.append(match.group(0))
        self.i += len(match.group(0))

"""The one translation function the widgets use.

pyside6-lupdate files calls to a plain ``tr("...")`` function under the empty
context, so lookups use the empty context too. Every string passed to ``tr``
must be a literal at the call site, or lupdate cannot extract it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)

"""Babel extractor (``babel.cfg``): the ``_()``/``ngettext()`` calls of a module, as
Babel's own Python extractor finds them, plus the message template of every
:class:`~hisconsole.errors.KnownError` class the module defines, keyed by its code
(``msgctxt``) so :func:`hisconsole.i18n.render` finds it.

Templates are read from the imported classes rather than the source text: several
are built from constants (``"…" + WAY_BACK``) that only the class knows in full.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.extract import extract_python

from hisconsole.errors import KnownError

PACKAGE = Path(__file__).resolve().parents[1]
#: The glossary's codes a reader sees as words (:func:`hisconsole.i18n.term`), with
#: the context the catalogue keys them by.
GLOSSARY_TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "hisconsole.domain.glossary": {
        "system status": ("SYSTEM_STATUSES",),
        "log kind": ("LOG_KINDS",),
        "report kind": ("REPORT_KINDS",),
        "report channel": ("REPORT_CHANNELS",),
        "readiness state": ("READINESS_STATES",),
        "resource result": ("RESOURCE_RESULTS",),
        "contact result": ("CONTACT_RESULTS",),
        "roster role": ("ROSTER_ROLES",),
        "task status": ("TASK_STATUSES",),
    },
    "hisconsole.domain.numbers": {"temporary number status": ("STATUSES",)},
    "hisconsole.domain.phones": {"phone type": ("PHONE_TYPES",)},
    "hisconsole.domain.contact_table": {"not kept": ("NOT_KEPT_KINDS",)},
    "hisconsole.services.maintenance": {"check problem": ("PROBLEMS",)},
    "hisconsole.domain.incidents": {
        "incident status": ("INCIDENT_OPEN", "INCIDENT_RESOLVED", "INCIDENT_CLOSED"),
        "report kind": ("CLOCK_LEVEL_CHANGE",),
    },
}
#: The module that routes argparse's own words (usage:, error:, …) through the catalogue:
#: the catalogue takes them from the source of the argparse this Python runs.
ARGPARSE_ROUTE = "hisconsole.cli.options"
#: Templates that are a ready sentence given by the caller, nothing to translate.
_PASS_THROUGH = {"{message}", "{lines}"}


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, Any, list[str]]]:
    # Babel's stub types this generator's items loosely; they are the same 4-tuples.
    yield from extract_python(  # type: ignore[misc]
        fileobj,
        keywords,
        comment_tags,
        options,  # type: ignore[arg-type]
    )
    name = getattr(fileobj, "name", "")
    if not name:
        return
    module = _module_name(Path(name))
    if module is None:
        return
    if module == ARGPARSE_ROUTE:
        yield from _argparse_messages(keywords)
    namespace = vars(importlib.import_module(module))
    for context, names in GLOSSARY_TERMS.get(module, {}).items():
        for name in names:
            value = namespace[name]
            for code in (value,) if isinstance(value, str) else value:
                yield 1, "pgettext", (context, code), []
    for cls in namespace.values():
        if (
            inspect.isclass(cls)
            and issubclass(cls, KnownError)
            and cls.__module__ == module
            and "template" in vars(cls)
            and cls.template not in _PASS_THROUGH
        ):
            line = inspect.getsourcelines(cls)[1]
            yield line, "pgettext", (cls.code, cls.template), [f"error code {cls.code}"]


def _argparse_messages(
    keywords: Mapping[str, Any],
) -> Iterator[tuple[int, str, Any, list[str]]]:
    import argparse

    with open(argparse.__file__, "rb") as source:
        found: Iterator[Any] = extract_python(source, keywords, [], {})
        for line, function, message, _comments in found:
            yield line, function, message, ["argparse's own words (Python's argparse.py)"]


def _module_name(path: Path) -> str | None:
    try:
        relative = path.resolve().relative_to(PACKAGE.parent)
    except ValueError:
        return None
    return ".".join(relative.with_suffix("").parts).removesuffix(".__init__")

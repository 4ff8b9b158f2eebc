"""The catalogue of everything below ``ui/``: services, printing and the CLI.

Widgets translate with Qt Linguist (``resources/i18n``); every other layer speaks
through gettext, its catalogue managed with Babel (``docs/translating.md``):
``messages.pot`` is extracted from the ``_()`` (:func:`gettext`)/``ngettext()`` calls and the
:class:`~hisconsole.errors.KnownError` templates, ``zh_CN/LC_MESSAGES/hisconsole.po``
holds the Chinese, and the compiled ``.mo`` beside it ships in the package.

An error is translated by its code: the catalogue's entry for a ``KnownError``
has the code as its context (``msgctxt``) and the class's English template as
its id, so the same params render in either language.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, Literal

from hisconsole.errors import N_ as N_  # lives with the errors: every layer may mark a text
from hisconsole.errors import KnownError, Term, Worded
from hisconsole.errors import render as _fill

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
#: The language of a printout: one of the two, or both (Chinese first).
PrintLanguage = Literal["zh", "en", "both"]
PRINT_LANGUAGES: tuple[PrintLanguage, ...] = ("zh", "en", "both")
DOMAIN = "hisconsole"
LOCALE_DIR = Path(__file__).resolve().parent
_LOCALES: dict[Language, str] = {"zh": "zh_CN", "en": "en"}

#: The language messages are rendered in unless a caller names one: the process's (the CLI
#: sets it from the locale, the GUI from its interface language), or within ``speaking()``
#: a block's own (a printout in both languages). A process-wide default, not only a
#: context variable: the GUI's worker threads start with a fresh context.
_process_language: Language = "en"
_current: ContextVar[Language | None] = ContextVar("hisconsole_language", default=None)


@cache
def translator(lang: Language) -> _gettext.NullTranslations:
    """The catalogue for ``lang`` (``gettext``, ``ngettext``, ``pgettext``); English is the
    source language, so ``"en"`` (or a missing catalogue) returns the ids unchanged."""
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[_LOCALES[lang]], fallback=True)


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The user's language as POSIX decides it: ``LC_ALL``, else ``LC_MESSAGES``, else
    ``LANG`` (the first one set); ``zh*`` is Chinese, anything else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: Language) -> None:
    """Make ``lang`` the language of :func:`gettext`, :func:`ngettext` and :func:`render`
    in this process (every thread)."""
    global _process_language
    _process_language = lang


def current_language() -> Language:
    return _current.get() or _process_language


def gettext(text: str) -> str:
    """``text`` (an English catalogue id) in the current language."""
    return translator(current_language()).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return translator(current_language()).ngettext(singular, plural, n)


def render(error: KnownError, lang: Language | None = None) -> str:
    """``error``'s message in ``lang`` (default: the current language): its template from
    the catalogue, filled from its params. A class's template is keyed by the error's code;
    a call site's own (``ServiceError(N_("…{x}…"), x=…)``) and a fixed sentence by their
    English text; a sentence the catalogue does not hold is shown as it is."""
    tr = translator(lang or current_language())
    # An error inside another (the sync layer's reason in a service's refusal) is worded
    # in the same language.
    params = {
        name: render(value, lang)
        if isinstance(value, KnownError)
        else tr.pgettext(value.context, value.code)
        if isinstance(value, Term)
        else value.said(tr.gettext)
        if isinstance(value, Worded)
        else value
        for name, value in error.params.items()
    }
    if "template" in vars(error):
        return _fill(tr.gettext(error.template), params, tr.gettext)
    if error.template == "{message}":
        return tr.gettext(str(params.get("message", "")))
    return _fill(tr.pgettext(error.code, error.template), params, tr.gettext)


def stored_error(error: KnownError) -> dict[str, Any]:
    """A refusal as data to keep (code, template, params) and word again later."""
    own = vars(error).get("template")
    return {
        "code": error.code,
        "template": own if own is not None else error.template,
        "own": own is not None,
        "params": error.as_dict()["params"],
    }


def render_stored(stored: Mapping[str, Any], lang: Language | None = None) -> str:
    """A refusal kept by :func:`stored_error`, in ``lang``."""
    tr = translator(lang or current_language())
    template, params = str(stored.get("template", "")), dict(stored.get("params") or {})
    if template == "{message}":
        return tr.gettext(str(params.get("message", "")))
    said = tr.gettext(template) if stored.get("own") else tr.pgettext(str(stored["code"]), template)
    return _fill(said, params, tr.gettext)


def term(context: str, code: str) -> str:
    """A glossary code (a system status, a log or report kind, …) as a word of the
    current language; the catalogue keys it by ``context`` (``"system status"``)."""
    return translator(current_language()).pgettext(context, code)


@contextmanager
def speaking(lang: Language) -> Iterator[None]:
    """Within the block, :func:`gettext` and friends speak ``lang``."""
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def in_every_language(make: Callable[[], str]) -> dict[str, str]:
    """``make()`` (which speaks through :func:`gettext`) said in each language: a text a
    printout shows in one language or both."""
    said: dict[str, str] = {}
    for lang in LANGUAGES:
        with speaking(lang):
            said[lang] = make()
    return said


def languages_of(lang: PrintLanguage) -> tuple[Language, ...]:
    """The languages a printout in ``lang`` shows, Chinese first."""
    if lang == "both":
        return LANGUAGES
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be zh, en or both, not {lang!r}")
    return (lang,)


class Words:
    """The words of one printout, in Chinese, English or both (Chinese first, joined by
    ``sep``; a text that reads the same in both shows once).

    Its ``gettext``/``ngettext``/``pgettext`` are picked up by the catalogue's extractor
    like the module-level ones; the result may still be ``.format()``-ed, as both
    languages' templates carry the same fields.
    """

    def __init__(self, lang: PrintLanguage, sep: str = " / ") -> None:
        self.lang = lang
        self.languages = languages_of(lang)
        self.sep = sep
        self.first: Language = self.languages[0]

    def join(self, parts: Iterable[str]) -> str:
        shown: list[str] = []
        for part in parts:
            if part and part not in shown:
                shown.append(part)
        return self.sep.join(shown)

    def gettext(self, text: str) -> str:
        return self.join(translator(lang).gettext(text) for lang in self.languages)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.join(translator(lang).ngettext(singular, plural, n) for lang in self.languages)

    def pgettext(self, context: str, text: str) -> str:
        return self.join(translator(lang).pgettext(context, text) for lang in self.languages)

    def pick(self, value: Mapping[str, str] | str | None) -> str:
        """A text the plan or the user gave in both languages (``{"zh": …, "en": …}``):
        the languages asked for, falling back to the other one when one is empty."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        parts = [str(value.get(lang) or "") for lang in self.languages]
        if not any(parts):
            parts = [str(v) for v in value.values() if v][:1]
        return self.join(parts)

    def each(self, make: Callable[[], str]) -> str:
        """``make()`` said in each language (it speaks through :func:`gettext`)."""
        parts = []
        for lang in self.languages:
            with speaking(lang):
                parts.append(make())
        return self.join(parts)

    def with_sep(self, sep: str) -> Words:
        return Words(self.lang, sep)

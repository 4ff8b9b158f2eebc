"""Dates, times and numbers as the reader writes them: one formatter for the tables and
editors of the window, the printouts and the CLI's text output.

The patterns are Babel's (CLDR) numeric date for the language's usual locale (mainland
China: ``2026/12/5``, the year first; English: the United Kingdom's ``05/12/2026``, or the
laptop's own English locale when it has one), and the clock is always the 24-hour one
(``02:05``, never ``2:05 AM``: at 3 a.m. in a hospital there is no room for doubt).
Moments are stored as ISO 8601 UTC and shown in the laptop's time zone. ``--json`` output
never goes through here: it stays ISO.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

    from hisconsole.i18n import Language

#: Each language's usual locale when the laptop's own is another language's.
_USUAL = {"zh": "zh_CN", "en": "en_GB"}


@cache
def locale_of(lang: Language) -> Locale:
    """The locale ``lang`` is written in: the laptop's own (``LC_ALL``, ``LC_TIME``,
    ``LANG``) when it speaks that language, else the language's usual one."""
    # Babel is imported on the first date written, not with the module: a command that
    # writes none (``incident log``) does not pay for it.
    from babel import Locale

    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "").split(".")[0]
        if value:
            if value.lower().startswith(lang):
                try:
                    return Locale.parse(value)
                except (ValueError, LookupError):
                    break
            break
    return Locale.parse(_USUAL[lang])


def _current(lang: Language | None) -> Language:
    from hisconsole.i18n import current_language

    return lang or current_language()


def date_pattern(lang: Language | None = None, *, year: bool = True) -> str:
    """The locale's numeric date (CLDR pattern): ``y/M/d``, ``dd/MM/y``; without the year
    ``M/d``, ``dd/MM``."""
    skeletons = locale_of(_current(lang)).datetime_skeletons
    return str(skeletons["yMd" if year else "Md"])


def time_pattern(*, seconds: bool = False) -> str:
    return "HH:mm:ss" if seconds else "HH:mm"


def datetime_pattern(
    lang: Language | None = None, *, year: bool = True, seconds: bool = False
) -> str:
    return f"{date_pattern(lang, year=year)} {time_pattern(seconds=seconds)}"


def qt_pattern(pattern: str) -> str:
    """A CLDR pattern as a Qt display format (``QDateTimeEdit.setDisplayFormat``): the same
    letters, but Qt spells a full year ``yyyy``."""
    out, quoted = [], False
    for index, char in enumerate(pattern):
        if char == "'":
            quoted = not quoted
        if char == "y" and not quoted:
            if index == 0 or pattern[index - 1] != "y":
                out.append("yyyy")
            continue
        out.append(char)
    return "".join(out)


def local(value: str | dt.datetime | None, tz: dt.tzinfo | None = None) -> dt.datetime | None:
    """A stored moment (ISO 8601 text or datetime; naive means UTC) in the time zone ``tz``
    (the laptop's by default); ``None`` when there is none or the text is not a moment."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz)


def format_datetime(
    value: str | dt.datetime | None,
    lang: Language | None = None,
    *,
    with_date: bool = True,
    year: bool = True,
    seconds: bool = False,
    tz: dt.tzinfo | None = None,
) -> str:
    """A moment as the reader writes it, in local time: ``2026/12/5 02:05`` (zh),
    ``05/12/2026 02:05`` (en); ``with_date=False`` gives the time alone. Empty for no
    value; a text that is not a moment is shown as it is. ``tz``: another time zone than
    the laptop's (a printout's)."""
    if not value:
        return ""
    moment = local(value, tz)
    if moment is None:
        return str(value)
    lang = _current(lang)
    pattern = (
        datetime_pattern(lang, year=year, seconds=seconds)
        if with_date
        else time_pattern(seconds=seconds)
    )
    return _babel_format(moment, pattern, locale_of(lang))


def format_date(value: str | dt.date | None, lang: Language | None = None) -> str:
    """A calendar date (a plan's revision, a due date) as the reader writes it; a text that
    is not a date is shown as it is."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    lang = _current(lang)
    moment = dt.datetime(day.year, day.month, day.day)
    return _babel_format(moment, date_pattern(lang), locale_of(lang))


def format_number(value: float, lang: Language | None = None) -> str:
    """A number with the locale's digit grouping and decimal sign (``12,345.5``)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=locale_of(_current(lang))))


def _babel_format(moment: dt.datetime, pattern: str, locale: Locale) -> str:
    from babel.dates import format_datetime

    return str(format_datetime(moment, pattern, locale=locale))

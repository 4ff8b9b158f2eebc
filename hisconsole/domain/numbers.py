"""Temporary patient numbers (临时住院号, handed to wards in ranges: 应急号段).

A number is ``LS-K7QF-00042``: ``LS`` (临时), the issuing laptop's device code and
that laptop's own counter. Each laptop numbers only under its own code, so two
laptops issuing ranges at the same time never collide, and after a sync every
number still names one patient. The two dashes keep a number from ever reading as
a form serial (``K7QF-000120``) when scanned. The console keeps the numbers and
the ward each went to, never who the patient was.

Registration sheets printed before (the bundled form up to its version 2) carried
numbers of their own, one per row, built from the sheet's serial:
``DT-K7QF-000120-07`` is row 7 of sheet ``K7QF-000120``. They were never issued
as numbers; they stay readable, and are tracked with their sheet (its back-entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hisconsole.errors import KnownError

PREFIX = "LS"
DIGITS = 5
#: At most this many numbers in one range handed to a ward.
MAX_RANGE = 500
#: How far a number got; a later status never goes back to an earlier one.
STATUS_RANK = {"issued": 0, "used": 1, "void": 2}
#: The statuses a number can be in, as a reader sees them (the catalogue's words).
STATUSES = tuple(STATUS_RANK)
_NUMBER = re.compile(r"^LS-([A-Z0-9]{1,8})-(\d{1,9})$")
#: The older registration sheets' own numbers (see above).
OLD_PREFIX = "DT-"
OLD_TEMPLATE = "registration"
#: The last version of the registration form that printed them, and its rows.
OLD_VERSION = 2
OLD_ROWS = 15
_OLD = re.compile(r"^DT-([A-Z0-9]{1,8}-\d{1,9})-(\d{1,3})$")
_WARD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


class NumberInvalid(KnownError, ValueError):
    """Text that is not a temporary patient number."""

    code = "numbers.number-invalid"
    template = "{text!r} is not a temporary patient number (expected like LS-K7QF-00042)."


class OldSheetNumber(KnownError, ValueError):
    """A number pre-printed on an older registration sheet (``DT-…``), not an issued one."""

    code = "numbers.old-sheet-number"
    template = (
        "{text} was pre-printed on registration sheet {serial} (row {row}) before temporary "
        "patient numbers were issued in ranges; it is tracked with its sheet: back-enter the "
        "sheet ('hisconsole forms backenter {serial}') once its patients are in the HIS. "
        "Nothing was recorded."
    )


class WardCodeInvalid(KnownError, ValueError):
    code = "numbers.ward-code-invalid"
    template = (
        "{ward!r} is not a ward code: use up to 32 letters, digits, '.', '-' or '_' (e.g. W3A)."
    )


def number(prefix: str, counter: int) -> str:
    return f"{PREFIX}-{prefix}-{counter:0{DIGITS}d}"


def parse(text: str) -> tuple[str, int]:
    """(device code, counter) of a typed or scanned number; NumberInvalid if it is none,
    OldSheetNumber if it is an older registration sheet's own number."""
    match = _NUMBER.match(text.strip().upper())
    if not match:
        old = old_sheet_number(text)
        if old is not None:
            raise OldSheetNumber(text=text.strip().upper(), serial=old[0], row=old[1])
        raise NumberInvalid(text=text)
    return match.group(1), int(match.group(2))


def expand(text: str) -> list[str]:
    """The numbers in a scan or typed entry (separated by spaces or commas), each once."""
    found = [number(*parse(part)) for part in re.split(r"[\s,;]+", text.strip()) if part]
    if not found:
        raise NumberInvalid(text=text)
    return list(dict.fromkeys(found))


def block(prefix: str, first: int, count: int) -> Iterator[str]:
    for counter in range(first, first + count):
        yield number(prefix, counter)


def ward_code(text: str) -> str:
    """A ward code as typed, checked (WardCodeInvalid)."""
    code = text.strip()
    if not _WARD.match(code):
        raise WardCodeInvalid(ward=text)
    return code


def old_sheet_number(text: str) -> tuple[str, int] | None:
    """(serial, row) of an older registration sheet's own number, None if it is none."""
    match = _OLD.match(text.strip().upper())
    return (match.group(1), int(match.group(2))) if match else None


def old_sheet_numbers(serial: str) -> tuple[str, ...]:
    """The numbers an older registration sheet ``serial`` carried, row by row."""
    return tuple(f"{OLD_PREFIX}{serial}-{row:02d}" for row in range(1, OLD_ROWS + 1))


def carries_old_numbers(template: str, version: int) -> bool:
    """Whether a sheet of ``template`` at ``version`` was printed with its own numbers."""
    return template == OLD_TEMPLATE and version <= OLD_VERSION

"""Form serial numbers: ``K7QF-000120`` (laptop code + counter), unique across laptops.

Each laptop numbers its own sheets, prefixed by its device code, so two laptops
printing at the same time never collide. Ranges (``K7QF-000120..K7QF-000180``)
are accepted wherever serials are typed or scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hisconsole.errors import N_, KnownError

DIGITS = 6
_SERIAL = re.compile(r"^([A-Z0-9]{1,8})-(\d{1,9})$")
#: At most this many serials in one typed range (a typo should not void a million sheets).
MAX_RANGE = 5000


class SerialError(KnownError, ValueError):
    """Text that is not a serial or a serial range; the message says why."""

    code = "forms.serial-invalid"


@dataclass(frozen=True, order=True)
class Serial:
    prefix: str
    number: int

    def __str__(self) -> str:
        return f"{self.prefix}-{self.number:0{DIGITS}d}"


def parse(text: str) -> Serial:
    cleaned = text.strip().upper()
    match = _SERIAL.match(cleaned)
    if not match:
        raise SerialError(
            N_("{text!r} is not a form serial (expected like K7QF-000120)"), text=text
        )
    return Serial(match.group(1), int(match.group(2)))


def expand(text: str) -> list[str]:
    """Serials in a scan or typed entry: one serial, a range ``A..B``, or a list
    separated by spaces or commas. Raises SerialError naming the bad part."""
    result: list[str] = []
    for part in re.split(r"[\s,;]+", text.strip()):
        if not part:
            continue
        if ".." in part:
            first_text, _, last_text = part.partition("..")
            first = parse(first_text)
            last = parse(last_text) if "-" in last_text else Serial(first.prefix, int(last_text))
            if first.prefix != last.prefix:
                raise SerialError(N_("{part!r}: a range must stay within one prefix"), part=part)
            if last.number < first.number:
                raise SerialError(N_("{part!r}: the range runs backwards"), part=part)
            if last.number - first.number + 1 > MAX_RANGE:
                raise SerialError(
                    N_("{part!r}: more than {max_range} serials in one range"),
                    part=part,
                    max_range=MAX_RANGE,
                )
            result.extend(
                str(Serial(first.prefix, n)) for n in range(first.number, last.number + 1)
            )
        else:
            result.append(str(parse(part)))
    if not result:
        raise SerialError(N_("no serial given"))
    return list(dict.fromkeys(result))


def block(prefix: str, first: int, count: int) -> Iterator[str]:
    for number in range(first, first + count):
        yield str(Serial(prefix, number))

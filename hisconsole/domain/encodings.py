"""Text encodings of imported files: detected and named, never guessed silently.

:func:`decode_text` turns the bytes of a contact file into text, in this order:

1. a byte-order mark: UTF-8 or UTF-16, decoded strictly;
2. strict UTF-8 (plain ASCII is UTF-8 too);
3. a file that is *mostly* UTF-8 (its non-ASCII text decodes as UTF-8 except a few
   stray bytes, e.g. one Latin-1 ``é`` typed into a UTF-8 list) is refused with the
   row and byte offset of the first stray byte: read as GB18030 it would turn every
   Chinese name into mojibake (``鍒樻窇鑺``);
4. detection with ``charset-normalizer`` among the encodings contact lists come in
   (GB18030, Big5, UTF-16 without a mark, Windows-1252); the result says it was
   detected, so the preview can show it and the user can choose another;
5. a file mostly in GB18030 or Big5 with stray bytes is refused like (3); anything
   else is refused as "encoding not recognised".

An encoding the user chooses (``encoding=``) is decoded strictly; a stray byte is
refused with its row. The one lenient choice is ``utf-8+cp1252``: UTF-8, with bytes
that are not UTF-8 read as Windows-1252 (a superset of Latin-1): the way to import the
file of step 3 with the right text. Nothing here ever substitutes U+FFFD.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Literal

from hisconsole.errors import N_, Said, Worded

#: How the encoding was found: from the byte-order mark, by decoding strictly as
#: UTF-8, by detection (a judgement: shown to the user), or chosen by the user.
How = Literal["bom", "utf-8", "detected", "chosen"]

#: The encodings offered to the user (code -> name shown), in the order shown.
CHOICES: dict[str, str] = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030 (GBK, GB2312)",
    "big5": "Big5",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 (Latin-1)",
    "utf-8+cp1252": "UTF-8 + Windows-1252",
}

MIXED = "utf-8+cp1252"

# Python codec used for each code (Big5-HKSCS is a superset of Big5: Hong Kong names).
_CODECS = {"big5": "big5hkscs", "gbk": "gb18030", "gb2312": "gb18030", "latin-1": "cp1252"}

# The encodings detection may pick; others (KOI8, Shift-JIS, …) only make
# confident-looking mojibake of a Chinese hospital's list.
_DETECTABLE = ("gb18030", "big5", "utf_16_le", "utf_16_be", "cp1252")
_DETECTED_NAMES = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
# charset-normalizer's "chaos" above which a decoding is mojibake rather than text.
_MAX_CHAOS = 0.2
# A file is "mostly" in an encoding when at least this many non-ASCII characters
# decode for each byte that does not.
_MOSTLY_RATIO = 4


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding it was read in (a code of :data:`CHOICES` or a codec)."""

    text: str
    encoding: str
    how: How

    @property
    def label(self) -> str:
        """For the preview: ``GB18030 (GBK, GB2312) (detected)``."""
        name = CHOICES.get(self.encoding, self.encoding.upper())
        suffix = {"bom": " (byte-order mark)", "detected": " (detected)", "chosen": " (chosen)"}
        return name + suffix.get(self.how, "")


class EncodingProblem(Exception):
    """The file cannot be read without garbling it; says where and what to choose.

    ``encoding`` is the encoding the file is (mostly) in, or "" when none was
    recognised; ``row`` (1 = first line) and ``offset`` (bytes from the start)
    point at the first byte that does not decode, when there is one. ``detail`` is
    what is wrong (without the row), ``worded`` the whole message, both said in the
    reader's language where shown; ``str()`` is the English.
    """

    def __init__(
        self,
        template: str,
        *,
        encoding: str = "",
        row: int | None = None,
        offset: int | None = None,
        **params: object,
    ) -> None:
        self.detail = Said(template, row=row, offset=offset, **params)
        self.worded: Worded = (
            Said(N_("row {row}: {detail}"), row=row, detail=self.detail) if row else self.detail
        )
        super().__init__(str(self.worded))
        self.encoding = encoding
        self.row = row
        self.offset = offset


def codec_of(code: str) -> str:
    """The Python codec for an encoding code (``big5`` -> ``big5hkscs``); ValueError if none."""
    name = _CODECS.get(code.strip().lower(), code.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(code) from None


def _row_of(data: bytes, offset: int, codec: str) -> int:
    # The bytes before the bad one decoded (they did, up to it) and their line breaks counted.
    before = data[:offset].decode(codec, errors="replace")
    return before.count("\n") + 1


def _stray(data: bytes, codec: str, name: str, error: UnicodeDecodeError) -> EncodingProblem:
    offset = error.start
    row = _row_of(data, offset, codec)
    bad = data[offset : min(error.end, offset + 4)].hex(" ").upper()
    return EncodingProblem(
        N_(
            "byte {offset} (0x{bad}) is not valid {name}; the rest of the file is "
            "{name}. Correct that row, or choose the encoding to read the file in."
        ),
        encoding=name,
        row=row,
        offset=offset,
        bad=bad,
        name=name,
    )


def _errors(data: bytes, codec: str, limit: int = 200) -> tuple[list[UnicodeDecodeError], int]:
    """Decoding errors of ``data`` in ``codec`` (up to ``limit``) and the non-ASCII chars that
    decoded between them."""
    found: list[UnicodeDecodeError] = []
    good = 0
    start = 0
    while start < len(data) and len(found) < limit:
        try:
            text = data[start:].decode(codec)
        except UnicodeDecodeError as exc:
            text = data[start : start + exc.start].decode(codec, errors="replace")
            found.append(
                UnicodeDecodeError(
                    exc.encoding, data, start + exc.start, start + exc.end, exc.reason
                )
            )
            start += exc.end
        else:
            start = len(data)
        good += sum(1 for ch in text if ord(ch) > 0x7F)
    return found, good


def _mostly(data: bytes, codec: str, name: str) -> EncodingProblem | None:
    errors, good = _errors(data, codec)
    if errors and good >= _MOSTLY_RATIO * len(errors):
        return _stray(data, codec, name, errors[0])
    return None


def _decode_mixed(data: bytes) -> str:
    """UTF-8, with each byte that is not UTF-8 read as Windows-1252 (Latin-1 for 0x80-0x9F
    where Windows-1252 has no character)."""
    parts: list[str] = []
    start = 0
    while start < len(data):
        try:
            parts.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(data[start : start + exc.start].decode("utf-8"))
            bad = data[start + exc.start : start + exc.start + 1]
            try:
                parts.append(bad.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(bad.decode("latin-1"))
            start += exc.start + 1
    text = "".join(parts)
    return text[1:] if text.startswith("\ufeff") else text


def _chosen(data: bytes, code: str) -> Decoded:
    code = code.strip().lower()
    if code == MIXED:
        return Decoded(_decode_mixed(data), MIXED, "chosen")
    try:
        codec = codec_of(code)
    except ValueError:
        raise EncodingProblem(
            N_("{code!r} is not an encoding; choose one of {choices}."),
            code=code,
            choices=", ".join(CHOICES),
        ) from None
    if codec == "utf-8":
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _stray(data, codec, CHOICES.get(code, code), exc) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, code, "chosen")


def _by_bom(data: bytes) -> Decoded | None:
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    )
    for bom, codec, code in boms:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), code, "bom")
            except UnicodeDecodeError as exc:
                # A lone surrogate, a truncated last character: refused, never replaced.
                raise _stray(data, codec, code.upper(), exc) from None
    return None


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(_DETECTABLE))
    candidates = [m for m in matches if m.chaos <= _MAX_CHAOS]
    if not candidates:
        return None
    # Lowest chaos wins; on a tie, GB18030 (mainland lists) before Big5 before the rest.
    best = min(candidates, key=lambda m: (round(m.chaos, 2), _DETECTABLE.index(m.encoding)))
    code = _DETECTED_NAMES.get(best.encoding, best.encoding)
    codec = codec_of(code)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # charset-normalizer may accept what Python's codec refuses: not ours to repair.
        return None
    return Decoded(text, code, "detected")


def decode_text(data: bytes, encoding: str | None = None) -> Decoded:
    """The text of ``data``; raises :class:`EncodingProblem` rather than garble it.

    ``encoding`` is the user's choice (a code of :data:`CHOICES` or any Python
    codec name); without it the encoding is found as the module doc says.
    """
    if encoding:
        return _chosen(data, encoding)
    found = _by_bom(data)
    if found is not None:
        return found
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    problem = _mostly(data, "utf-8", "UTF-8")
    if problem is not None:
        raise problem
    detected = _detect(data)
    if detected is not None:
        return detected
    for codec, name in (("gb18030", "GB18030"), ("big5hkscs", "Big5")):
        problem = _mostly(data, codec, name)
        if problem is not None:
            raise problem
    raise EncodingProblem(
        N_(
            "the encoding of this file was not recognised; choose the encoding to read it in "
            "({choices})."
        ),
        choices=", ".join(CHOICES),
    )

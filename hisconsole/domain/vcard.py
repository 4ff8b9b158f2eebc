"""vCard: read 2.1, 3.0 and 4.0 files from phones and mail programs; write vCard 4.0.

Reading (:func:`parse_vcards`) copes with what iOS, Android, Gmail and Outlook
write: folded lines, QUOTED-PRINTABLE values with soft line breaks, CHARSET
parameters (UTF-8, GB2312/GBK/GB18030, BIG5; a file without them is decoded
as a whole, its encoding detected and named, or refused rather than garbled:
:mod:`hisconsole.domain.encodings`), every TYPE style (``TEL;CELL``, ``TEL;TYPE=CELL``,
``TEL;TYPE=cell,voice``, ``TEL;type=WORK;type=VOICE``,
``TEL;VALUE=uri;TYPE="voice,cell":tel:+86-139…``), backslash escapes, several
cards per file and ``item1.TEL`` grouped properties (whose ``X-ABLabel`` names
the number's type). Other ``X-`` properties are ignored, except this program's
own ``X-HISCONSOLE-KEY``/``-GROUP``/``-ROLE``.

Mapping to a contact: FN and N give the name (into ``zh`` when it has Chinese
characters or ``LANGUAGE=zh``, else ``en``); ORG the organisation, TITLE (or
ROLE) the position, NOTE the notes, EMAIL the e-mail. TEL types map to mobile
(cell), office (work), home and pager; a number with no such type is a mobile
when its number range is a mobile range, else office. Fax numbers are kept as
office numbers flagged for review. Numbers are ordered by PREF, then as
written. No number is dropped: one that does not validate is kept as written
and flagged for review.

Writing (:func:`export_vcards`) gives vCard 4.0 (RFC 6350): UTF-8, CRLF, lines
folded at 75 octets (never inside a character), text escaped; both languages
of a name, position, organisation or note as ``ALTID``/``LANGUAGE``
alternatives; valid numbers as ``tel:`` URIs with TYPE and PREF.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain.contact_table import GROUP_ALIASES
from hisconsole.domain.contacts import (
    GROUP_NAMES,
    GROUPS,
    LANGS,
    Contact,
    Email,
    Phone,
    Text,
    dedupe_phones,
    has_cjk,
)
from hisconsole.domain.encodings import EncodingProblem, decode_text
from hisconsole.domain.phones import (
    DEFAULT_REGION,
    FAX_REVIEW,
    PHONE_TYPES,
    REVIEW_FAX,
    is_mobile_number,
    parse_typed,
    recognised_review,
    review_said,
    rfc3966,
)
from hisconsole.errors import N_, Said, Term, Worded
from hisconsole.i18n import gettext as _

PRODID = "-//HIS Console//hisconsole//EN"

_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big-5": "big5hkscs",
    "cp950": "big5hkscs",
}
_COMPOUND_SURNAMES = [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "钟离",
    "闻人",
    "赫连",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "太史",
    "申屠",
    "仲孙",
    "单于",
    "司空",
    "司寇",
]


@dataclass(frozen=True)
class CardProblem(Worded):
    """A problem with one card of a vCard file (cards are counted from 1); ``message``
    may be :class:`~hisconsole.errors.Worded` (said in the reader's language)."""

    card: int
    message: str | Worded

    def said(self, translate: Any) -> str:
        return Said(N_("card {card}: {message}"), card=self.card, message=self.message).said(
            translate
        )


@dataclass
class VCardImport:
    """What a vCard file holds: contacts (``origin`` = "card N") and the problems found."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[CardProblem] = field(default_factory=list)
    #: What the cards hold that the console does not model: (property, what it is).
    not_kept: list[tuple[str, str]] = field(default_factory=list)
    #: The file's encoding code and how it was found (see encodings.Decoded.label).
    encoding: str = ""
    encoding_label: str = ""
    encoding_how: str = ""


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    raw: bytes

    def param(self, name: str) -> str:
        values = self.params.get(name)
        return values[0] if values else ""

    def types(self) -> set[str]:
        return {t.lower() for t in self.params.get("TYPE", [])}


# --- Reading ------------------------------------------------------------------------------


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _head_end(line: bytes) -> int:
    """Index of the colon that ends the property name and parameters (-1 if none)."""
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            return i
    return -1


def _is_quoted_printable(line: bytes) -> bool:
    end = _head_end(line)
    return end > 0 and b"QUOTED-PRINTABLE" in line[:end].upper()


def _logical_lines(data: bytes) -> list[bytes]:
    """Unfold: CRLF + one space or tab joins lines; a QP value ending in '=' continues."""
    lines: list[bytes] = []
    current: bytearray | None = None
    quoted_printable = False
    for physical in re.split(rb"\r\n|\n|\r", data):
        if current is not None and quoted_printable and current.endswith(b"="):
            del current[-1]
            current += physical
        elif current is not None and physical[:1] in (b" ", b"\t"):
            current += physical[1:]
        else:
            if current is not None:
                lines.append(bytes(current))
            current = bytearray(physical)
            quoted_printable = _is_quoted_printable(physical)
    if current is not None:
        lines.append(bytes(current))
    return [line for line in lines if line.strip()]


def _parse_property(line: bytes) -> _Property | None:
    end = _head_end(line)
    if end <= 0:
        return None
    head = line[:end].decode("utf-8", errors="replace")
    parts = _split_outside_quotes(head, ";")
    group, _, name = parts[0].strip().rpartition(".")
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if not eq:
            # vCard 2.1 bare parameters: ;CELL ;QUOTED-PRINTABLE ;PREF
            token = key.strip().upper()
            params.setdefault("ENCODING" if token in _ENCODINGS else "TYPE", []).append(token)
            continue
        key = key.strip().upper()
        # TYPE="voice,cell" (4.0) lists several values inside the quotes.
        items = value.replace('"', "").split(",") if key == "TYPE" else [value.strip('"')]
        for item in items:
            item = item.strip()
            if item:
                params.setdefault(key, []).append(item)
    return _Property(group.upper(), name.upper(), params, line[end + 1 :])


def _decode_bytes(raw: bytes, charset: str) -> str:
    candidates = []
    if charset:
        name = _CHARSET_ALIASES.get(charset.lower(), charset)
        try:
            codecs.lookup(name)
            candidates.append(name)
        except LookupError:
            pass
    candidates.append("utf-8")
    for name in candidates:
        try:
            return raw.decode(name)
        except UnicodeDecodeError:
            continue
    raise EncodingProblem(
        N_(
            "a value cannot be read as any of {encodings}: the card is skipped (choose the "
            "encoding to read the file in)"
        ),
        encoding=candidates[0],
        encodings=", ".join(dict.fromkeys(candidates)),
    )


def _charset_params_cover(data: bytes) -> bool:
    """Whether every line with bytes that are not ASCII names its CHARSET (vCard 2.1)."""
    lines = [line for line in data.split(b"\n") if any(b > 0x7F for b in line)]
    return bool(lines) and all(b"CHARSET=" in _upper_head(line) for line in lines)


def _upper_head(line: bytes) -> bytes:
    return line[: _head_end(line)].upper()


class _Reader:
    def __init__(self, text_input: bool) -> None:
        # True when the file was decoded as a whole (values are UTF-8 by now).
        self.text_input = text_input

    def value(self, prop: _Property) -> str | None:
        """The property's value as text (backslash escapes still in), None for binary."""
        encoding = prop.param("ENCODING").upper()
        if encoding in ("B", "BASE64"):
            return None
        if encoding == "QUOTED-PRINTABLE":
            return _decode_bytes(binascii.a2b_qp(prop.raw), prop.param("CHARSET"))
        if self.text_input:
            return prop.raw.decode("utf-8")
        return _decode_bytes(prop.raw, prop.param("CHARSET"))


def _unescape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in "nN":
                out.append("\n")
                i += 2
                continue
            if nxt in "\\,;:":
                out.append(nxt)
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split_structured(text: str) -> list[str]:
    """Split a structured value (N, ORG) on unescaped semicolons, then unescape each part."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == ";":
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(_unescape("".join(current)))
    return parts


def _lang_of(prop: _Property, text: str) -> str:
    language = prop.param("LANGUAGE").lower()
    if language.startswith(("zh", "cmn", "yue")):
        return "zh"
    if language.startswith("en"):
        return "en"
    return "zh" if has_cjk(text) else "en"


def _split_list(text: str) -> list[str]:
    """A comma-separated value (CATEGORIES), escapes undone."""
    parts = re.split(r"(?<!\\),", text)
    return [_unescape(p).strip() for p in parts if _unescape(p).strip()]


#: Properties the console does not model: listed in the preview as not kept.
_NOT_KEPT = {
    "ADR": "address",
    "URL": "web address",
    "BDAY": "birthday",
    "ANNIVERSARY": "anniversary",
    "PHOTO": "photo",
    "LOGO": "logo",
    "IMPP": "messenger",
    "GEO": "location",
    "NICKNAME": "nickname",
    "GENDER": "gender",
    "RELATED": "related person",
}


def _name_from_n(parts: list[str]) -> str:
    family, given, additional, prefix, suffix = (parts + [""] * 5)[:5]
    if has_cjk(family + given):
        return (family + given + additional).strip()
    words = [prefix, given, additional, family, suffix]
    return " ".join(w.strip() for w in words if w.strip())


_LABEL_TYPES = (
    ("mobile", ("mobile", "cell", "iphone", "手机", "移动")),
    ("pager", ("pager", "寻呼", "传呼")),
    ("office", ("work", "office", "办公", "单位", "座机", "工作", "公司")),
    ("home", ("home", "家", "住宅", "宅")),
)


def _type_of_tel(types: set[str], label: str) -> tuple[str | None, bool]:
    """(phone type or None when undecided, is_fax) from TYPE values and an X-ABLabel."""
    fax = "fax" in types
    if types & {"cell", "mobile", "iphone"}:
        return "mobile", fax
    if "pager" in types:
        return "pager", fax
    if "work" in types:
        return "office", fax
    if "home" in types:
        return "home", fax
    folded = label.casefold()
    for phone_type, words in _LABEL_TYPES:
        if any(word in folded for word in words):
            return phone_type, fax or "fax" in folded or "传真" in folded
    return None, fax or "fax" in folded or "传真" in folded


def _pref(prop: _Property) -> int:
    value = prop.param("PREF")
    if value.isdigit():
        return int(value)
    return 1 if "pref" in prop.types() else 101


def parse_vcards(
    data: bytes | str, *, region: str = DEFAULT_REGION, encoding: str | None = None
) -> VCardImport:
    """Read every card of a vCard file (2.1, 3.0 or 4.0); see the module doc.

    ``encoding`` is the user's choice for the file; without it, a file that is not
    UTF-8 has its encoding detected (:func:`~hisconsole.domain.encodings.decode_text`),
    and one that cannot be read without garbling gives no contacts and a problem.
    """
    result = VCardImport()
    if isinstance(data, bytes):
        try:
            decoded = decode_text(data, encoding)
        except EncodingProblem as exc:
            if encoding or not _charset_params_cover(data):
                result.problems.append(CardProblem(0, exc.worded))
                return result
            # vCard 2.1 may name a CHARSET per property: each value is decoded in its own.
            raw, text_input = data, False
        else:
            result.encoding, result.encoding_label = decoded.encoding, decoded.label
            result.encoding_how = decoded.how
            raw, text_input = decoded.text.lstrip("\ufeff").encode("utf-8"), True
    else:
        raw, text_input = data.lstrip("\ufeff").encode("utf-8"), True
    reader = _Reader(text_input)
    card: list[_Property] | None = None
    depth = 0
    number = 0
    for line in _logical_lines(raw):
        prop = _parse_property(line)
        if prop is None:
            if card is not None and depth == 1:
                shown = line[:40].decode("utf-8", errors="replace")
                result.problems.append(
                    CardProblem(
                        number, Said(N_("line {line!r} ignored: not a property"), line=shown)
                    )
                )
            continue
        value_upper = prop.raw.strip().upper()
        if prop.name == "BEGIN" and value_upper == b"VCARD":
            depth += 1
            if depth == 1:
                number += 1
                card = []
            continue
        if prop.name == "END" and value_upper == b"VCARD":
            depth = max(depth - 1, 0)
            if depth == 0 and card is not None:
                contact = _read_card(card, reader, number, result, region)
                if contact is not None:
                    result.contacts.append(contact)
                card = None
            continue
        if card is not None and depth == 1:  # nested cards (2.1 AGENT) are skipped
            card.append(prop)
    if card is not None:
        result.problems.append(
            CardProblem(number, Said(N_("the file ends inside this card (no END)")))
        )
        contact = _read_card(card, reader, number, result, region)
        if contact is not None:
            result.contacts.append(contact)
    if number == 0:
        result.problems.append(
            CardProblem(0, Said(N_("no BEGIN:VCARD found: this is not a vCard file")))
        )
    return result


def _read_card(
    props: list[_Property], reader: _Reader, number: int, result: VCardImport, region: str
) -> Contact | None:
    try:
        return _contact_of_card(props, reader, number, result, region)
    except EncodingProblem as exc:
        result.problems.append(CardProblem(number, exc.worded))
        return None


def _contact_of_card(
    props: list[_Property],
    reader: _Reader,
    number: int,
    result: VCardImport,
    region: str,
) -> Contact | None:
    contact = Contact(origin=_("card {card}").format(card=number))
    labels = {p.group: reader.value(p) or "" for p in props if p.group and p.name == "X-ABLABEL"}
    n_names: list[str] = []
    roles: Text = {}
    emails: list[tuple[int, int, Email]] = []
    tels: list[tuple[int, int, Phone]] = []
    notes: dict[str, list[str]] = {"zh": [], "en": []}

    def put(target: Text, prop: _Property, value: str) -> None:
        # A second ORG or TITLE in the same language is kept beside the first.
        value = value.strip()
        if value:
            lang = _lang_of(prop, value)
            if value not in target.get(lang, "").split("\n"):
                target[lang] = f"{target[lang]}\n{value}" if target.get(lang) else value

    for index, prop in enumerate(props):
        value = reader.value(prop)
        if value is None:
            continue
        name = prop.name
        if name == "FN":
            put(contact.name, prop, _unescape(value))
        elif name == "N":
            parts = _split_structured(value)
            full = _name_from_n(parts)
            n_names.append(full)
            family, given = [*parts, "", ""][:2]
            if any(p.strip() for p in parts[2:5]):
                result.not_kept.append(("N", "middle name, prefix, suffix"))
            if family.strip() or given.strip():
                lang = _lang_of(prop, full)
                contact.name_parts.setdefault(lang, (family.strip(), given.strip()))
        elif name == "ORG":
            org, *units = [p.strip() for p in _split_structured(value)]
            if org:
                put(contact.organisation, prop, org)
            unit = " / ".join(u for u in units if u)
            if unit:
                put(contact.department, prop, unit)
        elif name == "CATEGORIES":
            for category in _split_list(value):
                group = GROUP_ALIASES.get(category.casefold(), GROUP_ALIASES.get(category))
                if group is not None and not contact.group:
                    contact.group = group
                elif group is None:
                    result.not_kept.append((f"CATEGORIES {category}", "category"))
        elif name == "TITLE":
            put(contact.position, prop, _unescape(value))
        elif name == "ROLE":
            put(roles, prop, _unescape(value))
        elif name == "NOTE":
            note = _unescape(value).strip()
            if note:
                notes[_lang_of(prop, note)].append(note)
        elif name == "EMAIL":
            address = _unescape(value).strip().removeprefix("mailto:")
            if address:
                kinds = prop.types() | {labels.get(prop.group, "").casefold()}
                email_type = "work" if "work" in kinds else "home" if "home" in kinds else "other"
                emails.append((_pref(prop), index, Email(email_type, address)))
        elif name == "TEL":
            tel = _unescape(value).strip()
            if not tel:
                continue
            own_type = prop.param("X-HISCONSOLE-TYPE").lower()
            phone_type, fax = _type_of_tel(prop.types(), labels.get(prop.group, ""))
            if own_type in PHONE_TYPES:
                phone_type = own_type
            if phone_type is None:
                phone_type = "mobile" if is_mobile_number(tel, region) else "office"
            parsed = parse_typed(tel, phone_type, region)
            phone = Phone(
                parsed.type,
                parsed.number,
                parsed.needs_review,
                review=parsed.review(),
                review_facts=parsed.review_facts(),
            )
            review = prop.param("X-HISCONSOLE-REVIEW")
            if review and review != parsed.reason:
                # Our own export: the flag and its reason as they were (kept as a code when
                # it is one of ours, else as written).
                facts = recognised_review(review)
                phone.needs_review, phone.review_facts = True, facts
                phone.review = review_said(facts) if facts else None
                phone.review_reason = None if facts else review
            elif fax and not phone.needs_review:
                phone.needs_review, phone.review = True, Said(FAX_REVIEW)
                phone.review_facts = {"code": REVIEW_FAX}
            tels.append((_pref(prop), index, phone))
        elif name in _NOT_KEPT:
            result.not_kept.append((name, _NOT_KEPT[name]))
        elif name == "X-HISCONSOLE-KEY":
            contact.key = _unescape(value).strip()
        elif name == "X-HISCONSOLE-GROUP":
            group = _unescape(value).strip()
            if group in GROUPS:
                contact.group = group
        elif name == "X-HISCONSOLE-ROLE":
            contact.plan_role = _unescape(value).strip() or None
    for n_name in n_names:
        if n_name:
            contact.name.setdefault("zh" if has_cjk(n_name) else "en", n_name)
    for lang, role in roles.items():
        contact.position.setdefault(lang, role)
    zh_parts = contact.name_parts.get("zh")
    if zh_parts and contact.name.get("zh") and zh_parts == _split_chinese_name(contact.name["zh"]):
        del contact.name_parts["zh"]  # what the export derives anyway: not data of its own
    contact.notes = {lang: "\n".join(v) for lang, v in notes.items() if v}
    for *_order, email in sorted(emails, key=lambda e: (e[0], e[1])):
        if all(e.address.casefold() != email.address.casefold() for e in contact.emails):
            contact.emails.append(email)
    ordered_phones = [phone for _p, _i, phone in sorted(tels, key=lambda t: (t[0], t[1]))]
    contact.phones = dedupe_phones(ordered_phones, region)
    contact.name = {lang: contact.name[lang] for lang in LANGS if lang in contact.name}
    who = contact.label() if contact.name else ""
    if not contact.name:
        fallback = (
            next(iter(contact.organisation.values()), "")
            or contact.email
            or (contact.phones[0].number if contact.phones else "")
        )
        if not fallback:
            result.problems.append(
                CardProblem(number, Said(N_("empty card (no name, number or e-mail)")))
            )
            return None
        contact.name = {"zh": fallback} if has_cjk(fallback) else {"en": fallback}
        result.problems.append(
            CardProblem(number, Said(N_("no name: named {name!r} (please check)"), name=fallback))
        )
        who = fallback
    for phone in contact.phones:
        if phone.needs_review:
            result.problems.append(
                CardProblem(
                    number,
                    Said(
                        N_("{who}: {type} {number!r}: {why}"),
                        who=who,
                        type=Term("phone type", phone.type),
                        number=phone.number,
                        why=phone.review or phone.review_reason or "",
                    ),
                )
            )
    return contact


# --- Writing ------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets without splitting a character."""
    out = bytearray()
    width = 0
    limit = 75
    for ch in line:
        encoded = ch.encode("utf-8")
        if width + len(encoded) > limit:
            out += b"\r\n "
            width = 1
        out += encoded
        width += len(encoded)
    return bytes(out) + b"\r\n"


def _split_chinese_name(name: str) -> tuple[str, str]:
    name = name.replace(" ", "")
    for surname in _COMPOUND_SURNAMES:
        if name.startswith(surname) and len(name) > len(surname):
            return surname, name[len(surname) :]
    return name[:1], name[1:]


_TEL_TYPES = {
    "mobile": '"cell,voice"',
    "office": '"work,voice"',
    "extension": '"work,voice"',
    "short": '"work,voice"',
    "home": '"home,voice"',
    "pager": "pager",
}


def _lines_of(value: Text) -> list[Text]:
    """A text holding several values (one per line) as one text per value."""
    split = {lang: [v for v in text.split("\n") if v.strip()] for lang, text in value.items()}
    count = max((len(v) for v in split.values()), default=0)
    return [
        {lang: values[i] for lang, values in split.items() if i < len(values)} for i in range(count)
    ]


def _card_lines(contact: Contact, region: str) -> list[str]:
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}"]
    altid = 0

    def texts(prop: str, value: Text, *, escaped: bool = False) -> None:
        nonlocal altid
        present = [lang for lang in LANGS if value.get(lang)]
        if not present:
            return

        def out(lang: str) -> str:
            return value[lang] if escaped else _escape(value[lang])

        if len(present) == 1:
            lines.append(f"{prop}:{out(present[0])}")
            return
        altid += 1
        for lang in present:
            tag = "zh-CN" if lang == "zh" else "en"
            lines.append(f"{prop};ALTID={altid};LANGUAGE={tag}:{out(lang)}")

    texts("FN", contact.name or {"en": contact.key})
    # N holds the name's parts: those the source gave, else a Chinese name split after
    # its surname; an English name without known parts gets no N (4.0 allows it) rather
    # than the whole name in the surname slot.
    parts = dict(contact.name_parts)
    if "zh" not in parts and contact.name.get("zh"):
        parts["zh"] = _split_chinese_name(contact.name["zh"])
    n_langs = [lang for lang in LANGS if lang in parts]
    for lang in n_langs:
        family, given = parts[lang]
        value = f"{_escape(family)};{_escape(given)};;;"
        if len(n_langs) > 1:
            tag = "zh-CN" if lang == "zh" else "en"
            lines.append(f"N;ALTID=n;LANGUAGE={tag}:{value}")
        else:
            lines.append(f"N:{value}")
    # Several organisations or positions (one per line) are several ORG/TITLE lines;
    # the department is the ORG's unit.
    for i, org in enumerate(_lines_of(contact.organisation)):
        if i == 0:
            for lang in LANGS:
                if contact.department.get(lang) and lang not in org:
                    org[lang] = ""
        escaped = {lang: _escape(value) for lang, value in org.items()}
        if i == 0:
            for lang, unit in contact.department.items():
                if unit and lang in escaped:
                    escaped[lang] += ";" + _escape(unit)
        texts("ORG", escaped, escaped=True)
    for title in _lines_of(contact.position):
        texts("TITLE", title)
    for pref, phone in enumerate(contact.phones, 1):
        params = f"TYPE={_TEL_TYPES.get(phone.type, 'voice')};PREF={min(pref, 100)}"
        if phone.type in ("extension", "short"):
            params += f";X-HISCONSOLE-TYPE={phone.type}"
        if phone.needs_review:
            # Keep the review flag through a round trip (other programs ignore the parameter).
            reason = (phone.review_text() or "check").replace('"', "'")
            params += f';X-HISCONSOLE-REVIEW="{reason}"'
        uri = rfc3966(phone.number, region)
        if uri:
            lines.append(f"TEL;VALUE=uri;{params}:{uri}")
        else:
            lines.append(f"TEL;VALUE=text;{params}:{_escape(phone.number)}")
    for pref, email in enumerate(contact.emails, 1):
        kind = f"TYPE={email.type};" if email.type in ("work", "home") else ""
        lines.append(f"EMAIL;{kind}PREF={min(pref, 100)}:{_escape(email.address)}")
    texts("NOTE", contact.notes)
    if contact.group in GROUP_NAMES:
        lines.append(f"CATEGORIES:{_escape(GROUP_NAMES[contact.group]['zh'])}")
    if contact.key:
        lines.append(f"X-HISCONSOLE-KEY:{_escape(contact.key)}")
    if contact.group:
        lines.append(f"X-HISCONSOLE-GROUP:{_escape(contact.group)}")
    if contact.plan_role:
        lines.append(f"X-HISCONSOLE-ROLE:{_escape(contact.plan_role)}")
    lines.append("END:VCARD")
    return lines


def export_vcards(contacts: Iterable[Contact], *, region: str = DEFAULT_REGION) -> bytes:
    """All contacts as one vCard 4.0 file (UTF-8, CRLF, folded); see the module doc."""
    out = bytearray()
    for contact in contacts:
        for line in _card_lines(contact, region):
            out += fold(line)
    return bytes(out)

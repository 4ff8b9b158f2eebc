"""Contacts as CSV (通讯录 CSV): export for Excel, import from Excel/WPS and other sources.

Columns (English header, as exported; Chinese headers accepted on import)::

    key              编号        the contact's key (blank for new people)
    name_zh          中文姓名    name in Chinese
    name_en          英文姓名    name in English / pinyin
    position_zh      职务        position in Chinese
    position_en      英文职务    position in English
    group            分组        hq, tech, business, vendor, external
                                 (also 应急指挥部/指挥部, 技术支持组, 业务恢复组, 厂商, 外部单位)
    organisation_zh  单位        organisation in Chinese
    organisation_en  英文单位    organisation in English
    plan_role        预案角色    commander, deputy-commander, tech-lead, business-lead,
                                 liaison, member (or blank)
    mobile           手机        mobile number(s)
    office           办公电话    office number(s) (座机)
    home             住宅电话    home number(s) (家庭电话)
    pager            寻呼        pager number(s)
    (phone           电话        import only: the type is taken from the number,
                                 mobile for a mobile range, else office)
    phone_order      呼叫顺序    types in order of preference, e.g. ``office,mobile``;
                                 blank means mobile, office, home, pager
    email            电子邮箱    e-mail address
    notes_zh         备注        notes in Chinese
    notes_en         英文备注    notes in English

Generic headers (姓名/name, 职务/position, 单位/organisation, 备注/notes) go to the
Chinese or the English field according to the script of each value. A cell may
hold several numbers of one type, separated by ``;`` (also ``；``, ``,``, ``、``
or a line break), in order of preference. Columns that are not recognised are
not lost: their values are added to the notes as ``header: value``.

Export: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line
ends, every column above. Numbers are written in their display form: the
national format for numbers of the hospital's region (``139 1000 2001``,
``010 6512 3001``; the spaces keep Excel from turning them into numbers and
dropping the leading 0) and the international format otherwise.

Spreadsheet formula injection (OWASP "CSV injection") is neutralised: a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a leading single quote, so ``=HYPERLINK(...)`` exports as
``'=HYPERLINK(...)`` and ``+44 20 7946 0958`` as ``'+44 20 7946 0958``. Import
removes exactly that quote again, so export then import gives back the text.

Import reads UTF-8 (with or without the byte-order mark), UTF-16 with a
byte-order mark (Excel "Unicode text"), and detects GB18030 (which covers GBK
and GB2312, what Excel and WPS write for "CSV" on Chinese Windows) and Big5;
the preview names the encoding, a file that would be garbled is refused with the
row and byte offset (see :mod:`hisconsole.domain.encodings`), and the user may
choose the encoding instead. Comma, tab or semicolon separated. Problems are
reported with the spreadsheet row number (the header is row 1). No number is
dropped: one that does not validate is kept as written and flagged for review.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from hisconsole.domain.contacts import GROUPS, LANGS, Contact, Phone, has_cjk
from hisconsole.domain.encodings import EncodingProblem, decode_text
from hisconsole.domain.phones import (
    DEFAULT_REGION,
    PHONE_TYPES,
    is_mobile_number,
    parse_lenient,
)

COLUMNS = (
    "key",
    "name_zh",
    "name_en",
    "position_zh",
    "position_en",
    "group",
    "organisation_zh",
    "organisation_en",
    "plan_role",
    "mobile",
    "office",
    "home",
    "pager",
    "phone_order",
    "email",
    "notes_zh",
    "notes_en",
)

#: Accepted header spellings (compared without case, spaces, '_' or '-').
ALIASES: dict[str, tuple[str, ...]] = {
    "key": ("key", "id", "编号", "键", "联系人编号"),
    "name_zh": ("name_zh", "namezh", "中文姓名", "中文名", "姓名（中文）", "姓名(中文)"),
    "name_en": ("name_en", "nameen", "英文姓名", "英文名", "拼音", "姓名（英文）", "姓名(英文)"),
    "name": ("name", "fullname", "姓名", "名字", "联系人", "人员"),
    "position_zh": ("position_zh", "中文职务", "职务（中文）", "职务(中文)"),
    "position_en": ("position_en", "英文职务", "职务（英文）", "职务(英文)"),
    "position": ("position", "title", "jobtitle", "职务", "职位", "岗位", "职称"),
    "group": ("group", "分组", "组别", "小组", "工作组", "所属组"),
    "organisation_zh": ("organisation_zh", "organization_zh", "中文单位", "单位（中文）"),
    "organisation_en": ("organisation_en", "organization_en", "英文单位", "单位（英文）"),
    "organisation": (
        "organisation",
        "organization",
        "company",
        "org",
        "单位",
        "工作单位",
        "机构",
        "部门",
        "科室",
        "公司",
    ),
    "plan_role": ("plan_role", "role", "预案角色", "角色", "应急角色"),
    "mobile": ("mobile", "cell", "mobilephone", "手机", "手机号", "手机号码", "移动电话"),
    "office": (
        "office",
        "work",
        "officephone",
        "workphone",
        "办公电话",
        "办公室电话",
        "座机",
        "工作电话",
        "单位电话",
    ),
    "phone": ("phone", "tel", "telephone", "phonenumber", "电话", "联系电话", "电话号码"),
    "home": ("home", "homephone", "住宅电话", "家庭电话", "家里电话", "宅电"),
    "pager": ("pager", "寻呼", "寻呼机", "传呼", "传呼机", "bp机"),
    "phone_order": ("phone_order", "呼叫顺序", "电话顺序", "拨打顺序"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"),
    "notes_zh": ("notes_zh", "中文备注", "备注（中文）"),
    "notes_en": ("notes_en", "英文备注", "备注（英文）"),
    "notes": ("notes", "note", "comment", "comments", "备注", "说明"),
}

GROUP_ALIASES: dict[str, str] = {
    "hq": "hq",
    "应急指挥部": "hq",
    "指挥部": "hq",
    "领导小组": "hq",
    "tech": "tech",
    "技术支持组": "tech",
    "技术组": "tech",
    "技术保障组": "tech",
    "business": "business",
    "业务恢复组": "business",
    "业务组": "business",
    "业务保障组": "business",
    "vendor": "vendor",
    "厂商": "vendor",
    "供应商": "vendor",
    "厂家": "vendor",
    "external": "external",
    "外部单位": "external",
    "外部": "external",
    "外部机构": "external",
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPLIT_RE = re.compile(r"[;；,，、\n]+")


def _squash(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lstrip("\ufeff")).casefold()


_HEADER_INDEX: dict[str, str] = {
    _squash(alias): column for column, aliases in ALIASES.items() for alias in aliases
}


def neutralise(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet: prefix formula-like text with ``'``."""
    if cell.startswith(_FORMULA_START) or (
        cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START)
    ):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise` (remove the one quote it added)."""
    if cell.startswith("'") and cell[1:].lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def export_csv(contacts: Iterable[Contact]) -> bytes:
    """All contacts as CSV bytes (UTF-8 with BOM, CRLF), formula-safe; see the module doc."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for contact in contacts:
        by_type: dict[str, list[str]] = {t: [] for t in PHONE_TYPES}
        order: list[str] = []
        for phone in contact.phones:
            by_type.setdefault(phone.type, []).append(phone.number)
            if phone.type not in order:
                order.append(phone.type)
        default_order = [t for t in PHONE_TYPES if t in order]
        row = {
            "key": contact.key,
            "group": contact.group,
            "plan_role": contact.plan_role or "",
            "phone_order": "" if order == default_order else ",".join(order),
            "email": contact.email,
        }
        for name in ("name", "position", "organisation", "notes"):
            text = getattr(contact, name)
            for lang in LANGS:
                row[f"{name}_{lang}"] = text.get(lang, "")
        for phone_type in PHONE_TYPES:
            row[phone_type] = "; ".join(by_type[phone_type])
        writer.writerow([neutralise(row[c]) for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class RowProblem:
    """A problem in one row of a CSV file (row 1 is the header)."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class CsvImport:
    """What a CSV file holds: contacts (``origin`` = "row N") and the problems found."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: The encoding code (``utf-8``, ``gb18030``…) and how it was found, for the preview.
    encoding: str = ""
    encoding_label: str = ""


def _without_row(message: str) -> str:
    # EncodingProblem messages start "row N: "; RowProblem adds its own.
    return re.sub(r"^row \d+: ", "", message)


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(
    data: bytes | str, *, region: str = DEFAULT_REGION, encoding: str | None = None
) -> CsvImport:
    """Read contacts from CSV bytes (or already decoded text); see the module doc.

    ``encoding`` is the user's choice; without it the encoding is detected
    (:func:`hisconsole.domain.encodings.decode_text`). A file that cannot be
    decoded without garbling gives no contacts and one problem naming the row.
    """
    result = CsvImport()
    if isinstance(data, bytes):
        try:
            decoded = decode_text(data, encoding)
        except EncodingProblem as exc:
            result.problems.append(RowProblem(exc.row or 1, _without_row(str(exc))))
            return result
        text, result.encoding, result.encoding_label = (
            decoded.text,
            decoded.encoding,
            decoded.label,
        )
    else:
        text, result.encoding = data.lstrip("\ufeff"), "text"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        result.problems.append(RowProblem(reader.line_num, f"the file is not valid CSV: {exc}"))
        return result
    if not rows:
        result.problems.append(RowProblem(1, "the file is empty"))
        return result
    header = [restore(h) for h in rows[0]]
    columns: list[str | None] = []
    for name in header:
        column = _HEADER_INDEX.get(_squash(name))
        columns.append(column)
        if column is None and name.strip():
            result.problems.append(
                RowProblem(1, f"column {name.strip()!r} is not known: its values go to the notes")
            )
    known = {c for c in columns if c}
    if not known & {"name", "name_zh", "name_en", "phone", *PHONE_TYPES}:
        result.problems.append(
            RowProblem(
                1,
                "the first row must name the columns, e.g. name_zh, name_en, mobile "
                "(姓名, 手机); none was recognised",
            )
        )
        return result
    for row_number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            extra = [c for c in row[len(columns) :] if c.strip()]
            if extra:
                result.problems.append(
                    RowProblem(
                        row_number,
                        f"{len(row)} cells but only {len(columns)} columns: "
                        "the extra cells go to the notes",
                    )
                )
        contact = _contact_of_row(row, columns, header, row_number, result, region)
        result.contacts.append(contact)
    return result


def _contact_of_row(
    row: list[str],
    columns: list[str | None],
    header: list[str],
    row_number: int,
    result: CsvImport,
    region: str,
) -> Contact:
    contact = Contact(origin=f"row {row_number}")
    numbers: dict[str, list[str]] = {t: [] for t in PHONE_TYPES}
    order: list[str] = []
    extra_notes: list[str] = []
    for index, raw_cell in enumerate(row):
        column = columns[index] if index < len(columns) else None
        cell = restore(raw_cell)
        value = cell.strip()
        if not value:
            continue
        if column is None:
            label = header[index].strip() if index < len(header) else f"column {index + 1}"
            extra_notes.append(f"{label or f'column {index + 1}'}: {value}")
        elif column in PHONE_TYPES or column == "phone":
            for part in _SPLIT_RE.split(cell):
                part = part.strip().lstrip("'")
                if not part:
                    continue
                phone_type = column
                if column == "phone":
                    phone_type = "mobile" if is_mobile_number(part, region) else "office"
                numbers[phone_type].append(part)
        elif column == "phone_order":
            for part in re.split(r"[\s,;，；、]+", value.casefold()):
                if part in PHONE_TYPES and part not in order:
                    order.append(part)
                elif part:
                    result.problems.append(
                        RowProblem(row_number, f"phone_order: {part!r} is not a phone type")
                    )
        elif column == "group":
            group = GROUP_ALIASES.get(value.casefold(), GROUP_ALIASES.get(value))
            if group is None:
                result.problems.append(
                    RowProblem(
                        row_number,
                        f"group {value!r} is not one of {', '.join(GROUPS)}",
                    )
                )
                contact.group = value
            else:
                contact.group = group
        elif column == "key":
            contact.key = value
        elif column == "plan_role":
            contact.plan_role = value
        elif column == "email":
            contact.email = value
        else:
            name, _, lang = column.partition("_")
            if not lang:
                lang = "zh" if has_cjk(value) else "en"
            text = getattr(contact, name)
            # The same field in two columns: keep both values.
            text[lang] = f"{text[lang]}\n{value}" if text.get(lang) else value
    if extra_notes:
        for note in extra_notes:
            lang = "zh" if has_cjk(note) else "en"
            current = contact.notes.get(lang)
            contact.notes[lang] = f"{current}\n{note}" if current else note
    order += [t for t in PHONE_TYPES if t not in order]
    for phone_type in order:
        for raw in numbers[phone_type]:
            parsed = parse_lenient(raw, region)
            contact.phones.append(
                Phone(phone_type, parsed.number, parsed.needs_review, parsed.reason)
            )
            if parsed.needs_review:
                result.problems.append(
                    RowProblem(row_number, f"{phone_type} {raw!r}: {parsed.reason}")
                )
    return contact

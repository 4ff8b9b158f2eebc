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
    department_zh    科室        department (科室/部门) in Chinese
    department_en    英文科室    department in English
    plan_role        预案角色    commander, deputy-commander, tech-lead, business-lead,
                                 liaison, member (or blank)
    mobile           手机        mobile number(s)
    office           办公电话    office number(s) (座机)
    extension        分机        extension(s): ``8001``, or a switchboard number with
                                 its extension ``010 6512 3000 ext. 8001``
    short            集团短号    short number(s) in the hospital's group network
    home             住宅电话    home number(s) (家庭电话)
    pager            寻呼        pager number(s)
    (phone           电话        import only: the type is taken from the number,
                                 mobile for a mobile range, else office)
    phone_order      呼叫顺序    types in order of preference, e.g. ``office,mobile``;
                                 blank means mobile, office, extension, short, home, pager
    email_work       工作邮箱    work e-mail address(es)
    email_home       个人邮箱    personal e-mail address(es)
    email            电子邮箱    other e-mail address(es)
    notes_zh         备注        notes in Chinese
    notes_en         英文备注    notes in English

Generic headers (姓名/name, 职务/position, 单位/organisation, 备注/notes) go to the
Chinese or the English field according to the script of each value. Other
layouts (Outlook, Google, 企业微信, 钉钉) and the column mapping are in
:mod:`hisconsole.domain.contact_table`: a column that is not recognised is listed
as unmapped and not imported until the user maps it.

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
from collections.abc import Iterable, Mapping

from hisconsole.domain.contact_table import (
    RowProblem,
    TableImport,
    neutralise,
    read_table,
    restore,
)
from hisconsole.domain.contacts import LANGS, Contact
from hisconsole.domain.encodings import EncodingProblem, decode_text
from hisconsole.domain.phones import DEFAULT_REGION, PHONE_TYPES
from hisconsole.errors import N_, Said

__all__ = ["COLUMNS", "export_csv", "neutralise", "parse_csv", "restore", "rows_of"]

COLUMNS = (
    "key",
    "name_zh",
    "name_en",
    "position_zh",
    "position_en",
    "group",
    "organisation_zh",
    "organisation_en",
    "department_zh",
    "department_en",
    "plan_role",
    *PHONE_TYPES,
    "phone_order",
    "email_work",
    "email_home",
    "email",
    "notes_zh",
    "notes_en",
)

_EMAIL_COLUMNS = {"work": "email_work", "home": "email_home", "other": "email"}


def rows_of(contacts: Iterable[Contact]) -> list[dict[str, str]]:
    """Each contact as a row of :data:`COLUMNS` (cells as text, not yet neutralised)."""
    rows = []
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
        }
        for column in _EMAIL_COLUMNS.values():
            row[column] = ""
        for email in contact.emails:
            column = _EMAIL_COLUMNS.get(email.type, "email")
            row[column] = "; ".join(filter(None, (row[column], email.address)))
        for name in ("name", "position", "organisation", "department", "notes"):
            text = getattr(contact, name)
            for lang in LANGS:
                row[f"{name}_{lang}"] = text.get(lang, "")
        for phone_type in PHONE_TYPES:
            row[phone_type] = "; ".join(by_type[phone_type])
        rows.append(row)
    return rows


def export_csv(contacts: Iterable[Contact]) -> bytes:
    """All contacts as CSV bytes (UTF-8 with BOM, CRLF), formula-safe; see the module doc."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows_of(contacts):
        writer.writerow([neutralise(row[c]) for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(
    data: bytes | str,
    *,
    region: str = DEFAULT_REGION,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> TableImport:
    """Read contacts from CSV bytes (or already decoded text); see the module doc.

    ``encoding`` is the user's choice; without it the encoding is detected
    (:func:`hisconsole.domain.encodings.decode_text`). A file that cannot be
    decoded without garbling gives no contacts and one problem naming the row.
    ``mapping`` is the user's column mapping (header -> target).
    """
    result = TableImport()
    if isinstance(data, bytes):
        try:
            decoded = decode_text(data, encoding)
        except EncodingProblem as exc:
            result.problems.append(RowProblem(exc.row or 1, exc.detail))
            return result
        text, result.encoding = decoded.text, decoded.encoding
        result.encoding_label, result.encoding_how = decoded.label, decoded.how
    else:
        text, result.encoding = data.lstrip("\ufeff"), "text"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        result.problems.append(
            RowProblem(
                reader.line_num, Said(N_("the file is not valid CSV: {detail}"), detail=str(exc))
            )
        )
        return result
    return read_table(rows, region=region, mapping=mapping, result=result)

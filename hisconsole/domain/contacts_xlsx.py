"""Contacts as Excel workbooks (.xlsx, openpyxl): 企业微信/钉钉 exports and hospital lists.

Import reads the first worksheet that has rows; the header row may sit below a
title (企业微信 and 钉钉 exports start with one); layouts and the column mapping
are those of :mod:`hisconsole.domain.contact_table`. Cells are read as text:
a number cell ``13910002001`` is the digits, never ``1.391e10``.

Export writes the columns of the CSV export (:data:`contacts_csv.COLUMNS`) with
every cell stored as text, so Excel neither drops a leading 0 nor runs
``=HYPERLINK(...)`` typed into a name as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

from hisconsole.domain.contact_table import RowProblem, TableImport, read_table
from hisconsole.domain.contacts import Contact
from hisconsole.domain.contacts_csv import COLUMNS, rows_of
from hisconsole.domain.phones import DEFAULT_REGION
from hisconsole.errors import N_, Said

ENCODING_LABEL = "Excel (.xlsx)"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def parse_xlsx(
    data: bytes, *, region: str = DEFAULT_REGION, mapping: Mapping[str, str] | None = None
) -> TableImport:
    """Read contacts from the bytes of an .xlsx workbook; see the module doc."""
    from openpyxl import load_workbook

    result = TableImport(encoding="xlsx", encoding_label=ENCODING_LABEL)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        # What the zip or XML reader says of it ("File is not a zip file") helps nobody
        # choose the right file.
        result.problems.append(RowProblem(1, Said(N_("not an Excel .xlsx workbook"))))
        return result
    try:
        for sheet in book.worksheets:
            rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            while rows and not any(c.strip() for c in rows[-1]):
                rows.pop()
            if rows:
                return read_table(rows, region=region, mapping=mapping, result=result)
    finally:
        book.close()
    result.problems.append(RowProblem(1, Said(N_("the workbook is empty"))))
    return result


def export_xlsx(contacts: Iterable[Contact]) -> bytes:
    """All contacts as an .xlsx workbook, every cell text; see the module doc."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("contacts")
    sheet.append(list(COLUMNS))
    for row in rows_of(contacts):
        cells = []
        for column in COLUMNS:
            cell = WriteOnlyCell(sheet, value=row[column])
            cell.data_type = "s"  # text, even "=..." or "010…"
            cell.number_format = "@"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

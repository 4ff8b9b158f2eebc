"""Pre-numbered registration sheets: each patient row carries the next temporary patient
number (临时住院号, LS-…), issued and recorded with the sheet the way a label sheet's are,
never twice. A reprint shows the very same numbers; a new print takes new ones; the
back-entry knows which number was on which sheet."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.domain.forms import TemplateInvalid
from hisconsole.printing.forms import bundled_forms_dir, read_template
from hisconsole.services import forms, incidents, numbers, printers
from hisconsole.services.console import Console
from hisconsole.store import eventlog, projections
from tests.sync.helpers import events
from tests.unit.test_print_jobs import ScriptedSpool

ROWS = 15
NUMBER = re.compile(r"LS-[A-Z0-9]+-\d{5}")


def _text(pdf: bytes, tmp_path: Path) -> list[str]:
    """Each page's text as pdftotext reads it (what a reader's search finds)."""
    path = tmp_path / "sheets.pdf"
    path.write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def _template(tmp_path: Path, extra: str, *, drop_tables: bool = False) -> Path:
    text = (bundled_forms_dir() / "registration.yaml").read_text(encoding="utf-8")
    text = text.replace("code: registration", "code: our-registration")
    text = text.replace("temporary_numbers: true\n", "")
    if drop_tables:
        text = text[: text.index("tables:")] + text[text.index("checkboxes:") :]
    path = tmp_path / "ours.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_a_template_asking_for_numbers_without_a_table_or_not_saying_yes_or_no_is_refused(
    tmp_path: Path,
) -> None:
    with pytest.raises(TemplateInvalid, match=r"temporary_numbers: .*true or false"):
        read_template(_template(tmp_path, "temporary_numbers: often\n"))
    with pytest.raises(TemplateInvalid, match=r"temporary_numbers: .*needs a table"):
        read_template(_template(tmp_path, "temporary_numbers: true\n", drop_tables=True))


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("zh", "临时住院号"), ("en", "Temporary patient no.")],
)
def test_each_row_of_a_printed_sheet_carries_the_next_number_issued_with_the_sheet(
    console: Console, tmp_path: Path, lang: str, heading: str
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    numbers.set_ward(console, "ED", "急诊科", "Emergency")
    labels = numbers.issue(console, "ED", 3)  # a label sheet's numbers come first
    serials = forms.print_to_file(
        console,
        "registration",
        2,
        tmp_path / "out.pdf",
        incident=inc,
        lang=lang,
        department="ED",
    )
    pages = _text((tmp_path / "out.pdf").read_bytes(), tmp_path)
    listed = numbers.listing(console, incident=inc)
    on_sheets = [r for r in listed if r["sheet"] is not None]
    assert [r["number"] for r in numbers.listing(console)[:3]] == labels
    assert len(on_sheets) == 2 * ROWS
    # Consecutive after the labels' numbers, row by row, sheet by sheet, never twice.
    counter = int(labels[-1].rsplit("-", 1)[1])
    expected = [f"LS-{console.device_code}-{counter + n:05d}" for n in range(1, 2 * ROWS + 1)]
    assert [r["number"] for r in on_sheets] == expected
    for index, (page, serial) in enumerate(zip(pages, serials, strict=True)):
        mine = expected[index * ROWS : (index + 1) * ROWS]
        assert heading in page and serial in page
        assert NUMBER.findall(page) == mine
        assert {r["number"] for r in on_sheets if r["sheet"] == serial} == set(mine)
    assert {(r["ward"], r["incident"], r["status"]) for r in on_sheets} == {("ED", inc, "issued")}
    # The ward's label sheet holds only the numbers not already on paper.
    assert [r["number"] for r in numbers.unused(console, "ED")] == labels


def test_a_cancelled_print_records_nothing_and_its_numbers_are_never_used(
    console: Console,
) -> None:
    before = events(console)
    dropped = forms.prepare_pack(console, [("registration", 1)], lang="zh")  # not recorded
    assert events(console) == before and numbers.listing(console) == []
    kept = forms.prepare_pack(console, [("registration", 1)], lang="zh")
    forms.record_pack(console, kept)
    got = [r["number"] for r in numbers.listing(console)]
    assert dropped.numbers[0] and not set(dropped.numbers[0]) & set(got)
    assert got == list(kept.numbers[0])


def test_a_reprint_shows_the_same_numbers_and_a_new_print_takes_new_ones(
    console: Console, tmp_path: Path
) -> None:
    failing = ScriptedSpool("failed")
    pack = forms.prepare_pack(console, [("registration", 2)], lang="zh", department="急诊")
    job = printers.send(console, pack, "Ward5", spool=failing)
    printers.record_end(console, job, printers.follow(job, spool=failing), spool=failing)
    first = numbers.listing(console)

    pdf, mark = printers.reprint_pdf(console, job.serials)
    pages = _text(pdf, tmp_path)
    assert mark == 1 and all("重印" in page for page in pages)
    for page, serial in zip(pages, job.serials, strict=True):
        assert NUMBER.findall(page) == [r["number"] for r in first if r["sheet"] == serial]
    assert numbers.listing(console) == first  # a reprint issues nothing

    again = forms.prepare_pack(console, [("registration", 1)], lang="zh", department="急诊")
    forms.record_pack(console, again)
    new = [r for r in numbers.listing(console) if r["sheet"] == again.serials[0]]
    assert len(new) == ROWS and not {r["number"] for r in new} & {r["number"] for r in first}
    # A department that is no ward of the register: the numbers go with the sheet alone.
    assert {r["ward"] for r in new} == {""}


def test_numbers_on_sheets_rebuilt_from_the_log_equal_the_incremental_ones(
    console: Console,
) -> None:
    forms.record_pack(console, forms.prepare_pack(console, [("registration", 2)], lang="en"))
    with console.db.write() as session:
        incremental = projections.snapshot(session)
        eventlog.rebuild(session)
        rebuilt = projections.snapshot(session)
    assert incremental == rebuilt
    assert len([r for r in numbers.listing(console) if r["sheet"]]) == 2 * ROWS


def test_the_back_entry_report_names_the_sheet_a_used_number_was_on(
    console: Console, tmp_path: Path
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    numbers.set_ward(console, "ED", "急诊科", "Emergency")
    pack = forms.prepare_pack(console, [("registration", 1)], incident=inc, department="急诊科")
    forms.record_pack(console, pack)
    numbers.set_status(console, pack.numbers[0][4], "used")
    [page] = _text(forms.backentry_report_pdf(console, inc, "zh"), tmp_path)[-1:]
    lines = page.splitlines()
    at = next(i for i, line in enumerate(lines) if pack.numbers[0][4] in line)
    cell = " ".join(" ".join(lines[at : at + 2]).split())  # the cell wraps onto a 2nd line
    assert "急诊科 (ED) · 编号" in cell and pack.serials[0] in cell


def test_a_void_sheet_voids_its_numbers_but_not_one_given_to_a_patient(
    console: Console,
) -> None:
    failing = ScriptedSpool("failed")
    pack = forms.prepare_pack(console, [("registration", 2)], lang="zh")
    job = printers.send(console, pack, "Ward5", spool=failing)
    printers.record_end(console, job, printers.follow(job, spool=failing), spool=failing)
    printers.void(console, job.serials[:1])  # never came out: its numbers never will
    given = pack.numbers[1][0]
    numbers.set_status(console, given, "used")
    forms.set_status(console, job.serials[1], "void", reason="torn")
    states = {r["number"]: (r["status"], r["reason"]) for r in numbers.listing(console)}
    assert {states[n] for n in pack.numbers[0]} == {("void", "not printed")}
    assert states.pop(given) == ("used", "")
    assert {states[n] for n in pack.numbers[1][1:]} == {("void", "torn")}

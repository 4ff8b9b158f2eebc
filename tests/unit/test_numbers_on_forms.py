"""One number for one patient: the registration form takes its temporary patient numbers
from the issued ranges (LS-…); older sheets' own numbers (DT-…) stay readable and are
tracked with their sheet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli import main
from hisconsole.domain import numbers as rules
from hisconsole.printing.forms import read_template
from hisconsole.services import forms, incidents, numbers
from hisconsole.services.console import Console
from tests.sync.helpers import events


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(
    ("lang", "heading", "subtitle"),
    [
        ("zh", "临时住院号（LS-…）", "第一列已印好该患者的临时住院号（LS-…）"),
        ("en", "Temporarypatientno.(LS-…)", "thefirstcolumnisprintedwiththepatient's"),
    ],
)
def test_a_registration_sheet_carries_issued_ls_numbers_and_no_numbers_of_its_own(
    console: Console, lang: str, heading: str, subtitle: str
) -> None:
    pack = forms.prepare_pack(console, [("registration", 2)], lang=lang)
    pages = _pages(pack.pdf)
    assert len(pages) == 2
    for page, serial, carried in zip(pages, pack.serials, pack.numbers, strict=True):
        assert heading in page and subtitle in page
        assert serial in page  # the sheet is still tracked by its serial
        assert "DT-" not in page and all(number in page for number in carried)


def _old_sheets(console: Console, inc: str) -> list[str]:
    """Two registration sheets as version 2 printed them (with DT numbers), and one MAR."""
    first = forms.reserve_serials(console, 3)
    old = forms.record_issued(
        console,
        template="registration",
        template_version=2,
        first=first,
        count=2,
        incident=inc,
        lang="zh",
    )
    forms.record_issued(
        console,
        template="mar",
        template_version=1,
        first=first + 2,
        count=1,
        incident=inc,
        lang="zh",
    )
    return old


def test_the_back_entry_report_lists_the_numbers_of_older_registration_sheets(
    console: Console,
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    old = _old_sheets(console, inc)
    new = forms.record_pack(
        console, forms.prepare_pack(console, [("registration", 1)], incident=inc)
    )
    forms.set_status(console, old[0], "entered", his_ref="ZY-1")  # back-entered as before
    text = "".join(_pages(forms.backentry_report_pdf(console, inc)))
    assert "旧版登记表上的预印号码/Numberspre-printedonolderregistrationsheets" in text
    for serial in old:
        assert f"DT-{serial}-01…DT-{serial}-15" in text
    assert "已补录Entered" in text.split(f"DT-{old[0]}-15")[1][:30]
    assert f"DT-{new[0]}" not in text  # a version-3+ sheet carries no DT numbers


def test_a_number_from_an_older_sheet_names_its_sheet_and_changes_nothing(
    console: Console,
) -> None:
    numbers.set_ward(console, "W3A", "心内科一病区", "Cardiology ward 1")
    issued = numbers.issue(console, "W3A", 1)
    before = events(console)
    with pytest.raises(rules.OldSheetNumber) as caught:
        numbers.set_status(console, f"{issued[0]} dt-k7qf-000120-07", "used")
    said = str(caught.value)
    assert "DT-K7QF-000120-07 was pre-printed on registration sheet K7QF-000120 (row 7)" in said
    assert "hisconsole forms backenter K7QF-000120" in said
    assert events(console) == before and numbers.counts(console)["used"] == 0
    assert rules.old_sheet_number("DT-K7QF-000120-07") == ("K7QF-000120", 7)
    assert rules.old_sheet_number("LS-K7QF-00042") is None


def test_numbers_use_of_an_older_sheets_number_says_so_in_chinese(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ready_data_dir: Path,
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code = main(["--data-dir", str(ready_data_dir), "numbers", "use", "DT-K7QF-000120-07"])
    err = capsys.readouterr().err
    assert code != 0
    assert "K7QF-000120" in err and "第 7 行" in err and "hisconsole forms backenter" in err


def test_a_hospital_template_with_the_old_numbered_field_still_loads(tmp_path: Path) -> None:
    from hisconsole.printing.forms import bundled_forms_dir

    text = (bundled_forms_dir() / "registration.yaml").read_text(encoding="utf-8")
    text = text.replace("code: registration", "code: our-registration")
    text += "numbered_field:\n  prefix: DT-\n  table: 0\n  column: 0\n"
    (tmp_path / "ours.yaml").write_text(text, encoding="utf-8")
    template = read_template(tmp_path / "ours.yaml")
    assert template.code == "our-registration" and template.tables[0].rows == 15

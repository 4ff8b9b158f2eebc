"""Issued serials are tracked until entered back into the HIS; bad input changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hisconsole.domain.serials import SerialError
from hisconsole.services import forms, incidents
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.maintenance import check


def issue(console: Console, template: str, count: int, incident: str | None) -> list[str]:
    first = forms.reserve_serials(console, count)
    return forms.record_issued(
        console,
        template=template,
        template_version=1,
        first=first,
        count=count,
        incident=incident,
        lang="zh",
    )


def test_issue_scan_back_void_and_see_exactly_what_is_outstanding(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    mar = issue(console, "mar", 50, inc)
    lab = issue(console, "lab-request", 20, inc)
    assert len(set(mar + lab)) == 70
    prefix = console.device_code
    assert mar[0] == f"{prefix}-000001" and lab[-1] == f"{prefix}-000070"

    forms.set_status(console, f"{mar[0]}..{mar[44]}", "entered", his_ref="HIS batch 7")
    for serial in lab[:15]:  # one scan at a time
        forms.set_status(console, serial, "entered")
    forms.set_status(console, " ".join(lab[17:]), "entered")
    forms.set_status(console, f"{lab[15]},{lab[16]}", "void", reason="spoiled")
    left = {s["serial"] for s in forms.outstanding(console, inc)}
    assert left == set(mar[45:50])
    forms.set_status(console, f"{mar[45]}..{mar[46]}", "entered")
    left = [s["serial"] for s in forms.outstanding(console, inc)]
    assert left == mar[47:50]
    assert forms.counts(console, inc) == {"entered": 65, "void": 2, "issued": 3}
    assert check(console).ok


def test_unknown_or_illegal_serials_change_nothing(console: Console) -> None:
    sheets = issue(console, "mar", 3, None)
    forms.set_status(console, sheets[0], "void", reason="torn")
    with pytest.raises(ServiceError, match="never issued"):
        forms.set_status(console, f"{sheets[1]} ZZZZ-000999", "entered")
    with pytest.raises(ServiceError, match=r"\(void\)") as refused:
        forms.set_status(console, f"{sheets[0]}..{sheets[2]}", "entered")
    assert refused.value.code == "forms.status-refused"
    assert refused.value.params["sheets"] == [(sheets[0], "void")]
    with pytest.raises(SerialError, match="not a form serial"):
        forms.set_status(console, "hello", "entered")
    assert {s["serial"] for s in forms.outstanding(console)} == set(sheets[1:])


def test_entering_twice_is_harmless(console: Console) -> None:
    (sheet,) = issue(console, "orders", 1, None)
    assert forms.set_status(console, sheet, "entered").changed == [sheet]
    again = forms.set_status(console, sheet, "entered")
    assert again.changed == [] and again.already == [sheet]


def test_a_cancelled_print_records_nothing_and_never_reuses_numbers(console: Console) -> None:
    forms.reserve_serials(console, 10)  # printing cancelled: reservation only
    assert forms.sheets(console) == []
    sheets = issue(console, "mar", 2, None)
    assert sheets[0].endswith("-000011")


def test_concurrent_reservations_on_one_laptop_never_overlap(ready_data_dir: Path) -> None:
    results: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        console = Console.open(ready_data_dir)
        try:
            for _ in range(10):
                results.append(forms.reserve_serials(console, 5))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            console.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = [n for first in results for n in range(first, first + 5)]
    assert len(numbers) == len(set(numbers)) == 200


def test_two_laptops_number_their_sheets_apart(ready_data_dir: Path, tmp_path: Path) -> None:
    import shutil

    from hisconsole.services.console import new_identity

    other_dir = tmp_path / "laptop-b"
    shutil.copytree(ready_data_dir, other_dir)
    new_identity(other_dir, replace=True)  # a different laptop has its own key
    a = Console.open(ready_data_dir)
    b = Console.open(other_dir)
    assert a.device_code != b.device_code
    sa = issue(a, "mar", 5, None)
    sb = issue(b, "mar", 5, None)
    assert not set(sa) & set(sb)
    a.close()
    b.close()


def test_sheets_of_the_old_combined_order_sheet_still_back_enter(console: Console) -> None:
    """A data dir from before the split: its ``orders`` (version 1, the combined sheet) and
    a form the hospital has since removed still back-enter and show in the report."""
    import io

    from pypdf import PdfReader

    old = forms.record_issued(
        console, template="orders", template_version=1, first=1, count=2, incident=None, lang="zh"
    )
    gone = forms.record_issued(
        console,
        template="ward-handover",
        template_version=3,
        first=3,
        count=1,
        incident=None,
        lang="zh",
    )
    result = forms.set_status(console, f"{old[0]} {old[1]} {gone[0]}", "entered")
    assert result.changed == [*old, *gone]
    rows = {s["serial"]: s for s in forms.sheets(console)}
    assert (rows[old[0]]["template"], rows[old[0]]["template_version"]) == ("orders", 1)
    pdf = forms.backentry_report_pdf(console, None)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert old[0] in text and gone[0] in text and "ward-handover" in text

"""Temporary patient numbers: issued to wards in ranges, used or voided; bad input changes
nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hisconsole.domain import numbers as rules
from hisconsole.services import incidents, numbers
from hisconsole.services.console import Console
from hisconsole.services.maintenance import check
from tests.sync.helpers import events


@pytest.fixture
def ward(console: Console) -> str:
    numbers.set_ward(console, "W3A", "心内科一病区", "Cardiology ward 1")
    return "W3A"


def test_a_range_goes_to_a_ward_and_each_number_is_used_or_voided(
    console: Console, ward: str
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    issued = numbers.issue(console, ward, 5, incident=inc)
    code = console.device_code
    assert issued == [f"LS-{code}-{n:05d}" for n in range(1, 6)]
    assert numbers.issue(console, ward, 2) == [f"LS-{code}-00006", f"LS-{code}-00007"]

    result = numbers.set_status(console, issued[0].lower(), "used")  # as scanned or typed
    assert result.changed == [issued[0]]
    assert numbers.set_status(console, issued[0], "used").already == [issued[0]]
    numbers.set_status(console, f"{issued[1]}, {issued[2]}", "void", reason="wristband spoiled")
    rows = {r["number"]: r for r in numbers.listing(console)}
    assert [rows[n]["status"] for n in issued] == ["used", "void", "void", "issued", "issued"]
    assert rows[issued[1]]["reason"] == "wristband spoiled"
    assert rows[issued[0]]["ward_name"] == {"zh": "心内科一病区", "en": "Cardiology ward 1"}
    assert rows[issued[0]]["incident"] == inc and rows[f"LS-{code}-00006"]["incident"] is None
    assert [r["number"] for r in numbers.to_merge(console)] == [issued[0]]
    assert numbers.counts(console, inc) == {"issued": 2, "used": 1, "void": 2}
    assert check(console).ok


def test_an_unknown_ward_is_refused_and_nothing_is_recorded(console: Console, ward: str) -> None:
    before = events(console)
    with pytest.raises(numbers.WardUnknown, match=r"No ward 'W9'; the wards are W3A"):
        numbers.issue(console, "W9", 5)
    numbers.remove_ward(console, ward)
    after_removal = events(console)
    with pytest.raises(numbers.WardUnknown, match="the wards are none"):
        numbers.issue(console, ward, 5)
    assert len(after_removal) == len(before) + 1 and events(console) == after_removal
    assert numbers.listing(console) == []


@pytest.mark.parametrize("count", [0, -3, rules.MAX_RANGE + 1, 10**9])
def test_a_count_of_none_or_too_many_is_refused(console: Console, ward: str, count: int) -> None:
    before = events(console)
    with pytest.raises(numbers.CountInvalid, match=f"from 1 to {rules.MAX_RANGE}"):
        numbers.issue(console, ward, count)
    assert events(console) == before
    # The refusal left no gap: the next range starts at 1.
    assert numbers.issue(console, ward, 1) == [f"LS-{console.device_code}-00001"]


def test_a_voided_number_can_never_be_used(console: Console, ward: str) -> None:
    first, second = numbers.issue(console, ward, 2)
    numbers.set_status(console, first, "void", reason="lost")
    before = events(console)
    with pytest.raises(numbers.NumberVoided, match=rf"{first} is void \(lost\)"):
        numbers.set_status(console, f"{second} {first}", "used")
    assert events(console) == before  # not even the good one
    with pytest.raises(numbers.ReasonRequired):
        numbers.set_status(console, second, "void", reason="  ")
    with pytest.raises(numbers.NumbersNeverIssued, match="LS-ZZZZ-00001"):
        numbers.set_status(console, f"{second} LS-ZZZZ-00001", "used")
    with pytest.raises(rules.NumberInvalid, match="is not a temporary patient number"):
        numbers.set_status(console, "K7QF-000120", "used")  # a form serial
    assert events(console) == before
    # A used number may still be voided (written on the wrong patient), with a reason.
    numbers.set_status(console, second, "used")
    numbers.set_status(console, second, "void", reason="wrong patient")
    assert numbers.to_merge(console) == []


def test_ward_codes_and_names_are_checked(console: Console) -> None:
    with pytest.raises(rules.WardCodeInvalid):
        numbers.set_ward(console, "3 A", "三病区", "Ward 3")
    with pytest.raises(numbers.WardNameMissing):
        numbers.set_ward(console, "W3", "三病区", " ")
    numbers.set_ward(console, "W3", "三病区", "Ward 3")
    numbers.set_ward(console, "W3", "三病区（心内）", "Ward 3 (cardiology)")
    name = {"zh": "三病区（心内）", "en": "Ward 3 (cardiology)"}
    assert numbers.wards(console) == [{"code": "W3", "name": name, "active": True}]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_number_exactly_when_it_reads_back_the_same(text: str) -> None:
    try:
        prefix, counter = rules.parse(text)
    except rules.NumberInvalid as exc:
        assert exc.code == "numbers.number-invalid"
        return
    assert rules.parse(rules.number(prefix, counter)) == (prefix, counter)
    assert text.strip().upper().startswith("LS-")


def _text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_back_entry_report_lists_the_numbers_to_merge(console: Console, ward: str) -> None:
    from hisconsole.services import forms

    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    used, unused, spoiled = numbers.issue(console, ward, 3, incident=inc)
    other = numbers.issue(console, ward, 1)[0]  # another incident's (none): not in this report
    numbers.set_status(console, f"{used} {other}", "used")
    numbers.set_status(console, spoiled, "void", reason="torn")
    text = _text(forms.backentry_report_pdf(console, inc))
    assert "待合并的临时住院号" in text and "Temporary patient numbers to merge" in text
    assert used in text and other not in text and unused not in text
    assert "3 issued: 1 used, 1 unused, 1 void" in " ".join(text.split())
    assert "心内科一病区" in text


def test_the_kit_carries_a_wards_labels_on_request(console: Console, ward: str) -> None:
    from hisconsole.services import kit

    with pytest.raises(numbers.NoNumbersToPrint, match="Ward W3A has no unused"):
        kit.downtime_kit(console, scenario="his-down", numbers_for=[ward])
    issued = numbers.issue(console, ward, 22)
    numbers.set_status(console, issued[0], "used")
    result = kit.downtime_kit(console, scenario="his-down", numbers_for=[ward])
    text = _text(result.pdf)
    # The used number is no longer the ward's to hand out: only the 21 unused.
    assert issued[1] in text and issued[-1] in text and issued[0] not in text
    assert "W3A 的临时住院号标签 21 个" in text
    without = _text(kit.downtime_kit(console, scenario="his-down").pdf)
    assert issued[1] not in without

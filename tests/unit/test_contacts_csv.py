"""Contacts as CSV: the bytes Excel gets, and what comes back from Excel, WPS and others."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.domain.contacts import Contact, Email, Phone, plan_import
from hisconsole.domain.contacts_csv import COLUMNS, export_csv, neutralise, parse_csv, restore

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "contacts.yaml"


@pytest.fixture(scope="module")
def demo() -> list[Contact]:
    doc = yaml.safe_load(DEMO.read_text("utf-8"))
    return [Contact.from_dict(c) for c in doc["contacts"]]


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_export_is_excel_friendly_utf8_with_bom_and_crlf(demo: list[Contact]) -> None:
    data = export_csv(demo)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == len(demo) + 1 and b"\n" not in data.replace(b"\r\n", b"")
    rows = _rows(data)
    assert rows[0] == list(COLUMNS)
    assert {"extension", "short", "department_zh", "email_work"} <= set(COLUMNS)
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["name_zh"] == "王建国" and first["name_en"] == "Wang Jianguo"
    assert (first["mobile"], first["office"], first["home"]) == (
        "139 1000 2001",
        "010 6512 3001",
        "010 8427 5516",
    )
    assert first["phone_order"] == ""  # mobile first: the default order


def test_formulas_are_neutralised_but_numbers_stay_usable() -> None:
    evil = Contact(
        key="x1",
        name={"zh": "测试", "en": '=HYPERLINK("http://x","y")'},
        group="external",
        position={"en": "+SUM(A1:A2)"},
        phones=[Phone("mobile", "+44 20 7946 0958"), Phone("office", "139 1000 2001")],
        emails=[Email("other", "@evil")],
        notes={"en": "-2+3", "zh": "\tcmd"},
    )
    data = export_csv([evil])
    row = dict(zip(COLUMNS, _rows(data)[1], strict=True))
    assert row["name_en"] == '\'=HYPERLINK("http://x","y")'
    assert row["position_en"] == "'+SUM(A1:A2)"
    assert row["email"] == "'@evil"
    assert row["notes_en"] == "'-2+3" and row["notes_zh"] == "'\tcmd"
    assert row["mobile"] == "'+44 20 7946 0958"  # a foreign number, not a formula
    assert row["office"] == "139 1000 2001"  # national format: no quote needed
    assert row["phone_order"] == ""
    back = parse_csv(data).contacts[0]
    evil.notes["zh"] = "cmd"  # imported text is trimmed of surrounding white space
    assert back.to_dict() == evil.to_dict()


@given(st.text(max_size=12))
def test_neutralise_then_restore_gives_back_any_text(text: str) -> None:
    safe = neutralise(text)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(safe) == text


def test_export_then_import_gives_the_same_contacts(demo: list[Contact]) -> None:
    people = [Contact.from_dict(c.to_dict()) for c in demo]
    # Preference order other than the default survives through phone_order.
    people[1].phones.reverse()
    people[2].phones.insert(1, Phone("mobile", "135 9999 0000"))
    people[3].phones.append(Phone("pager", "8001", needs_review=True, review_reason="x"))
    data = export_csv(people)
    result = parse_csv(data)
    assert result.encoding == "utf-8"
    assert [str(p) for p in result.problems] == [
        "row 5: pager '8001': kept as written, not a valid number for CN: too short"
    ]
    back = result.contacts
    assert [c.origin for c in back[:2]] == ["row 2", "row 3"]
    # Flagged again on the way back in, why kept as a code and its facts (not the text).
    flagged = back[3].phones[-1]
    assert (flagged.number, flagged.needs_review, flagged.review_facts) == (
        "8001",
        True,
        {"code": "too-short", "type": "pager", "region": "CN"},
    )
    people[3].phones[-1] = flagged
    assert [c.to_dict() for c in back] == [c.to_dict() for c in people]
    row = dict(zip(COLUMNS, _rows(data)[2], strict=True))
    assert row["phone_order"] == "office,mobile"
    assert dict(zip(COLUMNS, _rows(data)[3], strict=True))["mobile"] == (
        "135 0110 6783; 135 9999 0000"
    )
    assert plan_import(people, back).summary() == "0 to add, 0 to change, 40 skipped, 1 warning(s)"


WPS_SHEET = (
    "姓名,手机,办公电话,分组,单位,职务,备注,微信\r\n"
    "王建国,13910002001,010-65123001,应急指挥部,本院,副院长,夜间先打手机,wjg001\r\n"
    "Li Gang,180 1013 4457；180 1013 4458,400 655 8120,厂商,"
    "Example Power Systems,UPS engineer,On site within 4 hours,\r\n"
    "新同事,分机8001,,技术支持组,信息科,,,\r\n"
    ",,,,,,,\r\n"
    "无名氏,,,后勤,,,,\r\n"
)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-8-sig", "utf-16"])
def test_chinese_headers_and_encodings_from_excel_and_wps(encoding: str) -> None:
    result = parse_csv(WPS_SHEET.encode(encoding))
    people = result.contacts
    assert len(people) == 4  # the blank row is skipped
    wang, li, new, nameless = people
    assert wang.name == {"zh": "王建国"} and wang.group == "hq"
    assert [(p.type, p.number) for p in wang.phones] == [
        ("mobile", "139 1000 2001"),
        ("office", "010 6512 3001"),
    ]
    assert wang.organisation == {"zh": "本院"} and wang.position == {"zh": "副院长"}
    # An unknown column is listed as unmapped, never silently put in the notes.
    assert wang.notes == {"zh": "夜间先打手机"}
    assert result.plan is not None and result.plan.unmapped == ["微信"]
    assert li.name == {"en": "Li Gang"} and li.group == "vendor"
    assert [p.number for p in li.phones] == ["180 1013 4457", "180 1013 4458", "400 655 8120"]
    assert li.position == {"en": "UPS engineer"}
    # 分机8001 is an extension, a phone type of its own, whatever column it is in.
    assert (new.phones[0].type, new.phones[0].number) == ("extension", "8001")
    assert not new.phones[0].needs_review
    assert nameless.group == "后勤"
    problems = [str(p) for p in result.problems]
    assert "row 6: group '后勤' is not one of hq, tech, business, vendor, external" in problems


def test_an_invalid_group_is_skipped_in_the_preview_with_its_reason() -> None:
    result = parse_csv(WPS_SHEET.encode("gb18030"))
    preview = plan_import([], result.contacts, new_key=iter(["a", "b", "c", "d"]).__next__)
    assert [a.kind for a in preview.actions] == ["add", "add", "add", "skip"]
    skipped = preview.actions[3]
    assert skipped.origin == "row 6" and "group" in skipped.reason
    assert not preview.warnings


def test_generic_phone_column_and_excel_quote_prefixes() -> None:
    text = "name,phone,tel\r\nZhang San,'13700001111,'+86 10 6512 3001\r\n"
    person = parse_csv(text.encode("utf-8")).contacts[0]
    assert [(p.type, p.number) for p in person.phones] == [
        ("mobile", "137 0000 1111"),
        ("office", "010 6512 3001"),
    ]


def test_a_file_without_a_header_is_refused_with_a_reason() -> None:
    result = parse_csv("王建国,13910002001\r\n".encode())
    assert result.contacts == []
    assert "row 1" in str(result.problems[-1]) and "姓名" in str(result.problems[-1])


def test_semicolon_and_tab_separated_files() -> None:
    for sep in (";", "\t"):
        text = sep.join(["name_zh", "mobile", "group"]) + "\n"
        text += sep.join(["王建国", "139 1000 2001", "hq"]) + "\n"
        person = parse_csv(text.encode("utf-8")).contacts[0]
        assert person.name == {"zh": "王建国"} and person.phones[0].number == "139 1000 2001"

"""Contact tables from where hospitals keep them: Outlook, Google, 企业微信, 钉钉, Excel."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from hisconsole.cli import main
from hisconsole.domain.contact_table import header_key, plan_columns, read_table
from hisconsole.domain.contacts import Contact, Email, Phone
from hisconsole.domain.contacts_csv import export_csv, parse_csv
from hisconsole.domain.contacts_xlsx import export_xlsx, parse_xlsx
from hisconsole.services import contacts
from hisconsole.services.console import Console

FIXTURES = Path(__file__).parent.parent / "fixtures" / "contacts"


def read(name: str) -> tuple[list[Contact], list[str], object]:
    data = (FIXTURES / name).read_bytes()
    result = parse_xlsx(data) if name.endswith(".xlsx") else parse_csv(data)
    return result.contacts, [str(p) for p in result.problems], result


def dialable(person: Contact) -> list[tuple[str, str]]:
    assert not any(p.needs_review for p in person.phones), person.phones
    return [(p.type, p.number) for p in person.phones]


def test_outlook_csv_numbers_and_e_mails_arrive_in_dialable_fields() -> None:
    people, problems, result = read("outlook.csv")
    assert result.plan.layout == "outlook"  # type: ignore[attr-defined]
    wang, chen, li = people
    assert wang.name == {"en": "Jianguo Wang"} and wang.name_parts == {"en": ("Wang", "Jianguo")}
    assert dialable(wang) == [
        ("mobile", "139 1000 2001"),
        ("office", "010 6512 3001"),  # Business Phone
        ("office", "010 6512 3002"),  # Business Phone 2
        ("home", "010 8427 5516"),
    ]
    assert wang.emails == [
        Email("work", "wang.jianguo@example-hospital.cn"),
        Email("other", "jianguo.wang@example.net"),
    ]
    assert wang.organisation == {"en": "Example City Hospital"}
    assert wang.department == {"en": "Information Centre"} and wang.group == "tech"
    assert wang.notes == {"en": "Night: mobile first"}
    assert dialable(chen) == [("mobile", "138 0013 8000"), ("office", "010 6512 3101")]
    assert chen.group == "business"  # Categories in English
    assert li.name == {"en": "Li Gang"} and li.group == "vendor"
    # The Action=delete row is not an add.
    assert all(p.name != {"en": "Old Entry"} for p in people)
    assert any(p.startswith("row 4: Action=delete: a deletion, not imported") for p in problems)
    assert result.plan.unmapped == []  # type: ignore[attr-defined]
    assert ("Business Fax", "fax") in result.plan.not_kept  # type: ignore[attr-defined]
    assert ("Business Street", "address") in result.plan.not_kept  # type: ignore[attr-defined]


def test_google_csv_typed_phones_several_values_and_organisation() -> None:
    people, _problems, result = read("google.csv")
    assert result.plan.layout == "google"  # type: ignore[attr-defined]
    sun, zhou = people
    assert sun.name == {"zh": "孙立新"} and sun.name_parts == {"zh": ("孙", "立新")}
    assert dialable(sun) == [
        ("mobile", "186 0107 2318"),
        ("mobile", "186 0107 2319"),  # "… ::: …" is two numbers
        ("office", "010 6512 3100"),
    ]
    assert sun.emails == [
        Email("work", "sun.lixin@example-hospital.cn"),
        Email("home", "sunlx@example.net"),
    ]
    assert (sun.organisation, sun.position, sun.department) == (
        {"zh": "本院"},
        {"zh": "信息科科长"},
        {"zh": "信息科"},
    )
    assert sun.group == "tech" and sun.notes == {"zh": "负责向上级报告"}
    assert dialable(zhou) == [
        ("mobile", "135 0113 5000"),
        ("office", "010 6512 3000 ext. 8001"),  # switchboard and extension
        ("home", "0555 555 1111"),
    ]
    assert result.plan.unmapped == []  # type: ignore[attr-defined]
    not_kept = result.plan.not_kept + result.not_kept  # type: ignore[attr-defined]
    assert ("Phone 3 - Value", "fax") in not_kept and ("Birthday", "birthday") in not_kept
    assert ("Website 1 - Value", "web address") in not_kept


def test_wecom_export_with_a_title_row_above_the_headers() -> None:
    people, _problems, result = read("wecom.xlsx")
    assert result.plan.layout == "wecom"  # type: ignore[attr-defined]
    wang, li = people
    assert wang.name == {"zh": "王建国"} and wang.department == {"zh": "院领导"}
    assert dialable(wang) == [("mobile", "139 1000 2001"), ("office", "010 6512 3001")]
    assert [e.address for e in wang.emails] == [
        "wang.jianguo@example-hospital.cn",
        "wjg@example.net",
    ]
    assert dialable(li) == [("mobile", "138 0013 8001"), ("office", "010 6512 3000 ext. 8002")]
    assert ("地址", "address") in result.plan.not_kept  # type: ignore[attr-defined]


def test_dingtalk_export_with_extensions() -> None:
    people, _problems, result = read("dingtalk.xlsx")
    assert result.plan.layout == "dingtalk"  # type: ignore[attr-defined]
    zhang, chen = people
    assert dialable(zhang) == [("mobile", "139 1000 2003"), ("extension", "8003")]
    assert zhang.emails == [Email("work", "zhang.wei@example-hospital.cn")]
    assert zhang.position == {"zh": "网络工程师"} and zhang.department == {"zh": "信息科"}
    assert dialable(chen) == [("mobile", "139 1000 2004"), ("office", "010 6512 3004")]
    assert ("员工UserID", "employee number") in result.plan.not_kept  # type: ignore[attr-defined]


def test_a_hospital_excel_list_with_chinese_headers_and_short_numbers() -> None:
    people, _problems, result = read("hospital-list.xlsx")
    assert result.plan.layout == "columns"  # type: ignore[attr-defined]
    liu, anna = people
    assert dialable(liu) == [
        ("mobile", "139 1000 2005"),
        ("office", "010 6512 3005"),
        ("extension", "8005"),
        ("short", "61005"),
    ]
    assert liu.department == {"zh": "药剂科"} and liu.notes == {"zh": "夜间先打短号"}
    assert dialable(anna) == [("mobile", "+49 30 901820"), ("short", "61006")]


def test_an_unknown_column_is_listed_never_put_in_the_notes_until_mapped() -> None:
    text = "姓名,手机,微信,备注\r\n王建国,13910002001,wjg001,夜间先打手机\r\n"
    result = parse_csv(text.encode())
    assert result.plan is not None and result.plan.unmapped == ["微信"]
    assert result.contacts[0].notes == {"zh": "夜间先打手机"}
    shown = {c.header: c.target for c in result.plan.columns}
    assert shown == {"姓名": "name", "手机": "mobile", "微信": None, "备注": "notes"}
    mapped = parse_csv(text.encode(), mapping={"微信": "notes"})
    assert mapped.contacts[0].notes == {"zh": "夜间先打手机", "en": "wjg001"}
    assert mapped.plan is not None and mapped.plan.unmapped == []
    ignored = parse_csv(text.encode(), mapping={"微信": "ignore"})
    assert ignored.plan is not None and ignored.plan.unmapped == []
    assert "not a column target" in str(parse_csv(text.encode(), mapping={"微信": "x"}).problems)


def test_the_header_set_key_ignores_order_case_and_spacing() -> None:
    assert header_key(["姓名", "Mobile", "微信"]) == header_key(["微信", "mobile ", "姓名"])
    assert header_key(["姓名", "微信"]) != header_key(["姓名", "QQ"])
    assert plan_columns(["E-mail 1 - Value", "Phone 1 - Value"]).layout == "google"


PEOPLE = [
    Contact(
        key="k1",
        name={"zh": "刘洋", "en": "Liu Yang"},
        group="tech",
        organisation={"zh": "本院"},
        department={"zh": "药剂科", "en": "Pharmacy"},
        phones=[
            Phone("short", "61005"),
            Phone("mobile", "139 1000 2005"),
            Phone("extension", "010 6512 3000 ext. 8005"),
        ],
        emails=[Email("work", "liu.yang@example-hospital.cn"), Email("home", "ly@example.net")],
    ),
    Contact(
        key="k2",
        name={"en": '=HYPERLINK("http://x","y")'},
        group="external",
        phones=[Phone("office", "010 6512 3001")],
    ),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_then_import_keeps_every_number_e_mail_and_department(kind: str) -> None:
    back = parse_csv(export_csv(PEOPLE)) if kind == "csv" else parse_xlsx(export_xlsx(PEOPLE))
    assert back.plan is not None and back.plan.layout == "hisconsole"
    assert [c.to_dict() for c in back.contacts] == [c.to_dict() for c in PEOPLE]


def test_xlsx_export_stores_every_cell_as_text() -> None:
    book = load_workbook(io.BytesIO(export_xlsx(PEOPLE)))
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[3], strict=True)}
    assert row["name_en"].value == '=HYPERLINK("http://x","y")'
    assert row["name_en"].data_type == "s"  # text, not a formula
    assert row["office"].value == "010 6512 3001" and row["office"].data_type == "s"


def test_a_chosen_mapping_is_remembered_for_the_same_header_set(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("姓名,手机,微信\r\n新同事,13700001111,xtc001\r\n".encode())
    first = contacts.preview_import(console, path)
    assert first.source.unmapped == ["微信"] and first.source.layout == "columns"
    base = ["--data-dir", str(console.data_dir), "--json", "contacts", "import"]
    assert main([*base, str(path), "--map", "微信=notes"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["unmapped"] == [] and {"column": "微信", "target": "notes"} in shown["columns"]
    stored = [p["data"] for p in contacts.list_contacts(console)]
    assert any(d.get("notes") == {"en": "xtc001"} for d in stored)
    path.write_bytes("微信,手机,姓名\r\nxyz002,13700002222,又一位\r\n".encode())
    again = contacts.preview_import(console, path)
    assert again.source.remembered and again.source.unmapped == []
    assert again.adds[0].contact.notes == {"en": "xyz002"}
    assert main([*base, str(path), "--map", "微信=whatever"]) != 0
    assert "whatever" in capsys.readouterr().err


HEADER = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=8)
VALUE = st.text(alphabet="abcxyz微信号码", min_size=3, max_size=8)


@given(st.lists(HEADER, min_size=1, max_size=4, unique_by=lambda h: h.strip().casefold()), VALUE)
def test_an_unmapped_column_s_value_never_lands_in_a_contact(extra: list[str], secret: str) -> None:
    headers = ["姓名", "手机", *extra]
    rows = [headers, ["王建国", "13910002001", *[f"{secret}{i}" for i in range(len(extra))]]]
    result = read_table(rows)
    assert result.plan is not None
    unmapped = set(result.plan.unmapped)
    for contact in result.contacts:
        kept = repr(contact.to_dict())
        for index, header in enumerate(extra):
            if header.strip() in unmapped:
                assert f"{secret}{index}" not in kept

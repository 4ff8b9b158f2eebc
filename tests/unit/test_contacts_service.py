"""Contacts through the services and the command line: import preview, export, call tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli import main
from hisconsole.services import contacts
from hisconsole.services.console import Console, ServiceError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "contacts"


def test_a_phone_vcard_imports_without_losing_names_or_numbers(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    vcf = FIXTURES / "iphone-3.0.vcf"
    before = contacts.list_contacts(console)
    preview = contacts.preview_import(console, vcf)
    assert contacts.list_contacts(console) == before  # a preview writes nothing
    code = main(["--data-dir", str(console.data_dir), "--json", "contacts", "import", str(vcf)])
    assert code == 0 and json.loads(capsys.readouterr().out)["written"] is True
    stored = [p["data"] for p in contacts.list_contacts(console)]
    numbers = {phone["number"] for data in stored for phone in data.get("phones", [])}
    names = {data["name"].get("zh") or data["name"].get("en") for data in stored}
    for action in preview.adds + preview.changes:
        assert (action.contact.name.get("zh") or action.contact.name.get("en")) in names
        for phone in action.contact.phones:
            assert phone.number in numbers


def test_formula_injection_is_neutralised_on_export(console: Console, tmp_path: Path) -> None:
    key = contacts.save_contact(
        console,
        {
            "name": {"zh": "", "en": '=HYPERLINK("http://evil.example","click")'},
            "group": "external",
            "phones": [{"type": "mobile", "number": "139 1000 9999"}],
        },
    )
    out = tmp_path / "c.csv"
    contacts.export_file(console, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text
    again = contacts.preview_import(console, out)
    assert all(a.kind == "skip" for a in again.actions), [
        a.reason for a in again.actions if a.kind != "skip"
    ]
    assert key in {p["key"] for p in contacts.list_contacts(console)}


def test_an_invalid_number_typed_by_hand_is_refused(console: Console) -> None:
    with pytest.raises(ServiceError, match="not a valid phone number"):
        contacts.save_contact(
            console,
            {
                "name": {"zh": "测试", "en": ""},
                "group": "tech",
                "phones": [{"type": "mobile", "number": "139 1000"}],
            },
        )


def test_the_full_activation_tree_prints_on_one_a4_page(console: Console, tmp_path: Path) -> None:
    pdf = contacts.call_tree_pdf(console, tree="level-1-2")
    reader = PdfReader(__import__("io").BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    people = contacts.contacts_by_key(console)
    tree = next(t for t in contacts.call_trees(console) if t["code"] == "level-1-2")
    first = tree["nodes"][0]["contact"]
    assert people[first]["name"]["zh"] in text


def test_call_trees_must_name_known_contacts(console: Console) -> None:
    with pytest.raises(ServiceError, match="unknown contacts: ghost"):
        contacts.save_call_tree(
            console,
            {
                "code": "x",
                "name": {"zh": "测试", "en": "Test"},
                "wait_minutes": 5,
                "nodes": [{"contact": "ghost"}],
            },
        )


def test_wrong_file_types_are_refused(console: Console, tmp_path: Path) -> None:
    bad = tmp_path / "people.docx"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(ServiceError, match=r"\.csv, \.xlsx or \.vcf"):
        contacts.preview_import(console, bad)
    broken = tmp_path / "people.xlsx"
    broken.write_bytes(b"PK\x03\x04")
    with pytest.raises(ServiceError, match=r"not an Excel \.xlsx workbook"):
        contacts.preview_import(console, broken)
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"\x00\x01garbage")
    with pytest.raises(ServiceError):
        contacts.preview_import(console, empty)


def test_the_default_phone_region_is_a_setting(console: Console) -> None:
    hong_kong = {
        "name": {"zh": "陈大文", "en": "Chan Tai Man"},
        "group": "vendor",
        "phones": [{"type": "mobile", "number": "9123 4567"}],
    }
    assert contacts.region(console) == "CN"
    with pytest.raises(ServiceError, match="not a valid phone number"):
        contacts.save_contact(console, hong_kong)  # eight digits are no CN mobile
    contacts.set_region(console, "hk")
    assert contacts.region(console) == "HK"
    key = contacts.save_contact(console, hong_kong)
    assert key in {p["key"] for p in contacts.list_contacts(console)}
    with pytest.raises(ServiceError, match="not a region"):
        contacts.set_region(console, "XX")

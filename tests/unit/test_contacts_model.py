"""Contacts: hand-entry validation, duplicate matching and the import preview."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from hisconsole.domain.contacts import (
    Contact,
    Email,
    Phone,
    match,
    normalised,
    plan_import,
    validate_contact,
)

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "contacts.yaml"


@pytest.fixture(scope="module")
def demo() -> list[Contact]:
    doc = yaml.safe_load(DEMO.read_text("utf-8"))
    return [Contact.from_dict(c) for c in doc["contacts"]]


def _new_keys() -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"new-{next(counter)}"


def test_every_demo_contact_is_valid_and_round_trips(demo: list[Contact]) -> None:
    doc = yaml.safe_load(DEMO.read_text("utf-8"))
    for raw, contact in zip(doc["contacts"], demo, strict=True):
        assert validate_contact(contact) == []
        assert validate_contact(raw) == []
        assert contact.to_dict() == raw


def test_hand_entry_problems_name_the_field() -> None:
    problems = validate_contact(
        {
            "name": {"zh": " ", "en": ""},
            "group": "doctors",
            "plan_role": "boss",
            "phones": [
                {"type": "mobile", "number": "139 1000"},
                {"type": "fax", "number": "010 6512 3001"},
                {"type": "office", "number": "(010) 6512-3001"},
            ],
            "email": "not-an-address",
        }
    )
    by_field = {p.location: p.message for p in problems}
    assert "name" in by_field and "required" in by_field["name"]
    assert "hq, tech, business, vendor, external" in by_field["group"]
    assert "plan_role" in by_field
    assert by_field["phones[0].number"] == (
        "'139 1000' is not a valid phone number for CN: too short"
    )
    assert "phones[1].type" in by_field
    assert "already listed as phone 2" in by_field["phones[2].number"]
    assert "e-mail" in by_field["email"]
    assert all(p.zh for p in problems)


def test_an_english_name_alone_is_enough() -> None:
    contact = {"name": {"en": "Li Gang"}, "group": "vendor", "phones": []}
    assert validate_contact(contact) == []


def test_normalised_rewrites_numbers_in_their_dialling_form() -> None:
    contact = Contact(
        name={"zh": "测试"},
        group="tech",
        phones=[
            Phone("mobile", "+86 13910002001"),
            Phone("office", "8001"),
            Phone("extension", "8001"),
            Phone("office", "555-555-1111"),
        ],
    )
    fixed = normalised(contact)
    assert [p.number for p in fixed.phones] == ["139 1000 2001", "8001", "8001", "555-555-1111"]
    # 8001 is no office number, but a valid extension; 555-555-1111 (no country code,
    # no trunk 0) is not read as +86 555 555 1111 but kept as written and flagged.
    assert [p.needs_review for p in fixed.phones] == [False, True, False, True]


def test_match_by_mobile_by_name_and_organisation_and_not_by_key_alone(
    demo: list[Contact],
) -> None:
    by_mobile = Contact(name={"en": "J. Wang"}, phones=[Phone("mobile", "+8613910002001")])
    assert match(demo, by_mobile) == "c01"
    by_name = Contact(name={"zh": "王 建国"}, organisation={"zh": "本院"})
    assert match(demo, by_name) == "c01"
    by_en_name = Contact(name={"en": "wang jianguo"}, organisation={"en": "This hospital"})
    assert match(demo, by_en_name) == "c01"
    other_org = Contact(name={"zh": "王建国"}, organisation={"zh": "另一家医院"})
    assert match(demo, other_org) is None
    # Office lines are shared (duty lines, vendor hotlines): they do not identify a person.
    shared_office = Contact(name={"zh": "新人"}, phones=[Phone("office", "400 810 6688")])
    assert match(demo, shared_office) is None
    same_key_other_person = Contact(key="c01", name={"zh": "张三"})
    assert match(demo, same_key_other_person) is None


def test_preview_lists_adds_changes_and_skips_without_touching_the_input(
    demo: list[Contact],
) -> None:
    before = [c.to_dict() for c in demo]
    incoming = [
        # Same as c02: nothing new.
        Contact.from_dict(demo[1].to_dict(with_key=False)),
        # c05 with a new office number and a new e-mail (matched by mobile).
        Contact(
            name={"zh": "孙立新"},
            phones=[Phone("mobile", "18601072318"), Phone("office", "010 6512 3199")],
            emails=[Email("other", "sun.lixin@new.example.cn")],
            origin="row 3",
        ),
        # A new person with an unusable number: kept as written, flagged.
        Contact(
            name={"zh": "新同事"},
            group="tech",
            phones=[
                Phone("mobile", "137 0000 1111"),
                Phone("office", "分机 8001"),
                Phone("office", "139 1000"),
            ],
            origin="row 4",
        ),
        # A new person without a group.
        Contact(name={"en": "Alex Doe"}, phones=[Phone("mobile", "+44 20 7946 0958")]),
        # No name at all: invalid.
        Contact(phones=[Phone("mobile", "135 9999 0000")], origin="row 6"),
    ]
    preview = plan_import(demo, incoming, new_key=_new_keys())
    assert [c.to_dict() for c in demo] == before
    kinds = [a.kind for a in preview.actions]
    assert kinds == ["skip", "change", "add", "add", "skip"]

    identical = preview.actions[0]
    assert identical.key == "c02" and "identical" in identical.reason

    change = preview.actions[1]
    assert change.key == "c05" and change.matched_by == "mobile"
    diffs = {d.field: (d.old, d.new) for d in change.changes}
    # The new address comes first; the one known before is kept after it.
    assert diffs["emails"] == (
        "sun.lixin@example-hospital.cn",
        "sun.lixin@new.example.cn; sun.lixin@example-hospital.cn",
    )
    assert diffs["phones"] == (
        "mobile 186 0107 2318; office 010 6512 3100; home 010 6238 9072",
        "mobile 186 0107 2318; office 010 6512 3199; home 010 6238 9072",
    )
    # Fields the incoming contact lacks are kept, not cleared.
    assert change.contact.position == demo[4].position
    assert change.contact.group == "hq" and change.contact.plan_role == "tech-lead"

    added = preview.actions[2]
    assert added.key == "new-1" and added.contact.group == "tech"
    # "分机 8001" is an extension (a phone type of its own), not a broken office number.
    assert [(p.type, p.number) for p in added.contact.phones] == [
        ("mobile", "137 0000 1111"),
        ("extension", "8001"),
        ("office", "139 1000"),
    ]
    assert [p.needs_review for p in added.contact.phones] == [False, False, True]
    assert added.warnings == [
        "number '139 1000': kept as written, not a valid number for CN: too short; "
        "flagged for review"
    ]
    assert preview.warnings[0].startswith("row 4: number '139 1000': kept as written")

    no_group = preview.actions[3]
    assert no_group.contact.group == "external"
    assert any("no group" in w for w in no_group.warnings)
    assert no_group.contact.phones[0].number == "+44 20 7946 0958"

    invalid = preview.actions[4]
    assert "invalid" in invalid.reason and "name" in invalid.reason
    assert invalid.warnings == []
    assert preview.summary() == "2 to add, 1 to change, 2 skipped, 2 warning(s)"
    assert [c.key for c in preview.to_write()] == ["c05", "new-1", "new-2"]


def test_the_same_person_twice_in_one_file_is_written_once(demo: list[Contact]) -> None:
    incoming = [
        Contact(
            name={"zh": "新同事"},
            group="tech",
            phones=[Phone("mobile", "137 0000 1111")],
            origin="row 2",
        ),
        Contact(
            name={"en": "Xin Tongshi"},
            phones=[Phone("mobile", "13700001111"), Phone("home", "010 6238 0000")],
            origin="row 9",
        ),
    ]
    preview = plan_import(demo, incoming, new_key=_new_keys())
    first, second = preview.actions
    assert first.kind == "add"
    assert first.contact.name == {"zh": "新同事", "en": "Xin Tongshi"}
    assert [p.number for p in first.contact.phones] == ["137 0000 1111", "010 6238 0000"]
    assert second.kind == "skip" and "same person as row 2" in second.reason
    assert len(preview.to_write()) == 1


def test_an_incoming_key_that_belongs_to_someone_else_gets_a_new_key(
    demo: list[Contact],
) -> None:
    stranger = Contact(key="c01", name={"zh": "张三"}, group="external")
    preview = plan_import(demo, [stranger], new_key=lambda: "fresh")
    assert [(a.kind, a.key) for a in preview.actions] == [("add", "fresh")]

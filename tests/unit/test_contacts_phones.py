"""Phone numbers: what a person typing or importing a number gets back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.domain.contacts import Contact, Phone, normalised
from hisconsole.domain.phones import (
    PHONE_TYPES,
    e164_of,
    normalise,
    normalise_typed,
    parse_lenient,
    parse_typed,
    same_number,
)
from hisconsole.errors import Said
from hisconsole.i18n import translator


@pytest.mark.parametrize(
    ("raw", "e164", "display"),
    [
        ("139 1000 2001", "+8613910002001", "139 1000 2001"),
        ("13910002001", "+8613910002001", "139 1000 2001"),
        ("+86-139-1000-2001", "+8613910002001", "139 1000 2001"),
        ("0086 139 1000 2001", "+8613910002001", "139 1000 2001"),
        ("１３９１０００２００１", "+8613910002001", "139 1000 2001"),  # full-width digits
        ("(010)6512-3001", "+861065123001", "010 6512 3001"),
        ("+86 (0)10 6512 3001", "+861065123001", "010 6512 3001"),
        ("400 810 6688", "+864008106688", "400 810 6688"),
        ("tel:+86-139-1000-2001", "+8613910002001", "139 1000 2001"),
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),  # foreign: international
    ],
)
def test_valid_numbers_get_e164_and_a_dialling_form(raw: str, e164: str, display: str) -> None:
    result = normalise(raw)
    assert result.ok and result.error is None
    assert (result.e164, result.display) == (e164, display)


def test_extensions_written_the_chinese_way_are_kept() -> None:
    result = normalise("010-65123001转8001")
    assert result.e164 == "+861065123001"
    assert result.display == "010 6512 3001 ext. 8001"


def test_the_region_is_configurable() -> None:
    result = normalise("020 7946 0958", region="GB")
    assert result.e164 == "+442079460958" and result.display == "020 7946 0958"
    assert normalise("+86 139 1000 2001", region="GB").display == "+86 139 1000 2001"
    assert not normalise("139 1000 2001", region="GB").ok


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("139 1000", "too short"),
        ("1391000200112", "too long"),
        ("8001", "too short"),
        ("abc", "not a phone number"),
        ("", "empty"),
        ("+999 123", "unknown country code"),
        ("6512 3001", "area code"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(raw: str, why: str) -> None:
    result = normalise(raw)
    assert not result.ok and result.e164 is None
    assert result.error is not None
    assert result.error.startswith(f"'{raw}' is not a valid phone number for CN: ")
    assert why in result.error
    assert result.message("zh") is not None and f"“{raw}”" in (result.message("zh") or "")


def test_lenient_parsing_normalises_valid_numbers() -> None:
    kept = parse_lenient("+86 13910002001")
    assert (kept.number, kept.e164, kept.needs_review) == ("139 1000 2001", "+8613910002001", False)


def test_lenient_parsing_keeps_invalid_numbers_exactly_and_flags_them() -> None:
    kept = parse_lenient(" 分机 8001 ")
    assert kept.number == " 分机 8001 "
    assert kept.needs_review and kept.e164 is None
    assert kept.reason is not None and "kept as written" in kept.reason


@given(st.text(max_size=30))
def test_lenient_parsing_never_loses_the_text(raw: str) -> None:
    kept = parse_lenient(raw)
    if kept.needs_review:
        assert kept.number == raw
    else:
        assert kept.e164 is not None and e164_of(kept.number) == kept.e164


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_display_form_parses_back_to_the_same_number(digits: str) -> None:
    result = normalise(digits)
    if result.ok:
        assert result.display is not None
        assert normalise(result.display).e164 == result.e164
        assert same_number(digits, result.display)


def test_a_number_without_country_code_is_read_in_the_region_only_as_dialled_there() -> None:
    # 555-555-1111 is a US-style number; as +86 555 555 1111 it would be a Chinese
    # landline written without its trunk 0, which nobody in China writes.
    kept = parse_typed("555-555-1111", "office", "CN")
    assert (kept.number, kept.needs_review) == ("555-555-1111", True)
    assert "no country code" in (kept.reason or "")
    assert parse_typed("0555-555-1111", "office", "CN").number == "0555 555 1111"
    assert parse_typed("+1 202-555-0143", "mobile", "CN").number == "+1 202-555-0143"
    assert normalise("555-555-1111", "CN").reason == "no-trunk-prefix"
    assert "0" in (normalise("555-555-1111", "CN").message("zh") or "")
    # In a region with no trunk prefix rule for it, the same digits are read there.
    assert normalise("202-555-0143", "US").ok


@pytest.mark.parametrize(
    ("raw", "column", "expected"),
    [
        ("8001", "extension", ("extension", "8001")),
        ("分机8001", "mobile", ("extension", "8001")),
        ("ext. 8001", "office", ("extension", "8001")),
        ("61234", "short", ("short", "61234")),
        ("短号 61234", "office", ("short", "61234")),
        ("010-65123000转8001", "extension", ("extension", "010 6512 3000 ext. 8001")),
        ("010-65123000 分机 8001", "office", ("office", "010 6512 3000 ext. 8001")),
    ],
)
def test_extensions_short_numbers_and_switchboard_forms_are_valid_types(
    raw: str, column: str, expected: tuple[str, str]
) -> None:
    typed = parse_typed(raw, column, "CN")
    assert (typed.type, typed.number) == expected and not typed.needs_review
    assert normalise_typed(typed.number, typed.type, "CN").display == typed.number


def test_an_extension_that_is_not_one_is_flagged_not_changed() -> None:
    typed = parse_typed("12", "short", "CN")
    assert (typed.number, typed.needs_review) == ("12", True)
    assert "short number 3 to 6 digits" in (typed.reason or "")


@given(st.text(alphabet="0123456789 -+()转分机xext.", max_size=20), st.sampled_from(PHONE_TYPES))
def test_an_imported_number_is_kept_as_written_or_means_the_same_number(
    raw: str, phone_type: str
) -> None:
    typed = parse_typed(raw, phone_type, "CN")
    if typed.needs_review:
        assert typed.number == raw
    elif typed.type not in ("extension", "short") or "ext." in typed.number:
        assert e164_of(typed.number, "CN") == e164_of(raw, "CN")


def _zh(said: object) -> str:
    assert isinstance(said, Said), said
    return said.said(translator("zh").gettext)


def test_an_import_keeps_why_a_number_is_flagged_as_a_code_and_its_facts() -> None:
    """Kept as data, not as an English sentence: said in the reader's language later."""
    contact = normalised(Contact(key="x", name={"zh": "王芳"}, phones=[Phone("office", "123")]))
    stored = contact.phones[0].to_dict()
    assert stored == {
        "type": "office",
        "number": "123",
        "needs_review": True,
        "review": {"code": "too-short", "type": "office", "region": "CN"},
    }
    back = Phone.from_dict(stored)
    assert _zh(back.review) == "按原样保留，不是 CN 的有效号码：位数太少"
    assert str(back.review) == "kept as written, not a valid number for CN: too short"
    assert Phone.from_dict(back.to_dict()) == back


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("kept as written, not a valid number for CN: too short", "位数太少"),
        (
            "kept as written, not a valid extension number for CN: an extension is 2 to 6 "
            "digits (or a switchboard number with its extension); a short number 3 to 6 digits",
            "分机须为 2 至 6 位数字",
        ),
        ("a fax number in the vCard", "传真"),
    ],
)
def test_a_reason_stored_in_english_by_an_earlier_import_is_said_in_chinese(
    english: str, chinese: str
) -> None:
    phone = Phone.from_dict(
        {"type": "office", "number": "8001", "needs_review": True, "review_reason": english}
    )
    said = _zh(phone.review)
    assert chinese in said and english not in said, said
    assert phone.to_dict()["review_reason"] == english  # the saved data stays as it was


def test_a_reason_not_recognised_is_shown_as_it_was_written() -> None:
    phone = Phone.from_dict(
        {"type": "office", "number": "8001", "needs_review": True, "review_reason": "ask Li"}
    )
    assert phone.review is None and phone.review_reason == "ask Li"

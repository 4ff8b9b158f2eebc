"""Phone numbers: what a person typing or importing a number gets back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.domain.phones import e164_of, normalise, parse_lenient, same_number


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

"""Serial parsing: typed, scanned and ranges; bad input named."""

from __future__ import annotations

import pytest

from hisconsole.domain.serials import SerialError, expand, parse


def test_single_and_scanned_serials_are_normalised() -> None:
    assert str(parse(" k7qf-120 ")) == "K7QF-000120"
    assert expand("K7QF-000120") == ["K7QF-000120"]


def test_ranges_and_lists() -> None:
    assert expand("A-000120..A-000123") == [f"A-00012{i}" for i in range(4)]
    assert expand("A-000120..123") == [f"A-00012{i}" for i in range(4)]
    assert expand("A-1, A-2 A-2\nB-7") == ["A-000001", "A-000002", "B-000007"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no serial"),
        ("hello", "not a form serial"),
        ("A-10..B-12", "one prefix"),
        ("A-12..A-10", "backwards"),
        ("A-1..A-999999", "more than"),
        ("A-000120;DROP TABLE", "not a form serial"),
    ],
)
def test_bad_input_is_named(text: str, message: str) -> None:
    with pytest.raises(SerialError, match=message):
        expand(text)

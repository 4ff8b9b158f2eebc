"""A conflict shows its rival values, who set each, when, and on which laptop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hisconsole import cli
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import conflicts as conflicts_service
from hisconsole.store.models import Contact
from tests.sync.conftest import load_plan

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles_service.export_bundle(source, path)
    bundles_service.import_bundle(target, path)


def _set_phone(console: Console, mobile: str) -> None:
    with console.transaction() as tx:
        parents = list(tx.session.scalars(select(Contact.event_id).where(Contact.key == "zhang")))
        tx.emit(
            "contact.set",
            "contact:zhang",
            {"key": "zhang", "data": {"name": "Zhang Wei", "mobile": mobile, "dept": "IT"}},
            parents=parents,
        )


@pytest.fixture
def conflicted(laptops: Laptops, tmp_path: Path) -> tuple[Console, Console]:
    a, b = laptops("A"), laptops("B")
    a.sign_in("Wang Fang", "it-duty")
    b.sign_in("Li Lei", "it-duty")
    load_plan(a)
    _set_phone(a, "13800000000")
    _exchange(a, b, tmp_path / "base.bundle")
    _set_phone(a, "13800000001")
    _set_phone(b, "13900000002")
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")
    return a, b


def test_conflicts_list_says_each_value_who_when_and_which_laptop(
    conflicted: tuple[Console, Console], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = conflicted
    (conflict,) = conflicts_service.conflicts(a)
    assert conflicts_service.conflicts(b) == [conflict]  # the same on both laptops
    assert conflict["differs"] == ["mobile"]
    by_laptop = {v["device_name"]: v for v in conflict["values"]}
    assert set(by_laptop) == {"Laptop A", "Laptop B"}
    assert by_laptop["Laptop A"]["author"] == "Wang Fang"
    assert by_laptop["Laptop A"]["at"].startswith(a.now().date().isoformat())

    capsys.readouterr()
    assert cli.main(["conflicts", "list", "--data-dir", str(a.data_dir)]) == 0
    text = capsys.readouterr().out
    assert "Contact Zhang Wei (zhang): 2 values differ in mobile" in text
    lines = text.splitlines()
    for laptop, author, mobile in (
        ("Laptop A", "Wang Fang", "13800000001"),
        ("Laptop B", "Li Lei", "13900000002"),
    ):
        (head,) = [line for line in lines if f"on {laptop}" in line]
        assert f"set by {author} on {laptop} at " in head
        assert lines[lines.index(head) + 1].strip() == f"mobile: {mobile}"
        event = by_laptop[laptop]["event_id"]
        assert f"--keep {event}" in head
    assert "dept" not in text  # the same on both: not a difference

"""People on the IT trust list: once they are pinned, a commander-only act needs a listed
commander's PIN; a typed "--role commander" no longer does it."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hisconsole.cli.entry import main as cli_main
from hisconsole.domain import pins
from hisconsole.services import incidents, people
from hisconsole.services.console import Console, Operator, ServiceError
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import trust as trust_service
from hisconsole.sync import trust as trust_format
from tests.sync.conftest import Keys, load_plan
from tests.sync.helpers import state

Laptops = Callable[..., Console]
NOW = dt.datetime(2026, 12, 5, 3, 0, tzinfo=dt.UTC)


def pin_people(console: Console, keys: Keys, tmp_path: Path) -> None:
    """IT lists Li Wei (commander) and Zhang Min (scribe), signs, the laptop imports it."""
    listed = tmp_path / "people.yaml"
    trust_format.write_list_file(listed, trust_format.read_list_file(keys.trust_list))
    trust_service.trust_person(listed, name="Li Wei", roles=["commander"], pin="2468")
    trust_service.trust_person(listed, name="Zhang Min", roles=["scribe"], pin="1357")
    trust_service.trust_sign(listed, keys.it_private, tmp_path / "people.signed", now=NOW)
    trust_service.trust_import(console, tmp_path / "people.signed")


def stranger(laptops: Laptops, a: Console, tmp_path: Path) -> str:
    """A laptop nobody listed sends a bundle to A: it waits to be accepted."""
    rogue = laptops("R", trusted=False)
    load_plan(rogue)
    incidents.declare(rogue, level="III", title="Visiting laptop's incident")
    bundles_service.export_bundle(rogue, tmp_path / "r.bundle")
    bundles_service.import_bundle(a, tmp_path / "r.bundle")
    return rogue.device_id


def test_a_typed_commander_role_no_longer_accepts_a_device(
    laptops: Laptops, keys: Keys, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    a = laptops("A")
    pin_people(a, keys, tmp_path)
    rogue = stranger(laptops, a, tmp_path)
    before = state(a)

    a.operator = Operator("Eve", "commander")  # the attack: anyone types the role
    with pytest.raises(people.NotListed, match="Eve is not on the IT trust list"):
        devices_service.accept_device(a, rogue)
    a.operator = Operator("Zhang Min", "commander")  # listed, but not as commander
    with pytest.raises(people.NotListed):
        devices_service.accept_device(a, rogue)
    a.operator = Operator("Li Wei", "commander")
    with pytest.raises(people.PinNeeded, match="--pin-fd"):
        devices_service.accept_device(a, rogue)  # nobody to ask
    a.pin_source = lambda _name: "0000"
    with caplog.at_level(logging.WARNING), pytest.raises(people.WrongPin) as wrong:
        devices_service.accept_device(a, rogue)
    assert wrong.value.code == "people.wrong-pin"
    assert "PIN check for 'Li Wei'" in caplog.text and "WRONG" in caplog.text
    assert "0000" not in caplog.text
    assert state(a) == before  # nothing changed
    assert {d.id: d.status for d in devices_service.devices(a)}[rogue] == "quarantined"

    a.pin_source = lambda _name: "2468"
    accepted = devices_service.accept_device(a, rogue)

    assert accepted.report.applied == 1
    listed = {d.id: d for d in devices_service.devices(a)}[rogue]
    assert (listed.status, listed.accepted_by) == ("accepted", "Li Wei")


def test_who_may_hold_a_role_and_pins_for_the_roster(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a = laptops("A")
    assert not people.roles_verified(a)
    assert people.may_hold(a, "Anyone", "commander")  # nobody pinned: unverified
    pin_people(a, keys, tmp_path)

    assert people.roles_verified(a)
    assert people.may_hold(a, "Li  Wei", "commander")
    assert not people.may_hold(a, "Zhang Min", "commander")
    assert not people.may_hold(a, "Eve", "scribe")
    assert people.verify_pin(a, "Zhang Min", "1357")
    assert not people.verify_pin(a, "Zhang Min", "2468")
    assert not people.verify_pin(a, "Eve", "1357")
    # The list keeps a salted slow hash, never the PIN.
    text = (tmp_path / "people.yaml").read_text()
    assert "2468" not in text and text.count("scrypt$16384$8$1$") == 2


def test_a_pin_that_is_too_short_is_refused_and_the_list_is_unchanged(
    keys: Keys, tmp_path: Path
) -> None:
    listed = tmp_path / "people.yaml"
    trust_format.write_list_file(listed, trust_format.read_list_file(keys.trust_list))
    before = listed.read_bytes()
    with pytest.raises(trust_service.PinRefused, match="a PIN has 4 to 64 characters"):
        trust_service.trust_person(listed, name="Li Wei", roles=["commander"], pin="12")
    with pytest.raises(ServiceError, match="roles must be a list of"):
        trust_service.trust_person(listed, name="Li Wei", roles=["king"], pin="2468")
    assert listed.read_bytes() == before
    assert pins.pin_matches(pins.hash_pin("2468"), "2468")
    assert not pins.pin_matches("scrypt$3$8$1$AAAA$AAAA", "2468")  # not a usable hash


def test_closing_with_sheets_outstanding_needs_the_commanders_pin(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    from hisconsole.services import forms

    a = laptops("A")
    load_plan(a)
    pin_people(a, keys, tmp_path)
    a.operator = Operator("Li Wei", "commander")
    incident, _ = incidents.declare(a, level="IV", title="LIS slow")
    first = forms.reserve_serials(a, 1)
    forms.record_issued(
        a,
        template="registration",
        template_version=1,
        first=first,
        count=1,
        incident=incident,
        lang="zh",
    )
    incidents.resolve(a, incident)
    a.pin_source = lambda _name: "9999"
    with pytest.raises(people.WrongPin):
        incidents.close(a, incident, override="paper archived")
    assert incidents.show(a, incident)["status"] == "resolved"
    a.pin_source = lambda _name: "2468"
    incidents.close(a, incident, override="paper archived")
    assert incidents.show(a, incident)["status"] == "closed"


def test_the_command_line_reads_the_pin_from_a_file_descriptor(
    laptops: Laptops, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = laptops("A")
    pin_people(a, keys, tmp_path)
    rogue = stranger(laptops, a, tmp_path)
    a.close()

    def accept(pin: str, name: str = "Li Wei") -> int:
        read, write = os.pipe()
        os.write(write, f"{pin}\n".encode())
        os.close(write)
        try:
            return cli_main(
                [
                    "--data-dir",
                    str(a.data_dir),
                    "--operator",
                    name,
                    "--role",
                    "commander",
                    "--pin-fd",
                    str(read),
                    "device",
                    "accept",
                    rogue,
                ]
            )
        finally:
            os.close(read)

    assert accept("1111") == 1
    assert "Wrong PIN for Li Wei" in capsys.readouterr().err
    assert accept("2468", name="Eve") == 1
    assert "Eve is not on the IT trust list" in capsys.readouterr().err
    assert accept("2468") == 0
    assert f"Accepted device {rogue}" in capsys.readouterr().out


def test_the_pin_prompt_names_the_person_whose_pin_it_asks(
    laptops: Laptops,
    keys: Keys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The scribe at the keyboard signs Li Wei in as commander: the terminal asks for
    Li Wei's PIN, not the operator's."""
    import getpass
    import sys

    a = laptops("A")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    pin_people(a, keys, tmp_path)
    a.close()
    prompts: list[str] = []

    def ask(prompt: str = "") -> str:
        prompts.append(prompt)
        return "2468"

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", ask)
    d = ["--data-dir", str(a.data_dir), "--operator", "Zhang Min"]
    command = ["roster", "sign-in", "commander", "--incident", incident, "--person", "Li Wei"]
    assert cli_main([*d, "--lang", "en", *command]) == 0, capsys.readouterr().err
    assert prompts == ["PIN of Li Wei: "]


def test_roster_posts_are_taken_only_by_people_listed_for_them(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    from hisconsole.services import roster

    a = laptops("A")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    # Before people are pinned, a post is taken by the name given (unverified).
    roster.sign_in(a, incident, "scribe", "Anyone")
    pin_people(a, keys, tmp_path)
    before = state(a)
    with pytest.raises(roster.NotAllowedForPost, match="Eve is not on IT's trust list"):
        roster.sign_in(a, incident, "scribe", "Eve")
    with pytest.raises(roster.NotAllowedForPost):
        roster.sign_in(a, incident, "commander", "Zhang Min")  # listed as scribe only
    with pytest.raises(roster.PostPinNeeded, match="--pin-fd"):
        roster.sign_in(a, incident, "commander", "Li Wei")
    a.pin_source = lambda _name: "1111"
    with pytest.raises(people.WrongPin):
        roster.sign_in(a, incident, "commander", "Li Wei")
    assert state(a) == before
    roster.sign_in(a, incident, "scribe", "Zhang Min")
    a.pin_source = None
    roster.sign_in(a, incident, "commander", "Li Wei", pin="2468")  # the window's PIN field
    on_duty = {p["role"]: p["person"] for p in roster.roster(a, incident)["posts"] if p["person"]}
    assert on_duty == {"scribe": "Zhang Min", "commander": "Li Wei"}


def test_the_command_line_says_when_roles_are_unverified(
    laptops: Laptops, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the window's banner says (未核验) the command line says too, and --json has it."""
    a = laptops("A")  # IT's trust list, but no people on it: roles are what operators say
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")

    def run(*args: str) -> str:
        code = cli_main(["--data-dir", str(a.data_dir), *args])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        return captured.out

    for command in (["sync", "--status"], ["incident", "show", incident]):
        assert "Roles: unverified" in run("--lang", "en", *command)
        assert "角色：未核验" in run("--lang", "zh", *command)
        assert json.loads(run("--json", *command))["roles_verified"] is False

    pin_people(a, keys, tmp_path)
    assert "checked against IT's list of people (2)" in run("--lang", "en", "sync", "--status")
    assert "角色：已按信息科人员名单核验（2 人）" in run("--lang", "zh", "sync", "--status")
    shown = run("--lang", "en", "incident", "show", incident)
    assert "unverified" not in shown and "HIS down" in shown
    for command in (["sync", "--status"], ["incident", "show", incident]):
        assert json.loads(run("--json", *command))["roles_verified"] is True

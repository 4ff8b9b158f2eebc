"""The sync commands as an outside script uses them: exit codes, stdout JSON, stderr."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from hisconsole import cli
from hisconsole.sync import bundle as bundle_format


def run(argv: list[str]) -> int:
    """hisconsole ARGV, in this process."""
    return cli.main(argv)


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    capsys.readouterr()
    assert run([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def two_laptops(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli.main(["init", "--data-dir", str(a)]) == 0
    # B starts empty and receives the plan from A (a laptop that does not edit the plan).
    from hisconsole.services.console import Console

    Console.open(b, create=True).close()
    return a, b


def test_it_department_workflow_then_two_laptops_exchange_a_bundle(
    two_laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_laptops
    it = tmp_path / "it"
    it.mkdir()
    key = run_json(capsys, ["trust", "keygen", "--out", str(it / "it-key.pem")])
    assert Path(key["public_key_file"]).exists()
    show_a = run_json(capsys, ["device", "show", "--data-dir", str(a)])
    show_b = run_json(capsys, ["device", "show", "--data-dir", str(b)])
    assert set(show_a) >= {"id", "name", "public_key"}
    for show, roles in ((show_a, ["operator", "plan-editor"]), (show_b, ["operator"])):
        argv = ["trust", "add", str(it / "trust.yaml"), "--public-key", show["public_key"]]
        argv += ["--name", f"Laptop {show['id'][:4]}", "--roles", ",".join(roles)]
        run_json(capsys, argv)
    signed = run_json(
        capsys,
        [
            "trust",
            "sign",
            str(it / "trust.yaml"),
            "--key",
            str(it / "it-key.pem"),
            "--out",
            str(it / "trust.signed"),
        ],
    )
    assert signed["serial"] == 2 and signed["devices"] == 2
    for laptop in (a, b):
        run_json(capsys, ["trust", "pin", key["public_key_file"], "--data-dir", str(laptop)])
        imported = run_json(
            capsys, ["trust", "import", str(it / "trust.signed"), "--data-dir", str(laptop)]
        )
        assert imported["adopted"] is True

    declared = run_json(
        capsys,
        ["incident", "declare", "--level", "II", "--title", "HIS down", "--data-dir", str(a)],
    )
    exported = run_json(
        capsys, ["bundle", "export", "--out", str(tmp_path / "a.bundle"), "--data-dir", str(a)]
    )
    imported = run_json(
        capsys, ["bundle", "import", str(tmp_path / "a.bundle"), "--data-dir", str(b)]
    )

    assert imported["applied"] == exported["events"]
    listed = run_json(capsys, ["incident", "list", "--data-dir", str(b)])
    assert [i["id"] for i in listed] == [declared["id"]]
    devices = run_json(capsys, ["device", "list", "--data-dir", str(b)])
    assert {d["id"]: d["status"] for d in devices} == {
        show_a["id"]: "trusted",
        show_b["id"]: "this laptop",
    }
    trust_view = run_json(capsys, ["trust", "show", "--data-dir", str(b)])
    assert trust_view["serial"] == 2 and trust_view["it_key"] == key["fingerprint"]
    status = run_json(capsys, ["sync", "--status", "--data-dir", str(b)])
    assert status["history"][0]["applied"] == exported["events"]

    capsys.readouterr()
    assert run(["bundle", "import", str(tmp_path / "a.bundle"), "--data-dir", str(b)]) == 0
    assert "already here" in capsys.readouterr().out


def test_a_damaged_bundle_fails_with_a_message_and_exit_code_1(
    two_laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_laptops
    run_json(
        capsys, ["bundle", "export", "--out", str(tmp_path / "a.bundle"), "--data-dir", str(a)]
    )
    data = (tmp_path / "a.bundle").read_bytes()
    # Cut inside the manifest (A is a stranger to B: its body would not be read at all).
    manifest_end = data.index(b"\n", len(bundle_format.MAGIC))
    (tmp_path / "cut.bundle").write_bytes(data[: manifest_end - 10])
    capsys.readouterr()

    code = run(["bundle", "import", str(tmp_path / "cut.bundle"), "--data-dir", str(b)])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "incomplete" in captured.err and "Nothing was imported" in captured.err


def test_unknown_devices_are_listed_and_accepted_from_the_command_line(
    two_laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_laptops  # no trust list anywhere: A is unknown to B
    exported = run_json(
        capsys, ["bundle", "export", "--out", str(tmp_path / "a.bundle"), "--data-dir", str(a)]
    )
    imported = run_json(
        capsys, ["bundle", "import", str(tmp_path / "a.bundle"), "--data-dir", str(b)]
    )
    # A stranger's bundle is kept unread.
    assert imported["held_unread"] and imported["applied"] == imported["quarantined"] == 0
    capsys.readouterr()
    assert run(["device", "list", "--data-dir", str(b)]) == 0
    assert "quarantined" in capsys.readouterr().out
    a_id = run_json(capsys, ["device", "show", "--data-dir", str(a)])["id"]

    # The --json shapes outside checks read (typed read models inside, the same keys out).
    listed = {d["id"]: d for d in run_json(capsys, ["device", "list", "--data-dir", str(b)])}
    assert listed[a_id] == {
        "id": a_id,
        "name": listed[a_id]["name"],
        "status": "quarantined",
        "roles": [],
        "events": 0,
        "quarantined": 0,
        "rejected": 0,
        "pending": 0,
        "unread_bundles": 1,
        "first_seen": listed[a_id]["first_seen"],
        "accepted_at": None,
        "accepted_by": None,
        "expires": None,
        "revoked": None,
    }
    status = run_json(capsys, ["sync", "--status", "--data-dir", str(b)])
    assert set(status) == {
        "device",
        "vector",
        "hub",
        "peers",
        "history",
        "quarantine",
        "rejected",
        "orphans",
        "pending",
        "from_future",
        "conflicts",
        "people",
        "roles_verified",
    }
    assert status["roles_verified"] is False  # no people on an IT list here
    assert set(status["device"]) == {"id", "name", "public_key", "fingerprint"}
    assert status["quarantine"] == [
        {
            "device": a_id,
            "name": listed[a_id]["name"],
            "events": 0,
            "unread_bundles": 1,
            "first_seen": listed[a_id]["first_seen"],
        }
    ]
    assert set(status["history"][0]) == {
        "at",
        "peer",
        "action",
        "sent",
        "applied",
        "duplicates",
        "quarantined",
        "rejected",
        "pending",
        "from_future",
        "note",
        "notes",
    }

    capsys.readouterr()
    assert run(["device", "accept", a_id, "--data-dir", str(b)]) == 1
    assert "Only the commander" in capsys.readouterr().err
    commander = ["--operator", "Li Wei", "--role", "commander"]
    accepted = run_json(capsys, ["device", "accept", a_id, "--data-dir", str(b), *commander])

    # Accepted locally = an operator laptop: its bundle is read now, and its plan stays
    # refused until IT lists it.
    assert accepted["device"] == a_id
    assert accepted["rejected"] == exported["events"]
    status = run_json(capsys, ["sync", "--status", "--data-dir", str(b)])
    assert set(status["peers"][0]) == {"peer", "kind", "name", "last_sync_at"}
    capsys.readouterr()
    assert run(["device", "accept", "zzzz", "--data-dir", str(b), *commander]) == 1
    assert "No device" in capsys.readouterr().err


def test_sync_with_an_unreachable_hub_says_so(
    two_laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b = two_laptops
    url = f"postgresql+psycopg://nobody@/nothing?host={tmp_path}"
    capsys.readouterr()
    assert run(["sync", "--hub", url, "--data-dir", str(a)]) == 1
    err = capsys.readouterr().err
    assert "cannot be used right now" in err
    assert not (a / "hub.json").exists()


def test_sync_status_in_chinese_names_the_laptop_in_chinese(
    two_laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_laptops
    run_json(
        capsys, ["bundle", "export", "--out", str(tmp_path / "a.bundle"), "--data-dir", str(a)]
    )
    run_json(capsys, ["bundle", "import", str(tmp_path / "a.bundle"), "--data-dir", str(b)])
    a_id = run_json(capsys, ["device", "show", "--data-dir", str(a)])["id"]
    commander = ["--operator", "Li Wei", "--role", "commander"]
    # Accepted here (not listed by IT): its plan events stay refused, said in Chinese.
    assert run(["--lang", "zh", "device", "accept", a_id, "--data-dir", str(b), *commander]) == 0
    out = capsys.readouterr().out
    assert "仍被拒" in out and "needs the" not in out, out
    assert "需要预案编辑（plan-editor）角色" in out, out  # the name, and the code --roles takes
    assert run(["--lang", "zh", "sync", "--status", "--data-dir", str(b)]) == 0
    out = capsys.readouterr().out
    assert "最近一次与笔记本" in out and "laptop" not in out, out
    status = run_json(capsys, ["sync", "--status", "--data-dir", str(b)])
    assert [p["kind"] for p in status["peers"]] == ["laptop"]
    # Each refused event keeps why as a code and facts: said in the reader's language.
    latest = status["rejected"][0]
    assert latest["reason_code"] == "lacks-role" and latest["reason_params"]["device"] == a_id
    assert (
        latest["reason"].startswith("'plan.") and "needs the plan-editor role" in latest["reason"]
    )
    from hisconsole.i18n import speaking
    from hisconsole.services.console import Console
    from hisconsole.services.sync.status import sync_status

    console = Console.open(b)
    try:
        with speaking("zh"):
            said = sync_status(console).rejected[0].said_reason()
        assert "需要预案编辑（plan-editor）角色" in said and "needs" not in said, said
        # A row from before the codes were kept shows its English text as it is.
        with console.db.write() as session:
            session.execute(text("UPDATE sync_held SET reason_code = '', reason_params = ''"))
        with speaking("zh"):
            old = sync_status(console).rejected[0]
            assert old.said_reason() == old.reason
    finally:
        console.close()

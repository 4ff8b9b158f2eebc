"""Pseudo-locale for the Qt-free layers: the CLI run with every catalogue message
stretched and accented (built here from messages.pot). Any plain-ASCII English
sentence left in stdout/stderr bypassed the catalogue.

Allowed through: ids, serials, numbers, paths, system codes (HIS, LIS) and what the
test itself typed (Chinese here). What is not converted yet is listed in
``NOT_YET`` with the command that shows it, so the list can only shrink.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hisconsole import i18n
from hisconsole.cli import build_parser, main

POT = Path(i18n.__file__).with_name("messages.pot")
# Every ASCII letter as its full-width form, the vowels accented too: no letter of a
# translated message stays plain ASCII, so whatever does was never translated.
_WIDE = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c).isalpha()}
_ACCENTS = str.maketrans({**_WIDE, **{ord(k): v for k, v in zip("aeiou", "áéîõü", strict=True)}})
#: A {field} of ours, or a %(field)s / %s of argparse's own messages (they are in the
#: catalogue too): kept, so the message still renders.
_FIELD = re.compile(r"(\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr])")
#: Three or more words of letters in a row, separated by single spaces: an English
#: sentence (a comma-separated list of codes, a serial or an id is not one).
_SENTENCE = re.compile(r"(?<![\w-])[A-Za-z]*[a-z][A-Za-z]*(?: [A-Za-z]+){2,}(?![\w-])")


def pseudo(text: str) -> str:
    """Wide, accented and a third longer, the {fields} kept so the message still renders."""
    parts = _FIELD.split(text)
    out = "".join(p if _FIELD.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    return "⟦" + out + "~" * (len(text) // 3) + "⟧"


@cache
def _catalogue() -> frozenset[tuple[str | None, str]]:
    """(context, id) of every message the catalogue holds."""
    with POT.open("rb") as handle:
        return frozenset(
            (m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id
        )


class Pseudo(gettext.NullTranslations):
    """The pseudo-language of what the catalogue holds; a text it does not hold (passed to
    ``_()`` but never extracted: built at run time) stays as it came, as a real
    translation would leave it, so the scan sees it."""

    def gettext(self, message: str) -> str:
        return pseudo(message) if (None, message) in _catalogue() else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        said = msgid1 if n == 1 else msgid2
        return pseudo(said) if (None, msgid1) in _catalogue() else said

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message) if (context, message) in _catalogue() else message


def test_every_catalogue_message_has_a_pseudo_rendering() -> None:
    with POT.open("rb") as handle:
        catalogue = read_po(handle)
    ids = [m.id for m in catalogue if m.id]
    assert len(ids) > 50
    for message_id in ids:
        text = message_id if isinstance(message_id, str) else message_id[0]
        rendered = pseudo(text)
        assert _FIELD.findall(rendered) == _FIELD.findall(text)
        assert not _SENTENCE.search(rendered.strip("⟦⟧~")), text


def test_the_scan_catches_an_english_sentence() -> None:
    assert _SENTENCE.search("hisconsole: Console ready in /tmp/x")
    assert not _SENTENCE.search("INC-20261205-JVPS-01 HIS LIS JVPS-000001 .. JVPS-000002 /tmp/a-b")


@pytest.fixture
def pseudo_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ready_data_dir: Path
):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "translator", lambda lang: Pseudo())
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")

    def run(*args: str, code: int = 0) -> str:
        assert main(["--data-dir", str(ready_data_dir), *args]) == code, args
        captured = capsys.readouterr()
        return captured.out + captured.err

    return run


_PATH = re.compile(r"\S*/\S*")


@cache
def _command_line() -> re.Pattern[str]:
    """``hisconsole`` and a command's words (``hisconsole incident show``): the command
    line's interface, the same in every language."""
    paths = sorted((" ".join(p) for p in _commands(build_parser()) if p), key=len, reverse=True)
    return re.compile(r"\bhisconsole(?: (?:" + "|".join(map(re.escape, paths)) + r")\b)?")


def _english(text: str) -> list[str]:
    text = _command_line().sub(" ", _PATH.sub(" ", text))
    found = (m.group(0) for m in _SENTENCE.finditer(text))
    # A command's syntax (add ID TEXT: a word and its placeholders) is not a sentence.
    return [f for f in found if sum(w != w.upper() for w in f.split()) >= 2]


def test_commands_in_the_pseudo_locale_print_no_english_sentence(
    pseudo_cli, ready_data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    run = pseudo_cli
    seen: dict[str, list[str]] = {}

    def check(*args: str, code: int = 0) -> str:
        out = run(*args, code=code)
        seen[f"{len(seen)}: {' '.join(args)}"] = _english(out)
        return out

    check("init", "--demo")
    made = json.loads(
        run(
            "--json",
            "incident",
            "declare",
            "--level",
            "II",
            "--system",
            "his",
            "--title",
            "门诊挂号停机",
        )
    )
    incident = made["id"]
    check("incident", "declare", "--level", "III", "--system", "lis", "--title", "检验停机")
    check(
        "incident",
        "declare",
        "--level",
        "IV",
        "--system",
        "lis",
        "--scenario",
        "none",
        "--title",
        "演练",
    )
    check("incident", "log", incident, "已电话通知信息科")
    check("incident", "level", incident, "I", "--reason", "影响扩大")
    check("incident", "status", incident, "his", "down")
    check(
        "incident",
        "record-report",
        incident,
        "--to",
        "卫健委",
        "--channel",
        "phone",
        "--summary",
        "首报",
    )
    check(
        "forms",
        "print",
        "mar",
        "--copies",
        "2",
        "--incident",
        incident,
        "--out",
        str(tmp_path / "mar.pdf"),
    )
    check("forms", "outstanding")
    check("forms", "outstanding", "--details")
    first, second = json.loads(run("--json", "forms", "outstanding"))
    check("forms", "backenter", first, "--his-ref", "R1")
    check("forms", "backenter", second, "--void", "--reason", "写错")
    check("incident", "close", incident, code=1)  # not resolved yet
    check("forms", "backenter", "NOPE-000001", code=1)
    check("incident", "resolve", incident)
    check("incident", "resolve", incident, code=1)  # already resolved
    run("forms", "print", "mar", "--incident", incident, "--out", str(tmp_path / "two.pdf"))
    check("incident", "close", incident, code=1)  # that sheet still waits for 补录
    # the activity log and the reporting clocks, each entry kind in words
    check("incident", "show", incident)
    check("plan", "export", str(tmp_path / "plan.yaml"))
    check("plan", "import", str(tmp_path / "plan.yaml"))
    check("check")
    # refusals: each a KnownError with its own code
    check("incident", "show", "NOPE", code=1)
    check("incident", "status", incident, "xyz", "down", code=1)
    check("forms", "print", "nope", "--out", str(tmp_path / "x.pdf"), code=1)
    check("--lang", "zh", "incident", "show", "NOPE", code=1)
    bad = {command: found for command, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())


def test_numbers_commands_in_the_pseudo_locale_print_no_english_sentence(
    pseudo_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    run = pseudo_cli
    outputs = [
        run("numbers", "wards"),
        run("numbers", "list"),
        run("numbers", "issue", "--ward", "W3A", "--count", "2", code=1),  # no such ward
        run("numbers", "ward-add", "W3A", "--zh", "心内科一病区", "--en", "心内科"),
        run("numbers", "ward-add", "3 A", "--zh", "三病区", "--en", "三病区", code=1),
        run("numbers", "issue", "--ward", "W3A", "--count", "0", code=1),
        run(
            "numbers", "issue", "--ward", "W3A", "--count", "2", "--labels", str(tmp_path / "l.pdf")
        ),
    ]
    first, second = json.loads(run("--json", "numbers", "list", "--status", "issued"))[:2]
    outputs += [
        run("numbers", "use", first["number"]),
        run("numbers", "void", second["number"], "--reason", "腕带损坏"),
        run("numbers", "use", second["number"], code=1),  # void: never used
        run("numbers", "use", "LS-ZZZZ-00001", code=1),
        run("numbers", "use", "K7QF-000120", code=1),  # a form serial, not a number
        run("numbers", "list"),
        run("numbers", "labels", "--ward", "W3A", "--out", str(tmp_path / "none.pdf"), code=1),
        run("numbers", "ward-remove", "W3A"),
        run("forms", "print", "mar", "--department", "W3A", "--out", str(tmp_path / "m.pdf")),
        run("forms", "stock", "--count", "mar=1"),  # the burn-down: running out
    ]
    bad = [found for out in outputs for found in _english(out)]
    assert bad == []


# --- help, argparse's own lines, trust, devices, people and the rest of the commands ---------


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the command line: ("incident",), ("incident", "declare"), …"""
    paths = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                paths += _commands(child, (*path, name))
    return paths


def _exits(capsys: pytest.CaptureFixture[str], args: list[str], code: int) -> str:
    """What argparse says before it exits (help: 0, a refusal: 2)."""
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == code, args
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_every_commands_help_in_the_pseudo_locale(
    pseudo_cli, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """`hisconsole --help` and every `hisconsole COMMAND … --help`: the descriptions, the
    help of each option and argparse's own words (usage:, options) through the catalogue;
    command and option names stay as they are."""
    paths = _commands(build_parser())
    assert len(paths) > 90
    seen = {}
    for path in paths:
        said = _exits(capsys, [*path, "--help"], 0)
        assert said.startswith("⟦"), path  # "usage: " itself is translated
        assert f"hisconsole {' '.join(path)}".strip() in said
        # A heading's colon is the catalogue's too (位置参数：), not argparse's ASCII one.
        assert not re.search(r"⟧:$", said, re.M), path
        seen[" ".join(path) or "(top)"] = _english(said)
    bad = {command: found for command, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())


def test_argparse_refusals_in_the_pseudo_locale(
    pseudo_cli, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    refusals = [
        ["bogus"],  # invalid choice
        ["incident", "show"],  # the following arguments are required
        ["incident", "declare", "--level", "IX", "--title", "x"],
        ["--pin-fd", "x", "check"],  # invalid int value
        ["check", "--nope"],  # unrecognized arguments
        ["incident", "handover", "X"],  # one of the arguments … is required
        ["forms", "print", "mar", "--copies"],  # expected one argument
        ["--lang", "fr", "check"],
    ]
    for args in refusals:
        said = _exits(capsys, args, 2)
        assert "⟦" in said, args
        assert _english(said) == [], (args, said)


#: Contact files with every problem a row or a card can have (name, bytes, exit code).
CONTACT_FILES = [
    (
        "rows.csv",
        "name_zh,mobile,group,phone_order,action,extension\n"
        "张三,139 1000,后勤,fax,,\n李四,13800138000,tech,,delete,\n"
        "王五,13800138001,tech,,,12345678\n赵六,13800138002,tech,,,,多余\n".encode(),
        0,
    ),
    (
        "cards.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nTEL;TYPE=CELL:139 1000\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:钱七\nTEL;TYPE=FAX:010 6512 3456\n乱码\nADR:;;长安街 1 号\n"
        "END:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\nBEGIN:VCARD\nFN:孙八\n".encode(),
        0,
    ),
    ("empty.csv", b"", 1),
    ("headless.csv", "甲,乙\n1,2\n".encode(), 1),
    ("broken.xlsx", b"PK not a workbook", 1),
    ("blank.vcf", "姓名 张三\n".encode(), 1),
]


def _pin_fd(pin: str) -> int:
    read, write = os.pipe()
    os.write(write, f"{pin}\n".encode())
    os.close(write)
    return read


def test_trust_devices_and_people_in_the_pseudo_locale(pseudo_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = pseudo_cli
    seen: dict[str, list[str]] = {}
    fds: list[int] = []

    def check(*args: str, code: int = 0) -> str:
        said = run(*args, code=code)
        seen[f"{len(seen)}: {' '.join(args)}"] = _english(said)
        return said

    def pin(value: str) -> str:
        fds.append(_pin_fd(value))
        return str(fds[-1])

    key, listed, signed = tmp_path / "it.pem", tmp_path / "trust.yaml", tmp_path / "trust.signed"
    try:
        check("trust", "keygen", "--out", str(key))
        check("trust", "keygen", "--out", str(key), code=1)  # never overwrites a key
        device = json.loads(run("--json", "device", "show"))
        check("device", "show")
        it_public = json.loads(run("--json", "trust", "keygen", "--out", str(tmp_path / "b.pem")))
        check(
            "trust",
            "add",
            str(listed),
            "--public-key",
            device["public_key"],
            "--name",
            "指挥中心1号机",
            "--roles",
            "operator,plan-editor",
        )
        check("trust", "add", str(listed), "--public-key", "nope", "--name", "坏钥", code=1)
        spare_key = it_public["public_key"]  # any Ed25519 public key will do for a device
        add_spare = ["trust", "add", str(listed), "--public-key", spare_key, "--name", "备用机"]
        spare = json.loads(run("--json", *add_spare))["device"]
        check("trust", "revoke", str(listed), spare, "--on", "not-a-day", code=1)
        check("trust", "revoke", str(listed), spare)
        check("trust", "revoke", str(listed), "NOPE", code=1)
        check(
            "--pin-fd",
            pin("2468"),
            "trust",
            "person",
            str(listed),
            "--name",
            "李伟",
            "--roles",
            "commander",
        )
        check(
            "--pin-fd",
            pin("12"),
            "trust",
            "person",
            str(listed),
            "--name",
            "张敏",
            "--roles",
            "scribe",
            code=1,
        )
        check(
            "--pin-fd",
            pin("1357"),
            "trust",
            "person",
            str(listed),
            "--name",
            "张敏",
            "--roles",
            "king",
            code=1,
        )
        check("trust", "sign", str(listed), "--key", str(key), "--out", str(signed))
        check(
            "trust",
            "sign",
            str(tmp_path / "nope.yaml"),
            "--key",
            str(key),
            "--out",
            str(signed),
            code=1,
        )
        check("trust", "import", str(signed), code=1)  # no IT key pinned yet
        check("trust", "pin", str(tmp_path / "nope.pub"), code=1)
        check("trust", "pin", f"{key}.pub")
        check("trust", "import", str(signed))
        check("trust", "import", str(signed))  # already in use
        check("trust", "show")
        check("device", "list")
        check("device", "accept", "NOPE", code=1)
        check("device", "new-identity", code=1)  # the key still works
        incident = json.loads(
            run(
                "--json",
                "incident",
                "declare",
                "--level",
                "II",
                "--system",
                "his",
                "--title",
                "停机",
            )
        )["id"]
        sign_in = ["roster", "sign-in", "commander", "--incident", incident, "--person"]
        check(*sign_in, "王芳", code=1)  # not listed for the post
        check(*sign_in, "李伟", code=1)  # no PIN: nobody to ask
        check("--pin-fd", pin("0000"), *sign_in, "李伟", code=1)  # wrong PIN
        check("--pin-fd", pin("2468"), *sign_in, "李伟")
        check("--operator", "王芳", "--role", "commander", "device", "accept", spare, code=1)
        check("conflicts", "list")
        check("conflicts", "tidy")
        check("conflicts", "resolve", "contacts", "NOPE", "--keep", "x", code=1)
        check("device", "new-identity", "--replace")
    finally:
        for fd in fds:
            os.close(fd)
    bad = {command: found for command, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())


def test_the_rest_of_the_commands_in_the_pseudo_locale(pseudo_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = pseudo_cli
    seen: dict[str, list[str]] = {}

    def check(*args: str, code: int = 0) -> str:
        said = run(*args, code=code)
        seen[f"{len(seen)}: {' '.join(args)}"] = _english(said)
        return said

    incident = json.loads(
        run(
            "--json",
            "incident",
            "declare",
            "--level",
            "III",
            "--system",
            "lis",
            "--title",
            "检验停机",
        )
    )["id"]
    check("contacts", "region")
    check("contacts", "region", "CN")
    check("contacts", "region", "XX", code=1)
    check("contacts", "export", str(tmp_path / "c.csv"))
    check("contacts", "import", str(tmp_path / "c.csv"), "--dry-run")
    for name, data, code in CONTACT_FILES:
        (tmp_path / name).write_bytes(data)
        check("contacts", "import", str(tmp_path / name), "--dry-run", code=code)
    check("calltree", "create", "it-night", "--name", "夜班信息科", "--from-group", "hq")
    check("calltree", "create", "it-night", "--name", "夜班信息科", code=1)
    check("calltree", "list")
    check("calltree", "wave", "it-night", "1", "--need", "1", "--within", "10")
    check("calltree", "remove", "it-night")
    check("calltree", "remove", "nope", code=1)
    check("incident", "period", incident, "--objective", "恢复检验")
    check("incident", "periods", incident)
    check("incident", "objective", "NOPE", code=1)
    check("incident", "handover", incident, "--out", str(tmp_path / "h.pdf"), "--lang", "zh")
    check("tasks", "add", incident, "通知检验科", "--owner", "王芳", "--due", "+2h")
    check("tasks", incident)
    check("tasks", "done", "NOPE", code=1)
    check("tasks", "add", incident, code=2)
    check("roster", incident)
    check("roster", "sign-in", "scribe", "--incident", incident, "--person", "张敏")
    check("roster", "sign-out", "scribe", "--incident", incident)
    check("roster", "sign-out", "scribe", "--incident", incident, code=1)
    check("forms", "not-printed")
    check("forms", "reprint", "NOPE-000001", code=1)
    check("alerts", "list")
    check("alerts", "ack", "NOPE", code=1)
    check("resources", "list")
    check("drill", "runs")
    check("drill", "calendar")
    check("drill", "end", "NOPE", code=1)
    check("mesh", "peers")
    check("bundle", "vector", "--out", str(tmp_path / "v.json"))
    check("sync", code=1)  # no hub set
    check("restore", str(tmp_path / "nope.sqlite3"), code=1)
    check("review", "NOPE", code=1)
    check("--operator", "王芳", "--role", "scribe", "incident", "close", incident, code=1)
    bad = {command: found for command, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())


def test_a_bad_plan_or_drill_scenario_in_the_pseudo_locale(pseudo_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What is wrong with a plan or drill file, and where: every problem is a catalogue
    text (the places in the document are its own keys)."""
    import yaml

    run = pseudo_cli
    run("plan", "export", str(tmp_path / "plan.yaml"))
    doc = yaml.safe_load((tmp_path / "plan.yaml").read_text("utf-8"))
    doc["extra"] = 1
    doc["levels"] = doc["levels"][:2]
    doc["systems"][0]["bogus"] = True
    doc["systems"][1]["code"] = "非法 代码"
    doc["hospital"] = "x"
    files = {
        "wrong.yaml": yaml.safe_dump(doc, allow_unicode=True).encode(),
        "latin1.yaml": b"\x93abc",
        "broken.yaml": b"foo: [\n",
        "other.yaml": b"format: something-else\n",
        "list.json": b"[1, 2]",
    }
    seen = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        seen[f"plan {name}"] = _english(run("plan", "import", str(tmp_path / name), code=1))
        seen[f"drill {name}"] = _english(run("drill", "run", str(tmp_path / name), code=1))
    bad = {what: found for what, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())

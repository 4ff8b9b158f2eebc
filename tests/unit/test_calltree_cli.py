"""Call trees from the command line and from imported data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.services import calltrees, contacts
from hisconsole.services.console import Console

FIXTURES = Path(__file__).parent.parent / "fixtures" / "contacts"


def run(console: Console, *args: str) -> int:
    return main(["--data-dir", str(console.data_dir), *args])


def tree(console: Console, code: str) -> dict:
    return next(t for t in contacts.call_trees(console) if t["code"] == code)


def test_list_create_add_and_remove(console: Console, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(console, "--json", "calltree", "list") == 0
    before = {t["code"] for t in json.loads(capsys.readouterr().out)}
    assert (
        run(console, "calltree", "create", "night", "--name", "夜间技术组", "--from-group", "tech")
        == 0
    )
    made = tree(console, "night")
    assert made["name"] == {"zh": "夜间技术组"}
    tech = [k for k, d in contacts.contacts_by_key(console).items() if d["group"] == "tech"]
    top = made["nodes"]
    assert len(top) == 1 and {c["contact"] for c in top[0].get("children", [])} | {
        top[0]["contact"]
    } == set(tech)
    # By name or key; --after: the one who calls them; --alternate: their B 角.
    assert run(console, "calltree", "add", "night", "王建国", "--after", top[0]["contact"]) == 0
    assert run(console, "calltree", "add", "night", "c02", "--alternate", "吴静") == 0
    nodes = tree(console, "night")["nodes"]
    assert {"contact": "c01"} in nodes[0]["children"]
    assert nodes[1] == {"contact": "c02", "alternate": "c07"}
    capsys.readouterr()
    assert run(console, "--json", "calltree", "list") == 0
    listed = {t["code"]: t for t in json.loads(capsys.readouterr().out)}
    assert (
        set(listed) == before | {"night"} and listed["night"]["people"] == len(tech) + 3
    )  # c01, c02 and c07
    # Taking out the one who calls others moves those up; nobody drops out.
    lead = nodes[0]["contact"]
    assert run(console, "calltree", "remove", "night", lead) == 0
    after = tree(console, "night")["nodes"]
    assert lead not in {n["contact"] for n in after}
    assert {"contact": "c01"} in after
    assert run(console, "calltree", "remove", "night") == 0
    assert "night" not in {t["code"] for t in contacts.call_trees(console)}


def test_refusals_name_what_exists(console: Console, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(console, "calltree", "add", "nope", "c01") != 0
    err = capsys.readouterr().err
    assert "No call tree 'nope'; this console has " in err
    assert run(console, "calltree", "create", "x", "--name", "X", "--from-group", "nurses") != 0
    assert "groups in use: business, external, hq, tech, vendor" in capsys.readouterr().err
    assert run(console, "calltree", "create", "x", "--name", "X") == 0
    assert run(console, "calltree", "add", "x", "Nobody Here") != 0
    assert "No contact 'Nobody Here'" in capsys.readouterr().err
    assert run(console, "calltree", "add", "x", "c01", "--after", "c02") != 0
    assert "c02 is not in the call tree" in capsys.readouterr().err
    assert run(console, "calltree", "add", "x", "c01") == 0
    assert run(console, "calltree", "add", "x", "c01") != 0
    assert "already in the call tree" in capsys.readouterr().err
    assert [n["contact"] for n in tree(console, "x")["nodes"]] == ["c01"]


def test_print_without_a_tree_points_to_the_contacts_there_are(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for entry in contacts.call_trees(console):
        calltrees.remove(console, entry["code"])
    capsys.readouterr()
    assert run(console, "calltree", "print", "--out", str(tmp_path / "t.pdf")) != 0
    err = capsys.readouterr().err
    assert "No call tree yet, but" in err and "calltree create CODE" in err
    assert "import contacts" not in err
    assert not (tmp_path / "t.pdf").exists()


def test_an_import_builds_a_tree_by_department(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "hospital-list.xlsx"
    args = ["contacts", "import", str(path), "--tree", "depts", "--tree-name", "按科室通知"]
    assert run(console, *args) == 0
    built = tree(console, "depts")
    assert built["name"] == {"zh": "按科室通知"}
    people = contacts.contacts_by_key(console)
    heads = [people[n["contact"]]["name"] for n in built["nodes"]]
    assert heads == [{"zh": "刘洋"}, {"en": "Anna Müller"}]  # 药剂科, Radiology
    dingtalk = ["contacts", "import", str(FIXTURES / "dingtalk.xlsx"), "--tree", "lab"]
    assert run(console, *dingtalk, "--tree-by", "department") == 0
    lab = tree(console, "lab")
    assert [people_name(console, n["contact"]) for n in lab["nodes"]] == ["张伟", "陈静"]


def people_name(console: Console, key: str) -> str:
    return contacts.contacts_by_key(console)[key]["name"]["zh"]

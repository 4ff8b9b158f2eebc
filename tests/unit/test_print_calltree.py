"""Call-tree sheet: what a person holding the printout can read and dial."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from hisconsole.printing.calltree import render_call_tree

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "contacts.yaml"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(DEMO.read_text("utf-8"))
    return doc


def _contacts(demo: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["key"]: c for c in demo["contacts"]}


def _tree(demo: Mapping[str, Any], code: str) -> dict[str, Any]:
    return next(t for t in demo["call_trees"] if t["code"] == code)


def _render(tree: Mapping[str, Any], contacts: Mapping[str, Any], **kw: Any) -> bytes:
    out = io.BytesIO()
    options: dict[str, Any] = {
        "plan_version": 7,
        "printed_at": "2026-11-25 03:12",
        "hospital": "示例医院",
        "lang": "zh",
        "page": "A4",
    }
    options.update(kw)
    pages = render_call_tree(tree, contacts, out=out, **options)
    data = out.getvalue()
    assert len(PdfReader(io.BytesIO(data)).pages) == pages
    return data


def _squashed(data: bytes) -> list[str]:
    """The text of each page with all white space removed (numbers print with spaces)."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


def _font_sizes(data: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if text.strip():
                sizes.add(round(size * tm[0], 2))

        page.extract_text(visitor_text=visit)
    return sizes


def _people(tree: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    nodes, alternates = [], []

    def walk(items: list[Mapping[str, Any]]) -> None:
        for node in items:
            nodes.append(node["contact"])
            if node.get("alternate"):
                alternates.append(node["alternate"])
            walk(node.get("children") or [])

    walk(tree["nodes"])
    return nodes, alternates


def _assert_embedded_fonts_only(data: bytes, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts at all"
    for line in listing:
        assert "WenQuanYiMicroHei" in line and " yes yes " in line, line


def test_level_1_2_tree_fits_one_a4_page_with_every_name_and_number(
    demo: dict[str, Any], tmp_path: Path
) -> None:
    tree = _tree(demo, "level-1-2")
    contacts = _contacts(demo)
    nodes, alternates = _people(tree)
    assert len(nodes) == 21
    data = _render(tree, contacts)
    (text,) = _squashed(data)
    for key in nodes + alternates:
        person = contacts[key]
        assert person["name"]["zh"] in text, key
        assert person["name"]["en"].replace(" ", "") in text, key
        for phone in person["phones"]:
            assert phone["number"].replace(" ", "") in text, (key, phone)
    for key in nodes:
        assert contacts[key]["position"]["zh"] in text, key
    # Numbering that a person can follow, and the alternate instruction.
    for number in ("1冯超", "1.1孙立新", "1.1.1王建国", "1.1.1.2.2.1蒋琳", "1.1.2.4韩冰"):
        assert number in text
    assert "5分钟未接通改拨：刘淑芬LiuShufen" in text
    # Title, hospital, plan version, print date, and the time boxes.
    # A Chinese sheet names the tree in Chinese only (a bilingual one adds the English).
    assert "一、二级全面启动" in text and "LevelI/IIfullactivation" not in text
    assert "示例医院" in text and "预案版本7" in text and "2026-11-2503:12" in text
    assert text.count("____:____") == len(nodes) + len(alternates)
    assert min(_font_sizes(data)) >= 7
    _assert_embedded_fonts_only(data, tmp_path)


def test_english_labels(demo: dict[str, Any]) -> None:
    data = _render(_tree(demo, "level-1-2"), _contacts(demo), lang="en")
    (text,) = _squashed(data)
    assert "Noanswerin5min,call:刘淑芬LiuShufen" in text
    assert "Planversion7" in text and "Mob1391000" in text
    assert "VicePresident(IT)" in text


def test_pocket_cards_for_the_it_on_call_tree(demo: dict[str, Any], tmp_path: Path) -> None:
    tree = _tree(demo, "it-on-call")
    contacts = _contacts(demo)
    data = _render(tree, contacts, page="card")
    reader = PdfReader(io.BytesIO(data))
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width / MM), round(height / MM)) == (85, 54)
    pages = _squashed(data)
    assert len(pages) > 1
    text = "".join(pages)
    nodes, alternates = _people(tree)
    for key in nodes:
        person = contacts[key]
        assert person["name"]["zh"] + person["name"]["en"].replace(" ", "") in text
        for phone in person["phones"]:
            assert phone["number"].replace(" ", "") in text
    for key in alternates:
        alternate = contacts[key]
        assert alternate["name"]["zh"] + alternate["phones"][0]["number"].replace(" ", "") in text
    for n, page in enumerate(pages, 1):
        assert f"{n}/{len(pages)}" in page and "信息科值班" in page and "预案版本7" in page
    assert min(_font_sizes(data)) >= 6.5
    _assert_embedded_fonts_only(data, tmp_path)


def test_unknown_contacts_print_as_such_instead_of_failing(demo: dict[str, Any]) -> None:
    tree = {
        "code": "t",
        "name": {"zh": "测试", "en": "Test"},
        "wait_minutes": 3,
        "nodes": [{"contact": "c01", "alternate": "gone", "children": [{"contact": "c99"}]}],
    }
    (text,) = _squashed(_render(tree, _contacts(demo)))
    assert "3分钟未接通改拨：未知联系人gone" in text
    assert "1.1未知联系人c99" in text


def test_a_tree_too_big_for_one_page_continues_instead_of_clipping(
    demo: dict[str, Any],
) -> None:
    contacts = _contacts(demo)
    keys = list(contacts)
    tree = {
        "code": "big",
        "name": {"zh": "全院", "en": "Everyone"},
        "wait_minutes": 5,
        "nodes": [
            {
                "contact": keys[i % len(keys)],
                "alternate": keys[(i + 1) % len(keys)],
                "children": [{"contact": k, "alternate": keys[0]} for k in keys[:3]],
            }
            for i in range(20)
        ],
    }
    data = _render(tree, contacts)
    pages = _squashed(data)
    assert len(pages) > 1
    text = "".join(pages)
    assert "20.3" in text and all(f"第{n}页，共{len(pages)}页" in p for n, p in enumerate(pages, 1))
    assert min(_font_sizes(data)) >= 7


def test_bad_arguments_are_refused(demo: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="lang"):
        _render(_tree(demo, "it-on-call"), _contacts(demo), lang="fr")
    with pytest.raises(ValueError, match="page"):
        _render(_tree(demo, "it-on-call"), _contacts(demo), page="A5")


def test_long_names_and_numbers_wrap_on_a_card_but_are_never_cut() -> None:
    contacts = {
        "a": {
            "name": {"zh": "欧阳娜娜", "en": "Ouyang Nana-Christina Alexandra Montgomery"},
            "position": {"zh": "夜班总值班"},
            "phones": [
                {"type": "mobile", "number": "139 1000 2001"},
                {"type": "office", "number": "010 6512 3001 ext. 8001"},
                {"type": "home", "number": "+44 20 7946 0958"},
            ],
        },
        "b": {"name": {"zh": "司马光"}, "phones": [{"type": "mobile", "number": "138 1102 3452"}]},
    }
    tree = {"code": "t", "name": {"zh": "测试"}, "nodes": [{"contact": "a", "alternate": "b"}]}
    text = "".join(_squashed(_render(tree, contacts, page="card")))
    assert "欧阳娜娜OuyangNana-ChristinaAlexandraMontgomery" in text
    for number in ("13910002001", "01065123001ext.8001", "+442079460958", "13811023452"):
        assert number in text


def test_extensions_and_short_numbers_print_with_their_type() -> None:
    people = {
        "a": {
            "name": {"zh": "刘洋"},
            "phones": [
                {"type": "short", "number": "61005"},
                {"type": "extension", "number": "8005"},
                {"type": "mobile", "number": "139 1000 2005"},
            ],
        }
    }
    tree = {"code": "t", "name": {"zh": "药剂科"}, "wait_minutes": 5, "nodes": [{"contact": "a"}]}
    (zh,) = _squashed(_render(tree, people))
    assert "短号61005" in zh and "分机8005" in zh and "手机13910002005" in zh
    (en,) = _squashed(_render(tree, people, lang="en"))
    assert "Short61005" in en and "Ext8005" in en

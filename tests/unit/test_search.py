"""Plan search: Chinese substrings (two characters too), English words, codes; ranked."""

from __future__ import annotations

import pytest

from hisconsole.services import plan as plan_service
from hisconsole.services import search
from hisconsole.services.console import Console


def test_two_character_chinese_finds_the_lab_steps(console: Console) -> None:
    hits = search.search(console, "检验")
    assert hits, "检验 found nothing"
    assert hits[0].key in {"scenarios/lis-down", "systems/LIS"}
    assert any(h.key == "scenarios/lis-down" and h.field.startswith("steps[") for h in hits)
    assert all("检验" in h.text for h in hits)
    assert "[检验]" in hits[0].highlighted()


def test_codes_and_english_find_the_imaging_steps(console: Console) -> None:
    hits = search.search(console, "PACS")
    assert hits[0].key in {"scenarios/pacs-down", "systems/PACS"}
    assert any(h.key == "scenarios/pacs-down" and h.field.startswith("steps[") for h in hits)
    english = search.search(console, "imaging")
    assert english and all("imaging" in h.text.lower() for h in english)


@pytest.mark.parametrize("query", ["", "   ", "没有这个词语的内容", "%", '"quoted"'])
def test_odd_queries_return_calmly(console: Console, query: str) -> None:
    assert isinstance(search.search(console, query), list)


def test_the_index_follows_plan_changes(console: Console) -> None:
    assert search.search(console, "卫星电话演练专用词") == []
    doc = plan_service.current_document(console)
    assert doc is not None
    doc["overview"]["purpose"]["zh"] += " 卫星电话演练专用词"
    plan_service.import_document(console, doc)
    (hit,) = search.search(console, "卫星电话演练专用词")
    assert hit.key == "overview" and hit.lang == "zh"

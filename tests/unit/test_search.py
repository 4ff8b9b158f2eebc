"""Plan search: Chinese substrings (two characters too), English words, codes; ranked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize("query", ["\x00", "PACS\x00", "PA\x00CS", "\ud800PACS", "PACS\x1b"])
def test_nul_and_lone_surrogates_are_dropped_not_an_error(console: Console, query: str) -> None:
    found = {h.key for h in search.search(console, query)}
    if "PACS" in query.replace("\x00", "").replace("\ud800", "").replace("\x1b", ""):
        assert "systems/PACS" in found
    else:
        assert found == set()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=20))
def test_any_text_query_gives_hits_never_an_error(console: Console, query: str) -> None:
    for hit in search.search(console, query):
        assert hit.key and hit.text


def test_the_index_follows_plan_changes(console: Console) -> None:
    assert search.search(console, "卫星电话演练专用词") == []
    doc = plan_service.current_document(console)
    assert doc is not None
    doc["overview"]["purpose"]["zh"] += " 卫星电话演练专用词"
    plan_service.import_document(console, doc)
    (hit,) = search.search(console, "卫星电话演练专用词")
    assert hit.key == "overview" and hit.lang == "zh"

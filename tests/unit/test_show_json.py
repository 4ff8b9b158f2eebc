"""``incident show --json`` writes each log entry itself (fast): the same bytes as json's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.cli import main
from hisconsole.cli.incident import log_item_json
from hisconsole.services import incidents
from hisconsole.services.console import Console

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(), values, max_size=10))
def test_an_entry_is_written_as_json_writes_it_in_the_document(entry: dict[str, Any]) -> None:
    expected = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert log_item_json(entry) == expected


def test_incident_show_json_is_one_document_with_every_entry(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS 中断", systems=["HIS"])
    incidents.log(console, incident_id, '引号 "quoted" \\ 反斜杠\n第二行', kind="action")
    incidents.set_system_status(console, incident_id, "HIS", "degraded", comment="慢 slow")
    data_dir = str(Path(console.data_dir))
    console.close()
    assert main(["--data-dir", data_dir, "--json", "incident", "show", incident_id]) == 0
    shown = json.loads(capsys.readouterr().out)
    again = Console.open(Path(data_dir))
    try:
        expected = incidents.show(again, incident_id)
    finally:
        again.close()
    assert shown["log"] == expected["log"] and shown["title"] == expected["title"]
    assert [e["kind"] for e in shown["log"]] == ["declared", "action", "status"]
    assert shown["log"][1]["text"] == '引号 "quoted" \\ 反斜杠\n第二行'
    assert shown["log"][2]["data"]["status"] == "degraded"

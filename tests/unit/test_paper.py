"""Paper burn-down: the rate sheets are used at, per ward, and when each form runs out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hisconsole.cli import main
from hisconsole.domain import paper
from hisconsole.services import alerts, forms
from hisconsole.services.console import Console
from tests.support import Clock

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def _ago(hours: float) -> dt.datetime:
    return NOW - dt.timedelta(hours=hours)


def _burn(on_hand: int | None, issued: list[tuple[str, float]]) -> paper.BurnDown:
    """The burn-down from sheets issued (ward, hours ago), summed as the store sums them."""
    recent = [(ward, _ago(h)) for ward, h in issued if _ago(h) >= paper.window_start(NOW)]
    per_ward: dict[str, int] = {}
    for ward, _at in recent:
        per_ward[ward] = per_ward.get(ward, 0) + 1
    first = min((at for _ward, at in recent), default=None)
    return paper.burn_down(on_hand, per_ward, first, NOW)


def test_nothing_used_is_no_forecast() -> None:
    assert _burn(40, []) == paper.BurnDown()
    # Sheets older than the window are not the current rate.
    assert _burn(40, [("W3A", 5)]).per_hour == 0


def test_the_rate_over_the_last_hours_per_ward_and_when_it_runs_out() -> None:
    issued = [("W3A", h / 4) for h in range(12)]  # 12 in the last 3 h
    issued += [("ICU", 3), ("ICU", 1)]
    burn = _burn(8, issued)
    assert burn.per_hour == pytest.approx(14 / 3)
    assert burn.by_ward == pytest.approx({"ICU": 2 / 3, "W3A": 4})
    assert burn.hours_left == pytest.approx(8 / (14 / 3))
    assert burn.running_out and burn.runs_out_at == NOW + dt.timedelta(hours=burn.hours_left)
    assert not _burn(80, issued).running_out
    assert _burn(None, issued).hours_left is None  # stock never counted


def test_a_pack_printed_a_minute_ago_counts_over_an_hour() -> None:
    burn = _burn(500, [("W3A", 1 / 60)] * 60)
    assert burn.per_hour == 60 and burn.hours_left == pytest.approx(500 / 60)


@settings(max_examples=80, deadline=None)
@given(
    on_hand=st.integers(0, 10_000),
    issued=st.lists(st.tuples(st.sampled_from(["", "W3A", "ICU"]), st.floats(0, 6)), max_size=60),
)
def test_forecast_rules_hold_for_any_use(on_hand: int, issued: list[tuple[str, float]]) -> None:
    burn = _burn(on_hand, issued)
    assert sum(burn.by_ward.values()) == pytest.approx(burn.per_hour)
    recent = [h for _w, h in issued if h <= paper.RATE_WINDOW_HOURS]
    if not recent:
        assert burn == paper.BurnDown()
        return
    assert burn.per_hour <= len(recent) / paper.MIN_SPAN_HOURS
    assert burn.hours_left == pytest.approx(on_hand / burn.per_hour)
    assert burn.running_out == (burn.hours_left < paper.WARN_HOURS)
    more = _burn(on_hand + 10, issued)
    assert more.hours_left is not None and more.hours_left > burn.hours_left


def _issue(console: Console, template: str, count: int, ward: str) -> None:
    first = forms.reserve_serials(console, count)
    forms.record_issued(
        console,
        template=template,
        template_version=1,
        first=first,
        count=count,
        incident=None,
        lang="zh",
        department=ward,
    )


def test_stock_forecasts_and_alerts_before_a_form_runs_out(timed: Console, clock: Clock) -> None:
    forms.count_stock(timed, "mar", 100)
    clock.advance(1)
    for _ in range(4):  # four hours of steady use: 6 an hour on W3A, 2 on ICU
        _issue(timed, "mar", 6, "W3A")
        _issue(timed, "mar", 2, "ICU")
        clock.advance(60)
    row = next(r for r in forms.stock(timed) if r["template"] == "mar")
    assert row["on_hand"] == 68 and row["per_hour"] == 8.0
    assert row["per_hour_by_ward"] == [
        {"ward": "ICU", "per_hour": 2.0},
        {"ward": "W3A", "per_hour": 6.0},
    ]
    assert (row["hours_left"], row["running_out"]) == (8.5, False)
    assert row["runs_out_at"] == "2026-11-25T14:31:00+00:00"
    assert [a.kind for a in alerts.current(timed).alerts] == []
    found = alerts.current(timed)
    # The list is read again when the form starts running out at this rate.
    assert found.changes_at == dt.datetime(2026, 11, 25, 12, 31, tzinfo=dt.UTC)

    _issue(timed, "mar", 56, "W3A")  # a ward's rush: 12 left, at 22 an hour
    row = next(r for r in forms.stock(timed) if r["template"] == "mar")
    assert row["running_out"] and row["hours_left"] == pytest.approx(12 / 22, abs=0.05)
    (short,) = alerts.current(timed).alerts
    assert (short.kind, short.severity) == ("paper-running-out", "urgent")
    assert "Paper running out" in alerts.describe(short) and "12 sheets left" in (
        alerts.describe(short)
    )
    forms.count_stock(timed, "mar", 400)  # fetched more: the alert ends
    assert [a.kind for a in alerts.current(timed).alerts] == []


def test_forms_stock_json_keeps_its_fields_and_adds_the_forecast(
    ready_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(ready_data_dir)]
    assert main([*args, "forms", "print", "mar", "--copies", "5", "--department", "ICU",
                 "--out", str(ready_data_dir / "m.pdf")]) == 0  # fmt: skip
    assert main([*args, "forms", "stock", "--count", "mar=50"]) == 0  # counted after printing
    capsys.readouterr()
    assert main([*args, "--json", "forms", "stock", "--wards", "2"]) == 0
    rows = {r["template"]: r for r in json.loads(capsys.readouterr().out)}
    mar = rows["mar"]
    assert {k: mar[k] for k in ("on_hand", "need_8h", "low")} == {
        "on_hand": 50,
        "need_8h": 60,
        "low": True,
    }
    assert mar["per_hour"] == 5.0 and mar["per_hour_by_ward"] == [{"ward": "ICU", "per_hour": 5.0}]
    assert mar["hours_left"] == 10.0 and not mar["running_out"] and mar["runs_out_at"]
    assert rows["orders"]["per_hour"] == 0 and rows["orders"]["runs_out_at"] is None
    assert main([*args, "forms", "stock"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("mar "))
    assert "50 on hand" in line and "5.0 used an hour, out in 10.0 h" in line

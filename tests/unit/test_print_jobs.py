"""Print jobs followed to their end: sheets sent, printed, not printed, reprinted, voided.

A scripted print system stands in for CUPS here (the real one is in tests/printers).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from hisconsole.i18n import render
from hisconsole.services import forms, printers
from hisconsole.services.console import Console, ServiceError
from hisconsole.spool import JobOptions, JobStatus, Printer, PrintSystemError, QueuedJob
from hisconsole.store import eventlog, projections


class ScriptedSpool:
    """A print system whose jobs end the way the test says."""

    def __init__(self, ending: str = "completed", reason: tuple[str, ...] = ()) -> None:
        self.ending = ending
        self.reason = reason
        self.jobs: dict[str, tuple[bytes, str, JobOptions, str]] = {}
        self.cancelled: list[str] = []
        self.refuse: str | None = None
        self.printer = Printer("Ward5", "ready", ("none",))

    def printers(self) -> list[Printer]:
        return [self.printer]

    def queue(self, printer: str) -> list[QueuedJob]:
        return []

    def submit(self, pdf: bytes, printer: str, options: JobOptions, title: str) -> str:
        if self.refuse:
            raise PrintSystemError(self.refuse)
        job = f"{printer}-{len(self.jobs) + 1}"
        self.jobs[job] = (pdf, printer, options, title)
        return job

    def status(self, job: str) -> JobStatus:
        state = "cancelled" if job in self.cancelled else self.ending
        return JobStatus(job, self.jobs[job][1], state, printer_reasons=self.reason)

    def cancel(self, job: str) -> None:
        self.cancelled.append(job)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _states(console: Console) -> dict[str, tuple[str, str, int]]:
    return {
        s["serial"]: (s["print_state"], s["print_reason"], s["reprints"])
        for s in forms.sheets(console)
    }


def _print(console: Console, spool: ScriptedSpool, copies: int = 3) -> printers.PrintJob:
    pack = forms.prepare_pack(console, [("mar", copies)], lang="en")
    return printers.send(console, pack, "Ward5", spool=spool)


def test_sheets_are_sent_when_the_job_is_accepted_and_printed_when_it_completes(
    console: Console,
) -> None:
    spool = ScriptedSpool("completed")
    job = _print(console, spool)
    assert spool.jobs[job.job][0].startswith(b"%PDF")  # the PDF itself, not pictures of it
    assert {s: v[0] for s, v in _states(console).items()} == dict.fromkeys(job.serials, "sent")
    status = printers.follow(job, spool=spool, sleep=lambda s: None)
    assert printers.record_end(console, job, status, spool=spool) == "printed"
    assert set(_states(console).values()) == {("printed", "", 0)}
    assert printers.not_printed(console) == []


def test_a_job_the_printer_refuses_records_nothing(console: Console) -> None:
    spool = ScriptedSpool()
    spool.refuse = 'Destination "Ward5" is not accepting jobs.'
    with pytest.raises(ServiceError, match=r"not accepting jobs.*Nothing was recorded"):
        _print(console, spool)
    assert forms.sheets(console) == []


@pytest.mark.parametrize(("lang", "said"), [("en", "is stopped"), ("zh", "已停止")])
def test_a_printer_stopped_before_the_job_is_refused_like_a_missing_one(
    console: Console, lang: str, said: str
) -> None:
    """A disabled queue takes jobs and prints nothing: the sheets would wait as "sent"."""
    spool = ScriptedSpool()
    spool.printer = Printer("Ward5", "stopped", ("paused",), message="Paper jam in tray 2")
    pack = forms.prepare_pack(console, [("mar", 2)], lang="en")
    with pytest.raises(printers.PrinterStopped) as refused:
        printers.send(console, pack, "Ward5", spool=spool)
    words = render(refused.value, lang)
    assert said in words and "Ward5" in words and "Paper jam in tray 2" in words, words
    assert "cupsenable Ward5" in words
    assert spool.jobs == {} and forms.sheets(console) == []
    with pytest.raises(printers.PrinterStopped):
        printers.send_document(pack.pdf, "Ward5", spool=spool)
    assert spool.jobs == {}


def test_copies_of_numbered_sheets_are_refused(console: Console) -> None:
    pack = forms.prepare_pack(console, [("mar", 1)])
    with pytest.raises(ServiceError, match="cannot make copies"):
        printers.send(console, pack, "Ward5", options=JobOptions(copies=2), spool=ScriptedSpool())
    assert forms.sheets(console) == []


def test_a_stopped_job_is_cancelled_and_its_sheets_not_printed_with_the_reason(
    console: Console,
) -> None:
    spool = ScriptedSpool("stopped", reason=("media-empty-error",))
    job = _print(console, spool)
    status = printers.follow(job, spool=spool, sleep=lambda s: None)
    assert status.state == "stopped"
    assert printers.record_end(console, job, status, spool=spool) == "not-printed"
    assert spool.cancelled == [job.job]  # it cannot come out later beside its reprint
    assert set(_states(console).values()) == {("not-printed", "stopped: media-empty-error", 0)}
    assert [s["serial"] for s in printers.not_printed(console)] == job.serials


def test_not_printed_sheets_are_reprinted_marked_and_then_printed(console: Console) -> None:
    failing = ScriptedSpool("failed")
    job = _print(console, failing, copies=2)
    printers.record_end(console, job, printers.follow(job, spool=failing), spool=failing)

    spool = ScriptedSpool("failed")
    again = printers.reprint(console, job.serials, "Ward5", spool=spool)
    text = _text(spool.jobs[again.job][0])
    assert "REPRINT 1" in text and all(serial in text for serial in job.serials)
    assert "重印" not in text  # an English pack is English throughout
    assert set(_states(console).values()) == {("sent", "", 1)}
    printers.record_end(console, again, printers.follow(again, spool=spool), spool=spool)

    spool.ending = "completed"
    third = printers.reprint(console, job.serials, "Ward5", spool=spool)
    assert "REPRINT 2" in _text(spool.jobs[third.job][0])
    printers.record_end(console, third, printers.follow(third, spool=spool), spool=spool)
    assert set(_states(console).values()) == {("printed", "", 2)}
    with pytest.raises(ServiceError, match="Only sheets recorded as not printed"):
        printers.reprint(console, job.serials, "Ward5", spool=spool)


def test_not_printed_sheets_can_be_voided_and_leave_the_list(console: Console) -> None:
    spool = ScriptedSpool("cancelled")
    job = _print(console, spool, copies=2)
    printers.record_end(console, job, printers.follow(job, spool=spool), spool=spool)
    result = printers.void(console, job.serials)
    assert result.changed == job.serials
    assert printers.not_printed(console) == []
    assert {s["status"] for s in forms.sheets(console)} == {"void"}


def test_reprinting_unknown_or_saved_sheets_is_refused(console: Console, tmp_path: Path) -> None:
    saved = forms.print_to_file(console, "mar", 1, tmp_path / "x.pdf")
    with pytest.raises(ServiceError, match="Only sheets recorded as not printed"):
        printers.reprint(console, saved, "Ward5", spool=ScriptedSpool())
    with pytest.raises(ServiceError, match="Never issued here"):
        printers.reprint(console, ["ZZZZ-000001"], "Ward5", spool=ScriptedSpool())


endings = st.lists(
    st.tuples(
        st.sampled_from(["print", "reprint", "void"]),
        st.sampled_from(["completed", "cancelled", "failed", "stopped"]),
    ),
    max_size=6,
)


@pytest.mark.slow
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=endings)
def test_print_states_rebuilt_from_the_log_equal_the_incremental_ones(
    ready_data_dir: Path, ops: list[tuple[str, str]]
) -> None:
    workdir = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(ready_data_dir, workdir / "data")
        console = Console.open(workdir / "data")
        for action, ending in ops:
            spool = ScriptedSpool(ending, reason=("offline-report",))
            waiting = [s["serial"] for s in printers.not_printed(console)]
            if action == "print" or not waiting:
                job = _print(console, spool, copies=2)
            elif action == "reprint":
                job = printers.reprint(console, waiting, "Ward5", spool=spool)
            else:
                printers.void(console, waiting[:1])
                continue
            printers.record_end(console, job, printers.follow(job, spool=spool), spool=spool)
        with console.db.write() as session:
            incremental = projections.snapshot(session)
            eventlog.rebuild(session)
            rebuilt = projections.snapshot(session)
        assert incremental == rebuilt
        console.close()
    finally:
        shutil.rmtree(workdir)


def test_an_unreachable_print_system_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))
    with pytest.raises(ServiceError, match=r"print system \(CUPS at .*no-cups.sock\) cannot be"):
        printers.printers()


def test_sheets_not_printed_are_an_alert_until_reprinted(console: Console) -> None:
    from hisconsole.services import alerts

    spool = ScriptedSpool("stopped", reason=("paused",))
    job = _print(console, spool, copies=2)
    printers.record_end(console, job, printers.follow(job, spool=spool), spool=spool)
    [found] = [a for a in alerts.current(console).alerts if a.kind == "sheets-not-printed"]
    assert found.severity == alerts.URGENT
    assert alerts.describe(found) == (
        f"2 sheet(s) {job.serials[0]} .. {job.serials[1]} not printed: job {job.job} on Ward5 "
        "stopped: paused. Reprint them or void them"
    )
    spool.ending = "completed"
    again = printers.reprint(console, job.serials, "Ward5", spool=spool)
    printers.record_end(console, again, printers.follow(again, spool=spool), spool=spool)
    assert [a for a in alerts.current(console).alerts if a.kind == "sheets-not-printed"] == []

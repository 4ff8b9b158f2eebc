"""The command line printing on a real CUPS queue: printed, disabled mid-job, cancelled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PrintQueue
from tests.printers.test_print_queue import qr_codes
from tests.support import wait_for


def hisconsole(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=300,
        check=False,
    )


def start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def page_sized_images(pdf: Path) -> list[str]:
    """Images in ``pdf`` as large as a page (a rasterised page would be one)."""
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    big = []
    for line in listing:
        cols = line.split()
        width, height = int(cols[3]), int(cols[4])
        if width * height > 1_000_000:  # an A4 page at 150 dpi is 2.2 Mpx; a QR is ~0.001
            big.append(line)
    return big


def test_printers_lists_the_queue(ready_data_dir: Path, cups_queue: PrintQueue) -> None:
    done = hisconsole(ready_data_dir, "printers", "--json")
    assert done.returncode == 0, done.stderr
    [queue] = [p for p in json.loads(done.stdout) if p["name"] == cups_queue.name]
    assert (queue["state"], queue["accepting"]) == ("ready", True)


@pytest.mark.slow
def test_forms_print_on_a_queue_waits_for_the_job_and_the_output_is_vector_and_scans(
    ready_data_dir: Path, cups_queue: PrintQueue
) -> None:
    done = hisconsole(
        ready_data_dir, "forms", "print", "mar", "--copies", "20",
        "--printer", cups_queue.name, "--wait", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["state"], result["print_state"], len(result["serials"])) == (
        "completed",
        "printed",
        20,
    )
    [output] = cups_queue.printed()
    assert page_sized_images(output) == []
    assert sorted(qr_codes(output)) == result["serials"]
    listed = json.loads(hisconsole(ready_data_dir, "forms", "not-printed", "--json").stdout)
    assert listed == []


def test_the_old_out_option_still_prints_to_a_file_and_lists_the_serials(
    ready_data_dir: Path, tmp_path: Path
) -> None:
    done = hisconsole(ready_data_dir, "forms", "print", "mar", "--copies", "2", "--out",
                      str(tmp_path / "x.pdf"), "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    serials = json.loads(done.stdout)
    assert isinstance(serials, list) and len(serials) == 2
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def _job_printing(queue: PrintQueue) -> bool:
    return bool(queue.server.run("lpstat", "-o", queue.name).stdout.strip())


def test_a_disabled_queue_is_refused_before_the_job_and_records_nothing(
    ready_data_dir: Path, cups_queue: PrintQueue
) -> None:
    cups_queue.server.run("cupsdisable", "-r", "Paper jam in tray 2", cups_queue.name)
    try:
        for lang, said in (("en", "is stopped"), ("zh", "已停止")):
            done = hisconsole(ready_data_dir, "--lang", lang, "forms", "print", "mar",
                              "--copies", "2", "--printer", cups_queue.name)  # fmt: skip
            assert done.returncode == 1 and done.stdout == "", done.stderr
            assert said in done.stderr and "Paper jam in tray 2" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
        issued = hisconsole(ready_data_dir, "forms", "outstanding", "--json")
        assert json.loads(issued.stdout) == []
        assert not _job_printing(cups_queue)
    finally:
        cups_queue.server.run("cupsenable", cups_queue.name)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["disable", "cancel"])
def test_a_printer_disabled_or_a_job_cancelled_mid_job_leaves_the_sheets_not_printed(
    ready_data_dir: Path, cups_queue: PrintQueue, how: str
) -> None:
    gate = cups_queue.server.gate(cups_queue.name)
    gate.touch()  # the job stays "printing" until the test acts
    try:
        running = start(
            ready_data_dir, "forms", "print", "mar", "--copies", "20",
            "--printer", cups_queue.name, "--wait", "--json",
        )  # fmt: skip
        wait_for(lambda: _job_printing(cups_queue), what="the job to reach the queue")
        if how == "disable":
            cups_queue.server.run("cupsdisable", "-r", "Paper jam in tray 2", cups_queue.name)
        else:
            cups_queue.server.run("cancel", "-a", cups_queue.name)
        stdout, stderr = running.communicate(timeout=120)
    finally:
        gate.unlink()
    assert running.returncode == 4, stderr
    result = json.loads(stdout)
    assert result["print_state"] == "not-printed"
    if how == "disable":
        assert result["state"] == "stopped"
        # The printer's reason keyword; its message is cupsdisable's, or what a filter
        # said last as CUPS stopped the job (CUPS keeps the latest).
        assert "paused" in result["reason"]
        assert result["reason"] in stderr
        # Stopped jobs are cancelled: re-enabling the printer prints nothing twice.
        cups_queue.server.run("cupsenable", cups_queue.name)
    else:
        assert result["state"] == "cancelled"
    assert "not printed" in stderr
    listed = json.loads(hisconsole(ready_data_dir, "forms", "not-printed", "--json").stdout)
    assert listed == result["serials"]
    assert not _job_printing(cups_queue)
    assert cups_queue.printed() == []

    again = hisconsole(ready_data_dir, "forms", "reprint", f"{listed[0]}..{listed[-1]}",
                       "--printer", cups_queue.name, "--wait", "--json")  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["reprint"] == 1
    [output] = cups_queue.printed()
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True).stdout
    assert "REPRINT 1" in text  # (cups-pdf rewrites the PDF: its Chinese text is not extractable)
    assert sorted(qr_codes(output)) == listed
    assert json.loads(hisconsole(ready_data_dir, "forms", "not-printed", "--json").stdout) == []


def test_a_kit_prints_on_a_queue(ready_data_dir: Path, cups_queue: PrintQueue) -> None:
    done = hisconsole(ready_data_dir, "kit", "--scenario", "his-down", "--wards", "2",
                      "--printer", cups_queue.name, "--wait", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["print_state"] == "printed"
    [output] = cups_queue.printed()
    assert sorted(qr_codes(output)) == result["serials"]
    assert page_sized_images(output) == []


def test_an_unknown_printer_is_refused_and_records_nothing(
    ready_data_dir: Path, cups_queue: PrintQueue
) -> None:
    done = hisconsole(ready_data_dir, "forms", "print", "mar", "--printer", "NoSuchQueue", "--json")
    assert done.returncode == 1
    assert "did not take the job" in done.stderr and "Nothing was recorded" in done.stderr
    assert json.loads(hisconsole(ready_data_dir, "forms", "outstanding", "--json").stdout) == []

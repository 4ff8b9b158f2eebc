"""Packs printed through a real CUPS queue (cups-pdf), followed to their end."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hisconsole.services import forms, printers
from hisconsole.services.console import Console
from tests.conftest import PrintQueue


def qr_codes(pdf: Path) -> list[str]:
    """Every QR code on the printed pages, decoded (zbarimg over a 200 dpi rendering)."""
    subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", str(pdf), str(pdf.with_suffix(""))], check=True
    )
    found = []
    for image in sorted(pdf.parent.glob(f"{pdf.stem}-*.pgm")):
        done = subprocess.run(
            ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
        )
        found += done.stdout.split()
    return found


def test_printers_lists_the_queue_ready(cups_queue: PrintQueue) -> None:
    [printer] = [p for p in printers.printers() if p.name == cups_queue.name]
    assert (printer.state, printer.accepting) == ("ready", True)


def test_a_pack_comes_out_of_the_queue_and_its_sheets_are_printed(
    console: Console, cups_queue: PrintQueue
) -> None:
    pack = forms.prepare_pack(console, [("mar", 3)], lang="en")
    job = printers.send(console, pack, cups_queue.name)
    status = printers.follow(job, timeout=120)
    assert status.state == "completed", status
    assert printers.record_end(console, job, status) == "printed"
    assert {s["print_state"] for s in forms.sheets(console)} == {"printed"}
    [output] = cups_queue.printed()
    assert sorted(qr_codes(output)) == job.serials

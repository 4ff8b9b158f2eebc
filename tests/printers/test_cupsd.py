"""The private print system the printing tests rely on: it prints a PDF into the test's folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reportlab.pdfgen import canvas

from tests.conftest import PrintQueue
from tests.support import wait_for


def test_a_pdf_sent_with_lp_comes_out_of_the_cups_pdf_queue(
    cups_queue: PrintQueue, tmp_path: Path
) -> None:
    source = tmp_path / "hello.pdf"
    page = canvas.Canvas(str(source))
    page.drawString(72, 720, "HIS Console test page")
    page.save()
    done = cups_queue.server.run("lp", "-d", cups_queue.name, str(source))
    assert "request id is" in done.stdout
    wait_for(
        lambda: (
            cups_queue.printed()
            and not cups_queue.server.run("lpstat", "-o", cups_queue.name).stdout
        ),
        what="the job to leave the queue",
    )
    [printed] = cups_queue.printed()
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    assert "HIS Console test page" in text

"""A 1,000-sheet MAR pack printed through a real CUPS queue (cups-pdf), next to ``lp`` of the
same PDF in the same run.

Measured for each: the job's size as CUPS holds it (job-k-octets) and the time from handing
the job over until CUPS reports it completed. The console's path is services.printers.send
(the PDF itself, recorded as issued) + printers.wait (followed to completed, recorded as
printed); the baseline is ``lp -d QUEUE pack.pdf`` followed the same way. Goals (issue 21):
job <= 2x the PDF, time <= 1.5x lp. Runs alternate (BENCH_RUNS each, medians).

Needs root and the Debian packages cups, cups-client, printer-driver-cups-pdf (a private
cupsd is started in a temp dir, as in the tests).
Run: ``.venv/bin/python tests/bench/bench_print.py`` (BENCH_SHEETS to change 1000).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from hisconsole.services import forms, printers
from hisconsole.services.setup import open_or_initialise
from hisconsole.spool import cups
from tests import cupsd

SHEETS = int(os.environ.get("BENCH_SHEETS", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "2"))


def _until_completed(job: str) -> cups.JobStatus:
    spool = cups.Cups()
    while True:
        status = spool.status(job)
        if status.ended:
            if status.state != "completed":
                raise SystemExit(f"job {job} ended {status.state}: {status.reason}")
            return status
        time.sleep(0.05)


def main() -> None:
    try:
        server = cupsd.start(Path(tempfile.mkdtemp(prefix="hisconsole-bench-cups-")))
    except cupsd.CupsUnavailable as exc:
        raise SystemExit(f"bench_print: no private CUPS server: {exc}") from exc
    os.environ["CUPS_SERVER"] = str(server.socket)
    work = Path(tempfile.mkdtemp(prefix="hisconsole-bench-print-"))
    try:
        queue = server.add_queue("BENCH", work / "printed")
        console, _ = open_or_initialise(work / "data")
        lp_runs: list[tuple[float, int]] = []
        console_runs: list[tuple[float, int]] = []
        pdf_size = 0
        for run in range(RUNS):
            pack = forms.prepare_pack(console, [("mar", SHEETS)], lang="zh")
            pdf_size = len(pack.pdf)
            path = work / f"pack-{run}.pdf"
            path.write_bytes(pack.pdf)

            started = time.perf_counter()
            said = subprocess.run(
                ["lp", "-d", queue, str(path)], capture_output=True, text=True, check=True
            ).stdout
            job = said.split("request id is ", 1)[1].split()[0]
            status = _until_completed(job)
            lp_runs.append((time.perf_counter() - started, status.size_bytes))

            started = time.perf_counter()
            sent = printers.send(console, pack, queue)
            outcome = printers.wait(console, sent)
            elapsed = time.perf_counter() - started
            if outcome.print_state != "printed":
                raise SystemExit(f"console job {sent.job}: {outcome.state} {outcome.reason}")
            console_runs.append((elapsed, cups.Cups().status(sent.job).size_bytes))
        console.close()
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(work)], check=False)

    lp_time = statistics.median(t for t, _ in lp_runs)
    lp_size = statistics.median(s for _, s in lp_runs)
    our_time = statistics.median(t for t, _ in console_runs)
    our_size = statistics.median(s for _, s in console_runs)
    print(f"{SHEETS}-sheet MAR pack: PDF {pdf_size / 1024:.0f} KB; {RUNS} run(s) each, medians")
    print(f"  lp of the PDF      : job {lp_size / 1024:8.0f} KB, completed in {lp_time:6.2f} s")
    print(f"  console (--printer): job {our_size / 1024:8.0f} KB, completed in {our_time:6.2f} s")
    print(
        f"  ratios: job / PDF {our_size / pdf_size:.2f} (goal <= 2), "
        f"job / lp's job {our_size / lp_size:.2f}, time / lp {our_time / lp_time:.2f} "
        "(goal <= 1.5)"
    )


if __name__ == "__main__":
    main()

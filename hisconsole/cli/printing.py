"""The printers at hand, and sending numbered packs to one: ``printers``, and the
``--printer NAME [--wait]`` options that ``forms print``, ``forms reprint`` and ``kit`` share."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hisconsole.cli.output import EXIT_NOT_PRINTED, EXIT_OK, Output
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Any]:
    sub.add_parser(
        "printers", parents=[common], help=_("the printers at hand, their state and queue")
    )
    return {"printers": cmd_printers}


def add_printer_options(
    parser: argparse.ArgumentParser, either: argparse._MutuallyExclusiveGroup | None = None
) -> None:
    """--printer NAME [--wait] and the job options a print dialog offers; --printer goes in
    ``either`` (beside --out) when given."""
    (either or parser).add_argument(
        "--printer", metavar="NAME", help=_("print on this printer (see 'hisconsole printers')")
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help=_("with --printer: return once the job completed (exit 0) or did not (exit 4)"),
    )
    parser.add_argument(
        "--timeout", type=float, metavar="S", help=_("with --wait: give up after S s")
    )
    from hisconsole.spool import SIDES  # not services.printers: --version stays light

    parser.add_argument("--sides", choices=SIDES, default="one-sided", help=_("two-sided printing"))
    parser.add_argument("--paper", default="", metavar="SIZE", help=_("e.g. A4, iso_a4_210x297mm"))
    parser.add_argument("--tray", default="", metavar="NAME", help=_("paper tray (media source)"))


def job_options(args: argparse.Namespace) -> Any:
    from hisconsole.spool import JobOptions

    return JobOptions(sides=args.sides, media=args.paper, tray=args.tray)


#: A printer's and a print job's state (hisconsole.spool: PRINTER_STATES, JOB_STATES) in
#: words; the code stays in --json.
_STATE_WORDS = {
    "stopped": N_("stopped"),
    "offline": N_("offline"),
    "out-of-paper": N_("out of paper"),
    "printing": N_("printing"),
    "ready": N_("ready"),
    "queued": N_("queued"),
    "completed": N_("completed"),
    "cancelled": N_("cancelled"),
    "failed": N_("failed"),
}


def _state_word(state: str) -> str:
    return _(_STATE_WORDS[state]) if state in _STATE_WORDS else state


def cmd_printers(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import printers

    listed = printers.printers()
    lines = [
        f"{'*' if p.is_default else ' '} {p.name:<24} {_state_word(p.state):<13} "
        + _("{count} queued").format(count=p.queued)
        + (f"   {p.reason}" if p.reason else "")
        for p in listed
    ]
    out.emit([p.as_dict() for p in listed], "\n".join(lines) or _("No printers are set up."))
    return EXIT_OK


def report(
    console: Any, job: Any, args: argparse.Namespace, out: Output, extra: dict[str, Any]
) -> int:
    """Follow ``job`` when --wait was given, then say where it got to (JSON: the serials,
    the job and its final state). A job that did not complete exits EXIT_NOT_PRINTED with
    the printer's reason on stderr."""
    from hisconsole.services import printers

    if args.wait:
        outcome = printers.wait(console, job, timeout=args.timeout)
    else:
        outcome = printers.Outcome(job, "queued", "sent")
    data = {**extra, **outcome.as_dict()}
    serials = job.serials
    span = serials[0] if len(serials) == 1 else f"{serials[0]} .. {serials[-1]}"
    if outcome.print_state == "not-printed":
        out.emit(data, "")
        print(
            "hisconsole: "
            + _(
                "job {job} on {printer} {state}: {reason}. {count} sheet(s) {span} were not "
                "printed: reprint them ('forms reprint SERIALS --printer NAME') or void them "
                "('forms backenter SERIALS --void')."
            ).format(
                job=job.job,
                printer=job.printer,
                state=_state_word(outcome.state),
                reason=outcome.reason or _("no reason given"),
                count=len(serials),
                span=span,
            ),
            file=sys.stderr,
        )
        return EXIT_NOT_PRINTED
    if outcome.print_state == "printed":
        human = _("Printed {count} sheet(s) {span} on {printer} (job {job}).").format(
            count=len(serials), span=span, printer=job.printer, job=job.job
        )
    else:
        human = _(
            "Sent {count} sheet(s) {span} to {printer} (job {job}, {state}); "
            "'forms not-printed' tells once it ended."
        ).format(
            count=len(serials),
            span=span,
            printer=job.printer,
            job=job.job,
            state=_state_word(outcome.state),
        )
    out.emit(data, human)
    return EXIT_OK

"""The after-action review (总结评估) of an incident or drill, as a document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.domain import incidents as rules
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.words import REPORT_TITLES


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    review = sub.add_parser(
        "review", parents=[common], help=_("an incident's after-action review (as PDF with --out)")
    )
    review.add_argument("id", metavar="ID", help=_("the incident's id"))
    review.add_argument("--out", type=Path, metavar="FILE.pdf", help=_("write the review here"))
    review.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("zh", "en", "both"),
        default="both",
        help=_("language of the PDF (default: both)"),
    )
    return {"review": cmd_review}


_MILESTONES = {
    "detected": N_("detected"),
    "declared": N_("declared"),
    "resolved": N_("resolved"),
    "closed": N_("closed"),
}


def _milestone(name: str) -> str:
    """A review milestone ("detected", "initial report", "HIS restored") in words."""
    if name.endswith(" report") and name[: -len(" report")] in REPORT_TITLES:
        return _(REPORT_TITLES[name[: -len(" report")]])
    if name.endswith(" restored"):
        return _("{system} restored").format(system=name[: -len(" restored")])
    return _(_MILESTONES[name]) if name in _MILESTONES else name


def _state(clock: dict[str, Any]) -> str:
    state = clock["state"]
    if state == rules.STATE_ON_TIME:
        return _("on time")
    if state == rules.STATE_LATE:
        return _("late by {minutes} min").format(
            minutes=rules.late_minutes(clock["late_seconds"] or 0)
        )
    if state == rules.STATE_MISSED:
        return _("missed")
    return _("not yet due")


def cmd_review(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import review

    console = open_console(args)
    try:
        data = review.review(console, args.id)
        if args.out is not None:
            review.write_review_pdf(console, args.id, args.out, args.doc_lang)
        lines = [
            _("{milestone}: {time}").format(
                milestone=_milestone(t["milestone"]), time=format_datetime(t["at"]) or "-"
            )
            + (f" ({_state(t['clock'])})" if t["clock"] else "")
            for t in data["timings"]
        ]
        for item in data["improvements"]:
            where = f", {item['plan_section']}" if item["plan_section"] else ""
            lines.append(f"- {item['text']} ({item['owner']}, {item['due']}{where})")
        if args.out is not None:
            lines.append(_("Review written to {file}").format(file=args.out))
        out.emit(data, "\n".join(lines))
        return EXIT_OK
    finally:
        console.close()

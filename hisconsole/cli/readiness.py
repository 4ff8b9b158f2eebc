"""Readiness between outages: ``readiness``, ``resources`` and ``contacts verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.domain.glossary import CONTACT_RESULTS, RESOURCE_RESULTS
from hisconsole.errors import KnownError
from hisconsole.i18n import gettext as _
from hisconsole.i18n import term


class AnswerMissing(KnownError):
    code = "readiness.answer-missing"
    template = "Give the answer with --result verified, changed or unreachable."


#: How each state is marked in the terminal, so the eye finds what is overdue.
_MARKS = {"overdue": "!!", "due": " !", "ok": "  "}


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    ready = sub.add_parser(
        "readiness",
        parents=[common],
        help=_(
            "what is due before the next outage: plan, drills, resources, paper, contacts, "
            "sync, backup, improvement items"
        ),
    )
    ready.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help=_("also write the readiness report as a PDF")
    )
    ready.add_argument(
        "--lang",
        choices=("zh", "en", "both"),
        default="both",
        help=_("language of the PDF (default: both)"),
    )
    res = sub.add_parser(
        "resources", parents=[common], help=_("the plan's emergency resources and their checks")
    )
    actions = res.add_subparsers(dest="resources_command", metavar="ACTION")
    actions.add_parser(
        "list", parents=[common], help=_("each resource and its last check (default)")
    )
    check = actions.add_parser("check", parents=[common], help=_("record a check of a resource"))
    check.add_argument(
        "code", metavar="CODE", help=_("the resource's code, as 'resources' lists it")
    )
    check.add_argument(
        "--result", required=True, choices=RESOURCE_RESULTS, help=_("ok: in order; fault: not")
    )
    check.add_argument("--note", default="", help=_("what was found or done"))
    return {"readiness": cmd_readiness, "resources": cmd_resources}


def add_verify(contacts: Any, common: argparse.ArgumentParser) -> None:
    """``contacts verify``: the "verify your number" round, and recording an answer."""
    verify = contacts.add_parser(
        "verify",
        parents=[common],
        help=_("the 'verify your number' round: list who is due, or record a person's answer"),
    )
    verify.add_argument(
        "person",
        nargs="?",
        metavar="PERSON",
        help=_("a contact key or name (omit: list the round)"),
    )
    verify.add_argument(
        "--result",
        choices=CONTACT_RESULTS,
        help=_("verified: the number is right; changed: it was corrected; unreachable"),
    )
    verify.add_argument("--note", default="", help=_("what was said or changed"))
    verify.add_argument("--tree", metavar="CODE", help=_("only the people this call tree calls"))


def cmd_readiness(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import readiness

    console = open_console(args)
    try:
        data = readiness.readiness(console)
        if args.out is not None:
            readiness.write_report(console, data, args.out, lang=args.lang)
    finally:
        console.close()
    counts = readiness.counts(data)
    lines = [
        _("Readiness: {state} ({overdue} overdue, {due} due, {ok} in order)").format(
            state=term("readiness state", data.state), **counts
        )
    ]
    lines += [f"{_MARKS[item.state]} {readiness.describe(item)}" for item in data.items]
    if args.out is not None:
        lines.append(_("Readiness report written to {file}").format(file=args.out))
    result = data.as_dict()
    if args.out is not None:
        result["file"] = str(args.out)
    out.emit(result, "\n".join(lines))
    return EXIT_OK


def cmd_resources(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.i18n import current_language
    from hisconsole.services import readiness

    console = open_console(args)
    try:
        if args.resources_command == "check":
            readiness.check_resource(console, args.code, args.result, args.note)
            out.emit(
                {"code": args.code, "result": args.result, "note": args.note.strip()},
                _("Check of {code} recorded: {result}.").format(
                    code=args.code, result=term("resource result", args.result)
                ),
            )
            return EXIT_OK
        rows = readiness.resources(console)
    finally:
        console.close()
    lang = current_language()
    lines = []
    for row in rows:
        last = row["last_check"]
        seen = (
            _("last checked {date} by {who}: {result}").format(
                date=last["at"][:10], who=last["by"], result=term("resource result", last["result"])
            )
            if last
            else _("never checked")
        )
        lines.append(
            f"{_MARKS[row['state']]} {row['code']}  {row['name'].get(lang) or row['name']['zh']}"
            f"  ({seen}; " + _("every {days} days").format(days=row["check_interval_days"]) + ")"
        )
    out.emit(rows, "\n".join(lines))
    return EXIT_OK


def cmd_verify(console: Any, args: argparse.Namespace, out: Output) -> None:
    """``contacts verify`` (the contacts command opens the console)."""
    from hisconsole.i18n import current_language
    from hisconsole.services import calltrees, readiness

    if args.person is None:
        rows = readiness.verification_round(console, args.tree)
        lang = current_language()
        lines = []
        for row in rows:
            last = row["last"]
            seen = (
                _("{result} on {date}").format(
                    result=term("contact result", last["result"]), date=last["at"][:10]
                )
                if last
                else _("never asked")
            )
            phones = ", ".join(p.get("number", "") for p in row["phones"])
            mark = " !" if row["due"] else "  "
            name = row["name"].get(lang) or row["name"].get("zh", row["key"])
            lines.append(f"{mark} {row['key']}  {name}  {phones}  ({seen})")
        out.emit(rows, "\n".join(lines))
        return
    if args.result is None:
        raise AnswerMissing()
    key = calltrees.resolve_person(console, args.person)
    readiness.verify_contact(console, key, args.result, args.note)
    out.emit(
        {"key": key, "result": args.result, "note": args.note.strip()},
        _("Answer of {person} recorded: {result}.").format(
            person=key, result=term("contact result", args.result)
        ),
    )

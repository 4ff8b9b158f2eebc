"""Commands that write documents about an incident: report (PDF), cap (XML), kit (PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, add_print_language, open_console, plan_code_help
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.cli.printing import add_printer_options, job_options, report
from hisconsole.domain import glossary
from hisconsole.i18n import current_language, ngettext
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.words import REPORT_TITLES


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    kit = sub.add_parser(
        "kit", parents=[common], help=_("downtime kit: call tree, checklists and starter forms")
    )
    where = kit.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf", help=_("write the kit to this PDF"))
    add_printer_options(kit, where)
    kit.add_argument(
        "--incident", metavar="ID", help=_("the incident whose scenario and level the kit follows")
    )
    kit.add_argument(
        "--scenario",
        metavar="CODE",
        help=plan_code_help("scenarios", _("without an incident: whose checklists")),
    )
    kit.add_argument(
        "--level",
        choices=glossary.LEVELS,
        default="II",
        help=_("without an incident: the warning level (default: II)"),
    )
    kit.add_argument("--wards", type=int, default=1, help=_("one set of starter forms per ward"))
    kit.add_argument(
        "--numbers",
        action="append",
        default=[],
        metavar="WARD",
        help=_("add the label sheet of this ward's unused temporary patient numbers (repeatable)"),
    )
    add_print_language(kit)

    report = sub.add_parser("report", parents=[common], help=_("incident report as PDF"))
    report.add_argument("id", metavar="ID", help=_("the incident's id"))
    report.add_argument(
        "--kind",
        choices=glossary.REPORT_KINDS,
        default="initial",
        help=_("initial (首报), followup (续报) or final (终报) report (default: initial)"),
    )
    report.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF to write")
    )
    add_print_language(report)
    cap = sub.add_parser("cap", parents=[common], help=_("OASIS CAP 1.2 alert for an incident"))
    cap.add_argument("id", metavar="ID", help=_("the incident's id"))
    cap.add_argument(
        "--out", type=Path, required=True, metavar="FILE.xml", help=_("the CAP XML file to write")
    )
    cap.add_argument(
        "--type",
        dest="msg_type",
        choices=("alert", "update", "cancel"),
        help=_("message type (default: Alert first, then Update; Cancel once resolved)"),
    )
    return {
        "kit": cmd_kit,
        "report": cmd_report,
        "cap": cmd_report,
    }


def cmd_report(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import reports

    console = open_console(args)
    try:
        if args.command == "cap":
            message = reports.write_cap(console, args.id, args.out, args.msg_type).message
            human = _("CAP {type} {identifier} (sent {sent}) written to {file}").format(
                type=message.msg_type,
                identifier=message.identifier,
                sent=format_datetime(message.sent),
                file=args.out,
            )
            if message.references:
                human += "\n" + _("References: {references}").format(
                    references=" ".join(message.references)
                )
            out.emit(
                {
                    "id": args.id,
                    "file": str(args.out),
                    "identifier": message.identifier,
                    "sender": message.sender,
                    "sent": message.sent,
                    "msg_type": message.msg_type,
                    "references": list(message.references),
                },
                human,
            )
        else:
            reports.write_report(console, args.id, args.kind, args.out, args.lang)
            out.emit(
                {"id": args.id, "kind": args.kind, "file": str(args.out)},
                _("{report} written to {file}").format(
                    report=_(REPORT_TITLES[args.kind]), file=args.out
                ),
            )
        return EXIT_OK
    finally:
        console.close()


def cmd_kit(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import kit
    from hisconsole.services.files import write_atomically

    console = open_console(args)
    try:
        result = kit.downtime_kit(
            console,
            incident=args.incident,
            scenario=args.scenario,
            level=args.level,
            wards=args.wards,
            lang=args.lang,
            numbers_for=args.numbers,
        )
        if args.printer:
            from hisconsole.services import printers

            job = printers.send(
                console,
                result.pack,
                args.printer,
                options=job_options(args),
                pdf=result.pdf,
                title="downtime kit",
            )
            return report(console, job, args, out, {})
        write_atomically(args.out, result.pdf)
        serials = kit.record_kit(console, result)
        human = ngettext(
            "Downtime kit written to {file} ({count} numbered sheet)",
            "Downtime kit written to {file} ({count} numbered sheets)",
            len(serials),
        ).format(file=args.out, count=len(serials))
        lacking = {
            kit.CALL_TREE: _("No call tree in this kit."),
            kit.CHECKLISTS: _("No checklists in this kit."),
        }
        for part in result.missing:
            human += f"\n{lacking[part]} {result.why[part][current_language()]}"
        out.emit({"file": str(args.out), "serials": serials, "missing": result.missing}, human)
        return EXIT_OK
    finally:
        console.close()

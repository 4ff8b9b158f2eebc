"""Commands for downtime paper forms: list, print, back-entry, stock, outstanding."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, add_print_language, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.cli.printing import add_printer_options, job_options, report
from hisconsole.errors import N_
from hisconsole.i18n import current_language, ngettext
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    forms = sub.add_parser("forms", parents=[common], help=_("downtime paper forms"))
    fsub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    fsub.add_parser("list", parents=[common], help=_("the form templates"))
    fprint = fsub.add_parser(
        "print", parents=[common], help=_("print numbered sheets to a PDF or on a printer")
    )
    fprint.add_argument(
        "template",
        metavar="TEMPLATE",
        help=_("the form's code ('hisconsole forms list' shows them)"),
    )
    fprint.add_argument(
        "--copies", type=int, default=1, metavar="N", help=_("sheets to print (default: 1)")
    )
    fprint.add_argument(
        "--incident",
        metavar="ID",
        help=_("the incident the sheets are for (default: pre-printed, no incident)"),
    )
    add_print_language(fprint)
    fprint.add_argument("--department", default="", help=_("ward or department the sheets are for"))
    where = fprint.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help=_("write the sheets to this PDF")
    )
    add_printer_options(fprint, where)
    fsub.add_parser(
        "not-printed", parents=[common], help=_("sheets whose print job did not come out")
    )
    reprint = fsub.add_parser(
        "reprint", parents=[common], help=_("print not-printed sheets again, marked 重印 REPRINT")
    )
    reprint.add_argument("serial", metavar="SERIAL", help=_("a serial, a range A-000120..A-000180"))
    add_printer_options(reprint)
    back = fsub.add_parser(
        "backenter", parents=[common], help=_("record sheets entered back into the HIS")
    )
    back.add_argument("serial", metavar="SERIAL", help=_("a serial, a range A-000120..A-000180"))
    back.add_argument(
        "--void", action="store_true", help=_("void the sheets instead (spoiled, unused)")
    )
    back.add_argument("--reason", default="", help=_("why they are void"))
    back.add_argument("--his-ref", default="", help=_("HIS reference of the entry"))
    backentry_report = fsub.add_parser(
        "report", parents=[common], help=_("the back-entry report (补录) as PDF")
    )
    backentry_report.add_argument("--incident", metavar="ID", help=_("only this incident's sheets"))
    backentry_report.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF to write")
    )
    add_print_language(backentry_report)
    stock = fsub.add_parser(
        "stock", parents=[common], help=_("paper stock against the 8-hour need")
    )
    stock.add_argument("--wards", type=int, default=1, help=_("wards to supply for 8 hours"))
    stock.add_argument(
        "--count", action="append", default=[], metavar="TEMPLATE=N", help=_("record a count")
    )
    outstanding = fsub.add_parser("outstanding", parents=[common], help=_("sheets not yet entered"))
    outstanding.add_argument("--incident", metavar="ID", help=_("only this incident's sheets"))
    outstanding.add_argument(
        "--details",
        action="store_true",
        help=_(
            "one line per sheet: its form, incident, department, status and age; with --json, "
            "one object per sheet instead of the serial alone"
        ),
    )
    return {
        "forms": cmd_forms,
    }


def _or_unknown(value: int | None) -> str:
    return "?" if value is None else str(value)


def _stock_line(row: dict[str, Any]) -> str:
    """One form's stock, 8-hour need and burn-down, as a line of ``forms stock``."""
    line = f"{row['template']:<20} " + _("{on_hand} on hand, 8-hour need {need}").format(
        on_hand=_or_unknown(row["on_hand"]), need=row["need_8h"]
    )
    if row["per_hour"] and row["hours_left"] is not None:
        line += "; " + _("{per_hour} used an hour, out in {hours} h").format(
            per_hour=row["per_hour"], hours=row["hours_left"]
        )
    elif row["per_hour"]:
        line += "; " + _("{per_hour} used an hour").format(per_hour=row["per_hour"])
    if row["running_out"]:
        line += "  " + _("RUNNING OUT")
    elif row["low"]:
        line += "  " + _("LOW")
    return line


def cmd_forms(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import forms
    from hisconsole.services.console import ServiceError

    console = open_console(args)
    try:
        action = args.forms_command
        if action == "list":
            loaded, problems = forms.templates(console)
            for problem in problems:
                print(
                    "hisconsole: "
                    + _("skipped a bad form template: {problem}").format(problem=problem),
                    file=sys.stderr,
                )
            rows: list[dict[str, Any]] = [
                {
                    "code": t.code,
                    "version": t.version,
                    "title": {"zh": t.title.zh, "en": t.title.en},
                    "page": t.page.size,
                }
                for t in loaded.values()
            ]
            human = "\n".join(
                f"{r['code']:<18} v{r['version']}  "
                + (r["title"]["zh"] if current_language() == "zh" else r["title"]["en"])
                for r in rows
            )
            out.emit(rows, human)
        elif action == "print" and args.printer:
            from hisconsole.services import printers

            pack = forms.prepare_pack(
                console,
                [(args.template, args.copies)],
                incident=args.incident,
                lang=args.lang,
                department=args.department,
            )
            job = printers.send(console, pack, args.printer, options=job_options(args))
            return report(console, job, args, out, {})
        elif action == "reprint":
            from hisconsole.domain import serials as serial_rules
            from hisconsole.services import printers

            if not args.printer:
                raise ServiceError(N_("Give the printer: --printer NAME ('hisconsole printers')."))
            wanted = serial_rules.expand(args.serial)
            job = printers.reprint(console, wanted, args.printer, options=job_options(args))
            return report(console, job, args, out, {})
        elif action == "not-printed":
            from hisconsole.services import printers

            printers.settle(console)
            rows = printers.not_printed(console)
            human = "\n".join(
                f"{r['serial']}  {r['template']:<16} "
                + _("job {job}: {reason}").format(job=r["print_job"], reason=r["print_reason"])
                for r in rows
            )
            out.emit(
                [r["serial"] for r in rows],
                human
                + "\n"
                + _(
                    "Reprint: forms reprint SERIALS --printer NAME; "
                    "void: forms backenter SERIALS --void"
                )
                if rows
                else _("Every sheet sent to a printer came out (or is still printing)."),
            )
        elif action == "print":
            serials = forms.print_to_file(
                console,
                args.template,
                args.copies,
                args.out,
                incident=args.incident,
                lang=args.lang,
                department=args.department,
            )
            span = serials[0] if len(serials) == 1 else f"{serials[0]} .. {serials[-1]}"
            out.emit(
                serials,
                ngettext(
                    "Printed {count} sheet {span} to {file}",
                    "Printed {count} sheets {span} to {file}",
                    len(serials),
                ).format(count=len(serials), span=span, file=args.out),
            )
        elif action == "report":
            forms.write_backentry_report(console, args.incident, args.out, args.lang)
            out.emit(
                {"incident": args.incident, "file": str(args.out)},
                _("Back-entry report written to {file}").format(file=args.out),
            )
        elif action == "backenter":
            status = "void" if args.void else "entered"
            result = forms.set_status(
                console, args.serial, status, his_ref=args.his_ref, reason=args.reason
            )
            changed = len(result.changed)
            if status == "void":
                human = ngettext("{count} sheet voided.", "{count} sheets voided.", changed)
            else:
                human = ngettext(
                    "{count} sheet marked entered into the HIS.",
                    "{count} sheets marked entered into the HIS.",
                    changed,
                )
            human = human.format(count=changed)
            if result.already:
                human += " " + _("{count} already were.").format(count=len(result.already))
            out.emit(result.as_dict(), human)
        elif action == "stock":
            for item in args.count:
                code, _sep, number = item.partition("=")
                if not number.isdigit():
                    raise ServiceError(
                        N_("--count {item!r}: write it as TEMPLATE=N, e.g. mar=200"), item=item
                    )
                forms.count_stock(console, code, int(number))
            rows = forms.stock(console, args.wards)
            human = "\n".join(_stock_line(r) for r in rows)
            out.emit(rows, human)
        elif action == "outstanding":
            _outstanding(console, args, out)
        return EXIT_OK
    finally:
        console.close()


def _outstanding(console: Any, args: argparse.Namespace, out: Output) -> None:
    """``forms outstanding``: by default the groups (count, form, incident, department,
    oldest age) and the serials, and with --json the serials alone (the documented shape,
    a list of strings); ``--details`` gives every sheet with its form, department and age."""
    from hisconsole.services import forms

    pre_printed = _("pre-printed")
    if args.details:
        rows = forms.outstanding_details(console, args.incident)
        human = "\n".join(
            f"{r['serial']:<14} {r['template']:<16} {r['incident'] or pre_printed:<22} "
            f"{r['department'] or '-':<12} {r['status']:<8} {r['age_hours']} h"
            for r in rows
        )
        out.emit(rows, human or _("No sheets outstanding."))
        return
    serials = [r["serial"] for r in forms.outstanding(console, args.incident)]
    human = "\n".join(
        f"{g['count']:>4} x {g['template']:<16} {g['incident'] or pre_printed:<22} "
        f"{g['department'] or '-':<12} " + _("oldest {hours} h").format(hours=g["age_hours"])
        for g in forms.outstanding_summary(console, args.incident)
    )
    if serials:
        human += "\n" + " ".join(serials)
    out.emit(serials, human or _("No sheets outstanding."))

"""Commands for temporary patient numbers (临时住院号): wards, issue, list, use, void, labels."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, add_print_language, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import gettext as _
from hisconsole.i18n import ngettext, term


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    group = sub.add_parser(
        "numbers", parents=[common], help=_("temporary patient numbers (临时住院号) for wards")
    )
    nsub = group.add_subparsers(dest="numbers_command", metavar="ACTION", required=True)
    issue = nsub.add_parser("issue", parents=[common], help=_("issue a range of numbers to a ward"))
    issue.add_argument("--ward", required=True, metavar="WARD", help=_("the ward's code"))
    issue.add_argument("--count", required=True, type=int, metavar="N", help=_("how many numbers"))
    issue.add_argument("--incident", metavar="ID", help=_("the incident they are for"))
    issue.add_argument(
        "--labels",
        type=Path,
        metavar="FILE.pdf",
        help=_("also write their label sheet to this PDF"),
    )
    add_print_language(issue)
    listing = nsub.add_parser("list", parents=[common], help=_("issued numbers and their status"))
    listing.add_argument("--ward", metavar="WARD", help=_("only this ward's numbers"))
    listing.add_argument(
        "--status", choices=("issued", "used", "void"), help=_("only numbers in this status")
    )
    listing.add_argument("--incident", metavar="ID", help=_("only this incident's numbers"))
    use = nsub.add_parser("use", parents=[common], help=_("record numbers given to patients"))
    use.add_argument("number", metavar="NUMBER", help=_("a number, or several separated by spaces"))
    void = nsub.add_parser("void", parents=[common], help=_("void numbers (spoiled, lost)"))
    void.add_argument(
        "number", metavar="NUMBER", help=_("a number, or several separated by spaces")
    )
    void.add_argument("--reason", required=True, metavar="TEXT", help=_("why they are void"))
    labels = nsub.add_parser(
        "labels", parents=[common], help=_("label sheet of a ward's unused numbers")
    )
    labels.add_argument("--ward", required=True, metavar="WARD", help=_("the ward's code"))
    labels.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help=_("write the labels to this PDF"),
    )
    add_print_language(labels)
    nsub.add_parser("wards", parents=[common], help=_("the wards numbers are issued to"))
    ward_add = nsub.add_parser("ward-add", parents=[common], help=_("add or rename a ward"))
    ward_add.add_argument("code", metavar="CODE", help=_("the ward's code, e.g. W3A"))
    ward_add.add_argument("--zh", required=True, metavar="NAME", help=_("its name in Chinese"))
    ward_add.add_argument("--en", required=True, metavar="NAME", help=_("its name in English"))
    ward_remove = nsub.add_parser(
        "ward-remove", parents=[common], help=_("take a ward out of use (its numbers stay)")
    )
    ward_remove.add_argument("code", metavar="CODE", help=_("the ward's code"))
    return {"numbers": cmd_numbers}


def cmd_numbers(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import numbers
    from hisconsole.services.files import check_target, write_atomically

    console = open_console(args)
    try:
        action = args.numbers_command
        if action == "issue":
            target = check_target(args.labels) if args.labels else None
            issued = numbers.issue(console, args.ward, args.count, incident=args.incident)
            span = issued[0] if len(issued) == 1 else f"{issued[0]} .. {issued[-1]}"
            human = ngettext(
                "Issued {count} temporary patient number to ward {ward}: {span}",
                "Issued {count} temporary patient numbers to ward {ward}: {span}",
                len(issued),
            ).format(count=len(issued), ward=args.ward, span=span)
            if target is not None:
                pdf = numbers.labels_pdf(console, numbers=issued, lang=args.lang)
                write_atomically(target, pdf)
                human += "\n" + _("Labels written to {file}").format(file=target)
            out.emit(issued, human)
        elif action == "list":
            rows = numbers.listing(
                console, ward=args.ward, status=args.status, incident=args.incident
            )
            human = "\n".join(
                f"{r['number']:<16} {r['ward']:<10} {_status_word(r['status']):<8} "
                f"{r['incident'] or '-':<24} {r['sheet'] or '-':<12} {r['reason']}".rstrip()
                for r in rows
            )
            out.emit(rows, human or _("No temporary patient numbers issued."))
        elif action in ("use", "void"):
            status = "used" if action == "use" else "void"
            result = numbers.set_status(
                console, args.number, status, reason=getattr(args, "reason", "")
            )
            changed = len(result.changed)
            if status == "used":
                human = ngettext(
                    "{count} number recorded as used.", "{count} numbers recorded as used.", changed
                )
            else:
                human = ngettext("{count} number voided.", "{count} numbers voided.", changed)
            human = human.format(count=changed)
            if result.already:
                human += " " + _("{count} already were.").format(count=len(result.already))
            out.emit(result.as_dict(), human)
        elif action == "labels":
            target = check_target(args.out)
            write_atomically(target, numbers.labels_pdf(console, ward=args.ward, lang=args.lang))
            rows = numbers.unused(console, args.ward)
            out.emit(
                [r["number"] for r in rows],
                ngettext(
                    "Labels of {count} number written to {file}",
                    "Labels of {count} numbers written to {file}",
                    len(rows),
                ).format(count=len(rows), file=target),
            )
        elif action == "wards":
            rows = numbers.wards(console)
            human = "\n".join(
                f"{w['code']:<10} {w['name']['zh']} / {w['name']['en']}" for w in rows
            )
            out.emit(rows, human or _("No wards yet: add one with 'hisconsole numbers ward-add'."))
        elif action == "ward-add":
            numbers.set_ward(console, args.code, args.zh, args.en)
            out.emit({"code": args.code.strip()}, _("Ward {ward} saved.").format(ward=args.code))
        elif action == "ward-remove":
            numbers.remove_ward(console, args.code)
            out.emit(
                {"code": args.code.strip()},
                _("Ward {ward} taken out of use; its numbers are kept.").format(ward=args.code),
            )
        return EXIT_OK
    finally:
        console.close()


def _status_word(status: str) -> str:
    return term("temporary number status", status)

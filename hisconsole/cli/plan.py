"""Commands for the emergency plan: export, import, print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, add_print_language, open_console, plan_code_help
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    plan = sub.add_parser("plan", parents=[common], help=_("export or import the emergency plan"))
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    plan_sub.add_parser("export", parents=[common], help=_("write the plan to FILE")).add_argument(
        "file", type=Path, metavar="FILE", help=_("the file to write (.yaml, or .json)")
    )
    plan_import = plan_sub.add_parser("import", parents=[common], help=_("load a plan from FILE"))
    plan_import.add_argument(
        "file", type=Path, metavar="FILE", help=_("a plan file (.yaml or .json)")
    )
    plan_print = plan_sub.add_parser("print", parents=[common], help=_("the plan as a PDF binder"))
    plan_print.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF to write")
    )
    plan_print.add_argument(
        "--scenario",
        metavar="CODE",
        help=plan_code_help("scenarios", _("only this scenario's playbook")),
    )
    add_print_language(plan_print)
    return {
        "plan": cmd_plan,
    }


def cmd_plan(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import plan as plan_service

    console = open_console(args)
    try:
        if args.plan_command == "print":
            from hisconsole.services.files import write_atomically

            write_atomically(
                args.out, plan_service.plan_pdf(console, scenario=args.scenario, lang=args.lang)
            )
            out.emit({"file": str(args.out)}, _("Plan written to {file}").format(file=args.out))
            return EXIT_OK
        if args.plan_command == "export":
            plan_service.export_file(console, args.file)
            out.emit({"file": str(args.file)}, _("Plan written to {file}").format(file=args.file))
            return EXIT_OK
        result = plan_service.import_file(console, args.file)
        data = {
            "version": result.version,
            "added": result.added,
            "changed": result.changed,
            "removed": result.removed,
        }
        if result.version is None:
            human = _("The plan is unchanged; no new version published.")
        else:
            human = _(
                "Published plan v{version}: {added} added, {changed} changed, {removed} removed."
            ).format(
                version=result.version,
                added=len(result.added),
                changed=len(result.changed),
                removed=len(result.removed),
            )
        out.emit(data, human)
        return EXIT_OK
    finally:
        console.close()

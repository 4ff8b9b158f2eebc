"""Commands for contacts and call trees: import, export, region, calltree print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    contacts = sub.add_parser("contacts", parents=[common], help="import or export contacts")
    csub = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    cimport = csub.add_parser("import", parents=[common], help="import a .csv or .vcf file")
    cimport.add_argument("file", type=Path, metavar="FILE")
    cimport.add_argument(
        "--encoding",
        metavar="ENC",
        help="read the file in this encoding instead of detecting it: "
        "utf-8, gb18030, big5, utf-16, cp1252, or utf-8+cp1252 (UTF-8 with stray Latin-1 bytes)",
    )
    cimport.add_argument(
        "--dry-run", action="store_true", help="only show what would be added, changed, skipped"
    )
    csub.add_parser("export", parents=[common], help="export to a .csv or .vcf file").add_argument(
        "file", type=Path, metavar="FILE"
    )
    cregion = csub.add_parser(
        "region", parents=[common], help="show or set the default phone region (CN, HK, …)"
    )
    cregion.add_argument("code", nargs="?", metavar="CODE")
    calltree = sub.add_parser("calltree", parents=[common], help="print the call tree")
    tsub = calltree.add_subparsers(dest="calltree_command", metavar="ACTION", required=True)
    tprint = tsub.add_parser("print", parents=[common], help="call tree(s) as a PDF")
    tprint.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    tprint.add_argument("--tree", metavar="CODE", help="one tree (default: every tree)")
    tprint.add_argument("--page", choices=("A4", "card"), default="A4")
    tprint.add_argument("--lang", choices=("zh", "en"), default="zh")
    return {
        "contacts": cmd_contacts,
        "calltree": cmd_contacts,
    }


def cmd_contacts(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import contacts
    from hisconsole.services.files import write_atomically

    console = open_console(args)
    try:
        if args.command == "calltree":
            pdf = contacts.call_tree_pdf(console, tree=args.tree, page=args.page, lang=args.lang)
            write_atomically(args.out, pdf)
            out.emit({"file": str(args.out)}, f"Call tree written to {args.out}")
        elif args.contacts_command == "region":
            if args.code:
                contacts.set_region(console, args.code)
            code = contacts.region(console)
            out.emit({"region": code}, f"Phone numbers without a country code are read as {code}.")
        elif args.contacts_command == "export":
            count = contacts.export_file(console, args.file)
            out.emit(
                {"file": str(args.file), "contacts": count},
                f"{count} contacts written to {args.file}",
            )
        else:
            try:
                preview = contacts.preview_import(console, args.file, encoding=args.encoding)
            except contacts.EncodingRefused as exc:
                raise contacts.EncodingRefused(
                    f"{exc} Choose it with --encoding ENC ({', '.join(contacts.ENCODINGS)})."
                ) from exc
            data = {
                "encoding": preview.source.encoding,
                "added": [a.key for a in preview.adds],
                "changed": [a.key for a in preview.changes],
                "skipped": [
                    {"contact": a.contact.label(), "reason": a.reason} for a in preview.skips
                ],
                "warnings": preview.warnings,
                "problems": preview.problems,
                "written": not args.dry_run,
            }
            lines = [f"Encoding: {preview.source.encoding}", preview.summary()]
            lines += [f"  add: {a.contact.label()}" for a in preview.adds]
            for action in preview.changes:
                fields = ", ".join(c.field for c in action.changes)
                lines.append(f"  change: {action.contact.label()} ({fields})")
            lines += [f"  skip: {a.contact.label()}: {a.reason}" for a in preview.skips]
            lines += [f"  warning: {w}" for w in preview.warnings]
            lines += [f"  problem: {p}" for p in preview.problems]
            if not args.dry_run:
                contacts.apply_import(console, preview)
                lines.append("Imported.")
            else:
                lines.append("Dry run: nothing was written.")
            out.emit(data, "\n".join(lines))
        return EXIT_OK
    finally:
        console.close()

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
    cimport = csub.add_parser("import", parents=[common], help="import a .csv, .xlsx or .vcf file")
    cimport.add_argument("file", type=Path, metavar="FILE")
    cimport.add_argument(
        "--encoding",
        metavar="ENC",
        help="read the file in this encoding instead of detecting it: "
        "utf-8, gb18030, big5, utf-16, cp1252, or utf-8+cp1252 (UTF-8 with stray Latin-1 bytes)",
    )
    cimport.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=TARGET",
        help="where a column goes (e.g. 微信=notes, 工号=ignore); remembered for files with "
        "the same columns. Targets: name, mobile, office, extension, short, email, notes, "
        "department, … (see the README)",
    )
    cimport.add_argument(
        "--dry-run", action="store_true", help="only show what would be added, changed, skipped"
    )
    csub.add_parser(
        "export", parents=[common], help="export to a .csv, .xlsx or .vcf file"
    ).add_argument("file", type=Path, metavar="FILE")
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
    from hisconsole.services.console import ServiceError
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
            mapping = {}
            for item in args.map:
                column, sep, target = item.partition("=")
                if not sep or not column.strip():
                    raise ServiceError(
                        f"--map {item!r}: write it as COLUMN=TARGET, e.g. 微信=notes"
                    )
                mapping[column.strip()] = target.strip()
            try:
                preview = contacts.preview_import(
                    console, args.file, encoding=args.encoding, mapping=mapping or None
                )
            except contacts.EncodingRefused as exc:
                raise contacts.EncodingRefused(
                    f"{exc} Choose it with --encoding ENC ({', '.join(contacts.ENCODINGS)})."
                ) from exc
            source = preview.source
            data = {
                "encoding": source.encoding,
                "layout": source.layout,
                "columns": [{"column": c.header, "target": c.target} for c in source.columns],
                "unmapped": source.unmapped,
                "not_kept": source.not_kept,
                "added": [a.key for a in preview.adds],
                "changed": [a.key for a in preview.changes],
                "skipped": [
                    {"contact": a.contact.label(), "reason": a.reason} for a in preview.skips
                ],
                "warnings": preview.warnings,
                "problems": preview.problems,
                "written": not args.dry_run,
            }
            lines = [f"Encoding: {source.encoding}"]
            if source.layout:
                lines.append(f"Layout: {source.layout_name.get('en', source.layout)}")
            for column in source.columns:
                target = column.target or "(not imported: map it with --map)"
                lines.append(f"  column {column.header!r} -> {target}")
            if source.unmapped:
                lines.append("Unmapped columns (not imported): " + ", ".join(source.unmapped))
            if source.not_kept:
                lines.append("Not kept: " + ", ".join(source.not_kept))
            lines.append(preview.summary())
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

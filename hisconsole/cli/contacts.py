"""Commands for contacts and call trees: import, export, region; calltree list, create, add,
remove, print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli import readiness
from hisconsole.cli.options import CALL_TREE_HELP, Handler, add_print_language, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    contacts = sub.add_parser("contacts", parents=[common], help="import or export contacts")
    csub = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    cimport = csub.add_parser("import", parents=[common], help="import a .csv, .xlsx or .vcf file")
    cimport.add_argument("file", type=Path, metavar="FILE", help="a .csv, .xlsx or .vcf file")
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
    ).add_argument(
        "file", type=Path, metavar="FILE", help="the file to write (.csv, .xlsx or .vcf)"
    )
    cregion = csub.add_parser(
        "region", parents=[common], help="show or set the default phone region (CN, HK, …)"
    )
    cregion.add_argument(
        "code", nargs="?", metavar="CODE", help="a region code (CN, HK, MO, TW, …); omit to show"
    )
    readiness.add_verify(csub, common)
    cimport.add_argument(
        "--tree",
        metavar="CODE",
        help="also build call tree CODE from the imported people: one cascade per "
        "--tree-by value, its head first",
    )
    cimport.add_argument(
        "--tree-by",
        default="department",
        choices=("department", "position", "organisation", "group"),
        help="the column the tree is built from (default: department)",
    )
    cimport.add_argument("--tree-name", metavar="NAME", help="the new tree's name")
    calltree = sub.add_parser(
        "calltree", parents=[common], help="list, create, edit or print call trees"
    )
    tsub = calltree.add_subparsers(dest="calltree_command", metavar="ACTION", required=True)
    tsub.add_parser("list", parents=[common], help="the call trees and how many people each calls")
    tcreate = tsub.add_parser("create", parents=[common], help="a new call tree")
    tcreate.add_argument("code", metavar="CODE", help="the new tree's code (letters, digits, -)")
    tcreate.add_argument("--name", required=True, help="its name (Chinese or English)")
    tcreate.add_argument(
        "--from-group", metavar="G", help="fill it with group G (hq, tech, …): its lead first"
    )
    tcreate.add_argument(
        "--wait", type=int, default=5, metavar="MIN", help="minutes before calling an alternate"
    )
    tadd = tsub.add_parser("add", parents=[common], help="add a person to a call tree")
    tadd.add_argument("code", metavar="CODE", help=CALL_TREE_HELP)
    tadd.add_argument("person", metavar="PERSON", help="a contact key or name")
    tadd.add_argument("--after", metavar="PERSON", help="who calls them (default: at the top)")
    tadd.add_argument("--alternate", metavar="PERSON", help="their alternate (B 角)")
    twave = tsub.add_parser(
        "wave",
        parents=[common],
        help="a level of the tree needs N people reached within M minutes, else the next starts",
    )
    twave.add_argument("code", metavar="CODE", help=CALL_TREE_HELP)
    twave.add_argument("wave", type=int, metavar="WAVE", help="1 = the top level of the tree")
    twave.add_argument("--need", type=int, metavar="N", help="people to reach (omit: no need)")
    twave.add_argument("--within", type=int, metavar="M", help="minutes")
    tremove = tsub.add_parser(
        "remove", parents=[common], help="take a person out of a call tree, or remove the tree"
    )
    tremove.add_argument("code", metavar="CODE", help=CALL_TREE_HELP)
    tremove.add_argument(
        "person", nargs="?", metavar="PERSON", help="without it, the whole tree is removed"
    )
    tprint = tsub.add_parser("print", parents=[common], help="call tree(s) as a PDF")
    tprint.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write"
    )
    tprint.add_argument(
        "--tree", metavar="CODE", help="only this tree (default: every tree); " + CALL_TREE_HELP
    )
    tprint.add_argument(
        "--page",
        choices=("A4", "card"),
        default="A4",
        help="A4 sheets, or wallet cards to cut out (default: A4)",
    )
    add_print_language(tprint)
    return {
        "contacts": cmd_contacts,
        "calltree": cmd_contacts,
    }


def _calltree(console: Any, args: argparse.Namespace, out: Output) -> None:
    from hisconsole.services import calltrees, contacts
    from hisconsole.services.files import write_atomically

    action = args.calltree_command
    if action == "print":
        pdf = contacts.call_tree_pdf(console, tree=args.tree, page=args.page, lang=args.lang)
        write_atomically(args.out, pdf)
        out.emit({"file": str(args.out)}, _("Call tree written to {file}").format(file=args.out))
    elif action == "list":
        trees = calltrees.list_trees(console)
        lines = [
            f"{t['code']}  {t['name'].get('zh') or t['name'].get('en', '')}"
            f"  ({t['people']} people, alternate after {t['wait_minutes']} min)"
            for t in trees
        ]
        out.emit(trees, "\n".join(lines) or contacts.missing_tree(console))
    elif action == "create":
        calltrees.create(
            console, args.code, args.name, from_group=args.from_group, wait_minutes=args.wait
        )
        out.emit({"code": args.code}, f"Call tree {args.code} created.")
    elif action == "add":
        calltrees.add(console, args.code, args.person, after=args.after, alternate=args.alternate)
        out.emit({"code": args.code}, f"{args.person} added to call tree {args.code}.")
    elif action == "wave":
        calltrees.set_wave(
            console, args.code, args.wave, need=args.need, within_minutes=args.within
        )
        said = (
            f"needs {args.need} reached within {args.within} min"
            if args.need is not None
            else "is a plain cascade"
        )
        out.emit({"code": args.code, "wave": args.wave}, f"Wave {args.wave} of {args.code} {said}.")
    else:
        calltrees.remove(console, args.code, args.person)
        what = f"{args.person} taken out of call tree" if args.person else "Removed call tree"
        out.emit({"code": args.code}, f"{what} {args.code}.")


def cmd_contacts(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import calltrees, contacts
    from hisconsole.services.console import ServiceError

    console = open_console(args)
    try:
        if args.command == "calltree":
            _calltree(console, args, out)
        elif args.contacts_command == "verify":
            readiness.cmd_verify(console, args, out)
        elif args.contacts_command == "region":
            if args.code:
                contacts.set_region(console, args.code)
            code = contacts.region(console)
            out.emit({"region": code}, f"Phone numbers without a country code are read as {code}.")
        elif args.contacts_command == "export":
            count = contacts.export_file(console, args.file)
            out.emit(
                {"file": str(args.file), "contacts": count},
                _("{count} contacts written to {file}").format(count=count, file=args.file),
            )
        else:
            mapping = {}
            for item in args.map:
                column, sep, target = item.partition("=")
                if not sep or not column.strip():
                    raise ServiceError(
                        N_("--map {item!r}: write it as COLUMN=TARGET, e.g. 微信=notes"), item=item
                    )
                mapping[column.strip()] = target.strip()
            try:
                preview = contacts.preview_import(
                    console, args.file, encoding=args.encoding, mapping=mapping or None
                )
            except contacts.EncodingRefused as exc:
                raise contacts.EncodingRefused(
                    N_("{exc} Choose it with --encoding ENC ({encodings})."),
                    exc=exc,
                    encodings=", ".join(contacts.ENCODINGS),
                ) from exc
            source = preview.source
            data = {
                "encoding": source.encoding,
                "layout": source.layout,
                "columns": [{"column": c.header, "target": c.target} for c in source.columns],
                "unmapped": source.unmapped,
                "not_kept": [{"item": item, "what": what} for item, what in source.not_kept],
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
                kept = ", ".join(f"{item} ({what})" for item, what in source.not_kept)
                lines.append(f"Not kept: {kept}")
            lines.append(preview.summary())
            lines += [f"  add: {a.contact.label()}" for a in preview.adds]
            for action in preview.changes:
                fields = ", ".join(c.field for c in action.changes)
                lines.append(f"  change: {action.contact.label()} ({fields})")
            lines += [f"  skip: {a.contact.label()}: {a.reason}" for a in preview.skips]
            lines += [f"  warning: {w}" for w in preview.warnings]
            lines += [f"  problem: {p}" for p in preview.problems]
            if not args.dry_run and args.tree:
                calltrees.import_with_tree(
                    console, preview, code=args.tree, name=args.tree_name or "", field=args.tree_by
                )
                data["tree"] = args.tree
                lines.append(
                    _("Imported. Call tree {tree} built by {field}.").format(
                        tree=args.tree, field=args.tree_by
                    )
                )
            elif not args.dry_run:
                contacts.apply_import(console, preview)
                lines.append(_("Imported."))
            else:
                lines.append(_("Dry run: nothing was written."))
            out.emit(data, "\n".join(lines))
        return EXIT_OK
    finally:
        console.close()

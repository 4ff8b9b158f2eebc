"""Commands for contacts and call trees: import, export, region; calltree list, create, add,
remove, print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli import readiness
from hisconsole.cli.options import Handler, add_print_language, call_tree_help, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.domain.plan import text
from hisconsole.errors import N_, Term
from hisconsole.i18n import current_language
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    contacts = sub.add_parser("contacts", parents=[common], help=_("import or export contacts"))
    csub = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    cimport = csub.add_parser(
        "import", parents=[common], help=_("import a .csv, .xlsx or .vcf file")
    )
    cimport.add_argument("file", type=Path, metavar="FILE", help=_("a .csv, .xlsx or .vcf file"))
    cimport.add_argument(
        "--encoding",
        metavar="ENC",
        help=_(
            "read the file in this encoding instead of detecting it: "
            "utf-8, gb18030, big5, utf-16, cp1252, or utf-8+cp1252 (UTF-8 with stray Latin-1 bytes)"
        ),
    )
    cimport.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=TARGET",
        help=_(
            "where a column goes (e.g. 微信=notes, 工号=ignore); remembered for files with "
            "the same columns. Targets: name, mobile, office, extension, short, email, notes, "
            "department, … (see the README)"
        ),
    )
    cimport.add_argument(
        "--dry-run", action="store_true", help=_("only show what would be added, changed, skipped")
    )
    csub.add_parser(
        "export", parents=[common], help=_("export to a .csv, .xlsx or .vcf file")
    ).add_argument(
        "file", type=Path, metavar="FILE", help=_("the file to write (.csv, .xlsx or .vcf)")
    )
    cregion = csub.add_parser(
        "region", parents=[common], help=_("show or set the default phone region (CN, HK, …)")
    )
    cregion.add_argument(
        "code", nargs="?", metavar="CODE", help=_("a region code (CN, HK, MO, TW, …); omit to show")
    )
    readiness.add_verify(csub, common)
    cimport.add_argument(
        "--tree",
        metavar="CODE",
        help=_(
            "also build call tree CODE from the imported people: one cascade per "
            "--tree-by value, its head first"
        ),
    )
    cimport.add_argument(
        "--tree-by",
        default="department",
        choices=("department", "position", "organisation", "group"),
        help=_("the column the tree is built from (default: department)"),
    )
    cimport.add_argument("--tree-name", metavar="NAME", help=_("the new tree's name"))
    calltree = sub.add_parser(
        "calltree", parents=[common], help=_("list, create, edit or print call trees")
    )
    tsub = calltree.add_subparsers(dest="calltree_command", metavar="ACTION", required=True)
    tsub.add_parser(
        "list", parents=[common], help=_("the call trees and how many people each calls")
    )
    tcreate = tsub.add_parser("create", parents=[common], help=_("a new call tree"))
    tcreate.add_argument("code", metavar="CODE", help=_("the new tree's code (letters, digits, -)"))
    tcreate.add_argument("--name", required=True, help=_("its name (Chinese or English)"))
    tcreate.add_argument(
        "--from-group", metavar="G", help=_("fill it with group G (hq, tech, …): its lead first")
    )
    tcreate.add_argument(
        "--wait", type=int, default=5, metavar="MIN", help=_("minutes before calling an alternate")
    )
    tadd = tsub.add_parser("add", parents=[common], help=_("add a person to a call tree"))
    tadd.add_argument("code", metavar="CODE", help=call_tree_help())
    tadd.add_argument("person", metavar="PERSON", help=_("a contact key or name"))
    tadd.add_argument("--after", metavar="PERSON", help=_("who calls them (default: at the top)"))
    tadd.add_argument("--alternate", metavar="PERSON", help=_("their alternate (B 角)"))
    twave = tsub.add_parser(
        "wave",
        parents=[common],
        help=_("a level of the tree needs N people reached within M minutes, else the next starts"),
    )
    twave.add_argument("code", metavar="CODE", help=call_tree_help())
    twave.add_argument("wave", type=int, metavar="WAVE", help=_("1 = the top level of the tree"))
    twave.add_argument("--need", type=int, metavar="N", help=_("people to reach (omit: no need)"))
    twave.add_argument("--within", type=int, metavar="M", help=_("minutes"))
    tremove = tsub.add_parser(
        "remove", parents=[common], help=_("take a person out of a call tree, or remove the tree")
    )
    tremove.add_argument("code", metavar="CODE", help=call_tree_help())
    tremove.add_argument(
        "person", nargs="?", metavar="PERSON", help=_("without it, the whole tree is removed")
    )
    tprint = tsub.add_parser("print", parents=[common], help=_("call tree(s) as a PDF"))
    tprint.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF to write")
    )
    tprint.add_argument(
        "--tree",
        metavar="CODE",
        help=_("only this tree (default: every tree); {call_tree}").format(
            call_tree=call_tree_help()
        ),
    )
    tprint.add_argument(
        "--page",
        choices=("A4", "card"),
        default="A4",
        help=_("A4 sheets, or wallet cards to cut out (default: A4)"),
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
            f"{t['code']}  {text(t['name'], current_language())}  "
            + _("({people} people, alternate after {minutes} min)").format(
                people=t["people"], minutes=t["wait_minutes"]
            )
            for t in trees
        ]
        out.emit(trees, "\n".join(lines) or contacts.missing_tree(console))
    elif action == "create":
        calltrees.create(
            console, args.code, args.name, from_group=args.from_group, wait_minutes=args.wait
        )
        out.emit({"code": args.code}, _("Call tree {code} created.").format(code=args.code))
    elif action == "add":
        calltrees.add(console, args.code, args.person, after=args.after, alternate=args.alternate)
        out.emit(
            {"code": args.code},
            _("{person} added to call tree {code}.").format(person=args.person, code=args.code),
        )
    elif action == "wave":
        calltrees.set_wave(
            console, args.code, args.wave, need=args.need, within_minutes=args.within
        )
        said = (
            _("Wave {wave} of {code} needs {need} reached within {within} min.")
            if args.need is not None
            else _("Wave {wave} of {code} is a plain cascade.")
        )
        out.emit(
            {"code": args.code, "wave": args.wave},
            said.format(wave=args.wave, code=args.code, need=args.need, within=args.within),
        )
    else:
        calltrees.remove(console, args.code, args.person)
        said = (
            _("{person} taken out of call tree {code}.")
            if args.person
            else _("Removed call tree {code}.")
        )
        out.emit({"code": args.code}, said.format(person=args.person, code=args.code))


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
            out.emit(
                {"region": code},
                _("Phone numbers without a country code are read as {region}.").format(region=code),
            )
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
                "problems": [str(p) for p in preview.problems],
                "written": not args.dry_run,
            }
            lines = [_("Encoding: {encoding}").format(encoding=source.encoding)]
            if source.layout:
                name = text(source.layout_name, current_language()) or source.layout
                lines.append(_("Layout: {layout}").format(layout=name))
            for column in source.columns:
                target = column.target or _("(not imported: map it with --map)")
                lines.append(
                    "  "
                    + _("column {column} -> {target}").format(
                        column=repr(column.header), target=target
                    )
                )
            if source.unmapped:
                lines.append(
                    _("Unmapped columns (not imported): {columns}").format(
                        columns=", ".join(source.unmapped)
                    )
                )
            if source.not_kept:
                kept = _(", ").join(
                    _("{item} ({what})").format(item=item, what=Term("not kept", what).said(_))
                    for item, what in source.not_kept
                )
                lines.append(_("Not kept: {items}").format(items=kept))
            lines.append(preview.summary())
            lines += [
                "  " + _("add: {contact}").format(contact=a.contact.label()) for a in preview.adds
            ]
            for action in preview.changes:
                fields = ", ".join(c.field for c in action.changes)
                lines.append(
                    "  "
                    + _("change: {contact} ({fields})").format(
                        contact=action.contact.label(), fields=fields
                    )
                )
            lines += [
                "  "
                + _("skip: {contact}: {reason}").format(contact=a.contact.label(), reason=a.reason)
                for a in preview.skips
            ]
            lines += ["  " + _("warning: {text}").format(text=w) for w in preview.warnings]
            lines += ["  " + _("problem: {text}").format(text=p.said(_)) for p in preview.problems]
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

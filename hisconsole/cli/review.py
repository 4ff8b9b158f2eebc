"""The after-action review (总结评估) of an incident or drill, as a document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    review = sub.add_parser(
        "review", parents=[common], help="an incident's after-action review (as PDF with --out)"
    )
    review.add_argument("id", metavar="ID", help="the incident's id")
    review.add_argument("--out", type=Path, metavar="FILE.pdf", help="write the review here")
    review.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("zh", "en", "both"),
        default="zh",
        help="language of the PDF (default: zh)",
    )
    return {"review": cmd_review}


def cmd_review(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import review

    console = open_console(args)
    try:
        data = review.review(console, args.id)
        if args.out is not None:
            review.write_review_pdf(console, args.id, args.out, args.doc_lang)
        lines = [
            f"{t['milestone']}: {t['at'] or '-'}"
            + (f" ({t['clock']['state']})" if t["clock"] else "")
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

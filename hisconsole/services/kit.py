"""The downtime kit: one print with the call tree, the checklists and a starter pack of forms."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hisconsole.i18n import (
    PrintLanguage,
    Words,
    current_language,
    in_every_language,
    languages_of,
    ngettext,
)
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime
from hisconsole.services import contacts, forms, incidents, numbers, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.errors import KitNeedsChecklists

#: Starter pack: forms every ward needs in the first hours, one set per ward.
STARTER_FORMS = ("registration", "orders", "orders-temp", "mar", "lab-request", "hics-214")


#: Parts a kit always has a place for; ``Kit.missing`` names those it lacks.
CALL_TREE, CHECKLISTS = "call-tree", "checklists"


@dataclass
class Kit:
    """The kit as one PDF; ``pack`` holds the form sheets to record once printed.

    ``missing`` names the parts the console had nothing for (``call-tree``,
    ``checklists``); the cover says so, and ``why`` says it in each language
    (``why[part]["zh"]``).
    """

    pdf: bytes
    pack: forms.PreparedPack
    missing: list[str] = field(default_factory=list)
    why: dict[str, dict[str, str]] = field(default_factory=dict)


def downtime_kit(
    console: Console,
    *,
    incident: str | None = None,
    scenario: str | None = None,
    level: str = "II",
    wards: int = 1,
    lang: PrintLanguage = "both",
    numbers_for: Sequence[str] = (),
) -> Kit:
    """Call tree + checklists (the incident's, or a scenario's at ``level``) + forms, in
    ``lang`` (zh, en, or both: a bilingual kit's forms carry each label in Chinese with
    the English small beneath it, as ``forms print --lang both``). On request
    (``numbers_for``: ward codes) the label sheets of those wards' unused temporary
    patient numbers (issued before, with ``numbers.issue``).

    Nothing is recorded until :func:`record_kit` (after printing succeeded).
    """
    # The PDF libraries load when a kit is made, not when the console starts.
    from pypdf import PdfReader, PdfWriter

    from hisconsole.printing.checklist import render_checklists
    from hisconsole.printing.kit_cover import render_kit_cover

    first = languages_of(lang)[0]
    doc = plan_service.require_document(console)
    printed_at = format_datetime(console.now(), first)
    body: list[bytes] = []  # the PDFs after the cover, in order
    # No call tree yet? The kit still has the checklists and the forms, and says so.
    has_trees = bool(contacts.call_trees(console))
    if has_trees:
        body.append(contacts.call_tree_pdf(console, lang=lang))
    exercise = False
    if incident is not None:
        data = incidents.show(console, incident, with_log=False)
        items = response.checklist(console, incident)
        scenario = data["scenario"]
        exercise = bool(data["exercise"])
        subtitle = Words(lang, sep=" ").each(
            lambda: _("{incident} · {title} · level {level}").format(
                incident=incident, title=data["title"], level=data["level"]
            )
        )
    else:
        if scenario is None:
            raise KitNeedsChecklists()
        items = incidents.playbook_items(doc, "kit", scenario, level)
        subtitle = Words(lang, sep=" ").each(
            lambda: _("scenario {scenario} · level {level}").format(scenario=scenario, level=level)
        )
    name = next((s["name"] for s in doc["scenarios"] if s["code"] == scenario), None)
    if items:
        buffer = io.BytesIO()
        render_checklists(
            sorted(items, key=lambda i: (["hq", "tech", "business"].index(i["group"]), i["order"])),
            title=name or in_every_language(lambda: _("Checklists")),
            subtitle=subtitle,
            printed_at=printed_at,
            exercise=exercise,
            out=buffer,
            lang=lang,
        )
        body.append(buffer.getvalue())
    loaded, _problems = forms.templates(console)
    chosen = [(code, wards) for code in STARTER_FORMS if code in loaded]
    pack = forms.prepare_pack(console, chosen, incident=incident, lang=lang)
    body.append(pack.pdf)
    labelled = 0
    for ward in numbers_for:
        labelled += len(numbers.unused(console, ward))
        body.append(numbers.labels_pdf(console, ward=ward, lang=lang))
    parts = _parts(has_trees, items, name, scenario, level, len(pack.serials))
    if numbers_for:
        wards_named = ", ".join(numbers_for)
        parts.append(
            {
                "code": "numbers",
                "name": in_every_language(lambda: _("Temporary patient numbers")),
                "present": True,
                "said": in_every_language(
                    lambda: ngettext(
                        "Labels of {count} temporary patient number for {wards}.",
                        "Labels of {count} temporary patient numbers for {wards}.",
                        labelled,
                    ).format(count=labelled, wards=wards_named)
                ),
            }
        )
    cover = io.BytesIO()
    render_kit_cover(
        parts, subtitle=subtitle, printed_at=printed_at, exercise=exercise, out=cover, lang=lang
    )
    writer = PdfWriter()
    for piece in (cover.getvalue(), *body):
        writer.append(PdfReader(io.BytesIO(piece)))
    out = io.BytesIO()
    writer.write(out)
    missing = {p["code"]: p["said"] for p in parts if not p["present"]}
    return Kit(out.getvalue(), pack, list(missing), missing)


def _parts(
    has_trees: bool,
    items: list[dict[str, Any]],
    playbook: dict[str, str] | None,
    scenario: str | None,
    level: str,
    sheets: int,
) -> list[dict[str, Any]]:
    """The kit's contents for its cover: each part, whether it is there, and what it is
    (``name`` and ``said`` in each language)."""
    if has_trees:
        tree = in_every_language(lambda: _("Who calls whom, in order."))
    else:
        tree = in_every_language(
            lambda: _(
                "This console has no call tree: import the contacts and make one "
                "(Contacts, or hisconsole calltree create)."
            )
        )
    if items:
        checklist = in_every_language(
            lambda: ngettext(
                "Playbook: {playbook}, {count} step.",
                "Playbook: {playbook}, {count} steps.",
                len(items),
            ).format(playbook=(playbook or {}).get(current_language(), scenario), count=len(items))
        )
    elif scenario is None:
        checklist = in_every_language(
            lambda: _(
                "The incident follows no playbook: there are no checklists. "
                "Choose a playbook for it."
            )
        )
    else:
        checklist = in_every_language(
            lambda: _("The playbook {scenario} has no steps at level {level}.").format(
                scenario=scenario, level=level
            )
        )
    return [
        {
            "code": CALL_TREE,
            "name": in_every_language(lambda: _("Call tree")),
            "present": has_trees,
            "said": tree,
        },
        {
            "code": CHECKLISTS,
            "name": in_every_language(lambda: _("Checklists")),
            "present": bool(items),
            "said": checklist,
        },
        {
            "code": "forms",
            "name": in_every_language(lambda: _("Paper forms")),
            "present": bool(sheets),
            "said": in_every_language(
                lambda: ngettext(
                    "{count} numbered blank sheet.", "{count} numbered blank sheets.", sheets
                ).format(count=sheets)
            ),
        },
    ]


def record_kit(console: Console, kit: Kit) -> list[str]:
    return forms.record_pack(console, kit.pack)

"""The downtime kit: one print with the call tree, the checklists and a starter pack of forms."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

from hisconsole.printing.checklist import render_checklists
from hisconsole.services import contacts, forms, incidents, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError

#: Starter pack: forms every ward needs in the first hours, one set per ward.
STARTER_FORMS = ("registration", "orders", "mar", "lab-request", "hics-214")


@dataclass
class Kit:
    """The kit as one PDF; ``pack`` holds the form sheets to record once printed."""

    pdf: bytes
    pack: forms.PreparedPack


def downtime_kit(
    console: Console,
    *,
    incident: str | None = None,
    scenario: str | None = None,
    level: str = "II",
    wards: int = 1,
    lang: str = "zh",
) -> Kit:
    """Call tree + checklists (the incident's, or a scenario's at ``level``) + forms.

    Nothing is recorded until :func:`record_kit` (after printing succeeded).
    """
    doc = plan_service.require_document(console)
    printed_at = console.now().astimezone().strftime("%Y-%m-%d %H:%M")
    writer = PdfWriter()
    # No call tree yet? The kit still has the checklists and the forms.
    with contextlib.suppress(ServiceError):
        writer.append(PdfReader(io.BytesIO(contacts.call_tree_pdf(console, lang=lang))))
    exercise = False
    if incident is not None:
        data = incidents.show(console, incident, with_log=False)
        items = response.checklist(console, incident)
        scenario = data["scenario"]
        exercise = bool(data["exercise"])
        subtitle = f"{incident} · {data['title']} · level {data['level']}"
    else:
        if scenario is None:
            raise ServiceError("Choose an incident or a scenario for the kit's checklists.")
        items = incidents.playbook_items(doc, "kit", scenario, level)
        subtitle = f"scenario {scenario} · level {level}"
    if items:
        name = next((s["name"] for s in doc["scenarios"] if s["code"] == scenario), None)
        buffer = io.BytesIO()
        render_checklists(
            sorted(items, key=lambda i: (["hq", "tech", "business"].index(i["group"]), i["order"])),
            title=name or {"zh": "检查清单", "en": "Checklists"},
            subtitle=subtitle,
            printed_at=printed_at,
            exercise=exercise,
            out=buffer,
        )
        writer.append(PdfReader(buffer))
    loaded, _ = forms.templates(console)
    chosen = [(code, wards) for code in STARTER_FORMS if code in loaded]
    pack = forms.prepare_pack(console, chosen, incident=incident, lang=lang)
    writer.append(PdfReader(io.BytesIO(pack.pdf)))
    out = io.BytesIO()
    writer.write(out)
    return Kit(out.getvalue(), pack)


def record_kit(console: Console, kit: Kit) -> list[str]:
    return forms.record_pack(console, kit.pack)

"""The downtime kit: one print with the call tree, the checklists and a starter pack of forms."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from hisconsole.services import contacts, forms, incidents, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError

#: Starter pack: forms every ward needs in the first hours, one set per ward.
STARTER_FORMS = ("registration", "orders", "orders-temp", "mar", "lab-request", "hics-214")


#: Parts a kit always has a place for; ``Kit.missing`` names those it lacks.
CALL_TREE, CHECKLISTS = "call-tree", "checklists"


@dataclass
class Kit:
    """The kit as one PDF; ``pack`` holds the form sheets to record once printed.

    ``missing`` names the parts the console had nothing for (``call-tree``,
    ``checklists``); the cover says so, and ``why`` says it in English words.
    """

    pdf: bytes
    pack: forms.PreparedPack
    missing: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)


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
    # The PDF libraries load when a kit is made, not when the console starts.
    from pypdf import PdfReader, PdfWriter

    from hisconsole.printing.checklist import render_checklists
    from hisconsole.printing.kit_cover import render_kit_cover

    doc = plan_service.require_document(console)
    printed_at = console.now().astimezone().strftime("%Y-%m-%d %H:%M")
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
        subtitle = f"{incident} · {data['title']} · level {data['level']}"
    else:
        if scenario is None:
            raise ServiceError("Choose an incident or a scenario for the kit's checklists.")
        items = incidents.playbook_items(doc, "kit", scenario, level)
        subtitle = f"scenario {scenario} · level {level}"
    name = next((s["name"] for s in doc["scenarios"] if s["code"] == scenario), None)
    if items:
        buffer = io.BytesIO()
        render_checklists(
            sorted(items, key=lambda i: (["hq", "tech", "business"].index(i["group"]), i["order"])),
            title=name or {"zh": "检查清单", "en": "Checklists"},
            subtitle=subtitle,
            printed_at=printed_at,
            exercise=exercise,
            out=buffer,
        )
        body.append(buffer.getvalue())
    loaded, _ = forms.templates(console)
    chosen = [(code, wards) for code in STARTER_FORMS if code in loaded]
    pack = forms.prepare_pack(console, chosen, incident=incident, lang=lang)
    body.append(pack.pdf)
    parts = _parts(has_trees, items, name, scenario, level, len(pack.serials))
    cover = io.BytesIO()
    render_kit_cover(parts, subtitle=subtitle, printed_at=printed_at, exercise=exercise, out=cover)
    writer = PdfWriter()
    for piece in (cover.getvalue(), *body):
        writer.append(PdfReader(io.BytesIO(piece)))
    out = io.BytesIO()
    writer.write(out)
    missing = {p["code"]: p["said"]["en"] for p in parts if not p["present"]}
    return Kit(out.getvalue(), pack, list(missing), missing)


def _parts(
    has_trees: bool,
    items: list[dict[str, Any]],
    playbook: dict[str, str] | None,
    scenario: str | None,
    level: str,
    sheets: int,
) -> list[dict[str, Any]]:
    """The kit's contents for its cover: each part, whether it is there, and what it is."""
    if has_trees:
        tree = {"zh": "按呼叫顺序逐级通知。", "en": "Who calls whom, in order."}
    else:
        tree = {
            "zh": "本指挥台没有呼叫顺序：请在“通讯录”中导入人员并建立呼叫顺序。",
            "en": "This console has no call tree: import the contacts and make one "
            "(Contacts, or hisconsole calltree create).",
        }
    if items:
        checklist = {
            "zh": f"处置预案：{(playbook or {}).get('zh', scenario)}，{len(items)} 项。",
            "en": f"Playbook: {(playbook or {}).get('en', scenario)}, {len(items)} step(s).",
        }
    elif scenario is None:
        checklist = {
            "zh": "未选处置预案：没有检查清单。请为本事件选择处置预案。",
            "en": "The incident follows no playbook: there are no checklists. "
            "Choose a playbook for it.",
        }
    else:
        checklist = {
            "zh": f"处置预案 {scenario} 在 {level} 级没有步骤。",
            "en": f"The playbook {scenario} has no steps at level {level}.",
        }
    return [
        {
            "code": CALL_TREE,
            "name": {"zh": "呼叫顺序", "en": "Call tree"},
            "present": has_trees,
            "said": tree,
        },
        {
            "code": CHECKLISTS,
            "name": {"zh": "检查清单", "en": "Checklists"},
            "present": bool(items),
            "said": checklist,
        },
        {
            "code": "forms",
            "name": {"zh": "纸质表单", "en": "Paper forms"},
            "present": bool(sheets),
            "said": {
                "zh": f"带编号的空白表单 {sheets} 张。",
                "en": f"{sheets} numbered blank sheet(s).",
            },
        },
    ]


def record_kit(console: Console, kit: Kit) -> list[str]:
    return forms.record_pack(console, kit.pack)

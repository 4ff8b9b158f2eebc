"""Call-tree sheet: a page a person can follow with a pen when every laptop is dead.

The tree prints as an indented, numbered list (1, 1.1, 1.1.1 …) with thin
connector lines: whoever holds number 1.2 calls 1.2.1, 1.2.2 and so on. Each
person shows a tick box, both names, the position, every phone number in order
of preference (formatted for dialling from the hospital's own region), the
alternate to call when there is no answer within the wait time (with the
alternate's numbers and a tick box), and a "reached at __:__" space.

Two page sizes:

* ``"A4"``: one sheet. The font shrinks (from 10 pt, never below 7 pt) until
  the whole tree fits on one page; a tree too large even at 7 pt continues on
  more pages rather than being clipped.
* ``"card"``: pocket cards of credit-card size (ISO/IEC 7810 ID-1, 85 × 54 mm,
  landscape), 7.5 pt, as many cards as the tree needs, never splitting a
  person across cards; each card carries the tree name, card x/y, hospital,
  plan version and print date. Print on card stock, or on A4 and cut out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hisconsole.i18n import N_, Language, PrintLanguage, Words, languages_of
from hisconsole.printing.common import (
    ALERT,
    FAINT,
    GREY,
    INK,
    LIGHT,
    describe,
    ellipsize,
    font,
    width,
    wrap,
)

Page = Literal["A4", "card"]
CARD = (85 * mm, 54 * mm)

# Phone types as short labels (the English ones abbreviated to fit a card).
_PHONE_LABELS = {
    "mobile": N_("Mob"),
    "office": N_("Off"),
    "extension": N_("Ext"),
    "short": N_("Short"),
    "home": N_("Home"),
    "pager": N_("Pager"),
}


def _words(lang: PrintLanguage) -> dict[str, str]:
    """The sheet's words in ``lang`` (``{fields}`` filled by the caller)."""
    w, lines = Words(lang), Words(lang, sep="\n")
    return {
        "call_tree": w.gettext("Call tree"),
        "version": w.gettext("Plan version"),
        "printed": w.gettext("Printed"),
        "page": w.gettext("Page {number} of {total}"),
        "alternate": w.gettext("No answer in {wait} min, call: "),
        "alternate_short": w.gettext("{wait} min → "),
        "how": lines.gettext(
            "Call in number order: each person calls the people numbered under them. "
            "If there is no answer within {wait} minutes, call the alternate. "
            "Tick the box and write the time when you reach someone."
        ),
        "how_short": w.gettext(
            "Call the numbers under you; no answer in {wait} min: alternate; tick + time"
        ),
        "unknown": w.gettext("unknown contact {key}"),
        "unchecked": w.gettext(" (unchecked)"),
        "none": w.gettext("(no phone)"),
        # Column heads: one line per language (a bilingual one is too wide for its column).
        "number": lines.gettext("No.  Name / position"),
        "phones": lines.gettext("Phones (in order to dial)"),
        "reached": lines.gettext("Reached at"),
    }


_TIME = "____:____"  # room to write the time by hand


@dataclass
class _Node:
    number: str
    depth: int
    contact: str
    alternate: str | None
    wait: int
    parent: int | None


def _flatten(tree: Mapping[str, Any]) -> list[_Node]:
    out: list[_Node] = []
    default_wait = int(tree.get("wait_minutes") or 5)

    def walk(
        nodes: Sequence[Mapping[str, Any]], prefix: str, depth: int, parent: int | None
    ) -> None:
        for i, node in enumerate(nodes, 1):
            number = f"{prefix}{i}"
            out.append(
                _Node(
                    number=number,
                    depth=depth,
                    contact=str(node.get("contact", "")),
                    alternate=str(node["alternate"]) if node.get("alternate") else None,
                    wait=int(node.get("wait_minutes") or default_wait),
                    parent=parent,
                )
            )
            walk(node.get("children") or [], f"{number}.", depth + 1, len(out) - 1)

    walk(tree.get("nodes") or [], "", 0, None)
    return out


def _text(value: Any, lang: PrintLanguage) -> str:
    return Words(lang).pick(value)


def _names(contact: Mapping[str, Any] | None, key: str, lang: PrintLanguage) -> tuple[str, str]:
    """(zh name, en name) of a contact; the unknown-contact text when it is missing."""
    if contact is None:
        return _words(lang)["unknown"].format(key=key), ""
    name = contact.get("name") or {}
    if isinstance(name, str):
        return name, ""
    return str(name.get("zh") or ""), str(name.get("en") or "")


def _phones(contact: Mapping[str, Any] | None, lang: PrintLanguage) -> list[str]:
    if contact is None:
        return []
    unchecked = _words(lang)["unchecked"]
    out = []
    for phone in contact.get("phones") or []:
        kind = str(phone.get("type") or "")
        label = Words(lang, sep="/").gettext(_PHONE_LABELS[kind]) if kind in _PHONE_LABELS else kind
        item = f"{label} {phone.get('number', '')}".strip()
        if phone.get("needs_review"):
            item += unchecked
        out.append(item)
    return out


@dataclass
class _Line:
    x: float
    text: str
    size: float
    colour: Any = INK


@dataclass
class _Row:
    node: _Node
    box_x: float
    height: float = 0.0
    # (dy from row top to baseline, line)
    lines: list[tuple[float, _Line]] = field(default_factory=list)
    boxes: list[tuple[float, float, float]] = field(default_factory=list)  # x, dy, side
    times: list[tuple[float, float, float]] = field(default_factory=list)  # x, dy, size


@dataclass
class _Geometry:
    page: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    indent: float
    reached_w: float
    phones_w: float


def _layout_a4_row(
    node: _Node,
    contacts: Mapping[str, Mapping[str, Any]],
    lang: PrintLanguage,
    s: float,
    g: _Geometry,
) -> _Row:
    words = _words(lang)
    lead = s * 1.22
    small = max(s - 1.3, 7.0)
    small_lead = small * 1.2
    x0 = g.left + node.depth * g.indent
    row = _Row(node, x0)
    person = contacts.get(node.contact)
    zh, en = _names(person, node.contact, lang)
    number = f"{node.number}"
    box = s * 0.95
    row.boxes.append((x0, lead * 0.78, box))
    number_x = x0 + box + s * 0.4
    name_x = number_x + width(number, s) + s * 0.6
    reached_x = g.right - g.reached_w
    phones_x = reached_x - g.phones_w
    name_w = phones_x - name_x - s * 0.8
    row.lines.append((lead * 0.78, _Line(number_x, number, s)))
    name_lines = wrap(f"{zh} {en}".strip(), s, name_w)
    dy = lead * 0.78
    for line in name_lines:
        row.lines.append((dy, _Line(name_x, line, s, INK if person else ALERT)))
        dy += lead
    position = _text(person.get("position"), lang) if person else ""
    for line in wrap(position, small, name_w) if position else []:
        row.lines.append((dy - lead + small_lead, _Line(name_x, line, small, GREY)))
        dy += small_lead
    left_bottom = dy - lead + (lead - lead * 0.78)
    phones = _phones(person, lang) or [words["none"]]
    pdy = lead * 0.78
    for text in _pack(phones, s, g.phones_w - 4, "   "):
        row.lines.append((pdy, _Line(phones_x, text, s)))
        pdy += lead
    right_bottom = pdy - lead + (lead - lead * 0.78)
    row.times.append((reached_x + box + s * 0.4, lead * 0.78, s))
    row.boxes.append((reached_x, lead * 0.78, box))
    dy = max(left_bottom, right_bottom)
    if node.alternate:
        dy += small_lead * 0.85
        alt = contacts.get(node.alternate)
        azh, aen = _names(alt, node.alternate, lang)
        alt_items = [
            "↳ " + words["alternate"].format(wait=node.wait) + f"{azh} {aen}".strip(),
            *(_phones(alt, lang) or [words["none"]]),
        ]
        alt_lines = _pack(alt_items, small, reached_x - name_x - s * 0.8, "   ")
        row.boxes.append((reached_x, dy, small * 0.95))
        row.times.append((reached_x + box + s * 0.4, dy, small))
        for text in alt_lines:
            row.lines.append((dy, _Line(name_x, text, small, INK if alt else ALERT)))
            dy += small_lead
        dy -= small_lead
    row.height = dy + s * 0.6
    return row


def _layout_card_row(
    node: _Node,
    contacts: Mapping[str, Mapping[str, Any]],
    lang: PrintLanguage,
    s: float,
    g: _Geometry,
) -> _Row:
    words = _words(lang)
    lead = s * 1.2
    x0 = g.left + node.depth * g.indent
    row = _Row(node, x0)
    person = contacts.get(node.contact)
    zh, en = _names(person, node.contact, lang)
    box = s * 0.9
    time_w = width(_TIME, s)
    row.boxes.append((x0, lead * 0.8, box))
    number_x = x0 + box + 2
    name_x = number_x + width(node.number, s) + 3
    row.lines.append((lead * 0.8, _Line(number_x, node.number, s)))
    avail = g.right - time_w - 3 - name_x
    head = f"{zh} {en}".strip()
    position = _text(person.get("position"), lang) if person else ""
    dy = lead * 0.8
    # A long name wraps (never cut); the position follows when it fits on the last line.
    name_lines = wrap(head, s, avail)
    for text in name_lines:
        row.lines.append((dy, _Line(name_x, text, s, INK if person else ALERT)))
        dy += lead
    last = name_lines[-1]
    if position and width(last, s) + width(" " + position, s - 1) <= avail:
        row.lines.append((dy - lead, _Line(name_x + width(last + " ", s), position, s - 1, GREY)))
    row.times.append((g.right - time_w, lead * 0.8, s))
    phones = _phones(person, lang) or [words["none"]]
    for text in _pack(phones, s, g.right - name_x):
        row.lines.append((dy, _Line(name_x, text, s)))
        dy += lead
    if node.alternate:
        alt = contacts.get(node.alternate)
        azh, aen = _names(alt, node.alternate, lang)
        alt_name = aen or azh if lang == "en" else azh or aen
        alt_phones = _phones(alt, lang)[:2]
        alt_items = [
            f"↳{words['alternate_short'].format(wait=node.wait)}{alt_name}",
            *(p.split(" ", 1)[-1] for p in alt_phones),
        ]
        for text in _pack(alt_items, s - 0.5, g.right - name_x):
            row.lines.append((dy, _Line(name_x, text, s - 0.5, INK if alt else ALERT)))
            dy += lead
    row.height = dy - lead + s * 0.55
    return row


def _pack(items: list[str], size: float, max_width: float, sep: str = "  ") -> list[str]:
    """Lay items (a name, a phone number) out in lines without ever splitting one.

    Only an item wider than a whole line on its own is wrapped.
    """
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}{sep}{item}" if line else item
        if width(candidate, size) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if width(item, size) <= max_width:
            line = item
        else:
            *full, line = wrap(item, size, max_width)
            lines.extend(full)
    lines.append(line)
    return lines


def _draw_row(canvas: Canvas, row: _Row, top: float) -> None:
    canvas.setLineWidth(0.6)
    canvas.setStrokeColor(INK)
    for x, dy, side in row.boxes:
        canvas.rect(x, top - dy - side * 0.12, side, side, stroke=1, fill=0)
    for x, dy, size in row.times:
        canvas.setFillColor(GREY)
        canvas.setFont(font(), size)
        canvas.drawString(x, top - dy, _TIME)
    for dy, line in row.lines:
        canvas.setFillColor(line.colour)
        canvas.setFont(font(), line.size)
        canvas.drawString(line.x, top - dy, line.text)


def _draw_connectors(
    canvas: Canvas, rows: list[_Row], tops: dict[int, float], s: float, box: float
) -> None:
    """Elbow lines from each parent's box down to its children's boxes (same page only)."""
    canvas.setStrokeColor(LIGHT)
    canvas.setLineWidth(0.5)
    for i, row in enumerate(rows):
        parent = row.node.parent
        if parent is None or parent not in tops or i not in tops:
            continue
        parent_row = rows[parent]
        px = parent_row.box_x + box / 2
        py = tops[parent] - parent_row.boxes[0][1] - box * 0.12 - 0.5
        cy = tops[i] - row.boxes[0][1] + box * 0.38
        canvas.line(px, py, px, cy)
        canvas.line(px, cy, row.box_x - 0.8, cy)


def _header_a4(
    canvas: Canvas,
    tree: Mapping[str, Any],
    g: _Geometry,
    lang: PrintLanguage,
    plan_version: int,
    printed_at: str,
    hospital: str,
    wait: int,
) -> float:
    words = _words(lang)
    # The tree's name in the first language large; in a bilingual one the English beside it.
    one: Language = "en" if lang == "en" else "zh"
    y = g.top
    name = tree.get("name") or {}
    first = _text(name, one)
    second = name.get("en", "") if isinstance(name, Mapping) and lang == "both" else ""
    canvas.setFillColor(INK)
    canvas.setFont(font(), 17)
    y -= 17
    canvas.drawString(g.left, y, first)
    if second and second != first:
        canvas.setFont(font(), 11)
        canvas.setFillColor(GREY)
        canvas.drawString(g.left + width(first, 17) + 10, y, second)
    canvas.setFont(font(), 9)
    canvas.setFillColor(INK)
    right = f"{words['version']} {plan_version}    {words['printed']} {printed_at}"
    canvas.drawRightString(g.right, y, right)
    y -= 14
    canvas.setFont(font(), 9.5)
    canvas.drawString(g.left, y, f"{hospital}  ·  {words['call_tree']} {tree.get('code', '')}")
    y -= 4
    canvas.setFillColor(GREY)
    for line in wrap(words["how"].format(wait=wait), 8, g.right - g.left):
        y -= 10
        canvas.setFont(font(), 8)
        canvas.drawString(g.left, y, line)
    y -= 7
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.line(g.left, y, g.right, y)
    heads = [words[key].split("\n") for key in ("number", "phones", "reached")]
    depth = max(len(head) for head in heads)
    y -= 10 + 8.5 * (depth - 1)
    canvas.setFont(font(), 7.5)
    reached_x = g.right - g.reached_w
    for x, head in zip((g.left, reached_x - g.phones_w, reached_x), heads, strict=True):
        for i, line in enumerate(head):
            canvas.drawString(x, y + 8.5 * (len(head) - 1 - i), line)
    return y - 4


def _footer(
    canvas: Canvas,
    g: _Geometry,
    text: str,
    page_text: str,
) -> None:
    canvas.setFont(font(), 7.5)
    canvas.setFillColor(GREY)
    canvas.drawRightString(g.right, g.bottom - 12, page_text)
    room = g.right - g.left - width(page_text, 7.5) - 8
    canvas.drawString(g.left, g.bottom - 12, ellipsize(text, 7.5, room))


def render_call_tree(
    tree: Mapping[str, Any],
    contacts: Mapping[str, Mapping[str, Any]],
    *,
    plan_version: int,
    printed_at: str,
    hospital: str,
    lang: PrintLanguage = "both",
    page: Page = "A4",
    out: BinaryIO,
) -> int:
    """Write the call-tree PDF to ``out``; return the number of pages.

    ``tree`` has the call-tree shape (code, name {zh, en}, wait_minutes, nodes of
    contact / alternate / children); ``contacts`` maps contact keys to contacts
    in the contact-list shape. ``lang`` (zh, en or both) picks the labels and positions;
    names always print in both languages.
    """
    languages_of(lang)  # refuses anything but zh, en and both
    if page not in ("A4", "card"):
        raise ValueError(f"page must be 'A4' or 'card', not {page!r}")
    font()
    nodes = _flatten(tree)
    wait = int(tree.get("wait_minutes") or 5)
    if page == "A4":
        return _render_a4(
            tree, nodes, contacts, plan_version, printed_at, hospital, lang, wait, out
        )
    return _render_cards(tree, nodes, contacts, plan_version, printed_at, hospital, lang, wait, out)


def _render_a4(
    tree: Mapping[str, Any],
    nodes: list[_Node],
    contacts: Mapping[str, Mapping[str, Any]],
    plan_version: int,
    printed_at: str,
    hospital: str,
    lang: PrintLanguage,
    wait: int,
    out: BinaryIO,
) -> int:
    words = _words(lang)
    page_w, page_h = A4
    margin = 14 * mm
    canvas = Canvas(out, pagesize=A4, initialFontName=font(), initialFontSize=9)
    _set_info(canvas, tree, lang)

    def geometry(s: float) -> _Geometry:
        return _Geometry(
            page=A4,
            left=margin,
            right=page_w - margin,
            top=page_h - margin,
            bottom=margin + 10,
            indent=s * 1.35,
            reached_w=s * 7.2,
            phones_w=s * 23,
        )

    # Measure the header once (it does not depend on the body size).
    probe = Canvas(_NullStream(), pagesize=A4, initialFontName=font())
    body_top = _header_a4(probe, tree, geometry(9), lang, plan_version, printed_at, hospital, wait)
    size = 7.0
    rows: list[_Row] = []
    for tenth in range(100, 69, -5):
        s = tenth / 10
        rows = [_layout_a4_row(n, contacts, lang, s, geometry(s)) for n in nodes]
        if sum(r.height for r in rows) <= body_top - geometry(s).bottom - 6:
            size = s
            break
    else:
        size = 7.0
    g = geometry(size)
    pages = _paginate(rows, body_top - 6 - g.bottom, body_top - 6 - g.bottom)
    total = len(pages)
    footer = (
        f"{hospital} · {_text(tree.get('name'), lang)} ({tree.get('code', '')}) · "
        f"{words['version']} {plan_version} · {words['printed']} {printed_at}"
    )
    for number, page_rows in enumerate(pages, 1):
        top = _header_a4(canvas, tree, g, lang, plan_version, printed_at, hospital, wait)
        y = top - 6
        tops: dict[int, float] = {}
        for index in page_rows:
            row = rows[index]
            tops[index] = y
            _draw_row(canvas, row, y)
            y -= row.height
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.5)
            canvas.line(row.box_x, y + size * 0.25, g.right, y + size * 0.25)
        _draw_connectors(canvas, rows, tops, size, size * 0.95)
        _footer(canvas, g, footer, words["page"].format(number=number, total=total))
        canvas.showPage()
    canvas.save()
    return total


def _paginate(rows: list[_Row], first: float, rest: float) -> list[list[int]]:
    pages: list[list[int]] = [[]]
    room = first
    for index, row in enumerate(rows):
        if row.height > room and pages[-1]:
            pages.append([])
            room = rest
        pages[-1].append(index)
        room -= row.height
    return pages


def _render_cards(
    tree: Mapping[str, Any],
    nodes: list[_Node],
    contacts: Mapping[str, Mapping[str, Any]],
    plan_version: int,
    printed_at: str,
    hospital: str,
    lang: PrintLanguage,
    wait: int,
    out: BinaryIO,
) -> int:
    words = _words(lang)
    page_w, page_h = CARD
    margin = 3 * mm
    s = 7.5
    g = _Geometry(
        page=CARD,
        left=margin,
        right=page_w - margin,
        top=page_h - margin,
        bottom=margin,
        indent=5.5,
        reached_w=0,
        phones_w=0,
    )
    canvas = Canvas(out, pagesize=CARD, initialFontName=font(), initialFontSize=s)
    _set_info(canvas, tree, lang)
    header_h = 8.5 + 2 + 2 * 7.5 + 4
    rows = [_layout_card_row(n, contacts, lang, s, g) for n in nodes]
    room = g.top - header_h - g.bottom
    pages = _paginate(rows, room, room)
    total = len(pages)
    title = _text(tree.get("name"), lang)
    meta = f"{hospital} · {words['version']} {plan_version} · {printed_at}"
    for number, page_rows in enumerate(pages, 1):
        y = g.top - 8
        canvas.setFillColor(INK)
        canvas.setFont(font(), 8.5)
        page_label = f"{number}/{total}"
        canvas.drawRightString(g.right, y, page_label)
        canvas.drawString(
            g.left, y, ellipsize(title, 8.5, g.right - g.left - width(page_label, 8.5) - 4)
        )
        canvas.setFillColor(GREY)
        y -= 8.5
        canvas.setFont(font(), 6.5)
        canvas.drawString(g.left, y, ellipsize(meta, 6.5, g.right - g.left))
        y -= 7.5
        canvas.drawString(
            g.left, y, ellipsize(words["how_short"].format(wait=wait), 6.5, g.right - g.left)
        )
        y -= 3
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(g.left, y, g.right, y)
        y -= 1.5
        tops: dict[int, float] = {}
        for index in page_rows:
            row = rows[index]
            tops[index] = y
            _draw_row(canvas, row, y)
            y -= row.height
        _draw_connectors(canvas, rows, tops, s, s * 0.9)
        # Cut marks: a hairline frame to cut along when printed on A4.
        canvas.setStrokeColor(FAINT)
        canvas.setLineWidth(0.3)
        canvas.rect(0.5, 0.5, page_w - 1, page_h - 1, stroke=1, fill=0)
        canvas.showPage()
    canvas.save()
    return total


def _set_info(canvas: Canvas, tree: Mapping[str, Any], lang: PrintLanguage) -> None:
    describe(
        canvas,
        f"{_words(lang)['call_tree']}: {_text(tree.get('name'), lang)}",
        subject=str(tree.get("code", "")),
    )


class _NullStream:
    """A write-only sink for measuring without producing a file."""

    def write(self, data: bytes) -> int:
        return len(data)

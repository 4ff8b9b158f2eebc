"""Downtime paper forms: load the templates, print packs of numbered sheets, stamp PDF forms.

Printing is a pure function of its inputs: sheets and templates in, PDF bytes
out (written to ``out`` only when the whole pack is done). Each template's
static part is drawn once per document as a PDF form XObject and reused by
every sheet, so a 1,000-sheet pack stays fast and small; each sheet adds only
its serial, QR, Code128, incident, page x of y and, on exercises, the mark.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import yaml
from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import (
    FormTemplate,
    PrintCancelled,
    Problem,
    Sheet,
    TemplateInvalid,
    UnknownTemplate,
    parse_template,
)
from hisconsole.printing.common import describe
from hisconsole.printing.fonts import FONT, register_fonts
from hisconsole.printing.forms_codes import mm
from hisconsole.printing.forms_layout import (
    CODES_W,
    EXERCISE_RED,
    FormPainter,
    draw_codes,
    draw_exercise,
    draw_reprint,
    exercise_banner,
    incident_line,
    page_text,
    unprintable,
)

if TYPE_CHECKING:
    from pypdf import PageObject, Transformation

#: A template file larger than this is refused unread (a form is a few kilobytes).
MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
LANGS = ("zh", "en", "both")

Progress = Callable[[int, int], bool]


def bundled_forms_dir() -> Path:
    from hisconsole.resources import resource_path

    return resource_path("forms")


def read_template(path: Path) -> FormTemplate:
    """Read and check one template file; raise TemplateInvalid naming the file and each problem."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateInvalid(
                [Problem("(file)", f"is {size} bytes; a form template is at most 1 MB")], source
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateInvalid(
            [Problem("(file)", f"cannot be read: {exc.strerror or exc}")], source
        ) from exc
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TemplateInvalid(
            [Problem(f"byte {exc.start}", "the file is not UTF-8 text")], source
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        what = getattr(exc, "problem", None) or str(exc)
        raise TemplateInvalid([Problem(where, f"not valid YAML: {what}")], source) from exc
    template = parse_template(data, source)
    if template.pdf is not None:
        pdf_path = path.parent / template.pdf.file
        try:
            pdf_data = pdf_path.read_bytes()
        except OSError as exc:
            raise TemplateInvalid(
                [Problem("pdf.file", f"{pdf_path} cannot be read: {exc.strerror or exc}")],
                source,
            ) from exc
        if len(pdf_data) > MAX_PDF_BYTES or not pdf_data.startswith(b"%PDF"):
            raise TemplateInvalid(
                [Problem("pdf.file", f"{pdf_path} is not a PDF file (or is over 50 MB)")], source
            )
        template = replace(template, pdf_data=pdf_data)
    problems = [
        Problem(loc, f"the embedded font cannot print {chars!r}; use other characters")
        for loc, chars in unprintable(template)
    ]
    if template.pdf is None:
        # Both languages take the most room: what fits them fits either alone.
        layout = FormPainter(template, "both", "").problems
        problems += [Problem("(layout)", msg) for msg in dict.fromkeys(layout)]
    if problems:
        raise TemplateInvalid(problems, source)
    return template


def load_templates(
    dirs: Sequence[Path] = (), *, include_bundled: bool = True
) -> tuple[dict[str, FormTemplate], list[TemplateInvalid]]:
    """Every template in the bundled folder, then in ``dirs`` (e.g. ``<data dir>/forms``).

    A bad file is skipped and reported; it never stops the others loading. A
    template in a later folder replaces one with the same code from an earlier
    folder, so a hospital can override a bundled form; two files with the same
    code in one folder are a problem (the second one is skipped).
    Returns (templates by code, problems).
    """
    folders = [bundled_forms_dir(), *dirs] if include_bundled else list(dirs)
    templates: dict[str, FormTemplate] = {}
    problems: list[TemplateInvalid] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        seen: dict[str, Path] = {}
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            try:
                template = read_template(path)
            except TemplateInvalid as exc:
                problems.append(exc)
                continue
            if template.code in seen:
                problems.append(
                    TemplateInvalid(
                        [
                            Problem(
                                "code",
                                f"{template.code!r} is already used by {seen[template.code]}",
                            )
                        ],
                        str(path),
                    )
                )
                continue
            seen[template.code] = path
            templates[template.code] = template
    return templates, problems


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be zh, en or both, not {lang!r}")


def render_pack(
    sheets: Sequence[Sheet],
    templates: Mapping[str, FormTemplate],
    *,
    lang: str,
    out: BinaryIO,
    progress: Progress | None = None,
) -> int:
    """Print ``sheets`` (one page each) as one PDF written to ``out``; return the pages written.

    ``progress(done, total)`` is called after every page; returning False
    cancels: :class:`PrintCancelled` is raised and nothing is written to ``out``.
    A pack of sheets from PDF-based templates (the hospital's own forms) is
    stamped instead; one pack cannot mix drawn and PDF-based templates.
    """
    _check_lang(lang)
    if not sheets:
        raise ValueError("a print pack needs at least one sheet")
    used: dict[str, FormTemplate] = {}
    for sheet in sheets:
        if sheet.template not in templates:
            raise UnknownTemplate(template=sheet.template, known=", ".join(sorted(templates)))
        used[sheet.template] = templates[sheet.template]
    pdf_based = {code for code, t in used.items() if t.pdf is not None}
    if pdf_based:
        if len(used) > 1:
            raise ValueError(
                "a pack with a PDF-based form must hold only that form "
                f"({', '.join(sorted(pdf_based))}); print the others separately"
            )
        template = next(iter(used.values()))
        if template.pdf is None or template.pdf_data is None:
            raise ValueError(f"the PDF of form {template.code!r} was not loaded with it")
        return stamp_pdf(
            template.pdf_data,
            sheets,
            out=out,
            pages=template.pdf.pages,
            position=template.pdf.position,
            lang=lang,
            progress=progress,
        )

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1, initialFontName=register_fonts(), initialFontSize=9)
    title = " ".join(used[sheets[0].template].title.shown(lang)).strip()
    describe(
        canvas,
        f"{title} — {sheets[0].serial}" + (f" … {sheets[-1].serial}" if len(sheets) > 1 else ""),
    )
    painters: dict[tuple[str, str], tuple[FormPainter, str]] = {}
    exercise_forms: dict[tuple[float, float], str] = {}
    total = len(sheets)
    page_size: tuple[float, float] | None = None
    for done, sheet in enumerate(sheets, start=1):
        key = (sheet.template, sheet.hospital)
        if key not in painters:
            painter = FormPainter(templates[sheet.template], lang, sheet.hospital)
            name = f"hcForm{len(painters)}"
            canvas.setPageSize((painter.width, painter.height))
            canvas.beginForm(name)
            painter.draw_static(canvas)
            canvas.endForm()
            painters[key] = (painter, name)
        painter, name = painters[key]
        size = (painter.width, painter.height)
        if size != page_size:
            canvas.setPageSize(size)
            page_size = size
        if sheet.exercise:
            if size not in exercise_forms:
                exercise_forms[size] = f"hcExercise{len(exercise_forms)}"
                canvas.beginForm(exercise_forms[size])
                draw_exercise(canvas, painter.width, painter.height, lang)
                canvas.endForm()
            canvas.doForm(exercise_forms[size])
        canvas.doForm(name)
        painter.draw_sheet(canvas, sheet)
        canvas.showPage()
        if progress is not None and progress(done, total) is False:
            raise PrintCancelled(f"printing cancelled after {done} of {total} sheets")
    canvas.save()
    out.write(buffer.getvalue())
    return total


def _stamp_overlay(
    canvas: Canvas, sheet: Sheet, width: float, height: float, position: str, lang: str
) -> None:
    """One overlay page: a white panel in a corner with the codes, serial and incident."""
    margin = 8 * mm
    band = 5 * mm if sheet.exercise else 0
    panel_w, panel_h = CODES_W + 6 * mm, 30 * mm + band
    left = width - margin - panel_w if position.endswith("right") else margin
    bottom = height - margin - panel_h if position.startswith("top") else margin
    if sheet.exercise:
        canvas.saveState()
        canvas.setFillAlpha(0.35)  # over the form's own content: let it show through
        draw_exercise(canvas, width, height, lang, banner=False)
        canvas.restoreState()
    canvas.setFillGray(1)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.5)
    canvas.rect(left, bottom, panel_w, panel_h, stroke=1, fill=1)
    if sheet.exercise:
        canvas.setFillColorRGB(*EXERCISE_RED)
        canvas.rect(left, bottom, panel_w, band, stroke=0, fill=1)
        canvas.setFillGray(1)
        canvas.setFont(FONT, 7)
        canvas.drawCentredString(left + panel_w / 2, bottom + 1.6 * mm, exercise_banner(lang))
    right, top = left + panel_w - 3 * mm, bottom + panel_h - 3 * mm
    draw_codes(canvas, sheet.serial, right, top)
    code_left = right - CODES_W
    canvas.setFillGray(0)
    canvas.setFont(FONT, 12)
    canvas.drawString(code_left, top - 15 * mm, sheet.serial)
    canvas.setFont(FONT, 7)
    canvas.drawString(code_left, top - 19.5 * mm, incident_line(sheet, lang))
    canvas.drawString(code_left, top - 23 * mm, page_text(sheet, lang))
    canvas.setFont(FONT, 6)
    canvas.drawString(code_left, top - 26 * mm, sheet.printed_at)
    if sheet.reprint:
        draw_reprint(canvas, sheet, left, bottom + panel_h + 1 * mm, lang)


def _upright(page: PageObject) -> tuple[Transformation, float, float]:
    """How to place ``page`` upright at the origin: (transformation, width, height)."""
    from pypdf import Transformation

    box = page.mediabox
    left, bottom = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    rotation = (page.rotation or 0) % 360
    placement = Transformation().translate(-left, -bottom)
    if rotation == 90:  # /Rotate turns the page clockwise for display
        return placement.rotate(-90).translate(0, w), h, w
    if rotation == 180:
        return placement.rotate(180).translate(w, h), w, h
    if rotation == 270:
        return placement.rotate(90).translate(h, 0), h, w
    return placement, w, h


def stamp_pdf(
    template_pdf: bytes,
    sheets: Sequence[Sheet],
    *,
    out: BinaryIO,
    pages: str = "first",
    position: str = "top-right",
    lang: str = "both",
    progress: Progress | None = None,
) -> int:
    """The hospital's own PDF form, one copy per sheet, each stamped with that sheet's marks.

    ``pages`` is ``first`` (each sheet is a copy of the form's first page) or
    ``all`` (a copy of every page, each stamped). Returns the pages written.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    _check_lang(lang)
    if not sheets:
        raise ValueError("a print pack needs at least one sheet")
    try:
        reader = PdfReader(io.BytesIO(template_pdf))
        sources = list(reader.pages) if pages == "all" else [reader.pages[0]]
        # Each form page is placed upright, with its media box at the origin, so the
        # stamp lands in the corner the reader sees whatever the page's /Rotate.
        placements = [_upright(src) for src in sources]
    except (PdfReadError, IndexError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"the form is not a readable PDF: {exc}") from exc

    overlay_buffer = io.BytesIO()
    canvas = Canvas(
        overlay_buffer, pageCompression=1, initialFontName=register_fonts(), initialFontSize=9
    )
    for sheet in sheets:
        for _, w, h in placements:
            canvas.setPageSize((w, h))
            _stamp_overlay(canvas, sheet, w, h, position, lang)
            canvas.showPage()
    canvas.save()
    overlay = PdfReader(io.BytesIO(overlay_buffer.getvalue()))

    writer = PdfWriter()
    total = len(sheets)
    index = 0
    for done, _sheet in enumerate(sheets, start=1):
        for src, (placement, w, h) in zip(sources, placements, strict=True):
            page = writer.add_blank_page(width=w, height=h)
            page.merge_transformed_page(src, placement)
            page.merge_page(overlay.pages[index])
            index += 1
        if progress is not None and progress(done, total) is False:
            raise PrintCancelled(f"printing cancelled after {done} of {total} sheets")
    writer.add_metadata({"/Creator": "HIS Console"})
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write(buffer.getvalue())
    return index

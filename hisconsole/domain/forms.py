"""Downtime paper-form templates: their format, validation, and the sheets printed from them.

A template is data (a YAML document with ``format: hisconsole-form``) describing
one paper form: title, hand-filled header boxes, ruled tables, check boxes,
instructions and signature lines, all bilingual. ``parse_template`` checks an
already-read document and lists every problem with its location; the files
themselves are read by the printing package (this module does no I/O).

A *sheet* is one printed page of a form: the template code plus what makes that
page traceable (serial, incident, exercise flag, page x of y).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hisconsole.errors import KnownError

FORMAT = "hisconsole-form"
FORMAT_VERSION = 1

LANGS = ("zh", "en")
#: Paper sizes a template may ask for, as (width, height) in millimetres, portrait.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "Letter": (215.9, 279.4),
}
ORIENTATIONS = ("portrait", "landscape")
PDF_PAGES = ("first", "all")
STAMP_POSITIONS = ("top-right", "top-left", "bottom-right", "bottom-left")

_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_PDF_NAME_RE = re.compile(r"^[^/\\]+\.pdf$", re.IGNORECASE)
_TOP_FIELDS = {
    "format",
    "format_version",
    "code",
    "version",
    "page",
    "title",
    "subtitle",
    "header_fields",
    "tables",
    "checkboxes",
    "notes",
    "signatures",
    "rate_per_ward_per_8h",
    # Templates before temporary patient numbers printed their own numbers in a column
    # (``numbered_field``); the key still loads, and prints nothing (domain/numbers.py).
    "numbered_field",
    "temporary_numbers",
    "back_entry",
    "checkboxes_at",
    "pdf",
    "chart",
}
CHECKBOXES_AT = ("top", "bottom")


@dataclass(frozen=True)
class Text:
    """A bilingual text: every label of a form template is given in both languages, and
    printed in the one asked for, or both."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def shown(self, lang: str) -> tuple[str, str]:
        """(primary, secondary) as a sheet printed in ``lang`` shows it: Chinese or English
        alone (no secondary), or ``both``: Chinese, with the English small beneath it (once
        when the two read the same)."""
        if lang == "both":
            return self.zh, "" if self.en == self.zh else self.en
        return self.get(lang), ""


@dataclass(frozen=True)
class Page:
    size: str = "A4"
    orientation: str = "portrait"

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = PAGE_SIZES_MM[self.size]
        return (h, w) if self.orientation == "landscape" else (w, h)


@dataclass(frozen=True)
class HeaderField:
    """A labelled box filled in by hand; ``width`` is a fraction of the line.

    ``lines`` makes the box taller (room for a few lines of handwriting).
    """

    label: Text
    width: float
    lines: int = 1


@dataclass(frozen=True)
class Column:
    heading: Text
    width: float  # relative to the other columns of the table


@dataclass(frozen=True)
class Table:
    """A ruled table of ``rows`` empty rows; ``row_labels`` pre-print the first column."""

    columns: tuple[Column, ...]
    rows: int
    title: Text | None = None
    row_labels: tuple[Text, ...] = ()


@dataclass(frozen=True)
class CheckboxGroup:
    label: Text
    options: tuple[Text, ...]


@dataclass(frozen=True)
class Signature:
    label: Text


@dataclass(frozen=True)
class PdfSource:
    """The hospital's own PDF form, stamped with serial, codes and incident."""

    file: str
    pages: str = "first"
    position: str = "top-right"


@dataclass(frozen=True)
class ChartScale:
    """One value scale down the left of a chart grid (e.g. 体温 34–42 °C in steps of 1)."""

    label: Text
    low: float
    high: float
    step: float
    #: A value ruled in red across the grid (37 °C on a temperature chart).
    mark: float | None = None

    @property
    def steps(self) -> int:
        return round((self.high - self.low) / self.step)


@dataclass(frozen=True)
class Chart:
    """A charting grid by day and time, as on a 体温单: columns are ``days`` × ``times``,
    the grid's rows follow the scales (each step cut into ``subdivisions``), with rows of
    one cell per day above it (date, day in hospital…) and per time or per day below it."""

    days: int
    times: tuple[int, ...]
    time_label: Text
    scales: tuple[ChartScale, ...]
    subdivisions: int = 5
    rows_above: tuple[Text, ...] = ()
    rows_per_time: tuple[Text, ...] = ()
    rows_per_day: tuple[Text, ...] = ()


@dataclass(frozen=True)
class FormTemplate:
    """One downtime paper form, as described by a template file."""

    code: str
    version: int
    title: Text
    page: Page = field(default_factory=Page)
    subtitle: Text | None = None
    header_fields: tuple[HeaderField, ...] = ()
    tables: tuple[Table, ...] = ()
    checkboxes: tuple[CheckboxGroup, ...] = ()
    notes: tuple[Text, ...] = ()
    signatures: tuple[Signature, ...] = ()
    rate_per_ward_per_8h: int = 0
    back_entry: bool = True
    #: Where the check boxes go: under the header boxes (top) or above the signatures.
    checkboxes_at: str = "bottom"
    pdf: PdfSource | None = None
    chart: Chart | None = None
    #: Each row of the first table is pre-printed with the next temporary patient number
    #: (临时住院号), issued with the sheet (the registration form).
    temporary_numbers: bool = False
    #: The PDF form's bytes, attached by the loader when ``pdf`` is set.
    pdf_data: bytes | None = field(default=None, repr=False, compare=False)
    source: str = ""


@dataclass(frozen=True)
class Sheet:
    """One printed page: which form, and what makes this paper traceable."""

    template: str
    serial: str
    incident_id: str | None
    exercise: bool
    hospital: str
    printed_at: str
    page_no: int
    page_count: int
    #: The temporary patient numbers pre-printed in the first table's rows, in order.
    numbers: tuple[str, ...] = ()
    #: 0 for the first print; n for the n-th reprint of a sheet whose job did not come
    #: out (marked 重印 REPRINT n: only the sheet with the highest mark is valid).
    reprint: int = 0


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a template document, with where it is."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class PrintCancelled(Exception):
    """The user cancelled a print through the progress callback; nothing was written."""


class TemplateInvalid(KnownError, ValueError):
    """A form template failed validation; ``problems`` lists every issue found."""

    code = "forms.template-invalid"
    template = "{lines}"

    def __init__(self, problems: list[Problem], source: str) -> None:
        self.problems = problems
        self.source = source
        super().__init__(source=source, lines="\n".join(f"{source}: {p}" for p in problems))


class UnknownTemplate(KnownError, LookupError):
    """A form names a template code that is not loaded; ``known`` lists the loaded ones."""

    code = "forms.template-unknown"
    template = "No form template {template!r}; the templates are {known}."


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Parser:
    """Builds a FormTemplate while collecting every problem (never stops at the first)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def known(self, loc: str, value: Mapping[str, Any], names: set[str]) -> None:
        for name in value:
            if name not in names:
                self.add(f"{loc}.{name}" if loc else str(name), "is not a known field")

    def text(self, loc: str, value: Any, *, required: bool = True) -> Text | None:
        if value is None and not required:
            return None
        if (
            isinstance(value, Mapping)
            and set(value) == set(LANGS)
            and all(isinstance(value[k], str) and value[k].strip() for k in LANGS)
        ):
            return Text(zh=value["zh"].strip(), en=value["en"].strip())
        if value is None:
            self.add(loc, "is missing")
        elif isinstance(value, Mapping) and set(value) - set(LANGS):
            extra = ", ".join(sorted(str(k) for k in set(value) - set(LANGS)))
            self.add(
                loc,
                f"must have non-empty zh and en and nothing else, not also {extra} "
                "(put a text holding a comma or colon in quotes)",
            )
        else:
            self.add(loc, "must have non-empty zh and en")
        return None

    def items(self, loc: str, value: Any, *, required: bool = False) -> list[Any]:
        if value is None:
            if required:
                self.add(loc, "is missing")
            return []
        if not isinstance(value, list):
            self.add(loc, "must be a list")
            return []
        return value

    def mapping(self, loc: str, value: Any, names: set[str]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(loc, "must be a mapping")
            return None
        self.known(loc, value, names)
        return value

    def whole(self, loc: str, value: Any, minimum: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(loc, f"must be a whole number ≥ {minimum}, not {value!r}")
            return minimum
        return value

    def page(self, value: Any) -> Page:
        if value is None:
            return Page()
        m = self.mapping("page", value, {"size", "orientation"})
        if m is None:
            return Page()
        size = m.get("size", "A4")
        orientation = m.get("orientation", "portrait")
        ok = True
        if size not in PAGE_SIZES_MM:
            self.add("page.size", f"must be one of {', '.join(PAGE_SIZES_MM)}, not {size!r}")
            ok = False
        if orientation not in ORIENTATIONS:
            self.add("page.orientation", f"must be portrait or landscape, not {orientation!r}")
            ok = False
        return Page(size=size, orientation=orientation) if ok else Page()

    def header_fields(self, value: Any) -> tuple[HeaderField, ...]:
        out = []
        for i, item in enumerate(self.items("header_fields", value)):
            loc = f"header_fields[{i}]"
            m = self.mapping(loc, item, {"label", "width", "lines"})
            if m is None:
                continue
            label = self.text(f"{loc}.label", m.get("label"))
            lines = m.get("lines", 1)
            if isinstance(lines, bool) or not isinstance(lines, int) or not 1 <= lines <= 6:
                self.add(f"{loc}.lines", f"must be a whole number from 1 to 6, not {lines!r}")
                lines = 1
            width = m.get("width", 0.25)
            if not _is_number(width) or not 0.05 <= width <= 1:
                self.add(
                    f"{loc}.width", f"must be a fraction of the line, 0.05 to 1, not {width!r}"
                )
                width = 0.25
            if label:
                out.append(HeaderField(label=label, width=float(width), lines=lines))
        return tuple(out)

    def table(self, loc: str, item: Any) -> Table | None:
        m = self.mapping(loc, item, {"title", "columns", "rows", "row_labels"})
        if m is None:
            return None
        title = self.text(f"{loc}.title", m.get("title"), required=False)
        columns = []
        raw_columns = self.items(f"{loc}.columns", m.get("columns"), required=True)
        if "columns" in m and not raw_columns and isinstance(m.get("columns"), list):
            self.add(f"{loc}.columns", "must list at least one column")
        for j, col in enumerate(raw_columns):
            cloc = f"{loc}.columns[{j}]"
            cm = self.mapping(cloc, col, {"heading", "width"})
            if cm is None:
                continue
            heading = self.text(f"{cloc}.heading", cm.get("heading"))
            width = cm.get("width", 1)
            if not _is_number(width) or not 0 < width <= 100:
                self.add(f"{cloc}.width", f"must be a positive relative width, not {width!r}")
                width = 1
            if heading:
                columns.append(Column(heading=heading, width=float(width)))
        rows = self.whole(f"{loc}.rows", m.get("rows"), 1) if "rows" in m else 0
        if "rows" not in m:
            self.add(f"{loc}.rows", "is missing")
        labels = []
        for j, lab in enumerate(self.items(f"{loc}.row_labels", m.get("row_labels"))):
            text = self.text(f"{loc}.row_labels[{j}]", lab)
            if text:
                labels.append(text)
        if rows and len(labels) > rows:
            self.add(f"{loc}.row_labels", f"has {len(labels)} labels for {rows} rows")
        if not columns or not rows:
            return None
        return Table(columns=tuple(columns), rows=rows, title=title, row_labels=tuple(labels))

    def checkboxes(self, value: Any) -> tuple[CheckboxGroup, ...]:
        out = []
        for i, item in enumerate(self.items("checkboxes", value)):
            loc = f"checkboxes[{i}]"
            m = self.mapping(loc, item, {"label", "options"})
            if m is None:
                continue
            label = self.text(f"{loc}.label", m.get("label"))
            options = []
            raw = self.items(f"{loc}.options", m.get("options"), required=True)
            if isinstance(m.get("options"), list) and not raw:
                self.add(f"{loc}.options", "must list at least one option")
            for j, opt in enumerate(raw):
                text = self.text(f"{loc}.options[{j}]", opt)
                if text:
                    options.append(text)
            if label and options:
                out.append(CheckboxGroup(label=label, options=tuple(options)))
        return tuple(out)

    def texts(self, loc: str, value: Any) -> tuple[Text, ...]:
        out = []
        for i, item in enumerate(self.items(loc, value)):
            text = self.text(f"{loc}[{i}]", item)
            if text:
                out.append(text)
        return tuple(out)

    def signatures(self, value: Any) -> tuple[Signature, ...]:
        out = []
        for i, item in enumerate(self.items("signatures", value)):
            loc = f"signatures[{i}]"
            m = self.mapping(loc, item, {"label"})
            if m is None:
                continue
            label = self.text(f"{loc}.label", m.get("label"))
            if label:
                out.append(Signature(label=label))
        return tuple(out)

    def pdf(self, value: Any) -> PdfSource | None:
        if value is None:
            return None
        m = self.mapping("pdf", value, {"file", "pages", "position"})
        if m is None:
            return None
        name = m.get("file")
        pages = m.get("pages", "first")
        position = m.get("position", "top-right")
        ok = True
        if not isinstance(name, str) or not _PDF_NAME_RE.match(name):
            self.add(
                "pdf.file", f"must be the name of a .pdf file beside the template, not {name!r}"
            )
            ok = False
        if pages not in PDF_PAGES:
            self.add("pdf.pages", f"must be first or all, not {pages!r}")
            ok = False
        if position not in STAMP_POSITIONS:
            self.add(
                "pdf.position", f"must be one of {', '.join(STAMP_POSITIONS)}, not {position!r}"
            )
            ok = False
        return PdfSource(file=str(name), pages=pages, position=position) if ok else None

    def chart(self, value: Any) -> Chart | None:
        if value is None:
            return None
        names = {"days", "times", "time_label", "scales", "subdivisions"}
        names |= {"rows_above", "rows_per_time", "rows_per_day"}
        m = self.mapping("chart", value, names)
        if m is None:
            return None
        before = len(self.problems)
        days = self.whole("chart.days", m.get("days"), 1)
        if days > 14:
            self.add("chart.days", f"must be at most 14, not {days}")
        times = self.items("chart.times", m.get("times"), required=True)
        if (
            not times
            or len(times) > 12
            or any(isinstance(t, bool) or not isinstance(t, int) or not 0 <= t <= 23 for t in times)
        ):
            self.add("chart.times", f"must list 1 to 12 hours of the day (0 to 23), not {times!r}")
        elif times != sorted(set(times)):
            self.add("chart.times", "must list each hour once, earliest first")
        subdivisions = self.whole("chart.subdivisions", m.get("subdivisions", 5), 1)
        if subdivisions > 10:
            self.add("chart.subdivisions", f"must be at most 10, not {subdivisions}")
        scales = []
        for i, item in enumerate(self.items("chart.scales", m.get("scales"), required=True)):
            scale = self.chart_scale(f"chart.scales[{i}]", item)
            if scale:
                scales.append(scale)
        if not 1 <= len(scales) <= 3 and len(self.problems) == before:
            self.add("chart.scales", f"must list 1 to 3 scales, not {len(scales)}")
        if len({s.steps for s in scales}) > 1:
            self.add("chart.scales", "every scale must have the same number of steps")
        label = self.text("chart.time_label", m.get("time_label"))
        rows = {
            name: self.texts(f"chart.{name}", m.get(name))
            for name in ("rows_above", "rows_per_time", "rows_per_day")
        }
        if len(self.problems) > before or label is None:
            return None
        return Chart(
            days=days,
            times=tuple(times),
            time_label=label,
            scales=tuple(scales),
            subdivisions=subdivisions,
            **rows,
        )

    def chart_scale(self, loc: str, item: Any) -> ChartScale | None:
        m = self.mapping(loc, item, {"label", "from", "to", "step", "mark"})
        if m is None:
            return None
        label = self.text(f"{loc}.label", m.get("label"))
        raw = [m.get(k) for k in ("from", "to", "step")]
        mark = m.get("mark")
        if not all(_is_number(v) for v in raw):
            self.add(loc, "needs numbers from, to and step")
            return None
        low, high, step = (float(v) for v in raw if v is not None)
        if not low < high or step <= 0:
            self.add(loc, "needs from < to and a step > 0")
            return None
        steps = (high - low) / step
        if abs(steps - round(steps)) > 1e-9 or not 1 <= round(steps) <= 20:
            self.add(f"{loc}.step", f"must divide {low:g}–{high:g} into 1 to 20 steps")
            return None
        if mark is not None and (not _is_number(mark) or not low <= mark <= high):
            self.add(f"{loc}.mark", f"must be a value from {low:g} to {high:g}, not {mark!r}")
            return None
        if label is None:
            return None
        return ChartScale(label=label, low=low, high=high, step=step, mark=mark)

    def template(self, doc: Mapping[str, Any], source: str) -> FormTemplate | None:
        if doc.get("format") != FORMAT:
            self.add("format", f"must be {FORMAT!r}: this is not a HIS Console form template")
            return None
        if doc.get("format_version") != FORMAT_VERSION:
            self.add(
                "format_version",
                f"{doc.get('format_version')!r} is not supported "
                f"(this program reads version {FORMAT_VERSION})",
            )
            return None
        self.known("", doc, _TOP_FIELDS)
        code = doc.get("code")
        if not isinstance(code, str) or not _CODE_RE.match(code):
            self.add(
                "code",
                f"must be a short lower-case code of letters, digits, '-' or '_', not {code!r}",
            )
        version = self.whole("version", doc.get("version"), 1)
        page = self.page(doc.get("page"))
        title = self.text("title", doc.get("title"))
        subtitle = self.text("subtitle", doc.get("subtitle"), required=False)
        header = self.header_fields(doc.get("header_fields"))
        tables = []
        for i, item in enumerate(self.items("tables", doc.get("tables"))):
            table = self.table(f"tables[{i}]", item)
            if table:
                tables.append(table)
        checkboxes = self.checkboxes(doc.get("checkboxes"))
        notes = self.texts("notes", doc.get("notes"))
        signatures = self.signatures(doc.get("signatures"))
        rate = self.whole("rate_per_ward_per_8h", doc.get("rate_per_ward_per_8h"), 0)
        back_entry = doc.get("back_entry", True)
        if not isinstance(back_entry, bool):
            self.add("back_entry", "must be true or false")
            back_entry = True
        checkboxes_at = doc.get("checkboxes_at", "bottom")
        if checkboxes_at not in CHECKBOXES_AT:
            self.add("checkboxes_at", f"must be top or bottom, not {checkboxes_at!r}")
            checkboxes_at = "bottom"
        pdf = self.pdf(doc.get("pdf"))
        chart = self.chart(doc.get("chart"))
        numbered = doc.get("temporary_numbers", False)
        if not isinstance(numbered, bool):
            self.add("temporary_numbers", f"must be true or false, not {numbered!r}")
            numbered = False
        elif numbered and (not tables or "pdf" in doc):
            self.add(
                "temporary_numbers",
                "needs a table (drawn, not a PDF to stamp): its first column takes the numbers",
            )
        if pdf is None and "pdf" not in doc and not (header or tables or checkboxes):
            self.add(
                "tables",
                "a form needs header_fields, tables or checkboxes (or a pdf to stamp)",
            )
        if self.problems or title is None:
            return None
        return FormTemplate(
            code=str(code),
            version=version,
            title=title,
            page=page,
            subtitle=subtitle,
            header_fields=header,
            tables=tuple(tables),
            checkboxes=checkboxes,
            notes=notes,
            signatures=signatures,
            rate_per_ward_per_8h=rate,
            back_entry=back_entry,
            checkboxes_at=checkboxes_at,
            pdf=pdf,
            chart=chart,
            temporary_numbers=numbered,
            source=source,
        )


def parse_template(data: Any, source: str) -> FormTemplate:
    """Check a template document (already read from YAML) and build its FormTemplate.

    Raises :class:`TemplateInvalid` naming ``source`` and every problem found,
    each with its location (e.g. ``tables[0].columns[2].heading``).
    """
    if not isinstance(data, Mapping):
        kind = "empty" if data is None else type(data).__name__
        raise TemplateInvalid(
            [Problem("(document)", f"must be a mapping of template fields, not {kind}")], source
        )
    parser = _Parser()
    template = parser.template(data, source)
    if parser.problems or template is None:
        raise TemplateInvalid(parser.problems, source)
    return template

"""Shared look: font sizes, colours and small building blocks used by several pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QLabel, QWidget

# The banner's colour while no incident is active: neutral, not a warning colour.
NEUTRAL_GREY = "#5F6368"
MUTED_TEXT = "#5F6368"
ERROR_TEXT = "#B3261E"

# Point sizes relative to the application font.
BODY_DELTA = 2
HEADING_DELTA = 8
SECTION_DELTA = 5


def text_colour_on(background_hex: str) -> str:
    """Black or white, whichever reads better on ``background_hex`` (e.g. black on yellow)."""
    colour = QColor(background_hex)
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return "#000000" if luminance > 0.5 else "#FFFFFF"


def sized_font(widget: QWidget, delta: int, *, bold: bool = False) -> QFont:
    """The widget's font (keeping its family fall-backs, e.g. the CJK font) resized by delta pt."""
    font = QFont(widget.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base + delta)
    font.setBold(bold)
    return font


def label(
    text: str,
    parent: QWidget | None = None,
    *,
    delta: int = BODY_DELTA,
    bold: bool = False,
    colour: str | None = None,
    wrap: bool = False,
) -> QLabel:
    """A plain-text label (never rich text: plan content is shown as typed), selectable."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setFont(sized_font(widget, delta, bold=bold))
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        widget.setStyleSheet(f"color: {colour};")
    return widget


def swatch(colour_hex: str, size: int = 28, parent: QWidget | None = None) -> QFrame:
    """A square of a warning level's colour."""
    frame = QFrame(parent)
    frame.setFixedSize(size, size)
    frame.setStyleSheet(
        f"background-color: {colour_hex}; border: 1px solid rgba(0, 0, 0, 60); border-radius: 4px;"
    )
    return frame


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line

"""Shared look: font sizes, colours and small building blocks used by several pages."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QLayoutItem, QWidget

from hisconsole.domain import plan as plan_rules

# The banner's colour while no incident is active: neutral, not a warning colour.
NEUTRAL_GREY = "#5F6368"
MUTED_TEXT = "#5F6368"
ERROR_TEXT = "#B3261E"
OK_TEXT = "#1B5E20"

# Point sizes relative to the application font.
BODY_DELTA = 2
HEADING_DELTA = 8
SECTION_DELTA = 5

# Widget properties through which the text size and the high-contrast theme
# (ui/theme.py) find the fonts and text colours set here, to set them again.
FONT_RATIO_PROPERTY = "hisFontRatio"  # the widget's point size / the application's
COLOUR_PROPERTY = "hisTextColour"  # the colour given to label(), before the theme
BASE_FONT_PROPERTY = "hisBaseFontPointSize"  # the application's, at 100 % (set by the theme)

# High contrast shows secondary text as black as the rest (set by ui/theme.py).
_high_contrast = False


def set_high_contrast(on: bool) -> None:
    global _high_contrast
    _high_contrast = on


def high_contrast() -> bool:
    return _high_contrast


def themed_colour(colour: str) -> str:
    """The text colour to use for ``colour`` in the current theme."""
    if _high_contrast and colour.upper() == MUTED_TEXT:
        return "#000000"
    return colour


def colour_sheet(colour: str) -> str:
    return f"color: {themed_colour(colour)};"


def text_colour_on(background_hex: str) -> str:
    """Black or white, whichever reads better on ``background_hex`` (e.g. black on yellow)."""
    return plan_rules.text_colour_on(QColor(background_hex).name())


def sized_font(widget: QWidget, delta: int, *, bold: bool = False) -> QFont:
    """The widget's font (keeping its family fall-backs, e.g. the CJK font) resized by delta pt."""
    font = QFont(widget.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    app_size = QGuiApplication.font().pointSizeF()
    # At a larger text size (ui/theme.py) the steps between sizes grow with it.
    app = QGuiApplication.instance()
    unscaled = app.property(BASE_FONT_PROPERTY) if app is not None else None
    factor = app_size / float(unscaled) if isinstance(unscaled, float) and unscaled > 0 else 1.0
    size = base + delta * factor
    font.setPointSizeF(size)
    font.setBold(bold)
    # Remembered, so that a change of the text size (View → Larger text) keeps proportions.
    if app_size > 0:
        widget.setProperty(FONT_RATIO_PROPERTY, size / app_size)
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
        set_colour(widget, colour)
    return widget


def set_colour(widget: QWidget, colour: str | None) -> None:
    """Colour a widget's text (kept through theme changes); None: the theme's own colour."""
    widget.setProperty(COLOUR_PROPERTY, colour)
    widget.setStyleSheet(colour_sheet(colour) if colour else "")


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


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the window is narrow.

    For rows of big buttons that must never be cut off (long translations,
    large text): the row asks for the width of its widest widget only.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        # All in one row when there is room.
        width = sum(item.sizeHint().width() for item in self._items)
        width += self.spacing() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()

"""How the window looks for the people reading it: high contrast and text size, kept in ui.ini.

The high-contrast theme is black on white with yellow for focus and selection:
every colour the pages use for meaning (warning levels, system status, clocks)
was chosen for a light background and stays as it is, only framed more
strongly, so that a level's colour reads the same in both themes. Text size
scales every font of the window, the headings and the big status included,
from 100 to 200 per cent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QTreeView,
    QWidget,
)

from hisconsole.ui import style

KEY_HIGH_CONTRAST = "view/high_contrast"
KEY_TEXT_SCALE = "view/text_scale"

MIN_SCALE = 100
MAX_SCALE = 200
SCALE_STEP = 10
DEFAULT_SCALE = 100

# Where the application's own look is kept before the theme first changes it.
_BASE_FONT_PROPERTY = style.BASE_FONT_PROPERTY
_BASE_STYLE_PROPERTY = "hisBaseStyle"
_HIGH_CONTRAST_STYLE = "Fusion"  # draws from the palette on every platform

BLACK = "#000000"
WHITE = "#FFFFFF"
YELLOW = "#FFEB3B"
DISABLED = "#595959"  # 7:1 on white: disabled, still readable

HIGH_CONTRAST_SHEET = f"""
QPushButton, QToolButton {{
    color: {BLACK}; background-color: {WHITE};
    border: 2px solid {BLACK}; border-radius: 4px; padding: 4px 12px;
}}
QPushButton:hover, QToolButton:hover {{ background-color: #FFF59D; }}
QPushButton:pressed, QPushButton:checked, QToolButton:checked {{ background-color: {YELLOW}; }}
QPushButton:focus, QToolButton:focus {{ border: 4px solid {BLACK}; background-color: {YELLOW}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {DISABLED}; border-color: {DISABLED}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
    color: {BLACK}; background-color: {WHITE}; border: 2px solid {BLACK}; padding: 2px 4px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{
    border: 4px solid {BLACK};
}}
QTableView, QListView, QTreeView, QTextBrowser {{
    border: 2px solid {BLACK}; gridline-color: {BLACK};
    selection-background-color: {YELLOW}; selection-color: {BLACK};
}}
QTableView:focus, QListView:focus, QTreeView:focus, QTextBrowser:focus {{
    border: 4px solid {BLACK};
}}
QHeaderView::section {{
    color: {WHITE}; background-color: {BLACK}; border: 1px solid {WHITE};
    padding: 4px; font-weight: bold;
}}
QTabBar::tab {{
    color: {BLACK}; background-color: {WHITE}; border: 2px solid {BLACK}; padding: 6px 14px;
}}
QTabBar::tab:selected {{ background-color: {YELLOW}; font-weight: bold; }}
QTabBar::tab:focus {{ border: 4px solid {BLACK}; }}
QCheckBox:focus, QRadioButton:focus {{ background-color: {YELLOW}; }}
QListWidget#Navigation {{ border-right: 3px solid {BLACK}; }}
QListWidget#Navigation::item:selected {{ color: {YELLOW}; background-color: {BLACK}; }}
QMenuBar::item:selected, QMenu::item:selected {{ color: {BLACK}; background-color: {YELLOW}; }}
QToolTip {{ color: {BLACK}; background-color: {YELLOW}; border: 2px solid {BLACK}; }}
QFrame#IncidentCard, QFrame#LevelChip, QFrame#SystemChip, QFrame#StatusBanner {{
    border: 3px solid {BLACK};
}}
"""


def high_contrast_palette() -> QPalette:
    """Black on white; yellow with black text where something is selected or in focus."""
    palette = QPalette()
    black, white, yellow = QColor(BLACK), QColor(WHITE), QColor(YELLOW)
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, white),
        (roles.WindowText, black),
        (roles.Base, white),
        (roles.AlternateBase, QColor("#F0F0F0")),
        (roles.Text, black),
        (roles.Button, white),
        (roles.ButtonText, black),
        (roles.BrightText, black),
        (roles.Highlight, yellow),
        (roles.HighlightedText, black),
        (roles.ToolTipBase, yellow),
        (roles.ToolTipText, black),
        (roles.PlaceholderText, QColor(DISABLED)),
        (roles.Link, QColor("#0000CC")),
        (roles.LinkVisited, QColor("#551A8B")),
        (roles.Light, white),
        (roles.Midlight, QColor("#E0E0E0")),
        (roles.Mid, QColor("#808080")),
        (roles.Dark, black),
        (roles.Shadow, black),
    ):
        palette.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(DISABLED))
    return palette


def clamp_scale(percent: int) -> int:
    return max(MIN_SCALE, min(MAX_SCALE, int(percent)))


class Theme(QObject):
    """The window's accessibility settings, applied to the whole application.

    Reads and writes ``view/high_contrast`` and ``view/text_scale`` in the
    settings (the data directory's ui.ini). Widgets whose font was sized with
    ``style.sized_font`` keep their proportion to the body text when the size
    changes; labels coloured by ``style.label`` follow the theme.

    Signals:
        changed(): the theme or the text size changed (already applied).
    """

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        value = settings.value(KEY_HIGH_CONTRAST, False)
        self._high_contrast = value in (True, "true", "1", 1)
        try:
            self._scale = clamp_scale(int(str(settings.value(KEY_TEXT_SCALE, DEFAULT_SCALE))))
        except (TypeError, ValueError):
            self._scale = DEFAULT_SCALE

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def text_scale(self) -> int:
        """The text size in per cent of the normal size (100–200)."""
        return self._scale

    def set_high_contrast(self, on: bool) -> None:
        if on == self._high_contrast:
            return
        self._high_contrast = on
        self._settings.setValue(KEY_HIGH_CONTRAST, on)
        self.apply()

    def set_text_scale(self, percent: int) -> None:
        percent = clamp_scale(percent)
        if percent == self._scale:
            return
        self._scale = percent
        self._settings.setValue(KEY_TEXT_SCALE, percent)
        self.apply()

    def larger(self) -> None:
        self.set_text_scale(self._scale + SCALE_STEP)

    def smaller(self) -> None:
        self.set_text_scale(self._scale - SCALE_STEP)

    def reset_text_scale(self) -> None:
        self.set_text_scale(DEFAULT_SCALE)

    def apply(self) -> None:
        """Apply the settings to the application (and every widget already shown)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        self._apply_contrast(app)
        self._apply_scale(app)
        self.changed.emit()

    def restore_defaults(self) -> None:
        """Give the application its own look back (the settings stay as saved)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        saved_contrast, saved_scale = self._high_contrast, self._scale
        self._high_contrast, self._scale = False, DEFAULT_SCALE
        self._apply_contrast(app)
        self._apply_scale(app)
        self._high_contrast, self._scale = saved_contrast, saved_scale

    def _apply_contrast(self, app: QApplication) -> None:
        on = self._high_contrast
        if on == style.high_contrast() and (not on or app.styleSheet() == HIGH_CONTRAST_SHEET):
            return
        if app.property(_BASE_STYLE_PROPERTY) is None:
            app.setProperty(_BASE_STYLE_PROPERTY, app.style().name())
        style.set_high_contrast(on)
        if on:
            app.setStyle(_HIGH_CONTRAST_STYLE)
            app.setPalette(high_contrast_palette())
            app.setStyleSheet(HIGH_CONTRAST_SHEET)
        else:
            app.setStyleSheet("")
            # A new style brings its own palette back with it.
            app.setStyle(str(app.property(_BASE_STYLE_PROPERTY)))
            app.setPalette(app.style().standardPalette())
        # Qt posts the change to the widgets: deliver it now, so that widgets built
        # next (and the checks after this call) see the new look.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
        for widget in app.allWidgets():
            colour = widget.property(style.COLOUR_PROPERTY)
            if isinstance(colour, str) and colour:
                widget.setStyleSheet(style.colour_sheet(colour))

    def _apply_scale(self, app: QApplication) -> None:
        base = app.property(_BASE_FONT_PROPERTY)
        if base is None:
            base = app.font().pointSizeF()
            if base <= 0:
                return
            app.setProperty(_BASE_FONT_PROPERTY, base)
        size = float(base) * self._scale / 100
        font = app.font()
        old = font.pointSizeF()
        if abs(old - size) < 0.01:
            return
        font.setPointSizeF(size)
        app.setFont(font)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        for widget in app.allWidgets():
            rescale(widget, size)
            if isinstance(widget, QAbstractItemView):
                rescale_sections(widget, size / old)


def rescale_sections(view: QAbstractItemView, ratio: float) -> None:
    """Widen a table's fixed columns and rows with the text (sized-to-contents ones follow)."""
    if isinstance(view, QTableView):
        headers = [view.horizontalHeader(), view.verticalHeader()]
    elif isinstance(view, QTreeView):
        headers = [view.header()]
    else:
        return
    resizable = (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed)
    for header in headers:
        if header.orientation() == Qt.Orientation.Vertical:
            # Rows (maybe 100,000 of them) all take the default height: change only that.
            header.setDefaultSectionSize(max(1, round(header.defaultSectionSize() * ratio)))
            continue
        for index in range(header.count()):
            if header.sectionResizeMode(index) in resizable:
                header.resizeSection(index, max(1, round(header.sectionSize(index) * ratio)))


def rescale(widget: QWidget, app_size: float) -> None:
    """Size a widget's own font again after the body text size changed."""
    ratio = widget.property(style.FONT_RATIO_PROPERTY)
    if not isinstance(ratio, float) or ratio <= 0:
        return
    font = QFont(widget.font())
    font.setPointSizeF(max(ratio * app_size, 1.0))
    widget.setFont(font)

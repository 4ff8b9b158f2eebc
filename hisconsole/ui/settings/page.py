"""Settings: how the window reads (language, contrast, text size), phone numbers, this laptop."""

from __future__ import annotations

from typing import Any

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole import __version__
from hisconsole.domain.phones import DEFAULT_REGION
from hisconsole.ui import style, theme
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import LANGUAGE_NAMES, LANGUAGES, format_number, time_zone_text
from hisconsole.ui.partials.page import Page

#: ui.ini mirror of the default region for phone numbers (the services keep the real one).
KEY_PHONE_REGION = "phones/region"


# The regions a hospital in China is likely to dial, the mainland's first.
REGIONS: dict[str, object] = {
    "CN": QT_TRANSLATE_NOOP("Regions", "Mainland China"),
    "HK": QT_TRANSLATE_NOOP("Regions", "Hong Kong"),
    "MO": QT_TRANSLATE_NOOP("Regions", "Macao"),
    "TW": QT_TRANSLATE_NOOP("Regions", "Taiwan"),
    "SG": QT_TRANSLATE_NOOP("Regions", "Singapore"),
    "MY": QT_TRANSLATE_NOOP("Regions", "Malaysia"),
    "JP": QT_TRANSLATE_NOOP("Regions", "Japan"),
    "KR": QT_TRANSLATE_NOOP("Regions", "South Korea"),
    "GB": QT_TRANSLATE_NOOP("Regions", "United Kingdom"),
    "US": QT_TRANSLATE_NOOP("Regions", "United States"),
}
# Their international calling codes, written out so that the page (built at start) does
# not load the phone library; a test checks them against phonenumbers.
CALLING_CODES: dict[str, int] = {
    "CN": 86,
    "HK": 852,
    "MO": 853,
    "TW": 886,
    "SG": 65,
    "MY": 60,
    "JP": 81,
    "KR": 82,
    "GB": 44,
    "US": 1,
}


def region_name(code: str) -> str:
    """A region's name in the interface language, with its calling code: "Hong Kong (+852)"."""
    return QCoreApplication.translate("Regions", "{region} (+{code})").format(
        region=QCoreApplication.translate("Regions", str(REGIONS[code])),
        code=CALLING_CODES[code],
    )


def saved_region(ctx: Context) -> str:
    """The region the contact services read numbers in (kept in the database's local
    settings, and mirrored in ui.ini)."""
    from hisconsole.services import contacts

    value = contacts.region(ctx.console)
    return value if value in REGIONS else DEFAULT_REGION


class SettingsPage(Page):
    """The settings of this laptop's window and the facts about this console.

    Language, high contrast and text size act at once and are remembered in
    ui.ini (the View and Language menus change the same settings; this page
    follows them). The default region for phone numbers is this laptop's setting
    in the database, read by the contact services. "Open data folder" shows the
    data directory in the file manager.

    Signals:
        language_chosen(str): the user chose the interface language here.
    """

    language_chosen = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._plan_version: int | None = ctx.plan.snapshot.version if ctx.plan.snapshot else None
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("PageContent")
        self.scroll_area.setWidget(content)
        self._layout.addWidget(self.scroll_area, 1)
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 12, 0)
        body.setSpacing(8)

        # -- reading ------------------------------------------------------------------------
        self.display_heading = self._heading(content)
        body.addWidget(self.display_heading)
        display = self._form()
        self.language_label = self._name(content)
        self.language_combo = QComboBox(content)
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_combo.activated.connect(self._language_activated)
        self.contrast_label = self._name(content)
        self.contrast_check = QCheckBox(content)
        self.contrast_check.toggled.connect(self._contrast_toggled)
        self.size_label = self._name(content)
        self.size_spin = QSpinBox(content)
        self.size_spin.setRange(theme.MIN_SCALE, theme.MAX_SCALE)
        self.size_spin.setSingleStep(theme.SCALE_STEP)
        self.size_spin.setSuffix(" %")
        self.size_spin.setKeyboardTracking(False)
        self.size_spin.valueChanged.connect(self._size_changed)
        self.size_hint = style.label("", content, colour=style.MUTED_TEXT, wrap=True)
        size_row = QHBoxLayout()
        size_row.setSpacing(12)
        size_row.addWidget(self.size_spin)
        size_row.addWidget(self.size_hint, 1)
        for name, field in (
            (self.language_label, self.language_combo),
            (self.contrast_label, self.contrast_check),
        ):
            name.setBuddy(field)
            display.addRow(name, field)
        self.size_label.setBuddy(self.size_spin)
        display.addRow(self.size_label, size_row)
        body.addLayout(display)

        # -- phone numbers ------------------------------------------------------------------
        self.phones_heading = self._heading(content)
        body.addWidget(self.phones_heading)
        phones = self._form()
        self.region_label = self._name(content)
        self.region_combo = QComboBox(content)
        for code in REGIONS:
            self.region_combo.addItem("", code)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(saved_region(ctx))))
        self.region_combo.activated.connect(self._region_activated)
        self.region_label.setBuddy(self.region_combo)
        phones.addRow(self.region_label, self.region_combo)
        body.addLayout(phones)
        self.region_note = style.label("", content, colour=style.MUTED_TEXT, wrap=True)
        body.addWidget(self.region_note)

        # -- this laptop --------------------------------------------------------------------
        self.laptop_heading = self._heading(content)
        body.addWidget(self.laptop_heading)
        self.form = self._form()
        self._rows = [
            (self._name(content), style.label("", content, wrap=True)) for _fact in self.facts()
        ]
        for name_label, value_label in self._rows:
            value_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.form.addRow(name_label, value_label)
        body.addLayout(self.form)
        self.open_folder_button = QPushButton(content)
        self.open_folder_button.setFont(style.sized_font(self.open_folder_button, 1))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        self.check_button = QPushButton(content)
        self.check_button.setFont(style.sized_font(self.check_button, 1))
        self.check_button.clicked.connect(self.check_database)
        self.check_dialog: Any = None  # ui/check's CheckDialog, made on the first check
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.open_folder_button)
        folder_row.addWidget(self.check_button)
        folder_row.addStretch(1)
        body.addLayout(folder_row)
        body.addStretch(1)

        for widget in (
            self.language_combo,
            self.contrast_check,
            self.size_spin,
            self.region_combo,
        ):
            widget.setFont(style.sized_font(widget, style.BODY_DELTA))

        if ctx.theme is not None:
            ctx.theme.changed.connect(self._show_theme)
        ctx.translations.language_changed.connect(self._show_language)
        ctx.plan.updated.connect(self._plan_updated)
        self._show_theme()
        self._show_language()
        self.retranslate()

    # -- building blocks ----------------------------------------------------------------------

    def _heading(self, parent: QWidget) -> QLabel:
        heading = style.label("", parent, delta=style.SECTION_DELTA, bold=True)
        heading.setContentsMargins(0, 12, 0, 2)
        return heading

    def _name(self, parent: QWidget) -> QLabel:
        return style.label("", parent, bold=True)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    # -- behaviour ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Settings")

    def facts(self) -> list[tuple[str, str]]:
        """(name, value) of every fact shown, in order."""
        console = self.ctx.console
        plan = (
            self.tr("version {version}").format(version=format_number(self._plan_version))
            if self._plan_version is not None
            else self.tr("none yet")
        )
        return [
            (self.tr("Data directory"), str(console.data_dir)),
            (self.tr("Database file"), str(console.database_path)),
            (self.tr("Window settings file"), self.ctx.settings.fileName()),
            (self.tr("Device ID"), console.device_id),
            (self.tr("Device name"), console.device_name),
            (self.tr("Program version"), __version__),
            (self.tr("Plan"), plan),
            (self.tr("Time zone"), time_zone_text(console.now())),
            (self.tr("Qt version"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ]

    def _language_activated(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if isinstance(lang, str) and lang != self.ctx.lang:
            self.language_chosen.emit(lang)

    def _contrast_toggled(self, on: bool) -> None:
        if self.ctx.theme is not None:
            self.ctx.theme.set_high_contrast(on)

    def _size_changed(self, percent: int) -> None:
        if self.ctx.theme is not None:
            self.ctx.theme.set_text_scale(percent)

    def _region_activated(self, index: int) -> None:
        code = self.region_combo.itemData(index)
        if isinstance(code, str):
            from hisconsole.services import contacts

            # Phone numbers typed or imported from now on are read in this region.
            contacts.set_region(self.ctx.console, code)
            self.ctx.settings.setValue(KEY_PHONE_REGION, code)
            self.ctx.settings.sync()

    def region(self) -> str:
        return saved_region(self.ctx)

    def open_data_folder(self) -> None:
        folder = self.ctx.console.data_dir
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self,
                self.tr("Open data folder"),
                self.tr("No file manager could be opened. The data folder is:\n{folder}").format(
                    folder=folder
                ),
            )

    def check_database(self) -> Any:
        """Check this laptop's database (``hisconsole check``) in a dialog showing its
        progress; one check at a time (the dialog of a running one comes back). Returns
        the dialog."""
        if self.check_dialog is None:
            # The check's modules (signatures, the rebuild) load when first asked for.
            from hisconsole.ui.check.dialog import CheckDialog

            self.check_dialog = CheckDialog(self.ctx.console, self)
        self.check_dialog.start()
        self.check_dialog.show()
        self.check_dialog.activateWindow()
        return self.check_dialog

    def _show_theme(self) -> None:
        current = self.ctx.theme
        if current is None:
            for widget in (self.contrast_check, self.size_spin):
                widget.setEnabled(False)
            return
        for widget, value in (
            (self.contrast_check, current.high_contrast),
            (self.size_spin, current.text_scale),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value))
            widget.blockSignals(False)

    def _show_language(self, _lang: str = "") -> None:
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.ctx.lang)))

    def _plan_updated(self, snapshot: PlanSnapshot) -> None:
        self._plan_version = snapshot.version
        self._show_facts()

    def _show_facts(self) -> None:
        for (name_label, value_label), (name, value) in zip(self._rows, self.facts(), strict=True):
            name_label.setText(name)
            value_label.setText(value)

    def retranslate(self) -> None:
        super().retranslate()
        self.display_heading.setText(self.tr("Reading the screen"))
        self.language_label.setText(self.tr("&Language:"))
        self.contrast_label.setText(self.tr("&High contrast:"))
        self.contrast_check.setText(
            self.tr("Black on white, yellow where the focus is (Ctrl+Shift+H)")
        )
        self.size_label.setText(self.tr("&Text size:"))
        self.size_hint.setText(self.tr("Ctrl+= larger, Ctrl+- smaller, Ctrl+0 normal"))
        self.phones_heading.setText(self.tr("Phone numbers"))
        self.region_label.setText(self.tr("Default &region:"))
        for index in range(self.region_combo.count()):
            self.region_combo.setItemText(index, region_name(self.region_combo.itemData(index)))
        self.region_note.setText(
            self.tr(
                "For numbers typed or imported without a country code: the contact "
                "checks read them as numbers of this region, on this laptop."
            )
        )
        self.laptop_heading.setText(self.tr("This laptop"))
        self._show_facts()
        self.open_folder_button.setText(self.tr("&Open data folder"))
        self.open_folder_button.setToolTip(str(self.ctx.console.data_dir))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.contrast_check.setAccessibleName(self.tr("High contrast"))
        self.size_spin.setAccessibleName(self.tr("Text size in per cent"))
        self.region_combo.setAccessibleName(self.tr("Default region for phone numbers"))
        self.open_folder_button.setAccessibleName(self.tr("Open data folder"))
        self.check_button.setText(self.tr("&Check the database…"))
        self.check_button.setToolTip(
            self.tr(
                "Signatures, sequences and every table against a rebuild from the log; "
                "the window goes on working meanwhile"
            )
        )
        for name_label, value_label in self._rows:
            value_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            value_label.setAccessibleName(name_label.text())

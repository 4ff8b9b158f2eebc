"""How an imported file is read: its encoding (which the user may change), its layout,
where each column goes (which the user may change), and what is not kept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.contacts import ImportSource
from hisconsole.services import contacts as contacts_service
from hisconsole.ui import style
from hisconsole.ui.context import Context

# The combo entry for "this column is not imported".
NOT_IMPORTED = ""


def encoding_name(code: str) -> str:
    """An encoding as the user reads it (UTF-8, GB18030 (GBK, GB2312), Excel workbook…)."""
    if code == "xlsx":
        return QCoreApplication.translate("SourcePanel", "Excel workbook")
    return contacts_service.ENCODINGS.get(code, code.upper())


def what_label(what: str) -> str:
    """What a column or vCard property not kept holds (fax, address…), as the user reads it."""
    labels = {
        "fax": QCoreApplication.translate("SourcePanel", "fax"),
        "address": QCoreApplication.translate("SourcePanel", "address"),
        "web address": QCoreApplication.translate("SourcePanel", "web address"),
        "birthday": QCoreApplication.translate("SourcePanel", "birthday"),
        "nickname": QCoreApplication.translate("SourcePanel", "nickname"),
        "gender": QCoreApplication.translate("SourcePanel", "gender"),
        "employee number": QCoreApplication.translate("SourcePanel", "employee number"),
        "date joined": QCoreApplication.translate("SourcePanel", "date joined"),
        "display name": QCoreApplication.translate("SourcePanel", "display name"),
        "honorific": QCoreApplication.translate("SourcePanel", "title (Mr, Dr…)"),
        "category": QCoreApplication.translate("SourcePanel", "category that is no group"),
        "middle name, prefix, suffix": QCoreApplication.translate(
            "SourcePanel", "middle name, prefix, suffix"
        ),
        "photo": QCoreApplication.translate("SourcePanel", "photo"),
        "logo": QCoreApplication.translate("SourcePanel", "logo"),
        "messenger": QCoreApplication.translate("SourcePanel", "messenger"),
        "location": QCoreApplication.translate("SourcePanel", "location"),
        "related person": QCoreApplication.translate("SourcePanel", "related person"),
        "anniversary": QCoreApplication.translate("SourcePanel", "anniversary"),
        "other": QCoreApplication.translate("SourcePanel", "other"),
    }
    return labels.get(what, what)


def choose_encoding(parent: QWidget, message: str) -> str | None:
    """Ask which encoding to read a refused file in; None when the user cancels."""
    codes = list(contacts_service.ENCODINGS)
    names = [contacts_service.ENCODINGS[c] for c in codes]
    text = QCoreApplication.translate(
        "SourcePanel", "This file cannot be read without garbling it:\n{message}"
    ).format(message=message)
    text += "\n\n" + QCoreApplication.translate("SourcePanel", "Read it as:")
    title = QCoreApplication.translate("SourcePanel", "Choose the encoding")
    name, ok = QInputDialog.getItem(parent, title, text, names, 0, False)
    return codes[names.index(name)] if ok and name in names else None


class SourcePanel(QWidget):
    """The top of the import preview: encoding, layout, column mapping, what is not kept.

    Signals: ``encoding_chosen(str)`` when the user picks another encoding;
    ``mapping_changed(dict)`` with the whole mapping (column -> target, "ignore")
    when the user changes where a column goes.
    """

    encoding_chosen = Signal(str)
    mapping_changed = Signal(dict)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportSource")
        self.ctx = ctx
        self.source = ImportSource()
        self._filling = False
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.encoding_caption = QLabel(self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("EncodingChoice")
        self.encoding_combo.activated.connect(self._encoding_picked)
        self.encoding_note = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self.layout_caption = QLabel(self)
        self.layout_label = style.label("", self, bold=True, wrap=True)
        self.layout_label.setObjectName("ImportLayout")
        form.addRow(self.encoding_caption, self.encoding_combo)
        form.addRow("", self.encoding_note)
        form.addRow(self.layout_caption, self.layout_label)
        self.columns_caption = style.label("", self, bold=True)
        self.columns = QTableWidget(0, 2, self)
        self.columns.setObjectName("ColumnMapping")
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setMaximumHeight(200)
        self.unmapped_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.unmapped_label.setObjectName("UnmappedColumns")
        self.not_kept_label = style.label("", self, colour="#8D5B00", wrap=True)
        self.not_kept_label.setObjectName("NotKept")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.columns_caption)
        layout.addWidget(self.columns)
        layout.addWidget(self.unmapped_label)
        layout.addWidget(self.not_kept_label)
        self.retranslate()

    # -- filling ------------------------------------------------------------------------------

    def set_source(self, source: ImportSource) -> None:
        self.source = source
        self.retranslate()

    def _target_name(self, target: str) -> str:
        zh, en = contacts_service.COLUMN_TARGETS[target]
        return zh if self.ctx.lang == "zh" else en

    def _fill(self) -> None:
        source = self.source
        self._filling = True
        self.encoding_combo.clear()
        table = source.encoding_code in ("", "xlsx")
        codes = [source.encoding_code] if table else list(contacts_service.ENCODINGS)
        if source.encoding_code not in codes:
            codes.insert(0, source.encoding_code)
        for code in codes:
            self.encoding_combo.addItem(encoding_name(code), code)
        self.encoding_combo.setCurrentIndex(
            max(0, self.encoding_combo.findData(source.encoding_code))
        )
        self.encoding_combo.setEnabled(not table)
        how = {
            "bom": self.tr("Known from the byte-order mark."),
            "utf-8": self.tr("Read as UTF-8 without a single error."),
            "detected": self.tr(
                "Detected, not certain: if names look wrong below, choose another encoding."
            ),
            "chosen": self.tr("Chosen by you."),
        }
        self.encoding_note.setText(how.get(source.encoding_how, ""))
        name = source.layout_name.get(self.ctx.lang) or source.layout
        self.layout_label.setText(name)
        self.columns.setRowCount(len(source.columns))
        self.columns.setVisible(bool(source.columns))
        self.columns_caption.setVisible(bool(source.columns))
        for row, column in enumerate(source.columns):
            self.columns.setItem(row, 0, QTableWidgetItem(column.header))
            combo = QComboBox(self.columns)
            combo.setAccessibleName(self.tr("Where {column} goes").format(column=column.header))
            combo.addItem(self.tr("— not imported —"), NOT_IMPORTED)
            for target in contacts_service.COLUMN_TARGETS:
                if target != "ignore":
                    combo.addItem(self._target_name(target), target)
            current = column.target if column.target not in (None, "ignore") else NOT_IMPORTED
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.activated.connect(lambda _i, h=column.header, c=combo: self._mapped(h, c))
            self.columns.setCellWidget(row, 1, combo)
        self.unmapped_label.setText(
            self.tr("Not imported until you say where they go: {columns}").format(
                columns=", ".join(source.unmapped)
            )
            if source.unmapped
            else ""
        )
        self.unmapped_label.setVisible(bool(source.unmapped))
        self.not_kept_label.setText(
            self.tr("Not kept (the console has no place for it): {items}").format(
                items=", ".join(f"{item} ({what_label(what)})" for item, what in source.not_kept)
            )
            if source.not_kept
            else ""
        )
        self.not_kept_label.setVisible(bool(source.not_kept))
        self._filling = False

    # -- user choices -------------------------------------------------------------------------

    def _encoding_picked(self, index: int) -> None:
        code = self.encoding_combo.itemData(index)
        if not self._filling and code and code != self.source.encoding_code:
            self.encoding_chosen.emit(str(code))

    def _mapped(self, header: str, combo: QComboBox) -> None:
        if self._filling:
            return
        mapping = dict(self.source.mapping)
        mapping[header] = str(combo.currentData()) or "ignore"
        self.mapping_changed.emit(mapping)

    def mapping_rows(self) -> list[tuple[str, str]]:
        """Each source column and where it goes, as shown (for checking the screen)."""
        rows = []
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            combo = self.columns.cellWidget(row, 1)
            if item is not None and isinstance(combo, QComboBox):
                rows.append((item.text(), combo.currentText()))
        return rows

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.encoding_caption.setText(self.tr("Encoding:"))
        self.layout_caption.setText(self.tr("Layout:"))
        self.columns_caption.setText(self.tr("Columns and where they go"))
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Goes to")])
        self._fill()

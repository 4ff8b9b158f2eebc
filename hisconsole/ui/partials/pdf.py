"""Showing a print pack (QPdfView).

Qt PDF is an add-on; without it the preview is replaced by a note (printing and
saving do not need it: the PDF itself goes to the print system, see print_flow).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtWidgets import QStackedLayout, QWidget

from hisconsole.ui import style

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False


def open_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over PDF bytes held in memory (the buffer lives as long as the document)."""
    # Without a parent the caller keeps the document (the stubs insist on a parent).
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class PackPreview(QWidget):
    """The pages of a print pack, scrolled through (or a note when Qt PDF is missing).

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackPreview")
        self.document: QPdfDocument | None = None
        self.note = style.label("", self, wrap=True, colour=style.MUTED_TEXT)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.note)
        self.view: QPdfView | None = None
        if HAVE_QTPDF:
            # The view always holds a document: setting none makes Qt warn.
            self._blank = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self._blank)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(12)
            self._stack.addWidget(self.view)

    def show_pdf(self, data: bytes) -> None:
        if self.view is None:
            return
        old = self.document
        self.document = open_document(data, self)
        self.view.setDocument(self.document)
        self._stack.setCurrentWidget(self.view)
        if old is not None:
            old.deleteLater()

    def show_note(self, text: str) -> None:
        """Show ``text`` instead of pages (nothing to preview, or no Qt PDF)."""
        self.note.setText(text)
        self._stack.setCurrentWidget(self.note)
        if self.view is not None and self.document is not None:
            self.view.setDocument(self._blank)
            self.document.deleteLater()
            self.document = None

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

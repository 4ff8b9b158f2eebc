"""Showing a print pack (QPdfView) and printing it on a system printer, page by page.

Qt PDF is an add-on; without it the preview is replaced by a note and printing
is unavailable (saving the pack as PDF still works).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QStackedLayout, QWidget

from hisconsole.ui import style

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

#: Pages are rendered at the printer's resolution, but no finer: an A4 page at
#: 600 dpi is already 35 million pixels.
MAX_PRINT_DPI = 600
#: Pages sent to the printer per turn of the event loop (the window stays responsive).
PAGES_PER_TURN = 2


def choose_printer(parent: QWidget, doc_name: str, title: str) -> QPrinter | None:
    """Ask for a printer for a whole document (no page range: every numbered sheet
    must print); None if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(1)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    for option in (
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange,
        QAbstractPrintDialog.PrintDialogOption.PrintSelection,
        QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage,
    ):
        dialog.setOption(option, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def open_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over PDF bytes held in memory (the buffer lives as long as the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def on_white(image: QImage) -> QImage:
    """QPdfDocument.render gives a transparent background: put the page on white paper."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


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


class PackPrinter(QObject):
    """Prints the pages of a PDF on a QPrinter, a few pages per turn of the event loop.

    Each page is rendered with QPdfDocument at the printer's resolution (capped
    at MAX_PRINT_DPI), put on white, and drawn into the printable area keeping
    its proportions; the paper turns to landscape for landscape pages.

    Signals:
        progressed(int, int): pages sent so far, and the total.
        finished(str, str): the outcome ("done", "cancelled" or "failed") and,
            on failure, what went wrong.
    """

    progressed = Signal(int, int)
    finished = Signal(str, str)

    def __init__(self, data: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.document = open_document(data, self)
        self._painter = QPainter()
        self._next = 0
        self._cancel = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)

    def start(self) -> None:
        total = self.document.pageCount()
        if total <= 0:
            self._finish("failed", self.tr("The pack could not be read for printing."))
            return
        self._orient(0)
        if not self._painter.begin(self.printer):
            name = self.printer.printerName() or self.printer.outputFileName()
            self._finish(
                "failed",
                self.tr(
                    "The printer {printer} cannot be used: it may be disconnected, "
                    "switched off or removed."
                ).format(printer=name or self.tr("(none chosen)")),
            )
            return
        self._timer.start()

    def cancel(self) -> None:
        self._cancel = True

    def _orient(self, page: int) -> None:
        size = self.document.pagePointSize(page)
        wanted = (
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        if self.printer.pageLayout().orientation() != wanted:
            self.printer.setPageOrientation(wanted)

    def _turn(self) -> None:
        total = self.document.pageCount()
        if self._cancel:
            self.printer.abort()
            self._painter.end()
            self._finish("cancelled", "")
            return
        for _ in range(PAGES_PER_TURN):
            if self._next >= total:
                break
            if self._next > 0:
                self._orient(self._next)
                if not self.printer.newPage():
                    self._painter.end()
                    self._finish("failed", self.tr("The printer stopped taking pages."))
                    return
            self._draw(self._next)
            self._next += 1
        self.progressed.emit(self._next, total)
        if self._next < total:
            return
        self._timer.stop()
        ended = self._painter.end()
        if not ended or self.printer.printerState() == QPrinter.PrinterState.Error:
            self._finish("failed", self.tr("The printer reported an error."))
        else:
            self._finish("done", "")

    def _draw(self, page: int) -> None:
        # The painter's origin is the printable area's corner; the paper may have
        # turned since the painter began, so ask the layout rather than the viewport.
        paint = self.printer.pageLayout().paintRectPixels(self.printer.resolution())
        area = QRect(0, 0, paint.width(), paint.height())
        points = self.document.pagePointSize(page)
        scale = min(area.width() / points.width(), area.height() / points.height())
        target = QSize(int(points.width() * scale), int(points.height() * scale))
        dpi = max(self.printer.resolution(), 1)
        render = target
        if dpi > MAX_PRINT_DPI:
            render = target * (MAX_PRINT_DPI / dpi)
        image = on_white(self.document.render(page, render))
        x = area.x() + (area.width() - target.width()) // 2
        y = area.y() + (area.height() - target.height()) // 2
        self._painter.drawImage(QRect(x, y, target.width(), target.height()), image)

    def _finish(self, outcome: str, message: str) -> None:
        self._timer.stop()
        self.finished.emit(outcome, message)

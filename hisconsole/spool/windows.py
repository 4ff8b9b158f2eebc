"""Windows: the PDF printed as vectors through PDFium into the printer's device context.

The way browsers print PDFs: PDFium draws each page straight into the printer
DC (``FPDF_RenderPage``), so the spooler gets the printer driver's own vector
commands, not pictures of pages. Job options go in the printer's DEVMODE;
the job is then followed through the spooler (``GetJob``). Only when this
PDFium build cannot draw into a DC is a page rasterised, as the last resort:
at most 300 dpi, 1-bit, uncompressed (lossless) — never JPEG.

pywin32 (win32print, win32gui) and pypdfium2 are installed on Windows only;
the tests hand in stand-ins for them.
"""

from __future__ import annotations

import threading
from typing import Any

from hisconsole.errors import N_
from hisconsole.spool import JobOptions, JobStatus, Printer, PrintSystemError, QueuedJob

# win32print constants (wingdi.h / winspool.h).
PRINTER_ENUM_LOCAL, PRINTER_ENUM_CONNECTIONS = 0x2, 0x4
HORZRES, VERTRES, LOGPIXELSX, LOGPIXELSY = 8, 10, 88, 90
DC_BINS, DC_BINNAMES = 6, 12
JOB_CONTROL_DELETE = 5
DM_COPIES, DM_COLLATE, DM_DUPLEX = 0x100, 0x8000, 0x1000
DM_PAPERSIZE, DM_DEFAULTSOURCE = 0x2, 0x200
DMDUP = {"one-sided": 1, "two-sided-long-edge": 2, "two-sided-short-edge": 3}
#: DEVMODE paper sizes for the media names the console offers (IPP and short names).
DMPAPER = {
    "iso_a4_210x297mm": 9,
    "a4": 9,
    "iso_a3_297x420mm": 8,
    "a3": 8,
    "iso_a5_148x210mm": 11,
    "a5": 11,
    "na_letter_8.5x11in": 1,
    "letter": 1,
    "na_legal_8.5x14in": 5,
    "legal": 5,
}
# PDFium render flags: annotations (form fields) and print quality.
FPDF_ANNOT, FPDF_PRINTING = 0x01, 0x800
#: The last resort's resolution cap (a page at 300 dpi, 1-bit, is about 1 MB uncompressed).
RASTER_MAX_DPI = 300

# Printer status bits (PRINTER_INFO_2.Status) and the reasons they stand for.
PRINTER_REASONS = {
    0x1: "paused",
    0x2: "error",
    0x8: "media-jam",
    0x10: "media-empty",
    0x40: "paper-problem",
    0x80: "offline",
    0x1000: "not-available",
    0x400000: "door-open",
    0x100000: "user-intervention",
    0x40000: "toner-empty",
}
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x400
PRINTER_STATUS_PRINTING = 0x400
# Job status bits (JOB_INFO_1.Status).
JOB_PAUSED, JOB_ERROR, JOB_DELETING, JOB_SPOOLING, JOB_PRINTING = 0x1, 0x2, 0x4, 0x8, 0x10
JOB_OFFLINE, JOB_PAPEROUT, JOB_PRINTED, JOB_DELETED = 0x20, 0x40, 0x80, 0x100
JOB_BLOCKED, JOB_USER_INTERVENTION, JOB_COMPLETE = 0x200, 0x400, 0x1000
JOB_STOPPING = {
    JOB_PAUSED: "paused",
    JOB_ERROR: "error",
    JOB_OFFLINE: "offline",
    JOB_PAPEROUT: "media-empty",
    JOB_BLOCKED: "blocked",
    JOB_USER_INTERVENTION: "user-intervention",
}


def printer_state(status: int, attributes: int) -> tuple[str, tuple[str, ...]]:
    """The user's word for a printer and the reasons, from its spooler status bits."""
    reasons = tuple(word for bit, word in PRINTER_REASONS.items() if status & bit)
    if attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE and "offline" not in reasons:
        reasons += ("offline",)
    if "paused" in reasons or "error" in reasons or "media-jam" in reasons:
        return "stopped", reasons
    if "offline" in reasons or "not-available" in reasons:
        return "offline", reasons
    if "media-empty" in reasons:
        return "out-of-paper", reasons
    return ("printing" if status & PRINTER_STATUS_PRINTING else "ready"), reasons


def job_state(status: int) -> tuple[str, tuple[str, ...]]:
    """A spooler job's state in the console's words, and the reasons it is stopped."""
    if status & (JOB_PRINTED | JOB_COMPLETE):
        return "completed", ()
    if status & (JOB_DELETING | JOB_DELETED):
        return "cancelled", ()
    reasons = tuple(word for bit, word in JOB_STOPPING.items() if status & bit)
    if reasons:
        return "stopped", reasons
    if status & JOB_PRINTING:
        return "printing", ()
    return "queued", ()


def _split(job: str) -> tuple[str, int]:
    printer, _, number = job.rpartition("-")
    if not printer or not number.isdigit():
        raise PrintSystemError(N_("{job!r} is not a Windows print job (PRINTER-NUMBER)."), job=job)
    return printer, int(number)


class WindowsSpooler:
    """The Windows print spooler, with PDFium drawing the pages."""

    def __init__(
        self, win32print: Any = None, win32gui: Any = None, pdfium: Any = None, image: Any = None
    ) -> None:
        if win32print is None:  # pragma: no cover - only on Windows
            try:
                import pypdfium2 as pdfium_module
                import win32gui as gui_module
                import win32print as print_module
                from PIL import ImageWin
            except ImportError as exc:
                raise PrintSystemError(
                    N_("Printing on Windows needs pywin32 and pypdfium2 ({name} is missing)."),
                    name=exc.name,
                ) from exc
            win32print, win32gui, pdfium, image = print_module, gui_module, pdfium_module, ImageWin
        self.print, self.gui, self.pdfium, self.image = win32print, win32gui, pdfium, image
        #: Jobs this program cancelled: a job the spooler dropped was cancelled, not printed.
        self._cancelled: set[str] = set()
        #: Jobs seen printing or printed: when the spooler drops them, they completed.
        self._seen: dict[str, int] = {}
        self._lock = threading.Lock()

    # -- printers -------------------------------------------------------------------------

    def printers(self) -> list[Printer]:
        try:
            default = self.print.GetDefaultPrinter()
        except Exception:  # pywin32 raises pywintypes.error when none is set
            default = ""
        found = []
        flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS
        for info in self.print.EnumPrinters(flags, None, 2):
            state, reasons = printer_state(int(info["Status"]), int(info["Attributes"]))
            name = info["pPrinterName"]
            found.append(
                Printer(
                    name=name,
                    state=state,
                    reasons=reasons,
                    is_default=name == default,
                    description=info.get("pComment") or "",
                    location=info.get("pLocation") or "",
                    queued=int(info.get("cJobs", 0)),
                    trays=tuple(self._bins(name, info.get("pPortName", ""))),
                    sides=tuple(DMDUP),
                )
            )
        return sorted(found, key=lambda p: (not p.is_default, p.name.lower()))

    def _bins(self, printer: str, port: str) -> list[str]:
        try:
            return [
                str(n).strip("\0")
                for n in self.print.DeviceCapabilities(printer, port, DC_BINNAMES)
            ]
        except Exception:  # a driver that does not say: no tray choice
            return []

    def queue(self, printer: str) -> list[QueuedJob]:
        handle = self._open(printer)
        try:
            jobs = self.print.EnumJobs(handle, 0, 999, 1)
        finally:
            self.print.ClosePrinter(handle)
        return [
            QueuedJob(
                job=f"{printer}-{info['JobId']}",
                title=info.get("pDocument") or "",
                state=job_state(int(info["Status"]))[0],
                user=info.get("pUserName") or "",
            )
            for info in jobs
        ]

    def _open(self, printer: str) -> Any:
        try:
            return self.print.OpenPrinter(printer)
        except Exception as exc:  # pywintypes.error
            raise PrintSystemError(
                N_("There is no printer {printer!r} ({exc})."), printer=printer, exc=exc
            ) from exc

    # -- printing -------------------------------------------------------------------------

    def _devmode(self, printer: str, options: JobOptions) -> Any:
        handle = self._open(printer)
        try:
            info = self.print.GetPrinter(handle, 2)
        finally:
            self.print.ClosePrinter(handle)
        mode = info["pDevMode"]
        mode.Copies = options.copies
        mode.Collate = 1 if options.collate else 0
        mode.Duplex = DMDUP[options.sides]
        mode.Fields |= DM_COPIES | DM_COLLATE | DM_DUPLEX
        if options.media:
            paper = DMPAPER.get(options.media.lower())
            if paper is None:
                raise PrintSystemError(
                    N_("Paper size {media!r} is not offered on Windows."), media=options.media
                )
            mode.PaperSize = paper
            mode.Fields |= DM_PAPERSIZE
        if options.tray:
            names = self._bins(printer, info.get("pPortName", ""))
            if options.tray not in names:
                raise PrintSystemError(
                    N_("The printer {printer} has no tray {tray!r}."),
                    printer=printer,
                    tray=options.tray,
                )
            bins = self.print.DeviceCapabilities(printer, info.get("pPortName", ""), DC_BINS)
            mode.DefaultSource = int(bins[names.index(options.tray)])
            mode.Fields |= DM_DEFAULTSOURCE
        return mode

    def submit(self, pdf: bytes, printer: str, options: JobOptions, title: str) -> str:
        """Draw every page into the printer's DC; returns the job once the spooler has it all."""
        mode = self._devmode(printer, options)
        try:
            document = self.pdfium.PdfDocument(pdf)
        except Exception as exc:  # PdfiumError
            raise PrintSystemError(N_("PDFium cannot read the document: {exc}"), exc=exc) from exc
        dc = self.gui.CreateDC("WINSPOOL", printer, mode)
        started = False
        try:
            job_id = self.print.StartDoc(dc, (title, None, None, 0))
            started = True
            width = self.print.GetDeviceCaps(dc, HORZRES)
            height = self.print.GetDeviceCaps(dc, VERTRES)
            dpi = self.print.GetDeviceCaps(dc, LOGPIXELSX)
            vector = hasattr(self.pdfium.raw, "FPDF_RenderPage")
            for index in range(len(document)):
                page = document[index]
                self.print.StartPage(dc)
                box = self._fit(page.get_size(), width, height)
                if vector:
                    self.pdfium.raw.FPDF_RenderPage(
                        dc, page.raw, *box, 0, FPDF_ANNOT | FPDF_PRINTING
                    )
                else:
                    self._raster(dc, page, box, dpi)
                self.print.EndPage(dc)
            self.print.EndDoc(dc)
        except PrintSystemError:
            raise
        except Exception as exc:  # pywintypes.error from the driver
            if started:
                self.print.AbortDoc(dc)
            raise PrintSystemError(
                N_("The printer {printer} stopped taking pages: {exc}"), printer=printer, exc=exc
            ) from exc
        finally:
            self.gui.DeleteDC(dc)
            document.close()
        return f"{printer}-{job_id}"

    @staticmethod
    def _fit(size: tuple[float, float], width: int, height: int) -> tuple[int, int, int, int]:
        """Where the page goes in the printable area: as large as fits, centred, upright."""
        points_w, points_h = size
        scale = min(width / points_w, height / points_h)
        w, h = int(points_w * scale), int(points_h * scale)
        return (width - w) // 2, (height - h) // 2, w, h

    def _raster(self, dc: Any, page: Any, box: tuple[int, int, int, int], dpi: int) -> None:
        """The last resort: the page as a 1-bit bitmap of at most 300 dpi, uncompressed."""
        resolution = min(dpi, RASTER_MAX_DPI)
        bitmap = page.render(scale=resolution / 72, grayscale=True)
        picture = bitmap.to_pil().convert("1")
        x, y, w, h = box
        self.image.Dib(picture).draw(dc, (x, y, x + w, y + h))

    # -- following ------------------------------------------------------------------------

    def status(self, job: str) -> JobStatus:
        printer, number = _split(job)
        handle = self._open(printer)
        try:
            try:
                info = self.print.GetJob(handle, number, 1)
            except Exception:  # pywintypes.error: the spooler dropped the job
                info = None
        finally:
            self.print.ClosePrinter(handle)
        with self._lock:
            if info is None:
                # Gone from the queue: cancelled if this program cancelled it, else printed.
                state = "cancelled" if job in self._cancelled else "completed"
                return JobStatus(job, printer, state, pages_done=self._seen.get(job))
            pages = int(info.get("PagesPrinted", 0))
            self._seen[job] = pages
        state, reasons = job_state(int(info["Status"]))
        return JobStatus(
            job,
            printer,
            state,
            reasons=reasons,
            message=info.get("pStatus") or "",
            pages_done=pages,
        )

    def cancel(self, job: str) -> None:
        printer, number = _split(job)
        handle = self._open(printer)
        try:
            self.print.SetJob(handle, number, 0, None, JOB_CONTROL_DELETE)
        except Exception as exc:  # pywintypes.error
            raise PrintSystemError(
                N_("Job {job} could not be cancelled: {exc}"), job=job, exc=exc
            ) from exc
        finally:
            self.print.ClosePrinter(handle)
        with self._lock:
            self._cancelled.add(job)

"""The Windows path: what goes to PDFium and the spooler (pywin32 and PDFium stood in for)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from hisconsole.spool import JobOptions, PrintSystemError
from hisconsole.spool import windows as win


@dataclass
class DevMode:
    Copies: int = 1
    Collate: int = 0
    Duplex: int = 1
    PaperSize: int = 9
    DefaultSource: int = 7
    Fields: int = 0


class FakeWin32Print:
    """Records every spooler call; jobs are numbered from 41."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.mode = DevMode()
        self.jobs: dict[int, dict[str, Any]] = {}
        self.fail_on_page: int | None = None
        self._pages = 0

    def __getattr__(self, name: str) -> Any:
        def call(*args: Any) -> Any:
            self.calls.append((name, *args))
            return None

        return call

    def GetDefaultPrinter(self) -> str:
        return "Ward5"

    def EnumPrinters(self, flags: int, name: Any, level: int) -> list[dict[str, Any]]:
        return [
            {
                "pPrinterName": "Lab",
                "Status": 0x10,
                "Attributes": 0,
                "cJobs": 2,
                "pPortName": "USB1",
            },
            {"pPrinterName": "Ward5", "Status": 0, "Attributes": 0, "cJobs": 0, "pPortName": "IP"},
            {"pPrinterName": "Old", "Status": 0, "Attributes": 0x400, "cJobs": 0, "pPortName": "X"},
        ]

    def DeviceCapabilities(self, printer: str, port: str, what: int) -> list[Any]:
        return ["Tray 1", "Tray 2"] if what == win.DC_BINNAMES else [15, 16]

    def OpenPrinter(self, name: str) -> str:
        if name == "Missing":
            raise OSError("printer not found")
        return f"h:{name}"

    def GetPrinter(self, handle: str, level: int) -> dict[str, Any]:
        return {"pDevMode": self.mode, "pPortName": "IP"}

    def StartDoc(self, dc: str, info: tuple[Any, ...]) -> int:
        self.calls.append(("StartDoc", dc, info))
        return 41

    def StartPage(self, dc: str) -> None:
        self._pages += 1
        if self._pages == self.fail_on_page:
            raise OSError("The device is not ready.")
        self.calls.append(("StartPage", dc))

    def GetDeviceCaps(self, dc: str, index: int) -> int:
        return {win.HORZRES: 4760, win.VERTRES: 6779, win.LOGPIXELSX: 600}[index]

    def GetJob(self, handle: str, job: int, level: int) -> dict[str, Any]:
        if job not in self.jobs:
            raise OSError("The parameter is incorrect.")
        return self.jobs[job]


class FakeGui:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def CreateDC(self, driver: str, printer: str, mode: Any) -> str:
        self.calls.append(("CreateDC", driver, printer, mode))
        return "dc"

    def DeleteDC(self, dc: str) -> None:
        self.calls.append(("DeleteDC", dc))


@dataclass
class FakePage:
    size: tuple[float, float]
    raw: str

    def get_size(self) -> tuple[float, float]:
        return self.size


@dataclass
class FakeRaw:
    rendered: list[tuple[Any, ...]] = field(default_factory=list)

    def FPDF_RenderPage(self, *args: Any) -> None:
        self.rendered.append(args)


class FakePdfium:
    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.closed = False

    def PdfDocument(self, data: bytes) -> FakePdfium:
        assert data.startswith(b"%PDF")
        return self

    def __len__(self) -> int:
        return 2

    def __getitem__(self, index: int) -> FakePage:
        return [FakePage((595.0, 842.0), "p0"), FakePage((842.0, 595.0), "p1")][index]

    def close(self) -> None:
        self.closed = True


def _spooler(raw: Any = None) -> tuple[win.WindowsSpooler, FakeWin32Print, FakeGui, FakePdfium]:
    spool_print, gui, pdfium = FakeWin32Print(), FakeGui(), FakePdfium(raw or FakeRaw())
    return win.WindowsSpooler(spool_print, gui, pdfium, image=None), spool_print, gui, pdfium


def test_every_page_is_drawn_as_vectors_into_the_printer_dc_with_the_chosen_options() -> None:
    spooler, spool_print, gui, pdfium = _spooler()
    options = JobOptions(collate=False, sides="two-sided-long-edge", media="A4", tray="Tray 2")
    job = spooler.submit(b"%PDF-1.4 pack", "Ward5", options, "MAR sheets")
    assert job == "Ward5-41"
    mode = spool_print.mode
    assert (mode.Copies, mode.Collate, mode.Duplex, mode.PaperSize, mode.DefaultSource) == (
        1,
        0,
        2,
        9,
        16,
    )
    assert gui.calls[0] == ("CreateDC", "WINSPOOL", "Ward5", mode)
    names = [
        c[0] for c in spool_print.calls if c[0] in {"StartDoc", "StartPage", "EndPage", "EndDoc"}
    ]
    assert names == ["StartDoc", "StartPage", "EndPage", "StartPage", "EndPage", "EndDoc"]
    assert ("StartDoc", "dc", ("MAR sheets", None, None, 0)) in spool_print.calls
    # Portrait A4 fills the printable width; the landscape page is scaled into it, centred.
    portrait, landscape = pdfium.raw.rendered
    assert portrait[:2] == ("dc", "p0") and portrait[2] == 0 and portrait[4] == 4760
    assert landscape[1] == "p1" and landscape[4] == 4760 and landscape[5] < 6779 / 2
    assert portrait[-1] == win.FPDF_ANNOT | win.FPDF_PRINTING
    assert gui.calls[-1] == ("DeleteDC", "dc") and pdfium.closed


def test_a_printer_that_stops_taking_pages_aborts_the_job_with_its_reason() -> None:
    spooler, spool_print, gui, _ = _spooler()
    spool_print.fail_on_page = 2
    with pytest.raises(PrintSystemError, match="stopped taking pages: The device is not ready"):
        spooler.submit(b"%PDF-1.4", "Ward5", JobOptions(), "t")
    assert ("AbortDoc", "dc") in spool_print.calls
    assert gui.calls[-1] == ("DeleteDC", "dc")


def test_unknown_paper_or_tray_is_refused_before_anything_is_sent() -> None:
    spooler, _spool_print, gui, _ = _spooler()
    with pytest.raises(PrintSystemError, match="no tray 'Tray 9'"):
        spooler.submit(b"%PDF", "Ward5", JobOptions(tray="Tray 9"), "t")
    with pytest.raises(PrintSystemError, match="Paper size 'B7'"):
        spooler.submit(b"%PDF", "Ward5", JobOptions(media="B7"), "t")
    assert gui.calls == []


def test_without_dc_rendering_pages_go_as_lossless_1_bit_bitmaps_of_at_most_300_dpi() -> None:
    drawn: list[tuple[Any, ...]] = []

    class Bitmap:
        def __init__(self, scale: float) -> None:
            self.scale = scale

        def to_pil(self) -> Any:
            outer = self

            class Picture:
                def convert(self, mode: str) -> tuple[str, float]:
                    return (mode, outer.scale)

            return Picture()

    class RasterPage(FakePage):
        def render(self, scale: float, grayscale: bool) -> Bitmap:
            assert grayscale
            return Bitmap(scale)

    class Dib:
        def __init__(self, picture: Any) -> None:
            self.picture = picture

        def draw(self, dc: str, box: tuple[int, ...]) -> None:
            drawn.append((self.picture, box))

    class NoRaw:  # a PDFium build without FPDF_RenderPage
        pass

    spooler, _, _, pdfium = _spooler(NoRaw())
    spooler.image = type("ImageWin", (), {"Dib": Dib})
    pdfium.__class__.__getitem__ = lambda self, i: RasterPage((595.0, 842.0), "p")  # type: ignore[method-assign]
    spooler.submit(b"%PDF", "Ward5", JobOptions(), "t")
    assert [picture for picture, _box in drawn] == [("1", 300 / 72)] * 2


def test_job_states_come_from_the_spooler_and_a_dropped_job_completed_unless_cancelled() -> None:
    spooler, spool_print, _, _ = _spooler()
    spool_print.jobs[41] = {"Status": win.JOB_SPOOLING, "PagesPrinted": 0}
    assert spooler.status("Ward5-41").state == "queued"
    spool_print.jobs[41] = {"Status": win.JOB_PRINTING, "PagesPrinted": 3}
    assert (spooler.status("Ward5-41").state, spooler.status("Ward5-41").pages_done) == (
        "printing",
        3,
    )
    spool_print.jobs[41] = {
        "Status": win.JOB_PAPEROUT | win.JOB_PRINTING,
        "pStatus": "Out of paper",
    }
    stopped = spooler.status("Ward5-41")
    assert (stopped.state, stopped.reasons, stopped.reason) == (
        "stopped",
        ("media-empty",),
        "Out of paper (media-empty)",
    )
    del spool_print.jobs[41]
    assert spooler.status("Ward5-41").state == "completed"
    spool_print.jobs[42] = {"Status": 0}
    spooler.cancel("Ward5-42")
    assert ("SetJob", "h:Ward5", 42, 0, None, win.JOB_CONTROL_DELETE) in spool_print.calls
    del spool_print.jobs[42]
    assert spooler.status("Ward5-42").state == "cancelled"


def test_printers_with_state_default_first_and_trays() -> None:
    spooler, _, _, _ = _spooler()
    listed = spooler.printers()
    assert [(p.name, p.state, p.is_default) for p in listed] == [
        ("Ward5", "ready", True),
        ("Lab", "out-of-paper", False),
        ("Old", "offline", False),
    ]
    assert listed[0].trays == ("Tray 1", "Tray 2")
    with pytest.raises(PrintSystemError, match="no printer 'Missing'"):
        spooler.queue("Missing")

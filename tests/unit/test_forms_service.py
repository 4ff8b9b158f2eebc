"""Printing numbered packs and closing the loop, as a user does it from the command line."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli import main
from hisconsole.errors import KnownError
from hisconsole.printing.forms import PrintCancelled
from hisconsole.services import forms, incidents
from hisconsole.services.console import Console
from hisconsole.services.files import FileWriteError


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_print_scan_back_void_and_the_outstanding_three(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(ready_data_dir), "--json"]
    _, out, _ = cli(capsys, *d, "incident", "declare", "--level", "II", "--title", "HIS down")
    inc = json.loads(out)["id"]
    mar_pdf, lab_pdf = tmp_path / "mar.pdf", tmp_path / "lab.pdf"
    code, out, _ = cli(
        capsys,
        *d,
        "forms",
        "print",
        "mar",
        "--copies",
        "50",
        "--incident",
        inc,
        "--out",
        str(mar_pdf),
    )
    assert code == 0
    mar = json.loads(out)
    _, out, _ = cli(
        capsys,
        *d,
        "forms",
        "print",
        "lab-request",
        "--copies",
        "20",
        "--incident",
        inc,
        "--lang",
        "en",
        "--out",
        str(lab_pdf),
    )
    lab = json.loads(out)
    assert len(set(mar + lab)) == 70

    text = PdfReader(mar_pdf).pages[0].extract_text()
    assert mar[0] in text and inc in text and "医嘱执行单（给药）" in text
    assert len(PdfReader(mar_pdf).pages) == 50
    assert lab[-1] in PdfReader(lab_pdf).pages[-1].extract_text()

    assert cli(capsys, *d, "forms", "backenter", f"{mar[0]}..{mar[44]}")[0] == 0
    for serial in lab[:15]:
        assert cli(capsys, *d, "forms", "backenter", serial)[0] == 0
    assert (
        cli(
            capsys,
            *d,
            "forms",
            "backenter",
            f"{lab[15]},{lab[16]}",
            "--void",
            "--reason",
            "spoiled",
        )[0]
        == 0
    )
    assert cli(capsys, *d, "forms", "backenter", f"{lab[17]}..{lab[19]}")[0] == 0
    assert cli(capsys, *d, "forms", "backenter", f"{mar[45]}..{mar[46]}")[0] == 0
    code, out, _ = cli(capsys, *d, "forms", "outstanding", "--incident", inc)
    assert json.loads(out) == mar[47:]

    cli(capsys, *d, "incident", "resolve", inc)
    code, _, err = cli(capsys, *d, "incident", "close", inc)
    assert code == 1 and "3 paper sheet(s)" in err
    code, _, err = cli(
        capsys,
        *d,
        "--operator",
        "Liu",
        "--role",
        "commander",
        "incident",
        "close",
        inc,
        "--override",
        "three sheets lost on ward 5",
    )
    assert code == 0, err


def test_the_qr_code_decodes_to_its_serial(console: Console, tmp_path: Path) -> None:
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg or pdftoppm (zbar-tools, poppler-utils) is not installed")
    (serial,) = forms.print_to_file(console, "orders", 1, tmp_path / "o.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(tmp_path / "o.pdf"), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    found = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert serial in found.stdout.split()


def test_cancelled_printing_records_nothing(console: Console) -> None:
    with pytest.raises(PrintCancelled):
        forms.print_pack(
            console, [("mar", 30)], out=io.BytesIO(), progress=lambda done, total: done < 10
        )
    assert forms.sheets(console) == []


def test_unwritable_output_issues_nothing(console: Console, tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match=r"folder .* does not exist\. Nothing was written"):
        forms.print_to_file(console, "mar", 3, tmp_path / "missing-dir" / "x.pdf")
    assert forms.sheets(console) == []


@pytest.mark.parametrize(
    ("template", "copies", "message"),
    [
        ("no-such-form", 1, "No form template"),
        ("mar", 0, "between 1 and"),
        ("mar", 10_000, "between 1 and"),
    ],
)
def test_bad_print_requests(console: Console, template: str, copies: int, message: str) -> None:
    with pytest.raises(KnownError, match=message):
        forms.print_pack(console, [(template, copies)], out=io.BytesIO())


def test_exercise_packs_are_marked(console: Console) -> None:
    inc, _ = incidents.declare(console, level="IV", title="Drill", exercise=True)
    buffer = io.BytesIO()
    forms.print_pack(console, [("hics-214", 1)], incident=inc, out=buffer)
    assert "演练" in PdfReader(buffer).pages[0].extract_text()


def test_a_hospital_template_dropped_in_the_data_dir_is_offered_and_a_bad_one_reported(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = forms.forms_dir(console)
    folder.mkdir()
    bundled = Path(forms.__file__).resolve().parents[2] / "resources" / "forms" / "orders.yaml"
    (folder / "ward-orders.yaml").write_text(
        bundled.read_text("utf-8").replace("code: orders", "code: ward-orders"), "utf-8"
    )
    (folder / "broken.yaml").write_text("format: hisconsole-form\n", "utf-8")
    code, out, err = cli(capsys, "--data-dir", str(console.data_dir), "--json", "forms", "list")
    assert code == 0
    assert "ward-orders" in [t["code"] for t in json.loads(out)]
    assert "broken.yaml" in err


def test_paper_stock_falls_with_printing_and_warns_below_the_8_hour_need(
    ready_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.support import Clock

    clock = Clock()
    clock.ms = int(__import__("time").time() * 1000) - 3_600_000
    console = Console.open(ready_data_dir, now_ms=clock)
    (need,) = [r["need_8h"] for r in forms.stock(console, wards=4) if r["template"] == "mar"]
    assert need > 0
    forms.count_stock(console, "mar", need + 10)
    clock.advance(5)
    forms.print_pack(console, [("mar", 20)], out=io.BytesIO())
    (row,) = [r for r in forms.stock(console, wards=4) if r["template"] == "mar"]
    assert row["on_hand"] == need - 10 and row["low"]
    console.close()
    code = main(
        [
            "--data-dir",
            str(console.data_dir),
            "--json",
            "forms",
            "stock",
            "--wards",
            "4",
            "--count",
            "mar=500",
        ]
    )
    rows = {r["template"]: r for r in json.loads(capsys.readouterr().out)}
    assert code == 0 and rows["mar"]["on_hand"] == 500 and not rows["mar"]["low"]
    console = Console.open(ready_data_dir)
    items = dict(forms.pack_for_wards(console, 3, ["mar"]))
    console.close()
    assert items == {"mar": need // 4 * 3}


def test_outstanding_is_counted_per_incident_template_and_department(
    timed: Console, clock: object
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    forms.print_pack(timed, [("mar", 3)], incident=inc, department="Ward 5", out=io.BytesIO())
    clock.advance(90)  # type: ignore[attr-defined]
    forms.print_pack(timed, [("mar", 2)], incident=inc, department="ICU", out=io.BytesIO())
    groups = forms.outstanding_summary(timed, inc)
    assert [(g["department"], g["count"], g["age_hours"]) for g in groups] == [
        ("Ward 5", 3, 1.5),
        ("ICU", 2, 0.0),
    ]

"""A pseudo-translation: every text of the GUI half as long again, to find clipped layouts.

``[Śéţţîñĝš ~~]``: accented (so that an untranslated text stands out), in brackets
(so that a cut-off end shows), stretched by half (Chinese is shorter than English,
but German-like lengths and large text sizes are not). Placeholders ({name}, %v),
mnemonics (&) and key names are kept, so that the program still works.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

REPO = Path(__file__).resolve().parents[2]
ACCENTS = str.maketrans(
    "abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ", "àƀçđéĝĥîķĺñöŕšţûýžÀƁÇĐÉĜĤÎĶĹÑÖŔŠŢÛÝŽ"
)
# Kept as they are: placeholders, printf-like codes, mnemonics, tags and entities.
KEEP = re.compile(r"(\{[a-z_]+\}|%[a-zA-Z0-9]|&&|&(?=\w)|<[^>]+>|&[a-z]+;|\n)")
STRETCH = 0.5
# Texts that are key sequences, not words ("Ctrl+Up", "Delete").
KEY_NAME = re.compile(
    r"((Ctrl|Alt|Shift|Meta)\+)+\S+|Delete|Insert|Backspace|Return|Enter|Esc|Escape|Home|End"
)


def pseudo(text: str) -> str:
    """``text`` accented, bracketed and half as long again (placeholders kept)."""
    if not text.strip():
        return text
    if KEY_NAME.fullmatch(text):
        return text  # a shortcut ("Ctrl+Up", "Delete") given to QKeySequence: keep it working
    parts = KEEP.split(text)
    shown = "".join(p if KEEP.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    length = sum(len(p) for p in parts if not KEEP.fullmatch(p))
    pad = max(0, math.ceil(length * STRETCH) - 2)
    # Padding in short words, so that word-wrapped labels can still wrap it.
    chunks = ["~" * min(5, pad - start) for start in range(0, pad, 5)]
    return "[" + " ".join([shown, *chunks]) + "]"


def tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def build_pseudo_catalogue(folder: Path) -> Path:
    """Extract every text of hisconsole/ui, pseudo-translate it, compile it; the .qm's path."""
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    if lupdate is None or lrelease is None:
        raise FileNotFoundError("pyside6-lupdate and pyside6-lrelease are needed")
    folder.mkdir(parents=True, exist_ok=True)
    ts = folder / "hisconsole_pseudo.ts"
    sources = sorted(str(p) for p in (REPO / "hisconsole" / "ui").rglob("*.py"))
    subprocess.run(
        [lupdate, "-no-obsolete", *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = pseudo(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "hisconsole_pseudo.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def install_pseudo_translation(folder: Path) -> QTranslator:
    """Build the pseudo catalogue in ``folder`` and install it in the application."""
    translator = QTranslator(QCoreApplication.instance())
    if not translator.load(str(build_pseudo_catalogue(folder))):
        raise RuntimeError("the pseudo catalogue did not load")
    QCoreApplication.installTranslator(translator)
    return translator


# --- clipped texts --------------------------------------------------------------------------


def _plain(text: str) -> str:
    """A label's or button's text as drawn: without the mnemonic marks."""
    return re.sub(r"&(.)", r"\1", text)


def clipping(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit it (None when it fits or it has no text)."""
    if isinstance(widget, QLabel):
        text = _plain(widget.text()) if widget.buddy() is not None else widget.text()
        if not text.strip() or not widget.pixmap().isNull():
            return None
        if widget.textFormat() == Qt.TextFormat.RichText or "<" in text:
            return None
        area = widget.contentsRect()
        width = area.width() - 2 * max(widget.margin(), 0) - max(widget.indent(), 0)
        metrics = widget.fontMetrics()
        if widget.wordWrap():
            words = [w for line in text.splitlines() for w in line.split()]
            # CJK text wraps anywhere: only whole Latin words have to fit a line.
            widest = max((metrics.horizontalAdvance(w) for w in words if w.isascii()), default=0)
            if widest > width + 1:
                return f"a word is {widest} px wide, the label {width} px"
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"needs {needed} px of height, has {widget.height()} px"
            return None
        needed = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
        if needed > width + 1:
            return f"needs {needed} px, has {width} px"
        lines = max(1, len(text.splitlines()))
        if metrics.height() * lines > area.height() + 2:
            return f"needs {metrics.height() * lines} px of height, has {area.height()} px"
        return None
    if isinstance(widget, QAbstractButton):
        if not widget.text().strip():
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1:
            return f"needs {hint.width()} px, has {widget.width()} px"
        return None
    return None


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible label and button in ``root`` whose text does not fit, described."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        reason = clipping(widget)
        if reason is not None:
            name = widget.objectName() or type(widget).__name__
            text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
            found.append(f"{name} {text!r}: {reason}")
    return found

"""Render the application icon's bitmaps from its SVG source.

    .venv/bin/python packaging/render-icons.py

resources/icons/hisconsole.svg is the source. This writes
resources/icons/hisconsole.png (256 px: the Linux hicolor icon and the
window icon where SVG is not available) and packaging/windows/hisconsole.ico
(16-256 px, each size rendered from the SVG, for the .exe and the installer).
Run it again after editing the SVG; tests/unit/test_packaging.py checks that
the bitmaps are there and the right size.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "hisconsole.svg"
PNG = ROOT / "resources" / "icons" / "hisconsole.png"
ICO = ROOT / "packaging" / "windows" / "hisconsole.ico"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """PNG bytes of the SVG drawn at ``size`` x ``size`` pixels, transparent background."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render-icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    PNG.write_bytes(render(256))
    images = [Image.open(io.BytesIO(render(size))).convert("RGBA") for size in ICO_SIZES]
    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(
        ICO,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    del app
    print(f"render-icons: wrote {PNG.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

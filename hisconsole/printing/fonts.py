"""The embedded CJK font every PDF uses, so Chinese prints on any printer and viewer."""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: Font name to use with reportlab canvases and paragraph styles.
FONT = "WQYMicroHei"


def font_file() -> Path:
    from hisconsole.resources import resource_path

    return resource_path("fonts", "wqy-microhei.ttc")


@cache
def register_fonts() -> str:
    """Register the bundled WenQuanYi Micro Hei (a TrueType subset is embedded per PDF).

    Returns the font name. reportlab's built-in CID fonts are not embedded and
    CFF-based CJK fonts are rejected, so this TrueType collection is the one used.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT

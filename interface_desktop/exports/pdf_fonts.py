"""The font of every PDF: DejaVu Sans Condensed, shipped with the app and embedded, so every name prints.

The standard PDF fonts (Helvetica) have no Ł, ŵ, ő or ė: "Dr Łucja Wróbel" printed as "Dr ■ucja Wróbel".
The condensed cut is as wide as Helvetica (DejaVu Sans is 13% wider and wrapped 'LO-2026-001' in its
table column), so every line and page breaks where it did. reportlab embeds only the glyphs a document
uses: a PDF grows by some 15 kilobytes per face, not by the whole font.
"""

from __future__ import annotations

from functools import lru_cache

from interface_desktop.paths import resource

REGULAR, BOLD = "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"
ITALIC, BOLD_ITALIC = "DejaVuSansCondensed-Oblique", "DejaVuSansCondensed-BoldOblique"
LANGUAGE = "en-GB"
CREATOR = "Interface Desktop"


@lru_cache(maxsize=1)
def register() -> None:
    """Registers the four faces once, as one family so that <b> and <i> in a paragraph find theirs."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def font(*, bold: bool = False) -> str:
    """The registered name of the regular or bold face, for a canvas or a chart."""
    register()
    return BOLD if bold else REGULAR

"""Draw the application icon with QPainter and write it as PNG (window icon) and ICO (Windows executable).

Usage: QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
Two linked rings (general practice and hospital care) on an NHS-blue rounded square; drawn per size so the
small sizes stay crisp rather than being scaled down from the large one.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ICON_DIR = Path(__file__).resolve().parent.parent / "interface_desktop" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
NHS_BLUE = QColor("#005EB8")
NHS_DARK_BLUE = QColor("#003087")
NHS_LIGHT_BLUE = QColor("#41B6E6")
WHITE = QColor("#FFFFFF")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = max(0.5, size * 0.03)
    tile = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, NHS_BLUE)
    gradient.setColorAt(1.0, NHS_DARK_BLUE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, size * 0.2, size * 0.2)

    # Thicker strokes at small sizes so the rings survive 16 px.
    stroke = size * (0.13 if size <= 24 else 0.1)
    radius = size * 0.22
    centre_y = size * 0.5
    left = QPointF(size * 0.36, centre_y)
    right = QPointF(size * 0.64, centre_y)
    _ring(painter, right, radius, stroke, NHS_LIGHT_BLUE)
    _ring(painter, left, radius, stroke, WHITE)
    # Redraw the lower half of the right ring on top, so the rings interlock instead of overlapping.
    clip = QPainterPath()
    clip.addRect(QRectF(size * 0.5, centre_y, size * 0.5, size * 0.5))
    painter.setClipPath(clip)
    _ring(painter, right, radius, stroke, NHS_LIGHT_BLUE)
    painter.end()
    return image


def _ring(painter: QPainter, centre: QPointF, radius: float, stroke: float, colour: QColor) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawEllipse(centre, radius, radius)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file whose entries are PNG-compressed images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payloads = b"", b""
    for image in images:
        payload = png_bytes(image)
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        payloads += payload
        offset += len(payload)
    return header + entries + payloads


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    (ICON_DIR / "interface-desktop.png").write_bytes(png_bytes(draw(256)))
    (ICON_DIR / "interface-desktop.ico").write_bytes(ico_bytes([draw(size) for size in ICO_SIZES]))
    del app
    print(f"wrote {ICON_DIR / 'interface-desktop.png'} and {ICON_DIR / 'interface-desktop.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""RAG cues: a shaped, coloured icon that always travels with a text label (never colour alone)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

# Traffic-light colours are the meaning here, so they are fixed; each has its own shape and a dark outline,
# which keeps them distinguishable in high-contrast themes and for colour-blind users.
COLOURS = {"red": "#d5281b", "amber": "#ffb81c", "green": "#007f3b", "grey": "#768692"}


@cache
def rag_icon(rag: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#212b32"), 1.2))
    painter.setBrush(QColor(COLOURS.get(rag, COLOURS["grey"])))
    box = QRectF(1.5, 1.5, size - 3, size - 3)
    if rag == "red":  # a diamond: "stop"
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), QPointF(box.right(), box.center().y()),
                                       QPointF(box.center().x(), box.bottom()), QPointF(box.left(), box.center().y())]))
    elif rag == "amber":  # a triangle: "warning"
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), QPointF(box.right(), box.bottom()),
                                       QPointF(box.left(), box.bottom())]))
    elif rag == "green":  # a circle: "fine"
        painter.drawEllipse(box)
    else:  # a bar: "not applicable"
        painter.drawRect(QRectF(box.left(), box.center().y() - 2, box.width(), 4))
    painter.end()
    return QIcon(pixmap)

"""Bar charts drawn with reportlab graphics: a flowable in the PDF, a PNG picture in Word when renderPM is there."""

from __future__ import annotations

from interface_desktop.exports import pdf_fonts
from interface_desktop.exports.blocks import Chart

SERIES_COLOURS = ("#005EB8", "#41B6E6", "#AE2573", "#FFB81C")
WIDTH_PT = 470
BAR_ROOM_PT = 18


def drawing(chart: Chart):  # noqa: ANN201 - a reportlab Drawing
    """Horizontal bars (long category names stay readable), a legend when there is more than one series."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.colors import HexColor

    rows = max(1, len(chart.labels))
    plot_height = rows * BAR_ROOM_PT * max(1, len(chart.series)) * 0.75 + 10
    height = plot_height + 40
    regular, bold = pdf_fonts.font(), pdf_fonts.font(bold=True)
    # The initial font too: a drawing otherwise starts in Times-Roman, which then sits unused in the PDF.
    d = Drawing(WIDTH_PT, height, initialFontName=regular)
    d.add(String(0, height - 14, chart.title, fontName=bold, fontSize=10,
                 fillColor=HexColor("#231F20")))
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = 170, 22, WIDTH_PT - 200, plot_height
    bars.data = [list(values) or [0] for _, values in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.labels) or [""]
    bars.categoryAxis.reverseDirection = True
    bars.categoryAxis.labels.fontName = regular
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.valueAxis.valueMin = 0
    top = max([v for _, values in chart.series for v in values] or [0])
    bars.valueAxis.valueMax = max(top, 4)
    bars.valueAxis.valueStep = max(1, -(-bars.valueAxis.valueMax // 5))
    bars.valueAxis.labels.fontName = regular
    bars.valueAxis.labels.fontSize = 8
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = regular
    bars.barLabels.fontSize = 7
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    for n in range(len(bars.data)):
        bars.bars[n].fillColor = HexColor(SERIES_COLOURS[n % len(SERIES_COLOURS)])
        bars.bars[n].strokeColor = None
    d.add(bars)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = WIDTH_PT - 190, height - 4
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.fontName, legend.fontSize = regular, 8
        legend.colorNamePairs = [(HexColor(SERIES_COLOURS[n]), name) for n, (name, _) in enumerate(chart.series)]
        d.add(legend)
    return d


def png(chart: Chart) -> bytes | None:
    """The chart as a PNG, or None when reportlab's bitmap renderer is not installed."""
    try:
        from reportlab.graphics import renderPM

        return renderPM.drawToString(drawing(chart), fmt="PNG", dpi=150)
    except (ImportError, RuntimeError, AttributeError, OSError):
        return None


def as_rows(chart: Chart) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The chart's numbers as a table, for Word when no picture can be drawn."""
    headers = ("", *(name for name, _ in chart.series))
    rows = [(label, *(str(values[n]) for _, values in chart.series)) for n, label in enumerate(chart.labels)]
    return headers, rows


def alt_text(chart: Chart) -> str:
    """The chart's figures in words, for a screen reader or a reader without the picture:
    'Bar chart of issues by category. Referrals: 2 raised, 1 resolved. Fit notes: 0 raised, 1 resolved.'"""
    lines = [f"Bar chart of {chart.title[:1].lower() + chart.title[1:]}."]
    for n, label in enumerate(chart.labels):
        spoken = label.replace(" → ", " to ")  # screen readers say "right arrow"
        figures = [f"{values[n]} {name.lower()}" for name, values in chart.series]
        lines.append(f"{spoken}: {chart.series[0][1][n] if len(chart.series) == 1 else ', '.join(figures)}.")
    if not chart.labels:
        lines.append("No figures.")
    return " ".join(lines)


def describe_picture(shape, chart: Chart) -> None:  # noqa: ANN001 - a python-docx InlineShape
    """Word's alternative text of the chart's picture: the title, and the figures in words as its description."""
    properties = shape._inline.docPr
    properties.set("title", chart.title)
    properties.set("descr", alt_text(chart))

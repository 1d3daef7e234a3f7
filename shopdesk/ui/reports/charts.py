"""The reports' charts (QtCharts): bars per person or place, a line over the
months, a pie of shares. Titles and series names come in already translated;
each chart stands beside the table that holds its figures."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QPieSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from shopdesk.rules.reports import shares_tenths, tenths_text

# Colours that stay apart on screen and on a grey print.
PALETTE = ("#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf")
CHART_HEIGHT = 260


def chart_view(name: str) -> QChartView:
    view = QChartView(objectName=name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    view.setMinimumWidth(320)
    return view


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _value_axis(top: float, fixed_top: float | None = None, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    if fixed_top is not None:
        axis.setRange(0, fixed_top)
        axis.setTickCount(int(fixed_top) + 1)
        axis.setLabelFormat("%d")
    else:
        axis.setRange(0, max(top, 4))
        axis.applyNiceNumbers()
        axis.setLabelFormat("%d")
    if title:
        axis.setTitleText(title)
    return axis


def show_empty(view: QChartView, title: str, empty_text: str) -> None:
    """Nothing to draw: the chart steps aside (its table says there is nothing) rather than show bare axes."""
    chart = _chart(title)
    chart.setToolTip(empty_text)
    _replace(view, chart)
    view.hide()


def show_bars(view: QChartView, title: str, categories: Sequence[str],
              series: Sequence[tuple[str, Sequence[float]]], empty_text: str,
              fixed_top: float | None = None, axis_title: str = "") -> QChart | None:
    """Grouped bars: one group per category, one bar per named series.

    ``fixed_top``: the value axis always runs from 0 to it (scores 1–5)."""
    if not categories:
        show_empty(view, title, empty_text)
        return None
    chart = _chart(title)
    bars = QBarSeries()
    top = 0.0
    for i, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        for value in values:
            bar_set.append(float(value))
            top = max(top, float(value))
        bars.append(bar_set)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories) or [""])
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x_axis)
    y_axis = _value_axis(top * 1.1, fixed_top, axis_title)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y_axis)
    _replace(view, chart)
    return chart


def show_lines(view: QChartView, title: str, categories: Sequence[str],
               series: Sequence[tuple[str, Sequence[float]]]) -> QChart:
    """Lines over ordered categories (the months), one per named series."""
    chart = _chart(title)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories) or [""])
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    top = max((float(v) for _, values in series for v in values), default=0.0)
    y_axis = _value_axis(top * 1.1)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for i, (name, values) in enumerate(series):
        line = QLineSeries()
        line.setName(name)
        pen = line.pen()
        pen.setWidth(3)
        pen.setColor(QColor(PALETTE[i % len(PALETTE)]))
        line.setPen(pen)
        line.setPointsVisible(True)
        for x, value in enumerate(values):
            line.append(float(x), float(value))
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    _replace(view, chart)
    return chart


def show_pie(view: QChartView, title: str, slices: Sequence[tuple[str, int]], empty_text: str) -> QChart | None:
    """Shares of a whole; the legend names each slice with its share. Zero slices are left out."""
    chart = _chart(title)
    pie = QPieSeries()
    amounts = [max(0, int(v)) for _, v in slices]
    for i, ((label, _), value, share) in enumerate(zip(slices, amounts, shares_tenths(amounts))):
        if value <= 0:
            continue
        piece = pie.append(f"{label} {tenths_text(share)}", float(value))
        piece.setColor(QColor(PALETTE[i % len(PALETTE)]))
    if not pie.count():
        pie.deleteLater()
        show_empty(view, title, empty_text)
        return None
    chart.addSeries(pie)  # the legend names each slice with its share
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    _replace(view, chart)
    return chart


def _replace(view: QChartView, chart: QChart) -> None:
    old = view.chart()
    view.setChart(chart)
    view.show()
    if old is not None and old is not chart:
        old.deleteLater()

"""A titled table with its chart beside it, and the scrolling tab that holds them."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from shopdesk.ui.reports import charts
from shopdesk.ui.reports.document import Section, fill_table, section_table

CHART_PRINT_SIZE = (560, 300)  # logical pixels, as wide as the printed tables


class Block(QGroupBox):
    """One section: its table on the left, its chart (if any) on the right."""

    def __init__(self, key: str, with_chart: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"reports_{key}")
        self.table = section_table(Section(key, "", []))
        self.note = QLabel(objectName=f"reports_{key}Note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.note.hide()
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addWidget(self.note)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        self.chart: QChartView | None = None
        if with_chart:
            self.chart = charts.chart_view(f"reports_{key}Chart")
            layout.addWidget(self.chart, 1)

    def show_section(self, section: Section) -> None:
        self.setTitle(section.title)
        fill_table(self.table, section)
        self.note.setText(section.note)
        self.note.setVisible(bool(section.note))

    def chart_image(self) -> QImage | None:
        """The chart drawn for print at a fixed size (twice the pixels, for a sharp page),
        whether or not it is on screen."""
        if self.chart is None or self.chart.chart() is None or self.chart.isHidden():
            return None
        width, height = CHART_PRINT_SIZE
        image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        image.fill(Qt.GlobalColor.white)
        chart = self.chart.chart()
        old = chart.size()
        chart.resize(width, height)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.scene().render(painter, QRectF(0, 0, width, height), chart.sceneBoundingRect())
        painter.end()
        chart.resize(old)
        return image


class BlocksTab(QScrollArea):
    """A tab of blocks, top to bottom, under a summary line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.summary = QLabel(objectName=f"{type(self).__name__[0].lower()}{type(self).__name__[1:]}Summary")
        self.summary.setWordWrap(True)
        self.body = QVBoxLayout(body)
        self.body.addWidget(self.summary)
        self.blocks: dict[str, Block] = {}

    def add_block(self, key: str, with_chart: bool = False, layout=None) -> Block:
        block = Block(key, with_chart)
        self.blocks[key] = block
        (layout or self.body).addWidget(block)
        return block

    def chart_images(self) -> dict[str, QImage]:
        images = {}
        for key, block in self.blocks.items():
            if not block.isHidden():
                image = block.chart_image()
                if image is not None:
                    images[key] = image
        return images

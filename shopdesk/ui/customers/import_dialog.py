"""Importing the shop's existing Excel/CSV list: preview, column mapping,
a dry run that says what is wrong with each row, then the import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.services import customer_lists
from shopdesk.services.customer_lists import FIELD_LABELS, IMPORT_FIELDS, ImportReport, Table
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import text_of, translated

BAD_ROW = QColor("#fde2e1")


class ImportDialog(QDialog):
    imported = Signal(int)  # how many customers were created

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table: Table | None = None
        self.report: ImportReport | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import customers from Excel or CSV"))

        self.path = QLineEdit(objectName="importPath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose the shop's customer list (.xlsx or .csv)"))
        choose = QPushButton(self.tr("Choose file…"), objectName="chooseImportFile")
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)

        self.preview = QTableWidget(objectName="importPreview")
        self._readonly(self.preview)
        self.preview.setMaximumHeight(180)

        mapping_box = QGroupBox(self.tr("Which column holds what"))
        grid = QGridLayout(mapping_box)
        self.mapping: dict[str, QComboBox] = {}
        for i, key in enumerate(IMPORT_FIELDS):
            box = QComboBox(objectName=f"map_{key}")
            box.currentIndexChanged.connect(self._mapping_changed)
            self.mapping[key] = box
            label = QCoreApplication.translate("CustomerFields", FIELD_LABELS[key]) + (" *" if key == "name" else "")
            grid.addWidget(QLabel(label), i // 3, (i % 3) * 2)
            grid.addWidget(box, i // 3, (i % 3) * 2 + 1)

        self.check_button = QPushButton(self.tr("Check rows (dry run)"), objectName="dryRunImport")
        self.check_button.clicked.connect(self.dry_run)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.results = QTableWidget(0, 4, objectName="importReport")
        self.results.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Phone"), self.tr("Result")])
        self._readonly(self.results)
        self.import_button = QPushButton(self.tr("Import"), objectName="runImport")
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"), objectName="closeImport")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(QLabel(self.tr("The first rows of the file:")))
        layout.addWidget(self.preview)
        layout.addWidget(mapping_box)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.resize(900, 640)

    @staticmethod
    def _readonly(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    def _set_ready(self, has_report: bool) -> None:
        self.check_button.setEnabled(self.table is not None)
        valid = len(self.report.valid) if (has_report and self.report) else 0
        self.import_button.setEnabled(valid > 0)
        self.import_button.setText(self.tr("Import {0} customers").format(valid) if valid else self.tr("Import"))

    # -- the file -----------------------------------------------------------------------

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Customer list"), "",
                                              self.tr("Excel or CSV (*.xlsx *.csv);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        self.report = None
        self.results.setRowCount(0)
        try:
            self.table = customer_lists.read_table(path)
        except ShopDeskError as exc:
            self.table = None
            self.summary.setText(translated(exc))
            self._set_ready(False)
            return False
        self.path.setText(str(path))
        self._show_preview()
        guessed = customer_lists.guess_mapping(self.table.headers)
        for key, box in self.mapping.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(not in the file)"), None)
            for index, header in enumerate(self.table.headers):
                box.addItem(header or self.tr("Column {0}").format(index + 1), index)
            box.setCurrentIndex(max(0, box.findData(guessed.get(key))))
            box.blockSignals(False)
        self.summary.setText(self.tr("{0} rows. Check the columns, then run the dry run.").format(len(self.table.rows)))
        self._set_ready(False)
        return True

    def _show_preview(self) -> None:
        headers = self.table.headers
        rows = self.table.preview()
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:len(headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))

    def current_mapping(self) -> dict[str, int | None]:
        return {key: box.currentData() for key, box in self.mapping.items()}

    def _mapping_changed(self) -> None:
        self.report = None
        self.results.setRowCount(0)
        self._set_ready(False)

    # -- dry run and import -----------------------------------------------------------------

    def dry_run(self) -> None:
        if self.table is None:
            return
        try:
            self.report = customer_lists.dry_run(self.ctx.actor, self.table, self.current_mapping())
        except ShopDeskError as exc:
            self.summary.setText(translated(exc))
            return
        self._show_report(self.report)
        self.summary.setText(self.tr("{0} rows can be imported; {1} have problems and will be left out.").format(
            len(self.report.valid), len(self.report.invalid)))
        self._set_ready(True)

    def _show_report(self, report: ImportReport) -> None:
        rows = sorted(report.rows, key=lambda r: (r.ok, r.line))  # the rows to look at first
        self.results.setRowCount(len(rows))
        for r, row in enumerate(rows):
            result = "; ".join(text_of(p) for p in row.problems) if row.problems else self.tr("OK")
            if row.created_number:
                result = self.tr("Imported as {0}").format(row.created_number)
            cells = [str(row.line), str(row.values.get("name", "")), str(row.values.get("phone", "")
                                                                         or row.values.get("phone2", "")), result]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not row.ok:
                    item.setBackground(QBrush(BAD_ROW))
                self.results.setItem(r, c, item)

    def run_import(self) -> None:
        if self.table is None or self.report is None:
            return
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        table, mapping = self.table, self.current_mapping()
        self.ctx.tasks.run(lambda: customer_lists.import_rows(self.ctx.actor, table, mapping),
                           self._imported, self._failed, key="customer-import")

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self._show_report(report)
        self.summary.setText(self.tr("Imported {0} customers; {1} rows left out.").format(
            report.created, len(report.invalid)))
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(True)
        self.ctx.dataChanged.emit("customers")
        self.imported.emit(report.created)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.summary.setText(translated(error))
        self._set_ready(self.report is not None)

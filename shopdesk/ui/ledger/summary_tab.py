"""The period's figures: charged, collected (by method; counter and technicians),
handed in, refunds, allowances, cash each technician still holds, unpaid orders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.rules import ledger as rules
from shopdesk.services import ledger as ledger_service
from shopdesk.services.ledger import Summary
from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.common import PeriodPicker, error_text, method_label, money, set_status, shop_today

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# (key, label) of the period's totals, in the order shown
TOTALS = (
    ("charged", QT_TRANSLATE_NOOP("SummaryTab", "Charged")),
    ("collected", QT_TRANSLATE_NOOP("SummaryTab", "Collected")),
    ("handed_in", QT_TRANSLATE_NOOP("SummaryTab", "Handed in")),
    ("refunded", QT_TRANSLATE_NOOP("SummaryTab", "Refunds")),
    ("allowances", QT_TRANSLATE_NOOP("SummaryTab", "Allowances")),
    ("adjustments", QT_TRANSLATE_NOOP("SummaryTab", "Adjustments")),
)
MORE = (
    ("unpaid", QT_TRANSLATE_NOOP("SummaryTab", "Unpaid orders")),
    ("cash_held", QT_TRANSLATE_NOOP("SummaryTab", "Cash technicians still hold")),
)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c > 0:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
    table.setFixedHeight(max(height, 60))


class SummaryTab(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.summary: Summary | None = None

        self.period = PeriodPicker("ledgerSummary", shop_today(ctx))
        self.show_button = QPushButton(self.tr("Refresh"), objectName="ledgerSummaryShow")
        self.status = QLabel(objectName="ledgerSummaryStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.show_button)
        bar.addStretch(1)

        totals_box = QGroupBox(self.tr("The period's totals"))
        form = QFormLayout(totals_box)
        self.values: dict[str, QLabel] = {}
        for key, source in TOTALS + MORE:
            form.addRow(QCoreApplication.translate("SummaryTab", source), self._value(f"ledgerSummary_{key}", key))
        note = QLabel(self.tr("Net of reversals. Unpaid orders: orders charged in the period that still owe money "
                              "at its end. Cash still held: at the end of the period."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form.addRow(note)

        methods_box = QGroupBox(self.tr("Payments collected"))
        methods = QFormLayout(methods_box)
        for method in rules.PAYMENT_METHODS:
            methods.addRow(method_label(method), self._value(f"ledgerSummaryMethod_{method}", f"method_{method}"))
        methods.addRow(self.tr("At the counter"), self._value("ledgerSummary_counter", "counter"))
        methods.addRow(self.tr("By technicians"), self._value("ledgerSummary_by_technicians", "by_technicians"))

        self.technicians = _table("ledgerSummaryTechnicians", [
            self.tr("Technician"), self.tr("Collected"), self.tr("Of which cash"), self.tr("Handed in"),
            self.tr("Allowances"), self.tr("Cash still held")])
        self.no_technicians = QLabel(self.tr("No technician collected, handed in or held cash in this period."),
                                     objectName="ledgerSummaryNoTechnicians")
        self.no_technicians.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(body)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        top = QHBoxLayout()
        top.addWidget(totals_box, 3)
        top.addWidget(methods_box, 2)
        layout.addLayout(top)
        tech_box = QGroupBox(self.tr("Per technician"))
        tech_layout = QVBoxLayout(tech_box)
        tech_layout.addWidget(self.technicians)
        tech_layout.addWidget(self.no_technicians)
        layout.addWidget(tech_box)
        layout.addStretch(1)

        self.period.changed.connect(self.reload)
        self.show_button.clicked.connect(self.reload)

    def _value(self, name: str, key: str) -> QLabel:
        value = QLabel("—", objectName=name)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = value
        return value

    def reload(self) -> None:
        actor = self.ctx.actor
        date_from, date_to = self.period.period()
        self.show_button.setEnabled(False)
        set_status(self.status, self.tr("Adding up {0} to {1}…").format(date_from.isoformat(), date_to.isoformat()))

        def add_up():
            return ledger_service.summary(actor, date_from, date_to), bool(ledger_service.closed_months(actor))

        self.ctx.tasks.run(add_up, lambda result: self._show(*result), self._failed, key="ledger.summary")

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        set_status(self.status, error_text(error), "bad")

    def _show(self, summary: Summary, any_month_closed: bool = True) -> None:
        self.summary = summary
        self.show_button.setEnabled(True)
        set_status(self.status, "" if any_month_closed else self.tr(
            "Tip: close past months (Month close tab). The cash figures then start from the last close "
            "instead of adding up the whole history, which keeps this page fast."))
        for key, _ in TOTALS:
            self.values[key].setText(money(getattr(summary, key)))
        self.values["unpaid"].setText(self.tr("orders: {0}; still owed: {1}").format(
            summary.unpaid_orders, money(summary.unpaid_amount)))
        self.values["cash_held"].setText(money(summary.cash_held))
        for method in rules.PAYMENT_METHODS:
            self.values[f"method_{method}"].setText(money(summary.by_method.get(method, 0)))
        self.values["counter"].setText(money(summary.counter_collected))
        self.values["by_technicians"].setText(money(summary.collected - summary.counter_collected))
        techs = [(t.name, money(t.collected), money(t.collected_cash), money(t.handed_in), money(t.allowances),
                  money(t.cash_held)) for t in summary.by_technician]
        _fill(self.technicians, techs)
        self.technicians.setVisible(bool(techs))
        self.no_technicians.setVisible(not techs)

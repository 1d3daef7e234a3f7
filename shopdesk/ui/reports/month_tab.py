"""The month (any period): money by kind, what coverage paid for, money
collected, the last twelve months, frequent faults and models, dispatch
times, new and lost customers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QWidget

from shopdesk.rules.ledger import PAYMENT_METHODS
from shopdesk.services import settings as settings_service
from shopdesk.services.reports import MonthReport, TrendPoint
from shopdesk.ui.orders import labels as order_labels
from shopdesk.ui.reports import charts
from shopdesk.ui.reports.blocks import BlocksTab
from shopdesk.ui.reports.document import Document, Section, count, money, share, text, tr

LINE_KINDS = {
    "labour": QT_TRANSLATE_NOOP("LineKinds", "Labour"),
    "part": QT_TRANSLATE_NOOP("LineKinds", "Part"),
    "travel": QT_TRANSLATE_NOOP("LineKinds", "Travel"),
    "other": QT_TRANSLATE_NOOP("LineKinds", "Other"),
    "discount": QT_TRANSLATE_NOOP("LineKinds", "Discount"),
}


def line_kind(kind: str) -> str:
    return QCoreApplication.translate("LineKinds", LINE_KINDS.get(kind, kind))


class MonthTab(BlocksTab):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: MonthReport | None = None
        self.trend: list[TrendPoint] | None = None
        self.title = ""
        self.add_block("kinds", with_chart=True)
        self.add_block("coverage", with_chart=True)
        self.add_block("ledger")
        self.add_block("trend", with_chart=True)
        pair = QHBoxLayout()
        self.body.addLayout(pair)
        self.add_block("faults", layout=pair)
        self.add_block("models", layout=pair)
        pair = QHBoxLayout()
        self.body.addLayout(pair)
        self.add_block("dispatch", layout=pair)
        self.add_block("customers", layout=pair)
        self.body.addStretch(1)

    def show_report(self, report: MonthReport, title: str) -> None:
        self.report, self.title = report, title
        self.summary.setText(tr("Orders reported: {0} · closed: {1} · charged on closed orders: {2}").format(
            report.orders_reported, report.orders_closed, money(report.charged - report.discount).text))
        self.blocks["ledger"].setVisible(report.ledger is not None)
        for section in self.sections():
            if section.key != "trend":
                self.blocks[section.key].show_section(section)
        kinds = report.by_kind if report.value else []
        charts.show_bars(self.blocks["kinds"].chart, tr("Charged and covered by kind"),
                         [line_kind(k.kind) for k in kinds],
                         [(tr("Charged"), [k.charged // 100 for k in kinds]), (tr("Covered"), [k.covered // 100 for k in kinds])],
                         tr("No orders were closed in this period"), axis_title=tr("Yuan"))
        slices = [(order_labels.label(order_labels.COVERAGES, c.coverage), c.covered) for c in report.coverage]
        slices.append((tr("Charged to customers"), report.charged))
        charts.show_pie(self.blocks["coverage"].chart, tr("Who paid for the work"), slices, tr("No closed orders"))

    def show_trend(self, points: list[TrendPoint]) -> None:
        self.trend = points
        section = self._trend_section()
        self.blocks["trend"].show_section(section)
        title = tr("Orders per month, {0} to {1}").format(points[0].month, points[-1].month) if points else ""
        charts.show_lines(self.blocks["trend"].chart, title, [p.month[5:] for p in points],
                          [(tr("Reported"), [p.reported for p in points]), (tr("Resolved"), [p.resolved for p in points])])

    def sections(self) -> list[Section]:
        report = self.report
        if report is None:
            return []
        found = [self._kinds(report), self._coverage(report)]
        if report.ledger is not None:
            found.append(self._ledger(report))
        if self.trend is not None:
            found.append(self._trend_section())
        found += [self._top("faults", tr("Most frequent faults"), tr("Fault"), report.faults),
                  self._top("models", tr("Most frequent device models"), tr("Model"), report.models),
                  self._dispatch(report), self._customers(report)]
        return found

    def document(self) -> Document | None:
        if self.report is None:
            return None
        return Document(tr("Month"), self.title, self.sections())

    # -- the sections ---------------------------------------------------------------------

    def _kinds(self, report: MonthReport) -> Section:
        rows = [[text(line_kind(k.kind)), money(k.value), money(k.covered), money(k.charged)] for k in report.by_kind]
        rows.append([text(tr("All")), money(report.value), money(report.covered), money(report.charged)])
        rows.append([text(line_kind("discount")), text(""), text(""), money(-report.discount)])
        rows.append([text(tr("Charged after discounts")), text(""), text(""), money(report.charged - report.discount)])
        return Section("kinds", tr("Charged by kind (orders closed in the period)"),
                       [tr("Kind"), tr("Value"), tr("Covered"), tr("Charged")], rows,
                       tr("Before tax. Covered lines are what warranty, contracts, rentals and repair warranty paid for."))

    def _coverage(self, report: MonthReport) -> Section:
        rows = [[text(order_labels.label(order_labels.COVERAGES, c.coverage)), count(c.orders), money(c.value),
                 money(c.covered), money(c.charged)] for c in report.coverage]
        rows.append([text(tr("All")), count(report.orders_closed), money(report.value), money(report.covered),
                     money(report.charged)])
        return Section("coverage", tr("Covered versus charged, by coverage"),
                       [tr("Coverage"), tr("Orders closed"), tr("Value"), tr("Covered"), tr("Charged")], rows)

    def _ledger(self, report: MonthReport) -> Section:
        ledger = report.ledger
        rows = [[text(tr("Charged (ledger)")), money(ledger.charged)],
                [text(tr("Collected (payments less refunds)")), money(ledger.collected)],
                [text(tr("Refunds")), money(ledger.refunded)]]
        for method in PAYMENT_METHODS:
            rows.append([text(tr("Payments: {0}").format(order_labels.label(order_labels.METHODS, method))),
                         money(ledger.by_method.get(method, 0))])
        return Section("ledger", tr("Money in the ledger (dated in the period)"), [tr("Figure"), tr("Amount")], rows)

    def _trend_section(self) -> Section:
        money_shown = any(p.collected is not None for p in self.trend)
        headers = [tr("Month"), tr("Reported"), tr("Resolved")] + ([tr("Collected")] if money_shown else [])
        rows = [[text(p.month), count(p.reported), count(p.resolved)] + ([money(p.collected)] if money_shown else [])
                for p in self.trend]
        return Section("trend", tr("The last twelve months"), headers, rows)

    def _top(self, key: str, title: str, what: str, found) -> Section:
        rows = [[text(row.label), count(row.count)] for row in found]
        return Section(key, title, [what, tr("Orders")], rows,
                       "" if rows else tr("No orders were reported in this period."))

    def _dispatch(self, report: MonthReport) -> Section:
        settings = settings_service.current()
        rows = [[text(tr("Dispatched within {0} minutes").format(settings.dispatch_limit_minutes)),
                 count(report.dispatch_in_time), count(report.dispatch_due), share(report.dispatch_tenths)],
                [text(tr("Assigned within {0} minutes").format(settings.assign_limit_minutes)),
                 count(report.assign_in_time), count(report.assign_due), share(report.assign_tenths)]]
        return Section("dispatch", tr("Dispatch and assignment (on-site orders)"),
                       [tr("Limit"), tr("In time"), tr("Of"), tr("Share")], rows,
                       tr("Orders still waiting past the limit count as late."))

    def _customers(self, report: MonthReport) -> Section:
        months = settings_service.current().churn_months
        rows = [[text(tr("New customers")), count(report.new_customers)],
                [text(tr("Lost: no order for {0} months").format(months)), count(report.lost_customers)]]
        return Section("customers", tr("Customers"), [tr("Figure"), tr("Customers")], rows)

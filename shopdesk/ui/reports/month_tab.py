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
from shopdesk.ui.reports.document import Document, Section, count, money, share, text
from shopdesk.ui.reports.words import translate

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
        self.summary.setText(translate("Reports", "Orders reported: {0} · closed: {1} · charged on closed orders: {2}").format(
            report.orders_reported, report.orders_closed, money(report.charged - report.discount).text))
        self.blocks["ledger"].setVisible(report.ledger is not None)
        for section in self.sections():
            if section.key != "trend":
                self.blocks[section.key].show_section(section)
        kinds = report.by_kind if report.value else []
        charts.show_bars(self.blocks["kinds"].chart, translate("Reports", "Charged and covered by kind"),
                         [line_kind(k.kind) for k in kinds],
                         [(translate("Reports", "Charged"), [k.charged // 100 for k in kinds]), (translate("Reports", "Covered"), [k.covered // 100 for k in kinds])],
                         translate("Reports", "No orders were closed in this period"), axis_title=translate("Reports", "Yuan"))
        slices = [(order_labels.label(order_labels.COVERAGES, c.coverage), c.covered) for c in report.coverage]
        slices.append((translate("Reports", "Charged to customers"), report.charged))
        charts.show_pie(self.blocks["coverage"].chart, translate("Reports", "Who paid for the work"), slices, translate("Reports", "No closed orders"))

    def show_trend(self, points: list[TrendPoint]) -> None:
        self.trend = points
        section = self._trend_section()
        self.blocks["trend"].show_section(section)
        title = translate("Reports", "Orders per month, {0} to {1}").format(points[0].month, points[-1].month) if points else ""
        charts.show_lines(self.blocks["trend"].chart, title, [p.month[5:] for p in points],
                          [(translate("Reports", "Reported"), [p.reported for p in points]), (translate("Reports", "Resolved"), [p.resolved for p in points])])

    def sections(self) -> list[Section]:
        report = self.report
        if report is None:
            return []
        found = [self._kinds(report), self._coverage(report)]
        if report.ledger is not None:
            found.append(self._ledger(report))
        if self.trend is not None:
            found.append(self._trend_section())
        found += [self._top("faults", translate("Reports", "Most frequent faults"), translate("Reports", "Fault"), report.faults),
                  self._top("models", translate("Reports", "Most frequent device models"), translate("Reports", "Model"), report.models),
                  self._dispatch(report), self._customers(report)]
        return found

    def document(self) -> Document | None:
        if self.report is None:
            return None
        return Document(translate("Reports", "Month"), self.title, self.sections())

    # -- the sections ---------------------------------------------------------------------

    def _kinds(self, report: MonthReport) -> Section:
        rows = [[text(line_kind(k.kind)), money(k.value), money(k.covered), money(k.charged)] for k in report.by_kind]
        rows.append([text(translate("Reports", "All")), money(report.value), money(report.covered), money(report.charged)])
        rows.append([text(line_kind("discount")), text(""), text(""), money(-report.discount)])
        rows.append([text(translate("Reports", "Charged after discounts")), text(""), text(""), money(report.charged - report.discount)])
        return Section("kinds", translate("Reports", "Charged by kind (orders closed in the period)"),
                       [translate("Reports", "Kind"), translate("Reports", "Value"), translate("Reports", "Covered"), translate("Reports", "Charged")], rows,
                       translate("Reports", "Before tax. Covered lines are what warranty, contracts, rentals and repair warranty paid for."))

    def _coverage(self, report: MonthReport) -> Section:
        rows = [[text(order_labels.label(order_labels.COVERAGES, c.coverage)), count(c.orders), money(c.value),
                 money(c.covered), money(c.charged)] for c in report.coverage]
        rows.append([text(translate("Reports", "All")), count(report.orders_closed), money(report.value), money(report.covered),
                     money(report.charged)])
        return Section("coverage", translate("Reports", "Covered versus charged, by coverage"),
                       [translate("Reports", "Coverage"), translate("Reports", "Orders closed"), translate("Reports", "Value"), translate("Reports", "Covered"), translate("Reports", "Charged")], rows)

    def _ledger(self, report: MonthReport) -> Section:
        ledger = report.ledger
        rows = [[text(translate("Reports", "Charged (ledger)")), money(ledger.charged)],
                [text(translate("Reports", "Collected (payments less refunds)")), money(ledger.collected)],
                [text(translate("Reports", "Refunds")), money(ledger.refunded)]]
        for method in PAYMENT_METHODS:
            rows.append([text(translate("Reports", "Payments: {0}").format(order_labels.label(order_labels.METHODS, method))),
                         money(ledger.by_method.get(method, 0))])
        return Section("ledger", translate("Reports", "Money in the ledger (dated in the period)"), [translate("Reports", "Figure"), translate("Reports", "Amount")], rows)

    def _trend_section(self) -> Section:
        money_shown = any(p.collected is not None for p in self.trend)
        headers = [translate("Reports", "Month"), translate("Reports", "Reported"), translate("Reports", "Resolved")] + ([translate("Reports", "Collected")] if money_shown else [])
        rows = [[text(p.month), count(p.reported), count(p.resolved)] + ([money(p.collected)] if money_shown else [])
                for p in self.trend]
        return Section("trend", translate("Reports", "The last twelve months"), headers, rows)

    def _top(self, key: str, title: str, what: str, found) -> Section:
        rows = [[text(row.label), count(row.count)] for row in found]
        return Section(key, title, [what, translate("Reports", "Orders")], rows,
                       "" if rows else translate("Reports", "No orders were reported in this period."))

    def _dispatch(self, report: MonthReport) -> Section:
        settings = settings_service.current()
        rows = [[text(translate("Reports", "Dispatched within {0} minutes").format(settings.dispatch_limit_minutes)),
                 count(report.dispatch_in_time), count(report.dispatch_due), share(report.dispatch_tenths)],
                [text(translate("Reports", "Assigned within {0} minutes").format(settings.assign_limit_minutes)),
                 count(report.assign_in_time), count(report.assign_due), share(report.assign_tenths)]]
        return Section("dispatch", translate("Reports", "Dispatch and assignment (on-site orders)"),
                       [translate("Reports", "Limit"), translate("Reports", "In time"), translate("Reports", "Of"), translate("Reports", "Share")], rows,
                       translate("Reports", "Orders still waiting past the limit count as late."))

    def _customers(self, report: MonthReport) -> Section:
        months = settings_service.current().churn_months
        rows = [[text(translate("Reports", "New customers")), count(report.new_customers)],
                [text(translate("Reports", "Lost: no order for {0} months").format(months)), count(report.lost_customers)]]
        return Section("customers", translate("Reports", "Customers"), [translate("Reports", "Figure"), translate("Reports", "Customers")], rows)

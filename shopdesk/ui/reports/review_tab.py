"""The Monday review (any period): per technician and per region, the work
done and what customers said on the follow-up calls."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shopdesk.rules import followups as followup_rules
from shopdesk.services.reports import ReviewReport, ReviewRow
from shopdesk.ui.followups.common import label as followup_label
from shopdesk.ui.reports import charts
from shopdesk.ui.reports.blocks import BlocksTab
from shopdesk.ui.reports.document import Cell, Document, Section, average, count, duration, share, text
from shopdesk.ui.reports.words import translate


class ReviewTab(BlocksTab):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: ReviewReport | None = None
        self.title = ""
        for key, with_chart in (("techWork", True), ("techCalls", True), ("regionWork", True),
                                ("regionCalls", False)):
            self.add_block(key, with_chart)
        self.body.addStretch(1)

    def show_report(self, report: ReviewReport, title: str) -> None:
        self.report, self.title = report, title
        total = report.total
        if total.is_empty:
            self.summary.setText(translate("Reports", "Nothing was resolved or marked unresolved in this period, and no follow-up "
                                    "call reached a customer. Pick another period above."))
        else:
            self.summary.setText(translate("Reports", "Resolved: {0} · unresolved: {1} · repeat repairs: {2} · median time to "
                                    "resolve: {3}").format(total.resolved, total.unresolved, total.repeats,
                                                           duration(total.median_seconds).text))
        for section in self.sections():
            self.blocks[section.key].show_section(section)
        self._charts(report)

    def sections(self) -> list[Section]:
        report = self.report
        if report is None:
            return []
        nobody, no_region = translate("Reports", "(nobody)"), translate("Reports", "(no region)")
        techs = [(r.name or nobody, r) for r in report.technicians]
        regions = [(r.name or no_region, r) for r in report.regions]
        return [
            _work(report, "techWork", translate("Reports", "Work per technician"), translate("Reports", "Technician"), techs),
            _calls(report, "techCalls", translate("Reports", "Customers' answers per technician"), translate("Reports", "Technician"), techs),
            _work(report, "regionWork", translate("Reports", "Work per region"), translate("Reports", "Region"), regions),
            _calls(report, "regionCalls", translate("Reports", "Customers' answers per region"), translate("Reports", "Region"), regions),
        ]

    def _charts(self, report: ReviewReport) -> None:
        nobody, no_region = translate("Reports", "(nobody)"), translate("Reports", "(no region)")
        work = ((translate("Reports", "Resolved"), lambda r: r.resolved), (translate("Reports", "Unresolved"), lambda r: r.unresolved),
                (translate("Reports", "Repeat repairs"), lambda r: r.repeats))
        for key, rows, missing in (("techWork", report.technicians, nobody), ("regionWork", report.regions, no_region)):
            shown = [r for r in rows if r.resolved or r.unresolved or r.repeats]
            charts.show_bars(self.blocks[key].chart, self.blocks[key].title(), [r.name or missing for r in shown],
                             [(name, [value(r) for r in shown]) for name, value in work],
                             translate("Reports", "Nothing resolved or unresolved in this period"))
        scored = [r for r in report.technicians if r.satisfaction_hundredths is not None]
        charts.show_bars(self.blocks["techCalls"].chart, translate("Reports", "Average score (1–5)"), [r.name or nobody for r in scored],
                         [(translate("Reports", "All scores"), [r.satisfaction_hundredths / 100 for r in scored])],
                         translate("Reports", "No follow-up call reached a customer in this period"), fixed_top=5)

    def document(self) -> Document | None:
        if self.report is None:
            return None
        return Document(translate("Reports", "Week review"), self.title, self.sections())


def _work(report: ReviewReport, key: str, title: str, who: str, rows: list[tuple[str, ReviewRow]]) -> Section:
    headers = [who, translate("Reports", "Resolved"), translate("Reports", "Unresolved"), translate("Reports", "Repeat repairs"), translate("Reports", "Median time to resolve")]
    body = [[text(name), count(r.resolved), count(r.unresolved), count(r.repeats), duration(r.median_seconds)]
            for name, r in rows if r.resolved or r.unresolved or r.repeats]
    t = report.total
    body.append([text(translate("Reports", "All")), count(t.resolved), count(t.unresolved), count(t.repeats), duration(t.median_seconds)])
    return Section(key, title, headers, body, translate("Reports", "Repeat repairs are counted against the technician of the earlier "
                                                 "repair; unresolved against whoever recorded it."))


def _calls(report: ReviewReport, key: str, title: str, who: str, rows: list[tuple[str, ReviewRow]]) -> Section:
    scores = [followup_label(followup_rules.SCORE_LABELS, s) for s in followup_rules.SCORES]
    headers = [who, translate("Reports", "Arrival calls"), translate("Reports", "On time"), *scores, translate("Reports", "All scores")]

    def line(name: str, r: ReviewRow) -> list[Cell]:
        return [text(name), count(r.arrival_calls), share(r.on_time_tenths),
                *(average(r.score_hundredths(s)) for s in followup_rules.SCORES), average(r.satisfaction_hundredths)]

    body = [line(name, r) for name, r in rows if r.arrival_calls or any(r.score_counts)]
    body.append(line(translate("Reports", "All"), report.total))
    return Section(key, title, headers, body, translate("Reports", "From the follow-up calls that reached the customer: arrival "
                                                 "(stage A) on time when timeliness scored 3 or more; scores 1–5."))

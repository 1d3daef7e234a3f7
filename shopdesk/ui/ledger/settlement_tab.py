"""A technician's settlement statement for a period: the figures, the jobs,
the owner's approval (which posts the allowances once), PDF and workbook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.clock import to_local
from shopdesk.receipts.data import ShopHeader
from shopdesk.receipts.settlement import SettlementDocument, build_settlement_pdf, write_settlement_xlsx
from shopdesk.rules import settlement as rules
from shopdesk.rules.workflow import TAKES_ORDERS
from shopdesk.services import settings as settings_service
from shopdesk.services import settlement as settlement_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.common import (
    PeriodPicker, error_text, fill_staff, money, previous_month, set_status, shop_timezone, shop_today, staff_choices,
)
from shopdesk.ui.widgets import ATTENTION

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# (key, label, money?) shown under the statement, in order; "km" is the editable spin box
FIGURES = (
    ("jobs", QT_TRANSLATE_NOOP("SettlementTab", "Jobs done"), False),
    ("points", QT_TRANSLATE_NOOP("SettlementTab", "Points"), False),
    ("visits", QT_TRANSLATE_NOOP("SettlementTab", "On-site visits"), False),
    ("km", QT_TRANSLATE_NOOP("SettlementTab", "Distance (km)"), False),
    ("travel_allowance", QT_TRANSLATE_NOOP("SettlementTab", "Travel allowance (差费)"), True),
    ("fuel_allowance", QT_TRANSLATE_NOOP("SettlementTab", "Fuel allowance (油费)"), True),
    ("collected", QT_TRANSLATE_NOOP("SettlementTab", "Fees collected"), True),
    ("handed_in", QT_TRANSLATE_NOOP("SettlementTab", "Handed in"), True),
    ("cash_still_held", QT_TRANSLATE_NOOP("SettlementTab", "Cash still held"), True),
    ("balance", QT_TRANSLATE_NOOP("SettlementTab", "Balance"), True),
)


def _load(actor, technician_id: int, date_from: dt.date, date_to: dt.date, km: int | None, tz: str):
    """The live statement, and the approval of exactly this period if there is one: (when, by, figures)."""
    statement = settlement_service.statement(actor, technician_id, date_from, date_to, km)
    approval = None
    for s in settlement_service.settlements(actor, technician_id):
        if (s.period_from, s.period_to) == (date_from, date_to):
            approval = (to_local(s.approved_at, tz).strftime("%Y-%m-%d %H:%M"),
                        s.approved_by.name if s.approved_by else "",
                        rules.statement_from_figures(json.loads(s.figures)))
    settings = settings_service.current()
    rates = rules.Rates(settings.travel_allowance_per_visit, settings.fuel_allowance_per_km)
    return statement, approval, rates


def _shop_header() -> ShopHeader:
    s = settings_service.current()
    return ShopHeader(s.name, s.address, s.phone, bytes(s.logo_png) if s.logo_png else None)


class SettlementTab(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.statement: rules.Statement | None = None
        self.approval: tuple[str, str, rules.Statement] | None = None
        self._km_override: int | None = None
        self.names: dict[int, str] = {}

        today = shop_today(ctx)
        self.technician = QComboBox(objectName="ledgerSettlementTechnician")
        self.technician.setMinimumContentsLength(10)
        self.period = PeriodPicker("ledgerSettlement", today)
        self.period.set_month(previous_month(today))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Technician")))
        bar.addWidget(self.technician)
        bar.addWidget(self.period)
        bar.addStretch(1)

        self.approval_label = QLabel(objectName="ledgerSettlementApproval")
        self.approval_label.setWordWrap(True)
        figures_box = QGroupBox(self.tr("Statement"))
        form = QFormLayout(figures_box)
        self.values: dict[str, QLabel] = {}
        self.km = QSpinBox(objectName="ledgerSettlementKm")
        self.km.setRange(0, rules.KM_MAX)
        self.km.setSuffix(self.tr(" km"))
        self.km.setToolTip(self.tr("Kilometres driven in the period, from the logbook; "
                                   "by default the travel the technician recorded on the jobs"))
        self.km_reset = QPushButton(self.tr("Use the jobs' recorded travel"), objectName="ledgerSettlementKmReset")
        self.km_source = QLabel(objectName="ledgerSettlementKmSource")
        self.km_source.setStyleSheet("color: palette(mid);")
        for key, source, _ in FIGURES:
            label = QCoreApplication.translate("SettlementTab", source)
            if key == "km":
                row = QHBoxLayout()
                row.addWidget(self.km)
                row.addWidget(self.km_reset)
                row.addWidget(self.km_source, 1)
                form.addRow(label, row)
                continue
            value = QLabel(objectName=f"ledgerSettlement_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        note = QLabel(self.tr("Balance = travel + fuel allowances − cash still held. "
                              "Negative: the technician owes the shop."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form.addRow(note)

        self.jobs = QTableWidget(0, 4, objectName="ledgerSettlementJobs")
        self.jobs.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Points"), self.tr("On site"), self.tr("km")])
        self.jobs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jobs.verticalHeader().hide()
        self.jobs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.jobs.setMinimumHeight(140)
        self.no_jobs = QLabel(self.tr("No job was resolved and closed by this technician in the period."),
                              objectName="ledgerSettlementNoJobs")
        self.no_jobs.setStyleSheet("color: palette(mid);")
        jobs_box = QGroupBox(self.tr("Jobs done"))
        jobs_layout = QVBoxLayout(jobs_box)
        jobs_layout.addWidget(self.jobs)
        jobs_layout.addWidget(self.no_jobs)

        self.approve_button = QPushButton(self.tr("Approve…"), objectName="ledgerSettlementApprove")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), objectName="ledgerSettlementPdf")
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"), objectName="ledgerSettlementXlsx")
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        self.status = QLabel(objectName="ledgerSettlementStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(body)
        layout.addLayout(bar)
        layout.addWidget(self.approval_label)
        layout.addWidget(figures_box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(jobs_box, 1)

        self.technician.currentIndexChanged.connect(self._choice_changed)
        self.period.changed.connect(self._choice_changed)
        self.km.editingFinished.connect(self._km_edited)
        self.km_reset.clicked.connect(self._km_cleared)
        self.approve_button.clicked.connect(self.approve)
        self.pdf_button.clicked.connect(lambda: self.save_document("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_document("xlsx"))
        self._show_nothing()

    def set_people(self, people: list[tuple[int, str, str]]) -> None:
        self.names = {staff_id: name for staff_id, _label, name in people}
        fill_staff(self.technician, people, self.tr("Choose a technician…"))

    def load_people(self) -> None:
        self.set_people(staff_choices(self.ctx.actor, TAKES_ORDERS + ("owner",)))

    # -- loading --------------------------------------------------------------------

    def _choice_changed(self) -> None:
        self._km_override = None
        set_status(self.status, "")
        self.reload()

    def _km_edited(self) -> None:
        if self.statement is not None and self.approval is None and self.km.value() != self.statement.km:
            self._km_override = self.km.value()
            self.reload()

    def _km_cleared(self) -> None:
        self._km_override = None
        self.reload()

    def reload(self) -> None:
        technician_id = self.technician.currentData()
        if technician_id is None:
            self._show_nothing()
            return
        actor, km = self.ctx.actor, self._km_override
        date_from, date_to = self.period.period()
        tz = shop_timezone()
        self.ctx.tasks.run(lambda: _load(actor, technician_id, date_from, date_to, km, tz),
                           lambda result: self._show(*result), self._failed, key="ledger.settlement")

    def _show_nothing(self) -> None:
        self.statement, self.approval = None, None
        for value in self.values.values():
            value.setText("—")
        self.km.setEnabled(False)
        self.km_reset.setEnabled(False)
        self.km_source.setText("")
        self.jobs.setRowCount(0)
        self.no_jobs.hide()
        set_status(self.approval_label, self.tr("Choose a technician and a period to see the statement."))
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._show_nothing()
        set_status(self.status, error_text(error), "bad")

    def _show(self, statement: rules.Statement, approval, rates: rules.Rates) -> None:
        self.approval = approval
        self.statement = approval[2] if approval else statement
        s = self.statement
        for key, _, is_money in FIGURES:
            if key in self.values:
                value = getattr(s, key)
                self.values[key].setText(money(value) if is_money else str(value))
        if approval is None:
            self.values["travel_allowance"].setText(self._allowance(
                s.travel_allowance, rates.per_visit, self.tr("{0} × {1} per visit").format(s.visits, money(rates.per_visit))))
            self.values["fuel_allowance"].setText(self._allowance(
                s.fuel_allowance, rates.per_km, self.tr("{0} km × {1} per km").format(s.km, money(rates.per_km))))
        balance = self.values["balance"]
        balance.setStyleSheet(f"color: {ATTENTION}; font-weight: bold;" if s.balance < 0 else "font-weight: bold;")
        self.km.blockSignals(True)
        self.km.setValue(s.km)
        self.km.blockSignals(False)
        editable = approval is None and self.ctx.actor.may("settlement.approve")
        self.km.setEnabled(editable)
        self.km_reset.setEnabled(editable and self._km_override is not None)
        if approval:
            self.km_source.setText(self.tr("as approved"))
        elif self._km_override is None:
            self.km_source.setText(self.tr("recorded on the jobs"))
        else:
            self.km_source.setText(self.tr("typed in (the jobs recorded {0} km)").format(sum(j.km for j in s.job_list)))
        if approval:
            set_status(self.approval_label, self.tr(
                "Approved on {0} by {1}. These are the approved figures; their allowances are in the ledger."
            ).format(approval[0], approval[1] or "—"), "ok")
        else:
            set_status(self.approval_label, self.tr("Not approved yet: the figures below are as of now."))
        self.jobs.setRowCount(len(s.job_list))
        yes, no = self.tr("yes"), self.tr("no")
        for r, job in enumerate(s.job_list):
            for c, value in enumerate((job.order_number, str(job.points), yes if job.onsite else no, str(job.km))):
                item = QTableWidgetItem(value)
                if c in (1, 3):
                    item.setTextAlignment(_RIGHT)
                self.jobs.setItem(r, c, item)
        self.jobs.setVisible(bool(s.job_list))
        self.no_jobs.setVisible(not s.job_list)
        self._update_buttons()

    def _allowance(self, cents: int, rate: int, how: str) -> str:
        if not rate:
            return self.tr("{0}  (no rate set in Settings)").format(money(cents))
        return f"{money(cents)}  ({how})"

    def _update_buttons(self) -> None:
        shown = self.statement is not None
        self.approve_button.setEnabled(shown and self.ctx.actor.may("settlement.approve"))
        self.pdf_button.setEnabled(shown)
        self.xlsx_button.setEnabled(shown)

    # -- acting ---------------------------------------------------------------------

    def approve(self) -> None:
        s, technician_id = self.statement, self.technician.currentData()
        if s is None or technician_id is None:
            return
        date_from, date_to = self.period.period()
        name = self.names.get(technician_id, self.technician.currentText())
        if self.approval is None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve the settlement?"), self.tr(
                "Approve the settlement of {0} for {1} to {2}?\n\nThis posts the travel allowance ({3}) and the "
                "fuel allowance ({4}) to the ledger, once. The period cannot be settled again."
            ).format(name, date_from.isoformat(), date_to.isoformat(), money(s.travel_allowance),
                     money(s.fuel_allowance)), parent=self)
            box.setObjectName("ledgerApproveConfirm")
            confirm = box.addButton(self.tr("Approve"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not confirm:
                return
        actor, km = self.ctx.actor, self._km_override
        self.approve_button.setEnabled(False)
        self.ctx.tasks.run(lambda: settlement_service.approve(actor, technician_id, date_from, date_to, km),
                           self._approved, self._act_failed, key="ledger.approve")

    def _approved(self, approval: settlement_service.Approval) -> None:
        if approval.already_approved:
            set_status(self.status, self.tr("Already approved: nothing was posted again."), "bad")
            self.reload()
            return
        posted = sum(e.amount for e in approval.posted)
        set_status(self.status, self.tr("Approved. {0} allowance entries posted to the ledger, {1} in all.").format(
            len(approval.posted), money(posted)), "ok")
        self.ctx.dataChanged.emit("ledger")  # the page reloads this tab and marks the others stale

    def _act_failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, OSError):
            set_status(self.status, self.tr("Could not write the file: {0}").format(error.strerror or error), "bad")
            return
        set_status(self.status, error_text(error), "bad")

    def document(self) -> SettlementDocument | None:
        """What the PDF and the workbook print (reads the shop header)."""
        if self.statement is None:
            return None
        date_from, date_to = self.period.period()
        approved = f"{self.approval[0]} {self.approval[1]}".strip() if self.approval else ""
        printed = to_local(self.ctx.clock.now(), shop_timezone())
        name = self.names.get(self.technician.currentData(), self.technician.currentText())
        return SettlementDocument(_shop_header(), name, date_from, date_to,
                                  self.statement, approved, printed)

    def save_document(self, fmt: str) -> None:
        doc = self.document()
        if doc is None:
            return
        suggested = f"settlement_{doc.technician}_{doc.date_from.isoformat()}_{doc.date_to.isoformat()}.{fmt}"
        pattern = self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the statement"), suggested, pattern)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"

        def write():
            if fmt == "pdf":
                Path(path).write_bytes(build_settlement_pdf(doc))
            else:
                write_settlement_xlsx(doc, path)
            return path

        set_status(self.status, self.tr("Saving…"))
        self.ctx.tasks.run(write, lambda saved: set_status(self.status, self.tr("Saved {0}.").format(saved), "ok"),
                           self._act_failed, key="ledger.settlement.save")

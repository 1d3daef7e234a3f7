"""The ledger's entries for a period, filtered, a page at a time; posting,
reversing and exporting.

The table holds the rows fetched so far and asks the service for the next
page as the view scrolls (``canFetchMore``/``fetchMore``); filtering and
running totals are done in SQL by ``services.ledger.entries``.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.errors import NotFound, ShopDeskError
from shopdesk.rules import ledger as rules
from shopdesk.rules.money import parse_yuan
from shopdesk.services import ledger as ledger_service
from shopdesk.services import orders as order_service
from shopdesk.services.ledger import EntryRow
from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.common import (
    PeriodPicker, error_text, fill_staff, kind_label, method_label, money, set_status, shop_today, staff_choices, to_date,
    to_qdate,
)
from shopdesk.ui.messages import translated
from shopdesk.ui.tables import PagedRows, read_only_rows
from shopdesk.ui.widgets import ATTENTION, FieldError, dialog_buttons

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
NEGATIVE = QColor(ATTENTION)
DIMMED = QColor("#8a8a8a")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Fetch = Callable[[int, int], Sequence[EntryRow]]


class EntriesModel(PagedRows):
    COLUMNS = [
        ("seq", QT_TRANSLATE_NOOP("EntriesModel", "No.")),
        ("date", QT_TRANSLATE_NOOP("EntriesModel", "Date")),
        ("kind", QT_TRANSLATE_NOOP("EntriesModel", "Kind")),
        ("amount", QT_TRANSLATE_NOOP("EntriesModel", "Amount")),
        ("method", QT_TRANSLATE_NOOP("EntriesModel", "Method")),
        ("technician", QT_TRANSLATE_NOOP("EntriesModel", "Technician")),
        ("order", QT_TRANSLATE_NOOP("EntriesModel", "Order")),
        ("memo", QT_TRANSLATE_NOOP("EntriesModel", "Memo")),
        ("link", QT_TRANSLATE_NOOP("EntriesModel", "Reversal")),
        ("running", QT_TRANSLATE_NOOP("EntriesModel", "Running total")),
    ]
    RIGHT_ALIGNED = {"seq", "amount", "running"}
    MEMO = 7

    page_size = PAGE

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_running = False

    def set_first_page(self, fetch: Fetch | None, rows: Sequence[EntryRow], total: int,
                       show_running: bool = False) -> None:
        """``show_running``: the rows are of one kind, so their running total means something."""
        self.show_running = show_running
        super().set_first_page(fetch, rows, total)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EntriesModel", self.COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section][0] == "running":
            return QCoreApplication.translate("EntriesModel", "Shown when the list is filtered to one kind of entry")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT_ALIGNED:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.reversed_by_seq is not None:
                return QBrush(DIMMED)
            if (key == "amount" and row.amount < 0) or (key == "running" and self.show_running and row.running < 0):
                return QBrush(NEGATIVE)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _text(self, row: EntryRow, key: str) -> str:
        if key == "seq":
            return str(row.seq)
        if key == "date":
            return row.entry_date.isoformat()
        if key == "kind":
            return kind_label(row.kind)
        if key == "amount":
            return money(row.amount)
        if key == "method":
            return method_label(row.method)
        if key == "technician":
            return row.technician
        if key == "order":
            return row.order_number
        if key == "memo":
            return row.memo
        if key == "link":
            return _link_text(row)
        if key == "running":
            return money(row.running) if self.show_running else ""
        return ""

    def _tooltip(self, row: EntryRow, key: str) -> str | None:
        if key == "memo" and row.memo:
            return row.memo
        if key == "link":
            return _link_text(row) or None
        if key == "seq":
            return QCoreApplication.translate("EntriesModel", "Entered by {0}").format(row.created_by or "—")
        return None


def _link_text(row: EntryRow) -> str:
    if row.reverses_seq is not None:
        return QCoreApplication.translate("EntriesModel", "reverses No. {0}").format(row.reverses_seq)
    if row.reversed_by_seq is not None:
        return QCoreApplication.translate("EntriesModel", "reversed by No. {0}").format(row.reversed_by_seq)
    return ""



def _find_order_id(actor, number: str) -> int | None:
    number = number.strip()
    return order_service.find_order(actor, number).id if number else None


class PostEntryDialog(QDialog):
    """The owner posts an entry by hand: amount in yuan, checked beside each field."""

    FIELDS = ("kind", "amount", "method", "technician", "order", "entry_date", "memo")

    def __init__(self, ctx: AppContext, people: list[tuple[int, str, str]], today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.posted = None
        self.setObjectName("ledgerPostDialog")
        self.setWindowTitle(self.tr("Post a ledger entry"))
        self.setMinimumWidth(480)

        self.kind = QComboBox(objectName="ledgerPostKind")
        for kind in rules.KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.lowers = QCheckBox(self.tr("Lowers what the customer owes (posted as a negative amount)"),
                                objectName="ledgerPostLowers")
        self.amount = QLineEdit(objectName="ledgerPostAmount")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 80 or 80.50"))
        self.method = QComboBox(objectName="ledgerPostMethod")
        self.method.addItem(self.tr("(none)"), "")
        for method in rules.PAYMENT_METHODS:
            self.method.addItem(method_label(method), method)
        self.technician = QComboBox(objectName="ledgerPostTechnician")
        fill_staff(self.technician, people, self.tr("(none: the counter)"))
        self.order = QLineEdit(objectName="ledgerPostOrder")
        self.order.setPlaceholderText(self.tr("order number, e.g. R0000123 (optional)"))
        self.entry_date = QDateEdit(to_qdate(today), objectName="ledgerPostDate", calendarPopup=True)
        self.entry_date.setDisplayFormat("yyyy-MM-dd")
        self.entry_date.setMaximumDate(to_qdate(today))
        self.memo = QLineEdit(objectName="ledgerPostMemo")
        self.memo.setMaxLength(rules.MEMO_MAX)

        self.errors = {key: FieldError(f"{key}Error") for key in self.FIELDS}
        form = QFormLayout()
        for key, label, widget in (
            ("kind", self.tr("Kind"), self.kind),
            ("amount", self.tr("Amount (¥)"), self.amount),
            ("method", self.tr("Method"), self.method),
            ("technician", self.tr("Technician"), self.technician),
            ("order", self.tr("Order"), self.order),
            ("entry_date", self.tr("Date"), self.entry_date),
            ("memo", self.tr("Memo"), self.memo),
        ):
            form.addRow(label, widget)
            if key == "kind":
                form.addRow("", self.lowers)
            form.addRow("", self.errors[key])
        note = QLabel(self.tr("An entry can never be changed or deleted once posted: a mistake is corrected "
                              "by reversing it."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.message = FieldError("ledgerPostMessage")

        self.save_button = QPushButton(self.tr("Post"), objectName="ledgerPostSave")
        buttons = dialog_buttons(self, self.save_button, self.save, "ledgerPostCancel")
        self.kind.currentIndexChanged.connect(self._kind_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.lowers.setVisible(kind == rules.ADJUSTMENT)
        if kind == rules.PAYMENT and not self.method.currentData():
            self.method.setCurrentIndex(self.method.findData(rules.CASH))

    def _clear(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.message.clear_message()

    def _show(self, error: ShopDeskError, field: str | None = None) -> None:
        field = field or getattr(error, "field", None) or ""
        self.errors.get(field, self.message).show_message(translated(error))
        widget = {"amount": self.amount, "method": self.method, "order": self.order, "memo": self.memo,
                  "entry_date": self.entry_date, "technician": self.technician}.get(field)
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        self._clear()
        if not self.amount.text().strip():
            self.errors["amount"].show_message(self.tr("Enter the amount."))
            self.amount.setFocus()
            return
        try:
            amount = parse_yuan(self.amount.text())
        except ShopDeskError as exc:
            self._show(exc, "amount")
            return
        if self.kind.currentData() == rules.ADJUSTMENT and self.lowers.isChecked():
            amount = -amount
        actor = self.ctx.actor
        try:
            order_id = _find_order_id(actor, self.order.text())
        except NotFound as exc:
            self._show(exc, "order")
            return
        try:
            self.posted = ledger_service.post(
                actor, self.kind.currentData(), amount, order_id=order_id,
                technician_id=self.technician.currentData(), method=self.method.currentData(),
                memo=self.memo.text(), entry_date=to_date(self.entry_date.date()),
            )
        except ShopDeskError as exc:
            self._show(exc)
            return
        self.accept()


class ReverseDialog(QDialog):
    """Reversing an entry: what will be posted, and the reason (required)."""

    def __init__(self, ctx: AppContext, row: EntryRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.posted = None
        self.setObjectName("ledgerReverseDialog")
        self.setWindowTitle(self.tr("Reverse entry No. {0}").format(row.seq))
        self.setMinimumWidth(460)
        what = QLabel(self.tr(
            "Entry No. {0} ({1}, {2}, {3}) stays in the ledger. A reversing entry of {4} is posted today, "
            "linked to it, so the two cancel out. A reversal cannot itself be reversed."
        ).format(row.seq, kind_label(row.kind), money(row.amount), row.entry_date.isoformat(),
                 money(rules.reversal_amount(row.amount))), objectName="ledgerReverseWhat")
        what.setWordWrap(True)
        self.reason = QLineEdit(objectName="ledgerReverseReason")
        self.reason.setMaxLength(rules.MEMO_MAX)
        self.reason.setPlaceholderText(self.tr("Why, e.g. typed 800 instead of 80"))
        self.reason_error = FieldError("reasonError")
        self.message = FieldError("ledgerReverseMessage")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reason_error)

        self.save_button = QPushButton(self.tr("Post reversal"), objectName="ledgerReverseSave")
        buttons = dialog_buttons(self, self.save_button, self.save, "ledgerReverseCancel",
                                 cancel_by_default=True)  # Enter alone does not reverse
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def save(self) -> None:
        self.reason_error.clear_message()
        self.message.clear_message()
        try:
            self.posted = ledger_service.reverse(self.ctx.actor, self.row.id, self.reason.text())
        except ShopDeskError as exc:
            target = self.reason_error if getattr(exc, "field", None) == "reason" else self.message
            target.show_message(translated(exc))
            self.reason.setFocus()
            return
        self.accept()


class EntriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.period = PeriodPicker("ledgerEntries", shop_today(ctx))
        self.kind = QComboBox(objectName="ledgerKindFilter")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in rules.KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.method = QComboBox(objectName="ledgerMethodFilter")
        self.method.addItem(self.tr("All methods"), None)
        for method in rules.PAYMENT_METHODS:
            self.method.addItem(method_label(method), method)
        self.technician = QComboBox(objectName="ledgerTechnicianFilter")
        self.technician.setMinimumContentsLength(8)
        self.order = QLineEdit(objectName="ledgerOrderFilter")
        self.order.setPlaceholderText(self.tr("Order number"))
        self.order.setClearButtonEnabled(True)
        self.order_error = FieldError("ledgerOrderFilterError")
        self.newest_first = QCheckBox(self.tr("Newest first"), objectName="ledgerNewestFirst")

        filters = QGridLayout()
        filters.addWidget(self.period, 0, 0, 1, 4)
        filters.addWidget(QLabel(self.tr("Kind")), 1, 0)
        filters.addWidget(self.kind, 1, 1)
        filters.addWidget(QLabel(self.tr("Method")), 1, 2)
        filters.addWidget(self.method, 1, 3)
        filters.addWidget(QLabel(self.tr("Technician")), 2, 0)
        filters.addWidget(self.technician, 2, 1)
        filters.addWidget(QLabel(self.tr("Order")), 2, 2)
        filters.addWidget(self.order, 2, 3)
        filters.addWidget(self.newest_first, 1, 4)
        filters.addWidget(self.order_error, 3, 2, 1, 3)
        filters.setColumnStretch(5, 1)

        self.post_button = QPushButton(self.tr("Post entry…"), objectName="ledgerPost")
        self.reverse_button = QPushButton(self.tr("Reverse…"), objectName="ledgerReverse")
        self.csv_button = QPushButton(self.tr("Export CSV…"), objectName="ledgerExportCsv")
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"), objectName="ledgerExportXlsx")
        for button in (self.csv_button, self.xlsx_button):
            button.setToolTip(self.tr("Every entry of the period, whatever the other filters"))
        actions = QHBoxLayout()
        actions.addWidget(self.post_button)
        actions.addWidget(self.reverse_button)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.xlsx_button)

        self.model = EntriesModel(self)
        self.table = read_only_rows(QTableView(objectName="ledgerEntries"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EntriesModel.MEMO, QHeaderView.ResizeMode.Stretch)

        self.totals = QLabel(objectName="ledgerEntriesTotals")
        self.status = QLabel(objectName="ledgerEntriesStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)

        self._add_actions()
        self.period.changed.connect(self.reload)
        for box in (self.kind, self.method, self.technician):
            box.currentIndexChanged.connect(self.reload)
        self.newest_first.toggled.connect(self.reload)
        self.order.returnPressed.connect(self.reload)
        self.order.editingFinished.connect(self._order_finished)
        self.post_button.clicked.connect(self.post_entry)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._shown_order = ""
        self._select_after: int | None = None
        self.setTabOrder(self.order, self.newest_first)
        self._update_buttons()

    def _add_actions(self) -> None:
        post = QAction(self.tr("Post entry"), self)
        post.setShortcut(QKeySequence.StandardKey.New)
        post.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        post.triggered.connect(self.post_entry)
        self.addAction(post)

    def set_people(self, people: list[tuple[int, str, str]]) -> None:
        fill_staff(self.technician, people, self.tr("All technicians"))

    # -- loading --------------------------------------------------------------------

    def _order_finished(self) -> None:
        if self.order.text().strip() != self._shown_order:
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor
        date_from, date_to = self.period.period()
        filters = dict(date_from=date_from, date_to=date_to, kind=self.kind.currentData(),
                       technician_id=self.technician.currentData(), method=self.method.currentData())
        number = self.order.text().strip()
        newest = self.newest_first.isChecked()
        self._shown_order = number
        self.order_error.clear_message()
        if self.status.property("mood") == "bad":
            set_status(self.status, "")
        if date_from > date_to:
            set_status(self.status, QCoreApplication.translate("Errors", "The period ends before it begins."), "bad")
            self.model.set_first_page(None, [], 0)
            self.totals.setText("")
            return

        def first_page():
            wanted = dict(filters, order_id=_find_order_id(actor, number))
            total = ledger_service.count_entries(actor, **wanted)
            rows = ledger_service.entries(actor, offset=0, limit=PAGE, newest_first=newest, **wanted)
            if not rows or wanted["kind"] is None:
                net = 0  # a sum across kinds (charges plus payments …) means nothing
            elif newest or len(rows) >= total:
                net = rows[0].running if newest else rows[-1].running
            else:
                net = ledger_service.entries(actor, offset=total - 1, limit=1, **wanted)[0].running
            return wanted, total, rows, net

        self.ctx.tasks.run(first_page, lambda result: self._show(actor, newest, *result), self._failed,
                           key="ledger.entries")

    def _show(self, actor, newest: bool, wanted: dict, total: int, rows: list[EntryRow], net: int) -> None:
        keep = self._select_after if self._select_after is not None else self.selected_id()
        self._select_after = None

        def fetch(offset: int, limit: int):
            return ledger_service.entries(actor, offset=offset, limit=limit, newest_first=newest, **wanted)

        first_load = self.model.total == 0 and not self.model.rows
        one_kind = wanted.get("kind") is not None
        self.model.set_first_page(fetch, rows, total, show_running=one_kind)
        if first_load and rows:
            self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        if total and one_kind:
            self.totals.setText(self.tr("{0} entries of this kind; they add up to {1}.").format(total, money(net)))
        elif total:
            self.totals.setText(self.tr("{0} entries. Choose a kind to see its running total and sum.").format(total))
        else:
            self.totals.setText(self.tr("No entry matches: change the period or the filters, or post an entry."))
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        if isinstance(error, NotFound):
            self.order_error.show_message(text)
        else:
            set_status(self.status, text, "bad")
        self.model.set_first_page(None, [], 0)
        self.totals.setText("")
        self._update_buttons()

    # -- acting ---------------------------------------------------------------------

    def selected_row(self) -> EntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def _update_buttons(self) -> None:
        may_post = self.ctx.actor.may("ledger.post")
        row = self.selected_row()
        reversible = row is not None and row.reverses_seq is None and row.reversed_by_seq is None
        self.post_button.setEnabled(may_post)
        self.reverse_button.setEnabled(may_post and reversible)
        if row is not None and not reversible:
            self.reverse_button.setToolTip(self.tr("This entry is a reversal or was already reversed."))
        else:
            self.reverse_button.setToolTip(self.tr("Post the opposite entry, linked to the selected one"))

    def post_entry(self) -> None:
        if not self.ctx.actor.may("ledger.post"):
            return
        dialog = PostEntryDialog(self.ctx, staff_choices(self.ctx.actor), shop_today(self.ctx), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.posted is not None:
            entry = dialog.posted
            set_status(self.status, self.tr("Posted entry No. {0}: {1} {2}.").format(
                entry.seq, kind_label(entry.kind), money(entry.amount)), "ok")
            self._posted(entry)

    def reverse_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.ctx.actor.may("ledger.post"):
            return
        dialog = ReverseDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.posted is not None:
            set_status(self.status, self.tr("Entry No. {0} reversed by entry No. {1}.").format(
                row.seq, dialog.posted.seq), "ok")
            self._posted(dialog.posted)

    def _posted(self, entry) -> None:
        self._select_after = entry.id
        self.ctx.dataChanged.emit("ledger")  # the page reloads this tab and marks the others stale

    def export(self, fmt: str) -> None:
        date_from, date_to = self.period.period()
        suggested = f"ledger_{date_from.isoformat()}_{date_to.isoformat()}.{fmt}"
        pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the ledger"), suggested, pattern)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        actor = self.ctx.actor
        write = ledger_service.export_csv if fmt == "csv" else ledger_service.export_xlsx
        set_status(self.status, self.tr("Exporting…"))
        self.ctx.tasks.run(
            lambda: write(actor, date_from, date_to, path, QCoreApplication.translate),
            lambda count: set_status(self.status, self.tr("Exported {0} entries to {1}.").format(count, path), "ok"),
            self._export_failed, key="ledger.export",
        )

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            set_status(self.status, self.tr("Could not write the file: {0}").format(error.strerror or error), "bad")
            return
        set_status(self.status, error_text(error), "bad")

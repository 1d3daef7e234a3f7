"""An order's charges: its coverage and reason, its lines, its totals.

``ChargesPanel`` is embedded in the order view. Every change goes through
``shopdesk.services.coverage`` (which checks who may do it); the panel only
hides what the person may not do. After each change it emits ``changed()``
and ``ctx.dataChanged("orders")``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication, Qt, QT_TRANSLATE_NOOP, Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.models import PriceItem
from shopdesk.rules import coverage as coverage_rules
from shopdesk.rules.money import format_yuan, parse_yuan
from shopdesk.rules.pricing import LINE_KINDS, MAX_QUANTITY
from shopdesk.services import charges as charges_service
from shopdesk.services import coverage as coverage_service
from shopdesk.services import pricelist as pricelist_service
from shopdesk.services.charges import ChargeLine, OrderCharges
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import text_of, translated
from shopdesk.ui.pricelist import ACTIVE, PriceItemsModel, kind_name, price_text
from shopdesk.ui.tables import ListModel, RIGHT, read_only_rows
from shopdesk.ui.widgets import FieldError, dialog_buttons

COVERAGE_NAMES = {
    coverage_rules.RENTAL: QT_TRANSLATE_NOOP("CoverageKinds", "Rental"),
    coverage_rules.CONTRACT: QT_TRANSLATE_NOOP("CoverageKinds", "Service contract"),
    coverage_rules.WARRANTY: QT_TRANSLATE_NOOP("CoverageKinds", "Warranty"),
    coverage_rules.REPAIR_WARRANTY: QT_TRANSLATE_NOOP("CoverageKinds", "Repair warranty"),
    coverage_rules.PAID: QT_TRANSLATE_NOOP("CoverageKinds", "Paid repair"),
}
# Free for the customer: green; partly free (a contract): blue; paid: amber.
COVERAGE_COLOURS = {
    coverage_rules.RENTAL: "#1b7f3b", coverage_rules.WARRANTY: "#1b7f3b", coverage_rules.REPAIR_WARRANTY: "#1b7f3b",
    coverage_rules.CONTRACT: "#1f5fa8", coverage_rules.PAID: "#a35200",
}
COVERED_COLOUR = "#1b7f3b"
MAX_OVERRIDE_REASON = 200
AREAS_THAT_MOVE_TOTALS = ("orders", "ledger", "settings", "*")  # "*": another desk saved (SQLite)


def coverage_name(kind: str) -> str:
    return QCoreApplication.translate("CoverageKinds", COVERAGE_NAMES.get(kind, kind))



# -- the lines table ------------------------------------------------------------

LINE_HEADERS = [
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Kind"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Code"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Description"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Qty"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Unit price"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Value"),
    QT_TRANSLATE_NOOP("ChargeLinesModel", "Covered / charged"),
]
KIND, CODE, DESCRIPTION, QUANTITY, UNIT_PRICE, VALUE, STATUS = range(len(LINE_HEADERS))
_NUMBERS = (QUANTITY, UNIT_PRICE, VALUE)


def _tr_lines(text: str) -> str:
    return QCoreApplication.translate("ChargeLinesModel", text)


class ChargeLinesModel(ListModel):
    """An order's live lines (an order has a handful: loaded whole)."""

    CONTEXT = "ChargeLinesModel"
    HEADERS = LINE_HEADERS

    def cell(self, line: ChargeLine, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and line.covered:
            return QBrush(QColor(COVERED_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS:
            return self._status_tip(line)
        return None

    def _display(self, line: ChargeLine, column: int) -> str:
        if column == KIND:
            return kind_name(line.kind)
        if column == CODE:
            return line.code
        if column == DESCRIPTION:
            return line.description
        if column == QUANTITY:
            return str(line.quantity)
        if column == UNIT_PRICE:
            return format_yuan(line.unit_price)
        if column == VALUE:
            return format_yuan(-line.amount if line.kind == "discount" else line.amount)
        if column == STATUS:
            if line.kind == "discount":
                return QCoreApplication.translate("ChargeLinesModel", "Deducted")
            if line.covered:
                return QCoreApplication.translate("ChargeLinesModel", "Covered")
            return QCoreApplication.translate("ChargeLinesModel", "Charged")
        return ""

    def _status_tip(self, line: ChargeLine) -> str:
        if line.kind == "discount":
            return QCoreApplication.translate("ChargeLinesModel", "Taken off what is charged")
        if line.covered:
            return QCoreApplication.translate(
                "ChargeLinesModel", "The coverage pays for this line: its value shows on the receipt, the customer pays nothing for it")
        return QCoreApplication.translate("ChargeLinesModel", "The customer pays for this line")


# -- choosing a price list item -----------------------------------------------------

class PriceItemPicker(QDialog):
    """Search the active price list and pick one item; ``picked`` holds it once accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.picked: PriceItem | None = None
        self.setObjectName("priceItemPicker")
        self.setWindowTitle(self.tr("Add from the price list"))
        self.resize(620, 420)

        self.search_box = QLineEdit(objectName="pickerSearch")
        self.search_box.setPlaceholderText(self.tr("Type a code or part of a name, then ↓ or Enter"))
        self.search_box.setClearButtonEnabled(True)
        self.model = PriceItemsModel(self)
        self.table = read_only_rows(QTableView(objectName="pickerTable"))
        self.table.setModel(self.model)
        self.table.setColumnHidden(ACTIVE, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(objectName="pickerHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")

        self.use_button = QPushButton(self.tr("Use this item"), objectName="pickerUse")
        buttons = dialog_buttons(self, self.use_button, self.use_current, "pickerCancel")

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)

        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self.use_current)
        self.table.doubleClicked.connect(lambda _index: self.use_current())
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.search_box.installEventFilter(self)
        self.search("")

    def eventFilter(self, watched, event) -> bool:
        # ↓ from the search box goes to the results, as in the main window's search.
        if watched is self.search_box and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            if self.model.rowCount():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def search(self, text: str) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.run(lambda: pricelist_service.search_items(actor, text), self._show, self._problem,
                           key="price-picker")

    def _show(self, items: list[PriceItem]) -> None:
        self.model.set_rows(items)
        if items:
            self.table.selectRow(0)
            self.hint.setText("")
        elif self.search_box.text().strip():
            self.hint.setText(self.tr("No active item matches “{0}”.").format(self.search_box.text().strip()))
        else:
            self.hint.setText(self.tr("The price list is empty: the owner fills it on the Price list page. "
                                      "Use “Add line” to type a line by hand."))
        self.hint.setVisible(bool(self.hint.text()))
        self._update_button()

    def _problem(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.hint.setText(translated(error))
        self.hint.show()

    def _update_button(self) -> None:
        self.use_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def use_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        item = self.model.row_at(rows[0].row()) if rows else None
        if item is not None:
            self.picked = item
            self.accept()


# -- overriding the coverage ----------------------------------------------------------

class OverrideCoverageDialog(QDialog):
    """The owner or a team lead puts their decision over the rules', with a reason."""

    def __init__(self, ctx: AppContext, charges: OrderCharges, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.charges = charges
        self.setObjectName("overrideCoverageDialog")
        self.setWindowTitle(self.tr("Override the coverage of {0}").format(charges.number))
        self.setMinimumWidth(520)

        now = QLabel(self.tr("Now: {0} — {1}").format(coverage_name(charges.coverage.kind), text_of(charges.coverage.reason)))
        now.setWordWrap(True)
        explain = QLabel(self.tr("Your decision replaces the rules' until someone drops it. It is recorded with your "
                                 "name and reason, and the receipt shows it as goodwill."))
        explain.setWordWrap(True)
        self.kind = QComboBox(objectName="overrideKind")
        for kind in coverage_rules.KINDS:
            if kind == coverage_rules.CONTRACT and not charges.has_contract:
                continue  # the service refuses a contract the order does not have
            self.kind.addItem(coverage_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(charges.coverage.kind)))
        self.reason = QLineEdit(objectName="overrideReason")
        self.reason.setMaxLength(MAX_OVERRIDE_REASON)
        self.reason.setPlaceholderText(self.tr("Required: goodwill, wrong purchase date…"))
        self.kind_error = FieldError("overrideKindError")
        self.reason_error = FieldError("overrideReasonError")
        self.message = FieldError("overrideMessage")

        form = QFormLayout()
        form.addRow(self.tr("New coverage"), self.kind)
        form.addRow("", self.kind_error)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reason_error)
        self.save_button = QPushButton(self.tr("Override"), objectName="overrideSave")
        buttons = dialog_buttons(self, self.save_button, self.save, "overrideCancel")

        layout = QVBoxLayout(self)
        layout.addWidget(now)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def save(self) -> None:
        for error in (self.kind_error, self.reason_error, self.message):
            error.clear_message()
        if not self.reason.text().strip():
            self.reason_error.show_message(self.tr("Say why the coverage is overridden."))
            self.reason.setFocus()
            return
        try:
            coverage_service.override_coverage(self.ctx.actor, self.charges.order_id, self.kind.currentData(),
                                               self.reason.text(), based_on_version=self.charges.version)
        except ShopDeskError as exc:
            target = {"reason": self.reason_error, "kind": self.kind_error}.get(getattr(exc, "field", None), self.message)
            target.show_message(translated(exc))
            return
        self.accept()


# -- the panel ---------------------------------------------------------------------------

class ChargesPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("chargesPanel")
        self.order_id: int | None = None
        self.charges: OrderCharges | None = None
        self._picked: PriceItem | None = None
        self._emitting = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_coverage_box())
        layout.addWidget(self._build_lines(), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._build_add_box(), 3)
        bottom.addWidget(self._build_totals_box(), 1)
        layout.addLayout(bottom)
        self.status = QLabel(objectName="chargesStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.ctx.dataChanged.connect(self._on_data_changed)
        self.ctx.actorChanged.connect(self.reload)
        self._show_nothing()

    # -- building -----------------------------------------------------------------

    def _build_coverage_box(self) -> QWidget:
        box = QFrame(objectName="coverageBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.coverage_label = QLabel(objectName="coverageKind")
        font = self.coverage_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.coverage_label.setFont(font)
        self.goodwill_label = QLabel(self.tr("goodwill"), objectName="coverageGoodwill")
        self.goodwill_label.setStyleSheet(
            "background: #fde68a; color: #5c4300; border-radius: 4px; padding: 1px 6px; font-weight: bold;")
        self.goodwill_label.setToolTip(self.tr("The owner or a team lead overrode the coverage the rules decided"))
        self.reason_label = QLabel(objectName="coverageReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label = QLabel(objectName="quoteHint")
        self.quote_label.setWordWrap(True)
        self.quote_label.setStyleSheet(f"color: {COVERAGE_COLOURS[coverage_rules.PAID]};")

        self.check_button = QPushButton(self.tr("Re-check coverage"), objectName="recheckCoverage")
        self.check_button.setToolTip(self.tr("Decide again from the device, contracts and earlier repairs "
                                             "(after correcting a purchase date or a contract)"))
        self.override_button = QPushButton(self.tr("Override coverage…"), objectName="overrideCoverage")
        self.drop_override_button = QPushButton(self.tr("Use the rules again"), objectName="dropOverride")
        self.drop_override_button.setToolTip(self.tr("Drop the override and let the rules decide the coverage"))
        self.check_button.clicked.connect(self.recheck_coverage)
        self.override_button.clicked.connect(self.override_coverage)
        self.drop_override_button.clicked.connect(self.drop_override)

        title = QHBoxLayout()
        title.addWidget(self.coverage_label)
        title.addWidget(self.goodwill_label)
        title.addStretch(1)
        title.addWidget(self.check_button)
        title.addWidget(self.override_button)
        title.addWidget(self.drop_override_button)
        inner = QVBoxLayout(box)
        inner.addLayout(title)
        inner.addWidget(self.reason_label)
        inner.addWidget(self.quote_label)
        return box

    def _build_lines(self) -> QWidget:
        holder = QWidget()
        self.lines_model = ChargeLinesModel(self)
        self.table = read_only_rows(QTableView(objectName="chargeLines"))
        self.table.setModel(self.lines_model)
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.empty_hint = QLabel(objectName="linesHint")  # its text depends on the order: see _apply_rights
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(mid);")
        self.remove_button = QPushButton(self.tr("Remove line"), objectName="removeLine")
        self.remove_button.setToolTip(self.tr("Take the selected line off the order (Delete); the history keeps it"))
        self.remove_button.clicked.connect(self.remove_selected_line)
        remove = QAction(self.tr("Remove line"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected_line)
        self.table.addAction(remove)
        self.table.selectionModel().selectionChanged.connect(self._update_remove)

        below = QHBoxLayout()
        below.addWidget(self.empty_hint, 1)
        below.addStretch(0)  # keeps the button its own size when the hint is hidden
        below.addWidget(self.remove_button)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        return holder

    def _build_add_box(self) -> QWidget:
        self.add_box = QGroupBox(self.tr("Add a line"), objectName="addLineBox")
        self.kind_box = QComboBox(objectName="lineKind")
        for kind in LINE_KINDS:
            self.kind_box.addItem(kind_name(kind), kind)
        self.description = QLineEdit(objectName="lineDescription")
        self.description.setMaxLength(coverage_service.MAX_DESCRIPTION)
        self.description.setPlaceholderText(self.tr("What was done or used"))
        self.quantity = QSpinBox(objectName="lineQuantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.price = QLineEdit(objectName="linePrice")
        self.price.setPlaceholderText(self.tr("e.g. 80 or 80.50"))
        self.price.setMinimumWidth(90)
        self.description_error = FieldError("lineDescriptionError")
        self.price_error = FieldError("linePriceError")
        self.line_message = FieldError("lineMessage")
        self.from_list_button = QPushButton(self.tr("Add from price list…"), objectName="addFromPriceList")
        self.picked_label = QLabel(objectName="pickedItem")
        self.picked_label.setStyleSheet("color: palette(mid);")
        self.clear_button = QPushButton(self.tr("Clear"), objectName="clearLine")
        self.add_button = QPushButton(self.tr("Add line"), objectName="addLine")

        grid = QGridLayout(self.add_box)
        for column, text in enumerate((self.tr("Kind"), self.tr("Description"), self.tr("Qty"), self.tr("Unit price (¥)"))):
            grid.addWidget(QLabel(text), 0, column)
        grid.addWidget(self.kind_box, 1, 0)
        grid.addWidget(self.description, 1, 1)
        grid.addWidget(self.quantity, 1, 2)
        grid.addWidget(self.price, 1, 3)
        grid.addWidget(self.description_error, 2, 1)
        grid.addWidget(self.price_error, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.from_list_button)
        actions.addWidget(self.picked_label, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.add_button)
        grid.addLayout(actions, 3, 0, 1, 4)
        grid.addWidget(self.line_message, 4, 0, 1, 4)
        grid.setRowStretch(5, 1)  # spare height below the form, not between its rows

        self.from_list_button.clicked.connect(self.pick_price_item)
        self.clear_button.clicked.connect(self.clear_line_form)
        self.add_button.clicked.connect(self.add_line)
        self.description.returnPressed.connect(self.add_line)
        self.price.returnPressed.connect(self.add_line)
        self.price.textEdited.connect(lambda _text: self.price_error.clear_message())
        self.description.textEdited.connect(lambda _text: self.description_error.clear_message())
        for first, second in ((self.kind_box, self.description), (self.description, self.quantity),
                              (self.quantity, self.price), (self.price, self.add_button),
                              (self.add_button, self.from_list_button), (self.from_list_button, self.clear_button)):
            QWidget.setTabOrder(first, second)
        return self.add_box

    def _build_totals_box(self) -> QWidget:
        box = QGroupBox(self.tr("Totals"), objectName="totalsBox")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_labels: dict[str, QLabel] = {}
        self.total_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key, name, text in (
            ("value", "totalValue", self.tr("Value")),
            ("covered", "totalCovered", self.tr("Covered")),
            ("discount", "totalDiscount", self.tr("Discount")),
            ("tax", "totalTax", self.tr("Tax")),
            ("to_pay", "totalToPay", self.tr("To pay")),
            ("paid", "totalPaid", self.tr("Paid")),
            ("balance", "totalBalance", self.tr("Balance")),
        ):
            caption = QLabel(text)
            amount = QLabel(objectName=name)
            amount.setAlignment(RIGHT)
            amount.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key in ("to_pay", "balance"):
                bold = amount.font()
                bold.setBold(True)
                amount.setFont(bold)
                caption.setFont(bold)
            form.addRow(caption, amount)
            self.total_labels[key] = amount
            self.total_rows[key] = (caption, amount)
        self.totals_problem = FieldError("totalsProblem")
        form.addRow(self.totals_problem)
        return box

    # -- loading ------------------------------------------------------------------

    def set_order(self, order_id: int | None) -> None:
        if order_id != self.order_id:
            self.clear_line_form()
            self.status.setText("")
        self.order_id = order_id
        self.reload()

    def reload(self) -> None:
        if self.order_id is None or not self.ctx.signed_in:
            self._show_nothing()
            return
        try:
            charges = charges_service.order_charges(self.ctx.actor, self.order_id)
        except ShopDeskError as exc:
            self._show_nothing()
            self.status.setText(translated(exc))
            return
        self._show(charges)

    def _on_data_changed(self, area: str) -> None:
        if area in AREAS_THAT_MOVE_TOTALS and not self._emitting and self.order_id is not None:
            self.reload()

    def _show_nothing(self) -> None:
        self.charges = None
        self.coverage_label.setText(self.tr("No order"))
        self.coverage_label.setStyleSheet("")
        self.goodwill_label.hide()
        self.reason_label.setText("")
        self.quote_label.hide()
        self.lines_model.set_rows(())
        for label in self.total_labels.values():
            label.setText("")
        self.totals_problem.clear_message()
        for widget in (self.check_button, self.override_button, self.drop_override_button, self.remove_button):
            widget.hide()
        self.add_box.hide()
        self.empty_hint.hide()

    def _show(self, charges: OrderCharges) -> None:
        self.charges = charges
        coverage = charges.coverage
        self.coverage_label.setText(coverage_name(coverage.kind))
        self.coverage_label.setStyleSheet(f"color: {COVERAGE_COLOURS.get(coverage.kind, '')};")
        self.goodwill_label.setVisible(charges.overridden)
        self.reason_label.setText(text_of(coverage.reason))
        self.lines_model.set_rows(charges.lines)
        self.empty_hint.setVisible(not charges.lines)
        self._show_totals(charges)
        self._show_quote(charges)
        self._apply_rights(charges)

    def _show_totals(self, charges: OrderCharges) -> None:
        totals = charges.totals
        if totals is None:
            for label in self.total_labels.values():
                label.setText("—")
            self.totals_problem.show_message(translated(charges.totals_problem))
            return
        self.totals_problem.clear_message()
        amounts = {"value": totals.value, "covered": totals.covered, "discount": -totals.discount, "tax": totals.tax,
                   "to_pay": totals.to_pay, "paid": totals.paid, "balance": totals.balance}
        for key, cents in amounts.items():
            self.total_labels[key].setText(format_yuan(cents))
        if totals.balance < 0:
            self.total_labels["balance"].setText(self.tr("{0} (refund due)").format(format_yuan(totals.balance)))
        for key in ("discount", "tax"):  # shown only when the order has them
            for widget in self.total_rows[key]:
                widget.setVisible(bool(amounts[key]))

    def _show_quote(self, charges: OrderCharges) -> None:
        """A paid repair is quoted before the work; the order view records the customer's answer."""
        text = ""
        to_pay = charges.totals.to_pay if charges.totals else None
        if charges.coverage.kind == coverage_rules.PAID and charges.is_open:
            quoted = format_yuan(charges.quote_amount)
            if charges.quote_state == "approved":
                text = self.tr("Quote of {0} approved by the customer.").format(quoted)
            elif charges.quote_state == "declined":
                text = self.tr("Quote of {0} declined by the customer.").format(quoted)
            elif charges.quote_state == "sent":
                text = self.tr("Quote of {0} sent: waiting for the customer's answer.").format(quoted)
            else:
                text = self.tr("Paid repair: quote the customer and record the approval before work starts.")
            if charges.quote_state and to_pay is not None and to_pay != charges.quote_amount:
                text += " " + self.tr("The charges now come to {0}: tell the customer.").format(format_yuan(to_pay))
        self.quote_label.setText(text)
        self.quote_label.setVisible(bool(text))

    def _apply_rights(self, charges: OrderCharges) -> None:
        actor = self.ctx.actor
        self.check_button.setVisible(actor.may("orders.edit"))
        self.check_button.setEnabled(charges.may_check)
        self.override_button.setVisible(actor.may("coverage.override"))
        self.override_button.setEnabled(charges.may_override)
        self.drop_override_button.setVisible(charges.may_override and charges.overridden)
        self.add_box.setVisible(charges.may_edit_lines)
        self.remove_button.setVisible(charges.may_edit_lines)
        self._update_remove()
        if not charges.is_open:
            self.empty_hint.setText(self.tr("This order is finished: its charges no longer change."))
            self.empty_hint.show()
        elif not charges.lines:
            self.empty_hint.setText(self.tr("No lines yet: add the labour, parts and travel below. "
                                            "Covered lines keep their price and show as covered.")
                                    if charges.may_edit_lines else self.tr("No lines yet."))

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self.selected_line() is not None)

    # -- changing ------------------------------------------------------------------

    def selected_line(self) -> ChargeLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.lines_model.row_at(rows[0].row()) if rows else None

    def _changed(self, message: str = "") -> None:
        self.reload()
        self.status.setText(message)
        self._emitting = True
        try:
            self.changed.emit()
            self.ctx.dataChanged.emit("orders")
        finally:
            self._emitting = False

    def _refused(self, error: ShopDeskError) -> None:
        self.reload()  # another desk may have changed the order meanwhile
        self.status.setText(translated(error))

    def add_line(self) -> None:
        if self.charges is None or not self.charges.may_edit_lines:
            return
        for error in (self.description_error, self.price_error, self.line_message):
            error.clear_message()
        try:
            price = parse_yuan(self.price.text())
        except ShopDeskError as exc:
            self.price_error.show_message(translated(exc))
            self.price.setFocus()
            self.price.selectAll()
            return
        picked = self._picked
        try:
            line = coverage_service.add_line(
                self.ctx.actor, self.charges.order_id, self.kind_box.currentData(), self.description.text(),
                self.quantity.value(), price, code=picked.code if picked else "", points=picked.points if picked else 0,
            )
        except ShopDeskError as exc:
            self._line_refused(exc)
            return
        self.clear_line_form()
        self.description.setFocus()
        state = self.tr("covered") if line.covered else self.tr("charged")
        self._changed(self.tr("Added {0} ({1}).").format(line.description, state))

    def _line_refused(self, error: ShopDeskError) -> None:
        field = getattr(error, "field", None)
        if field == "description":
            self.description_error.show_message(translated(error))
            self.description.setFocus()
        elif field == "unit_price":
            self.price_error.show_message(translated(error))
            self.price.setFocus()
        else:
            self.line_message.show_message(translated(error))

    def clear_line_form(self) -> None:
        self.description.clear()
        self.price.clear()
        self.quantity.setValue(1)
        self._set_picked(None)
        for error in (self.description_error, self.price_error, self.line_message):
            error.clear_message()

    def pick_price_item(self) -> None:
        picker = PriceItemPicker(self.ctx, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.picked is not None:
            self.fill_from_item(picker.picked)

    def fill_from_item(self, item: PriceItem) -> None:
        """Fill the line form from a price list item; the price stays editable until “Add line”."""
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(item.kind)))
        self.description.setText(item.name)
        self.quantity.setValue(1)
        self.price.setText(price_text(item.unit_price))
        self._set_picked(item)
        self.description_error.clear_message()
        self.price_error.clear_message()
        self.price.setFocus()
        self.price.selectAll()

    def _set_picked(self, item: PriceItem | None) -> None:
        self._picked = item
        if item is None:
            self.picked_label.setText("")
        else:
            self.picked_label.setText(self.tr("From the price list: {0} · {1} points").format(item.code, item.points))

    def remove_selected_line(self) -> None:
        line = self.selected_line()
        if line is None or self.charges is None or not self.charges.may_edit_lines:
            return
        try:
            coverage_service.remove_line(self.ctx.actor, line.id)
        except ShopDeskError as exc:
            self._refused(exc)
            return
        self._changed(self.tr("Removed {0}.").format(line.description))

    def recheck_coverage(self) -> None:
        if self.charges is None:
            return
        try:
            coverage = coverage_service.check_coverage(self.ctx.actor, self.charges.order_id)
        except ShopDeskError as exc:
            self._refused(exc)
            return
        if self.charges.overridden:
            message = self.tr("The coverage was overridden and stays {0}.").format(coverage_name(coverage.kind))
        else:
            message = self.tr("Coverage checked: {0}.").format(coverage_name(coverage.kind))
        self._changed(message)

    def override_coverage(self) -> None:
        if self.charges is None or not self.charges.may_override:
            return
        dialog = OverrideCoverageDialog(self.ctx, self.charges, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(self.tr("Coverage overridden."))
        else:
            self.reload()  # the dialog may have met another desk's change

    def drop_override(self) -> None:
        if self.charges is None:
            return
        try:
            coverage = coverage_service.check_coverage(self.ctx.actor, self.charges.order_id, drop_override=True)
        except ShopDeskError as exc:
            self._refused(exc)
            return
        self._changed(self.tr("Override dropped: the rules decide again ({0}).").format(coverage_name(coverage.kind)))

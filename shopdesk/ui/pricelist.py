"""The owner's price list: standard services and parts, their prices and points (分值).

A shop's list has tens to hundreds of items, so a search result is loaded
whole (up to ``SHOWN_AT_MOST``, with a hint to narrow the search beyond).
Items are never deleted: one no longer offered is deactivated.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtGui import QAction, QBrush, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.models import PriceItem
from shopdesk.rules.money import format_yuan, parse_yuan
from shopdesk.services import pricelist as pricelist_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.tables import ListModel, RIGHT, read_only_rows
from shopdesk.ui.widgets import FieldError, add_checked_rows, dialog_buttons

SHOWN_AT_MOST = 1000
MAX_POINTS = 100_000

LINE_KIND_NAMES = {
    "labour": QT_TRANSLATE_NOOP("LineKinds", "Labour"),
    "part": QT_TRANSLATE_NOOP("LineKinds", "Part"),
    "travel": QT_TRANSLATE_NOOP("LineKinds", "Travel"),
    "other": QT_TRANSLATE_NOOP("LineKinds", "Other"),
    "discount": QT_TRANSLATE_NOOP("LineKinds", "Discount"),
}
PRICE_LIST_KINDS = ("labour", "part", "travel", "other")  # a discount is given on an order only


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("LineKinds", LINE_KIND_NAMES.get(kind, kind))


def price_text(cents: int) -> str:
    """Cents as a person would type them in a price field: ``8000`` → ``80.00``."""
    yuan, fen = divmod(cents, 100)
    return f"{yuan}.{fen:02d}"


def _dimmed() -> QBrush:
    return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


HEADERS = [
    QT_TRANSLATE_NOOP("PriceItemsModel", "Code"),
    QT_TRANSLATE_NOOP("PriceItemsModel", "Name"),
    QT_TRANSLATE_NOOP("PriceItemsModel", "Kind"),
    QT_TRANSLATE_NOOP("PriceItemsModel", "Unit price"),
    QT_TRANSLATE_NOOP("PriceItemsModel", "Points"),
    QT_TRANSLATE_NOOP("PriceItemsModel", "Active"),
]
CODE, NAME, KIND, UNIT_PRICE, POINTS, ACTIVE = range(len(HEADERS))



class PriceItemsModel(ListModel):
    """Price list items as rows, in the order the service returned them."""

    CONTEXT = "PriceItemsModel"
    HEADERS = HEADERS

    def cell(self, item: PriceItem, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (UNIT_PRICE, POINTS):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and not item.active:
            return _dimmed()
        return None

    def _display(self, item: PriceItem, column: int) -> str:
        if column == CODE:
            return item.code
        if column == NAME:
            return item.name
        if column == KIND:
            return kind_name(item.kind)
        if column == UNIT_PRICE:
            return format_yuan(item.unit_price)
        if column == POINTS:
            return str(item.points)
        if column == ACTIVE:
            if item.active:
                return QCoreApplication.translate("PriceItemsModel", "Yes")
            return QCoreApplication.translate("PriceItemsModel", "No (inactive)")
        return ""


class PriceItemDialog(QDialog):
    """Adding an item (``item`` None) or editing one; the code never changes once saved."""

    def __init__(self, ctx: AppContext, item: PriceItem | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.saved: PriceItem | None = None
        self.setObjectName("priceItemDialog")
        self.setWindowTitle(self.tr("New price list item") if item is None else self.tr("Edit price list item"))
        self.setMinimumWidth(440)

        self.code = QLineEdit(objectName="priceCode")
        self.code.setMaxLength(pricelist_service.MAX_CODE)
        self.code.setPlaceholderText(self.tr("e.g. PICKUP-ROLLER (cannot change later)"))
        self.name = QLineEdit(objectName="priceName")
        self.name.setMaxLength(pricelist_service.MAX_NAME)
        self.name.setPlaceholderText(self.tr("As printed on the receipt, e.g. 搓纸轮 更换"))
        self.kind = QComboBox(objectName="priceKind")
        for kind in PRICE_LIST_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.unit_price = QLineEdit(objectName="priceUnitPrice")
        self.unit_price.setPlaceholderText(self.tr("yuan, e.g. 80 or 80.50"))
        self.points = QSpinBox(objectName="pricePoints")
        self.points.setRange(0, MAX_POINTS)
        self.points.setToolTip(self.tr("Points (分值) the technician earns for this job in the settlement"))

        self.errors = {key: FieldError(f"{key}Error") for key in ("code", "name", "kind", "unit_price", "points")}
        form = QFormLayout()
        add_checked_rows(form, (
            ("code", self.tr("Code"), self.code),
            ("name", self.tr("Name"), self.name),
            ("kind", self.tr("Kind"), self.kind),
            ("unit_price", self.tr("Unit price (¥)"), self.unit_price),
            ("points", self.tr("Points (分值)"), self.points),
        ), self.errors)
        self.message = FieldError("priceDialogMessage")

        self.save_button = QPushButton(self.tr("Save"), objectName="priceSave")
        buttons = dialog_buttons(self, self.save_button, self.save, "priceCancel")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill(item)

    def _fill(self, item: PriceItem | None) -> None:
        if item is None:
            return
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.code.setToolTip(self.tr("A code never changes: old orders refer to it."))
        self.name.setText(item.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.unit_price.setText(price_text(item.unit_price))
        self.points.setValue(item.points)
        self.name.setFocus()

    def _clear_messages(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.message.clear_message()

    def _show(self, error: ShopDeskError) -> None:
        field = getattr(error, "field", None)
        target = self.errors.get(field or "", self.message)
        target.show_message(translated(error))
        widget = {"code": self.code, "name": self.name, "unit_price": self.unit_price, "points": self.points}.get(field or "")
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        self._clear_messages()
        try:
            price = parse_yuan(self.unit_price.text())
        except ShopDeskError as exc:
            self.errors["unit_price"].show_message(translated(exc))
            self.unit_price.setFocus()
            return
        values = {"name": self.name.text(), "kind": self.kind.currentData(), "unit_price": price,
                  "points": self.points.value()}
        try:
            if self.item is None:
                self.saved = pricelist_service.create_item(self.ctx.actor, self.code.text(), **values)
            else:
                self.saved = pricelist_service.update_item(self.ctx.actor, self.item.id, self.item.version, **values)
        except ShopDeskError as exc:
            self._show(exc)
            return
        self.accept()


class PriceListPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("priceListPage")

        self.search_box = QLineEdit(objectName="priceSearch")
        self.search_box.setPlaceholderText(self.tr("Search by code or name"))
        self.search_box.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("Show inactive items"), objectName="priceShowInactive")
        self.add_button = QPushButton(self.tr("Add item…"), objectName="priceAdd")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="priceEdit")
        self.active_button = QPushButton(self.tr("Deactivate"), objectName="priceToggleActive")
        top = QHBoxLayout()
        top.addWidget(self.search_box, 2)
        top.addWidget(self.show_inactive)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.active_button)

        self.model = PriceItemsModel(self)
        self.table = read_only_rows(QTableView(objectName="priceTable"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(objectName="priceHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.status = QLabel(objectName="priceStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)

        self._add_actions()
        self.search_box.textChanged.connect(self.refresh)
        self.show_inactive.toggled.connect(self.refresh)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ctx.dataChanged.connect(self._on_data_changed)
        self._select_after: int | None = None
        self.refresh()

    def _add_actions(self) -> None:
        new = QAction(self.tr("New price list item"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(self.add_item)
        edit = QAction(self.tr("Edit price list item"), self)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_item)
        self.addAction(new)
        self.table.addAction(edit)

    # -- loading ----------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in ("pricelist", "*"):  # "*": another desk saved (SQLite cannot say what)
            self.refresh()

    def refresh(self) -> None:
        actor, text, inactive = self.ctx.actor, self.search_box.text(), self.show_inactive.isChecked()
        self.ctx.tasks.run(
            lambda: pricelist_service.search_items(actor, text, include_inactive=inactive, limit=SHOWN_AT_MOST),
            self._show_items, self._show_problem, key="pricelist-page",
        )

    def _show_items(self, items: list[PriceItem]) -> None:
        keep = self._select_after if self._select_after is not None else self.selected_id()
        self._select_after = None
        self.model.set_rows(items)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_hint(len(items))
        self._update_buttons()

    def _show_problem(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.status.setText(translated(error))

    def _update_hint(self, count: int) -> None:
        text = self.search_box.text().strip()
        if count == 0 and not text:
            self.hint.setText(self.tr("The price list is empty. Add your standard services and parts "
                                      "with “Add item…”; they fill order lines in one click."))
        elif count == 0:
            self.hint.setText(self.tr("No item matches “{0}”.").format(text))
        elif count >= SHOWN_AT_MOST:
            self.hint.setText(self.tr("Showing the first {0} items: type a code or name to narrow the list.").format(count))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    # -- acting -------------------------------------------------------------------

    def selected_id(self) -> int | None:
        item = self.selected_item()
        return item.id if item else None

    def selected_item(self) -> PriceItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        may_edit = self.ctx.actor.may("pricelist.edit")
        item = self.selected_item()
        self.add_button.setEnabled(may_edit)
        self.edit_button.setEnabled(may_edit and item is not None)
        self.active_button.setEnabled(may_edit and item is not None)
        self.active_button.setText(self.tr("Reactivate") if item is not None and not item.active else self.tr("Deactivate"))

    def add_item(self) -> None:
        if self.ctx.actor.may("pricelist.edit"):
            self._run_dialog(PriceItemDialog(self.ctx, None, self))

    def edit_item(self) -> None:
        item = self.selected_item()
        if item is not None and self.ctx.actor.may("pricelist.edit"):
            self._run_dialog(PriceItemDialog(self.ctx, item, self))

    def _run_dialog(self, dialog: PriceItemDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.status.setText(self.tr("Saved {0} {1}.").format(dialog.saved.code, dialog.saved.name))
            self._saved(dialog.saved.id)

    def toggle_active(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        change = pricelist_service.reactivate_item if not item.active else pricelist_service.deactivate_item
        try:
            saved = change(self.ctx.actor, item.id, item.version)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            self.refresh()
            return
        if saved.active:
            self.status.setText(self.tr("{0} is offered again on new lines.").format(saved.code))
        elif self.show_inactive.isChecked():
            self.status.setText(self.tr("{0} deactivated: no longer offered on new lines; old orders keep it.").format(saved.code))
        else:
            self.status.setText(self.tr("{0} deactivated: no longer offered on new lines; old orders keep it. "
                                        "Tick “Show inactive items” to see it again.").format(saved.code))
        self._saved(saved.id)

    def _saved(self, item_id: int) -> None:
        self._select_after = item_id
        self.ctx.dataChanged.emit("pricelist")  # refreshes this page too

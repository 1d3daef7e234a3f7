"""Repair orders: the board of open orders, the team lead's day board, a
technician's own orders, the intake (Ctrl+Shift+N) and the order window."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow,
    QPushButton, QStackedWidget, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.rules import workflow
from shopdesk.services import orders as order_service
from shopdesk.services.orders import BoardFilter, BoardPage
from shopdesk.ui.context import AppContext
from shopdesk.ui.live import keep_place
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.board_model import ID_ROLE, OrderTableModel
from shopdesk.ui.orders.day_board import DayBoardView
from shopdesk.ui.orders.intake import IntakeDialog
from shopdesk.ui.orders.labels import ShopTime
from shopdesk.ui.orders.order_view import OrderDialog
from shopdesk.ui.orders.status import OverdueIndicator
from shopdesk.ui.receipts import ReceiptPreviewDialog
from shopdesk.ui.widgets import EmptyState
from shopdesk.ui.tables import read_only_rows

REFRESH_MS = 30_000


class OrderTable(QWidget):
    """A table of orders with a hint shown instead when there are none."""

    def __init__(self, name: str, model: OrderTableModel, empty_title: str, empty_hint: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.view = read_only_rows(QTableView(objectName=name))
        self.view.setModel(model)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyState(empty_title, empty_hint)
        self.empty.setObjectName(f"{name}Empty")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        model.modelReset.connect(self._update)
        self._sized = False

    def _update(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        if has_rows and not self._sized:
            self.view.resizeColumnsToContents()
            for col in range(self.model.columnCount()):
                self.view.setColumnWidth(col, min(self.view.columnWidth(col), 260))
            self._sized = True


class OrdersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.time = ShopTime()
        self.order_dialogs: dict[int, OrderDialog] = {}
        self.intake: IntakeDialog | None = None
        self.receipt_dialog: ReceiptPreviewDialog | None = None
        actor = ctx.actor

        self.new_order_action = QAction(self.tr("New order…"), self, objectName="newOrderAction")
        self.new_order_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_order_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_order_action.triggered.connect(lambda: self.new_order())
        self.new_order_action.setEnabled(actor.may("orders.create"))
        self.addAction(self.new_order_action)
        self.refresh_action = QAction(self.tr("Refresh"), self, objectName="refreshOrdersAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)

        new_button = QPushButton(self.tr("New order (Ctrl+Shift+N)"), objectName="newOrderButton")
        new_button.clicked.connect(self.new_order_action.trigger)
        new_button.setVisible(actor.may("orders.create"))
        self.overdue_label = OverdueIndicator()
        self.overdue_label.setObjectName("pageOverdue")
        self.status_indicator = OverdueIndicator()
        self.status = QLabel(objectName="ordersStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(new_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.overdue_label)

        self.tabs = QTabWidget(objectName="ordersTabs")
        self.board_tab = self._build_board()
        self.tabs.addTab(self.board_tab, self.tr("Open orders"))
        self.day_board = DayBoardView(ctx)
        self.day_board.changed.connect(self._changed_here)
        self.day_board.openOrder.connect(self.open_order_id)
        self.tabs.addTab(self.day_board, self.tr("Day board"))
        self.my_table: OrderTable | None = None
        if actor.staff is not None and actor.may("orders.view_own") and actor.role in ("technician",):
            self.my_model = OrderTableModel(self._fetch_mine, self.time, self)
            self.my_table = OrderTable("myOrdersTable", self.my_model, self.tr("No orders for you"),
                                       self.tr("Orders the team lead gives you appear here."))
            self.my_table.view.doubleClicked.connect(lambda index: self._open_index(self.my_model, index))
            self._add_print_to_my_orders()
            self.tabs.insertTab(0, self.my_table, self.tr("My orders"))
            self.tabs.setCurrentIndex(0)
        self.tabs.currentChanged.connect(lambda _: self.refresh())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("ordersRefreshTimer")
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        ctx.dataChanged.connect(self._data_changed)
        self.destroyed.connect(self.status_indicator.deleteLater)
        self.model.reload()
        if self.my_table is not None:
            self.my_model.reload()
        self.day_board.reload()
        self._refresh_counts()

    def _add_print_to_my_orders(self) -> None:
        """A technician prints in two clicks: select the order, "Print receipt…" (then Enter or Print)."""
        self.print_action = QAction(self.tr("Print receipt…"), self, objectName="printMyReceiptAction")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(self.print_selected_receipt)
        self.print_action.setEnabled(False)
        self.print_action.setVisible(self.ctx.actor.may("receipts.print"))
        view = self.my_table.view
        view.addAction(self.print_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.print_button = QPushButton(self.tr("Print receipt…"), objectName="printMyReceipt")
        self.print_button.setToolTip(self.tr("Print the selected order's repair receipt (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_action.trigger)
        self.print_button.setVisible(self.print_action.isVisible())
        self.print_action.changed.connect(lambda: self.print_button.setEnabled(self.print_action.isEnabled()))
        self.print_button.setEnabled(False)
        update = lambda *_: self.print_action.setEnabled(bool(view.selectionModel().selectedRows()))  # noqa: E731
        view.selectionModel().selectionChanged.connect(update)
        self.my_model.modelReset.connect(update)  # a refresh drops the selection without saying so
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        self.my_table.layout().insertLayout(0, bar)

    def print_selected_receipt(self, kind: str = "repair") -> ReceiptPreviewDialog | None:
        rows = self.my_table.view.selectionModel().selectedRows() if self.my_table is not None else []
        order_id = self.my_model.data(rows[0], ID_ROLE) if rows else None
        if order_id is None:
            return None
        dialog = ReceiptPreviewDialog(self.ctx, int(order_id), kind, self)
        dialog.printed.connect(self._printed)
        self.receipt_dialog = dialog
        dialog.open()
        return dialog

    def _printed(self, order_id: int) -> None:
        if order_id in self.order_dialogs:  # its timeline shows the print
            self.order_dialogs[order_id].load(with_charges=False)

    def _build_board(self) -> QWidget:
        tab = QWidget()
        self.state_filter = QComboBox(objectName="boardState")
        self.state_filter.addItem(self.tr("Every open state"), "")
        for state in workflow.OPEN_STATES:
            self.state_filter.addItem(labels.state(state), state)
        self.technician_filter = QComboBox(objectName="boardTechnician")
        self.technician_filter.addItem(self.tr("Anyone"), None)
        self.technician_filter.addItem(self.tr("Not yet assigned"), -1)
        for staff in order_service.assignable_staff(self.ctx.actor):
            self.technician_filter.addItem(staff.name, staff.id)
        self.region_filter = QLineEdit(objectName="boardRegion")
        self.region_filter.setPlaceholderText(self.tr("Region"))
        self.region_filter.setClearButtonEnabled(True)
        self.region_filter.setMaximumWidth(160)
        self.overdue_filter = QCheckBox(self.tr("Overdue only"), objectName="boardOverdue")
        self.unclaimed_filter = QCheckBox(self.tr("Unclaimed devices"), objectName="boardUnclaimed")
        self.unclaimed_filter.setToolTip(self.tr("Bench devices ready for pickup longer than the reminder days "
                                                 "in Settings"))
        for box in (self.state_filter, self.technician_filter):
            box.currentIndexChanged.connect(lambda _: self.model.reload())
        self.region_filter.editingFinished.connect(self.model_reload_if_changed)
        for box in (self.overdue_filter, self.unclaimed_filter):
            box.toggled.connect(lambda _: self.model.reload())
        self.count_label = QLabel(objectName="boardCount")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State")))
        filters.addWidget(self.state_filter)
        filters.addWidget(QLabel(self.tr("Technician")))
        filters.addWidget(self.technician_filter)
        filters.addWidget(self.region_filter)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.unclaimed_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = OrderTableModel(self._fetch_board, self.time, self)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.board_table = OrderTable("boardTable", self.model, self.tr("No open orders"),
                                      self.tr("Nothing matches. New orders come in with Ctrl+Shift+N."))
        self.board_table.view.doubleClicked.connect(lambda index: self._open_index(self.model, index))
        keep_place(self.board_table.view, lambda row: getattr(self.model.row_at(row), "id", None))
        self._last_region = ""
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.board_table, 1)
        return tab

    # -- data ----------------------------------------------------------------------------

    def filters(self) -> BoardFilter:
        technician = self.technician_filter.currentData()
        state = self.state_filter.currentData()
        return BoardFilter(
            states=(state,) if state else (),
            technician_id=technician if technician not in (None, -1) else None,
            unassigned=technician == -1,
            region=self.region_filter.text().strip(),
            overdue_only=self.overdue_filter.isChecked(),
            unclaimed_only=self.unclaimed_filter.isChecked(),
        )

    def show_filtered(self, board_filter: BoardFilter) -> None:
        """Show the board narrowed to ``board_filter`` (a report's number opens its orders here).

        The board shows one state at most; ``location`` has no control and is not applied."""
        state = board_filter.states[0] if board_filter.states else ""
        technician = -1 if board_filter.unassigned else board_filter.technician_id
        boxes = (self.state_filter, self.technician_filter, self.region_filter, self.overdue_filter,
                 self.unclaimed_filter)
        for box in boxes:
            box.blockSignals(True)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state)))
        self.technician_filter.setCurrentIndex(max(0, self.technician_filter.findData(technician)))
        self.region_filter.setText(board_filter.region)
        self._last_region = board_filter.region.strip()
        self.overdue_filter.setChecked(board_filter.overdue_only)
        self.unclaimed_filter.setChecked(board_filter.unclaimed_only)
        for box in boxes:
            box.blockSignals(False)
        self.tabs.setCurrentWidget(self.board_tab)
        self.refresh()  # supersedes a refresh still reading with the old filters

    def _fetch_board(self, offset: int, limit: int) -> BoardPage:
        return order_service.board(self.ctx.actor, self.filters(), offset, limit, now=self.ctx.clock.now())

    def _fetch_mine(self, offset: int, limit: int) -> BoardPage:
        mine = BoardFilter(technician_id=self.ctx.actor.staff.id)
        return order_service.board(self.ctx.actor, mine, offset, limit, now=self.ctx.clock.now())

    def model_reload_if_changed(self) -> None:
        if self.region_filter.text().strip() != self._last_region:
            self._last_region = self.region_filter.text().strip()
            self.model.reload()

    def refresh(self) -> None:
        """Read the shown lists again: the clock moved on, or another desk saved."""
        # What the worker thread needs is read here, on the UI thread (it must not touch widgets).
        actor, now, filters, model = self.ctx.actor, self.ctx.clock.now(), self.filters(), self.model
        size = max(100, min(model.rowCount(), 500))
        self.ctx.tasks.run(lambda: order_service.board(actor, filters, 0, size, now=now), model.apply_refresh,
                           self._show_error, key="orders-board")
        if self.my_table is not None:
            mine, my_model = BoardFilter(technician_id=actor.staff.id), self.my_model
            self.ctx.tasks.run(lambda: order_service.board(actor, mine, 0, 100, now=now), my_model.apply_refresh,
                               self._show_error, key="orders-mine")
        if self.tabs.currentWidget() is self.day_board:
            self.day_board.reload()
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.tasks.run(lambda: order_service.overdue_count(actor, now), self._show_overdue, self._show_error,
                           key="orders-overdue")

    def _show_overdue(self, count: int) -> None:
        self.overdue_label.show_count(count)
        self.status_indicator.show_count(count)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{0} orders").format(self.model.total))

    def _data_changed(self, area: str) -> None:
        if area in ("settings", "*"):  # "*": another desk saved, which area SQLite cannot tell
            self.time = ShopTime()
        if area in ("orders", "customers", "settings", "*"):
            self.refresh()

    def _changed_here(self) -> None:
        self.ctx.dataChanged.emit("orders")

    def _show_error(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.status.setText(labels.error_text(exc))

    # -- page hooks ---------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if isinstance(window, QMainWindow) and self.status_indicator.parent() is None:
            window.statusBar().addPermanentWidget(self.status_indicator)

    def new_order(self, customer_id: int | None = None, device_id: int | None = None) -> IntakeDialog | None:
        """The intake dialog (also for the customer file's "new order" button)."""
        if not self.ctx.actor.may("orders.create"):
            return None
        dialog = IntakeDialog(self.ctx, customer_id, device_id, self)
        dialog.orderCreated.connect(self._order_created)
        self.intake = dialog
        dialog.open()
        return dialog

    def _order_created(self, order_id: int, number: str) -> None:
        """The order is written: open it, so the desk can dispatch it at once."""
        self.status.setText(self.tr("Order {0} written.").format(number))
        self.open_order_id(order_id)

    def open_order(self, number: str) -> OrderDialog | None:
        """Open an order by its number (the global search calls this)."""
        try:
            order = order_service.find_order(self.ctx.actor, number)
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            return None
        return self.open_order_id(order.id)

    def open_order_id(self, order_id: int) -> OrderDialog:
        dialog = self.order_dialogs.get(order_id)
        if dialog is None:
            dialog = OrderDialog(self.ctx, order_id, self)
            dialog.changed.connect(lambda _id: self._changed_here())
            dialog.finished.connect(lambda _r, oid=order_id: self.order_dialogs.pop(oid, None))
            self.order_dialogs[order_id] = dialog
        else:
            dialog.load()
        if dialog.isVisible():
            dialog.activateWindow()
        dialog.show()
        return dialog

    def _open_index(self, model: OrderTableModel, index) -> None:
        order_id = model.data(index, ID_ROLE)
        if order_id is not None:
            self.open_order_id(int(order_id))

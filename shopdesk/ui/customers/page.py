"""Customers (客户档案): the list, search as you type, the customer's file.

Finding a customer while the phone rings is the desk's most frequent task:
the search box answers every keystroke from a background task (only the
newest answer shows), the list reads its rows by window, and Enter opens the
best hit — or, for an order number, the order itself.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.rules import search as search_rules
from shopdesk.services import customer_lists
from shopdesk.services import customers as customer_service
from shopdesk.services import settings as settings_service
from shopdesk.services.customers import ListFilters, Sort
from shopdesk.ui.context import AppContext
from shopdesk.ui.customers.dialogs import MergeDialog, NewCustomerDialog
from shopdesk.ui.customers.file_view import CustomerFileView
from shopdesk.ui.customers.import_dialog import ImportDialog
from shopdesk.ui.customers.labels import in_language, kind_label, matched_by
from shopdesk.ui.customers.model import CustomerTableModel
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import EmptyState
from shopdesk.ui.tables import read_only_rows

LIST_TASK = "customer-search"  # list loads and searches share it: only the newest answer shows


class CustomersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timezone = settings_service.current().timezone
        self.sort: Sort | None = None
        self._dirty = False
        self._jump_pending = False
        self._loaded_text: str | None = None
        self.dialog = None  # the open dialog (new customer, import, merge), for tests and focus

        self._build_actions()
        self.stack = QStackedWidget(objectName="customerStack")
        self.stack.addWidget(self._build_empty_state())
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._fill_filters()
        self.ctx.dataChanged.connect(self._data_changed)
        self.refresh()

    # -- building ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("New customer…"), self, objectName="newCustomerAction")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # only while this page shows
        self.new_action.triggered.connect(self.new_customer)
        self.addAction(self.new_action)
        editable = self.ctx.actor.may("customers.edit")
        self.new_action.setEnabled(editable)

    def _build_empty_state(self) -> QWidget:
        self.empty_state = EmptyState(
            self.tr("Customer files"),
            self.tr("No customers yet — press Ctrl+N to add one, or import your Excel list."),
        )
        self.empty_state.setObjectName("customersEmptyState")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        new_button = QPushButton(self.tr("New customer…"), objectName="emptyNewCustomer")
        new_button.clicked.connect(self.new_customer)
        import_button = QPushButton(self.tr("Import Excel or CSV list…"), objectName="emptyImport")
        import_button.clicked.connect(self.import_customers)
        new_button.setVisible(self.ctx.actor.may("customers.edit"))
        import_button.setVisible(self.ctx.actor.may("customers.import"))
        buttons.addWidget(new_button)
        buttons.addWidget(import_button)
        buttons.addStretch(1)
        self.empty_state.layout().insertLayout(3, buttons)  # under the hint, above the bottom stretch
        return self.empty_state

    def _build_main(self) -> QWidget:
        page = QWidget()
        self.search_box = QLineEdit(objectName="customerSearch")
        self.search_box.setPlaceholderText(
            self.tr("Name, pinyin (ww, wangwei), phone, company, address, customer no., serial, order no."))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.search_as_you_type)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.kind_filter.addItem(self.tr("All types"), "")
        for key in ("walk_in", "contract", "rental"):
            self.kind_filter.addItem(kind_label(key), key)
        self.region_filter = QComboBox(objectName="regionFilter")
        self.open_filter = QCheckBox(self.tr("Has open orders"), objectName="openOrdersFilter")
        self.archived_filter = QCheckBox(self.tr("Show archived"), objectName="showArchived")
        for signal in (self.kind_filter.currentIndexChanged, self.region_filter.currentIndexChanged,
                       self.open_filter.toggled, self.archived_filter.toggled):
            signal.connect(lambda *_: self.reload())

        new_button = QPushButton(self.tr("New customer…"), objectName="newCustomer")
        new_button.setToolTip(self.tr("Ctrl+N"))
        new_button.clicked.connect(self.new_customer)
        import_button = QPushButton(self.tr("Import…"), objectName="importCustomers")
        import_button.clicked.connect(self.import_customers)
        export_button = QPushButton(self.tr("Export…"), objectName="exportCustomers")
        export_button.setToolTip(self.tr("Write the list as filtered now to Excel or CSV"))
        export_button.clicked.connect(self.export_customers)
        may_edit = self.ctx.actor.may("customers.edit")
        new_button.setVisible(may_edit)
        import_button.setVisible(self.ctx.actor.may("customers.import"))
        export_button.setVisible(self.ctx.actor.may("customers.import"))

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(new_button)
        top.addWidget(import_button)
        top.addWidget(export_button)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.region_filter)
        filters.addWidget(self.open_filter)
        filters.addWidget(self.archived_filter)
        filters.addStretch(1)

        self.model = CustomerTableModel(lambda ids: customer_service.rows(self.ctx.actor, ids), self.timezone, self)
        self.model.sortRequested.connect(self._sort_requested)
        self.table = read_only_rows(QTableView(objectName="customerTable"))
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        for column, width in enumerate((80, 100, 150, 110, 80, 70, 90)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._row_chosen(current.row()))
        self.table.activated.connect(lambda index: self._row_chosen(index.row()))

        self.count_label = QLabel(objectName="customerCount")
        self.match_label = QLabel(objectName="matchNote")
        self.match_label.setStyleSheet("color: palette(mid);")
        self.match_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.match_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.match_label, 1)
        left_layout.addLayout(counts)

        self.file_view = CustomerFileView(self.ctx, self.timezone)
        self.file_view.saved.connect(lambda _id: None)
        self.file_view.mergeRequested.connect(self.merge_into)
        self.file_view.openOrderRequested.connect(self.open_order_in_orders)
        self.file_view.openComplaintRequested.connect(self.open_complaint_in_followups)
        self.file_view.newOrderRequested.connect(self._new_order)
        self.no_file = EmptyState(self.tr("No customer chosen"),
                                  self.tr("Type a name, pinyin initials, phone or serial above, then pick a customer."))
        self.file_stack = QStackedWidget(objectName="fileStack")
        self.file_stack.addWidget(self.no_file)
        self.file_stack.addWidget(self.file_view)

        splitter = QSplitter(objectName="customerSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.file_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.status = QLabel(objectName="customersStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setTabOrder(self.search_box, self.kind_filter)
        self.setTabOrder(self.kind_filter, self.region_filter)
        self.setTabOrder(self.region_filter, self.open_filter)
        self.setTabOrder(self.open_filter, self.archived_filter)
        self.setTabOrder(self.archived_filter, self.table)
        return page

    def _fill_filters(self) -> None:
        current = self.region_filter.currentData()
        self.region_filter.blockSignals(True)
        self.region_filter.clear()
        self.region_filter.addItem(self.tr("All regions"), "")
        self.regions = customer_service.regions(self.ctx.actor)
        for region in self.regions:
            self.region_filter.addItem(region, region)
        self.region_filter.setCurrentIndex(max(0, self.region_filter.findData(current)))
        self.region_filter.blockSignals(False)

    # -- the page hooks the main window calls --------------------------------------------------

    def activate(self) -> None:
        if self._dirty:
            self.refresh()

    def search(self, text: str) -> None:
        """Enter in a search box: show the hits and open the best one (an order opens as the order)."""
        self._set_search_text(text)
        self._jump_pending = True
        self.reload()

    def search_as_you_type(self, text: str) -> None:
        self._set_search_text(text)
        self._jump_pending = False
        if text.strip() != (self._loaded_text or "") or not text.strip():
            self.reload()

    def _set_search_text(self, text: str) -> None:
        if self.search_box.text() != text:
            self.search_box.blockSignals(True)
            self.search_box.setText(text)
            self.search_box.blockSignals(False)
        if text.strip() and self.stack.currentIndex() == 0:
            self.stack.setCurrentIndex(1)

    # -- loading the list ---------------------------------------------------------------------

    def filters(self) -> ListFilters:
        return ListFilters(
            kind=self.kind_filter.currentData() or "", region=self.region_filter.currentData() or "",
            has_open_orders=self.open_filter.isChecked(), include_archived=self.archived_filter.isChecked(),
            text=self.search_box.text().strip(),
        )

    def refresh(self) -> None:
        """Everything again: the empty state, the regions, the list, the open file."""
        self._dirty = False
        has_any = customer_service.has_customers(self.ctx.actor)
        self.stack.setCurrentIndex(1 if has_any or self.search_box.text().strip() else 0)
        self._fill_filters()
        self.file_view.form.set_regions(self.regions)
        self.reload()
        if self.file_view.customer_id is not None:
            self.file_view.reload()

    def reload(self) -> None:
        """Load the ids of the list (or the search hits) off the UI thread."""
        filters, sort, actor = self.filters(), self.sort, self.ctx.actor
        if filters.text:
            work = lambda: customer_service.find_in_list(actor, filters, sort)  # noqa: E731
        else:
            work = lambda: (customer_service.list_ids(actor, filters, sort), {})  # noqa: E731
        self.ctx.tasks.run(work, lambda result: self._show_list(filters.text, *result), self._failed, key=LIST_TASK)

    def _show_list(self, text: str, ids: list[int], hits: dict) -> None:
        keep = self.file_view.customer_id
        notes = {customer_id: matched_by(hit.via, hit.detail) for customer_id, hit in hits.items()}
        self.model.set_ids(ids, notes)
        self._loaded_text = text
        if text:
            self.count_label.setText(self.tr("1 match") if len(ids) == 1 else self.tr("{0} matches").format(len(ids)))
        else:
            self.count_label.setText(self.tr("1 customer") if len(ids) == 1 else self.tr("{0} customers").format(len(ids)))
        self.match_label.clear()
        if keep is not None and self.model.row_of(keep) >= 0:
            self._select_row(self.model.row_of(keep), load=False)
        if self._jump_pending:
            self._jump_pending = False
            self._jump(ids, hits)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.status.setText(translated(error))

    def _sort_requested(self, sort: Sort) -> None:
        self.sort = sort
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area == "followups" and self.isVisible():
            self.file_view.reload()  # the open file's calls and complaints; the list is unchanged
            return
        if area not in ("customers", "orders", "followups", "*"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    # -- choosing a customer --------------------------------------------------------------------

    def _jump(self, ids: list[int], hits: dict) -> None:
        if not ids:
            self.status.setText(self.tr("Nothing found for “{0}”.").format(self.search_box.text().strip()))
            return
        best = hits.get(ids[0])
        if best is not None and best.via == "order" and best.rank == search_rules.EXACT:
            if self.open_order_in_orders(best.detail):
                return
        self._select_row(0)
        self.table.setFocus()

    def _select_row(self, row: int, load: bool = True) -> None:
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        if not load:
            selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.scrollTo(index)
        if load:
            self._row_chosen(row)

    def _row_chosen(self, row: int) -> None:
        customer_id = self.model.id_at(row)
        if customer_id is None:
            return
        self.open_customer(customer_id)
        note = self.model.data(self.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        self.match_label.setText(note or "")

    def open_customer(self, customer_id: int) -> bool:
        """Show a customer's file (also from other areas)."""
        if self.stack.currentIndex() == 0:
            self.stack.setCurrentIndex(1)
        if not self.file_view.load(customer_id, self.regions):
            return False
        self.file_stack.setCurrentWidget(self.file_view)
        row = self.model.row_of(customer_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row, load=False)
        return True

    def open_complaint_in_followups(self, complaint_id: int) -> bool:
        """Open a complaint on the Follow-ups page, if the window has one."""
        show_area = getattr(self.window(), "show_area", None)
        page = show_area("followups") if callable(show_area) else None
        show = getattr(page, "show_complaint", None)
        if not callable(show):
            return False
        show(complaint_id)
        return True

    def open_order_in_orders(self, number: str) -> bool:
        """Open an order on the Repair orders page, if the window has one."""
        window = self.window()
        show_area = getattr(window, "show_area", None)
        page = show_area("orders") if callable(show_area) else None
        open_order = getattr(page, "open_order", None)
        if not callable(open_order):
            self.status.setText(self.tr("Order {0}: the Repair orders area is not available.").format(number))
            return False
        open_order(number)
        return True

    def _new_order(self, customer_id: int, device_id: int = 0) -> None:
        window = self.window()
        show_area = getattr(window, "show_area", None)
        page = show_area("orders") if callable(show_area) else None
        new_order = getattr(page, "new_order", None)
        if callable(new_order):
            new_order(customer_id, device_id or None)
        else:
            self.status.setText(self.tr("The Repair orders area is not available."))

    # -- actions ---------------------------------------------------------------------------------

    def new_customer(self) -> NewCustomerDialog | None:
        if not self.ctx.actor.may("customers.edit"):
            return None
        dialog = NewCustomerDialog(self.ctx, self.regions, self)
        dialog.customerCreated.connect(self._created)
        dialog.openExisting.connect(self.open_customer)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, customer_id: int) -> None:
        self.stack.setCurrentIndex(1)
        self.open_customer(customer_id)
        self.status.setText(self.tr("Customer {0} created.").format(self.file_view.file.customer.number))

    def import_customers(self) -> ImportDialog | None:
        if not self.ctx.actor.may("customers.import"):
            return None
        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda count: self.status.setText(self.tr("Customers imported: {0}.").format(count)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_customers(self, path: str | None = None) -> None:
        """Write the list as filtered and sorted now (off the UI thread: 100k rows take a while)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export customers"), "customers.xlsx",
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
        filters, sort, actor = self.filters(), self.sort, self.ctx.actor
        self.status.setText(self.tr("Exporting…"))
        self.ctx.tasks.run(
            lambda: customer_lists.export(actor, path, filters, sort, translate=in_language),
            lambda count: self._exported(count, path), self._export_failed, key="customer-export")

    def _exported(self, count: int, path: str) -> None:
        self.status.setText(self.tr("1 customer written to {0}.").format(path) if count == 1
                            else self.tr("{0} customers written to {1}.").format(count, path))

    def _export_failed(self, error: BaseException) -> None:
        if not isinstance(error, (ShopDeskError, OSError)):
            raise error
        message = translated(error) if isinstance(error, ShopDeskError) else str(error)
        self.status.setText(self.tr("Export failed: {0}").format(message))

    def merge_into(self, keep_id: int) -> MergeDialog | None:
        file = self.file_view.file
        if file is None or not self.ctx.actor.may("customers.edit"):
            return None
        dialog = MergeDialog(self.ctx, keep_id, f"{file.customer.number} {file.customer.name}", self)
        dialog.merged.connect(lambda _id: self.status.setText(self.tr("Files merged.")))
        self.dialog = dialog
        dialog.open()
        return dialog

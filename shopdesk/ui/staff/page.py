"""The owner's Staff page: the people (add, edit, deactivate, reset a password)
and the audit trail, on two tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.models import Staff
from shopdesk.services import staff as staff_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.staff.audit_view import AuditTrail
from shopdesk.ui.staff.dialogs import ResetPasswordDialog, StaffDialog
from shopdesk.ui.staff.staff_table import NAME, StaffTableModel
from shopdesk.ui.tables import read_only_rows


class StaffPage(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.people = StaffList(ctx)
        self.addTab(self.people, self.tr("People"))
        self.audit: AuditTrail | None = None
        if ctx.actor.may("audit.view"):
            self.audit = AuditTrail(ctx)
            self.addTab(self.audit, self.tr("Audit trail"))
        self.currentChanged.connect(lambda _index: self.activate())
        self.people.historyRequested.connect(self.show_history)

    def activate(self) -> None:
        current = self.currentWidget()
        activate = getattr(current, "activate", None)
        if callable(activate):
            activate()

    def show_history(self, staff_id: int) -> None:
        if self.audit is None:
            return
        self.blockSignals(True)
        self.setCurrentWidget(self.audit)
        self.blockSignals(False)
        self.audit.activate()
        self.audit.show_record("Staff", str(staff_id))


class StaffList(QWidget):
    historyRequested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffList")
        self.model = StaffTableModel(self)
        self.table = read_only_rows(QTableView(objectName="staffTable"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column, width in enumerate((170, 120, 110, 140, 140)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.add_button = self._button(self.tr("&Add person…"), "addStaff", self.add_person)
        self.edit_button = self._button(self.tr("&Edit…"), "editStaff", self.edit_selected)
        self.active_button = self._button(self.tr("&Deactivate"), "toggleActive", self.toggle_active)
        self.reset_button = self._button(self.tr("&Reset password…"), "resetPassword", self.reset_password)
        self.history_button = self._button(self.tr("&History"), "staffHistory", self._request_history)
        self.show_inactive = QCheckBox(self.tr("Show people who &left"), objectName="showInactive")
        self.show_inactive.toggled.connect(lambda _on: self.load())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.reset_button,
                       self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_inactive)

        self.status = QLabel(objectName="staffStatus")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("Technicians and team leads appear in the assignment lists. People who left "
                              "are deactivated, never deleted: their orders and history stay."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(hint)

        add_action = QAction(self, objectName="addStaffAction")
        add_action.setShortcut(QKeySequence.StandardKey.New)
        add_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # only while this list shows
        add_action.triggered.connect(self.add_person)
        self.addAction(add_action)
        edit_action = QAction(self, objectName="editStaffAction")
        edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_action.triggered.connect(self.edit_selected)
        self.table.addAction(edit_action)

        self.ctx.dataChanged.connect(self._data_changed)
        self.load()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    # -- loading --------------------------------------------------------------------

    def activate(self) -> None:
        self.load()

    def _data_changed(self, area: str) -> None:
        # "*" comes from another desk's save; a hidden list reloads when shown (activate).
        if area in ("staff", "*") and self.isVisible():
            self.load()

    def load(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        try:
            people = staff_service.list_staff(self.ctx.actor, include_inactive=self.show_inactive.isChecked())
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            people = []
        self.model.set_staff(people, self.ctx.clock.now())
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._update_buttons()

    def selected(self) -> Staff | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        staff = self.selected()
        return staff.id if staff else None

    def select(self, staff_id: int) -> None:
        row = self.model.row_of(staff_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, NAME))

    def _update_buttons(self) -> None:
        staff = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button, self.history_button):
            button.setEnabled(staff is not None)
        if staff is not None and not staff.active:
            self.active_button.setText(self.tr("Re&activate"))
        else:
            self.active_button.setText(self.tr("&Deactivate"))

    # -- actions ----------------------------------------------------------------------

    def add_person(self) -> None:
        dialog = StaffDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._saved(dialog.saved, self.tr("{0} added. They sign in with the user name {1}.").format(
                dialog.saved.name, dialog.saved.username))

    def edit_selected(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        try:
            fresh = staff_service.get_staff(self.ctx.actor, staff.id)  # edit what is saved now
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        dialog = StaffDialog(self.ctx, fresh, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._saved(dialog.saved, self.tr("{0} saved.").format(dialog.saved.name))

    def toggle_active(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        try:
            saved = staff_service.set_active(self.ctx.actor, staff.id, not staff.active)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        if saved.active:
            message = self.tr("{0} is active again and can sign in.").format(saved.name)
        else:
            message = self.tr("{0} is deactivated: they can no longer sign in; their history stays.").format(saved.name)
        self._saved(saved, message)

    def reset_password(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        dialog = ResetPasswordDialog(self.ctx, staff, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._saved(staff, self.tr("New password set for {0}.").format(staff.name))

    def _request_history(self) -> None:
        staff_id = self.selected_id()
        if staff_id is not None:
            self.historyRequested.emit(staff_id)

    def _saved(self, staff: Staff, message: str) -> None:
        if not staff.active and not self.show_inactive.isChecked():
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # keep the person in view
            self.show_inactive.blockSignals(False)
        self.load(select_id=staff.id)
        self.status.setText(message)
        self.ctx.dataChanged.emit("staff")

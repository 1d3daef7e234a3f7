"""Settings: the shop header printed on receipts, and the shop's limits."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError, StaleRecord, ValidationError
from shopdesk.rules.money import NotAnAmount, format_yuan, parse_yuan
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import FieldError

LOGO_MAX_SIDE = 400


class SettingsPage(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)

        header = QGroupBox(self.tr("Shop header (printed on every receipt)"))
        form = QFormLayout(header)
        self.name = QLineEdit(objectName="shopName")
        self.name_error = FieldError()
        self.address = QLineEdit(objectName="shopAddress")
        self.phone = QLineEdit(objectName="shopPhone")
        self.logo_preview = QLabel(objectName="logoPreview")
        self.logo_preview.setMinimumHeight(64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        choose_logo = QPushButton(self.tr("Choose logo…"), objectName="chooseLogo")
        choose_logo.clicked.connect(self._choose_logo)
        clear_logo = QPushButton(self.tr("No logo"), objectName="clearLogo")
        clear_logo.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(clear_logo)
        self.terms = QPlainTextEdit(objectName="receiptTerms")
        self.terms.setPlaceholderText(self.tr("Repair warranty terms printed on the repair receipt"))
        self.terms.setMaximumHeight(90)
        form.addRow(self.tr("Shop name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Receipt terms"), self.terms)

        rules = QGroupBox(self.tr("Repairs"))
        rules_form = QFormLayout(rules)
        self.warranty_days = self._spin("repairWarrantyDays", 0, 3650, self.tr(" days"))
        self.dispatch_minutes = self._spin("dispatchMinutes", 1, 1440, self.tr(" min"))
        self.assign_minutes = self._spin("assignMinutes", 1, 1440, self.tr(" min"))
        self.layout_box = QComboBox(objectName="receiptLayout")
        for key, label in (("a4", self.tr("A4")), ("a5", self.tr("A5")), ("80mm", self.tr("80 mm receipt printer"))):
            self.layout_box.addItem(label, key)
        self.pickup_days = self._spin("pickupReminderDays", 1, 3650, self.tr(" days"))
        self.tax_rate = QDoubleSpinBox(objectName="taxRate")
        self.tax_rate.setRange(0, 100)
        self.tax_rate.setDecimals(2)
        self.tax_rate.setSuffix(" %")
        rules_form.addRow(self.tr("Repair warranty"), self.warranty_days)
        rules_form.addRow(self.tr("Dispatch within"), self.dispatch_minutes)
        rules_form.addRow(self.tr("Assign within"), self.assign_minutes)
        rules_form.addRow(self.tr("List devices not picked up after"), self.pickup_days)
        rules_form.addRow(self.tr("Tax on charges"), self.tax_rate)
        rules_form.addRow(self.tr("Receipt layout"), self.layout_box)

        money = QGroupBox(self.tr("Technician allowances (settlement)"))
        money_form = QFormLayout(money)
        self.travel_per_visit = QLineEdit(objectName="travelPerVisit")
        self.fuel_per_km = QLineEdit(objectName="fuelPerKm")
        self.money_error = FieldError()
        money_form.addRow(self.tr("Travel allowance per on-site visit (¥)"), self.travel_per_visit)
        money_form.addRow(self.tr("Fuel allowance per km (¥)"), self.fuel_per_km)
        money_form.addRow("", self.money_error)

        calls = QGroupBox(self.tr("Follow-up calls and customer care"))
        calls_form = QFormLayout(calls)
        self.long_repair_days = self._spin("followupLongRepairDays", 1, 365, self.tr(" days"))
        self.contract_call_days = self._spin("followupContractDays", 1, 3650, self.tr(" days"))
        self.churn_months = self._spin("churnMonths", 1, 120, self.tr(" months"))
        self.script_satisfied = QPlainTextEdit(objectName="scriptSatisfied")
        self.script_unsatisfied = QPlainTextEdit(objectName="scriptUnsatisfied")
        for box in (self.script_satisfied, self.script_unsatisfied):
            box.setMaximumHeight(80)
            box.setPlaceholderText(self.tr("Empty: the built-in script is shown"))
        calls_form.addRow(self.tr("Progress call when a repair is open for"), self.long_repair_days)
        calls_form.addRow(self.tr("Call contract and rental customers every"), self.contract_call_days)
        calls_form.addRow(self.tr("Customer counts as lost after no order for"), self.churn_months)
        calls_form.addRow(self.tr("Call script (satisfied)"), self.script_satisfied)
        calls_form.addRow(self.tr("Call script (unsatisfied)"), self.script_unsatisfied)

        backups = QGroupBox(self.tr("Backups"))
        backups_form = QFormLayout(backups)
        self.backup_folder = QLineEdit(objectName="backupFolder")
        self.backup_folder.setPlaceholderText(self.tr("Empty: the backups folder beside the database"))
        choose_folder = QPushButton(self.tr("Choose…"), objectName="chooseBackupFolder")
        choose_folder.clicked.connect(self._choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose_folder)
        self.keep_daily = self._spin("keepDaily", 1, 365, "")
        self.keep_monthly = self._spin("keepMonthly", 0, 240, "")
        backups_form.addRow(self.tr("Backup folder (e.g. a USB disk)"), folder_row)
        backups_form.addRow(self.tr("Keep the last daily backups"), self.keep_daily)
        backups_form.addRow(self.tr("Keep the last monthly backups"), self.keep_monthly)

        desk = QGroupBox(self.tr("This desk"))
        desk_row = QHBoxLayout(desk)
        connect_button = QPushButton(self.tr("Connect to shop server…"), objectName="connectServer")
        connect_button.clicked.connect(self.open_connect_dialog)
        desk_row.addWidget(connect_button)
        desk_row.addStretch(1)

        self.save_button = QPushButton(self.tr("Save settings"), objectName="saveSettings")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("Reload"), objectName="reloadSettings")
        self.reload_button.clicked.connect(self.load)
        self.status = QLabel(objectName="settingsStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)

        outer.addWidget(header)
        outer.addWidget(rules)
        outer.addWidget(money)
        outer.addWidget(calls)
        outer.addWidget(backups)
        outer.addWidget(desk)
        outer.addLayout(buttons)
        outer.addStretch(1)

        self._logo: bytes | None = None
        self._version = 0
        self.load()
        self._apply_role()

    def open_connect_dialog(self):
        """Point this desk at the shop's PostgreSQL server (Settings → Connect to shop server…)."""
        from shopdesk.ui.connect import ConnectDialog

        self.connect_dialog = ConnectDialog(self.ctx, self)
        self.connect_dialog.open()
        return self.connect_dialog

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        box = QSpinBox(objectName=name)
        box.setRange(low, high)
        box.setSuffix(suffix)
        return box

    def _apply_role(self) -> None:
        editable = self.ctx.actor.may("settings.edit")
        for widget in (self.name, self.address, self.phone, self.terms, self.warranty_days,
                       self.dispatch_minutes, self.assign_minutes, self.layout_box, self.save_button,
                       self.pickup_days, self.tax_rate, self.travel_per_visit, self.fuel_per_km,
                       self.long_repair_days, self.contract_call_days, self.churn_months, self.script_satisfied,
                       self.script_unsatisfied, self.backup_folder, self.keep_daily, self.keep_monthly):
            widget.setEnabled(editable)
        if not editable:
            self.status.setText(self.tr("Only the owner can change these settings."))

    def load(self) -> None:
        current = settings_service.current()
        self._version = current.version
        self.name.setText(current.name)
        self.address.setText(current.address)
        self.phone.setText(current.phone)
        self.terms.setPlainText(current.receipt_terms)
        self.warranty_days.setValue(current.repair_warranty_days)
        self.dispatch_minutes.setValue(current.dispatch_limit_minutes)
        self.assign_minutes.setValue(current.assign_limit_minutes)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(current.receipt_layout)))
        self.pickup_days.setValue(current.pickup_reminder_days)
        self.tax_rate.setValue(current.tax_rate_basis_points / 100)
        self.travel_per_visit.setText(format_yuan(current.travel_allowance_per_visit).replace("¥", ""))
        self.fuel_per_km.setText(format_yuan(current.fuel_allowance_per_km).replace("¥", ""))
        self.long_repair_days.setValue(current.followup_long_repair_days)
        self.contract_call_days.setValue(current.followup_contract_days)
        self.churn_months.setValue(current.churn_months)
        self.script_satisfied.setPlainText(current.call_script_satisfied)
        self.script_unsatisfied.setPlainText(current.call_script_unsatisfied)
        self.backup_folder.setText(current.backup_folder)
        self.keep_daily.setValue(current.backup_keep_daily)
        self.keep_monthly.setValue(current.backup_keep_monthly)
        self.money_error.clear_message()
        self._set_logo(bytes(current.logo_png) if current.logo_png else None)
        self.name_error.clear_message()
        self.status.setText("")

    def values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "receipt_terms": self.terms.toPlainText().strip(),
            "repair_warranty_days": self.warranty_days.value(),
            "dispatch_limit_minutes": self.dispatch_minutes.value(),
            "assign_limit_minutes": self.assign_minutes.value(),
            "receipt_layout": self.layout_box.currentData(),
            "logo_png": self._logo,
            "pickup_reminder_days": self.pickup_days.value(),
            "tax_rate_basis_points": round(self.tax_rate.value() * 100),
            "travel_allowance_per_visit": parse_yuan(self.travel_per_visit.text() or "0"),
            "fuel_allowance_per_km": parse_yuan(self.fuel_per_km.text() or "0"),
            "followup_long_repair_days": self.long_repair_days.value(),
            "followup_contract_days": self.contract_call_days.value(),
            "churn_months": self.churn_months.value(),
            "call_script_satisfied": self.script_satisfied.toPlainText().strip(),
            "call_script_unsatisfied": self.script_unsatisfied.toPlainText().strip(),
            "backup_folder": self.backup_folder.text().strip(),
            "backup_keep_daily": self.keep_daily.value(),
            "backup_keep_monthly": self.keep_monthly.value(),
        }

    def save(self) -> None:
        self.name_error.clear_message()
        self.money_error.clear_message()
        try:
            values = self.values()
        except NotAnAmount as exc:  # an allowance that is not an amount
            self.money_error.show_message(translated(exc))
            return
        try:
            saved = settings_service.update(self.ctx.actor, self._version, **values)  # ok-db: a service call
        except ValidationError as exc:
            if exc.field == "name":
                self.name_error.show_message(translated(exc))
                self.name.setFocus()
            else:
                self.status.setText(translated(exc))
            return
        except StaleRecord as exc:
            self.status.setText(translated(exc))  # the form keeps what the user typed
            return
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self._version = saved.version
        self.status.setText(self.tr("Saved."))
        self.ctx.dataChanged.emit("settings")

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the shop logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp)"))
        if path:
            self.load_logo_file(path)

    def load_logo_file(self, path: str) -> bool:
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, self.tr("Logo"), self.tr("This file is not an image ShopDesk can read."))
            return False
        if max(image.width(), image.height()) > LOGO_MAX_SIDE:
            image = image.scaled(LOGO_MAX_SIDE, LOGO_MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self._set_logo(bytes(data))
        return True

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        if png:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.logo_preview.setPixmap(pixmap.scaledToHeight(64, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("(no logo)"))

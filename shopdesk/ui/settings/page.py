"""Settings: the shop header printed on receipts, and the shop's limits."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError, StaleRecord, ValidationError
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
        rules_form.addRow(self.tr("Repair warranty"), self.warranty_days)
        rules_form.addRow(self.tr("Dispatch within"), self.dispatch_minutes)
        rules_form.addRow(self.tr("Assign within"), self.assign_minutes)
        rules_form.addRow(self.tr("Receipt layout"), self.layout_box)

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
        outer.addLayout(buttons)
        outer.addStretch(1)

        self._logo: bytes | None = None
        self._version = 0
        self.load()
        self._apply_role()

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        box = QSpinBox(objectName=name)
        box.setRange(low, high)
        box.setSuffix(suffix)
        return box

    def _apply_role(self) -> None:
        editable = self.ctx.actor.may("settings.edit")
        for widget in (self.name, self.address, self.phone, self.terms, self.warranty_days,
                       self.dispatch_minutes, self.assign_minutes, self.layout_box, self.save_button):
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
        }

    def save(self) -> None:
        self.name_error.clear_message()
        try:
            saved = settings_service.update(self.ctx.actor, self._version, **self.values())
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

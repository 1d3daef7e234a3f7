"""The small dialog that asks for what an action needs: a reason, a signer, a time …

Its fields come from the action's inputs in ``rules.workflow``; it checks
them with the same rule before the service is called (the service checks
again), and shows a refusal beside the field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError, ValidationError
from shopdesk.rules import workflow
from shopdesk.rules.money import parse_yuan
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.labels import ShopTime
from shopdesk.ui.widgets import FieldError


class ActionDialog(QDialog):
    """Asks for an action's inputs. ``values()`` gives them ready for the service (UTC times, cents)."""

    def __init__(self, act: workflow.Action, staff: list[tuple[int, str, str]], now_utc: dt.datetime,
                 shop_time: ShopTime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.act = act
        self.time = shop_time
        self.setWindowTitle(labels.action(act))
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        for spec in act.inputs:
            widget = self._field(spec, staff, now_utc)
            widget.setObjectName(f"input_{spec.name}")
            self.fields[spec.name] = widget
            self.errors[spec.name] = FieldError()
            text = labels.translated_in("Workflow", spec.label) + (" *" if spec.required else "")
            if spec.kind == "bool":
                widget.setText(text)
                form.addRow("", widget)
            else:
                form.addRow(text, widget)
            form.addRow("", self.errors[spec.name])
        if not act.inputs:
            layout.addWidget(QLabel(self.tr("Confirm: {0}").format(labels.action(act))))
        self.general_error = FieldError("actionError")
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("actionOk")
        self.ok_button.setText(labels.action(act))
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _field(self, spec: workflow.Input, staff, now_utc: dt.datetime) -> QWidget:
        if spec.kind == "long_text":
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setMaximumHeight(80)
            return box
        if spec.kind == "staff":
            box = QComboBox()
            if not spec.required:
                box.addItem(self.tr("(nobody yet)"), None)
            for staff_id, name, role in staff:
                if not spec.roles or role in spec.roles:
                    box.addItem(name, staff_id)
            return box
        if spec.kind == "datetime":
            box = QDateTimeEdit()
            box.setCalendarPopup(True)
            box.setDisplayFormat("yyyy-MM-dd HH:mm")
            local = self.time.local(now_utc)
            box.setDateTime(QDateTime(local.date(), local.time().replace(second=0)))
            return box
        if spec.kind == "bool":
            return QCheckBox()
        if spec.kind == "choice":
            box = QComboBox()
            for key in spec.choices:
                box.addItem(labels.choice(key), key)
            return box
        box = QLineEdit()
        if spec.kind == "money":
            box.setPlaceholderText(self.tr("Amount in yuan, e.g. 80 or 80.50"))
        return box

    def values(self) -> dict:
        """What was entered, in the service's terms. Raises ValidationError for an amount that is not one."""
        out = {}
        for spec in self.act.inputs:
            widget = self.fields[spec.name]
            if spec.kind == "long_text":
                out[spec.name] = widget.toPlainText().strip()
            elif spec.kind in ("staff", "choice"):
                out[spec.name] = widget.currentData()
            elif spec.kind == "datetime":
                qt = widget.dateTime()
                local = dt.datetime(qt.date().year(), qt.date().month(), qt.date().day(),
                                    qt.time().hour(), qt.time().minute())
                out[spec.name] = self.time.utc(local)
            elif spec.kind == "bool":
                out[spec.name] = widget.isChecked()
            elif spec.kind == "money":
                text = widget.text().strip()
                if text:
                    try:
                        out[spec.name] = parse_yuan(text)
                    except ValidationError as exc:
                        raise ValidationError(exc.message, field=spec.name) from exc
            else:
                out[spec.name] = widget.text().strip()
        return {k: v for k, v in out.items() if v not in (None, "")}

    def check_and_accept(self) -> None:
        """Check with the workflow's own rule before the service is called."""
        self.clear_errors()
        try:
            workflow.clean_inputs(self.act, self.values())
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        self.accept()

    def show_error(self, exc: ShopDeskError) -> None:
        field = getattr(exc, "field", None)
        target = self.errors.get(field) if field else None
        (target or self.general_error).show_message(labels.error_text(exc))
        if field in self.fields:
            self.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

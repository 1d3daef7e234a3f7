"""Customer care: birthdays 2–7 days ahead and holidays, who was greeted; and churn."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.rules import care
from shopdesk.services import followups as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import Column, PagedModel, local_text, make_table, tr
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import FieldError


def holiday_name(row) -> str:
    return QCoreApplication.translate("Care", row.name) if row.built_in else row.name


def greeted_text(greeted: bool, by: str, at, tz: str) -> str:
    if not greeted:
        return ""
    return tr(QT_TRANSLATE_NOOP("FollowUps", "Yes")) + f" · {by} {local_text(at, tz)}".rstrip()


def _days_text(days: int) -> str:
    if days == 0:
        return tr(QT_TRANSLATE_NOOP("FollowUps", "today"))
    if days == 1:
        return tr(QT_TRANSLATE_NOOP("FollowUps", "tomorrow"))
    return tr(QT_TRANSLATE_NOOP("FollowUps", "in {0} days")).format(days)


def birthday_columns(tz: str) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Date"), lambda r: r.date.strftime("%m-%d")),
        Column(QT_TRANSLATE_NOOP("FollowUps", "When"), lambda r: _days_text(r.days_ahead)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Phone"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Calendar"),
               lambda r: tr(QT_TRANSLATE_NOOP("FollowUps", "Lunar")) if r.lunar else ""),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Greeted"), lambda r: greeted_text(r.greeted, r.greeted_by, r.greeted_at, tz)),
    ]


def holiday_columns() -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Date"), lambda r: r.date.strftime("%Y-%m-%d")),
        Column(QT_TRANSLATE_NOOP("FollowUps", "When"), lambda r: _days_text(r.days_ahead)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Holiday"), holiday_name),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Greeted"), lambda r: f"{r.greeted} / {r.customers}", align_right=True),
    ]


def holiday_customer_columns(tz: str) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Phone"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Greeted"), lambda r: greeted_text(r.greeted, r.greeted_by, r.greeted_at, tz)),
    ]


class CareTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.birthday_model = PagedModel(birthday_columns(self.tz), parent=self)
        self.birthdays = make_table("careBirthdays", self.birthday_model, stretch=5)
        self.birthday_hint = QLabel(objectName="careBirthdayHint")
        self.birthday_hint.setWordWrap(True)
        greet_birthday = QPushButton(self.tr("Greeted"), objectName="greetBirthday")
        greet_birthday.setToolTip(self.tr("Log that the selected customer was greeted for this birthday"))
        greet_birthday.clicked.connect(self.greet_selected_birthday)

        self.holiday_model = PagedModel(holiday_columns(), parent=self)
        self.holidays = make_table("careHolidays", self.holiday_model, stretch=2)
        self.holidays.selectionModel().currentRowChanged.connect(lambda *_: self._load_holiday_customers())
        self.holiday_customer_model = PagedModel(holiday_customer_columns(self.tz), parent=self)
        self.holiday_customers = make_table("careHolidayCustomers", self.holiday_customer_model, stretch=2)
        self.holiday_hint = QLabel(objectName="careHolidayHint")
        self.holiday_hint.setWordWrap(True)
        greet_holiday = QPushButton(self.tr("Greeted"), objectName="greetHoliday")
        greet_holiday.clicked.connect(self.greet_selected_holiday_customer)
        manage = QPushButton(self.tr("Holidays…"), objectName="manageHolidays")
        manage.clicked.connect(self.manage_holidays)
        self.status = QLabel(objectName="careStatus")
        self.status.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>" + self.tr("Birthdays in the next 2–7 days") + "</b>"), 1)
        head.addWidget(greet_birthday)
        top_layout.addLayout(head)
        top_layout.addWidget(self.birthday_hint)
        top_layout.addWidget(self.birthdays, 1)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        holidays_title = QLabel("<b>" + self.tr("Holidays in the coming week (contract and rental customers)") + "</b>")
        holidays_title.setWordWrap(True)
        head.addWidget(holidays_title, 1)
        head.addWidget(manage)
        head.addWidget(greet_holiday)
        bottom_layout.addLayout(head)
        bottom_layout.addWidget(self.holiday_hint)
        pair = QHBoxLayout()
        pair.addWidget(self.holidays, 1)
        pair.addWidget(self.holiday_customers, 2)
        bottom_layout.addLayout(pair, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        manage.setVisible(ctx.actor.may(service.HOLIDAYS_EDIT))

    def reload(self) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.run(lambda: service.care_list(actor), self._show, self._failed, key="followups.care")

    def _show(self, care_list: service.CareList) -> None:
        self.care_list = care_list
        self.birthday_model.set_first_page(None, care_list.birthdays, len(care_list.birthdays))
        left = sum(1 for b in care_list.birthdays if not b.greeted)
        if care_list.birthdays:
            self.birthday_hint.setText(self.tr("Birthdays: {0} · still to greet: {1}").format(
                len(care_list.birthdays), left))
        else:
            self.birthday_hint.setText(self.tr("No birthdays in the next 2–7 days. Birthdays (solar or lunar) "
                                               "are kept in the customer file."))
        self.holiday_model.set_first_page(None, care_list.holidays, len(care_list.holidays))
        if care_list.holidays:
            self.holiday_hint.setText(self.tr("Pick a holiday to see who was greeted."))
            if not self.holidays.selectionModel().hasSelection():
                self.holidays.selectRow(0)
            else:
                self._load_holiday_customers()
        else:
            self.holiday_hint.setText(self.tr("No holiday in the coming week."))
            self.holiday_customer_model.set_first_page(None, [], 0)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.status.setText(translated(exc))

    def current_holiday(self):
        index = self.holidays.currentIndex()
        return self.holiday_model.row_at(index.row()) if index.isValid() else None

    def _load_holiday_customers(self) -> None:
        holiday = self.current_holiday()
        if holiday is None:
            return
        actor, occasion = self.ctx.actor, holiday.occasion

        def fetch(offset: int, limit: int):
            return service.holiday_customers(actor, occasion, offset, limit)

        rows, total = fetch(0, self.holiday_customer_model.page_size)
        self.holiday_customer_model.set_first_page(fetch, rows, total)

    def greet_selected_birthday(self) -> None:
        index = self.birthdays.currentIndex()
        row = self.birthday_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.status.setText(self.tr("Select a customer first."))
            return
        self._greet(row.customer_id, row.occasion, row.customer)

    def greet_selected_holiday_customer(self) -> None:
        holiday = self.current_holiday()
        index = self.holiday_customers.currentIndex()
        row = self.holiday_customer_model.row_at(index.row()) if index.isValid() else None
        if holiday is None or row is None:
            self.status.setText(self.tr("Select a customer first."))
            return
        self._greet(row.customer_id, holiday.occasion, row.customer)

    def _greet(self, customer_id: int, occasion: str, name: str) -> None:
        try:
            service.log_greeting(self.ctx.actor, customer_id, occasion)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.status.setText(self.tr("{0}: greeting logged.").format(name))
        self.ctx.dataChanged.emit("followups")
        self.reload()

    def manage_holidays(self) -> None:
        dialog = HolidaysDialog(self.ctx, self)
        dialog.exec()
        self.reload()


class HolidaysDialog(QDialog):
    """The shop's own holidays besides the built-in four (owner only)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("holidaysDialog")
        self.setWindowTitle(self.tr("Holidays"))
        self.list = QListWidget(objectName="holidayList")
        self.name = QLineEdit(objectName="holidayName")
        self.name.setPlaceholderText(self.tr("e.g. Dragon Boat Festival"))
        self.calendar = QComboBox(objectName="holidayCalendar")
        self.calendar.addItem(self.tr("Solar (Gregorian)"), care.SOLAR)
        self.calendar.addItem(self.tr("Lunar (农历)"), care.LUNAR)
        self.month = QSpinBox(objectName="holidayMonth")
        self.month.setRange(1, 12)
        self.day = QSpinBox(objectName="holidayDay")
        self.day.setRange(1, 31)
        self.error = FieldError()
        add = QPushButton(self.tr("Add"), objectName="addHoliday")
        add.clicked.connect(self.add)
        toggle = QPushButton(self.tr("Turn on / off"), objectName="toggleHoliday")
        toggle.clicked.connect(self.toggle)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Calendar"), self.calendar)
        date_row = QHBoxLayout()
        date_row.addWidget(QLabel(self.tr("Month")))
        date_row.addWidget(self.month)
        date_row.addWidget(QLabel(self.tr("Day")))
        date_row.addWidget(self.day)
        date_row.addStretch(1)
        date_row.addWidget(add)
        form.addRow("", date_row)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Built in: New Year, Spring Festival, Mid-Autumn Festival, National Day.")))
        layout.addWidget(self.list, 1)
        layout.addWidget(toggle)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for holiday in service.list_holidays(self.ctx.actor):
            calendar = self.tr("lunar") if holiday.calendar == care.LUNAR else self.tr("solar")
            text = f"{holiday.name}  {holiday.month:02d}-{holiday.day:02d} ({calendar})"
            if not holiday.active:
                text += "  — " + self.tr("off")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (holiday.id, holiday.active))
            self.list.addItem(item)

    def add(self) -> None:
        self.error.clear_message()
        try:
            service.add_holiday(self.ctx.actor, self.name.text(), self.calendar.currentData(), self.month.value(),
                                self.day.value())
        except ShopDeskError as exc:
            self.error.show_message(translated(exc))
            return
        self.name.clear()
        self.fill()

    def toggle(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        holiday_id, active = item.data(Qt.ItemDataRole.UserRole)
        try:
            service.set_holiday_active(self.ctx.actor, holiday_id, not active)
        except ShopDeskError as exc:
            self.error.show_message(translated(exc))
            return
        self.fill()


def churn_columns(tz: str) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Phone"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Region"), lambda r: r.region),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Last order"), lambda r: r.last_order_number),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Last order on"), lambda r: local_text(r.last_order_at, tz, "%Y-%m-%d")),
    ]


class ChurnTab(QWidget):
    """Customers who stopped coming back: past orders, none in N months."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        settings = settings_service.current()
        self.tz = settings.timezone
        self.months = QSpinBox(objectName="churnMonths")
        self.months.setRange(1, 120)
        self.months.setValue(settings.churn_months)
        self.months.setSuffix(self.tr(" months"))
        show = QPushButton(self.tr("Show"), objectName="churnShow")
        show.clicked.connect(self.reload)
        self.months.editingFinished.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("No order for more than")))
        bar.addWidget(self.months)
        bar.addWidget(show)
        bar.addStretch(1)
        self.model = PagedModel(churn_columns(self.tz), parent=self)
        self.table = make_table("churnTable", self.model, stretch=1)
        self.summary = QLabel(objectName="churnSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def reload(self) -> None:
        actor, now, months = self.ctx.actor, self.ctx.clock.now(), self.months.value()

        def fetch(offset: int, limit: int):
            return service.churn_list(actor, now, months, offset, limit)

        self.ctx.tasks.run(lambda: fetch(0, self.model.page_size), lambda result: self._show(fetch, *result),
                           self._failed, key="followups.churn")

    def _show(self, fetch, rows, total: int) -> None:
        self.model.set_first_page(fetch, rows, total)
        if total:
            self.summary.setText(self.tr("Customers without an order for more than {1} months: {0} "
                                         "(most recently lost first).").format(total, self.months.value()))
        else:
            self.summary.setText(self.tr("Every customer with past orders ordered within {0} months.").format(
                self.months.value()))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.summary.setText(translated(exc))

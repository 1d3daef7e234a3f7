"""Driving the real main window the way people at the shop do: one desk, people
signing in and out through the real dialogs, a clock set to the shop's hour.

Modal dialogs opened with ``exec()`` are answered with ``when_dialog``; the
``act`` given to it writes down what the dialog showed (``seen``) and closes
it, and the test asserts afterwards, outside the dialog's event loop.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from pypdf import PdfReader
from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDialog, QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
    QWidget,
)

from shopdesk.clock import FixedClock, from_local
from shopdesk.receipts.codes import qr_modules
from shopdesk.ui import signin
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.orders.board_model import ID_ROLE
from tests.ui.modal_dialogs import when_dialog

SHOP_TZ = "Asia/Shanghai"


def shop_time(day: dt.date, hhmm: str) -> dt.datetime:
    """The shop's local ``day`` at ``hhmm``, as the naive UTC time the clock and the database hold."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return from_local(dt.datetime.combine(day, dt.time(hour, minute)), SHOP_TZ)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pdf_pages(path):
    return PdfReader(str(path)).pages


_QR_FILL = re.compile(r"0 g\n((?:\d+ \d+ \d+ [\d.]+ re\n?)+)f")


def qr_codes_on(page) -> list[frozenset[tuple[int, int]]]:
    """The QR codes drawn on a PDF page, each as its dark modules (row, column).

    A receipt draws a code's dark runs as one fill of rectangles in module
    units (``shopdesk.receipts.codes.draw_qr``); this reads them back."""
    content = page.get_contents().get_data().decode("latin-1")
    codes = []
    for block in _QR_FILL.findall(content):
        cells = set()
        for x, y, width, _height in (line.split()[:4] for line in block.strip().splitlines()):
            cells.update((int(y), int(x) + i) for i in range(int(width)))
        codes.append(frozenset(cells))
    return codes


def qr_of(text: str) -> frozenset[tuple[int, int]]:
    """The dark modules of ``text``'s QR code."""
    return frozenset((r, c) for r, row in enumerate(qr_modules(text)) for c, dark in enumerate(row) if dark)


def pick(combo: QComboBox, text: str) -> None:
    """Choose the item whose text contains ``text`` (as a person reads the list)."""
    found = [i for i in range(combo.count()) if text in combo.itemText(i)]
    assert len(found) == 1, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(found[0])


def accept_button(box: QMessageBox) -> QAbstractButton:
    """The button of a confirmation box that goes ahead (not Cancel)."""
    buttons = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    assert len(buttons) == 1, [b.text() for b in box.buttons()]
    return buttons[0]


class Desk:
    """The shop's PC: the main window, whoever is signed in, and the clock on the wall."""

    def __init__(self, qtbot, db_url: str, clock: FixedClock, monkeypatch):
        self.qtbot = qtbot
        self.clock = clock
        self.monkeypatch = monkeypatch
        self.ctx = AppContext(db_url, clock)
        self.ctx.tasks.synchronous = True
        self.window: MainWindow | None = None

    # -- the clock ---------------------------------------------------------------------

    def at(self, day: dt.date, hhmm: str) -> None:
        moment = shop_time(day, hhmm)
        assert moment >= self.clock.now(), "the day runs forward"
        self.clock.at = moment

    # -- who is at the desk ------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> MainWindow:
        """The program starts: the sign-in dialog, then the window (as shopdesk.ui.app.run_gui does)."""
        when_dialog("signInDialog", self._type_credentials(username, password))
        actor = signin.obtain_actor(self.ctx)
        assert actor is not None, "sign-in refused"
        self.ctx.set_actor(actor)
        window = MainWindow(self.ctx)
        self.qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        self.window = window
        return window

    def switch_user(self, username: str, password: str) -> None:
        """File → Switch user…: the next person signs in at the same desk."""
        before = self.ctx.actor.staff.id
        when_dialog("signInDialog", self._type_credentials(username, password))
        self.window.switch_user_action.trigger()
        self.settle()
        assert self.ctx.actor.staff.username == username and self.ctx.actor.staff.id != before
        assert self.ctx.actor.name in self.window.user_label.text()
        assert len(self.window.statusBar().findChildren(QLabel, "overdueIndicator")) <= 1

    def settle(self) -> None:
        """Let the event loop delete what the last step let go (the previous person's pages and their
        status-bar widgets), as the running program's loop does at once."""
        for _ in range(3):  # a page's deletion lets go of its children in turn
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _type_credentials(self, username: str, password: str) -> Callable[[QDialog], None]:
        def act(dialog: QDialog) -> None:
            self.qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), username)
            self.qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), password)
            self.qtbot.mouseClick(dialog.findChild(QPushButton, "signIn"), Qt.MouseButton.LeftButton)

        return act

    # -- the window ----------------------------------------------------------------------------

    def show(self, area: str) -> QWidget:
        """Click the area in the navigation list."""
        titles = [a.key for a in self.window.areas]
        assert area in titles, (area, titles)
        self.window.nav.setCurrentRow(titles.index(area))
        page = self.window.pages[area]
        assert self.window.stack.currentWidget() is page
        return page

    def search(self, text: str) -> None:
        """Type into the global search box and press Enter."""
        box = self.window.search_box
        self.shortcut(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is box
        box.clear()
        if text.isascii():
            self.qtbot.keyClicks(box, text)
        else:  # QTest types Latin-1 only: put the text in as an input method would
            box.setText(text)
            box.textEdited.emit(text)
        self.qtbot.keyClick(box, Qt.Key.Key_Return)

    def shortcut(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """Press a window shortcut, in the main window (an order window may be in front)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow)
        self.qtbot.keyClick(self.window, key, modifiers)

    def click(self, widget: QWidget) -> None:
        # A widget just added to a shown window shows once the event loop runs (as a person would see it).
        self.qtbot.waitUntil(widget.isVisible, timeout=1000)
        assert widget.isEnabled(), widget.objectName() or widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def answer(self, name: str, act: Callable[[QDialog], None], trigger: Callable[[], object]) -> object:
        """Open a modal dialog with ``trigger`` and let ``act`` answer it."""
        when_dialog(name, act)
        return trigger()

    def save_pdf_as(self, path) -> None:
        """The next "Save as PDF…" file dialog answers with ``path``."""
        self.monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))

    # -- orders ----------------------------------------------------------------------------------

    def open_order_from(self, page, model, view, number: str):
        """Double-click the order's row in a board table."""
        row = next((r for r in range(model.rowCount()) if model.row_at(r).number == number), -1)
        assert row >= 0, (number, [model.row_at(r).number for r in range(model.rowCount())])
        view.scrollTo(model.index(row, 0))
        rect = view.visualRect(model.index(row, 0))
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        order_id = model.data(model.index(row, 0), ID_ROLE)
        dialog = page.order_dialogs[order_id]
        assert dialog.isVisible() and number in dialog.title.text()
        return dialog

    def act(self, order_view, action: str, fill: Callable[[QDialog], None] = lambda d: None) -> None:
        """Click one of the order window's next steps, fill in its dialog, confirm."""
        assert action in order_view.action_buttons, (action, sorted(order_view.action_buttons))
        self.click(order_view.action_buttons[action])
        dialog = order_view.action_dialog
        assert dialog.isVisible() and dialog.act.name == action
        fill(dialog)
        self.click(dialog.ok_button)
        assert not dialog.isVisible(), dialog.general_error.text() or [e.text() for e in dialog.errors.values()]


def set_local_time(edit, day: dt.date, hhmm: str) -> None:
    """Type a date and time into a QDateTimeEdit (shop time, as shown)."""
    edit.setDateTime(QDateTime.fromString(f"{day.isoformat()} {hhmm}", "yyyy-MM-dd HH:mm"))

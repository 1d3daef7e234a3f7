"""Connect to shop server: point this desk at the shop's PostgreSQL database.

"Test connection" says exactly what is wrong (the name, the network, the
password, the database, the schema); "Use this server" remembers the server
for every later start, with the password in the keyring or a file only this
user can read, never in clear in the settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from shopdesk import config
from shopdesk.services import connection
from shopdesk.services.connection import ServerSettings, TestResult
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import text_of
from shopdesk.ui.widgets import ATTENTION, FieldError

GOOD = "color: #1b5e20;"
BAD = f"color: {ATTENTION};"


class ConnectDialog(QDialog):
    serverSaved = Signal(str)   # the URL (without password) every later start opens
    serverForgotten = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to shop server"))
        self.last_result: TestResult | None = None

        intro = QLabel(self.tr(
            "When several desks work on one shop, they share one database on the shop's PostgreSQL server. "
            "Enter what the person who set up the server gave you."))
        intro.setWordWrap(True)

        self.host = QLineEdit(objectName="serverHost")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or shop-server"))
        self.host_error = FieldError()
        self.port = QSpinBox(objectName="serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(connection.DEFAULT_PORT)
        self.database = QLineEdit("shopdesk", objectName="serverDatabase")
        self.user = QLineEdit("shopdesk", objectName="serverUser")
        self.password = QLineEdit(objectName="serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel(objectName="passwordNote")
        self.password_note.setWordWrap(True)
        self.password_note.setStyleSheet("color: palette(mid);")
        self.password_note.setText(self._password_note())

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow("", self.host_error)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.password_note)

        self.result = QLabel(objectName="connectResult")
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(self.fontMetrics().height() * 3)

        self.test_button = QPushButton(self.tr("Test connection"), objectName="testConnection")
        self.test_button.clicked.connect(self.test)
        self.use_button = QPushButton(self.tr("Use this server"), objectName="useServer")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use_server)
        self.local_button = QPushButton(self.tr("Use this PC's own database"), objectName="useLocalDatabase")
        self.local_button.setToolTip(self.tr("Forget the shop server; the next start opens this PC's own database file"))
        self.local_button.clicked.connect(self.use_local)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeConnect")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        for first, second in ((self.host, self.port), (self.port, self.database), (self.database, self.user),
                              (self.user, self.password), (self.password, self.test_button),
                              (self.test_button, self.use_button), (self.use_button, self.close_button)):
            self.setTabOrder(first, second)
        self.resize(560, self.sizeHint().height())
        self._fill_in()

    # -- filling in ----------------------------------------------------------------------

    def _fill_in(self) -> None:
        saved = connection.saved_server()
        if saved is not None:
            server = saved.server
            server = ServerSettings(server.host, server.port, server.database, server.user,
                                    connection.saved_password(server))
        elif config.is_postgres(self.ctx.db_url):
            server = connection.server_from_url(self.ctx.db_url)
        else:
            server = None
        self.local_button.setVisible(saved is not None)
        if server is not None:
            self.set_server(server)

    def set_server(self, server: ServerSettings) -> None:
        self.host.setText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user)
        self.password.setText(server.password)

    def server(self) -> ServerSettings:
        return ServerSettings(self.host.text().strip(), self.port.value(), self.database.text().strip() or "shopdesk",
                              self.user.text().strip() or "shopdesk", self.password.text())

    def _password_note(self) -> str:
        if connection.password_store_available() == connection.KEYRING:
            return self.tr("The password is kept in this computer's keyring, not in ShopDesk's settings.")
        return self.tr("The password is kept in a file only you can read ({0}), not in ShopDesk's settings.").format(
            connection.pgpass_file())

    def _check(self) -> bool:
        self.host_error.clear_message()
        if not self.host.text().strip():
            self.host_error.show_message(self.tr("Enter the server's name or IP address."))
            self.host.setFocus()
            return False
        return True

    # -- testing -------------------------------------------------------------------------

    def test(self) -> None:
        self._run_test()

    def _run_test(self, then=None) -> None:
        """Try the server off the UI thread (an unreachable host takes seconds), show what was found, then ``then``."""
        if not self._check():
            return
        server = self.server()
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connecting to {0}…").format(server.host))
        for button in (self.test_button, self.use_button):
            button.setEnabled(False)

        def done(result: TestResult) -> None:
            self._show_result(result)
            if then is not None:
                then(server, result)

        self.ctx.tasks.run(lambda: connection.test_connection(server), done, self._failed, key="connect-test")

    def _show_result(self, result: TestResult) -> None:
        self.last_result = result
        for button in (self.test_button, self.use_button):
            button.setEnabled(True)
        self.result.setStyleSheet(GOOD if result.ok else BAD)
        self.result.setText(text_of(result.message))

    def _failed(self, error: BaseException) -> None:
        for button in (self.test_button, self.use_button):
            button.setEnabled(True)
        raise error  # a bug: test_connection turns every connection fault into a result

    # -- saving ----------------------------------------------------------------------------

    def use_server(self) -> None:
        self._run_test(then=self._save_if_good)

    def _save_if_good(self, server: ServerSettings, result: TestResult) -> None:
        if not result.ok and not self._use_anyway(result):
            return
        saved = connection.save_server(server)
        self.local_button.setVisible(True)
        lines = [self.tr("Saved: every start of ShopDesk on this desk now opens {0}.").format(saved.server.url())]
        if saved.password_store == connection.KEYRING:
            lines.append(self.tr("The password is in this computer's keyring."))
        elif saved.password_store == connection.PASSWORD_FILE:
            lines.append(self.tr("The password is in {0} (readable by you only).").format(connection.pgpass_file()))
        lines.append(self._restart_note())
        self.result.setStyleSheet(GOOD)
        self.result.setText("\n".join(lines))
        self.serverSaved.emit(saved.server.url())

    def _use_anyway(self, result: TestResult) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Connect to shop server"),
                          self.tr("{0}\n\nUse this server anyway?").format(text_of(result.message)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("useAnywayQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _restart_note(self) -> str:
        if os.environ.get(config.ENV_DB):
            return self.tr("SHOPDESK_DB is set on this computer and still wins: remove it, then restart ShopDesk "
                           "to work on the shop server.")
        return self.tr("Restart ShopDesk to work on the shop server.")

    def use_local(self) -> None:
        connection.forget_server()
        self.local_button.setVisible(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("This desk will use its own database file ({0}) from the next start. "
                                    "Restart ShopDesk.").format(config.default_db_path()))
        self.serverForgotten.emit()

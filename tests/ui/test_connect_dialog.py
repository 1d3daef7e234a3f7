"""Settings → Connect to shop server: testing, saving (without the password in clear), forgetting."""

from __future__ import annotations

import json
import socket

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from shopdesk import config
from shopdesk.models.migrations import SCHEMA_VERSION
from shopdesk.services import connection
from shopdesk.services.connection import ServerSettings
from shopdesk.ui.connect import ConnectDialog
from shopdesk.ui.context import AppContext
from tests.ui.modal_dialogs import when_dialog

PASSWORD = "收银台-pw:1"


@pytest.fixture(autouse=True)
def _pgpassfile_restored(monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))  # saved_server_url() sets it for the process


@pytest.fixture
def dialog(qtbot, tmp_path, clock):
    ctx = AppContext(str(tmp_path / "shop.sqlite3"), clock)
    ctx.tasks.synchronous = True
    made = ConnectDialog(ctx)
    qtbot.addWidget(made)
    made.show()
    return made


def fill(dialog, pg_server, database: str, port: int | None = None, password: str = "") -> None:
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port or pg_server.port)
    dialog.database.setText(database)
    dialog.user.setText(pg_server.user)
    dialog.password.setText(password)


def db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_test_connection_says_the_database_is_missing(dialog, pg_server, qtbot):
    fill(dialog, pg_server, "no_such_shop")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "no database no_such_shop" in dialog.result.text()
    assert "b00020" in dialog.result.styleSheet()
    assert dialog.test_button.isEnabled() and dialog.use_button.isEnabled()
    assert not connection.server_file().exists()


def test_test_connection_says_when_nothing_listens(dialog, pg_server, qtbot):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    fill(dialog, pg_server, "shopdesk", port=free)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert f"nothing listens on port {free}" in dialog.result.text()


def test_test_connection_on_an_empty_database_says_it_will_be_set_up(dialog, pg_server, fresh_pg_url, qtbot):
    fill(dialog, pg_server, db_name(fresh_pg_url))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "is empty" in dialog.result.text() and "1b5e20" in dialog.result.styleSheet()


def test_a_server_name_is_needed(dialog, qtbot):
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.host_error.isVisible() and "IP address" in dialog.host_error.text()
    assert dialog.result.text() == ""


def test_use_this_server_saves_it_without_the_password_in_clear(dialog, pg_server, fresh_pg_url, qtbot):
    fill(dialog, pg_server, db_name(fresh_pg_url), password=PASSWORD)
    with qtbot.waitSignal(dialog.serverSaved) as saved:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    url = f"postgresql://{pg_server.user}@127.0.0.1:{pg_server.port}/{db_name(fresh_pg_url)}"
    assert saved.args == [url]
    assert "Restart ShopDesk" in dialog.result.text() and str(connection.pgpass_file()) in dialog.result.text()
    assert json.loads(connection.server_file().read_text())["url"] == url
    assert config.resolve_db_url(None) == url
    for path in connection.config_dir().rglob("*"):  # the password only in the user-only pgpass file
        if path.is_file() and path != connection.pgpass_file():
            assert PASSWORD not in path.read_text(errors="replace"), path
    assert oct(connection.pgpass_file().stat().st_mode & 0o777) == "0o600"
    settings = QSettings()
    assert all(PASSWORD not in str(settings.value(key)) for key in settings.allKeys())


def test_a_server_that_fails_the_test_is_saved_only_when_asked(dialog, pg_server, fresh_pg_url, qtbot):
    fill(dialog, pg_server, db_name(fresh_pg_url))
    from tests.services.test_connection import sql

    sql(pg_server, db_name(fresh_pg_url), "CREATE TABLE schema_version (id serial, version int)")
    sql(pg_server, db_name(fresh_pg_url), f"INSERT INTO schema_version (version) VALUES ({SCHEMA_VERSION + 1})")

    when_dialog("useAnywayQuestion", lambda box: box.done(QMessageBox.StandardButton.No))
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "update ShopDesk on this desk" in dialog.result.text()
    assert not connection.server_file().exists()

    when_dialog("useAnywayQuestion", lambda box: box.done(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert connection.saved_server().server.database == db_name(fresh_pg_url)


def test_the_saved_server_is_filled_in_and_can_be_forgotten(qtbot, tmp_path, clock):
    connection.save_server(ServerSettings("192.168.1.10", 5433, "shop", "counter", PASSWORD))
    ctx = AppContext(str(tmp_path / "shop.sqlite3"), clock)
    dialog = ConnectDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
        "192.168.1.10", 5433, "shop", "counter")
    assert dialog.password.text() == PASSWORD
    assert dialog.local_button.isVisible()

    with qtbot.waitSignal(dialog.serverForgotten):
        qtbot.mouseClick(dialog.local_button, Qt.MouseButton.LeftButton)
    assert connection.saved_server() is None and PASSWORD not in connection.pgpass_file().read_text()
    assert config.resolve_db_url(None) == str(config.default_db_path())
    assert not dialog.local_button.isVisible()


def test_the_settings_page_opens_the_dialog(qtbot, db_url, db, clock, owner):
    from shopdesk.ui.settings.page import SettingsPage

    ctx = AppContext(db_url, clock, owner)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    button = page.findChild(type(page.save_button), "connectServer")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.connect_dialog.isVisible() and page.connect_dialog.objectName() == "connectDialog"
    if config.is_postgres(db_url):  # a desk already on a server starts from that server's details
        assert page.connect_dialog.port.value() == int(db_url.split(":")[-1].split("/")[0])
    page.connect_dialog.reject()

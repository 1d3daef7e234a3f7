"""A desk whose saved shop server cannot be reached can go back to its own file."""

from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk import config
from shopdesk.errors import DatabaseProblem
from shopdesk.services import connection
from shopdesk.ui.app import _offer_own_database
from tests.ui.modal_dialogs import when_dialog


def _click(label: str):
    def act(box: QMessageBox) -> None:
        button = next(b for b in box.buttons() if b.text() == label)
        button.click()

    return act


def test_choosing_the_own_database_forgets_the_server(qapp):
    connection.save_server(connection.ServerSettings(host="127.0.0.1", port=1, database="shop", user="shop"))
    assert config.resolve_db_url(None).startswith("postgresql://")
    when_dialog("cannotOpenDatabase", _click("Use this PC's own database"))
    assert _offer_own_database(QApplication.instance(), None, DatabaseProblem("Cannot reach the shop server"))
    assert connection.saved_server() is None
    assert config.resolve_db_url(None) == str(config.default_db_path())


def test_closing_keeps_the_server(qapp):
    connection.save_server(connection.ServerSettings(host="127.0.0.1", port=1, database="shop", user="shop"))
    when_dialog("cannotOpenDatabase", _click("Close"))
    assert not _offer_own_database(QApplication.instance(), None, DatabaseProblem("Cannot reach the shop server"))
    assert connection.saved_server() is not None

"""Starting the window: the Qt application, the language, the database, sign-in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from shopdesk import config
from shopdesk.clock import Clock
from shopdesk.db import open_database
from shopdesk.errors import DatabaseProblem
from shopdesk.services.context import Actor
from shopdesk.startup import release_collection
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated

LANGUAGES = ("en", "zh_CN")
CJK_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]


def i18n_dir() -> Path:
    return config.resources_dir() / "i18n"


def choose_language(option: str | None) -> str:
    if option:
        return option
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Load ShopDesk's catalogue and Qt's own (dialog buttons) for ``language``."""
    installed = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(i18n_dir() / f"shopdesk_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def prefer_cjk_font(app: QApplication) -> None:
    """Chinese names must never show as boxes: put a CJK family behind the default,
    and prefer a Simplified Chinese one over the Japanese-shaped fallback."""
    font = QFont(app.font())
    font.setFamilies([font.family(), *CJK_FAMILIES])
    app.setFont(font)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # once this paint is done
        return False


def after_first_paint(window: QMainWindow, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has painted itself (Qt paints in the event
    loop after ``show()``, offscreen too)."""
    _FirstPaint(window.centralWidget() or window, then)


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("ShopDesk")
    app.setApplicationName("ShopDesk")
    prefer_cjk_font(app)
    install_translation(app, choose_language(language))
    return app


def _offer_own_database(app: QApplication, db_url: str | None, problem: DatabaseProblem) -> bool:
    """Tell the person what is wrong. When the database was the shop server saved in
    Settings (not --db or $SHOPDESK_DB), offer to go back to this PC's own file;
    True when they chose that."""
    import os

    from PySide6.QtWidgets import QMessageBox

    from shopdesk.services import connection

    title = app.translate("App", "ShopDesk cannot open its database")
    from_settings = not db_url and not os.environ.get(config.ENV_DB) and connection.saved_server() is not None
    if not from_settings:
        QMessageBox.critical(None, title, translated(problem))
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, title, translated(problem))
    box.setObjectName("cannotOpenDatabase")
    own = box.addButton(app.translate("App", "Use this PC's own database"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not own:
        return False
    connection.forget_server()
    return True


def run_gui(db_url: str | None, language: str | None = None, clock: Clock | None = None,
            sign_in: Callable[[AppContext], Actor | None] | None = None) -> int:
    app = make_application(language=language)
    url = config.resolve_db_url(db_url)
    from shopdesk.db import EXIT_CORRUPT
    from shopdesk.ui.backup import start_background_check, start_daily_backup, startup_check

    if not startup_check(url):
        return EXIT_CORRUPT
    try:
        open_database(url)
    except DatabaseProblem as problem:
        if not _offer_own_database(app, db_url, problem):
            return problem.exit_code
        url = config.resolve_db_url(None)
        try:
            open_database(url)
        except DatabaseProblem as again:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, app.translate("App", "ShopDesk cannot open its database"), translated(again))
            return again.exit_code

    from shopdesk.ui.main_window import MainWindow
    from shopdesk.ui import signin

    sign_in = sign_in or signin.obtain_actor
    ctx = AppContext(url, clock or Clock())
    actor = sign_in(ctx)
    if actor is None:
        return 0
    ctx.set_actor(actor)
    ctx.tasks.hold()  # the first page's reads start once the window is on screen
    window = MainWindow(ctx)

    def sign_in_again(_url: str = "") -> None:
        """The database was replaced by a backup: its staff list is the backup's."""
        new_actor = signin.obtain_actor(ctx, window)
        if new_actor is None:
            window.close()
        else:
            ctx.set_actor(new_actor)

    window.databaseReplaced.connect(sign_in_again)
    after_first_paint(window, ctx.tasks.release)
    window.show()
    release_collection()
    window.activateWindow()  # after the sign-in dialog, shortcuts should work at once
    check = start_background_check(ctx, window)
    check.databaseReplaced.connect(sign_in_again)
    check.quitRequested.connect(window.close)
    start_daily_backup(ctx, lambda line: window.statusBar().showMessage(line, 15000))
    return app.exec()

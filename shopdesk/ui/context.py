"""What every page of the window shares: who is signed in, the clock, the
database in use, the background runner, and a signal when data changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from shopdesk import config
from shopdesk.clock import Clock
from shopdesk.services.context import Actor
from shopdesk.ui.tasks import TaskRunner


class AppContext(QObject):
    actorChanged = Signal()
    # An area's data changed (after a save here, or seen from another desk):
    # "customers", "orders", "followups", "ledger", "settings", "staff".
    dataChanged = Signal(str)

    def __init__(self, db_url: str, clock: Clock | None = None, actor: Actor | None = None, parent=None):
        super().__init__(parent)
        self.db_url = db_url
        self.clock = clock or Clock()
        self._actor = actor
        self.tasks = TaskRunner(self)

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("nobody is signed in")
        return self._actor

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self.actorChanged.emit()

    @property
    def signed_in(self) -> bool:
        return self._actor is not None

    @property
    def database_label(self) -> str:
        return config.display_url(self.db_url)

"""Running database work off the UI thread (after Anki's QueryOp/CollectionOp).

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn()`` on a single worker
thread (database work is serialised) and delivers the result to the main
thread. Starting a task with the same ``key`` supersedes the older one: its
result is dropped, so search-as-you-type shows only the newest answer.

Tests set ``runner.synchronous = True`` to run tasks at once, deterministically.

At launch the runner is held until the main window has painted itself: the
first page asks for its figures while it is being built, and a worker thread
reading them then would take turns with the window for Python's lock (GIL),
so the window would appear later and the figures no sooner.
"""

from __future__ import annotations

import itertools
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(int, object, object)  # ticket, result, error


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.ticket, self.fn, self.relay = ticket, fn, relay

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except BaseException as exc:  # delivered to on_error on the main thread
            result, error = None, exc
            exc.formatted_traceback = traceback.format_exc()
        try:
            self.relay.finished.emit(self.ticket, result, error)
        except RuntimeError:
            pass  # the window closed while this ran: nobody is waiting for the answer


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.synchronous = False
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Callable, Callable | None, str | None]] = {}
        self._latest: dict[str, int] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._held: list[_Job] | None = None

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None, key: str | None = None) -> int:
        ticket = next(self._tickets)
        self._pending[ticket] = (on_done, on_error, key)
        if key:
            self._latest[key] = ticket
        if self.synchronous:
            try:
                result, error = fn(), None
            except BaseException as exc:
                result, error = None, exc
            self._deliver(ticket, result, error)
        elif self._held is not None:
            self._held.append(_Job(ticket, fn, self._relay))
        else:
            self.pool.start(_Job(ticket, fn, self._relay))
        return ticket

    def hold(self) -> None:
        """Queue tasks instead of starting them, until ``release()``."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for job in held:
            self.pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error, key = self._pending.pop(ticket, (None, None, None))
        if on_done is None:
            return
        if key and self._latest.get(key) != ticket:
            return  # superseded by a newer task of the same kind
        if error is not None:
            if on_error is None:
                raise error
            on_error(error)
        else:
            on_done(result)

"""PySide6 6.12.0 drops a reference to True on every emit() made from Python;
on Python 3.11 the program then aborts after some thousands of emits. ShopDesk
takes the references back (shopdesk.ui.pyside_fixes)."""

import subprocess
import sys

from PySide6.QtCore import QObject, Signal

from shopdesk.ui import pyside_fixes  # importing shopdesk.ui applies the fix, as every window module does


class Sender(QObject):
    changed = Signal(str)
    done = Signal()


def _warm_up(sender):
    """Past the first trade of held references (which imports ctypes, whose module holds bools)."""
    for _ in range(2 * pyside_fixes.KEPT_MAX):
        sender.done.emit()


def test_emitting_keeps_the_count_of_true():
    sender = Sender()
    _warm_up(sender)
    received = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(3000):
        sender.changed.emit(str(i))
        sender.done.emit()  # no receiver
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert len(received) == 3000


def test_disconnecting_keeps_the_count_of_true_and_false():
    sender = Sender()
    _warm_up(sender)

    def slot(_text):
        pass

    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        sender.changed.disconnect(sender.changed.connect(slot))
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_a_long_day_of_signals_does_not_abort_the_program():
    code = (
        "import shopdesk.ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class S(QObject):\n"
        "    ping = Signal(int)\n"
        "s = S(); s.ping.connect(lambda n: None)\n"
        "for i in range(200_000): s.ping.emit(i)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]


def test_a_signal_still_connects_to_another_signals_emit():
    first, second = Sender(), Sender()
    received = []
    second.changed.connect(received.append)
    first.changed.connect(second.changed.emit)  # PySide takes only its own emit for a signal
    first.done.connect(second.done.emit)
    first.changed.emit("王伟")
    assert received == ["王伟"]

"""Work around PySide6 6.12.0 losing a reference to ``True`` on every signal emit.

``SignalInstance.emit()`` returns ``True`` and ``disconnect()`` returns ``True``
or ``False`` without taking a reference for what they return; the caller drops
that reference when it throws the result away, so each call takes one from the
shared ``True`` (``False``). Python 3.11 (Debian 12's) does not make those
immortal: after some thousands of emits — a morning of searching and saving at
the front desk — the count reaches zero and ShopDesk aborts with "Fatal Python
error: bool_dealloc: deallocating True or False".

Each method is tried once when ``shopdesk.ui`` is imported; one that loses
references is wrapped to take back, after each call, the reference the call
lost. A PySide6 without the fault is left as it is.
"""

from __future__ import annotations

import sys
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

TRIES = 2
KEPT_MAX = 1024

# References taken back, held here (a list holds one per entry) until there are
# many; then traded for counted ones (Py_IncRef), so the list stays short and
# ctypes is not imported while the window starts.
_kept: list[bool] = []
_settling = threading.Lock()


class _Probe(QObject):
    ping = Signal()


def _loses_references(call: Callable[[], object], value: bool) -> int:
    """How many references to ``value`` ``TRIES`` calls lost."""
    before = sys.getrefcount(value)
    for _ in range(TRIES):
        call()
    return before - sys.getrefcount(value)


def _give_back(value: bool) -> None:
    _kept.append(value)
    if len(_kept) >= KEPT_MAX:
        _settle()


def _settle() -> None:
    import ctypes

    with _settling:
        count = len(_kept)
        for value in _kept[:count]:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))
        del _kept[:count]  # what other threads added meanwhile stays


def _keeping_its_reference(method, name: str):
    # Not functools.wraps: reading a PySide method's __doc__ starts shiboken's
    # signature machinery, some 20 ms of the launch.
    def call(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        if result is True or result is False:
            _give_back(result)
        return result

    call.__name__ = call.__qualname__ = name
    call.keeps_reference = True
    return call


def _check_emit() -> bool:
    probe = _Probe()
    lost = _loses_references(probe.ping.emit, True)
    _kept.extend([True] * max(lost, 0))
    return lost >= TRIES


def _check_disconnect() -> bool:
    probe = _Probe()

    def connect_and_disconnect() -> None:
        probe.ping.disconnect(probe.ping.connect(_nothing))

    lost = _loses_references(connect_and_disconnect, True)
    _kept.extend([True] * max(lost, 0))
    return lost >= TRIES


def _nothing() -> None:
    pass


def _connecting_signals_to_signals(connect):
    """``a.connect(b.emit)`` must still join signal to signal: PySide recognises
    only its own ``emit``, and would take the wrapper for a Python method (whose
    owner, a SignalInstance, cannot be weakly referenced: TypeError)."""

    def call(self, slot, *args, **kwargs):
        if getattr(getattr(slot, "__func__", None), "keeps_reference", False) and \
                isinstance(getattr(slot, "__self__", None), SignalInstance):
            slot = slot.__self__
        return connect(self, slot, *args, **kwargs)

    call.__name__ = call.__qualname__ = "connect"
    return call


def apply() -> list[str]:
    """Wrap the methods that lose references; returns their names."""
    wrapped = []
    for name, check in (("emit", _check_emit), ("disconnect", _check_disconnect)):
        method = getattr(SignalInstance, name)
        if getattr(method, "keeps_reference", False):
            continue  # applied already
        if check():
            setattr(SignalInstance, name, _keeping_its_reference(method, name))
            wrapped.append(name)
    if "emit" in wrapped:
        SignalInstance.connect = _connecting_signals_to_signals(SignalInstance.connect)
    return wrapped

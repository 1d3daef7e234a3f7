"""Starting the window quickly: no garbage collection until it is up.

Launching makes a few hundred thousand objects that live as long as the
program does: modules, classes, dataclasses, peewee's models, Qt's enums
(PySide6 makes the 94 enums of ``Qt`` as Python enums when first used).
Python's cyclic garbage collector, run after every 700 new objects, would walk
them again and again while they are being made — about a sixth of the launch
(``python -m benchmarks.run`` measures it). So nothing is collected until the
main window is shown; then everything made so far is frozen out of later
collections (``gc.freeze``), which also keeps the collector's pauses short
while the shop works. Memory is still freed as usual when the last reference
goes; only cycles wait.
"""

from __future__ import annotations

import gc

_held = False


def hold_collection() -> None:
    """Called first thing when the window is to be started."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collection() -> None:
    """Called once the main window is shown."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()

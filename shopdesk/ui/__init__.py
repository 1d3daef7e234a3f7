"""Qt only: the main window, one sub-package per area, table models, dialogs."""

from shopdesk.ui import pyside_fixes

pyside_fixes.apply()  # before any signal of ours is emitted

"""Qt only: the main window, one sub-package per area, table models, dialogs."""

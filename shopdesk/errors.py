"""Errors a person can act on. Anything else is a bug and is allowed to crash loudly."""

from shopdesk.i18n import QT_TRANSLATE_NOOP, Text


class ShopDeskError(Exception):
    """Base for errors shown to the user as a message (never a traceback)."""

    def __init__(self, message: Text | str, **params):
        if isinstance(message, str):
            message = Text("Errors", message, **params)
        self.message = message
        super().__init__(str(message))


class ValidationError(ShopDeskError):
    """Input that cannot be saved. ``field`` names the form field to point at."""

    def __init__(self, message, field: str | None = None, **params):
        super().__init__(message, **params)
        self.field = field


class PermissionDenied(ShopDeskError):
    """The signed-in person's role does not allow this action."""


class NotFound(ShopDeskError):
    pass


class IllegalTransition(ShopDeskError):
    """A repair order cannot move from its state to the one asked for."""


class StaleRecord(ShopDeskError):
    """Another desk saved the record after this one read it."""

    def __init__(self, changed_by: str, changed_at: str):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Changed by {name} at {time} — reload to see their changes."),
            name=changed_by,
            time=changed_at,
        )
        self.changed_by = changed_by
        self.changed_at = changed_at


class DatabaseProblem(ShopDeskError):
    """A fault of the shop's environment: file missing, disk full, server down, newer schema.

    ``exit_code`` is what the command line exits with.
    """

    def __init__(self, message, exit_code: int = 3, **params):
        super().__init__(message, **params)
        self.exit_code = exit_code

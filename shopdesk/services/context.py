"""Who is acting, and when: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

from shopdesk.clock import Clock
from shopdesk.errors import PermissionDenied
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import Staff
from shopdesk.rules.permissions import allows


@dataclass
class Actor:
    """The signed-in person (None only for system tasks such as the demo data)."""

    staff: Staff | None
    clock: Clock = field(default_factory=Clock)
    system: bool = False

    @property
    def role(self) -> str | None:
        return self.staff.role if self.staff else None

    @property
    def name(self) -> str:
        return self.staff.name if self.staff else "ShopDesk"

    def may(self, permission: str) -> bool:
        return self.system or allows(self.role, permission)

    def require(self, permission: str) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not do this ({permission})."),
                role=self.role or "-",
                permission=permission,
            )

    @classmethod
    def system_task(cls, clock: Clock | None = None) -> "Actor":
        return cls(staff=None, clock=clock or Clock(), system=True)

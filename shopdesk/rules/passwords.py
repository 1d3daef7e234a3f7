"""Passwords, PINs and lockout: how a secret is kept and when an account locks.

A secret is stored only as ``scrypt$n$r$p$salt$hash`` (salt and hash base64),
scrypt being memory-hard so a stolen database is slow to guess through.
Technicians, who sign in at a shared desk with dirty hands, may use a PIN of
six or more digits; everyone else needs a password of at least eight characters.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass

from shopdesk.i18n import QT_TRANSLATE_NOOP

SCRYPT_N = 2**14  # 16 MiB with r=8: about 50 ms on a desk PC
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Refuse to verify against parameters that would need more memory than this
# (a tampered row must not be able to exhaust the desk's memory).
MAX_MEMORY = 64 * 1024 * 1024

MIN_PASSWORD_LENGTH = 8
MIN_PIN_DIGITS = 6
MAX_PASSWORD_LENGTH = 200

MAX_FAILURES = 5
LOCK_MINUTES = 5

PIN_ROLES = ("technician",)

TOO_SHORT = QT_TRANSLATE_NOOP("Errors", "The password needs at least {length} characters.")
TOO_SHORT_OR_PIN = QT_TRANSLATE_NOOP(
    "Errors", "The password needs at least {length} characters, or use a PIN of at least {digits} digits.")
TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The password is too long (at most {length} characters).")
BLANK = QT_TRANSLATE_NOOP("Errors", "The password cannot be only spaces.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R,
                  p: int = SCRYPT_P) -> str:
    """The stored form of ``password``: a fresh random salt every time."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEMORY, dklen=HASH_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` is the one ``encoded`` was made from; False for any malformed hash."""
    try:
        scheme, n, r, p, salt, expected = encoded.split("$")
        if scheme != "scrypt":
            return False
        n, r, p = int(n), int(r), int(p)
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
        if not expected_bytes or 128 * r * n * p > MAX_MEMORY:
            return False
        digest = hashlib.scrypt(password.encode("utf-8"), salt=salt_bytes, n=n, r=r, p=p,
                                maxmem=MAX_MEMORY, dklen=len(expected_bytes))
    except (ValueError, TypeError, OverflowError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected_bytes)


# A hash checked when the user name is unknown, so a wrong name takes as long
# as a wrong password and timing does not tell which user names exist.
_UNKNOWN_USER_HASH = hash_password(secrets.token_hex(16))


def spend_equal_time(password: str) -> None:
    verify_password(password, _UNKNOWN_USER_HASH)


def is_pin(secret: str) -> bool:
    return secret.isascii() and secret.isdigit()


def password_problem(password: str, role: str) -> tuple[str, dict] | None:
    """Why ``password`` may not be used by someone with ``role`` (message template, params), or None."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return TOO_LONG, {"length": MAX_PASSWORD_LENGTH}
    if password and not password.strip():
        return BLANK, {}
    if len(password) >= MIN_PASSWORD_LENGTH:
        return None
    if role in PIN_ROLES:
        if is_pin(password) and len(password) >= MIN_PIN_DIGITS:
            return None
        return TOO_SHORT_OR_PIN, {"length": MIN_PASSWORD_LENGTH, "digits": MIN_PIN_DIGITS}
    return TOO_SHORT, {"length": MIN_PASSWORD_LENGTH}


# -- lockout ------------------------------------------------------------------

@dataclass(frozen=True)
class Attempts:
    """An account's failed sign-ins since its last success, and any lock."""

    failures: int = 0
    locked_until: dt.datetime | None = None


def is_locked(attempts: Attempts, now: dt.datetime) -> bool:
    return attempts.locked_until is not None and now < attempts.locked_until


def minutes_left(attempts: Attempts, now: dt.datetime) -> int:
    """Whole minutes until the lock ends, rounded up (0 when not locked)."""
    if not is_locked(attempts, now):
        return 0
    return max(1, math.ceil((attempts.locked_until - now).total_seconds() / 60))


def after_failure(attempts: Attempts, now: dt.datetime) -> Attempts:
    """One more wrong password. The fifth in a row locks the account, and the
    count starts again from zero for when the lock has passed."""
    failures = attempts.failures + 1
    if failures >= MAX_FAILURES:
        return Attempts(0, now + dt.timedelta(minutes=LOCK_MINUTES))
    return Attempts(failures, None)


def after_success() -> Attempts:
    return Attempts()

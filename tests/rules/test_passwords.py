"""Passwords: hashing, the policy for passwords and PINs, and the lockout rule."""

import datetime as dt

from shopdesk.rules import passwords as pw_rules
from shopdesk.rules.passwords import (
    LOCK_MINUTES, MAX_FAILURES, Attempts, after_failure, after_success, hash_password, is_locked,
    minutes_left, password_problem, verify_password,
)

NOW = dt.datetime(2026, 11, 23, 1, 0)


def test_a_hash_verifies_its_password_and_nothing_else():
    encoded = hash_password("korrekt horse 9")
    assert verify_password("korrekt horse 9", encoded)
    assert not verify_password("korrekt horse 8", encoded)
    assert not verify_password("", encoded)


def test_the_stored_form_names_scrypt_and_its_parameters_and_hides_the_password():
    encoded = hash_password("secret-password")
    scheme, n, r, p, salt, digest = encoded.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", pw_rules.SCRYPT_N, pw_rules.SCRYPT_R, pw_rules.SCRYPT_P)
    assert "secret-password" not in encoded
    assert len(salt) > 16 and len(digest) > 32


def test_each_hash_gets_its_own_salt():
    assert hash_password("same-password") != hash_password("same-password")


def test_the_same_salt_gives_the_same_hash():
    salt = b"0123456789abcdef"
    assert hash_password("abc12345", salt=salt, n=2**10) == hash_password("abc12345", salt=salt, n=2**10)


def test_chinese_passwords_work():
    assert verify_password("修理店密码好长", hash_password("修理店密码好长"))


def test_malformed_or_foreign_hashes_never_verify():
    good = hash_password("password1")
    for broken in ("", "password1", "md5$password1", good.replace("scrypt", "bcrypt"), good + "$x",
                   "scrypt$abc$8$1$AAAA$AAAA", "scrypt$16384$8$1$***$***"):
        assert not verify_password("password1", broken), broken


def test_a_tampered_hash_asking_for_huge_memory_is_refused_quickly():
    salt, digest = hash_password("password1").split("$")[4:]
    assert not verify_password("password1", f"scrypt${2**24}$8$1${salt}${digest}")


def test_passwords_need_eight_characters():
    assert password_problem("1234567", "front_desk") == (pw_rules.TOO_SHORT, {"length": 8})
    assert password_problem("abcdefgh", "front_desk") is None
    assert password_problem("abcdefgh", "owner") is None


def test_technicians_may_use_a_pin_of_six_digits():
    assert password_problem("123456", "technician") is None
    assert password_problem("12345", "technician")[0] == pw_rules.TOO_SHORT_OR_PIN
    assert password_problem("abc123", "technician")[0] == pw_rules.TOO_SHORT_OR_PIN
    assert password_problem("１２３４５６", "technician") is not None  # full-width digits are not a PIN


def test_only_technicians_may_use_a_pin():
    for role in ("front_desk", "team_lead", "owner"):
        assert password_problem("123456", role) is not None


def test_blank_and_overlong_passwords_are_refused():
    assert password_problem("        ", "owner")[0] == pw_rules.BLANK
    assert password_problem("x" * 201, "owner")[0] == pw_rules.TOO_LONG
    assert password_problem("", "owner")[0] == pw_rules.TOO_SHORT


def test_four_failures_do_not_lock():
    attempts = Attempts()
    for _ in range(MAX_FAILURES - 1):
        attempts = after_failure(attempts, NOW)
    assert attempts.failures == MAX_FAILURES - 1
    assert not is_locked(attempts, NOW)


def test_the_fifth_failure_locks_for_the_lock_time():
    attempts = Attempts(failures=MAX_FAILURES - 1)
    locked = after_failure(attempts, NOW)
    assert is_locked(locked, NOW)
    assert minutes_left(locked, NOW) == LOCK_MINUTES
    later = NOW + dt.timedelta(minutes=LOCK_MINUTES) - dt.timedelta(seconds=1)
    assert is_locked(locked, later) and minutes_left(locked, later) == 1
    assert not is_locked(locked, NOW + dt.timedelta(minutes=LOCK_MINUTES))
    assert minutes_left(locked, NOW + dt.timedelta(minutes=LOCK_MINUTES)) == 0


def test_after_a_lock_passes_the_count_starts_again():
    locked = after_failure(Attempts(failures=MAX_FAILURES - 1), NOW)
    later = NOW + dt.timedelta(minutes=LOCK_MINUTES + 1)
    once_more = after_failure(locked, later)
    assert once_more == Attempts(1, None)
    assert not is_locked(once_more, later)


def test_minutes_left_rounds_up():
    attempts = Attempts(0, NOW + dt.timedelta(minutes=2, seconds=1))
    assert minutes_left(attempts, NOW) == 3


def test_success_clears_failures_and_lock():
    assert after_success() == Attempts(0, None)

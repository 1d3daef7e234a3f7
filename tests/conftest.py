"""Shared fixtures: headless Qt, a seeded hypothesis profile, a fresh database per
test on SQLite and on a PostgreSQL server started here, a controllable clock."""

from __future__ import annotations

import datetime as dt
import itertools
import os

# Headless, on a screen the size of a typical shop PC (1366×768).
_SCREEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("TZ", "UTC")

import pytest
from hypothesis import HealthCheck, settings

from shopdesk.clock import FixedClock
from shopdesk.models import ALL_MODELS, SchemaVersion, ShopSettings, Staff, database

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=100, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DATABASES = ["sqlite", "postgres"]


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path_factory, monkeypatch):
    """Never touch a real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.delenv("SHOPDESK_DB", raising=False)


@pytest.fixture(scope="session")
def pg_server():
    from tests.pgserver import PostgresServer

    server = PostgresServer().start()
    yield server
    server.cleanup()


_pg_names = itertools.count(1)


@pytest.fixture
def fresh_pg_url(pg_server):
    """A brand-new empty PostgreSQL database (for tests of opening/migrating)."""
    return pg_server.create_database(f"fresh_{os.getpid()}_{next(_pg_names)}")


@pytest.fixture(scope="session")
def _pg_shared(pg_server):
    return pg_server.create_database("shopdesk_test")


def _empty_all_tables(db) -> None:
    names = ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS if m is not SchemaVersion)
    db.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    ShopSettings.create(id=1)


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """A URL to an empty-but-migrated database: one run on SQLite, one on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "shop.sqlite3")
    from shopdesk.db import open_database

    url = request.getfixturevalue("_pg_shared")
    opened = open_database(url)
    _empty_all_tables(opened.db)
    opened.db.close()
    return url


@pytest.fixture
def db(db_url):
    """An open database bound to the models, closed after the test."""
    from shopdesk.db import close_database, open_database

    opened = open_database(db_url)
    yield opened.db
    close_database()


@pytest.fixture
def clock():
    return FixedClock(dt.datetime(2026, 11, 23, 1, 0, 0))  # 09:00 in Shanghai


@pytest.fixture
def owner(db, clock):
    from shopdesk.services.context import Actor

    staff = Staff.create(username="owner", name="老板", role="owner", created_at=clock.now())
    return Actor(staff, clock)


def make_actor(role: str, clock, username: str | None = None, name: str | None = None):
    from shopdesk.services.context import Actor

    staff = Staff.create(username=username or role, name=name or role, role=role, created_at=clock.now())
    return Actor(staff, clock)

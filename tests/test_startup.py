"""What launching the window leaves out or holds back, so it starts quickly."""

import gc
import subprocess
import sys
import uuid

import peewee as pw
from shopdesk import startup


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_desk_on_sqlite_never_loads_a_server_driver(tmp_path):
    path = tmp_path / "shop.sqlite3"
    out = _run(
        "import sys\n"
        "from shopdesk.db import open_database\n"
        f"open_database({str(path)!r})\n"
        "print(sorted(m for m in ('psycopg2', 'psycopg', 'pymysql') if m in sys.modules))\n"
    )
    assert out == "[]"


def test_postgresql_databases_load_psycopg2_when_made():
    out = _run(
        "import sys\n"
        "import shopdesk, peewee\n"
        "before = 'psycopg2' in sys.modules\n"
        "db = peewee.PostgresqlDatabase('nowhere', host='127.0.0.1', port=1)\n"
        "print(before, 'psycopg2' in sys.modules, db._adapter.txn_idle is not None, db._adapter.json_type is not None)\n"
    )
    assert out == "False True True True"


def test_a_postgresql_connection_works_through_the_adapter(fresh_pg_url):
    from shopdesk.db import postgres_parameters

    raw = pw.PostgresqlDatabase(**postgres_parameters(fresh_pg_url))
    try:
        key = uuid.UUID("12345678-1234-5678-1234-567812345678")
        assert raw.execute_sql("SELECT %s", (key,)).fetchone()[0] == key  # UUIDs adapted both ways, as peewee does
        with raw.atomic():
            assert raw.is_connection_usable()
    finally:
        raw.close()


def test_collection_is_held_until_the_window_is_shown():
    assert gc.isenabled()
    try:
        startup.hold_collection()
        assert not gc.isenabled()
        startup.release_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_release_without_hold_changes_nothing():
    frozen = gc.get_freeze_count()
    startup.release_collection()
    assert gc.isenabled() and gc.get_freeze_count() == frozen

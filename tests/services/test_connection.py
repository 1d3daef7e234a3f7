"""Connecting a desk to the shop server: the test's verdicts, the saved server, the password's home."""

from __future__ import annotations

import json
import os
import stat
import sys
import types

import psycopg2
import pytest

from shopdesk import config
from shopdesk.db import close_database, open_database
from shopdesk.models import Customer
from shopdesk.models.migrations import SCHEMA_VERSION
from shopdesk.services import connection
from shopdesk.services.connection import ServerSettings
from tests.pgserver import PostgresServer

PASSWORD = "s3cret:with\\odd chars"


def server_of(pg_server, database: str, **changes) -> ServerSettings:
    return ServerSettings(**{"host": "127.0.0.1", "port": pg_server.port, "database": database,
                             "user": pg_server.user, **changes})


def sql(pg_server, database: str, statement: str) -> None:
    conn = psycopg2.connect(host="127.0.0.1", port=pg_server.port, user=pg_server.user, dbname=database)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(statement)
    finally:
        conn.close()


@pytest.fixture
def no_pgpassfile(monkeypatch, tmp_path):
    """saved_server_url() points PGPASSFILE at the desk's file: undo that after the test."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


@pytest.fixture(scope="module")
def password_server():
    """A server of our own that asks for passwords over TCP (the shared test server trusts everyone)."""
    server = PostgresServer().start()
    try:
        sql(server, "postgres", f"CREATE ROLE shopdesk LOGIN PASSWORD '{PASSWORD.replace(chr(39), chr(39) * 2)}'")
        sql(server, "postgres", "CREATE DATABASE shopdesk OWNER shopdesk")
        hba = server.dir / "data" / "pg_hba.conf"
        hba.write_text(f"local all all trust\nhost all {server.user} 127.0.0.1/32 trust\n"
                       "host all all 127.0.0.1/32 scram-sha-256\n")
        server._run(str(server.bin / "pg_ctl"), "-D", str(server.dir / "data"), "reload")
        yield server
    finally:
        server.cleanup()


# ---- URLs ------------------------------------------------------------------------------------

def test_url_keeps_odd_characters_and_leaves_the_password_out_unless_asked():
    server = ServerSettings("shop-server", 5433, "店铺", "front desk", "p@ss:w/rd")
    assert server.url() == "postgresql://front%20desk@shop-server:5433/%E5%BA%97%E9%93%BA"
    assert "p%40ss" in server.url(with_password=True)
    assert connection.server_from_url(server.url(with_password=True)) == server
    assert connection.server_from_url("postgresql://db.local/shop").port == 5432


# ---- what a failed connection means -------------------------------------------------------------

@pytest.mark.parametrize("libpq_says, kind", [
    ('could not translate host name "shop-srv" to address: Name or service not known', connection.UNKNOWN_HOST),
    ('connection to server at "10.0.0.9", port 5432 failed: Connection refused\n\tIs the server running on that '
     'host and accepting TCP/IP connections?', connection.UNREACHABLE),
    ('connection to server at "10.0.0.9", port 5432 failed: timeout expired', connection.UNREACHABLE),
    ('connection to server at "10.0.0.9", port 5432 failed: No route to host', connection.UNREACHABLE),
    ('connection to server at "10.0.0.9", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.5", '
     'user "shopdesk", database "shopdesk", no encryption', connection.NOT_ALLOWED),
    ('connection to server at "10.0.0.9", port 5432 failed: FATAL:  password authentication failed for user '
     '"shopdesk"', connection.WRONG_PASSWORD),
    ('connection to server at "10.0.0.9", port 5432 failed: fe_sendauth: no password supplied',
     connection.WRONG_PASSWORD),
    ('connection to server at "10.0.0.9", port 5432 failed: FATAL:  role "shopdesk" does not exist',
     connection.NO_USER),
    ('connection to server at "10.0.0.9", port 5432 failed: FATAL:  database "shop" does not exist',
     connection.NO_DATABASE),
    ("something else entirely", connection.OTHER),
])
def test_libpq_messages_become_a_clear_verdict(libpq_says, kind):
    result = connection.classify_failure(libpq_says, ServerSettings("10.0.0.9"))
    assert result.kind == kind
    assert not result.ok
    assert "{" not in str(result.message)  # every placeholder filled


# ---- testing against a real server ---------------------------------------------------------------

def test_a_current_shopdesk_database_is_ok(pg_server, fresh_pg_url):
    open_database(fresh_pg_url)
    close_database()
    result = connection.test_connection(server_of(pg_server, fresh_pg_url.rsplit("/", 1)[1]))
    assert result.kind == connection.OK and result.ok
    assert result.schema_version == SCHEMA_VERSION


def test_an_empty_database_is_ok_and_will_be_set_up(pg_server, fresh_pg_url):
    result = connection.test_connection(server_of(pg_server, fresh_pg_url.rsplit("/", 1)[1]))
    assert result.kind == connection.EMPTY and result.ok
    assert "sets it up" in str(result.message)


def test_a_wrong_database_name_says_the_database_is_missing(pg_server):
    result = connection.test_connection(server_of(pg_server, "no_such_shop"))
    assert result.kind == connection.NO_DATABASE
    assert "no database no_such_shop" in str(result.message)
    assert "createdb" in str(result.message)


def test_a_wrong_port_says_nothing_listens_there(pg_server):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    result = connection.test_connection(server_of(pg_server, "postgres", port=free))
    assert result.kind == connection.UNREACHABLE
    assert f"port {free}" in str(result.message)


def test_a_newer_schema_asks_to_update_this_desk(pg_server, fresh_pg_url):
    open_database(fresh_pg_url)
    close_database()
    name = fresh_pg_url.rsplit("/", 1)[1]
    sql(pg_server, name, f"UPDATE schema_version SET version = {SCHEMA_VERSION + 1}")
    result = connection.test_connection(server_of(pg_server, name))
    assert result.kind == connection.NEWER and not result.ok
    assert "update ShopDesk on this desk" in str(result.message)


def test_an_older_schema_will_be_upgraded(pg_server, fresh_pg_url):
    open_database(fresh_pg_url)
    close_database()
    name = fresh_pg_url.rsplit("/", 1)[1]
    sql(pg_server, name, f"UPDATE schema_version SET version = {SCHEMA_VERSION - 1}")
    result = connection.test_connection(server_of(pg_server, name))
    assert result.kind == connection.OLDER and result.ok
    assert "upgrades it" in str(result.message)


def test_another_programs_database_is_refused(pg_server, fresh_pg_url):
    name = fresh_pg_url.rsplit("/", 1)[1]
    sql(pg_server, name, "CREATE TABLE invoices (id int)")
    result = connection.test_connection(server_of(pg_server, name))
    assert result.kind == connection.NOT_SHOPDESK and not result.ok


def test_a_wrong_password_is_named(password_server):
    server = ServerSettings("127.0.0.1", password_server.port, "shopdesk", "shopdesk", "wrong")
    result = connection.test_connection(server)
    assert result.kind == connection.WRONG_PASSWORD
    assert "password for user shopdesk" in str(result.message)
    assert connection.test_connection(ServerSettings("127.0.0.1", password_server.port, "shopdesk", "shopdesk",
                                                     PASSWORD)).kind == connection.EMPTY


# ---- remembering the server and its password --------------------------------------------------------

def test_saved_server_keeps_the_password_in_a_user_only_file_and_opens_with_it(password_server, no_pgpassfile):
    server = ServerSettings("127.0.0.1", password_server.port, "shopdesk", "shopdesk", PASSWORD)
    saved = connection.save_server(server)

    assert saved.password_store == connection.PASSWORD_FILE
    stored = json.loads(connection.server_file().read_text())
    assert PASSWORD not in connection.server_file().read_text() and "s3cret" not in json.dumps(stored)
    assert stored["url"] == f"postgresql://shopdesk@127.0.0.1:{password_server.port}/shopdesk"
    mode = stat.S_IMODE(connection.pgpass_file().stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(connection.server_file().stat().st_mode) == 0o600

    url = config.resolve_db_url(None)  # no --db, no SHOPDESK_DB: the saved server
    assert url == stored["url"] and "s3cret" not in url
    assert os.environ["PGPASSFILE"] == str(connection.pgpass_file())
    opened = open_database(url)  # libpq finds the password in the file
    try:
        assert opened.created
        assert Customer.select().count() == 0
    finally:
        close_database()
    assert connection.saved_password(server) == PASSWORD


def test_the_option_and_the_environment_still_win_over_the_saved_server(pg_server, no_pgpassfile):
    connection.save_server(server_of(pg_server, "shopdesk"))
    assert config.resolve_db_url("/tmp/other.sqlite3") == "/tmp/other.sqlite3"
    assert config.resolve_db_url(None, environ={config.ENV_DB: "/tmp/env.sqlite3"}) == "/tmp/env.sqlite3"
    assert config.resolve_db_url(None) == server_of(pg_server, "shopdesk").url()


def test_saving_again_replaces_the_line_and_keeps_other_servers(no_pgpassfile):
    one = ServerSettings("a.local", 5432, "shop", "u", "first")
    other = ServerSettings("b.local", 5432, "shop", "u", "other")
    connection.save_server(other)
    connection.save_server(one)
    connection.save_server(ServerSettings("a.local", 5432, "shop", "u", "second"))
    lines = connection.pgpass_file().read_text().splitlines()
    assert lines == ["b.local:5432:shop:u:other", "a.local:5432:shop:u:second"]
    odd = ServerSettings("c.local", 5432, "shop", "u", "a:b\\c")
    connection.save_server(odd)
    assert "c.local:5432:shop:u:a\\:b\\\\c" in connection.pgpass_file().read_text().splitlines()
    assert connection.saved_password(odd) == "a:b\\c"


class FakeKeyring(types.ModuleType):
    def __init__(self, priority: float):
        super().__init__("keyring")
        self.priority = priority
        self.passwords: dict[tuple[str, str], str] = {}

    def get_keyring(self):
        return types.SimpleNamespace(priority=self.priority)

    def set_password(self, service, name, password):
        self.passwords[(service, name)] = password

    def get_password(self, service, name):
        return self.passwords.get((service, name))

    def delete_password(self, service, name):
        del self.passwords[(service, name)]


def test_the_keyring_is_preferred_when_it_has_a_backend(monkeypatch, no_pgpassfile):
    connection.save_server(ServerSettings("a.local", 5432, "shop", "u", "in the file"))  # before the keyring came
    keyring = FakeKeyring(priority=5)
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    server = ServerSettings("a.local", 5432, "shop", "u", "pa ss")

    saved = connection.save_server(server)

    assert saved.password_store == connection.KEYRING
    assert keyring.passwords == {("ShopDesk", "u@a.local:5432/shop"): "pa ss"}
    assert "in the file" not in connection.pgpass_file().read_text()  # no clear copy left behind
    assert "pa ss" not in connection.server_file().read_text()
    assert connection.saved_server_url() == "postgresql://u:pa%20ss@a.local:5432/shop"  # in memory only
    assert connection.password_store_available() == connection.KEYRING

    connection.forget_server()
    assert keyring.passwords == {} and not connection.server_file().exists()
    assert config.resolve_db_url(None) == str(config.default_db_path())


def test_a_keyring_without_a_usable_backend_falls_back_to_the_file(monkeypatch, no_pgpassfile):
    monkeypatch.setitem(sys.modules, "keyring", FakeKeyring(priority=0))  # keyring's "fail" backend
    saved = connection.save_server(ServerSettings("a.local", 5432, "shop", "u", "pw"))
    assert saved.password_store == connection.PASSWORD_FILE
    assert connection.pgpass_file().read_text() == "a.local:5432:shop:u:pw\n"


def test_no_password_stores_none_and_a_broken_saved_file_is_ignored(no_pgpassfile):
    saved = connection.save_server(ServerSettings("a.local"))
    assert saved.password_store == connection.NOWHERE and not connection.pgpass_file().exists()
    assert connection.saved_server_url() == "postgresql://shopdesk@a.local:5432/shopdesk"
    connection.server_file().write_text("{not json")
    assert connection.saved_server() is None
    assert config.resolve_db_url(None) == str(config.default_db_path())

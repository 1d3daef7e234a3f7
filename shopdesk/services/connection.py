"""The shop server a desk works on: testing a connection, remembering it, keeping its password.

A desk that uses the shop's PostgreSQL server remembers it in ``server.json``
in the user's config folder (read by the window and the command line alike:
``config.resolve_db_url`` falls back to it when neither ``--db`` nor
``SHOPDESK_DB`` is given). That file never holds the password. The password
goes to the system keyring when the ``keyring`` module has a usable backend,
else to a ``pgpass`` file beside it, readable by the user only (mode 0600), in
libpq's own format: ``saved_server_url`` points ``PGPASSFILE`` at it, so
psycopg2, ``pg_dump`` and ``pg_restore`` all find it there.

Nothing here uses the models' database proxy: testing a server must not
disturb the database the desk has open.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import platformdirs

from shopdesk import config
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text

SERVER_FILE = "server.json"
PGPASS_FILE = "pgpass"
KEYRING_SERVICE = "ShopDesk"
DEFAULT_PORT = 5432

# Where a password was put.
KEYRING = "keyring"
PASSWORD_FILE = "file"
NOWHERE = "none"

# What a connection test found.
OK = "ok"
EMPTY = "empty"                # connected; an empty database ShopDesk will set up
OLDER = "older"                # connected; ShopDesk will upgrade the schema on first use
NEWER = "newer"                # written by a newer ShopDesk: update this desk
NOT_SHOPDESK = "not_shopdesk"  # holds other tables
UNKNOWN_HOST = "unknown_host"
UNREACHABLE = "unreachable"    # nothing answers on that host and port
NOT_ALLOWED = "not_allowed"    # pg_hba.conf has no line for this desk
WRONG_PASSWORD = "wrong_password"
NO_USER = "no_user"
NO_DATABASE = "no_database"
OTHER = "other"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(config.APP_NAME, appauthor=False))


def server_file() -> Path:
    return config_dir() / SERVER_FILE


def pgpass_file() -> Path:
    return config_dir() / PGPASS_FILE


@dataclass(frozen=True)
class ServerSettings:
    """How to reach the shop server. The password is held only in memory."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "shopdesk"
    user: str = "shopdesk"
    password: str = ""

    def url(self, with_password: bool = False) -> str:
        auth = quote(self.user, safe="")
        if with_password and self.password:
            auth += ":" + quote(self.password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{auth}@{host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def server_from_url(url: str) -> ServerSettings:
    """The settings in a ``postgresql://user:pass@host:port/db`` URL (to fill in the dialog)."""
    parts = urlsplit(url)
    return ServerSettings(
        host=parts.hostname or "",
        port=parts.port or DEFAULT_PORT,
        database=unquote(parts.path.lstrip("/")) or "shopdesk",
        user=unquote(parts.username or "") or "shopdesk",
        password=unquote(parts.password or ""),
    )


# ---- testing a connection ------------------------------------------------------------

@dataclass(frozen=True)
class TestResult:
    kind: str
    message: Text
    schema_version: int | None = None

    @property
    def ok(self) -> bool:
        """The desk can work on this server (perhaps after ShopDesk sets it up or upgrades it)."""
        return self.kind in (OK, EMPTY, OLDER)

    __test__ = False  # not a pytest class


def test_connection(server: ServerSettings, timeout: int = 5) -> TestResult:
    """Connect once and say exactly what is wrong, or what ShopDesk will find there."""
    import psycopg2

    from shopdesk.models.migrations import SCHEMA_VERSION

    params = {"host": server.host, "port": server.port, "dbname": server.database, "user": server.user,
              "connect_timeout": timeout}
    if server.password:
        params["password"] = server.password
    try:
        conn = psycopg2.connect(**params)
    except psycopg2.Error as exc:
        return classify_failure(str(exc), server)
    try:
        version, has_tables = _schema_version(conn)
    except psycopg2.Error as exc:
        return TestResult(OTHER, Text("Connect", QT_TRANSLATE_NOOP("Connect", "The shop server answered with an error: "
                                                                          "{detail}"), detail=str(exc).strip()))
    finally:
        conn.close()
    return describe_schema(version, has_tables, SCHEMA_VERSION, server)


test_connection.__test__ = False  # a service, not a pytest test


def _schema_version(conn) -> tuple[int | None, bool]:
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
        has_tables = cur.fetchone()[0] > 0
        cur.execute("SELECT to_regclass('schema_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None, has_tables
        cur.execute("SELECT max(version) FROM schema_version")
        return cur.fetchone()[0], True


def describe_schema(version: int | None, has_tables: bool, known: int, server: ServerSettings) -> TestResult:
    where = server.url()
    if version is None and not has_tables:
        return TestResult(EMPTY, Text("Connect", QT_TRANSLATE_NOOP(
            "Connect", "Connected. The database {database} is empty: ShopDesk sets it up when this desk first opens it."),
            database=server.database))
    if version is None:
        return TestResult(NOT_SHOPDESK, Text("Connect", QT_TRANSLATE_NOOP(
            "Connect", "The database {database} holds other tables and is not a ShopDesk database: "
                       "choose the shop's database."), database=server.database))
    if version > known:
        return TestResult(NEWER, Text("Connect", QT_TRANSLATE_NOOP(
            "Connect", "The shop's database was written by a newer ShopDesk (schema {found}, this desk knows {known}): "
                       "update ShopDesk on this desk first."), found=version, known=known), version)
    if version < known:
        return TestResult(OLDER, Text("Connect", QT_TRANSLATE_NOOP(
            "Connect", "Connected. The shop's database has an older schema ({found}); ShopDesk upgrades it to {known} "
                       "when this desk opens it (make a backup first: shopdesk backup)."), found=version, known=known),
            version)
    return TestResult(OK, Text("Connect", QT_TRANSLATE_NOOP("Connect", "Connected to the shop's database at {where}."),
                               where=where), version)


_FAILURES = (
    # (what libpq says, kind, message). First match wins; libpq's words are English whatever the locale
    # of this desk (the server's own messages may be localized: the last rules catch the rest).
    (r"could not translate host name|name or service not known|nodename nor servname", UNKNOWN_HOST,
     QT_TRANSLATE_NOOP("Connect", "The name {host} is not known on this network: check the server's name "
                                  "or use its IP address.")),
    (r"no pg_hba\.conf entry", NOT_ALLOWED,
     QT_TRANSLATE_NOOP("Connect", "The shop server does not let this desk in: add a line for the shop's network to "
                                  "pg_hba.conf on the server (see the README) and reload PostgreSQL.")),
    (r"password authentication failed|no password supplied|password is required|authentication failed", WRONG_PASSWORD,
     QT_TRANSLATE_NOOP("Connect", "The shop server refused the password for user {user}: check the user name and "
                                  "password.")),
    (r"role \".*\" does not exist", NO_USER,
     QT_TRANSLATE_NOOP("Connect", "The shop server has no user {user}: create it on the server (createuser) or "
                                  "check the name.")),
    (r"database \".*\" does not exist", NO_DATABASE,
     QT_TRANSLATE_NOOP("Connect", "The shop server has no database {database}: create it on the server "
                                  "(createdb -O {user} {database}) or check the name.")),
    (r"connection refused", UNREACHABLE,
     QT_TRANSLATE_NOOP("Connect", "{host} answers, but nothing listens on port {port}: is PostgreSQL running there, "
                                  "with listen_addresses set for the network, and the port open in the firewall?")),
    (r"timeout expired|timed out|no route to host|network is unreachable|host is down|could not connect|"
     r"server closed the connection", UNREACHABLE,
     QT_TRANSLATE_NOOP("Connect", "Cannot reach {host} on port {port}: is the server on and on the network, "
                                  "and the port open in its firewall?")),
)


def classify_failure(detail: str, server: ServerSettings) -> TestResult:
    """What a failed connection means, from libpq's message."""
    low = detail.lower()
    for pattern, kind, message in _FAILURES:
        if re.search(pattern, low):
            return TestResult(kind, Text("Connect", message, host=server.host, port=server.port, user=server.user,
                                         database=server.database))
    return TestResult(OTHER, Text("Connect", QT_TRANSLATE_NOOP("Connect", "Cannot connect to the shop server: {detail}"),
                                  detail=detail.strip()))


# ---- remembering the server --------------------------------------------------------------

@dataclass(frozen=True)
class SavedServer:
    server: ServerSettings  # without the password
    password_store: str     # KEYRING, PASSWORD_FILE or NOWHERE


def save_server(server: ServerSettings) -> SavedServer:
    """Remember the server for this desk (every later start uses it); the password goes to the
    keyring, else to the user-only pgpass file; never into ``server.json``."""
    store = NOWHERE
    if server.password:
        keyring = _usable_keyring()
        if keyring is not None:
            keyring.set_password(KEYRING_SERVICE, server.keyring_name, server.password)
            _write_pgpass_entry(server, None)  # no older copy left in the file
            store = KEYRING
        else:
            _write_pgpass_entry(server, server.password)
            store = PASSWORD_FILE
    else:
        _write_pgpass_entry(server, None)
    bare = replace(server, password="")
    _write_private_json(server_file(), {"url": bare.url(), "password_store": store})
    return SavedServer(bare, store)


def saved_server() -> SavedServer | None:
    """The server this desk remembers (without its password), or None."""
    try:
        data = json.loads(server_file().read_text(encoding="utf-8"))
        url = data["url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not config.is_postgres(url):
        return None
    return SavedServer(server_from_url(url), data.get("password_store", NOWHERE))


def saved_server_url() -> str | None:
    """The URL to open when neither ``--db`` nor ``SHOPDESK_DB`` says otherwise.

    With the password in the pgpass file, ``PGPASSFILE`` is pointed at it for
    this process (libpq and the backup tools read it there); with the keyring,
    the password is put into the returned URL, in memory only.
    """
    saved = saved_server()
    if saved is None:
        return None
    if saved.password_store == PASSWORD_FILE and pgpass_file().exists():
        os.environ["PGPASSFILE"] = str(pgpass_file())
    elif saved.password_store == KEYRING:
        password = _keyring_password(saved.server)
        if password:
            return replace(saved.server, password=password).url(with_password=True)
    return saved.server.url()


def saved_password(server: ServerSettings) -> str:
    """The stored password for ``server`` ("" if none), to fill in the dialog."""
    password = _keyring_password(server)
    if password:
        return password
    for entry in _read_pgpass():
        if entry[:4] == _pgpass_key(server):
            return entry[4]
    return ""


def forget_server() -> None:
    """This desk goes back to its own SQLite file; the stored password is removed."""
    saved = saved_server()
    if saved is not None:
        _write_pgpass_entry(saved.server, None)
        keyring = _usable_keyring()
        if keyring is not None:
            try:
                keyring.delete_password(KEYRING_SERVICE, saved.server.keyring_name)
            except Exception:  # noqa: BLE001 - nothing stored there
                pass
    server_file().unlink(missing_ok=True)


def password_store_available() -> str:
    """Where a password saved now would go: KEYRING or PASSWORD_FILE."""
    return KEYRING if _usable_keyring() is not None else PASSWORD_FILE


# ---- the keyring ---------------------------------------------------------------------------

def _usable_keyring():
    """The ``keyring`` module if it is installed and has a real backend (not the fail/null one)."""
    try:
        import keyring

        priority = float(getattr(keyring.get_keyring(), "priority", 0))
    except Exception:  # noqa: BLE001 - not installed, or no backend on this desk (no D-Bus session …)
        return None
    return keyring if priority > 0 else None


def _keyring_password(server: ServerSettings) -> str:
    keyring = _usable_keyring()
    if keyring is None:
        return ""
    try:
        return keyring.get_password(KEYRING_SERVICE, server.keyring_name) or ""
    except Exception:  # noqa: BLE001 - a locked or broken keyring: connect without, libpq says what is missing
        return ""


# ---- the pgpass file -----------------------------------------------------------------------

def _pgpass_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


def _pgpass_split(line: str) -> list[str]:
    fields, current, escaped = [], [], False
    for ch in line:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields


def _pgpass_key(server: ServerSettings) -> list[str]:
    return [server.host, str(server.port), server.database, server.user]


def _read_pgpass() -> list[list[str]]:
    try:
        lines = pgpass_file().read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [fields for fields in map(_pgpass_split, lines) if len(fields) == 5]


def _write_pgpass_entry(server: ServerSettings, password: str | None) -> None:
    """Set (or with None remove) the server's line, keeping the others."""
    path = pgpass_file()
    if password is None and not path.exists():
        return
    key = _pgpass_key(server)
    kept = [fields for fields in _read_pgpass() if fields[:4] != key]
    if password is not None:
        kept.append(key + [password])
    text = "".join(":".join(_pgpass_escape(f) for f in fields) + "\n" for fields in kept)
    _write_private(path, text)


def _write_private_json(path: Path, data: dict) -> None:
    _write_private(path, json.dumps(data, indent=2) + "\n")


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read, replacing the old one in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

"""Where things live: the data folder and the database URL.

One configuration point for the database: ``--db`` beats ``SHOPDESK_DB`` beats
the default SQLite file in the user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ShopDesk"
ENV_DB = "SHOPDESK_DB"
ENV_DATA_DIR = "SHOPDESK_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "shopdesk.sqlite3"


def resolve_db_url(option: str | None = None, environ=os.environ) -> str:
    """The database to open: an option, else $SHOPDESK_DB, else the shop server this desk
    was connected to (Settings → Connect to shop server), else the default file."""
    url = option or environ.get(ENV_DB)
    if url:
        return url
    from shopdesk.services.connection import saved_server_url

    return saved_server_url() or str(default_db_path())


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> Path:
    for prefix in ("sqlite:///", "sqlite://"):
        if url.startswith(prefix):
            return Path(url[len(prefix):])
    return Path(url)


def display_url(url: str) -> str:
    """The URL without a password, for the status bar and logs."""
    if not is_postgres(url):
        return str(sqlite_path(url))
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"

"""Where the broker keeps its records: the Store interface, its SQLite and MongoDB implementations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mrq_broker.storage.base import QueryTimeout, Store, StoreUnavailable
from mrq_broker.storage.mongo import OUTAGES as MONGO_OUTAGES
from mrq_broker.storage.mongo import MongoStore
from mrq_broker.storage.sqlite import SQLiteStore

#: Store failures that are transient from a caller's view: nothing was written, retry later.
OUTAGES: tuple[type[Exception], ...] = (StoreUnavailable, *MONGO_OUTAGES)

SQLITE_FILE = "mrq.sqlite3"

if TYPE_CHECKING:  # the settings import the errors, which import this package's OUTAGES
    from mrq_broker.settings import BrokerSettings


def open_store(settings: BrokerSettings) -> Store:
    """MongoDB when --mongodb-url is set, else the SQLite file in --data-dir."""
    if settings.mongodb_url:
        return MongoStore(
            settings.mongodb_url, settings.mongodb_timeout_s, settings.max_bulk_updates, settings.store_query_timeout_s
        )
    return SQLiteStore(
        Path(settings.data_dir) / SQLITE_FILE, settings.sqlite_busy_timeout_s, settings.store_query_timeout_s
    )


__all__ = ["OUTAGES", "MongoStore", "QueryTimeout", "SQLiteStore", "Store", "StoreUnavailable", "open_store"]

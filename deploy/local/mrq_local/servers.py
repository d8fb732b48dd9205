"""The databases MRQ's broker needs: Redis, and a MongoDB-compatible server.

Each server listens on 127.0.0.1 only, on a free port unless one is given, and keeps its data in a
directory of its own. MongoDB is a real ``mongod`` when one is on the PATH, else FerretDB on SQLite
(built by ``scripts/install-ferretdb.sh`` into the user's cache, outside any clone).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pymongo
import pymongo.errors
import redis

from mrq_local.errors import LaunchError
from mrq_local.ports import LOOPBACK, free_port
from mrq_local.process import ManagedProcess

_PROBE_TIMEOUT_S = 0.5


def ferretdb_path() -> Path:
    """Where ``scripts/install-ferretdb.sh`` puts the FerretDB binary."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "mrq" / "bin" / "ferretdb"


class Server:
    """A database server run as a managed process on 127.0.0.1.

    Attributes:
        port: The port it listens on.
        process: The managed process, for signals and logs.
    """

    def __init__(self, port: int, process: ManagedProcess) -> None:
        self.port = port
        self.process = process

    def start(self, ready_timeout_s: float = 30.0) -> None:
        """Starts the server and waits until it answers."""
        self.process.start()
        self.process.wait_ready(ready_timeout_s)

    def restart(self, ready_timeout_s: float = 30.0, *, crash: bool = False) -> None:
        """Stops the server (SIGKILLs it, with ``crash``) and starts it again on the same port and
        data directory, then waits until it answers."""
        self.process.restart(ready_timeout_s, crash=crash)

    def stop(self, grace_s: float = 10.0) -> None:
        """Shuts the server down (SIGTERM lets both flush their data), then SIGKILLs it."""
        self.process.stop(grace_s)


class RedisServer(Server):
    """``redis-server`` with an append-only file fsynced every second and no RDB snapshots.

    Args:
        data_dir: Directory of the append-only file.
        log_path: The server's log file.
        port: Port to listen on; 0 picks a free one.
        password: Password clients must give (``requirepass``); "" for none.
    """

    def __init__(self, data_dir: Path, log_path: Path, port: int = 0, *, password: str = "") -> None:
        port = port or free_port()
        data_dir.mkdir(parents=True, exist_ok=True)
        argv = ["redis-server"]
        if password:
            # In a config file, not on the command line, which ps and the log's header show.
            config = data_dir / "password.conf"
            config.write_text(f'requirepass "{password}"\n')
            argv.append(str(config))
        argv += [
            "--bind",
            LOOPBACK,
            "--port",
            str(port),
            "--dir",
            str(data_dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--save",
            "",
        ]
        self.password = password
        super().__init__(port, ManagedProcess("redis", argv, log_path=log_path, ready=self._answers))

    @property
    def url(self) -> str:
        """The server's URL, database 0, with the password if it has one."""
        return f"redis://{':' + self.password + '@' if self.password else ''}{LOOPBACK}:{self.port}/0"

    def _answers(self) -> bool:
        client = redis.Redis(
            host=LOOPBACK,
            port=self.port,
            password=self.password or None,
            socket_timeout=_PROBE_TIMEOUT_S,
            socket_connect_timeout=_PROBE_TIMEOUT_S,
        )
        try:
            return bool(client.ping())
        except redis.RedisError:  # refused, or still loading its append-only file
            return False
        finally:
            client.close()


class MongoServer(Server):
    """``mongod`` if it is on the PATH, else FerretDB with its SQLite backend.

    Args:
        data_dir: Directory of the databases.
        log_path: The server's log file.
        port: Port to listen on; 0 picks a free one.

    Raises:
        LaunchError: neither ``mongod`` nor the FerretDB binary is installed.
    """

    def __init__(self, data_dir: Path, log_path: Path, port: int = 0) -> None:
        port = port or free_port()
        data_dir.mkdir(parents=True, exist_ok=True)
        kind = self._find_kind()
        super().__init__(
            port, ManagedProcess(kind, self._argv(kind, data_dir, port), log_path=log_path, ready=self._answers)
        )

    @property
    def kind(self) -> str:
        """ "mongod" or "ferretdb"."""
        return self.process.name

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server."""
        return f"mongodb://{LOOPBACK}:{self.port}/{database}"

    @staticmethod
    def _find_kind() -> str:
        if shutil.which("mongod"):
            return "mongod"
        if os.access(ferretdb_path(), os.X_OK):
            return "ferretdb"
        raise LaunchError(
            f"no MongoDB server: neither mongod on the PATH nor {ferretdb_path()}; "
            "run scripts/install-ferretdb.sh (or `make install`)"
        )

    @staticmethod
    def _argv(kind: str, data_dir: Path, port: int) -> list[str]:
        if kind == "mongod":
            return ["mongod", "--dbpath", str(data_dir), "--bind_ip", LOOPBACK, "--port", str(port)]
        # synchronous(normal): in SQLite's WAL mode, commits survive a crash of FerretDB and only
        # an OS crash can lose the last ones; it makes each commit 4x cheaper than the default.
        return [
            str(ferretdb_path()),
            "--handler=sqlite",
            f"--sqlite-url=file:{data_dir}/?_pragma=synchronous(normal)",
            f"--state-dir={data_dir}",
            f"--listen-addr={LOOPBACK}:{port}",
            "--debug-addr=-",
            "--telemetry=disable",
        ]

    def _answers(self) -> bool:
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(
            LOOPBACK,
            self.port,
            directConnection=True,
            connectTimeoutMS=500,
            serverSelectionTimeoutMS=int(_PROBE_TIMEOUT_S * 1000),
        )
        try:
            client.admin.command("ping")
        except pymongo.errors.PyMongoError:
            return False
        finally:
            client.close()
        return True

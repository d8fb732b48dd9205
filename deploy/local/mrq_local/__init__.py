"""mrq_local: runs MRQ's databases and services as local processes, for `make up` and the tests."""

__version__ = "0.1.0"  # the project's version: mrq.__version__ (tests/unit/test_versions.py)

from mrq_local.errors import DataDirBusy, LaunchError, NotReady, ProcessExited
from mrq_local.health import is_serving
from mrq_local.polling import wait_until
from mrq_local.ports import free_port
from mrq_local.process import ManagedProcess
from mrq_local.servers import MongoServer, RedisServer
from mrq_local.stack import Broker, Dashboard, Stack, StackConfig

__all__ = [
    "Broker",
    "Dashboard",
    "DataDirBusy",
    "LaunchError",
    "ManagedProcess",
    "MongoServer",
    "NotReady",
    "ProcessExited",
    "RedisServer",
    "Stack",
    "StackConfig",
    "free_port",
    "is_serving",
    "wait_until",
]

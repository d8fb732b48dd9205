"""mrq-worker: runs Python tasks in gevent greenlets, taking jobs from the MRQ broker.

Run it as ``mrq-worker [options] QUEUE...``; the entry point is :mod:`mrq_worker.__main__`, which
patches gevent before anything else is imported.
"""

__version__ = "0.1.0"  # the project's version: mrq.__version__ (tests/unit/test_versions.py)

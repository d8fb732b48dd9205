"""What a queue's name means: its type (from the suffix of its root), and whether a pause
covers it. Pure functions, shared by enqueue, lease and the queue listing; lease_jobs.lua
finds a worker's subqueues and leaves out paused ones by the same rules."""

from __future__ import annotations

from collections.abc import Iterable

from mrq.v1.queue_service_pb2 import (
    QUEUE_TYPE_RAW,
    QUEUE_TYPE_REGULAR,
    QUEUE_TYPE_REVERSE,
    QUEUE_TYPE_SET,
    QUEUE_TYPE_SORTED_SET,
    QUEUE_TYPE_TIMED_SET,
    QueueType,
)

# Checked in this order: "_timed_set" and "_sorted_set" also end in "_set".
_SUFFIXES = (
    ("_timed_set", QUEUE_TYPE_TIMED_SET),
    ("_sorted_set", QUEUE_TYPE_SORTED_SET),
    ("_set", QUEUE_TYPE_SET),
    ("_raw", QUEUE_TYPE_RAW),
    ("_reverse", QUEUE_TYPE_REVERSE),
)
RAW_TYPES = frozenset({QUEUE_TYPE_RAW, QUEUE_TYPE_SET, QUEUE_TYPE_SORTED_SET, QUEUE_TYPE_TIMED_SET})


def root(name: str) -> str:
    """The part before the first "/": "events_raw/eu" -> "events_raw"."""
    return name.split("/", 1)[0]


def queue_type(name: str) -> QueueType:
    """The QueueType of a queue, from the suffix of its root name."""
    base = root(name)
    for suffix, kind in _SUFFIXES:
        if base.endswith(suffix):
            return kind
    return QUEUE_TYPE_REGULAR


def is_raw(name: str) -> bool:
    return queue_type(name) in RAW_TYPES


def normalise_paused(name: str) -> str:
    """Pausing "x/" is pausing "x": either form covers "x" and every "x/..."."""
    return name.rstrip("/") or name


def is_paused(name: str, paused: Iterable[str]) -> bool:
    """Whether a pause in ``paused`` covers ``name``: "x" covers "x" and "x/...", not "x_"."""
    return any(name == p or name.startswith(p + "/") for p in paused)

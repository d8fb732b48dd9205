"""Hypothesis strategies for arbitrary gRPC requests, built from the mrq.v1 descriptors.

``request_for(method)`` walks the request message's ``DESCRIPTOR.fields``: every scalar type at
its edges (empty, huge, NUL, unicode, ``.`` and ``$`` strings; integer bounds; NaN and infinities;
enum values the proto does not define; bytes that are not JSON), nested and repeated messages.
Field names also pull in "almost valid" values (a real task path for ``task``, JSON for
``*_json``, plausible queue names, known job ids), so that requests get past the first check
and reach the code behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from hypothesis import strategies as st

from mrq.v1 import (
    job_service_pb2,
    monitor_service_pb2,
    queue_service_pb2,
    schedule_service_pb2,
    worker_service_pb2,
)

SERVICES: tuple[ServiceDescriptor, ...] = (
    job_service_pb2.DESCRIPTOR.services_by_name["JobService"],
    queue_service_pb2.DESCRIPTOR.services_by_name["QueueService"],
    schedule_service_pb2.DESCRIPTOR.services_by_name["ScheduleService"],
    monitor_service_pb2.DESCRIPTOR.services_by_name["MonitorService"],
    worker_service_pb2.DESCRIPTOR.services_by_name["WorkerService"],
)
#: Nested messages deeper than this are left unset.
MAX_DEPTH = 3
MAX_REPEATED = 4

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
ODD_STRINGS = (
    "",
    " ",
    ".",
    "$",
    "$where",
    "a.b.",
    "..",
    "\x00",
    "a\x00b",
    "/",
    "//",
    "a//b",
    "/a",
    "a/",
    "é",
    "日本",
    "\U0001f600",
    "\ud7ff",
    "x" * 5000,
    "{}",
    "null",
    "*",
    "%s",
    "../..",
    "\n",
    "-1",
)
TASKS = (
    "mrq_test_tasks.add",
    "mrq_test_tasks.echo",
    "mrq_test_tasks.fail",
    "nope.nope",
    "mrq_test_tasks.add.",
    "tasks",
    "tasks." + "a" * 250,
)
# The raw queues are those of queue_config.py, the fuzzed broker's config.
QUEUES = (
    "default",
    "fuzz",
    "fuzz/a",
    "fuzz/",
    "log_raw",
    "log_set",
    "log_sorted_set",
    "log_timed_set",
    "nope_raw",
    "q_reverse",
    "a:b-c.d_e",
    "q" * 200,
    "q" * 201,
    "my queue",
    "/",
    "//",
)
JSON_VALUES = (
    b"{}",
    b'{"a": 1, "b": 2}',
    b'{"a": "x"}',
    b"[]",
    b"1",
    b'"s"',
    b"null",
    b'{"$set": {"a": 1}}',
    b'{"a.b": 1}',
    b'{"a": 1e400}',
    b"{'a': 1}",
    b'{"a": 1',
    b"\xff",
    b"",
    b"nan",
    b'{"a": "\\u0000"}',
)
HEX_IDS = ("0123456789abcdef01234567", "f" * 24, "0" * 24, "0123456789abcdef0123456789abcdef")
CRONS = ("* * * * *", "*/5 * * * *", "0 0 31 2 *", "61 * * * *", "@hourly", "", "* * * * * * *")
TIMEZONES = ("UTC", "Europe/Paris", "Mars/Olympus", "", "../../etc/passwd")


def strings(name: str, known: dict[str, Sequence[str]]) -> st.SearchStrategy[str]:
    """Any text, odd strings, and the almost-valid values a field called ``name`` takes."""
    likely: list[str] = list(known.get(name, ()))
    if name.endswith("task") or name in ("task", "tasks"):
        likely += TASKS
    if "queue" in name or name == "prefix":
        likely += QUEUES
    if name.endswith("_id") or name.endswith("_ids"):
        likely += HEX_IDS
    if name == "cron":
        likely += CRONS
    if name == "timezone":
        likely += TIMEZONES
    choices = [st.text(max_size=30), st.sampled_from(ODD_STRINGS)]
    if likely:
        choices.append(st.sampled_from(likely))
    return st.one_of(*choices)


def integers(bounds: tuple[int, int]) -> st.SearchStrategy[int]:
    low, high = bounds
    return st.one_of(
        st.integers(-3, 20),
        st.sampled_from((low, high, low + 1, high - 1, 0, 1, -1, 1000, 1001)),
        st.integers(low, high),
    )


def scalar(field: FieldDescriptor, known: dict[str, Sequence[str]]) -> st.SearchStrategy[Any]:
    kind = field.type
    if kind == FieldDescriptor.TYPE_STRING:
        return strings(field.name, known)
    if kind == FieldDescriptor.TYPE_BYTES:
        return st.one_of(st.sampled_from(JSON_VALUES), st.binary(max_size=40))
    if kind == FieldDescriptor.TYPE_BOOL:
        return st.booleans()
    if kind in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        width = 32 if kind == FieldDescriptor.TYPE_FLOAT else 64
        return st.one_of(st.sampled_from((0.0, 0.5, 1.0, -1.0, 1e308, -1e308)), st.floats(width=width))
    if kind == FieldDescriptor.TYPE_ENUM:
        # Defined values, and values the proto does not define (open enums keep them).
        return st.one_of(st.sampled_from([v.number for v in field.enum_type.values]), integers(INT32))
    if kind in (FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SFIXED32):
        return integers(INT32)
    if kind in (FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED64):
        return integers(INT64)
    if kind in (FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_FIXED32):
        return integers((0, 2**32 - 1))
    if kind in (FieldDescriptor.TYPE_UINT64, FieldDescriptor.TYPE_FIXED64):
        return integers((0, 2**64 - 1))
    raise AssertionError(f"no strategy for {field.full_name} (type {kind})")


def field_values(field: FieldDescriptor, known: dict[str, Sequence[str]], depth: int) -> st.SearchStrategy[Any]:
    """What ``field`` is set to: one value, or a list for a repeated field (and a map)."""
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        entry = field.message_type
        if entry.GetOptions().map_entry:
            key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
            return st.dictionaries(scalar(key, known), scalar(value, known), max_size=MAX_REPEATED)
        one = message(entry, known, depth + 1)
    else:
        one = scalar(field, known)
    if field.is_repeated:
        return st.lists(one, max_size=MAX_REPEATED)
    return one


def message(descriptor: Descriptor, known: dict[str, Sequence[str]], depth: int = 0) -> st.SearchStrategy[Any]:
    """A message of type ``descriptor`` with any subset of its fields set to arbitrary values."""
    cls = GetMessageClass(descriptor)
    if depth > MAX_DEPTH:
        return st.just(cls())
    fields = {f.name: field_values(f, known, depth) for f in descriptor.fields}

    @st.composite
    def build(draw: st.DrawFn) -> Message:
        chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True)) if fields else []
        values = {name: draw(fields[name]) for name in chosen}
        return cls(**values)

    return build()


def rpcs(services: Sequence[ServiceDescriptor] = SERVICES) -> list[MethodDescriptor]:
    return [method for service in services for method in service.methods]


def calls(
    known: dict[str, Sequence[str]], methods: Sequence[MethodDescriptor]
) -> st.SearchStrategy[tuple[MethodDescriptor, Message]]:
    """A method of ``methods`` and an arbitrary request for it. ``known`` maps field names to
    values worth trying (e.g. ``{"job_id": [ids of real jobs]}``)."""
    return st.sampled_from(list(methods)).flatmap(
        lambda method: st.tuples(st.just(method), message(method.input_type, known))
    )

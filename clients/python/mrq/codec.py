"""JSON as carried on the wire (params_json, result_json): UTF-8 bytes, any JSON value."""

from __future__ import annotations

from typing import Any

import orjson

EMPTY_PARAMS = b"{}"


def encode(value: Any) -> bytes:
    """Serialises a JSON value; raises TypeError for values JSON can't hold."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError as exc:
        raise TypeError(f"not JSON-serialisable: {exc}") from exc


def encode_canonical(value: Any) -> bytes:
    """Serialises with sorted keys, so equal values give equal bytes (used for params equality)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def decode(data: bytes | str) -> Any:
    """Parses JSON bytes; empty input is ``None``. Raises ValueError on invalid JSON."""
    if not data:
        return None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from exc

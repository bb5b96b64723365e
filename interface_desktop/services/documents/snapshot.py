"""Document records as canonical JSON: the frozen form of approved minutes, its SHA-256, and what changed.

Canonical means one text for one record: keys sorted, no spaces, dates in ISO form, so the same minutes
always give the same bytes and the same digest. A record frozen by an older version still opens: a field
it lacks takes its default, or an empty value of its type, and a field it has that is no longer known is
left out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
EMPTY = {str: "", int: 0, bool: False, tuple: ()}


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def canonical(record: Any) -> str:
    return json.dumps(to_plain(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(kind: type[T], text: str) -> T:
    """The record of class `kind` that `canonical` wrote as `text`."""
    return _build(kind, json.loads(text))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _build(kind: Any, value: Any) -> Any:
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _build(hints[f.name], value[f.name]) if f.name in value else _missing(f, hints[f.name])
                       for f in dataclasses.fields(kind) if f.init})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        return _build(next(arg for arg in args if arg is not type(None)), value)
    if origin is tuple:
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        return tuple(_build(item, part) for item, part in zip(items, value))
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def _missing(f: dataclasses.Field, hint: Any) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    if type(None) in typing.get_args(hint):
        return None
    return EMPTY.get(typing.get_origin(hint) or hint)


def changed_paths(old: str, new: str) -> list[str]:
    """Where two canonical texts differ, as paths ('items.4.discussion'), sorted by key."""
    paths: list[str] = []
    _compare(json.loads(old), json.loads(new), "", paths)
    return paths


def _compare(old: Any, new: Any, path: str, out: list[str]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _compare(old.get(key), new.get(key), f"{path}.{key}" if path else key, out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for n, (a, b) in enumerate(zip(old, new)):
            _compare(a, b, f"{path}.{n}", out)
    elif old != new:
        out.append(path)

"""Typed readers for the fields of a package's JSON, which arrives from outside: each says which field is wrong
and why (a ValueError the package reader turns into a refusal), and no value reaches the workspace that SQLite
cannot store (integers are bounded, texts are strings of a sane length, keys have their exact size)."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from itertools import repeat
from typing import Any, Literal

from ..domain.panel import PUBLIC_KEY_BYTES

# Far beyond any honest value, far inside SQLite's signed 64-bit INTEGER.
MAX_COUNT = 2**31 - 1
MAX_DIGITS = 15  # thresholds run to the millions or billions of baht; 10^15 is far beyond
MAX_TEXT = 1_000_000  # characters; an xlsx cell holds 32,767, a declaration a few thousand


# 64 of the characters 0-9 a-f and nothing else (fullmatch; `$` would let a closing newline through)
_SHA256_HEX = re.compile("[0-9a-f]{64}")


class FieldError(ValueError):
    """A field of a package that is missing, of the wrong type or out of range."""


def field(data: Any, name: str) -> Any:
    if not isinstance(data, dict):
        raise FieldError(f"expected an object holding '{name}', got {type(data).__name__}")
    if name not in data:
        raise FieldError(f"'{name}' is missing")
    return data[name]


def objects(data: Any, name: str) -> list[dict[str, Any]]:
    """A list of JSON objects."""
    value = field(data, name)
    # isinstance over the list without a Python step per item: a package's ratings are some 17,000 objects
    if not isinstance(value, list) or not all(map(isinstance, value, repeat(dict))):
        raise FieldError(f"'{name}' is not a list of objects")
    return value


def integer(data: Any, name: str, low: int = 0, high: int = MAX_COUNT, *, optional: bool = False) -> int:
    value = data.get(name) if optional and isinstance(data, dict) else field(data, name)
    if value is None and optional:
        return low
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"'{name}' is not a whole number: {_short(value)}")
    if not low <= value <= high:
        raise FieldError(f"'{name}' is {_short(value)}, outside {low}..{high}")
    return value


def text(data: Any, name: str, *, optional: bool = False, limit: int = MAX_TEXT, empty: bool = True) -> Any:
    value = data.get(name) if optional and isinstance(data, dict) else field(data, name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise FieldError(f"'{name}' is not text: {_short(value)}")
    if len(value) > limit:
        raise FieldError(f"'{name}' is longer than {limit} characters")
    if "\x00" in value:
        raise FieldError(f"'{name}' holds a NUL character")
    if not empty and not value.strip():
        raise FieldError(f"'{name}' is empty")
    return value


def flag(data: Any, name: str) -> bool:
    value = field(data, name)
    if not isinstance(value, bool):
        raise FieldError(f"'{name}' is not true or false: {_short(value)}")
    return value


def decimal(data: Any, name: str) -> Decimal | None:
    value = data.get(name) if isinstance(data, dict) else field(data, name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise FieldError(f"'{name}' is not a number written as text: {_short(value)}")
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise FieldError(f"'{name}' is not a number: {_short(value)}") from exc
    if not number.is_finite():
        raise FieldError(f"'{name}' is not a finite number: {_short(value)}")
    if number and not -12 <= number.adjusted() <= MAX_DIGITS:
        raise FieldError(f"'{name}' is {_short(value)}, beyond any result or score (at most {MAX_DIGITS + 1} digits "
                         f"before the point, 12 after)")
    return number


def plain_decimal(value: Any) -> Decimal | Literal[False] | None:
    """`decimal` of a field's value when it is None or a number `decimal` takes (the Decimal, or None), else
    False: for a fast reader that leaves any refusal, and its wording, to `decimal`. The Decimals are shared per
    text: a package repeats the same few results thousands of times, and a Decimal is immutable."""
    if value is None:
        return None
    if type(value) is not str or len(value) > 64:
        return False
    number = plain_decimals.get(value)
    if number is None:
        try:
            number = decimal({"value": value}, "value")
        except FieldError:
            return False
        if len(plain_decimals) < 65536:
            plain_decimals[value] = number
    return number


plain_decimals: dict[str, Decimal | None] = {}


def public_key(value: Any, name: str = "public_key") -> bytes | None:
    """A raw Ed25519 or X25519 public key (32 bytes) written in base64, or None."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 100:
        raise FieldError(f"'{name}' is not a base64 key: {_short(value)}")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise FieldError(f"'{name}' is not valid base64 ({exc})") from exc
    if len(raw) != PUBLIC_KEY_BYTES:
        raise FieldError(f"'{name}' is {len(raw)} bytes, not a {PUBLIC_KEY_BYTES}-byte key")
    return raw


def timestamp(data: Any, name: str, *, optional: bool = False) -> Any:
    """A moment in the one form the store compares as text: UTC, ISO-8601, microseconds."""
    value = text(data, name, optional=optional, limit=64)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise FieldError(f"'{name}' is not a date and time: {_short(value)}") from exc
    if moment.tzinfo is None:
        raise FieldError(f"'{name}' has no time zone: {_short(value)}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def sha256(data: Any, name: str) -> str:
    value = text(data, name, limit=64).lower()
    if not _SHA256_HEX.fullmatch(value):
        raise FieldError(f"'{name}' is not a SHA-256 hash: {_short(value)}")
    return value


def hashes(data: Any, name: str, limit: int = 10_000) -> tuple[str, ...]:
    value = data.get(name, []) if isinstance(data, dict) else field(data, name)
    if value == []:
        return ()
    if not isinstance(value, list) or len(value) > limit:
        raise FieldError(f"'{name}' is not a list of hashes")
    return tuple(sha256({name: v}, name) for v in value)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."

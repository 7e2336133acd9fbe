"""The register: a record of every document docgen issues, and how to prove one later.

This module holds the plain parts (ids, codes, hashes) and imports no database code, so
rendering starts quickly. :class:`docgen.register.store.Register` is the way in:
``Stamp.new`` hands out a document id and a short verification code before rendering (both
are printed on the document), ``record`` stores the document once its bytes exist,
``verify`` answers whether a file, a hash or a printed code belongs to a document docgen
issued. Tables live in :mod:`docgen.register.models`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

# Crockford's base32: no I, L, O, U, so a code read aloud or retyped stays unambiguous.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CONFUSABLES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


# byte -> the character of its low five bits
_BYTE_TO_BASE32 = bytes(ord(_ALPHABET[byte & 31]) for byte in range(256))


def _random_base32(length: int) -> str:
    # one read of the system's random source; 256 is a multiple of 32, so the low five
    # bits of each byte are uniform (secrets.choice read it once per character); mapped
    # by one translate, not a generator per character
    return secrets.token_bytes(length).translate(_BYTE_TO_BASE32).decode("ascii")


def _time_part() -> str:
    """The current milliseconds in 10 characters of base32 (ids sort by time)."""
    millis = time.time_ns() // 1_000_000
    digits = []
    for _ in range(10):
        millis, digit = divmod(millis, 32)
        digits.append(_ALPHABET[digit])
    return "".join(reversed(digits))


def new_document_id() -> str:
    """A short, URL-safe, time-ordered id: 10 characters of milliseconds + 10 random."""
    return _time_part() + _random_base32(10)


CODE_LENGTH = 13  # characters of base32: 65 random bits
LEGACY_CODE_LENGTH = 8  # codes printed before: 40 bits, still verified


def new_code() -> str:
    """A verification code like ``7K3M-Q9TX-4HWDP`` (65 random bits: 4 + 4 + 5 characters).

    65 bits: with a billion documents registered, finding any one code by trying takes
    about 3.7e10 tries on average (over a thousand years at a thousand tries a second,
    and anonymous verification allows a few a minute). 15 characters with the dashes fit
    the register's code column.
    """
    return _grouped(_random_base32(CODE_LENGTH))


def _grouped(raw: str) -> str:
    return "-".join((raw[:4], raw[4:8], raw[8:])) if len(raw) > 8 else f"{raw[:4]}-{raw[4:]}"


def normalize_code(text: str) -> str:
    """A code as typed by a person (spaces, lower case, O for 0) in its printed form."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CODE_CONFUSABLES)
    return _grouped(raw) if len(raw) in (CODE_LENGTH, LEGACY_CODE_LENGTH) else raw


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(data: Any) -> str:
    """The input as canonical JSON (sorted keys, no spaces, UTF-8) for hashing and storage.

    orjson writes it about seven times faster than the json module, in the same text for
    what a case holds (strings, integers, booleans, null, lists and objects; the models
    carry amounts and rates as strings); what it refuses (an integer beyond 64 bits, a
    key that is not a string) goes through the json module."""
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    except TypeError:
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Stamp:
    """What is printed on a document before it is recorded: its id and verification code."""

    document_id: str
    code: str

    @classmethod
    def new(cls) -> Stamp:
        """A fresh id and code (no database needed: both are random enough to be unique):
        ``new_document_id()`` and ``new_code()``, their random parts in one read."""
        random = _random_base32(10 + CODE_LENGTH)
        return cls(_time_part() + random[:10], _grouped(random[10:]))

    def footer_text(self) -> str:
        return f"文书编号 {self.document_id}\n校验码 {self.code}"

    def issued_at(self) -> datetime | None:
        """The moment the id was made, from its time part (the first 10 characters): the
        time a file of the document states, the same however often it is printed; None
        for an id of another form."""
        head = self.document_id[:10].upper()
        if len(head) < 10 or any(c not in _ALPHABET for c in head):
            return None
        millis = 0
        for c in head:
            millis = millis * 32 + _ALPHABET.index(c)
        try:
            return datetime.fromtimestamp(millis / 1000, UTC)
        except (OverflowError, OSError, ValueError):
            return None

    def properties(self) -> dict[str, str]:
        return {"DocgenDocumentId": self.document_id, "DocgenVerificationCode": self.code}


@dataclass(frozen=True)
class Issue:
    """Everything the register keeps about one rendered document."""

    stamp: Stamp
    type_name: str
    template_id: str
    template_hash: str
    input_data: Any
    fmt: str
    content: bytes
    requested_by: str
    batch_id: str | None = None
    layout_hash: str | None = None
    tenant_id: int | None = None  # required to record it (Register refuses None)

    @functools.cached_property
    def sha256(self) -> str:
        """SHA-256 of the content, hex (computed once: the register and a manifest)."""
        return sha256_hex(self.content)


__all__ = ["Issue", "Stamp", "canonical_json", "new_code", "new_document_id", "sha256_hex"]

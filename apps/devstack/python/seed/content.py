"""Deterministic file bytes: a FITS-like primary header followed by a pseudo-random payload."""

from __future__ import annotations

import hashlib
import random
import zlib
from dataclasses import dataclass
from typing import Any

from .model import FileSpec

CARD = 80


@dataclass(frozen=True)
class Content:
    data: bytes
    adler32: str
    md5: str

    @property
    def size(self) -> int:
        return len(self.data)


def _card(key: str, value: Any) -> str:
    if isinstance(value, bool):
        rendered = "T" if value else "F"
    elif isinstance(value, (int, float)):
        rendered = repr(value)
    else:
        rendered = "'" + str(value).replace("'", "''")[:66] + "'"
    return f"{key[:8]:<8}= {rendered:>20}"[:CARD].ljust(CARD)


def header_text(cards: tuple[tuple[str, Any], ...]) -> str:
    """A FITS-looking header: 80-column cards, END, no block padding (files stay small)."""
    lines = [_card("SIMPLE", True), _card("BITPIX", 8), _card("NAXIS", 0), _card("EXTEND", True)]
    lines += [_card(k, v) for k, v in cards]
    lines.append("END".ljust(CARD))
    return "".join(lines)


def adler32_hex(data: bytes) -> str:
    """Rucio's adler32 form: 8 lowercase hex digits, zero-padded."""
    return f"{zlib.adler32(data) & 0xFFFFFFFF:08x}"


def render(spec: FileSpec, seed: int) -> Content:
    """The file's bytes depend only on (seed, scope, name, header, payload size)."""
    payload = random.Random(f"{seed}:{spec.scope}:{spec.name}").randbytes(spec.payload_bytes)
    data = header_text(spec.header).encode("ascii") + payload
    return Content(data, adler32_hex(data), hashlib.md5(data).hexdigest())

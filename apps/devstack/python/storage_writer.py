"""The dev storage's writer: dev-only HTTP Basic credential (packages/dev-fixtures STORAGE_WRITER).

It may write and read every RSE tree; the seed's verify, the dev mover and the tests that check
bytes read with it, where CTAO's tools would hold a token. The storage server, the seed and the
mover get it from the environment; run by hand (pytest, a seed) the fixed dev value applies.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping

DEV_WRITER = ("devstack", "dev-storage-secret")


def writer_credential(environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    user, password = environ.get("DEVSTACK_STORAGE_USER"), environ.get("DEVSTACK_STORAGE_PASSWORD")
    return (user, password) if user and password else DEV_WRITER


def basic_authorization(credential: tuple[str, str]) -> str:
    return "Basic " + base64.b64encode(f"{credential[0]}:{credential[1]}".encode()).decode()

"""One file's bytes from a source PFN to a destination PFN over the dev storage's WebDAV, verified.

What FTS does for a real transfer, reduced to what the devstack needs: read the source and check
it against the size and adler32 Rucio recorded (FTS's source checksum check), PUT it to the
destination (creating the missing collections, as FTS's gfal2 does with `mkdir -p`), read the
destination back and check it again; a destination that does not verify is deleted, so no wrong
bytes stay behind. Every failure is a CopyError whose message says which side failed, in FTS's
words where there are some ("SOURCE CHECKSUM MISMATCH"), because Rucio records it as the
request's error.

No Rucio import here: the unit tests run this against a real WsgiDAV without a Rucio server.
"""

from __future__ import annotations

import ipaddress
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import requests

CHUNK = 1 << 16
#: Bytes kept in memory before the spool goes to a temporary file.
SPOOL_MAX = 8 << 20
TIMEOUT = (5, 120)


class CopyError(Exception):
    """The copy cannot be verified; the message becomes the request's err_msg."""


@dataclass(frozen=True)
class Expected:
    """What Rucio says the file is."""

    size: int
    adler32: str


def adler32_hex(value: int) -> str:
    """Rucio's form: 8 lowercase hex digits, zero-padded."""
    return f"{value & 0xFFFFFFFF:08x}"


def normalize_adler32(value: str) -> str:
    return value.strip().lower().rjust(8, "0")


def ensure_local(url: str) -> None:
    """The mover reaches nothing outside the machine: loopback hosts only."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise CopyError(f"refusing a non-loopback URL (dev mover): {url}")


def parent_collections(url: str) -> list[str]:
    """The collections above `url`, outermost first, each ending in `/` (empty segments dropped).

    http://h:1/RSE//ctao/x/f -> [http://h:1/RSE/, http://h:1/RSE/ctao/, http://h:1/RSE/ctao/x/]
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s][:-1]
    return [urlunsplit((parts.scheme, parts.netloc, "/" + "/".join(segments[: i + 1]) + "/", "", ""))
            for i in range(len(segments))]


def new_session() -> requests.Session:
    session = requests.Session()
    # Never a proxy from the environment: every URL here is on 127.0.0.x.
    session.trust_env = False
    return session


def fetch_verified(session: requests.Session, url: str, expected: Expected, side: str,
                   auth: tuple[str, str]) -> IO[bytes]:
    """GET `url` into a spool, checking size and adler32 on the way; `side` is SOURCE/DESTINATION.

    Reads as the writer too: the storage serves its RSE trees only to a token or to the writer.
    """
    ensure_local(url)
    try:
        response = session.get(url, stream=True, timeout=TIMEOUT, auth=auth)
    except requests.RequestException as err:
        raise CopyError(f"{side} unreachable: {url}: {err}") from err
    with response:
        if response.status_code != 200:
            raise CopyError(f"{side} HTTP {response.status_code} on GET {url}")
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX)
        checksum, size = 1, 0
        for chunk in response.iter_content(CHUNK):
            checksum = zlib.adler32(chunk, checksum)
            size += len(chunk)
            spool.write(chunk)
    got = adler32_hex(checksum)
    if size != expected.size:
        spool.close()
        raise CopyError(f"{side} SIZE MISMATCH {url}: {size} bytes, Rucio has {expected.size}")
    if got != normalize_adler32(expected.adler32):
        spool.close()
        raise CopyError(f"{side} CHECKSUM MISMATCH {url}: adler32 {got}, Rucio has {expected.adler32}")
    spool.seek(0)
    return spool


def put(session: requests.Session, url: str, body: IO[bytes], size: int, auth: tuple[str, str]) -> None:
    """PUT with Content-Length; on 409 (a parent collection is missing) MKCOL the parents, retry."""
    ensure_local(url)
    status = _put_once(session, url, body, size, auth)
    if status == 409:
        for collection in parent_collections(url):
            answer = session.request("MKCOL", collection, auth=auth, timeout=TIMEOUT)
            # 201 made, 405 already there; anything else shows in the retried PUT.
            answer.close()
        status = _put_once(session, url, body, size, auth)
    if status not in (200, 201, 204):
        raise CopyError(f"DESTINATION HTTP {status} on PUT {url}")


def _put_once(session: requests.Session, url: str, body: IO[bytes], size: int, auth: tuple[str, str]) -> int:
    body.seek(0)
    headers = {"Content-Length": str(size), "Content-Type": "application/octet-stream"}
    try:
        with session.put(url, data=body, headers=headers, auth=auth, timeout=TIMEOUT) as response:
            return response.status_code
    except requests.RequestException as err:
        raise CopyError(f"DESTINATION unreachable: {url}: {err}") from err


def delete_quietly(session: requests.Session, url: str, auth: tuple[str, str]) -> None:
    try:
        session.delete(url, auth=auth, timeout=TIMEOUT).close()
    except requests.RequestException:
        pass


def copy_verified(session: requests.Session, sources: Sequence[str], dest_url: str, expected: Expected,
                  auth: tuple[str, str]) -> str:
    """Copy from the first source that verifies; returns that source. Raises CopyError otherwise."""
    if not sources:
        raise CopyError("no source URL recorded for this request")
    errors: list[str] = []
    for source in sources:
        try:
            body = fetch_verified(session, source, expected, "SOURCE", auth)
        except CopyError as err:
            errors.append(str(err))
            continue
        with body:
            put(session, dest_url, body, expected.size, auth)
        try:
            fetch_verified(session, dest_url, expected, "DESTINATION", auth).close()
        except CopyError:
            delete_quietly(session, dest_url, auth)
            raise
        return source
    raise CopyError("; ".join(errors))

"""The dev mover's copy against a real WsgiDAV (storage_server.make_app on a free port): no Rucio."""

import threading
import zlib

import pytest
from cheroot import wsgi

from storage_server import make_app
from transfers import http_copy
from transfers.http_copy import CopyError, Expected, copy_verified, ensure_local, new_session, parent_collections

WRITER = ("writer", "secret")
DATA = b"SIMPLE  =                    T" + bytes(range(256)) * 4


def expected(data: bytes = DATA) -> Expected:
    return Expected(size=len(data), adler32=f"{zlib.adler32(data):08x}")


@pytest.fixture()
def storage(tmp_path):
    """(base URL, root dir) of a storage server like the devstack's, on 127.0.0.1 and a free port.

    No token issuer: only the writer reads the RSE trees; `/pub` is an anonymous read-only share.
    """
    (tmp_path / "pub").mkdir()
    app = make_app(str(tmp_path), *WRITER, shares={"/pub": str(tmp_path / "pub")})
    server = wsgi.Server(("127.0.0.1", 0), app, numthreads=4)
    server.prepare()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.bind_addr[1]}", tmp_path
    server.stop()
    thread.join(timeout=5)


def put_source(root, rse: str, data: bytes = DATA) -> None:
    path = root / rse / "ctao" / "devtest" / "run" / "f.fits"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)


def urls(base: str) -> tuple[str, str]:
    # Rucio's PFNs for /ctao/... names have `//` after the RSE prefix (ctao_bdms lfn2pfn).
    return f"{base}/SRC//ctao/devtest/run/f.fits", f"{base}/DST//ctao/devtest/run/f.fits"


def test_a_verified_copy_lands_at_the_destination_with_its_missing_collections_made(storage):
    base, root = storage
    put_source(root, "SRC")
    src, dst = urls(base)
    assert copy_verified(new_session(), [src], dst, expected(), WRITER) == src
    assert (root / "DST" / "ctao" / "devtest" / "run" / "f.fits").read_bytes() == DATA


def test_a_corrupted_source_is_refused_and_nothing_is_written(storage):
    base, root = storage
    put_source(root, "SRC", b"X" + DATA[1:])
    src, dst = urls(base)
    with pytest.raises(CopyError, match="SOURCE CHECKSUM MISMATCH"):
        copy_verified(new_session(), [src], dst, expected(), WRITER)
    assert not (root / "DST").exists()


def test_a_missing_source_or_a_wrong_size_is_refused(storage):
    base, root = storage
    src, dst = urls(base)
    with pytest.raises(CopyError, match="SOURCE HTTP 404"):
        copy_verified(new_session(), [src], dst, expected(), WRITER)
    put_source(root, "SRC", DATA + b"!")
    with pytest.raises(CopyError, match="SOURCE SIZE MISMATCH"):
        copy_verified(new_session(), [src], dst, expected(), WRITER)


def test_the_next_source_is_tried_when_the_first_does_not_verify(storage):
    base, root = storage
    put_source(root, "OTHER")
    src, dst = urls(base)
    other = src.replace("/SRC/", "/OTHER/")
    assert copy_verified(new_session(), [src, other], dst, expected(), WRITER) == other


def test_a_destination_that_refuses_the_writer_fails_the_copy(storage):
    base, root = storage
    put_source(root, "pub")  # readable by anyone, so the copy gets as far as the destination
    src, dst = urls(base)
    src = src.replace("/SRC/", "/pub/")
    with pytest.raises(CopyError, match="DESTINATION HTTP 401"):
        copy_verified(new_session(), [src], dst, expected(), ("writer", "wrong"))


def test_sources_are_read_as_the_writer_the_storage_serving_no_anonymous_reads(storage):
    base, root = storage
    put_source(root, "SRC")
    src, dst = urls(base)
    with pytest.raises(CopyError, match="SOURCE HTTP 401"):
        copy_verified(new_session(), [src], dst, expected(), ("writer", "wrong"))
    assert not (root / "DST").exists()


def test_a_destination_that_does_not_read_back_right_is_deleted(storage, monkeypatch):
    base, root = storage
    put_source(root, "SRC")
    src, dst = urls(base)
    real = http_copy.fetch_verified

    def corrupting(session, url, exp, side, auth):
        if side == "DESTINATION":
            raise CopyError(f"DESTINATION CHECKSUM MISMATCH {url}")
        return real(session, url, exp, side, auth)

    monkeypatch.setattr(http_copy, "fetch_verified", corrupting)
    with pytest.raises(CopyError, match="DESTINATION CHECKSUM MISMATCH"):
        copy_verified(new_session(), [src], dst, expected(), WRITER)
    assert not (root / "DST" / "ctao" / "devtest" / "run" / "f.fits").exists()


def test_no_source_at_all_is_a_failure():
    with pytest.raises(CopyError, match="no source"):
        copy_verified(new_session(), [], "http://127.0.0.1:1/x", expected(), WRITER)


def test_only_loopback_urls_are_reached():
    for url in ("http://127.0.0.13:4420/A/x", "http://localhost:1/x", "http://[::1]:1/x"):
        ensure_local(url)
    for url in ("http://10.0.0.1/x", "https://example.org/x", "http://0.0.0.0:1/x"):
        with pytest.raises(CopyError, match="non-loopback"):
            ensure_local(url)


def test_parent_collections_are_listed_outermost_first_without_empty_segments():
    assert parent_collections("http://h:1/RSE//ctao/x/f.fits") == [
        "http://h:1/RSE/", "http://h:1/RSE/ctao/", "http://h:1/RSE/ctao/x/"]
    assert parent_collections("http://h:1/f") == []


def test_adler32_is_rucios_padded_lowercase_form():
    assert http_copy.adler32_hex(zlib.adler32(b"")) == "00000001"
    assert http_copy.normalize_adler32("ABC") == "00000abc"

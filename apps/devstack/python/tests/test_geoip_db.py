"""The devstack's GeoIP database: read back with geoip2 (Rucio's reader) and unpacked by Rucio's own code."""

import io
import math
import os
import tarfile

import geoip2.database
import geoip2.errors
import pytest

from geoip_db import EDITION, build
from seed.reference import RSES

SPEC = {
    "rses": {"CTAO-N-ONSITE": "127.0.0.11", "DESY-ZN-DISK": "127.0.0.13"},
    "clients": [{"ip": "127.0.0.102", "city": "Berlin", "countryCode": "DE", "countryName": "Germany",
                 "continent": "EU", "latitude": 52.52, "longitude": 13.405}],
}


def km(a, b):
    """Great-circle distance as Rucio's replica sorter computes it (haversine, R = 6378 km)."""
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6378 * 2 * math.asin(math.sqrt(h))


def test_each_rse_address_is_at_its_site_and_each_client_where_the_spec_says(tmp_path):
    build(tmp_path, SPEC)
    site = {r.name: r for r in RSES}
    with geoip2.database.Reader(str(tmp_path / f"{EDITION}.mmdb")) as reader:
        assert reader.metadata().database_type == EDITION
        la_palma, zeuthen, berlin = (reader.city(ip) for ip in ("127.0.0.11", "127.0.0.13", "127.0.0.102"))
        assert (la_palma.location.latitude, la_palma.location.longitude) == (
            site["CTAO-N-ONSITE"].latitude, site["CTAO-N-ONSITE"].longitude)
        assert la_palma.city.name == "La Palma" and la_palma.country.iso_code == "ES"
        assert zeuthen.city.name == "Zeuthen" and berlin.country.name == "Germany"
        here = (berlin.location.latitude, berlin.location.longitude)
        to = lambda r: km(here, (r.location.latitude, r.location.longitude))  # noqa: E731
        assert to(zeuthen) < 50 < 3000 < to(la_palma)
        # Like a real database, addresses it does not place are not found (Rucio: "far away").
        for unknown in ("127.0.0.1", "::1", "127.0.0.12"):
            with pytest.raises(geoip2.errors.AddressNotFoundError):
                reader.city(unknown)


def test_same_places_give_the_same_bytes_and_others_do_not(tmp_path):
    a, b, c = (build(tmp_path / d, s) for d, s in (("a", SPEC), ("b", SPEC), ("c", {**SPEC, "clients": []})))
    assert a["sha256"] == b["sha256"] != c["sha256"]
    assert (tmp_path / "a" / f"{EDITION}.mmdb").read_bytes() == (tmp_path / "b" / f"{EDITION}.mmdb").read_bytes()


def test_unknown_rse_and_twice_placed_address_are_refused(tmp_path):
    with pytest.raises(SystemExit, match="NOPE"):
        build(tmp_path, {"rses": {"NOPE": "127.0.0.9"}})
    twice = {"rses": {"CSCS-DISK": "127.0.0.14"}, "clients": [{**SPEC["clients"][0], "ip": "127.0.0.14"}]}
    with pytest.raises(SystemExit, match="twice"):
        build(tmp_path, twice)


def test_rucio_unpacks_the_archive_to_the_same_database(tmp_path, monkeypatch):
    # Rucio's module needs some configuration to import; a client-only one is enough here.
    if "RUCIO_CONFIG" not in os.environ:
        cfg = tmp_path / "rucio.cfg"
        cfg.write_text("[client]\nrucio_host = http://127.0.0.1:1\nauth_host = http://127.0.0.1:1\n")
        monkeypatch.setenv("RUCIO_CONFIG", str(cfg))
    from rucio.core.replica_sorter import extract_file_from_tar_gz

    out = build(tmp_path / "db", SPEC)
    archive = (tmp_path / "db" / f"{EDITION}.tar.gz").read_bytes()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        [member] = tar.getmembers()
        assert member.name.startswith(f"{EDITION}_") and member.name.endswith(f"/{EDITION}.mmdb")
    target = tmp_path / "cache.mmdb"
    extract_file_from_tar_gz(io.BytesIO(archive), f"{EDITION}.mmdb", target)
    assert target.read_bytes() == (tmp_path / "db" / f"{EDITION}.mmdb").read_bytes()
    assert out["places"] == 3

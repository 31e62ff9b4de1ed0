"""The devstack's own GeoIP2 City database, for Rucio's geoip replica sort.

Usage: geoip_db.py <out-dir> <spec-json>, where the spec (from @bdms/dev-fixtures) is
  {"rses": {"CTAO-N-ONSITE": "127.0.0.11", ...},
   "clients": [{"ip": "127.0.0.101", "city": ..., "countryCode": "ES", "countryName": ...,
                "continent": "EU", "latitude": 28.68, "longitude": -17.76}, ...]}
Each RSE's storage address is placed at its site (seed/reference.py, the coordinates the seed
also gives Rucio as RSE attributes); each client address where the spec says.

Writes <out-dir>/GeoLite2-City.mmdb (byte-identical for the same input, so the devstack can tell
its own database from a stale or foreign one in Rucio's cache) and <out-dir>/GeoLite2-City.tar.gz,
laid out as MaxMind's download is (GeoLite2-City_<date>/GeoLite2-City.mmdb), which Rucio fetches
from `[core] geoip_download_url` and unpacks itself. Prints one JSON line.
"""
from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

from mmdb_writer import MMDBWriter
from netaddr import IPSet

from seed.reference import RSES

EDITION = "GeoLite2-City"
#: Fixed, so that the same places always give the same bytes (the writer would stamp "now").
BUILD_EPOCH = 1764547200  # 2025-12-01T00:00:00Z
CONTINENTS = {"EU": "Europe", "SA": "South America", "NA": "North America", "AF": "Africa",
              "AS": "Asia", "OC": "Oceania", "AN": "Antarctica"}


class _FixedEpochWriter(MMDBWriter):
    def _build_meta(self) -> dict[str, Any]:
        return {**super()._build_meta(), "build_epoch": BUILD_EPOCH}


def record(city: str, country_code: str, country_name: str, continent: str,
           latitude: float, longitude: float) -> dict[str, Any]:
    """A GeoIP2 City record with the fields geoip2's City model reads (English names only)."""
    return {
        "city": {"names": {"en": city}},
        "continent": {"code": continent, "names": {"en": CONTINENTS.get(continent, continent)}},
        "country": {"iso_code": country_code, "names": {"en": country_name}},
        "location": {"latitude": float(latitude), "longitude": float(longitude),
                     "accuracy_radius": 10},
    }


def places(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(ip, record) for every RSE host in the spec and every client, sorted by address."""
    by_name = {rse.name: rse for rse in RSES}
    unknown = sorted(set(spec["rses"]) - set(by_name))
    if unknown:
        raise SystemExit(f"RSEs not in seed/reference.py: {', '.join(unknown)}")
    out = [(host, record(by_name[name].city, by_name[name].country_code, by_name[name].country_name,
                         by_name[name].continent, by_name[name].latitude, by_name[name].longitude))
           for name, host in spec["rses"].items()]
    out += [(c["ip"], record(c["city"], c["countryCode"], c["countryName"], c["continent"],
                             c["latitude"], c["longitude"])) for c in spec.get("clients", [])]
    ips = [ip for ip, _ in out]
    if len(set(ips)) != len(ips):
        raise SystemExit(f"an address is placed twice: {sorted(ips)}")
    return sorted(out, key=lambda p: tuple(int(x) for x in p[0].split(".")))


def write_mmdb(target: Path, spec: dict[str, Any]) -> int:
    # An IPv6 tree holding IPv4 in ::/96, as MaxMind's City databases do: IPv4 and IPv6 clients
    # can both be looked up (an address it does not place is "not found", as in the real one).
    writer = _FixedEpochWriter(ip_version=6, ipv4_compatible=True, database_type=EDITION,
                               languages=["en"], description="BDMS devstack places (dev only)")
    found = places(spec)
    for ip, rec in found:
        writer.insert_network(IPSet([f"{ip}/32"]), rec)
    writer.to_db_file(str(target))
    return len(found)


def write_archive(mmdb: Path, target: Path) -> None:
    """The tar.gz Rucio downloads. Member mtime = now: Rucio keeps the unpacked file's mtime."""
    member = tarfile.TarInfo(f"{EDITION}_{time.strftime('%Y%m%d', time.gmtime(BUILD_EPOCH))}/{EDITION}.mmdb")
    data = mmdb.read_bytes()
    member.size = len(data)
    member.mtime = int(time.time())
    member.mode = 0o644
    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz") as tar:
        tar.addfile(member, io.BytesIO(data))
    partial.replace(target)


def build(out_dir: Path, spec: dict[str, Any]) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    mmdb = out_dir / f"{EDITION}.mmdb"
    partial = out_dir / f"{EDITION}.mmdb.partial"
    count = write_mmdb(partial, spec)
    partial.replace(mmdb)
    archive = out_dir / f"{EDITION}.tar.gz"
    write_archive(mmdb, archive)
    return {"mmdb": str(mmdb), "archive": str(archive), "places": count,
            "sha256": hashlib.sha256(mmdb.read_bytes()).hexdigest()}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        raise SystemExit("usage: geoip_db.py <out-dir> <spec-json>")
    print(json.dumps(build(Path(argv[0]), json.loads(argv[1]))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

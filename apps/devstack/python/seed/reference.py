"""CTAO reference data (sites, data centres, array elements, targets) from /work/shared/CTAO-DATA.md §4-5."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rse:
    name: str
    rse_type: str  # DISK | TAPE
    city: str
    country_name: str
    country_code: str
    continent: str
    latitude: float
    longitude: float
    onsite: bool
    site: str  # CTAO-North / CTAO-South for ONSITE RSEs, else the data centre


RSES: tuple[Rse, ...] = (
    Rse("CTAO-N-ONSITE", "DISK", "La Palma", "Spain", "ES", "EU", 28.7622, -17.8920, True, "CTAO-North"),
    Rse("CTAO-S-ONSITE", "DISK", "Paranal", "Chile", "CL", "SA", -24.6834, -70.3163, True, "CTAO-South"),
    Rse("DESY-ZN-DISK", "DISK", "Zeuthen", "Germany", "DE", "EU", 52.346, 13.631, False, "DESY"),
    Rse("CSCS-DISK", "DISK", "Lugano", "Switzerland", "CH", "EU", 46.025, 8.960, False, "CSCS"),
    Rse("INFN-FRASCATI-DISK", "DISK", "Frascati", "Italy", "IT", "EU", 41.822, 12.673, False, "INFN"),
    Rse("PIC-TAPE", "TAPE", "Barcelona", "Spain", "ES", "EU", 41.500, 2.112, False, "PIC"),
)

OFFSITE_DISKS: tuple[str, ...] = ("DESY-ZN-DISK", "CSCS-DISK", "INFN-FRASCATI-DISK")
TAPE_RSE = "PIC-TAPE"


@dataclass(frozen=True)
class Site:
    key: str  # "north" | "south"
    directory: str  # path component used by ACADA: ctao-north / ctao-south
    name: str  # CTAO-North / CTAO-South
    onsite_rse: str
    #: Local time minus UTC, in hours. Fixed (no DST) so that generation never depends on tzdata.
    utc_offset_h: int
    #: subarray_id -> tel_ids (North ids per CTAO-DATA.md; South ids are demo-only).
    subarrays: dict[int, tuple[int, ...]]


NORTH = Site("north", "ctao-north", "CTAO-North", "CTAO-N-ONSITE", 0,
             {1: (1,), 2: (1, 2, 3, 4), 3: (5, 6, 7, 8, 9)})
SOUTH = Site("south", "ctao-south", "CTAO-South", "CTAO-S-ONSITE", -3,
             {1: (101,), 2: (101, 102, 103, 104), 3: (105, 106, 107, 108, 109)})
SITES: tuple[Site, ...] = (NORTH, SOUTH)


def array_element(tel_id: int) -> str:
    """The array element name for a tel_id (array-element-ids.json ranges)."""
    ranges = ((1, 4, "LSTN", 1), (5, 19, "MSTN", 5), (101, 104, "LSTS", 101),
              (105, 118, "MSTS", 105), (119, 168, "SSTS", 119))
    for low, high, prefix, first in ranges:
        if low <= tel_id <= high:
            return f"{prefix}-{tel_id - first + 1:02d}"
    raise ValueError(f"tel_id {tel_id} is not a telescope")


@dataclass(frozen=True)
class Target:
    name: str
    ra: float
    dec: float


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("Crab", 83.63308, 22.01450),
        Target("Mrk 421", 166.11381, 38.20883),
        Target("Mrk 501", 253.46757, 39.76017),
        Target("1ES 1959+650", 299.99938, 65.14851),
        Target("PKS 2155-304", 329.71694, -30.22559),
        Target("Sgr A*", 266.41683, -29.00781),
        Target("Vela pulsar", 128.83606, -45.17643),
    )
}

#: Observing nights (the evening's date) with the targets in season at that site.
NIGHTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "north": (
        ("2025-02-03", ("Crab", "Mrk 421")),
        ("2025-02-04", ("Crab", "Mrk 421")),
        ("2025-02-05", ("Crab", "Mrk 421")),
        ("2025-06-20", ("Mrk 501", "1ES 1959+650")),
        ("2025-06-21", ("Mrk 501", "1ES 1959+650")),
    ),
    "south": (
        ("2025-03-10", ("Vela pulsar", "Sgr A*")),
        ("2025-03-11", ("Vela pulsar", "Sgr A*")),
        ("2025-07-15", ("Sgr A*", "PKS 2155-304")),
        ("2025-07-16", ("Sgr A*", "PKS 2155-304")),
    ),
}

#: The bench's big night: one LSTN-01 night with ~100 000 event chunks.
BIG_NIGHT = "2025-11-20"
BIG_TARGET = "Crab"

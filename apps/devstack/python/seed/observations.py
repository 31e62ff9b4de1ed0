"""Observation blocks per site and night: ids, targets with wobble pointing, times, subarrays."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .reference import TARGETS, Site

ID_BASE = 2 * 10**9  # sb_creator_id 2 -> ids 2000000001, ...


@dataclass(frozen=True)
class Observation:
    site: Site
    night: date  # the evening's date (local-noon cut-off)
    obs_id: int
    sb_id: int
    target: str
    ra_pnt: float
    dec_pnt: float
    start: datetime  # UTC, naive
    end: datetime
    subarray_id: int
    tel_ids: tuple[int, ...]


@dataclass
class IdCounter:
    obs: int = 0
    sb: int = 0
    left_in_sb: int = 0

    def next(self, rng: random.Random) -> tuple[int, int]:
        """(obs_id, sb_id): a scheduling block groups 2-4 observation blocks."""
        if self.left_in_sb == 0:
            self.sb += 1
            self.left_in_sb = rng.randint(2, 4)
        self.left_in_sb -= 1
        self.obs += 1
        return ID_BASE + self.obs, ID_BASE + self.sb


def wobble(rng: random.Random, ra: float, dec: float) -> tuple[float, float]:
    """Pointing 0.4-0.9 deg away from the target along one of the four wobble directions."""
    offset = rng.uniform(0.4, 0.9)
    angle = math.radians(rng.choice((0, 90, 180, 270)))
    ra_pnt = (ra + offset * math.cos(angle) / math.cos(math.radians(dec))) % 360
    return round(ra_pnt, 5), round(dec + offset * math.sin(angle), 5)


def night_observations(
    site: Site, night: date, targets: tuple[str, ...], n_obs: int,
    rng: random.Random, ids: IdCounter, ob_minutes: tuple[int, int] = (20, 30),
) -> list[Observation]:
    """`n_obs` blocks starting between 20:30 and ~21:30 local time, 20-30 min each."""
    local = datetime(night.year, night.month, night.day, 20, 30) + timedelta(minutes=rng.randint(0, 60))
    cursor = local - timedelta(hours=site.utc_offset_h)
    out: list[Observation] = []
    for _ in range(n_obs):
        obs_id, sb_id = ids.next(rng)
        target = TARGETS[rng.choice(targets)]
        subarray_id = rng.choice(sorted(site.subarrays))
        duration = timedelta(minutes=rng.randint(*ob_minutes), seconds=rng.randint(0, 59))
        ra_pnt, dec_pnt = wobble(rng, target.ra, target.dec)
        out.append(Observation(site, night, obs_id, sb_id, target.name, ra_pnt, dec_pnt,
                               cursor, cursor + duration, subarray_id, site.subarrays[subarray_id]))
        cursor += duration + timedelta(minutes=rng.randint(2, 8))
    return out


def iso(t: datetime) -> str:
    """BDMS stores times as ISO strings in UTC without a zone."""
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def night_path(night: date) -> str:
    return f"{night.year:04d}/{night.month:02d}/{night.day:02d}"


def common_meta(obs: Observation) -> dict[str, object]:
    """Keys BDMS extracts for every DL0 file, plus the demo-only descriptive ones (CTAO-DATA.md §5)."""
    return {
        "observatory": "CTA",
        "start_time": iso(obs.start),
        "end_time": iso(obs.end),
        "sb_id": obs.sb_id,
        "obs_id": obs.obs_id,
        "valid_fits_checksum": True,
        "site": obs.site.name,
        "target_name": obs.target,
        "ra_pnt": obs.ra_pnt,
        "dec_pnt": obs.dec_pnt,
        "observing_night": obs.night.isoformat(),
    }

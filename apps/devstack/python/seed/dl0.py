"""ACADA DL0 products: telescope event chunks and array (subarray/trigger) files, per night."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime

from .model import FileSpec
from .observations import Observation, common_meta, iso, night_path
from .reference import array_element

SCOPE = "acada"
ROOT = "/ctao/acada/DL0"
INVALID_RATE = 0.02  # share of files ACADA ingestion rejects (moved to INVALID_DL0, not registered)


def ids_part(obs: Observation) -> str:
    return f"SBID{obs.sb_id:019d}_OBSID{obs.obs_id:019d}"


def stamp(t: datetime) -> str:
    return t.strftime("%Y%m%dT%H%M%S")


def tel_dataset(obs: Observation, tel_id: int) -> str:
    return f"{ROOT}/{array_element(tel_id)}/{obs.site.directory}/event/{night_path(obs.night)}"


def array_dataset(obs: Observation) -> str:
    return f"{ROOT}/ARRAY/{obs.site.directory}/event/{night_path(obs.night)}"


def _header(obs: Observation, stream: str, extra: tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    return (
        ("ORIGIN", "CTA"), ("TELESCOP", "CTAO"), ("INSTRUME", obs.site.name),
        ("PBFHEAD", f"DL0v1.{stream}.DataStream"), ("OBS_ID", obs.obs_id), ("SB_ID", obs.sb_id),
        ("OBJECT", obs.target), ("RA_PNT", obs.ra_pnt), ("DEC_PNT", obs.dec_pnt),
        ("DATE", iso(obs.start)), ("DATEEND", iso(obs.end)),
    ) + extra


def telescope_files(
    obs: Observation, tel_id: int, chunks: int, rng: random.Random,
    sdh: int = 0, first_chunk: int = 1, payload: tuple[int, int] = (256, 3072), short: bool = False,
) -> Iterator[FileSpec]:
    """`chunks` consecutive event chunks of one telescope's data handler `sdh` during `obs`."""
    span = (obs.end - obs.start) / max(chunks, 1)
    ae = array_element(tel_id)
    for i in range(chunks):
        c = first_chunk + i
        t0, t1 = obs.start + span * i, obs.start + span * (i + 1)
        name = (f"{tel_dataset(obs, tel_id)}/TEL{tel_id:03d}_SDH{sdh:04d}_{stamp(t0)}_"
                f"{ids_part(obs)}_CHUNK{c:03d}.fits.fz")
        meta = common_meta(obs) | {"start_time": iso(t0), "end_time": iso(t1), "data_level": "DL0",
                                   "data_type": "event", "array_element": ae}
        header = (("ORIGIN", "CTA"), ("OBS_ID", obs.obs_id), ("CHUNK", c)) if short else \
            _header(obs, "Telescope", (("TEL_ID", tel_id), ("CHUNK", c)))
        yield FileSpec(SCOPE, name, meta, header, rng.randint(*payload))


def array_files(obs: Observation, rng: random.Random) -> Iterator[FileSpec]:
    """The subarray-event and telescope-trigger files of one observation block."""
    base = f"{array_dataset(obs)}/SUB{obs.subarray_id:03d}_SWAT000_{stamp(obs.start)}_{ids_part(obs)}"
    common = common_meta(obs) | {"data_level": "DL0", "array_element": "ARRAY"}
    sub_meta = common | {"data_type": "subarray", "subarray_id": obs.subarray_id}
    yield FileSpec(SCOPE, f"{base}_SUBARRAY_CHUNK000.fits.fz", sub_meta,
                   _header(obs, "Subarray", (("SUBARRAY", obs.subarray_id),)), rng.randint(512, 4096))
    trig_meta = common | {"data_type": "trigger", "tel_ids": list(obs.tel_ids)}
    yield FileSpec(SCOPE, f"{base}_TEL_CHUNK000.fits.fz", trig_meta,
                   _header(obs, "Trigger", (("NTEL", len(obs.tel_ids)),)), rng.randint(512, 4096))


def observation_files(obs: Observation, chunks: int, seed: int) -> Iterator[tuple[str, FileSpec]]:
    """(dataset name, file) for everything ACADA writes during one observation block."""
    rng = random.Random(f"{seed}:dl0:{obs.obs_id}")
    for tel_id in obs.tel_ids:
        for spec in telescope_files(obs, tel_id, chunks, rng):
            yield tel_dataset(obs, tel_id), spec
    for spec in array_files(obs, rng):
        yield array_dataset(obs), spec


def is_invalid(seed: int, name: str) -> bool:
    return random.Random(f"{seed}:invalid:{name}").random() < INVALID_RATE

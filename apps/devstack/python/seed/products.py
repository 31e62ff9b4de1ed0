"""DPPS products (DL3 per observation + GADF index files, simulations) and a user's analysis files."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime

from .model import FileSpec
from .observations import Observation, common_meta, iso, night_path
from .reference import Site

DPPS = "dpps"
DL3_ROOT = "/ctao/dpps/DL3"
SIM_ROOT = "/ctao/dpps/SIM"
USER_SCOPE = "user.alice"
USER_ROOT = "/ctao/user/a/alice"
#: GADF time reference (MJDREFI 51910 = 2001-01-01, as CTAO IRFs use).
MJDREF = datetime(2001, 1, 1)


def dl3_dataset(site: Site, obs: Observation) -> str:
    return f"{DL3_ROOT}/{site.directory}/{night_path(obs.night)}"


def dl3_file(obs: Observation, rng: random.Random) -> FileSpec:
    tstart = (obs.start - MJDREF).total_seconds()
    tstop = (obs.end - MJDREF).total_seconds()
    meta = common_meta(obs) | {
        "data_level": "DL3", "data_type": "events-irf", "subarray_id": obs.subarray_id,
        "tel_ids": list(obs.tel_ids), "n_tels": len(obs.tel_ids), "tstart": tstart, "tstop": tstop,
        "livetime": round((tstop - tstart) * rng.uniform(0.93, 0.97), 1),
    }
    del meta["valid_fits_checksum"]  # a BDMS ingestion key, DL0 only
    header = (("HDUCLASS", "GADF"), ("OBS_ID", obs.obs_id), ("TELESCOP", "CTAO"),
              ("INSTRUME", obs.site.name), ("OBJECT", obs.target), ("OBS_MODE", "WOBBLE"),
              ("DATE-OBS", iso(obs.start)), ("DATE-END", iso(obs.end)), ("MJDREFI", 51910),
              ("MJDREFF", 0.0), ("TSTART", tstart), ("TSTOP", tstop), ("RA_PNT", obs.ra_pnt),
              ("DEC_PNT", obs.dec_pnt), ("LIVETIME", meta["livetime"]))
    name = f"{dl3_dataset(obs.site, obs)}/obs_{obs.obs_id}.fits.gz"
    return FileSpec(DPPS, name, meta, header, rng.randint(1024, 4096))


def dl3_index_files(dataset: str, night_obs: list[Observation], rng: random.Random) -> Iterator[FileSpec]:
    """hdu-index and obs-index of one night, in the same dataset as the observations."""
    first = night_obs[0]
    for kind in ("hdu-index", "obs-index"):
        meta = {"observatory": "CTA", "data_level": "DL3", "data_type": kind, "site": first.site.name,
                "observing_night": first.night.isoformat(), "obs_ids": [o.obs_id for o in night_obs]}
        header = (("HDUCLASS", "GADF"), ("HDUCLAS1", "INDEX"), ("HDUCLAS2", kind.split("-")[0].upper()),
                  ("NROWS", len(night_obs)))
        yield FileSpec(DPPS, f"{dataset}/{kind}.fits.gz", meta, header, rng.randint(256, 1024))


SIM_PARTICLES = ("gamma", "gamma-diffuse", "proton")


#: The current simulation production, on disk and tape.
SIM_PRODUCTION = "Prod6"
#: An older production, archived: its files are on tape only (staging requests, issue 8 item 6).
ARCHIVED_SIM_PRODUCTION = "Prod5"


def sim_dataset(site: Site, particle: str, zenith: int, production: str = SIM_PRODUCTION) -> str:
    return f"{SIM_ROOT}/{production}/{site.directory}/{particle}/zenith{zenith:02d}deg_az180deg"


def sim_files(site: Site, particle: str, zenith: int, runs: int, seed: int,
              production: str = SIM_PRODUCTION) -> Iterator[FileSpec]:
    # Prod6 keeps its original RNG label, so its names, metadata and bytes do not change.
    label = f"{seed}:sim:{site.key}:{particle}:{zenith}"
    rng = random.Random(label if production == SIM_PRODUCTION else f"{label}:{production}")
    for run in range(1, runs + 1):
        meta = {"observatory": "CTA", "data_level": "SIM", "data_type": "sim_telarray",
                "site": site.name, "sim_production": production, "particle": particle,
                "zenith_deg": zenith, "azimuth_deg": 180, "sim_run": run}
        header = (("ORIGIN", "CTA"), ("CREATOR", "sim_telarray"), ("PARTICLE", particle),
                  ("ZENITH", zenith), ("RUN", run))
        name = f"{sim_dataset(site, particle, zenith, production)}/{particle}_run{run:06d}.simtel.zst"
        yield FileSpec(DPPS, name, meta, header, rng.randint(1024, 4096))


USER_DATASET = f"{USER_ROOT}/crab-2025"


def user_files(seed: int) -> Iterator[FileSpec]:
    """Alice's Crab analysis products (DL4-like), owned by her scope."""
    rng = random.Random(f"{seed}:user.alice")
    for product in ("spectrum-points.fits", "light-curve.fits", "excess-map.fits", "notes.txt"):
        meta = {"observatory": "CTA", "data_level": "DL4", "data_type": product.split(".")[0],
                "target_name": "Crab", "site": "CTAO-North", "analysis": "crab-2025"}
        header = (("ORIGIN", "CTA"), ("OBJECT", "Crab"), ("AUTHOR", "alice"))
        yield FileSpec(USER_SCOPE, f"{USER_DATASET}/crab_{product}", meta, header, rng.randint(512, 2048))

"""Pure, deterministic generation of the whole demo archive plan (no I/O, no clock)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from . import dl0, products
from .model import ContainerSpec, DatasetSpec, FileSpec, Plan, RuleSpec
from .observations import IdCounter, Observation, night_observations
from .placement import add_limits, dl0_placement
from .reference import BIG_NIGHT, BIG_TARGET, NIGHTS, NORTH, SITES, TAPE_RSE

ROOT_CONTAINER = ("root", "/ctao")
DEFAULT_SEED = 20250204
BENCH_FILES = 100_000
#: A second, 10x smaller listing, so the benchmark can show the BFF's memory does not grow with size.
BENCH_MEDIUM_FILES = 10_000


@dataclass(frozen=True)
class Profile:
    name: str
    chunks: int = 2  # event chunks per telescope per observation block
    obs_per_night: tuple[int, int] = (3, 4)
    sim_runs: int = 4
    big_files: int = 0  # files of the one big LSTN-01 night (0 = none)
    medium_files: int = 0  # files of the same night on LSTN-02 (0 = none)


def profile_for(size: str, files: int | None = None) -> Profile:
    if files is not None:
        return Profile(name=f"files-{files}", big_files=files)
    if size == "bench":
        return Profile(name="bench", big_files=BENCH_FILES, medium_files=BENCH_MEDIUM_FILES)
    if size == "small":
        return Profile(name="small")
    raise ValueError(f"unknown size {size!r}")


class _Builder:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.plan = Plan()
        self.plan.containers[ROOT_CONTAINER] = ContainerSpec(*ROOT_CONTAINER, None)
        self.index: dict[tuple[str, str], DatasetSpec] = {}

    def dataset(self, scope: str, name: str, stop: str, placement: tuple[tuple[str, ...], tuple[RuleSpec, ...]],
                top: tuple[str, str] | None = ROOT_CONTAINER) -> DatasetSpec:
        key = (scope, name)
        if key not in self.index:
            parent = self.plan.add_container_path(scope, name.rsplit("/", 1)[0], stop, top)
            self.index[key] = DatasetSpec(scope, name, parent, *placement)
            self.plan.datasets.append(self.index[key])
        return self.index[key]

    def add_file(self, ds: DatasetSpec, spec: FileSpec) -> None:
        if spec.scope == dl0.SCOPE and dl0.is_invalid(self.seed, spec.name):
            self.plan.invalid_dl0.append(spec.name)
        else:
            ds.files.append(spec)


def _night(b: _Builder, observations: list[Observation], chunks: int, onsite_only: bool) -> None:
    for obs in observations:
        for ds_name, spec in dl0.observation_files(obs, chunks, b.seed):
            placement = dl0_placement(b.seed, obs.site, ds_name, onsite_only)
            b.add_file(b.dataset(dl0.SCOPE, ds_name, "/ctao/acada", placement), spec)
    rng = random.Random(f"{b.seed}:dl3:{observations[0].site.key}:{observations[0].night}")
    ds_name = products.dl3_dataset(observations[0].site, observations[0])
    disks = dl0_placement(b.seed, observations[0].site, ds_name, False)[0][1:3]
    rules = (RuleSpec("OFFSITE", 2, account="ctaoadmin"),)
    ds = b.dataset(products.DPPS, ds_name, "/ctao/dpps", (disks, rules))
    for obs in observations:
        b.add_file(ds, products.dl3_file(obs, rng))
    for spec in products.dl3_index_files(ds_name, observations, rng):
        b.add_file(ds, spec)


def _sims(b: _Builder, runs: int) -> None:
    rules = (RuleSpec("DESY-ZN-DISK", 1), RuleSpec("TAPE", 1))
    for site in SITES:
        for particle in products.SIM_PARTICLES:
            ds = b.dataset(products.DPPS, products.sim_dataset(site, particle, 20), "/ctao/dpps",
                           (("DESY-ZN-DISK", TAPE_RSE), rules))
            for spec in products.sim_files(site, particle, 20, runs, b.seed):
                b.add_file(ds, spec)


#: Files of the archived (tape-only) simulation dataset, in every size.
ARCHIVED_SIM_RUNS = 6


def _archived_sims(b: _Builder) -> None:
    """An older production kept on tape only (no disk copy, its one rule `TAPE` x1 OK): what a
    user has to request staged before downloading it (issue 8 item 6)."""
    site, particle = NORTH, "gamma"
    name = products.sim_dataset(site, particle, 20, products.ARCHIVED_SIM_PRODUCTION)
    ds = b.dataset(products.DPPS, name, "/ctao/dpps", ((TAPE_RSE,), (RuleSpec("TAPE", 1),)))
    for spec in products.sim_files(site, particle, 20, ARCHIVED_SIM_RUNS, b.seed,
                                   products.ARCHIVED_SIM_PRODUCTION):
        b.add_file(ds, spec)


def _user(b: _Builder) -> None:
    for path in ("/ctao/user", "/ctao/user/a"):
        parent = ROOT_CONTAINER if path == "/ctao/user" else ("root", "/ctao/user")
        b.plan.containers[("root", path)] = ContainerSpec("root", path, parent)
    rules = (RuleSpec("DESY-ZN-DISK", 1, account="alice"),)
    ds = b.dataset(products.USER_SCOPE, products.USER_DATASET, products.USER_ROOT,
                   (("DESY-ZN-DISK",), rules), top=("root", "/ctao/user/a"))
    for spec in products.user_files(b.seed):
        b.add_file(ds, spec)


def _big_night(b: _Builder, n_files: int, ids: IdCounter, tel_id: int = 1) -> tuple[str, str]:
    """One night of n_files event chunks of one telescope: 4 data handlers x up to 999 chunks per block."""
    rng = random.Random(f"{b.seed}:big" if tel_id == 1 else f"{b.seed}:big:{tel_id}")
    per_sdh = min(999, max(1, math.ceil(n_files / 80)))
    blocks = night_observations(NORTH, date.fromisoformat(BIG_NIGHT), (BIG_TARGET,),
                                math.ceil(n_files / (4 * per_sdh)), rng, ids, ob_minutes=(20, 20))
    ds = b.dataset(dl0.SCOPE, dl0.tel_dataset(blocks[0], tel_id), "/ctao/acada", (("CTAO-N-ONSITE",), ()))
    left = n_files
    for obs in blocks:
        for sdh in range(4):
            count = min(per_sdh, left)
            # Bench files are all kept (no INVALID_DL0 cut) so the dataset has exactly n_files.
            ds.files.extend(dl0.telescope_files(obs, tel_id, count, rng, sdh=sdh, payload=(0, 64), short=True))
            left -= count
    return ds.scope, ds.name


def build_plan(profile: Profile, seed: int = DEFAULT_SEED) -> Plan:
    b = _Builder(seed)
    ids = IdCounter()
    for site in SITES:
        nights = NIGHTS[site.key]
        for i, (night, targets) in enumerate(nights):
            rng = random.Random(f"{seed}:night:{site.key}:{night}")
            observations = night_observations(site, date.fromisoformat(night), targets,
                                              rng.randint(*profile.obs_per_night), rng, ids)
            # The most recent night is not exported yet: onsite-only, its rules stay REPLICATING.
            _night(b, observations, profile.chunks, onsite_only=i == len(nights) - 1)
    _sims(b, profile.sim_runs)
    _archived_sims(b)
    _user(b)
    if profile.big_files > 0:
        b.plan.big_dataset = _big_night(b, profile.big_files, ids)
    if profile.medium_files > 0:
        b.plan.medium_dataset = _big_night(b, profile.medium_files, ids, tel_id=2)
    add_limits(b.plan)
    return b.plan

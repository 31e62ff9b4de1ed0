"""The seed use case: stamp check, server objects, collections, files, rules, daemons, summary."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import SEED_VERSION
from .daemons import run_daemons
from .files_load import load_files
from .generate import Profile, build_plan
from .model import Plan
from .reference import RSES
from .rucio_load import ensure_collections, ensure_rules
from .rucio_setup import (SCOPES, claim_storage, ensure_accounts, ensure_protocol, ensure_rses,
                          ensure_scopes, make_client, read_stamp, set_limits, write_stamp)
from .storage import ALGORITHMS, PathFn, StorageEndpoint, detect_algorithm
from .verify import verify_pfns
from .workers import Workers

if TYPE_CHECKING:
    from rucio.client import Client

log = logging.getLogger("seed")
PROBES = ["acada:/ctao/acada/DL0/probe.fits.fz", "user.alice:/ctao/user/a/alice/probe.fits"]


@dataclass(frozen=True)
class Options:
    rucio_url: str
    username: str
    password: str
    endpoint: StorageEndpoint
    profile: Profile
    seed: int
    force: bool = False
    server_config: Path | None = None  # the server's rucio.cfg, for the daemons; None = skip them
    log_dir: Path | None = None
    verify: int = 0  # files whose PFNs are fetched and checked after seeding
    workers: int = 3  # parallel bulk calls


def detect_paths(client: Client, endpoint: StorageEndpoint) -> dict[str, PathFn]:
    """Ask the server where it puts replicas (its lfn2pfn algorithm) instead of assuming one."""
    paths: dict[str, PathFn] = {}
    for rse in RSES:
        pfns = client.lfns2pfns(rse.name, PROBES, scheme=endpoint.scheme, operation="write")
        algo = detect_algorithm(endpoint, rse.name, pfns)
        log.info("%s: lfn2pfn algorithm %s", rse.name, algo)
        paths[rse.name] = ALGORITHMS[algo]
    return paths


class _Clock:
    def __init__(self) -> None:
        self.start = time.monotonic()
        self.last = self.start
        self.steps: dict[str, float] = {}

    def lap(self, step: str) -> None:
        now = time.monotonic()
        self.steps[step] = round(now - self.last, 2)
        self.last = now

    def total(self) -> float:
        return round(time.monotonic() - self.start, 2)


def _load(client: Client, opts: Options, plan: Plan, clock: _Clock) -> dict[str, Any]:
    ensure_accounts(client)
    ensure_rses(client, opts.endpoint)
    ensure_scopes(client)
    paths = detect_paths(client, opts.endpoint)
    set_limits(client, plan.limits)
    clock.lap("server_objects")
    new_ds = ensure_collections(client, plan)
    clock.lap("collections")
    extra = [make_client(opts.rucio_url, opts.username, opts.password) for _ in range(opts.workers - 1)]
    from rucio.common.exception import ServerConnectionException

    workers = Workers([client, *extra], retry_on=(ServerConnectionException,))
    stats = load_files(client, workers, plan, opts.endpoint, paths, opts.seed, new_ds, opts.force)
    clock.lap("files")
    rules = ensure_rules(client, plan, new_ds)
    clock.lap("rules")
    if opts.server_config is not None:
        run_daemons(opts.server_config, opts.log_dir)
        clock.lap("daemons")
    else:
        log.warning("no --rucio-config: daemons not run, usage numbers stay 0 until they run")
    return {"filesRegistered": stats.registered, "replicasAdded": stats.replicas,
            "bytesRegistered": stats.bytes_total, "filesWrittenToDisk": stats.written,
            "metadataSet": stats.metadata, "rulesAdded": rules}


def seed(opts: Options) -> dict[str, Any]:
    clock = _Clock()
    plan = build_plan(opts.profile, opts.seed)
    clock.lap("generate")
    client = make_client(opts.rucio_url, opts.username, opts.password)
    claim_storage(client, opts.endpoint.root)
    stamp = read_stamp(client, opts.profile.name)
    skipped = stamp == SEED_VERSION and not opts.force
    work: dict[str, Any] = {}
    if skipped:
        # The storage addresses can change without the archive changing (a stamped server from
        # before the RSEs had addresses of their own): the protocols follow on every run.
        moved = [rse.name for rse in RSES if ensure_protocol(client, rse.name, opts.endpoint)]
        log.info("already seeded (%s = %s); nothing to do (--force re-seeds what is missing)%s",
                 opts.profile.name, stamp, f"; protocols moved: {', '.join(moved)}" if moved else "")
    else:
        work = _load(client, opts, plan, clock)
        write_stamp(client, opts.profile.name, SEED_VERSION)
    summary = summarize(opts, plan, skipped, work)
    if opts.verify > 0:
        result = verify_pfns(client, plan, opts.verify, opts.endpoint.scheme)
        clock.lap("verify")
        summary["verify"] = {"files": result.files, "pfns": result.pfns, "failures": result.failures}
    summary["steps"] = clock.steps
    summary["durationSeconds"] = clock.total()
    return summary


def summarize(opts: Options, plan: Plan, skipped: bool, work: dict[str, Any]) -> dict[str, Any]:
    def described(key: tuple[str, str] | None) -> dict[str, Any] | None:
        if key is None:
            return None
        n = next(len(d.files) for d in plan.datasets if (d.scope, d.name) == key)
        return {"scope": key[0], "name": key[1], "files": n}

    big, medium = described(plan.big_dataset), described(plan.medium_dataset)
    files = len(plan.files())
    counts = {"containers": len(plan.containers), "datasets": len(plan.datasets), "files": files,
              "dids": len(plan.containers) + len(plan.datasets) + files,
              "replicas": sum(len(d.files) * len(d.rses) for d in plan.datasets),
              "rules": sum(len(d.rules) for d in plan.datasets), "invalidDl0Skipped": len(plan.invalid_dl0)}
    return {"seedVersion": SEED_VERSION, "profile": opts.profile.name, "seed": opts.seed,
            "skipped": skipped, "rucioUrl": opts.rucio_url, "storageRoot": str(opts.endpoint.root),
            "scopes": sorted(SCOPES), "rses": [r.name for r in RSES], "bigDataset": big, "mediumDataset": medium,
            "counts": counts, "work": work}

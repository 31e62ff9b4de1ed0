"""Files: bytes onto the storage, then attach+register (first RSE), more replicas, metadata."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .content import Content, render
from .model import DatasetSpec, FileSpec, Plan
from .rucio_load import BULK, chunks, missing_files, missing_replicas
from .storage import PathFn, StorageEndpoint, write_bytes
from .workers import Workers

if TYPE_CHECKING:
    from rucio.client import Client

log = logging.getLogger("seed")
Record = dict[str, Any]


@dataclass
class FileStats:
    registered: int = 0
    replicas: int = 0
    bytes_total: int = 0
    written: int = 0
    metadata: int = 0


@dataclass
class _Pending:
    attach: dict[tuple[str, str, str], list[Record]]
    extra: dict[str, list[Record]]
    meta: list[Record]


def _record(spec: FileSpec, content: Content) -> Record:
    return {"scope": spec.scope, "name": spec.name, "bytes": content.size,
            "adler32": content.adler32, "md5": content.md5}


class FileLoader:
    def __init__(self, client: Client, workers: Workers, endpoint: StorageEndpoint,
                 paths: dict[str, PathFn], seed: int) -> None:
        self.client, self.workers, self.endpoint, self.paths, self.seed = client, workers, endpoint, paths, seed
        self.stats = FileStats()
        self.pending = _Pending(defaultdict(list), defaultdict(list), [])

    def dataset(self, ds: DatasetSpec, new: bool, force: bool) -> None:
        todo = missing_files(self.client, ds, {(ds.scope, ds.name)} if new else set())
        # An existing but incomplete dataset is what an interrupted run leaves: its registered
        # files may lack metadata and further replicas, so repair all of it, as --force does.
        thorough = force or (not new and bool(todo))
        records: dict[str, Record] = {}
        for spec in ds.files:
            if spec.name not in todo and not thorough:
                continue
            content = render(spec, self.seed)
            for rse in ds.rses:
                path = self.endpoint.local_path(rse, self.paths[rse](spec.scope, spec.name))
                self.stats.written += write_bytes(path, content.data)
            records[spec.name] = _record(spec, content)
            self.pending.meta.append({"scope": spec.scope, "name": spec.name, "meta": spec.meta})
            if spec.name in todo:
                self.pending.attach[(ds.scope, ds.name, ds.rses[0])].append(records[spec.name])
                for rse in ds.rses[1:]:
                    self.pending.extra[rse].append(records[spec.name])
        if thorough and not new:
            for rse in ds.rses[1:]:
                lacking = missing_replicas(self.client, ds, rse) - todo
                self.pending.extra[rse] += [records[n] for n in sorted(lacking)]

    def flush(self) -> FileStats:
        """Three phases, each in parallel: attach (registers files + first replica), other replicas, metadata."""
        self.workers.run(lambda c, call: c.attach_dids_to_dids(call), self._attach_calls())
        extra = [(rse, batch) for rse, recs in self.pending.extra.items() for batch in chunks(recs)]
        self.stats.replicas += sum(len(batch) for _, batch in extra)
        self.workers.run(lambda c, item: c.add_replicas(item[0], item[1]), extra)
        metas = list(chunks(self.pending.meta))
        self.stats.metadata += sum(len(batch) for batch in metas)
        self.workers.run(lambda c, batch: c.set_dids_metadata_bulk(batch), metas)
        self.pending = _Pending(defaultdict(list), defaultdict(list), [])
        return self.stats

    def _attach_calls(self) -> list[list[Record]]:
        """Pack several datasets' files into one POST /dids/attachments of at most BULK files."""
        calls: list[list[Record]] = [[]]
        size = 0
        for (scope, name, rse), recs in self.pending.attach.items():
            for part in chunks(recs):
                if calls[-1] and size + len(part) > BULK:
                    calls.append([])
                    size = 0
                calls[-1].append({"scope": scope, "name": name, "rse": rse, "dids": part})
                size += len(part)
                self.stats.registered += len(part)
                self.stats.replicas += len(part)
                self.stats.bytes_total += sum(r["bytes"] for r in part)
        return [c for c in calls if c]


def load_files(client: Client, workers: Workers, plan: Plan, endpoint: StorageEndpoint,
               paths: dict[str, PathFn], seed: int, new_ds: set[tuple[str, str]], force: bool) -> FileStats:
    loader = FileLoader(client, workers, endpoint, paths, seed)
    for ds in plan.datasets:
        loader.dataset(ds, (ds.scope, ds.name) in new_ds, force)
        if sum(len(v) for v in loader.pending.attach.values()) >= 20 * BULK:
            loader.flush()  # bound memory on bench sizes
    stats = loader.flush()
    log.info("files: %d registered, %d replicas, %d replica files written to disk, %d metadata",
             stats.registered, stats.replicas, stats.written, stats.metadata)
    return stats

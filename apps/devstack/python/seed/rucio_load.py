"""Register the plan's collections, files, replicas, metadata and rules, in bulk calls of ~1000."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .model import DatasetSpec, Plan, RuleSpec

if TYPE_CHECKING:
    from rucio.client import Client

log = logging.getLogger("seed")
BULK = 1000
T = TypeVar("T")


def chunks(items: Iterable[T], size: int = BULK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def existing_collections(client: Client, scopes: set[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for scope in scopes:
        for name in client.list_dids(scope, [{"name": "*"}], did_type="collection"):
            found.add((scope, name))
    return found


def ensure_collections(client: Client, plan: Plan) -> set[tuple[str, str]]:
    """Create missing containers/datasets and attach each to its parent. Returns the new datasets."""
    scopes = {s for s, _ in plan.containers} | {d.scope for d in plan.datasets}
    have = existing_collections(client, scopes)
    todo: list[dict[str, Any]] = [{"scope": c.scope, "name": c.name, "type": "CONTAINER"}
                                  for key, c in plan.containers.items() if key not in have]
    new_ds = {(d.scope, d.name) for d in plan.datasets} - have
    todo += [{"scope": s, "name": n, "type": "DATASET"} for s, n in sorted(new_ds)]
    for batch in chunks(todo):
        client.add_dids(batch)
    children: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for c in plan.containers.values():
        if c.parent is not None:
            children[c.parent].append({"scope": c.scope, "name": c.name})
    for d in plan.datasets:
        children[d.parent].append({"scope": d.scope, "name": d.name})
    attachments = [{"scope": s, "name": n, "dids": dids} for (s, n), dids in children.items()]
    # Re-attaching what is already attached is a no-op with ignore_duplicate, so re-runs are safe.
    for batch in chunks(attachments, 200):
        client.attach_dids_to_dids(batch, ignore_duplicate=True)
    log.info("collections: %d created, %d already there", len(todo), len(have))
    return new_ds


def ensure_rules(client: Client, plan: Plan, new_ds: set[tuple[str, str]]) -> int:
    """Add each dataset's rules unless an equal one (account, expression, copies) exists."""
    wanted: dict[RuleSpec, list[dict[str, str]]] = defaultdict(list)
    for ds in plan.datasets:
        have: set[tuple[str, str, int]] = set()
        if (ds.scope, ds.name) not in new_ds and ds.rules:
            have = {(r["account"], r["rse_expression"], int(r["copies"]))
                    for r in client.list_did_rules(ds.scope, ds.name)}
        for rule in ds.rules:
            if (rule.account, rule.rse_expression, rule.copies) not in have:
                wanted[rule].append({"scope": ds.scope, "name": ds.name})
    added = 0
    for rule, dids in wanted.items():
        for batch in chunks(dids, 200):
            client.add_replication_rule(
                batch, rule.copies, rule.rse_expression, account=rule.account,
                source_replica_expression=rule.source_replica_expression, grouping="DATASET")
            added += len(batch)
    log.info("rules: %d added", added)
    return added


def missing_files(client: Client, ds: DatasetSpec, new_ds: set[tuple[str, str]]) -> set[str]:
    if (ds.scope, ds.name) in new_ds:
        return {f.name for f in ds.files}
    have = {f["name"] for f in client.list_files(ds.scope, ds.name)}
    return {f.name for f in ds.files} - have


def missing_replicas(client: Client, ds: DatasetSpec, rse: str) -> set[str]:
    """Files of an existing dataset lacking a replica on `rse` (one listing per incomplete RSE)."""
    complete = {r["rse"] for r in client.list_dataset_replicas(ds.scope, ds.name)
                if r.get("available_length") == len(ds.files)}
    if rse in complete:
        return set()
    dids = [{"scope": ds.scope, "name": ds.name}]
    have = {r["name"] for r in client.list_replicas(dids, rse_expression=rse, all_states=True)
            if r.get("rses", {}).get(rse)}
    return {f.name for f in ds.files} - have

"""The plan of the demo archive: plain values, no I/O. Generation fills it, loading registers it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FileSpec:
    scope: str
    name: str
    meta: dict[str, Any]
    #: FITS-like header cards (key, value) written at the top of the file's bytes.
    header: tuple[tuple[str, Any], ...]
    #: Length of the deterministic payload after the header.
    payload_bytes: int


@dataclass(frozen=True)
class RuleSpec:
    rse_expression: str
    copies: int
    account: str = "root"
    source_replica_expression: str | None = None


@dataclass
class DatasetSpec:
    scope: str
    name: str
    parent: tuple[str, str]  # (scope, name) of the container it is attached to
    rses: tuple[str, ...]  # RSEs holding a replica of every file; the first one gets the attach
    rules: tuple[RuleSpec, ...] = ()
    files: list[FileSpec] = field(default_factory=list)


@dataclass(frozen=True)
class ContainerSpec:
    scope: str
    name: str
    parent: tuple[str, str] | None


@dataclass(frozen=True)
class LimitSpec:
    account: str
    rse_expression: str
    bytes: int
    is_global: bool = False


@dataclass
class Plan:
    containers: dict[tuple[str, str], ContainerSpec] = field(default_factory=dict)
    datasets: list[DatasetSpec] = field(default_factory=list)
    limits: list[LimitSpec] = field(default_factory=list)
    #: Files generated but deliberately not registered (ACADA moves them to INVALID_DL0).
    invalid_dl0: list[str] = field(default_factory=list)
    big_dataset: tuple[str, str] | None = None
    medium_dataset: tuple[str, str] | None = None

    def add_container_path(
        self, scope: str, name: str, stop: str, top_parent: tuple[str, str] | None = None
    ) -> tuple[str, str]:
        """Add `name` and every ancestor down from `stop` (inclusive) as containers, BDMS-style.

        `top_parent` is where the topmost one (`stop`) is attached, e.g. root:/ctao.
        """
        parts = name.split("/")
        parent = top_parent
        for depth in range(stop.count("/") + 1, len(parts) + 1):
            cname = "/".join(parts[:depth])
            key = (scope, cname)
            if key not in self.containers:
                self.containers[key] = ContainerSpec(scope, cname, parent)
            parent = key
        assert parent is not None
        return parent

    def files(self) -> list[FileSpec]:
        return [f for d in self.datasets for f in d.files]

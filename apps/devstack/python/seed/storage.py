"""Real bytes on the storage server's disk, at the path Rucio's lfn2pfn gives each replica."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

#: (scope, name) -> path below the RSE prefix, as the known lfn2pfn algorithms compute it.
PathFn = Callable[[str, str], str]


def _scope_dir(scope: str) -> str:
    return scope.replace(".", "/") if scope.startswith(("user", "group")) else scope


def _hash(scope: str, name: str) -> str:
    digest = hashlib.md5(f"{scope}:{name}".encode()).hexdigest()
    return f"{_scope_dir(scope)}/{digest[0:2]}/{digest[2:4]}/{name}"


ALGORITHMS: dict[str, PathFn] = {
    # ctao-bdms-rucio-policy's `ctao_bdms`: the PFN is the prefix plus the LFN itself.
    "ctao_bdms": lambda scope, name: name,
    "identity": lambda scope, name: f"{_scope_dir(scope)}/{name}",
    "hash": _hash,
}


@dataclass(frozen=True)
class StorageEndpoint:
    """Where the storage server listens (the RSE protocols point at it) and the directory it serves."""

    base_url: str  # e.g. http://127.0.0.1:4420
    root: Path  # one subfolder per RSE
    #: RSE -> the address its protocol names (the server listens there too, same port); an RSE
    #: not in it is served at base_url's host. Own addresses let Rucio's GeoIP sort place RSEs.
    hosts: dict[str, str] = field(default_factory=dict)
    #: The storage's HTTPS port (same addresses, same tree; storage_tls.py), or None.
    tls_port: int | None = None

    @property
    def scheme(self) -> str:
        return urlsplit(self.base_url).scheme

    @property
    def hostname(self) -> str:
        host = urlsplit(self.base_url).hostname
        if not host:
            raise ValueError(f"storage URL without host: {self.base_url}")
        return host

    @property
    def port(self) -> int:
        parts = urlsplit(self.base_url)
        return parts.port or (443 if parts.scheme == "https" else 80)

    def host_for(self, rse: str) -> str:
        return self.hosts.get(rse, self.hostname)

    def prefix(self, rse: str) -> str:
        return f"/{rse}/"

    def pfn(self, rse: str, path: str) -> str:
        """The PFN as Rucio's server joins it: prefix + path verbatim (the port is always included).

        `ctao_bdms` paths start with `/`, so those PFNs contain `//` after the prefix; the
        storage server maps both forms onto the same file.
        """
        return f"{self.scheme}://{self.host_for(rse)}:{self.port}{self.prefix(rse)}{path}"

    def local_path(self, rse: str, path: str) -> Path:
        # Path() collapses the `//` the identity algorithm produces for `/ctao/...` names,
        # exactly as the storage server maps URLs onto its directory.
        return self.root / rse / path.lstrip("/")


def detect_algorithm(endpoint: StorageEndpoint, rse: str, server_pfns: dict[str, str]) -> str:
    """Which lfn2pfn algorithm the server applies, from PFNs it returned for `scope:name` samples."""
    for algo, fn in ALGORITHMS.items():
        if all(endpoint.pfn(rse, fn(*did.split(":", 1))) == pfn for did, pfn in server_pfns.items()):
            return algo
    raise RuntimeError(f"Rucio's PFNs on {rse} match no known lfn2pfn algorithm: {server_pfns}")


def write_bytes(target: Path, data: bytes) -> bool:
    """Write unless an identical-size file is there already (content is deterministic). True if written."""
    try:
        if target.stat().st_size == len(data):
            return False
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True

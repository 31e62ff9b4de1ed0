"""End-to-end check: PFNs that Rucio lists serve bytes whose adler32/md5 match Rucio's records.

Reads as the storage's dev writer (storage_writer.py): the storage wants a token or that
credential for every read of an RSE tree.
"""

from __future__ import annotations

import hashlib
import urllib.request
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storage_writer import basic_authorization, writer_credential

from .content import adler32_hex
from .model import Plan

if TYPE_CHECKING:
    from rucio.client import Client


@dataclass
class VerifyResult:
    files: int = 0
    pfns: int = 0
    failures: list[str] = field(default_factory=list)


def sample(plan: Plan, count: int) -> list[dict[str, str]]:
    """Every n-th file of the plan, deterministic."""
    files = plan.files()
    step = max(1, len(files) // max(count, 1))
    return [{"scope": f.scope, "name": f.name} for f in files[::step][:count]]


def check_pfn(pfn: str, adler32: str, md5: str, timeout: float = 10.0) -> str | None:
    request = urllib.request.Request(pfn, headers={"Authorization": basic_authorization(writer_credential())})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (our own http URL)
        data = response.read()
    if adler32_hex(data) != adler32 or hashlib.md5(data).hexdigest() != md5:
        return f"{pfn}: got adler32 {adler32_hex(data)} md5 {hashlib.md5(data).hexdigest()}"
    return None


def verify_pfns(client: Client, plan: Plan, count: int, scheme: str) -> VerifyResult:
    result = VerifyResult()
    for replica in client.list_replicas(sample(plan, count), schemes=[scheme]):
        result.files += 1
        if not replica.get("pfns"):
            result.failures.append(f"{replica['scope']}:{replica['name']}: no {scheme} PFN")
        for pfn in replica.get("pfns", {}):
            result.pfns += 1
            try:
                problem = check_pfn(pfn, replica["adler32"], replica["md5"])
            except OSError as exc:
                problem = f"{pfn}: {exc}"
            if problem:
                result.failures.append(problem)
    return result

"""Server-wide objects: client, accounts, RSEs (location, attributes, protocol, distances), scopes, limits."""

from __future__ import annotations

import atexit
import logging
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import LimitSpec
from .reference import RSES, Rse
from .storage import StorageEndpoint

if TYPE_CHECKING:
    from rucio.client import Client

log = logging.getLogger("seed")

STAMP_SECTION = "bdms_demo_seed"
#: Where the seed names its storage folder (apps/devstack/src/core/storage-owner.ts reads it).
OWNER_SECTION, OWNER_OPTION, STORAGE_ID_FILE = "bdms_devstack", "storage_id", ".storage-id"
DEMO_ACCOUNTS = {"alice": "alice@ctao.example.org", "ctaoadmin": "oscar@ctao.example.org"}
SCOPES = {"root": "root", "acada": "root", "dpps": "root", "user.alice": "alice"}


def make_client(url: str, username: str, password: str) -> Client:
    """A root userpass client with its own throw-away config and token file.

    The config is written by us (not the server's rucio.cfg) so that the client never reads
    the server's [database] section, and the token never leaks into ~/.rucio_root.
    """
    work = Path(tempfile.mkdtemp(prefix="bdms-seed-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    cfg = work / "rucio.cfg"
    cfg.write_text(
        "[client]\n"
        f"rucio_host = {url}\nauth_host = {url}\nauth_type = userpass\naccount = root\n"
        f"username = {username}\npassword = {password}\n"
        f"auth_token_file_path = {work / 'token'}\nrequest_retries = 2\n"
    )
    os.environ["RUCIO_CONFIG"] = str(cfg)
    from rucio.client import Client  # imported late: rucio reads RUCIO_CONFIG on first use

    return Client(rucio_host=url, auth_host=url, account="root", auth_type="userpass",
                  creds={"username": username, "password": password})


def read_stamp(client: Client, profile: str) -> str | None:
    from rucio.common.exception import ConfigNotFound

    try:
        value = client.get_config(section=STAMP_SECTION, option=profile)
    except ConfigNotFound:
        return None
    return str(value) if value is not None else None


def write_stamp(client: Client, profile: str, version: str) -> None:
    client.set_config_option(STAMP_SECTION, profile, version)


def claim_storage(client: Client, root: Path) -> None:
    """Name this storage folder in Rucio's config as the one holding the replicas' bytes (the
    devstack's `up` resets a database that names another: storage-owner.ts)."""
    id_file = root / STORAGE_ID_FILE
    if id_file.exists():
        client.set_config_option(OWNER_SECTION, OWNER_OPTION, id_file.read_text().strip())


def ensure_accounts(client: Client) -> None:
    existing = {a["account"] for a in client.list_accounts()}
    for account, email in DEMO_ACCOUNTS.items():
        if account not in existing:
            log.info("creating account %s (the core bring-up normally does)", account)
            client.add_account(account, "USER", email)


def rse_attributes(rse: Rse) -> dict[str, Any]:
    attrs: dict[str, Any] = {"ANY": True, "site": rse.site, "country": rse.country_code}
    attrs["ONSITE" if rse.onsite else "OFFSITE"] = True
    if rse.rse_type == "TAPE":
        attrs["TAPE"] = True
    return attrs


def protocol(endpoint: StorageEndpoint, rse: str) -> dict[str, Any]:
    both = {"read": 1, "write": 1, "delete": 1}
    return {
        "scheme": endpoint.scheme, "hostname": endpoint.host_for(rse), "port": endpoint.port,
        "prefix": endpoint.prefix(rse), "impl": "rucio.rse.protocols.webdav.Default",
        "domains": {"lan": both, "wan": both | {"third_party_copy_read": 1, "third_party_copy_write": 1}},
    }


def tls_protocol(endpoint: StorageEndpoint, rse: str) -> dict[str, Any] | None:
    """The RSE's read-only `https` protocol on the storage's HTTPS port, after `http` (priority 2).

    For Rucio's own download client, whose WebDAV implementation reads `https` PFNs only
    (storage_tls.py); the BFF, the seed and the dev mover keep `http` (priority 1, the only
    one for writes, deletions and third-party copies).
    """
    if endpoint.tls_port is None:
        return None
    # None switches an operation off; 0 would be Rucio's *highest* priority (rsemanager sorts
    # ascending), and the conveyor would pick this protocol for transfers the dev mover cannot do.
    read = {"read": 2, "write": None, "delete": None}
    return {
        "scheme": "https", "hostname": endpoint.host_for(rse), "port": endpoint.tls_port,
        "prefix": endpoint.prefix(rse), "impl": "rucio.rse.protocols.webdav.Default",
        "domains": {"lan": read, "wan": read | {"third_party_copy_read": None, "third_party_copy_write": None}},
    }


def ensure_rse(client: Client, rse: Rse, endpoint: StorageEndpoint, existing: set[str]) -> None:
    location = {"city": rse.city, "country_name": rse.country_name, "continent": rse.continent,
                "latitude": rse.latitude, "longitude": rse.longitude}
    if rse.name not in existing:
        client.add_rse(rse.name, rse_type=rse.rse_type, deterministic=True, volatile=False, **location)
    else:
        client.update_rse(rse.name, location)
    current = client.list_rse_attributes(rse.name)
    for key, value in rse_attributes(rse).items():
        if current.get(key) != value:
            client.add_rse_attribute(rse.name, key, value)
    ensure_protocol(client, rse.name, endpoint)


def ensure_protocol(client: Client, rse: str, endpoint: StorageEndpoint) -> bool:
    """The RSE's protocols (`http`, and `https` when the storage has a TLS port) point at its
    storage address; True if any changed."""
    wanted = [p for p in (protocol(endpoint, rse), tls_protocol(endpoint, rse)) if p is not None]
    changed = [_ensure_one(client, rse, p) for p in wanted]
    return any(changed)


def _ensure_one(client: Client, rse: str, wanted: dict[str, Any]) -> bool:
    """The RSE's one protocol of this scheme points at its storage address; True if it changed.

    A protocol of the same scheme elsewhere (an older devstack served every RSE on 127.0.0.1) is
    removed, so Rucio lists each replica once per scheme, at the RSE's own address. Replicas keep
    working: Rucio builds PFNs from the protocol when it lists them.
    """
    protocols = client.get_rse(rse).get("protocols", [])
    same = [p for p in protocols if p["scheme"] == wanted["scheme"]]
    if any(p["hostname"] == wanted["hostname"] and p["port"] == wanted["port"]
           and _same_priorities(p, wanted) for p in same):
        return False
    for old in same:
        log.info("%s: moving the %s protocol from %s:%s to %s:%s", rse, old["scheme"], old["hostname"],
                 old["port"], wanted["hostname"], wanted["port"])
        client.delete_protocols(rse, old["scheme"], hostname=old["hostname"], port=old["port"])
    client.add_protocol(rse, wanted)
    return True


def _same_priorities(have: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Every operation the wanted protocol names has that priority on the RSE (a protocol written
    by an older seed with other priorities is replaced)."""
    domains = have.get("domains") or {}
    return all((domains.get(domain) or {}).get(op) == priority
               for domain, ops in wanted["domains"].items() for op, priority in ops.items())


def distance(a: Rse, b: Rse) -> int:
    """Rucio distances are rankings: 1 + great-circle distance in units of 1000 km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    cos = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    km = 6371.0 * math.acos(max(-1.0, min(1.0, cos)))
    return 1 + round(km / 1000)


def ensure_rses(client: Client, endpoint: StorageEndpoint) -> None:
    existing = {r["rse"] for r in client.list_rses()}
    for rse in RSES:
        ensure_rse(client, rse, endpoint, existing)
    for src in RSES:
        for dst in RSES:
            if src is dst:
                continue
            if client.get_distance(src.name, dst.name):
                client.update_distance(src.name, dst.name, {"distance": distance(src, dst)})
            else:
                client.add_distance(src.name, dst.name, {"distance": distance(src, dst)})


def ensure_scopes(client: Client) -> None:
    existing = set(client.list_scopes())
    for scope, account in SCOPES.items():
        if scope not in existing:
            client.add_scope(account, scope)


def set_limits(client: Client, limits: list[LimitSpec]) -> None:
    for limit in limits:
        if limit.is_global:
            client.set_global_account_limit(limit.account, limit.rse_expression, limit.bytes)
        else:
            client.set_local_account_limit(limit.account, limit.rse_expression, limit.bytes)

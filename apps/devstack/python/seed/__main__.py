"""CLI: python -m seed --rucio-url ... --storage-root ... [--size small|bench | --files N]."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .generate import DEFAULT_SEED, profile_for
from .run import Options, seed
from .storage import StorageEndpoint

PASSWORD_ENV = "SEED_RUCIO_PASSWORD"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m seed", description="Seed the CTAO demo archive into Rucio.")
    p.add_argument("--rucio-url", required=True, help="e.g. http://127.0.0.1:4410")
    p.add_argument("--username", required=True, help="root's userpass identity")
    p.add_argument("--password", default=os.environ.get(PASSWORD_ENV),
                   help=f"root's password (default: ${PASSWORD_ENV}, which keeps it off the command line)")
    p.add_argument("--storage-url", required=True, help="the storage server, e.g. http://127.0.0.1:4420")
    p.add_argument("--storage-root", required=True, type=Path, help="directory it serves (one folder per RSE)")
    p.add_argument("--rse-hosts", type=json.loads, default={},
                   help='JSON {"RSE": "127.0.0.x"}: the address each RSE\'s protocol names (default: the storage URL\'s)')
    p.add_argument("--storage-tls-port", type=int,
                   help="the storage's HTTPS port: each RSE also gets a read-only https protocol there")
    p.add_argument("--size", choices=("small", "bench"), default="small")
    p.add_argument("--files", type=int, help="files in the one big LSTN-01 night (overrides --size)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help="RNG seed (same seed, same archive)")
    p.add_argument("--force", action="store_true", help="re-seed what is missing even if stamped")
    p.add_argument("--rucio-config", type=Path, help="the server's rucio.cfg, to run daemons once")
    p.add_argument("--log-dir", type=Path, help="where the daemons' output goes")
    p.add_argument("--verify", type=int, default=0, metavar="N", help="GET N files' PFNs and check checksums")
    p.add_argument("--workers", type=int, default=3, help="parallel bulk calls (the server has several workers)")
    p.add_argument("--summary", type=Path, help="write the machine-readable summary JSON here")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s seed %(message)s")
    logging.getLogger("rucio").setLevel(logging.WARNING)
    if not args.password:
        raise SystemExit(f"--password or ${PASSWORD_ENV} is required")
    if args.files is not None and args.files < 1:
        raise SystemExit("--files must be >= 1")
    opts = Options(
        rucio_url=args.rucio_url.rstrip("/"), username=args.username, password=args.password,
        endpoint=StorageEndpoint(args.storage_url.rstrip("/"), args.storage_root.resolve(), args.rse_hosts,
                                 args.storage_tls_port),
        profile=profile_for(args.size, args.files), seed=args.seed, force=args.force,
        server_config=args.rucio_config, log_dir=args.log_dir, verify=args.verify,
        workers=max(1, args.workers))
    summary = seed(opts)
    if args.summary is not None:
        args.summary.parent.mkdir(parents=True, exist_ok=True)
        args.summary.write_text(json.dumps(summary, indent=2) + "\n")
    c = summary["counts"]
    state = "already seeded, nothing done" if summary["skipped"] else "seeded"
    print(f"Demo archive ({summary['profile']}) {state} in {summary['durationSeconds']}s: "
          f"{c['containers']} containers, {c['datasets']} datasets, {c['files']} files, "
          f"{c['replicas']} replicas, {c['rules']} rules on {len(summary['rses'])} RSEs")
    if summary.get("verify"):
        v = summary["verify"]
        print(f"Verified {v['pfns']} PFNs of {v['files']} files: {len(v['failures'])} failures")
        return 1 if v["failures"] else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

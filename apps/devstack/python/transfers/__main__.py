"""python -m transfers: the devstack's transfer loop (dev only; production runs FTS and Rucio's daemons).

Usage: RUCIO_CONFIG=<server rucio.cfg> DEVSTACK_STORAGE_USER=… DEVSTACK_STORAGE_PASSWORD=…
       python -m transfers [--interval S] [--min-transfer-seconds S] [--stuck-for S] [--ready-file F] [--rounds N] [--verbose]

Repeats a round (rounds.py) every --interval seconds until SIGTERM/SIGINT, which it obeys between
steps, never in the middle of one. Listens on nothing; talks to Rucio's database (rucio.cfg) and
to the storage on 127.0.0.x only. --ready-file gets this process's pid once Rucio is imported
and its database answers: the supervisor's health check.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path

from .summary import format_idle, format_round

log = logging.getLogger("transfers")
IDLE_LOG_SECONDS = 60


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m transfers")
    p.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")
    p.add_argument("--min-transfer-seconds", type=int, default=0,
                   help="how long a submitted transfer stays in flight before the poller reports it")
    p.add_argument("--stuck-for", type=int, default=120,
                   help="the repairer re-evaluates a rule STUCK for this long (production: 1800)")
    p.add_argument("--ready-file", type=Path, help="written with our pid once Rucio answers")
    p.add_argument("--rounds", type=int, default=0, help="stop after N rounds (0: run until stopped)")
    p.add_argument("--verbose", action="store_true", help="each file copied, and Rucio's own INFO lines")
    return p.parse_args(argv)


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stdout,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    log.setLevel(logging.DEBUG if verbose else logging.INFO)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(args.verbose)
    if not os.environ.get("RUCIO_CONFIG"):
        log.error("RUCIO_CONFIG must name the server's rucio.cfg")
        return 2
    auth = (os.environ["DEVSTACK_STORAGE_USER"], os.environ["DEVSTACK_STORAGE_PASSWORD"])
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    # Imported here: Rucio reads RUCIO_CONFIG at import time.
    from rucio.db.sqla.util import is_old_db

    from .rounds import STEP_ORDER, run_round
    from .single import hold_single_loop_lock

    if is_old_db():
        log.error("Rucio's database schema is not the one this Rucio expects")
        return 1
    lock = hold_single_loop_lock()
    if lock is None:
        log.error("another transfer loop runs against this Rucio database; stop it first "
                  "(devstack: `stop transfers`)")
        return 1
    if args.ready_file:
        args.ready_file.write_text(f"{os.getpid()}\n")
    log.info("started: a round every %.0f s: %s", args.interval, ", ".join(STEP_ORDER))
    try:
        loop(args, auth, stop, run_round)
    finally:
        lock.close()
        if args.ready_file:
            args.ready_file.unlink(missing_ok=True)
    log.info("stopped")
    return 0


def loop(args: argparse.Namespace, auth: tuple[str, str], stop: threading.Event, run_round) -> None:
    number, idle_rounds, idle_since = 0, 0, time.monotonic()
    while not stop.is_set() and (not args.rounds or number < args.rounds):
        number += 1
        summary = run_round(number, auth, args.stuck_for, stop.is_set, args.min_transfer_seconds)
        if not summary.idle:
            if idle_rounds:
                log.info(format_idle(idle_rounds, summary.rules_before))
            log.info(format_round(summary))
            idle_rounds, idle_since = 0, time.monotonic()
        else:
            idle_rounds += 1
            if time.monotonic() - idle_since >= IDLE_LOG_SECONDS:
                log.info(format_idle(idle_rounds, summary.rules_after))
                idle_rounds, idle_since = 0, time.monotonic()
        stop.wait(args.interval)


if __name__ == "__main__":
    sys.exit(main())

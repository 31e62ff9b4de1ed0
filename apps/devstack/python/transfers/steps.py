"""Rucio's own daemons, one pass each, called in this process the way Rucio's test suite calls them.

Each is the daemon's own main function with `once=True` (what `rucio-<daemon> --run-once` runs),
or, for the daemons whose main function hard-codes a partition wait, Rucio's `run_daemon` around
their own `run_once`: the request state machine, rule evaluation and usage counters are Rucio's.
In-process rather than one `--run-once` process each: a `rucio-*` process spends 2–5 s importing
Rucio on this machine, and the CLI waits 1–10 s of partition time before a pass
(`partition_wait_time`, 0 here as in Rucio's own conveyor tests; one process has nothing to
partition with), so an idle round takes well under a second instead of half a minute.

The transfertool is passed as an argument (`transfertools=['mock']` to the submitter,
`transfertool='mock'` to the poller) instead of `[conveyor] transfertool` in rucio.cfg: the
choice belongs to this dev loop, not to the server's config. `[conveyor] scheme` stays unset: the submitter then limits no
scheme, and the mock tool's `submission_builder_for_path` takes any path, so our `http` (WebDAV)
protocols are submitted (its `supported_schemes` {'mock', 'file'} only filter a configured
`scheme` list).
"""

from __future__ import annotations

import functools
from types import ModuleType

from rucio.daemons.abacus import collection_replica
from rucio.daemons.abacus.account import account_update
from rucio.daemons.abacus.rse import rse_update
from rucio.daemons.common import run_daemon
from rucio.daemons.conveyor.finisher import finisher
from rucio.daemons.conveyor.poller import poller
from rucio.daemons.conveyor.submitter import submitter
from rucio.daemons.judge import cleaner, evaluator, injector, repairer

from .mover import TRANSFERTOOL

#: Requests per submitter pass (Rucio's default bulk); the rest wait for the next round.
SUBMIT_BULK = 100

#: What the judge daemons keep between their passes (DIDs and rules they back off from after a
#: database lock), kept here across rounds as a long-running daemon keeps them.
_paused_dids: dict = {}
_paused_rules_repairer: dict = {}
_paused_rules_cleaner: dict = {}
_paused_rules_injector: dict = {}


def _once(daemon: ModuleType, **kwargs: object) -> None:
    """One pass of a daemon built on run_daemon, as its main function runs it with once=True,
    but without the 1 s partition wait the judge and collection-replica daemons hard-code."""
    run_daemon(once=True, graceful_stop=daemon.graceful_stop, executable=daemon.DAEMON_NAME,
               partition_wait_time=0, sleep_time=60,
               run_once_fnc=functools.partial(daemon.run_once, **kwargs))


def judge_evaluator() -> None:
    """New attachments and rules → locks and QUEUED transfer requests."""
    _once(evaluator, paused_dids=_paused_dids, did_limit=1000)


def judge_injector() -> None:
    """Rules created asynchronously (INJECT: Rucio forces it for 10 000 files × copies and more)
    → locks and QUEUED requests."""
    _once(injector, paused_rules=_paused_rules_injector)


def conveyor_submitter() -> None:
    """QUEUED → SUBMITTED with the mock transfertool (sources, destination URL, external id)."""
    submitter(once=True, partition_wait_time=0, bulk=SUBMIT_BULK, transfertools=[TRANSFERTOOL],
              filter_transfertool=None)


def conveyor_poller(older_than: int) -> None:
    """SUBMITTED → DONE: the mock tool reports done every submitted transfer the poller asks about,
    which are those submitted at least `older_than` seconds ago (Rucio's own poller setting): a
    transfer stays in flight that long, as an FTS transfer does, and can be seen as such."""
    poller(once=True, partition_wait_time=0, older_than=older_than, transfertool=TRANSFERTOOL,
           filter_transfertool=None)


def conveyor_finisher() -> None:
    """DONE → replica AVAILABLE, lock OK (rule OK when all are); FAILED → retry, then lock STUCK."""
    finisher(once=True, partition_wait_time=0)


def judge_repairer(stuck_for_seconds: int) -> None:
    """STUCK rules untouched for `stuck_for_seconds` re-evaluated, as the repairer's
    `updated_at_delta` does in production (1800 s there); `--run-once` would repair at once."""
    _once(repairer, paused_rules=_paused_rules_repairer, delta=stuck_for_seconds)


def judge_cleaner() -> None:
    """Expired rules removed (a rule deleted through the API expires within the hour)."""
    _once(cleaner, paused_rules=_paused_rules_cleaner)


def abacus() -> None:
    """Account, RSE and dataset-replica usage from the counters the steps above changed."""
    account_update(once=True)
    rse_update(once=True)
    _once(collection_replica, limit=1000)

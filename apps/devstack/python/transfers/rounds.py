"""One round, strictly in the order of STEP_ORDER, in one process.

Sequential on purpose: the mock transfertool answers DONE for whatever is SUBMITTED when the
poller asks, so a poller running beside the mover would report transfers done before their bytes
exist. Here the poller runs only after a mover pass that handled every SUBMITTED request (copied
and verified, or set FAILED), and is skipped otherwise.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import func, select

from rucio.db.sqla import models
from rucio.db.sqla.session import read_session

from . import steps
from .mover import MoveReport, move_all, submitted_transfers
from .summary import RoundSummary

log = logging.getLogger("transfers")

STEP_ORDER = ("judge-evaluator", "judge-injector", "conveyor-submitter", "mover", "conveyor-poller",
              "conveyor-finisher", "judge-repairer", "judge-cleaner",
              "abacus (account, RSE, collection replicas)")


@read_session
def rule_counts(*, session=None) -> dict[str, int]:
    rows = session.execute(select(models.ReplicationRule.state, func.count()).group_by(models.ReplicationRule.state))
    return {state.name: count for state, count in rows}


_FAILED = object()


def _step(summary: RoundSummary, name: str, fn: Callable[[], object]) -> object:
    """Runs one step, timed; a step that raises is logged and named in the summary (returns _FAILED)."""
    start = time.monotonic()
    try:
        return fn()
    except Exception as err:  # the next round tries again
        log.exception("%s failed", name)
        summary.errors[name] = f"{type(err).__name__}: {err}"[:300]
        return _FAILED
    finally:
        summary.timings[name] = summary.timings.get(name, 0.0) + time.monotonic() - start


def _poller_allowed(report: MoveReport) -> bool:
    """Every request SUBMITTED now was handled by this mover pass (none slipped in after it)."""
    if not report.complete:
        return False
    return {t.request_id for t in submitted_transfers()} <= report.handled_ids


def run_round(number: int, auth: tuple[str, str], stuck_for_seconds: int,
              should_stop: Callable[[], bool], min_transfer_seconds: int = 0) -> RoundSummary:
    summary = RoundSummary(number=number)
    start = time.monotonic()
    before = _step(summary, "rules", rule_counts)
    summary.rules_before = before if isinstance(before, dict) else {}
    _step(summary, "judge-evaluator", steps.judge_evaluator)
    _step(summary, "judge-injector", steps.judge_injector)
    _step(summary, "conveyor-submitter", steps.conveyor_submitter)
    report = _step(summary, "mover", lambda: move_all(auth, should_stop))
    if isinstance(report, MoveReport):
        summary.copied, summary.failed = len(report.copied), len(report.failed)
        summary.bytes_copied = report.bytes_copied
        summary.submitted = summary.copied + summary.failed
    allowed = (isinstance(report, MoveReport) and not should_stop()
               and _step(summary, "poller check", lambda: _poller_allowed(report)) is True)
    if allowed:
        _step(summary, "conveyor-poller", lambda: steps.conveyor_poller(min_transfer_seconds))
    else:
        summary.poller_skipped = True
    if not should_stop():
        _step(summary, "conveyor-finisher", steps.conveyor_finisher)
        _step(summary, "judge-repairer", lambda: steps.judge_repairer(stuck_for_seconds))
        _step(summary, "judge-cleaner", steps.judge_cleaner)
        _step(summary, "abacus", steps.abacus)
    after = _step(summary, "rules", rule_counts)
    summary.rules_after = after if isinstance(after, dict) else summary.rules_before
    summary.seconds = time.monotonic() - start
    return summary

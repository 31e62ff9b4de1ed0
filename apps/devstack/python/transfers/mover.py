"""The dev mover: the bytes of every SUBMITTED mock transfer, copied and verified, or the request FAILED.

Rucio's mock transfertool only records a submission and answers DONE at the next poll. This step
runs after the submitter and before the poller, so by the time the poller asks, every SUBMITTED
request either has verified bytes at its destination (the poller's DONE is then true) or has
been set FAILED here through Rucio's own state transition, with the reason as its error, which
the finisher retries (and after the last retry marks the lock STUCK) exactly as for an FTS
failure. Requests are read through Rucio's core API with the server's rucio.cfg.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from rucio.core.request import get_sources, list_requests, transition_request_state
from rucio.core.rse import get_rse_name, list_rses
from rucio.db.sqla.constants import RequestState

from .http_copy import CopyError, Expected, copy_verified, new_session

log = logging.getLogger("transfers")

TRANSFERTOOL = "mock"
#: Rucio's err_msg column holds 4000; a reason longer than this is cut.
MAX_REASON = 1000


@dataclass(frozen=True)
class Transfer:
    request_id: str
    external_id: str
    did: str
    dest_rse: str
    dest_url: str
    expected: Expected
    #: Source PFNs, the one the submitter picked first (FTS tries a multi-source job's in order).
    sources: tuple[str, ...]


@dataclass
class MoveReport:
    copied: list[Transfer] = field(default_factory=list)
    bytes_copied: int = 0
    failed: list[tuple[Transfer, str]] = field(default_factory=list)
    #: Still SUBMITTED, copied and verified by an earlier pass (waiting for the poller's delay).
    verified_before: set[str] = field(default_factory=set)
    #: False when the pass stopped early (a stop request or an error): the poller must not run.
    complete: bool = True

    @property
    def handled_ids(self) -> set[str]:
        copied = {t.request_id for t in self.copied} | {t.request_id for t, _ in self.failed}
        return copied | self.verified_before


#: Requests this process copied and verified that were still SUBMITTED at its last pass: the
#: poller reports a transfer only once it is `--min-transfer-seconds` old, so a request stays
#: SUBMITTED over several rounds, and its bytes are not copied again each time.
_verified: set[str] = set()


def submitted_transfers() -> list[Transfer]:
    """Every SUBMITTED request of the mock transfertool, with its sources (Rucio core API)."""
    rse_ids = [rse["id"] for rse in list_rses()]
    names: dict[str, str] = {}

    def rse_name(rse_id: str) -> str:
        if rse_id not in names:
            names[rse_id] = get_rse_name(rse_id)
        return names[rse_id]

    requests = [r.to_dict() for r in list_requests(rse_ids, rse_ids, states=[RequestState.SUBMITTED])]
    return [_transfer(r, rse_name) for r in requests if r.get("transfertool") == TRANSFERTOOL]


def _transfer(req: dict, rse_name: Callable[[str], str]) -> Transfer:
    main = req["source_rse_id"]
    # The sources of the submitted job (is_using), the submitter's choice first.
    sources = [s for s in (get_sources(req["id"]) or [])
               if s.get("url") and (s.get("is_using") or s["rse_id"] == main)]
    sources.sort(key=lambda s: s["rse_id"] != main)
    return Transfer(
        request_id=req["id"],
        external_id=req["external_id"],
        did=f"{req['scope']}:{req['name']}",
        dest_rse=rse_name(req["dest_rse_id"]),
        dest_url=req["dest_url"] or "",
        expected=Expected(size=int(req["bytes"] or 0), adler32=req["adler32"] or ""),
        sources=tuple(s["url"] for s in sources),
    )


def fail(transfer: Transfer, reason: str) -> bool:
    """FAILED through Rucio's own transition (needs the request's external id, as the poller's)."""
    return transition_request_state(
        transfer.request_id,
        state=RequestState.FAILED,
        external_id=transfer.external_id,
        err_msg=f"devstack mover: {reason}"[:MAX_REASON],
        transferred_at=datetime.datetime.utcnow(),
    )


def move_all(auth: tuple[str, str], should_stop: Callable[[], bool]) -> MoveReport:
    """Copy every SUBMITTED transfer; a transfer that does not verify is set FAILED."""
    report = MoveReport()
    session = new_session()
    pending = submitted_transfers()
    _verified.intersection_update(t.request_id for t in pending)
    for transfer in pending:
        if transfer.request_id in _verified:
            report.verified_before.add(transfer.request_id)
            continue
        if should_stop():
            report.complete = False
            break
        try:
            if not transfer.dest_url:
                raise CopyError("the request has no destination URL")
            if not transfer.expected.adler32:
                raise CopyError("Rucio has no adler32 for this file, nothing to verify against")
            source = copy_verified(session, transfer.sources, transfer.dest_url, transfer.expected, auth)
        except CopyError as err:
            reason = str(err)
            fail(transfer, reason)
            report.failed.append((transfer, reason))
            log.warning("FAILED %s -> %s: %s", transfer.did, transfer.dest_rse, reason)
            continue
        report.copied.append(transfer)
        _verified.add(transfer.request_id)
        report.bytes_copied += transfer.expected.size
        log.debug("copied %s -> %s (%d bytes, adler32 %s) from %s", transfer.did, transfer.dest_rse,
                 transfer.expected.size, transfer.expected.adler32, source)
    return report

"""Where replicas live and which rules protect them; account limits of the demo accounts."""

from __future__ import annotations

import random

from .model import LimitSpec, Plan, RuleSpec
from .reference import OFFSITE_DISKS, RSES, TAPE_RSE, Site

#: BDMS ingestion's two rules (acada_ingestion.py) plus the tape copy of CTAO-DATA.md §5.
BDMS_RULES = (
    RuleSpec("OFFSITE", 1),
    RuleSpec("OFFSITE", 2, source_replica_expression="OFFSITE"),
    RuleSpec("TAPE", 1),
)

TB = 10**12


def dl0_placement(seed: int, site: Site, dataset: str, onsite_only: bool) -> tuple[tuple[str, ...], tuple[RuleSpec, ...]]:
    """Onsite + two offsite disks + tape, or onsite only (its rules then stay REPLICATING)."""
    if onsite_only:
        return (site.onsite_rse,), BDMS_RULES
    disks = sorted(random.Random(f"{seed}:placement:{dataset}").sample(OFFSITE_DISKS, 2))
    return (site.onsite_rse, *disks, TAPE_RSE), BDMS_RULES


def add_limits(plan: Plan) -> None:
    """ctaoadmin (the operator) gets archive-sized limits everywhere; alice small ones.

    Alice's limits are demo-scale (a few times what her own files take), so that her usage
    bar in the portal shows a visible share instead of 0.0000 %.
    """
    for rse in RSES:
        plan.limits.append(LimitSpec("ctaoadmin", rse.name, 100 * TB if rse.rse_type == "TAPE" else 10 * TB))
    plan.limits.append(LimitSpec("ctaoadmin", "OFFSITE", 200 * TB, is_global=True))
    plan.limits.append(LimitSpec("alice", "DESY-ZN-DISK", 100_000))
    plan.limits.append(LimitSpec("alice", "CSCS-DISK", 50_000))
    plan.limits.append(LimitSpec("alice", "OFFSITE", 200_000, is_global=True))

"""What one round did, as one log line (pure: no Rucio import, unit-tested)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: Rule states in the order the line shows them (Rucio's RuleState names).
RULE_STATES = ("OK", "REPLICATING", "STUCK", "SUSPENDED", "WAITING_APPROVAL", "INJECT")
#: Steps at least this slow are named in the round's line.
SLOW_STEP_SECONDS = 2.0


@dataclass
class RoundSummary:
    number: int
    seconds: float = 0.0
    submitted: int = 0
    copied: int = 0
    bytes_copied: int = 0
    failed: int = 0
    poller_skipped: bool = False
    #: Step name → error text, for steps that raised.
    errors: dict[str, str] = field(default_factory=dict)
    #: Step name → seconds it took.
    timings: dict[str, float] = field(default_factory=dict)
    rules_before: Mapping[str, int] = field(default_factory=dict)
    rules_after: Mapping[str, int] = field(default_factory=dict)

    @property
    def idle(self) -> bool:
        """Nothing moved, nothing failed, no rule changed state."""
        return (not self.submitted and not self.failed and not self.errors
                and dict(self.rules_before) == dict(self.rules_after))


def human_bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def rules_text(counts: Mapping[str, int]) -> str:
    shown = [f"{state} {counts[state]}" for state in RULE_STATES if counts.get(state)]
    others = sorted(k for k in counts if k not in RULE_STATES and counts[k])
    shown += [f"{state} {counts[state]}" for state in others]
    return ", ".join(shown) or "none"


def format_round(s: RoundSummary) -> str:
    parts = [f"{s.submitted} submitted", f"{s.copied} copied ({human_bytes(s.bytes_copied)})",
             f"{s.failed} failed"]
    if s.poller_skipped:
        parts.append("poller skipped (not every submitted transfer was handled)")
    line = f"round {s.number}: {', '.join(parts)}; rules {rules_text(s.rules_after)}"
    if dict(s.rules_before) != dict(s.rules_after):
        line += f" (before: {rules_text(s.rules_before)})"
    line += f"; {s.seconds:.1f} s"
    slow = sorted(((t, name) for name, t in s.timings.items() if t >= SLOW_STEP_SECONDS), reverse=True)
    if slow:
        line += f" ({', '.join(f'{name} {t:.1f} s' for t, name in slow)})"
    for step, error in s.errors.items():
        line += f"; {step} failed: {error}"
    return line


def format_idle(rounds: int, rules: Mapping[str, int]) -> str:
    return f"idle: {rounds} round{'s' if rounds != 1 else ''} with nothing to move; rules {rules_text(rules)}"

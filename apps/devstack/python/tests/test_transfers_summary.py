"""The transfer loop's round line (pure)."""

from transfers.summary import RoundSummary, format_idle, format_round, human_bytes, rules_text


def test_a_busy_round_names_what_moved_and_how_the_rules_changed():
    s = RoundSummary(number=7, seconds=2.34, submitted=3, copied=2, bytes_copied=5120, failed=1,
                     rules_before={"OK": 10, "REPLICATING": 2}, rules_after={"OK": 11, "REPLICATING": 1})
    assert format_round(s) == ("round 7: 3 submitted, 2 copied (5.1 kB), 1 failed; rules OK 11, REPLICATING 1 "
                               "(before: OK 10, REPLICATING 2); 2.3 s")
    assert not s.idle


def test_a_round_where_nothing_moved_and_no_rule_changed_is_idle():
    assert RoundSummary(number=1, rules_before={"OK": 3}, rules_after={"OK": 3}).idle
    assert not RoundSummary(number=1, rules_before={"OK": 3}, rules_after={"OK": 4}).idle
    assert not RoundSummary(number=1, errors={"abacus": "boom"}).idle


def test_a_skipped_poller_and_failed_steps_are_said():
    s = RoundSummary(number=2, poller_skipped=True, errors={"mover": "OSError: x"})
    line = format_round(s)
    assert "poller skipped" in line and line.endswith("mover failed: OSError: x")


def test_rule_states_in_rucios_order_then_others_and_sizes_in_si_units():
    assert rules_text({"STUCK": 1, "OK": 5, "ZZZ": 2, "SUSPENDED": 0}) == "OK 5, STUCK 1, ZZZ 2"
    assert rules_text({}) == "none"
    assert human_bytes(999) == "999 B" and human_bytes(1500) == "1.5 kB" and human_bytes(2 * 10**9) == "2.0 GB"
    assert format_idle(1, {"OK": 2}) == "idle: 1 round with nothing to move; rules OK 2"


def test_slow_steps_are_named_slowest_first():
    s = RoundSummary(number=3, seconds=40.0, timings={"conveyor-submitter": 30.04, "mover": 2.5, "abacus": 0.3})
    assert format_round(s).endswith("; 40.0 s (conveyor-submitter 30.0 s, mover 2.5 s)")

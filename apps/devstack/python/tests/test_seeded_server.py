"""Against a real, seeded Rucio server + storage (skipped unless SEED_IT_RUCIO_URL is set).

    SEED_IT_RUCIO_URL=http://127.0.0.1:4410 SEED_IT_USERNAME=ddmlab SEED_IT_PASSWORD=dev-root-secret \
      .devstack/venv/bin/python -m pytest apps/devstack/python/tests
"""

import os
import time

import pytest

from seed.generate import build_plan, profile_for
from seed.rucio_setup import make_client
from seed.verify import check_pfn, verify_pfns

URL = os.environ.get("SEED_IT_RUCIO_URL")
pytestmark = pytest.mark.skipif(not URL, reason="SEED_IT_RUCIO_URL not set (needs a seeded server)")


@pytest.fixture(scope="module")
def client():
    return make_client(URL, os.environ["SEED_IT_USERNAME"], os.environ["SEED_IT_PASSWORD"])


@pytest.fixture(scope="module")
def plan():
    return build_plan(profile_for("small"))


def test_pfns_from_replicas_list_serve_bytes_matching_rucios_adler32_and_md5(client, plan):
    result = verify_pfns(client, plan, 30, "http")
    assert result.failures == []
    assert result.files == 30 and result.pfns >= 30


def test_file_metadata_is_in_rucios_json_plugin(client, plan):
    for spec in plan.files()[::97]:
        stored = client.get_metadata(spec.scope, spec.name, plugin="JSON")
        assert {k: stored.get(k) for k in spec.meta} == spec.meta


def test_rules_are_ok_where_replicas_exist_and_the_transfer_loop_fills_in_the_rest(client, plan):
    full = next(d for d in plan.datasets if len(d.rses) == 4)
    onsite_only = next(d for d in plan.datasets if d.scope == "acada" and len(d.rses) == 1)
    assert {r["state"] for r in client.list_did_rules(full.scope, full.name)} == {"OK"}
    # Seeded onsite only: REPLICATING (STUCK for the rule whose source must be offsite) until the
    # devstack's transfer loop has copied them, OK after.
    states = {r["state"] for r in client.list_did_rules(onsite_only.scope, onsite_only.name)}
    assert states and states <= {"OK", "REPLICATING", "STUCK"}


def test_copies_the_transfer_loop_made_serve_bytes_matching_rucios_checksums(client, plan):
    """The onsite-only night's OFFSITE x1 rule goes OK (bounded wait), and each copy away from the
    onsite RSE that Rucio lists (AVAILABLE only) serves the bytes Rucio's checksums describe."""
    onsite_only = next(d for d in plan.datasets if d.scope == "acada" and len(d.rses) == 1)

    def offsite_rule_state() -> str:
        rules = client.list_did_rules(onsite_only.scope, onsite_only.name)
        return next(r["state"] for r in rules if r["rse_expression"] == "OFFSITE" and r["copies"] == 1)

    deadline = time.monotonic() + 90
    while offsite_rule_state() != "OK" and time.monotonic() < deadline:
        time.sleep(2)
    assert offsite_rule_state() == "OK", "the transfer loop did not copy the onsite-only night (is it running?)"
    dids = [{"scope": f.scope, "name": f.name} for f in onsite_only.files]
    checked = 0
    for replica in client.list_replicas(dids, schemes=["http"]):
        for rse, pfns in replica["rses"].items():
            if rse == onsite_only.rses[0]:
                continue
            for pfn in pfns:
                assert check_pfn(pfn, replica["adler32"], replica["md5"]) is None
                checked += 1
    assert checked >= len(dids)

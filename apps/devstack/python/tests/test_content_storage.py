"""Bytes, checksums, storage paths and the server-side objects' pure parts."""

import zlib

from seed.content import CARD, adler32_hex, header_text, render
from seed.model import FileSpec
from seed.reference import RSES, array_element
from seed.rucio_setup import distance, ensure_protocol, protocol, rse_attributes, tls_protocol
from seed.storage import ALGORITHMS, StorageEndpoint, detect_algorithm, write_bytes

SPEC = FileSpec("acada", "/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/02/04/x.fits.fz", {}, (("OBS_ID", 2000000200),), 100)
ENDPOINT = StorageEndpoint("http://127.0.0.1:4420", root=__import__("pathlib").Path("/srv/storage"))


def test_adler32_is_rucios_zero_padded_hex():
    assert adler32_hex(b"") == "00000001"
    assert adler32_hex(b"abc") == f"{zlib.adler32(b'abc'):08x}"


def test_header_is_fits_like_80_column_cards_ending_with_end():
    text = header_text((("OBJECT", "Crab"), ("OBS_ID", 2000000200), ("VALID", True)))
    assert len(text) % CARD == 0
    cards = [text[i:i + CARD] for i in range(0, len(text), CARD)]
    assert cards[0].startswith("SIMPLE  =") and cards[-1].rstrip() == "END"
    assert "'Crab'" in text


def test_content_is_deterministic_and_depends_on_seed():
    a, b = render(SPEC, 1), render(SPEC, 1)
    assert a == b and a.size == len(header_text(SPEC.header)) + 100
    assert render(SPEC, 2).md5 != a.md5


def test_lfn2pfn_algorithms_match_rucio_and_the_ctao_policy():
    assert ALGORITHMS["identity"]("acada", "/ctao/acada/f") == "acada//ctao/acada/f"
    assert ALGORITHMS["identity"]("user.alice", "/ctao/user/a/alice/f") == "user/alice//ctao/user/a/alice/f"
    assert ALGORITHMS["ctao_bdms"]("acada", "/ctao/acada/f") == "/ctao/acada/f"
    assert ALGORITHMS["hash"]("user.alice", "f").startswith("user/alice/")


def test_pfn_joins_prefix_and_path_verbatim_and_local_path_collapses_double_slashes():
    assert ENDPOINT.pfn("PIC-TAPE", "/ctao/acada/f") == "http://127.0.0.1:4420/PIC-TAPE//ctao/acada/f"
    assert str(ENDPOINT.local_path("PIC-TAPE", "acada//ctao/acada/f")) == "/srv/storage/PIC-TAPE/acada/ctao/acada/f"


def test_detect_algorithm_recognises_the_servers_pfns():
    # Recorded from Rucio 41.5.1 with ctao-bdms-rucio-policy 0.6.0 (lfns2pfns, scheme http).
    pfns = {"acada:/ctao/acada/p": "http://127.0.0.1:4420/CSCS-DISK//ctao/acada/p"}
    assert detect_algorithm(ENDPOINT, "CSCS-DISK", pfns) == "ctao_bdms"
    pfns = {"acada:/ctao/acada/p": "http://127.0.0.1:4420/CSCS-DISK/acada//ctao/acada/p"}
    assert detect_algorithm(ENDPOINT, "CSCS-DISK", pfns) == "identity"


def test_write_bytes_skips_an_identical_size_file(tmp_path):
    target = tmp_path / "a" / "b.fits"
    assert write_bytes(target, b"1234") is True
    assert write_bytes(target, b"1234") is False
    assert target.read_bytes() == b"1234"


def test_rses_are_six_real_places_with_one_tape():
    assert len(RSES) >= 6
    assert [r.name for r in RSES if r.rse_type == "TAPE"] == ["PIC-TAPE"]
    assert all(-90 <= r.latitude <= 90 and -180 <= r.longitude <= 180 for r in RSES)


def test_rse_attributes_mark_onsite_offsite_and_tape():
    attrs = {r.name: rse_attributes(r) for r in RSES}
    assert attrs["CTAO-N-ONSITE"]["ONSITE"] is True and "OFFSITE" not in attrs["CTAO-N-ONSITE"]
    assert attrs["PIC-TAPE"]["TAPE"] is True and attrs["PIC-TAPE"]["OFFSITE"] is True
    assert all(a["ANY"] is True for a in attrs.values())


def test_distances_are_symmetric_rankings():
    north, south, desy = RSES[0], RSES[1], RSES[2]
    assert distance(north, south) == distance(south, north) > distance(north, desy) >= 1


def test_protocol_points_at_the_storage_prefix():
    p = protocol(ENDPOINT, "CSCS-DISK")
    assert (p["scheme"], p["hostname"], p["port"], p["prefix"]) == ("http", "127.0.0.1", 4420, "/CSCS-DISK/")
    assert p["domains"]["lan"]["read"] == 1 and p["domains"]["wan"]["write"] == 1


def test_with_a_tls_port_an_rse_also_gets_a_read_only_https_protocol_after_http():
    assert tls_protocol(ENDPOINT, "CSCS-DISK") is None
    ep = StorageEndpoint("http://127.0.0.1:4420", root=ENDPOINT.root, hosts={"CSCS-DISK": "127.0.0.14"},
                         tls_port=4421)
    p = tls_protocol(ep, "CSCS-DISK")
    assert (p["scheme"], p["hostname"], p["port"], p["prefix"]) == ("https", "127.0.0.14", 4421, "/CSCS-DISK/")
    # None is "off": 0 would be Rucio's highest priority, and transfers would pick https.
    assert p["domains"]["wan"] == {"read": 2, "write": None, "delete": None,
                                   "third_party_copy_read": None, "third_party_copy_write": None}
    client = _Protocols([protocol(ep, "CSCS-DISK")])
    assert ensure_protocol(client, "CSCS-DISK", ep) is True
    assert ensure_protocol(client, "CSCS-DISK", ep) is False
    assert sorted(p["scheme"] for p in client.protocols) == ["http", "https"]


def test_an_https_protocol_an_older_seed_wrote_with_other_priorities_is_replaced():
    ep = StorageEndpoint("http://127.0.0.1:4420", root=ENDPOINT.root, hosts={"CSCS-DISK": "127.0.0.14"},
                         tls_port=4421)
    wanted = tls_protocol(ep, "CSCS-DISK")
    older = {**wanted, "domains": {d: {op: 0 if op != "read" else 2 for op in ops}
                                   for d, ops in wanted["domains"].items()}}
    client = _Protocols([protocol(ep, "CSCS-DISK"), older])
    assert ensure_protocol(client, "CSCS-DISK", ep) is True
    assert client.calls == [("delete", "https", "127.0.0.14", 4421), ("add", "https", "127.0.0.14", 4421)]
    assert ensure_protocol(client, "CSCS-DISK", ep) is False


def test_an_rse_with_an_address_of_its_own_gets_it_in_its_protocol_and_pfns():
    ep = StorageEndpoint("http://127.0.0.1:4420", root=ENDPOINT.root, hosts={"CSCS-DISK": "127.0.0.14"})
    assert protocol(ep, "CSCS-DISK")["hostname"] == "127.0.0.14"
    assert protocol(ep, "PIC-TAPE")["hostname"] == "127.0.0.1"
    assert ep.pfn("CSCS-DISK", "/ctao/acada/f") == "http://127.0.0.14:4420/CSCS-DISK//ctao/acada/f"
    assert ep.local_path("CSCS-DISK", "/ctao/acada/f") == ENDPOINT.local_path("CSCS-DISK", "/ctao/acada/f")


class _Protocols:
    """The three rse-client calls ensure_protocol makes, over an RSE's protocol list."""

    def __init__(self, protocols):
        self.protocols = protocols
        self.calls = []

    def get_rse(self, rse):
        return {"rse": rse, "protocols": list(self.protocols)}

    def delete_protocols(self, rse, scheme, hostname=None, port=None):
        self.calls.append(("delete", scheme, hostname, port))
        self.protocols = [p for p in self.protocols if (p["scheme"], p["hostname"], p["port"]) != (scheme, hostname, port)]

    def add_protocol(self, rse, params):
        self.calls.append(("add", params["scheme"], params["hostname"], params["port"]))
        self.protocols.append(params)


def test_a_protocol_left_on_the_old_shared_address_moves_to_the_rses_own():
    ep = StorageEndpoint("http://127.0.0.1:4420", root=ENDPOINT.root, hosts={"CSCS-DISK": "127.0.0.14"})
    client = _Protocols([protocol(ENDPOINT, "CSCS-DISK")])
    assert ensure_protocol(client, "CSCS-DISK", ep) is True
    assert client.calls == [("delete", "http", "127.0.0.1", 4420), ("add", "http", "127.0.0.14", 4420)]
    assert ensure_protocol(client, "CSCS-DISK", ep) is False
    assert [p["hostname"] for p in client.protocols] == ["127.0.0.14"]


def test_array_elements_follow_the_id_ranges():
    assert [array_element(i) for i in (1, 4, 5, 101, 105, 119)] == \
        ["LSTN-01", "LSTN-04", "MSTN-01", "LSTS-01", "MSTS-01", "SSTS-01"]


def test_workers_run_every_item_once_and_reraise_failures():
    from seed.workers import Workers

    seen = []
    Workers(["c1", "c2", "c3"]).run(lambda client, item: seen.append((client, item)), range(20))
    assert sorted(item for _, item in seen) == list(range(20))
    assert {client for client, _ in seen} <= {"c1", "c2", "c3"}

    def boom(client, item):
        if item == 3:
            raise RuntimeError("bulk call failed")

    import pytest

    with pytest.raises(RuntimeError, match="bulk call failed"):
        Workers(["c1", "c2"]).run(boom, range(5))


def test_workers_retry_connection_failures_then_give_up():
    from seed.workers import Workers

    class Refused(Exception):
        pass

    attempts = []

    def flaky(client, item):
        attempts.append(item)
        if len(attempts) < 3:
            raise Refused("connection refused")

    Workers(["c"], retry_on=(Refused,), backoff=0).run(flaky, [1])
    assert attempts == [1, 1, 1]

    import pytest

    with pytest.raises(Refused):
        Workers(["c"], retry_on=(Refused,), retries=2, backoff=0).run(lambda c, i: (_ for _ in ()).throw(Refused()), [1])

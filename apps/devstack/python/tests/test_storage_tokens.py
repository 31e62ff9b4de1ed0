"""The dev storage's token check (storage_tokens.py), with tokens signed by a throwaway key whose
JWKS a fake discovery serves; then through a real WsgiDAV (storage_server.make_app)."""

import http.client
import threading
import time
from pathlib import Path

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from cheroot import wsgi

from storage_server import make_app
from storage_writer import DEV_WRITER, writer_credential
from storage_tokens import (ANY_AUDIENCE, IssuerKeys, ReadPolicy, Refusal, check_read, grants_read,
                            path_below_rse)

ISSUER = "http://idp.test/"
AUDIENCE = "urn:test:storage"
WRITER = ("writer", "secret")
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwks(*pairs):
    keys = []
    for kid, key in pairs:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
        keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
    return {"keys": keys}


class FakeIdp:
    """Discovery + JWKS as dicts; counts the JWKS fetches."""

    def __init__(self, *pairs):
        self.key_set = jwks(*pairs)
        self.jwks_fetches = 0

    def fetch(self, url):
        if url == ISSUER + ".well-known/openid-configuration":
            return {"issuer": ISSUER, "jwks_uri": ISSUER + "jwk"}
        assert url == ISSUER + "jwk"
        self.jwks_fetches += 1
        return self.key_set


def token(scope="storage.read:/ctao", aud=AUDIENCE, key=KEY, kid="k1", alg="RS256", **claims):
    now = int(time.time())
    payload = {"iss": ISSUER, "sub": "alice", "aud": aud, "iat": now, "nbf": now, "exp": now + 300,
               "scope": f"openid profile {scope}", **claims}
    return jwt.encode(payload, "x" * 32 if alg == "HS256" else key, algorithm=alg, headers={"kid": kid})


@pytest.fixture()
def idp():
    return FakeIdp(("k1", KEY))


@pytest.fixture()
def policy(idp):
    return ReadPolicy(ISSUER, AUDIENCE, IssuerKeys(ISSUER, idp.fetch))


def refusal(auth, path, policy):
    with pytest.raises(Refusal) as caught:
        check_read(auth, path, policy)
    return caught.value


def test_the_path_below_the_rse_folder_collapses_double_slashes_and_refuses_dot_segments():
    assert path_below_rse("/CSCS-DISK//ctao/acada/f.fits") == ["ctao", "acada", "f.fits"]
    assert path_below_rse("/CSCS-DISK/") == []
    for bad in ("/CSCS-DISK/ctao/../x", "/CSCS-DISK/./ctao", "/../etc"):
        with pytest.raises(Refusal) as caught:
            path_below_rse(bad)
        assert caught.value.status == 400


def test_only_storage_read_grants_reads_and_only_below_its_path_on_whole_segments():
    path = ["ctao", "acada", "f.fits"]
    assert grants_read("storage.read:/ctao", path)
    assert grants_read("openid storage.read:/", path)
    assert grants_read("storage.read:/ctao/acada/", path)
    assert grants_read("storage.read://ctao//acada", path)
    assert not grants_read("storage.read:/ctao/dpps", path)
    assert not grants_read("storage.read:/ctaox", ["ctaox2", "f"])
    assert not grants_read("storage.read:/ctao", ["ctaox", "f"])
    assert not grants_read("storage.modify:/ storage.create:/ storage.stage:/", path)
    assert not grants_read("storage.read:/ctao/../ctao", path)
    assert not grants_read("storage.read:ctao", path)
    assert not grants_read(None, path)


def test_a_token_for_this_storage_with_the_right_scope_reads(policy):
    claims = check_read(f"Bearer {token()}", "/CSCS-DISK//ctao/acada/f.fits", policy)
    assert claims["sub"] == "alice"
    assert check_read(f"bearer {token(aud=[ANY_AUDIENCE])}", "/X/ctao/f", policy)["sub"] == "alice"


def test_no_token_or_a_bad_one_is_401(policy):
    now = int(time.time())
    cases = {
        None: "needs a bearer token",
        "Basic d3JpdGVyOnNlY3JldA==": "needs a bearer token",
        "Bearer not-a-jwt": "invalid token",
        f"Bearer {token(key=OTHER_KEY)}": "Signature verification failed",
        f"Bearer {token(exp=now - 60)}": "expired",
        f"Bearer {token(nbf=now + 120)}": "not yet valid",
        f"Bearer {token(iss='http://evil.test/')}": "issuer",
        f"Bearer {token(alg='HS256')}": "not RS256",
        f"Bearer {token(kid='nope')}": "unknown key",
    }
    for auth, why in cases.items():
        found = refusal(auth, "/R/ctao/f", policy)
        assert (found.status, why in found.reason) == (401, True), (auth, found.reason)


def test_exp_and_nbf_have_a_small_leeway(policy):
    now = int(time.time())
    assert check_read(f"Bearer {token(exp=now - 5, nbf=now + 5)}", "/R/ctao/f", policy)


def test_a_token_for_rucio_and_this_storage_reads_even_the_rse_base_rucio_download_checks(policy):
    """`rucio download` hands the storage its Rucio token: both audiences, storage.read:/."""
    both = token(aud=["rucio", AUDIENCE], scope="openid profile storage.read:/")
    assert check_read(f"Bearer {both}", "/CSCS-DISK/", policy)["sub"] == "alice"
    assert check_read(f"Bearer {both}", "/CSCS-DISK//ctao/acada/f.fits", policy)["sub"] == "alice"
    # A narrower read scope does not cover the RSE's base path the client HEADs first.
    assert refusal(f"Bearer {token(aud=['rucio', AUDIENCE])}", "/CSCS-DISK/", policy).status == 403
    # The audiences are a list, not one string holding both.
    assert refusal(f"Bearer {token(aud=f'rucio {AUDIENCE}')}", "/R/ctao/f", policy).status == 403
    assert refusal(f"Bearer {token(aud=['rucio', 'urn:other'])}", "/R/ctao/f", policy).status == 403


def test_another_audience_or_a_scope_for_another_path_is_403(policy):
    assert refusal(f"Bearer {token(aud='rucio')}", "/R/ctao/f", policy).status == 403
    found = refusal(f"Bearer {token(scope='storage.read:/ctao/dpps')}", "/R/ctao/acada/f", policy)
    assert (found.status, found.reason) == (403, "token scope grants no storage.read covering /ctao/acada/f")
    assert refusal(f"Bearer {token(scope='storage.modify:/ctao')}", "/R/ctao/f", policy).status == 403


def test_keys_are_fetched_once_and_again_for_an_unknown_kid_at_most_every_few_seconds(idp):
    clock = [100.0]
    policy = ReadPolicy(ISSUER, AUDIENCE, IssuerKeys(ISSUER, idp.fetch, clock=lambda: clock[0]))
    check_read(f"Bearer {token()}", "/R/ctao/f", policy)
    check_read(f"Bearer {token()}", "/R/ctao/f", policy)
    assert idp.jwks_fetches == 1
    idp.key_set = jwks(("k1", KEY), ("k2", OTHER_KEY))  # the IdP rotated in a new key
    assert refusal(f"Bearer {token(key=OTHER_KEY, kid='k2')}", "/R/ctao/f", policy).status == 401
    assert idp.jwks_fetches == 1  # too soon after the last fetch
    clock[0] += 11
    assert check_read(f"Bearer {token(key=OTHER_KEY, kid='k2')}", "/R/ctao/f", policy)
    assert idp.jwks_fetches == 2


@pytest.fixture()
def server(tmp_path, policy):
    (tmp_path / "CSCS-DISK" / "ctao" / "acada").mkdir(parents=True)
    (tmp_path / "CSCS-DISK" / "ctao" / "acada" / "f.fits").write_bytes(b"0123456789")
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "db.tar.gz").write_bytes(b"geo")
    app = make_app(str(tmp_path / ""), *WRITER, shares={"/geoip": str(tmp_path / "share")}, policy=policy)
    srv = wsgi.Server(("127.0.0.1", 0), app, numthreads=4)
    srv.prepare()
    threading.Thread(target=srv.serve, daemon=True).start()
    yield f"http://127.0.0.1:{srv.bind_addr[1]}"
    srv.stop()


def test_over_http_tokens_read_others_are_told_why(server):
    url = f"{server}/CSCS-DISK//ctao/acada/f.fits"
    ok = requests.get(url, headers={"Authorization": f"Bearer {token()}", "Range": "bytes=2-4"})
    assert (ok.status_code, ok.content) == (206, b"234")
    none = requests.get(url)
    assert none.status_code == 401
    assert none.headers["WWW-Authenticate"].startswith('Bearer realm="bdms-dev-storage"')
    assert "bearer token" in none.text
    bad = requests.head(url, headers={"Authorization": f"Bearer {token(key=OTHER_KEY)}"})
    assert bad.status_code == 401 and 'error="invalid_token"' in bad.headers["WWW-Authenticate"]
    narrow = requests.get(url, headers={"Authorization": f"Bearer {token(scope='storage.read:/ctao/dpps')}"})
    assert narrow.status_code == 403 and "covering /ctao/acada/f.fits" in narrow.text
    listing = requests.request("PROPFIND", f"{server}/CSCS-DISK/", headers={"Depth": "1"})
    assert listing.status_code == 401


def test_over_http_the_writer_reads_and_writes_and_a_token_never_writes(server):
    url = f"{server}/CSCS-DISK/ctao/acada/new.bin"
    assert requests.put(url, data=b"abc", auth=WRITER).status_code in (201, 204)
    assert requests.get(url, auth=WRITER).content == b"abc"
    assert requests.get(url, auth=("writer", "wrong")).status_code == 401
    as_token = requests.put(url, data=b"x", headers={"Authorization": f"Bearer {token('storage.modify:/')}"})
    assert as_token.status_code == 401


def test_over_http_options_and_the_shares_stay_anonymous_and_dot_segments_are_refused(server):
    assert requests.options(f"{server}/CSCS-DISK/").status_code == 200
    assert requests.get(f"{server}/geoip/db.tar.gz").content == b"geo"
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port))
    conn.request("GET", "/CSCS-DISK/ctao/../ctao/acada/f.fits", headers={"Authorization": f"Bearer {token()}"})
    assert conn.getresponse().status == 400
    conn.close()
    conn = http.client.HTTPConnection(host, int(port))
    conn.request("GET", "/geoip/../CSCS-DISK/ctao/acada/f.fits")
    assert conn.getresponse().status == 400
    conn.close()
    # Encoded dots and slashes never lead out of the path the token grants.
    dpps = {"Authorization": f"Bearer {token('storage.read:/ctao/dpps')}"}
    for escape in ("%2e%2e/acada", "%252e%252e/acada", "..%2facada", "..%2Facada"):
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", f"/CSCS-DISK/ctao/dpps/{escape}/f.fits", headers=dpps)
        answer = conn.getresponse()
        assert answer.status in (400, 403, 404), escape
        assert b"0123456789" not in answer.read()
        conn.close()


def test_the_writer_run_by_hand_is_dev_fixtures_storage_writer():
    fixtures = Path(__file__).resolve().parents[4] / "packages" / "dev-fixtures" / "src" / "storage.ts"
    user, password = DEV_WRITER
    assert f"STORAGE_WRITER = {{ username: '{user}', password: '{password}' }}" in fixtures.read_text()
    assert writer_credential({}) == DEV_WRITER
    assert writer_credential({"DEVSTACK_STORAGE_USER": "u", "DEVSTACK_STORAGE_PASSWORD": "p"}) == ("u", "p")

"""WLCG bearer tokens for reads of the dev storage, checked as a WLCG storage element does.

A read of `/<RSE>/<path>` needs `Authorization: Bearer <JWT>`:
- signed (RS256) by a key the issuer publishes (discovery's `jwks_uri`; cached, fetched again
  when a token names an unknown `kid`, at most every REFETCH_SECONDS);
- `iss` the configured issuer, `exp`/`nbf` within LEEWAY seconds;
- `aud` the storage's audience or WLCG's "any" audience (else 403: a token for someone else);
- `scope` holding `storage.read:<p>` where `<p>` is a path prefix, on whole segments, of the
  path below the RSE folder (WLCG paths are relative to the storage's base, and each RSE's base
  is its folder). `storage.modify`, `storage.create` and `storage.stage` do not grant reads.

401 (with `WWW-Authenticate: Bearer`) for a missing, malformed, forged or expired token; 403 for
a valid token that does not grant this read. The JWT work is PyJWT's; only the fetch is ours (no
proxy from the environment: the IdP is on loopback in development).
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import jwt

ANY_AUDIENCE = "https://wlcg.cern.ch/jwt/v1/any"
LEEWAY = 30
REFETCH_SECONDS = 10.0
READ_SCOPE = "storage.read:"


class Refusal(Exception):
    """Why a request may not read: HTTP status and a sentence for the body."""

    def __init__(self, status: int, reason: str, error: str | None = None):
        super().__init__(reason)
        self.status = status
        self.reason = reason
        #: RFC 6750 error code for the WWW-Authenticate header (401 only).
        self.error = error


def _fetch_json(url: str, timeout: float = 5.0) -> dict:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=timeout) as response:  # noqa: S310 (the configured issuer)
        return json.load(response)


class IssuerKeys:
    """The issuer's published signing keys, found through its discovery document."""

    def __init__(self, issuer: str, fetch_json: Callable[[str], dict] = _fetch_json,
                 clock: Callable[[], float] = time.monotonic):
        self.issuer = issuer
        self._fetch = fetch_json
        self._clock = clock
        self._lock = threading.Lock()
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None

    def _refresh(self) -> None:
        base = self.issuer if self.issuer.endswith("/") else self.issuer + "/"
        discovery = self._fetch(base + ".well-known/openid-configuration")
        if discovery.get("issuer") != self.issuer:
            raise Refusal(401, f"the IdP's discovery names issuer {discovery.get('issuer')!r}", "invalid_token")
        key_set = jwt.PyJWKSet.from_dict(self._fetch(discovery["jwks_uri"]))
        self._keys = {k.key_id: k for k in key_set.keys if k.key_id}

    def key(self, kid: str) -> jwt.PyJWK:
        with self._lock:
            if kid not in self._keys:
                due = self._fetched_at is None or self._clock() - self._fetched_at >= REFETCH_SECONDS
                if due:
                    self._fetched_at = self._clock()
                    try:
                        self._refresh()
                    except Refusal:
                        raise
                    except Exception as err:  # the IdP is down or answers nonsense
                        raise Refusal(401, f"the IdP's keys cannot be fetched: {err}", "invalid_token") from err
            found = self._keys.get(kid)
        if found is None:
            raise Refusal(401, f"token signed with unknown key {kid!r}", "invalid_token")
        return found


@dataclass(frozen=True)
class ReadPolicy:
    issuer: str
    audience: str
    keys: IssuerKeys


def path_below_rse(path: str) -> list[str]:
    """`/<RSE>/<p>` -> the segments of `<p>`; `//` collapses, `.` and `..` are refused."""
    segments = [s for s in path.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise Refusal(400, "a path with '.' or '..' segments is refused")
    return segments[1:]


def grants_read(scope_claim: object, segments: list[str]) -> bool:
    """True when some `storage.read:<p>` in the space-separated scope covers `segments`."""
    if not isinstance(scope_claim, str):
        return False
    for scope in scope_claim.split():
        if not scope.startswith(READ_SCOPE + "/"):
            continue
        prefix = [s for s in scope[len(READ_SCOPE):].split("/") if s]
        if any(s in (".", "..") for s in prefix):
            continue
        if segments[: len(prefix)] == prefix:
            return True
    return False


def bearer_of(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refusal(401, "reading needs a bearer token (Authorization: Bearer <JWT>)")
    return token.strip()


def _verified_claims(token: str, policy: ReadPolicy) -> dict:
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != "RS256":
            raise Refusal(401, f"token algorithm {header.get('alg')!r} is not RS256", "invalid_token")
        key = policy.keys.key(str(header.get("kid", "")))
        return jwt.decode(
            token, key, algorithms=["RS256"], issuer=policy.issuer, leeway=LEEWAY,
            options={"require": ["exp", "iss", "aud"], "verify_aud": False},
        )
    except jwt.ExpiredSignatureError as err:
        raise Refusal(401, "token expired", "invalid_token") from err
    except jwt.InvalidTokenError as err:
        raise Refusal(401, f"invalid token: {err}", "invalid_token") from err


def check_read(authorization: str | None, path: str, policy: ReadPolicy) -> dict:
    """The token's claims when it may read `path` (`/<RSE>/...`); raises Refusal otherwise."""
    segments = path_below_rse(path)
    claims = _verified_claims(bearer_of(authorization), policy)
    aud = claims.get("aud")
    audiences = aud if isinstance(aud, list) else [aud]
    if policy.audience not in audiences and ANY_AUDIENCE not in audiences:
        raise Refusal(403, f"token audience {aud!r} is not this storage ({policy.audience})", "insufficient_scope")
    if not grants_read(claims.get("scope"), segments):
        wanted = "/" + "/".join(segments)
        raise Refusal(403, f"token scope grants no storage.read covering {wanted}", "insufficient_scope")
    return claims

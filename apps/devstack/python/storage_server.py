"""The dev storage: a real WebDAV/HTTP server (WsgiDAV on cheroot) over .devstack/storage.

Usage: storage_server.py <root> <host> <port> [--also HOST[,HOST...]] [--share /PATH=DIR]
[--tls-port PORT --tls-dir DIR];
the writer's credentials come from the environment (DEVSTACK_STORAGE_USER /
DEVSTACK_STORAGE_PASSWORD), not argv, to keep them out of `ps`; so do the token issuer and the
storage's audience (DEVSTACK_STORAGE_ISSUER / DEVSTACK_STORAGE_AUDIENCE).

Listens on <host> and on every `--also` address, all on the same port and all serving the same
tree: each RSE's protocol names an address of its own (127.0.0.x) so that Rucio's GeoIP sort can
place it at its site, while the seed and the tests keep using <host>. `--share` mounts a further
read-only folder (the devstack's GeoIP download) beside the RSE folders. `--tls-port` serves the
same app over HTTPS on every address too, with a self-signed certificate kept in `--tls-dir`
(storage_tls.py: why Rucio's own download client needs HTTPS).

Access policy, as on CTAO's token-protected storage:
- reads of the RSE trees (GET/HEAD with Range, PROPFIND) need a WLCG bearer token whose audience
  is this storage and whose scope holds `storage.read:<path prefix>` (storage_tokens.py): 401
  without a valid token, 403 when it grants another path or is for another audience;
- the dev writer (HTTP Basic, dev-only) may read and write: the seed's verify, the dev mover and
  tests that check bytes use it; every write method needs it;
- OPTIONS stays open (it says which methods exist, never what is stored; CORS preflights carry
  no credentials), and so do reads of the read-only `--share` folders (the GeoIP archive Rucio
  downloads without credentials).
WsgiDAV 4 does not enforce roles, so a small middleware marks an allowed read as an
authenticated reader through WsgiDAV's `trusted_auth_header`, whose environ key is not an HTTP_*
key and so cannot be sent by a client.
"""
import argparse
import os
import threading
from pathlib import Path

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from wsgidav.wsgidav_app import WsgiDAVApp

from storage_tls import ensure_certificate
from storage_tokens import IssuerKeys, ReadPolicy, Refusal, check_read, path_below_rse

READ_METHODS = {"GET", "HEAD", "PROPFIND"}
READER_KEY = "devstack.anonymous_reader"
REALM = "bdms-dev-storage"
REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden"}


def in_share(path, shares):
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in shares)


def refuse(environ, start_response, refusal):
    challenge = f'Bearer realm="{REALM}"'
    if refusal.error:
        description = refusal.reason.replace('"', "'")
        challenge += f', error="{refusal.error}", error_description="{description}"'
    body = f"{refusal.reason}\n".encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    if refusal.status in (401, 403):
        headers.append(("WWW-Authenticate", challenge))
    start_response(f"{refusal.status} {REASONS.get(refusal.status, 'Refused')}", headers)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def authorize_read(environ, shares, policy):
    """Marks an allowed read (None) or says why it is refused (a Refusal)."""
    path = environ.get("PATH_INFO") or "/"
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    if environ.get("REQUEST_METHOD") in READ_METHODS:
        try:
            path_below_rse(path)  # no '..' out of a share into the RSE trees either
        except Refusal as refusal:
            return refusal
    if environ.get("REQUEST_METHOD") == "OPTIONS" or (
            environ.get("REQUEST_METHOD") in READ_METHODS and in_share(path, shares)):
        environ[READER_KEY] = "anonymous"
        return None
    if environ.get("REQUEST_METHOD") not in READ_METHODS or authorization.lower().startswith("basic "):
        return None  # WsgiDAV checks the writer's Basic credential
    if policy is None:
        return Refusal(401, "this storage has no token issuer configured; only the dev writer may read")
    try:
        claims = check_read(authorization, path, policy)
    except Refusal as refusal:
        return refusal
    environ[READER_KEY] = f"bearer:{claims.get('sub', '?')}"
    environ.pop("HTTP_AUTHORIZATION", None)
    return None


def make_app(root, user, password, shares=None, policy=None):
    """`policy`: how bearer tokens are checked (None: no token is accepted)."""
    mapping = {"/": {"root": root, "readonly": False}}
    for path, folder in (shares or {}).items():
        mapping[path] = {"root": folder, "readonly": True}
    config = {
        "provider_mapping": mapping,
        "http_authenticator": {
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
            "trusted_auth_header": READER_KEY,
        },
        "simple_dc": {"user_mapping": {"*": {user: {"password": password, "roles": ["editor"]}}}},
        "dir_browser": {"enable": True},
        "lock_storage": True,
        "property_manager": True,
        "verbose": 3,
        "logging": {"enable_loggers": []},
    }
    dav = WsgiDAVApp(config)

    share_paths = list(shares or {})

    def app(environ, start_response):
        environ.pop(READER_KEY, None)
        refusal = authorize_read(environ, share_paths, policy)
        if refusal is not None:
            return refuse(environ, start_response, refusal)
        return dav(environ, start_response)

    return app


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="storage_server.py")
    p.add_argument("root")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--also", default="", help="further addresses to listen on, comma-separated")
    p.add_argument("--share", action="append", default=[], metavar="/PATH=DIR",
                   help="a read-only folder served at /PATH")
    p.add_argument("--tls-port", type=int, help="also serve HTTPS on this port, on every address")
    p.add_argument("--tls-dir", help="where the self-signed certificate and its key are kept")
    args = p.parse_args(argv)
    if (args.tls_port is None) != (args.tls_dir is None):
        p.error("--tls-port and --tls-dir go together")
    return args


def main():
    args = parse_args()
    shares = dict(s.split("=", 1) for s in args.share)
    issuer = os.environ.get("DEVSTACK_STORAGE_ISSUER")
    policy = ReadPolicy(issuer, os.environ["DEVSTACK_STORAGE_AUDIENCE"], IssuerKeys(issuer)) if issuer else None
    app = make_app(args.root, os.environ["DEVSTACK_STORAGE_USER"], os.environ["DEVSTACK_STORAGE_PASSWORD"],
                   shares, policy)
    hosts = [args.host, *[h for h in args.also.split(",") if h and h != args.host]]
    # One cheroot server per address (a socket binds one); the RSE addresses see little traffic.
    servers = [wsgi.Server((h, args.port), app, numthreads=16 if h == args.host else 8) for h in hosts]
    if args.tls_port is not None:
        cert, key = ensure_certificate(Path(args.tls_dir), hosts)
        for h in hosts:
            tls = wsgi.Server((h, args.tls_port), app, numthreads=4)
            tls.ssl_adapter = BuiltinSSLAdapter(str(cert), str(key))
            servers.append(tls)
    for server in servers:
        server.prepare()  # binds now: a taken address fails the start, not a thread later
    for server in servers[1:]:
        threading.Thread(target=server.serve, daemon=True).start()
    print(f"storage: serving {args.root} on port {args.port} of {', '.join(hosts)}"
          f"{f' (HTTPS on port {args.tls_port})' if args.tls_port is not None else ''}"
          f"{''.join(f'; {p} from {d}' for p, d in shares.items())}; reads need "
          f"{f'a token from {policy.issuer} for {policy.audience}' if policy else 'the writer'}", flush=True)
    try:
        servers[0].serve()
    except KeyboardInterrupt:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()

"""The dev storage: a real WebDAV/HTTP server (WsgiDAV on cheroot) over .devstack/storage.

Usage: storage_server.py <root> <host> <port> [--also HOST[,HOST...]] [--share /PATH=DIR];
the writer's credentials come from the environment (DEVSTACK_STORAGE_USER /
DEVSTACK_STORAGE_PASSWORD), not argv, to keep them out of `ps`.

Listens on <host> and on every `--also` address, all on the same port and all serving the same
tree: each RSE's protocol names an address of its own (127.0.0.x) so that Rucio's GeoIP sort can
place it at its site, while the seed and the tests keep using <host>. `--share` mounts a further
read-only folder (the devstack's GeoIP download) beside the RSE folders.

Access policy: anyone may read (GET/HEAD with Range, OPTIONS, PROPFIND); every write method
needs HTTP Basic auth as the dev writer. WsgiDAV 4 does not enforce roles, so a small middleware
marks read requests as an authenticated "anonymous" reader through WsgiDAV's
`trusted_auth_header`, whose environ key is not an HTTP_* key and so cannot be sent by a client.
"""
import argparse
import os
import threading

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp

READ_METHODS = {"GET", "HEAD", "OPTIONS", "PROPFIND"}
READER_KEY = "devstack.anonymous_reader"


def make_app(root, user, password, shares=None):
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

    def app(environ, start_response):
        environ.pop(READER_KEY, None)
        if environ.get("REQUEST_METHOD") in READ_METHODS:
            environ[READER_KEY] = "anonymous"
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
    return p.parse_args(argv)


def main():
    args = parse_args()
    shares = dict(s.split("=", 1) for s in args.share)
    app = make_app(args.root, os.environ["DEVSTACK_STORAGE_USER"], os.environ["DEVSTACK_STORAGE_PASSWORD"],
                   shares)
    hosts = [args.host, *[h for h in args.also.split(",") if h and h != args.host]]
    # One cheroot server per address (a socket binds one); the RSE addresses see little traffic.
    servers = [wsgi.Server((h, args.port), app, numthreads=16 if h == args.host else 8) for h in hosts]
    for server in servers:
        server.prepare()  # binds now: a taken address fails the start, not a thread later
    for server in servers[1:]:
        threading.Thread(target=server.serve, daemon=True).start()
    print(f"storage: serving {args.root} on port {args.port} of {', '.join(hosts)}"
          f"{''.join(f'; {p} from {d}' for p, d in shares.items())}", flush=True)
    try:
        servers[0].serve()
    except KeyboardInterrupt:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()

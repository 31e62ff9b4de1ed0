"""The dev storage: a real WebDAV/HTTP server (WsgiDAV on cheroot) over .devstack/storage.

Usage: storage_server.py <root> <host> <port>; the writer's credentials come from the
environment (DEVSTACK_STORAGE_USER / DEVSTACK_STORAGE_PASSWORD), not argv, to keep them out of `ps`.

Access policy: anyone may read (GET/HEAD with Range, OPTIONS, PROPFIND); every write method
needs HTTP Basic auth as the dev writer. WsgiDAV 4 does not enforce roles, so a small middleware
marks read requests as an authenticated "anonymous" reader through WsgiDAV's
`trusted_auth_header`, whose environ key is not an HTTP_* key and so cannot be sent by a client.
"""
import os
import sys

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp

READ_METHODS = {"GET", "HEAD", "OPTIONS", "PROPFIND"}
READER_KEY = "devstack.anonymous_reader"


def make_app(root, user, password):
    config = {
        "provider_mapping": {"/": {"root": root, "readonly": False}},
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


def main():
    root, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = make_app(root, os.environ["DEVSTACK_STORAGE_USER"], os.environ["DEVSTACK_STORAGE_PASSWORD"])
    server = wsgi.Server((host, port), app, numthreads=16)
    print(f"storage: serving {root} on http://{host}:{port}/", flush=True)
    try:
        server.start()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()

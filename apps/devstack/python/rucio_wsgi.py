"""Rucio's WSGI application behind gunicorn, with Apache's `AllowEncodedSlashes NoDecode`.

CTAO's policy package parses `/dids/<scope>/<name>` with SCOPE_NAME_REGEXP `/([^/]*)(?=/)(.*)`
and its names start with `/`. Production CTAO runs Rucio under Apache with NoDecode and
RUCIO_HTTPD_ENCODED_SLASHES_NO_DECODE=true, so a client sends the name URL-encoded
(`/dids/acada/%2Fctao%2Facada%2F...`, like Rucio's own client) and Rucio splits at the one
unencoded slash. gunicorn decodes `%2F` into PATH_INFO, which turns that into `acada//ctao/...`
and the CTAO regexp yields the name `//ctao/...`. This wrapper rebuilds PATH_INFO from the raw
request URI, decoding everything except `%2F`, exactly as Apache's NoDecode does.
"""
import re
from urllib.parse import unquote_to_bytes

from rucio.web.rest.flaskapi.v1.main import application as rucio_application

_ENCODED_SLASH = re.compile(r"(%2[Ff])")


def no_decode_path(raw_path: str) -> str:
    """Percent-decode a raw path except `%2F`; returns a PEP 3333 (latin-1) string."""
    parts = _ENCODED_SLASH.split(raw_path)
    decoded = b"".join(p.encode("latin-1") if _ENCODED_SLASH.fullmatch(p) else unquote_to_bytes(p) for p in parts)
    return decoded.decode("latin-1")


def application(environ, start_response):
    raw_uri = environ.get("RAW_URI")
    if raw_uri and "%2" in raw_uri.upper():
        path = raw_uri.split("?", 1)[0]
        script_name = environ.get("SCRIPT_NAME", "")
        if path.startswith(script_name):
            environ["PATH_INFO"] = no_decode_path(path[len(script_name):])
    return rucio_application(environ, start_response)

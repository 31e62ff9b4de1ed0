"""The dev storage's self-signed certificate (storage_tls.py) and HTTPS through a real cheroot."""

import ssl
import threading
import urllib.request

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from cryptography import x509

from storage_tls import ensure_certificate


def test_the_certificate_names_every_address_and_is_kept_until_an_address_is_added(tmp_path):
    cert, key = ensure_certificate(tmp_path, ["127.0.0.1", "127.0.0.11"])
    names = x509.load_pem_x509_certificate(cert.read_bytes()).extensions.get_extension_for_class(
        x509.SubjectAlternativeName).value
    assert {str(ip) for ip in names.get_values_for_type(x509.IPAddress)} == {"127.0.0.1", "127.0.0.11"}
    assert key.stat().st_mode & 0o077 == 0
    first = cert.read_bytes()
    assert ensure_certificate(tmp_path, ["127.0.0.11"])[0].read_bytes() == first
    assert ensure_certificate(tmp_path, ["127.0.0.1", "127.0.0.12"])[0].read_bytes() != first


def test_a_cheroot_server_with_it_answers_over_tls(tmp_path):
    cert, key = ensure_certificate(tmp_path, ["127.0.0.1"])

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["wsgi.url_scheme"].encode()]

    server = wsgi.Server(("127.0.0.1", 0), app)
    server.ssl_adapter = BuiltinSSLAdapter(str(cert), str(key))
    server.prepare()
    threading.Thread(target=server.serve, daemon=True).start()
    try:
        port = server.bind_addr[1]
        context = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"https://127.0.0.1:{port}/", context=context, timeout=5) as res:  # noqa: S310
            assert res.read() == b"https"
    finally:
        server.stop()

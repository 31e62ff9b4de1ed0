"""The dev storage's HTTPS side: a self-signed certificate for its loopback addresses.

WLCG storage is read over HTTPS (`https`/`davs`), and Rucio's own WebDAV client
(`rucio.rse.protocols.webdav`, what `rucio download` uses without gfal2) only handles `https` PFNs:
its `path2pfn` prefixes anything else with the RSE's URL again. So the storage also listens with
TLS, and each RSE gets a read-only `https` protocol beside its `http` one (seed/rucio_setup.py).
Rucio's WebDAV client does not verify the server's certificate (`verify=False`), so a self-signed
one is enough; the key is made once and kept in the devstack's state folder (dev only).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT = "storage-cert.pem"
KEY = "storage-key.pem"


def _covers(cert_path: Path, hosts: list[str]) -> bool:
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    if cert.not_valid_after_utc < datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1):
        return False
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    ips = {str(ip) for ip in names.get_values_for_type(x509.IPAddress)}
    return set(hosts) <= ips


def ensure_certificate(folder: Path, hosts: list[str]) -> tuple[Path, Path]:
    """(certificate, key) in `folder` for these IP addresses, made anew when missing or stale."""
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / CERT, folder / KEY
    if cert_path.exists() and key_path.exists() and _covers(cert_path, hosts):
        return cert_path, key_path
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bdms dev storage")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), *(x509.IPAddress(ipaddress.ip_address(h)) for h in hosts)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_bytes = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key_bytes)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path

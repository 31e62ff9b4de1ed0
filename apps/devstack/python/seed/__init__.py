"""Deterministic CTAO demo archive for a real Rucio 41 server (see ../../README.md, "Demo archive")."""

#: Bump when the generated archive changes: a server stamped with another version is re-filled.
SEED_VERSION = "ctao-demo-3"

"""Idempotent post-bootstrap for the dev Rucio server.

Run after <venv>/rucio/tools/bootstrap.py (schema, VO `def`, account `root`). Takes a JSON
document as its only argument:
  {"issuer": "http://127.0.0.1:4400/",
   "users": [{"account": "alice", "extra": ["lst-analysis"], "sub": "<uuid>", "email": "...",
              "admin": false}, ...]}
and makes sure that root and the admin users carry the `admin` account attribute (Rucio's
generic permission policy checks the key's presence), that each user account exists, and that
its OIDC identity `SUB=<sub>, ISS=<issuer>` maps to it as the default account, and to each `extra`
account (a GROUP account, created if missing) as a further, non-default one. Prints one JSON
summary line of what it changed.
"""
import json
import sys

from rucio.common.types import InternalAccount
from rucio.core.account import add_account, account_exists, add_account_attribute, list_account_attributes
from rucio.core.identity import add_account_identity, exist_identity_account
from rucio.core.oidc import oidc_identity_string
from rucio.db.sqla.constants import AccountType, DatabaseOperationType, IdentityType
from rucio.db.sqla.session import db_session


def ensure_admin(account, session, changes):
    keys = {attr["key"] for attr in list_account_attributes(account, session=session)}
    if "admin" not in keys:
        add_account_attribute(account, "admin", True, session=session)
        changes.append(f"admin attribute on {account.external}")


def ensure_user(user, issuer, session, changes):
    account = InternalAccount(user["account"])
    if not account_exists(account, session=session):
        add_account(account, AccountType.USER, user["email"], session=session)
        changes.append(f"account {user['account']}")
    if user.get("admin"):
        ensure_admin(account, session, changes)
    identity = oidc_identity_string(user["sub"], issuer)
    if not exist_identity_account(identity, IdentityType.OIDC, account, session=session):
        add_account_identity(identity, IdentityType.OIDC, account, user["email"], default=True, session=session)
        changes.append(f"identity {identity} -> {user['account']}")
    for name in user.get("extra", []):
        extra = InternalAccount(name)
        if not account_exists(extra, session=session):
            add_account(extra, AccountType.GROUP, user["email"], session=session)
            changes.append(f"account {name}")
        if not exist_identity_account(identity, IdentityType.OIDC, extra, session=session):
            add_account_identity(identity, IdentityType.OIDC, extra, user["email"], default=False, session=session)
            changes.append(f"identity {identity} -> {name} (not default)")


def main():
    spec = json.loads(sys.argv[1])
    changes = []
    with db_session(DatabaseOperationType.WRITE) as session:
        ensure_admin(InternalAccount("root"), session, changes)
        for user in spec["users"]:
            if not user.get("account"):
                continue  # deliberately unmapped demo user: Rucio must not know her identity
            ensure_user(user, spec["issuer"], session, changes)
    print(json.dumps({"changes": changes}))


if __name__ == "__main__":
    main()

"""One transfer loop per Rucio database, held by a PostgreSQL advisory lock for the process's life.

Two loops would break the ordering each keeps: one loop's poller could run between the other's
submitter and mover and report a transfer DONE before its bytes exist. The supervisor starts one
per checkout; this also covers a second checkout on the same database and a loop run by hand.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from rucio.db.sqla.session import get_engine

#: Any fixed 64-bit key; this one spells "bdmsxfer".
LOCK_KEY = 0x62646D7378666572


def hold_single_loop_lock() -> Connection | None:
    """The connection holding the lock (keep it open), or None when another loop holds it.

    On a database without advisory locks (SQLite) there is nothing to hold: a dummy connection.
    """
    connection = get_engine().connect()
    if connection.dialect.name != "postgresql":
        return connection
    held = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY}).scalar()
    connection.commit()
    if held:
        return connection
    connection.close()
    return None

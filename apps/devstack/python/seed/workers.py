"""A few Rucio clients calling in parallel: the server has several gunicorn workers, and the
bench archive's ~300 bulk calls are server-bound, so 2-4 concurrent calls cut the wall time."""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rucio.client import Client

T = TypeVar("T")
log = logging.getLogger("seed")


class Workers:
    """`run` applies a call to every item, each on some idle client (a requests Session is not
    meant to be shared between threads, so every thread borrows a whole client)."""

    def __init__(self, clients: list[Client], retry_on: tuple[type[BaseException], ...] = (),
                 retries: int = 5, backoff: float = 2.0) -> None:
        if not clients:
            raise ValueError("at least one client")
        self.size = len(clients)
        # Rucio restarting under us (the stack's `up` restarts it when its config changes) shows
        # up as ServerConnectionException: connection refused, so the call never reached it.
        self.retry_on, self.retries, self.backoff = retry_on, retries, backoff
        self._idle: queue.Queue[Client] = queue.Queue()
        for client in clients:
            self._idle.put(client)

    def _with_client(self, call: Callable[[Client, T], object], item: T) -> None:
        client = self._idle.get()
        try:
            for attempt in range(self.retries + 1):
                try:
                    call(client, item)
                    return
                except self.retry_on as exc:
                    if attempt == self.retries:
                        raise
                    delay = self.backoff * 2**attempt
                    log.warning("bulk call failed (%s); retry %d in %.0fs", exc, attempt + 1, delay)
                    time.sleep(delay)
        finally:
            self._idle.put(client)

    def run(self, call: Callable[[Client, T], object], items: Iterable[T]) -> None:
        """Blocks until every call is done; the first failure is re-raised."""
        batch = list(items)
        if self.size == 1 or len(batch) <= 1:
            for item in batch:
                self._with_client(call, item)
            return
        with ThreadPoolExecutor(max_workers=self.size) as pool:
            for future in [pool.submit(self._with_client, call, item) for item in batch]:
                future.result()

"""Run Rucio daemons once, against the server's own rucio.cfg, so that usage numbers are real."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

log = logging.getLogger("seed")

#: judge-evaluator: files attached after a rule; abacus-*: account, RSE and dataset-replica usage.
DAEMONS = ("rucio-judge-evaluator", "rucio-abacus-account", "rucio-abacus-rse",
           "rucio-abacus-collection-replica")


def run_daemons(server_config: Path, log_dir: Path | None = None) -> dict[str, float]:
    """Each daemon `--run-once`, sequentially. Raises with the daemon's output tail on failure."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "RUCIO_CONFIG": str(server_config)}
    timings: dict[str, float] = {}
    for daemon in DAEMONS:
        start = time.monotonic()
        result = subprocess.run([str(bin_dir / daemon), "--run-once"], env=env,
                                capture_output=True, text=True, timeout=600, check=False)
        timings[daemon] = round(time.monotonic() - start, 2)
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            (log_dir / f"seed-{daemon}.log").write_text(result.stdout + result.stderr)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr)[-2000:]
            raise RuntimeError(f"{daemon} --run-once exited {result.returncode}:\n{tail}")
        log.info("%s --run-once: %.1fs", daemon, timings[daemon])
    return timings

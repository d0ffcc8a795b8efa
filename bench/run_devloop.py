"""How long the dev runner (`make run`, scripts/run.py) takes to be ready: first run and warm restart.

A cold start on a fresh data directory (PostgreSQL's initdb, every migration, the demo data of
10,000 products), stopped with Ctrl-C, then a warm start on the same data, stopped the same way;
``--rounds`` warm starts, the median kept. Time to ready is from starting scripts/run.py to its
"Press Ctrl-C to stop." line (every service answering /readyz). The target for the warm start is
under 15 s on the 2-core development machine (README, "The dev loop").

Writes bench/results/devloop.json and its section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.results_file import replace_section, store_run  # noqa: E402
from devtools.testing.devrunner import READY_LINE, DevRunnerProcess  # noqa: E402

RESULTS_JSON = REPO_ROOT / "bench" / "results" / "devloop.json"
WARM_TARGET_SECONDS = 15.0


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def one_start(data_dir: Path) -> dict[str, Any]:
    runner = DevRunnerProcess(data_dir).start()
    try:
        ready = runner.wait_for(READY_LINE, 900)
        postgres = runner.wait_for("PostgreSQL ready", 1)
        code = runner.interrupt()
        if code != 0:
            raise RuntimeError(f"the runner exited with {code} on Ctrl-C:\n{runner.text()}")
        if left := runner.descendants():
            raise RuntimeError(f"processes left after Ctrl-C: {left}")
        return {
            "ready_seconds": round(ready, 1),
            "postgres_ready_seconds": round(postgres, 1),
            "prepared": [line.split()[0] for line in runner.output if "preparing:" in line],
            "lines_until_ready": runner.output.index(READY_LINE) + 1,
        }
    finally:
        runner.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="warm starts to take the median of (default 3)")
    args = parser.parse_args()
    # Under .data: as root, pgserver runs PostgreSQL as its own user, who must reach the directory.
    (REPO_ROOT / ".data").mkdir(exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-devloop-", dir=REPO_ROOT / ".data"))
    try:
        say("cold start (fresh data directory) ...")
        cold = one_start(data_dir)
        say(f"  ready in {cold['ready_seconds']} s")
        warm = []
        for round_number in range(1, args.rounds + 1):
            say(f"warm start {round_number} of {args.rounds} ...")
            warm.append(one_start(data_dir))
            say(f"  ready in {warm[-1]['ready_seconds']} s")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    warm_median = statistics.median(run["ready_seconds"] for run in warm)
    results = {
        "scale": "default",
        "cold": cold,
        "warm": warm,
        "warm_median_seconds": warm_median,
        "warm_target_seconds": WARM_TARGET_SECONDS,
        "ratio_warm_to_target": round(warm_median / WARM_TARGET_SECONDS, 3),
        "ratio_warm_to_cold": round(warm_median / cold["ready_seconds"], 3),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }
    store_run(RESULTS_JSON, results, f"python bench/run_devloop.py --rounds {args.rounds}")
    replace_section(
        "devloop",
        [
            "## Dev loop: `make run` until ready",
            "",
            f"Recorded by `python bench/run_devloop.py --rounds {args.rounds}` on {os.cpu_count()} cores "
            f"(load average {results['load_average_1m_at_end']} at the end); time from starting "
            'scripts/run.py to every service answering /readyz (README, "The dev loop").',
            "",
            "| start | ready in | what it did |",
            "|---|---|---|",
            f"| cold (fresh data directory) | {cold['ready_seconds']} s | "
            f"PostgreSQL initdb, migrations and demo data for {', '.join(cold['prepared'])} |",
            *(
                f"| warm {number} | {run['ready_seconds']} s | "
                f"{'prepared ' + ', '.join(run['prepared']) if run['prepared'] else 'nothing to prepare'} |"
                for number, run in enumerate(warm, 1)
            ),
            "",
            f"Warm median {warm_median} s against the target of {WARM_TARGET_SECONDS:.0f} s: ratio "
            f"{results['ratio_warm_to_target']} (< 1 meets it); warm ÷ cold {results['ratio_warm_to_cold']}.",
        ],
    )
    say(f"warm median {warm_median} s (target {WARM_TARGET_SECONDS:.0f} s); cold {cold['ready_seconds']} s")


if __name__ == "__main__":
    main()

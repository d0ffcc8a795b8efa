"""Checks, before a release's migrations, that a service's Secret exists with every key it needs.

The chart's pre-install hook Job of each service runs ``python -m common.preflight`` with the
Secret mounted as an *optional* volume: a missing Secret then gives an empty directory instead
of a pod that never starts, so the check can name what is missing and fail within seconds.
Without it, a Job that reads a missing Secret waits in CreateContainerConfigError until its
deadline or Helm's timeout, and says nothing about why.

Only files are read: the hook needs no access to the Kubernetes API.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def missing_keys(directory: Path, required: Sequence[str]) -> list[str] | None:
    """The required keys that are absent or empty; None when the Secret itself is absent (an
    optional Secret volume of a missing Secret is an empty directory)."""
    if not directory.is_dir() or not any(directory.iterdir()):
        return None
    return [key for key in required if not (directory / key).is_file() or not (directory / key).read_bytes().strip()]


def check(*, secret: str, value: str, directory: Path, required: Sequence[str]) -> str | None:
    """A message naming what is wrong, or None when every required key has a value."""
    missing = missing_keys(directory, required)
    if missing is None:
        return (
            f'Secret "{secret}" ({value}) does not exist in this namespace, or is empty: create it '
            f'with the keys {", ".join(required)} before installing (docs/deploy.md, "Secrets").'
        )
    if missing:
        return (
            f'Secret "{secret}" ({value}) has no value for {", ".join(missing)}: add '
            f'{"it" if len(missing) == 1 else "them"} before installing (docs/deploy.md, "Secrets").'
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m common.preflight", description=__doc__)
    parser.add_argument("--secret", required=True, help="the Secret's name")
    parser.add_argument("--value", required=True, help="the chart value that names it")
    parser.add_argument("--dir", required=True, type=Path, help="where the Secret is mounted")
    parser.add_argument("--require", action="append", default=[], help="a key that must have a value")
    args = parser.parse_args(argv)
    problem = check(secret=args.secret, value=args.value, directory=args.dir, required=args.require)
    if problem:
        # The pod's last log line becomes its termination message (FallbackToLogsOnError), which
        # `kubectl describe` and the Job's events show.
        sys.stderr.write(problem + "\n")
        return 1
    sys.stdout.write(f'Secret "{args.secret}" has {", ".join(args.require)}.\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())

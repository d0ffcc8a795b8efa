"""bench/RESULTS.md and bench/results/*.json: each runner owns a marked section of the page
(``<!-- name:begin -->`` ... ``<!-- name:end -->``) and rewrites only that."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

RESULTS_MD = Path(__file__).resolve().parent / "RESULTS.md"


def store_run(path: Path, results: dict[str, Any], command: str) -> dict[str, Any]:
    """Keep ``results`` in the JSON file under their scale, with the command and the time; the
    other scales' runs stay. Returns every scale's run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    runs: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    runs[results["scale"]] = {
        **results,
        "command": command,
        "recorded_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
    }
    path.write_text(json.dumps(runs, indent=2) + "\n")
    return runs


def replace_section(name: str, lines: list[str], *, first: bool = False) -> None:
    """Write ``lines`` as the section ``name`` of RESULTS.md: where it stands already, else at
    the end (or, with ``first``, right under the page's title)."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    section = "\n".join([begin, *lines, end])
    text = RESULTS_MD.read_text() if RESULTS_MD.exists() else "# Benchmark results\n\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) :]
    elif first:
        head, _, rest = text.partition("\n\n")
        text = f"{head}\n\n{section}\n\n{rest}"
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS_MD.write_text(text)

"""How make clients-check compares the committed clients with freshly generated ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scripts import clients
from scripts.clients import differences


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_identical_trees_differ_in_nothing_but_build_leftovers(tmp_path: Path) -> None:
    generated = {"pkg/__init__.py": "", "pkg/api/orders.py": "x = 1\n", "setup.py": "setup()\n"}
    committed = write(tmp_path / "committed", generated | {"pkg.egg-info/PKG-INFO": "", "pkg/__pycache__/a.pyc": ""})
    assert differences(committed, write(tmp_path / "fresh", generated)) == []


def test_a_changed_missing_or_extra_file_is_reported(tmp_path: Path) -> None:
    committed = write(tmp_path / "committed", {"pkg/a.py": "x = 1\n", "pkg/extra.py": ""})
    fresh = write(tmp_path / "fresh", {"pkg/a.py": "x = 2\n", "pkg/new.py": ""})
    assert differences(committed, fresh) == [
        f"{committed / 'pkg/a.py'} (differs)",
        f"{committed / 'pkg/extra.py'} (not generated)",
        f"{committed / 'pkg/new.py'} (missing)",
    ]


def test_a_single_generated_file_is_compared_too(tmp_path: Path) -> None:
    fresh = write(tmp_path / "fresh", {"orders.d.ts": "export interface paths {}\n"})
    assert differences(tmp_path / "committed" / "orders.d.ts", fresh / "orders.d.ts") == [
        f"{tmp_path / 'committed' / 'orders.d.ts'} (missing)"
    ]
    write(tmp_path / "committed", {"orders.d.ts": "export interface paths {}\n"})
    assert differences(tmp_path / "committed" / "orders.d.ts", fresh / "orders.d.ts") == []


def test_the_clients_are_generated_as_any_consumer_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Stock generators only: no template override of ours (a consumer generating from the live
    # /api/schema/ has none), and warnings fail the run.
    commands: list[list[str]] = []

    def run(command: list[str], **_: Any) -> str:
        commands.append(command)
        return ""

    monkeypatch.setattr(clients, "run", run)
    clients.generate(tmp_path)
    python = [command for command in commands if command[0].endswith("openapi-python-client")]
    assert len(python) == len(clients.SERVICES)
    assert all("--fail-on-warning" in command for command in python)
    assert not any(part.startswith("--custom-template") for command in commands for part in command)
    assert not (clients.CLIENTS / "python" / "templates").exists()

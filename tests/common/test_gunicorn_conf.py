from pathlib import Path

import pytest

from common import gunicorn_conf


def test_a_restarted_gunicorn_starts_with_no_stale_metrics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "counter_41.db").write_bytes(b"stale")
    (tmp_path / "gauge_livesum_41.db").write_bytes(b"stale")
    (tmp_path / "keep.txt").write_text("not a metrics file")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    gunicorn_conf.on_starting(server=None)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["keep.txt"]


def test_nothing_to_clean_without_a_metrics_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    gunicorn_conf.on_starting(server=None)


def test_a_first_start_creates_the_metrics_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "run" / "prometheus"
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(directory))
    gunicorn_conf.on_starting(server=None)
    assert directory.is_dir()

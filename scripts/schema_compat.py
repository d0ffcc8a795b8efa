"""Fail on a breaking change to a committed OpenAPI schema unless its API version was raised.

    python scripts/schema_compat.py     # make schema-compat, part of make test

Each `<svc>_service/openapi.yaml` in the work tree is compared with the same file at the
baseline: the newest `v*` tag reachable from HEAD; without one, the commit on main this work
forked from (HEAD's first parent when HEAD is main itself). A schema that did not exist at the
baseline (or a repository with no baseline at all, such as a first commit) has nothing to break.

Breaking, for a client generated from the old schema:
- an operation removed, or a 2xx response status of an operation removed;
- a response field removed, made optional or made nullable, or its type changed, or a value
  added to its enum (a client generated from the old schema refuses the new value);
- a new required request field or required parameter;
- a request field or parameter narrowed: its type changed (other than integer to number),
  an enum value removed, a bound or length tightened, a pattern added or changed, or null no
  longer allowed.

Such a change passes only when `info.version` (SPECTACULAR_SETTINGS["VERSION"], set through
`spectacular_settings(version=...)` in the service's settings) is higher than at the baseline.

Why not a maintained tool: oasdiff, the reference, is a Go program, and CI reaches only PyPI,
npm and Debian; Atlassian's openapi-diff (npm) compares request schemas as sets of JSON values,
so it reports every new optional request field as breaking (the schemas leave
additionalProperties open); no PyPI package of the kind is established. This is the small subset
we need, tested in tests/common/test_schema_compat.py.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("accounts", "catalog", "orders")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Tightened when the new value is below (upper bounds) or above (lower bounds) the old one.
UPPER_BOUNDS = ("maximum", "maxLength", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minimum", "minLength", "minItems", "minProperties")

Schema = dict[str, Any]


class Comparison:
    """The breaking changes between two versions of one OpenAPI document."""

    def __init__(self, old: Schema, new: Schema) -> None:
        self.old, self.new = old, new
        self.found: list[str] = []
        self._seen: set[tuple[str, str, str]] = set()

    def run(self) -> list[str]:
        old_paths, new_paths = self.old.get("paths", {}), self.new.get("paths", {})
        for path, old_item in old_paths.items():
            for method in METHODS:
                if method not in old_item:
                    continue
                where = f"{method.upper()} {path}"
                new_operation = new_paths.get(path, {}).get(method)
                if new_operation is None:
                    self.found.append(f"{where}: operation removed")
                    continue
                self.operation(where, old_item, old_item[method], new_paths[path], new_operation)
        return self.found

    def operation(self, where: str, old_item: Schema, old: Schema, new_item: Schema, new: Schema) -> None:
        self.operation_parameters(where, old_item, old, new_item, new)
        self.operation_body(where, old, new)
        self.operation_responses(where, old, new)

    def operation_parameters(self, where: str, old_item: Schema, old: Schema, new_item: Schema, new: Schema) -> None:
        old_parameters = self.parameters(old_item, old, self.old)
        for key, parameter in self.parameters(new_item, new, self.new).items():
            label = f"{where}: {key[0]} parameter {key[1]}"
            if key not in old_parameters:
                if parameter.get("required"):
                    self.found.append(f"{label}: new and required")
                continue
            if parameter.get("required") and not old_parameters[key].get("required"):
                self.found.append(f"{label}: now required")
            self.request(label, old_parameters[key].get("schema", {}), parameter.get("schema", {}))

    def operation_body(self, where: str, old: Schema, new: Schema) -> None:
        old_body = self.resolve(old.get("requestBody", {}), self.old)
        new_body = self.resolve(new.get("requestBody", {}), self.new)
        if new_body.get("required") and old_body and not old_body.get("required"):
            self.found.append(f"{where}: request body now required")
        for media_type, content in new_body.get("content", {}).items():
            old_content = old_body.get("content", {}).get(media_type)
            if old_content is not None:
                self.request(f"{where}: request {media_type}", old_content.get("schema", {}), content.get("schema", {}))

    def operation_responses(self, where: str, old: Schema, new: Schema) -> None:
        new_responses = new.get("responses", {})
        for status, old_response in old.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue  # errors share one documented shape, checked where it is defined
            if status not in new_responses:
                self.found.append(f"{where}: response {status} removed")
                continue
            new_content = self.resolve(new_responses[status], self.new).get("content", {})
            for media_type, content in self.resolve(old_response, self.old).get("content", {}).items():
                label = f"{where}: response {status} {media_type}"
                if media_type not in new_content:
                    self.found.append(f"{label}: removed")
                else:
                    self.response(label, content.get("schema", {}), new_content[media_type].get("schema", {}))

    def parameters(self, item: Schema, operation: Schema, document: Schema) -> dict[tuple[str, str], Schema]:
        found = {}
        for reference in [*item.get("parameters", []), *operation.get("parameters", [])]:
            parameter = self.resolve(reference, document)
            name = parameter["name"].lower() if parameter["in"] == "header" else parameter["name"]
            found[parameter["in"], name] = parameter
        return found

    def resolve(self, node: Schema, document: Schema) -> Schema:
        """``node`` with its ``$ref`` followed in ``document`` (the one it came from) and allOf merged."""
        while "$ref" in node:
            target: Any = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
        if "allOf" in node:
            merged: Schema = {key: value for key, value in node.items() if key != "allOf"}
            for reference in node["allOf"]:
                part = self.resolve(reference, document)
                merged["properties"] = {**merged.get("properties", {}), **part.get("properties", {})}
                merged["required"] = [*merged.get("required", []), *part.get("required", [])]
                merged.update({key: value for key, value in part.items() if key not in ("properties", "required")})
            node = merged
        return node

    def pair(self, direction: str, old: Schema, new: Schema) -> tuple[Schema, Schema] | None:
        """Both schemas resolved, or None when this pair of components was compared already (which
        also ends the walk through a recursive model)."""
        if "$ref" in old and "$ref" in new:
            key = (direction, old["$ref"], new["$ref"])
            if key in self._seen:
                return None
            self._seen.add(key)
        return self.resolve(old, self.old), self.resolve(new, self.new)

    def response(self, where: str, old: Schema, new: Schema) -> None:
        resolved = self.pair("response", old, new)
        if resolved is None:
            return
        old, new = resolved
        if old.get("type") != new.get("type") and not (old.get("type") == "number" and new.get("type") == "integer"):
            self.found.append(f"{where}: type {old.get('type')} became {new.get('type')}")
            return
        if new.get("nullable") and not old.get("nullable"):
            self.found.append(f"{where}: may now be null")
        if "enum" in old and ("enum" not in new or set(new["enum"]) - set(old["enum"])):
            # Generated clients turn an enum into a closed type: openapi-python-client's models raise
            # ValueError on a value the enum does not name, and so do our own typed clients.
            self.found.append(f"{where}: enum widened to {new.get('enum', 'any value')}")
        new_properties, new_required = new.get("properties", {}), set(new.get("required", []))
        for name, old_property in old.get("properties", {}).items():
            if name not in new_properties:
                self.found.append(f"{where}: field {name} removed")
                continue
            if name in old.get("required", []) and name not in new_required:
                self.found.append(f"{where}: field {name} may now be missing")
            self.response(f"{where}.{name}", old_property, new_properties[name])
        if "items" in old and "items" in new:
            self.response(f"{where}[]", old["items"], new["items"])

    def request(self, where: str, old: Schema, new: Schema) -> None:
        resolved = self.pair("request", old, new)
        if resolved is None:
            return
        old, new = resolved
        if old.get("type") != new.get("type") and not (old.get("type") == "integer" and new.get("type") == "number"):
            self.found.append(f"{where}: type {old.get('type')} became {new.get('type')}")
            return
        self.request_values(where, old, new)
        old_properties, old_required = old.get("properties", {}), set(old.get("required", []))
        for name in new.get("required", []):
            if name not in old_required:
                self.found.append(f"{where}: field {name} {'now' if name in old_properties else 'new and'} required")
        for name, new_property in new.get("properties", {}).items():
            if name in old_properties:
                self.request(f"{where}.{name}", old_properties[name], new_property)
        if "items" in old and "items" in new:
            self.request(f"{where}[]", old["items"], new["items"])

    def request_values(self, where: str, old: Schema, new: Schema) -> None:
        """A value the old schema accepted that the new one refuses."""
        if old.get("nullable") and not new.get("nullable"):
            self.found.append(f"{where}: null no longer accepted")
        if "enum" in new and ("enum" not in old or set(old["enum"]) - set(new["enum"])):
            self.found.append(f"{where}: enum narrowed to {new['enum']}")
        for bound in UPPER_BOUNDS:
            if bound in new and (bound not in old or new[bound] < old[bound]):
                self.found.append(f"{where}: {bound} tightened to {new[bound]}")
        for bound in LOWER_BOUNDS:
            if bound in new and (bound not in old or new[bound] > old[bound]):
                self.found.append(f"{where}: {bound} tightened to {new[bound]}")
        if "pattern" in new and new["pattern"] != old.get("pattern"):
            self.found.append(f"{where}: pattern now {new['pattern']}")


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    return Comparison(old, new).run()


def version(schema: Schema) -> tuple[int, ...]:
    return tuple(int(part) for part in str(schema["info"]["version"]).split("."))


def git(*args: str, cwd: Path) -> str | None:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603, S607
    return result.stdout.strip() if result.returncode == 0 else None


def baseline(repo: Path) -> tuple[str, str] | None:
    """The commit to compare with and why it is the one; None when there is nothing before HEAD."""
    tag = git("describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD", cwd=repo)
    if tag:
        return tag, f"the last release tag {tag}"
    head = git("rev-parse", "HEAD", cwd=repo)
    for main in ("main", "origin/main"):  # a clone of a branch has main only as origin/main
        tip = git("rev-parse", "--verify", "--quiet", f"{main}^{{commit}}", cwd=repo)
        if tip is None:
            continue
        fork = git("merge-base", "HEAD", tip, cwd=repo) if tip != head else None
        if fork and fork != head:
            return fork, f"main at {fork[:12]}, where this work forked from it"
        break
    parent = git("rev-parse", "--verify", "--quiet", "HEAD^1^{commit}", cwd=repo)
    if parent:
        return parent, f"the previous commit {parent[:12]}"
    return None


def check(repo: Path) -> Iterator[tuple[bool, str]]:
    """(passed, message) per service schema."""
    base = baseline(repo)
    for service in SERVICES:
        path = f"{service}_service/openapi.yaml"
        if base is None:
            yield True, f"{path}: no earlier commit to compare with"
            continue
        old_text = git("show", f"{base[0]}:{path}", cwd=repo)
        if old_text is None:
            yield True, f"{path}: not in {base[1]}; nothing to break"
            continue
        old, new = yaml.safe_load(old_text), yaml.safe_load((repo / path).read_text())
        changes = breaking_changes(old, new)
        if not changes:
            yield True, f"{path}: no breaking change since {base[1]}"
        elif version(new) > version(old):
            yield True, f"{path}: {len(changes)} breaking change(s) since {base[1]}, version raised to {version(new)}"
        else:
            listed = "\n    ".join(changes)
            yield (
                False,
                f"{path}: breaking change(s) since {base[1]} without raising info.version "
                f"({old['info']['version']}):\n    {listed}",
            )


def main() -> int:
    failed = False
    for passed, message in check(REPO_ROOT):
        print(message, file=sys.stdout if passed else sys.stderr)
        failed |= not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

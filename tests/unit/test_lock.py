"""The lock files pin every dependency pyproject.toml names, with hashes (bin/lock makes them)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked(name: str) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} of a lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
        elif line and not line[0].isspace():
            current = None
    return pins


def declared() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    dev = [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return {"requirements.lock": runtime, "requirements-dev.lock": runtime + dev}


def _extra_requirements(req: Requirement) -> list[Requirement]:
    """What the extras in ``req`` (``psycopg[binary]``) pull in, from the installed metadata."""
    if not req.extras:
        return []
    found = []
    for text in metadata.requires(req.name) or []:
        sub = Requirement(text)
        if (
            sub.marker
            and any(sub.marker.evaluate({"extra": extra}) for extra in req.extras)
            and not sub.marker.evaluate({"extra": ""})
        ):
            found.append(sub)
    return found


@pytest.mark.parametrize("lock_name", ["requirements.lock", "requirements-dev.lock"])
def test_lock_pins_every_declared_dependency_with_hashes(lock_name: str) -> None:
    pins = locked(lock_name)
    problems = []
    for req in declared()[lock_name]:
        for wanted in [req, *_extra_requirements(req)]:
            pin = pins.get(canonicalize_name(wanted.name))
            if pin is None:
                problems.append(f"{wanted.name} (from {req}) is not locked")
            elif not wanted.specifier.contains(pin[0], prereleases=True):
                problems.append(f"{wanted.name}=={pin[0]} does not satisfy {wanted}")
    problems += [f"{name} has no --hash" for name, (_v, hashes) in pins.items() if not hashes]
    assert problems == [], "run bin/lock: " + "; ".join(problems)
    # the installed environment is the locked one
    assert metadata.version("flask") == pins["flask"][0]


def test_dev_lock_ships_the_runtime_versions() -> None:
    runtime, dev = locked("requirements.lock"), locked("requirements-dev.lock")
    differing = {n: (v, dev.get(n, ("missing", 0))[0]) for n, (v, _h) in runtime.items()}
    assert {n: vs for n, vs in differing.items() if vs[0] != vs[1]} == {}

#!/usr/bin/env python3
"""Offline audit of pinned Python packages against a copy of the PyPA advisory database.

Usage: osv_audit.py [--db DIR] [--online] LOCKFILE...

The database is a folder of OSV advisories (``vulns/<package>/*.yaml``, as in
github.com/pypa/advisory-database) with a README naming the commit and date of the copy.
Default folder: ``$DOCGEN_ADVISORY_DB``, else ``shared/advisory-db`` beside the
repository folder (``../shared/advisory-db`` from its root).

A pinned version is affected when it is listed in an advisory's ``versions`` or falls in
one of its ``ECOSYSTEM`` ranges (OSV's ``introduced`` / ``fixed`` / ``last_affected``
events, compared as PEP 440 versions with ``packaging``, PyPA's version library).
``GIT`` ranges (commits) and withdrawn advisories are ignored. Exit status: 1 when a
pinned version is affected by an advisory that names a fixed version (upgrade it), 2 when
the database cannot be read, else 0. Affected versions without a known fix are reported.

``--online`` then asks pip-audit's services (PyPI's and OSV's) about the same pins. A
service that cannot be reached, or knows none of the packages, is reported and does not
fail the audit; a vulnerability with a fix that a service reports does.

Independent of docgen: it needs only ``packaging`` and ``PyYAML`` (and pip-audit for
``--online``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

REPO = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


@dataclass
class Finding:
    package: str
    version: str
    advisory: str
    aliases: list[str]
    fixed: list[str]
    summary: str

    def line(self) -> str:
        names = ", ".join([self.advisory, *self.aliases[:2]])
        fix = f"fixed in {', '.join(self.fixed)}" if self.fixed else "no fixed version known"
        return f"{self.package} {self.version}: {names}; {fix}. {self.summary}"


@dataclass
class Report:
    snapshot: str
    pins: dict[str, str]
    advisories_read: int = 0
    findings: list[Finding] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    @property
    def fixable(self) -> list[Finding]:
        return [f for f in self.findings if f.fixed]


def default_db() -> Path:
    override = os.environ.get("DOCGEN_ADVISORY_DB")
    return Path(override) if override else REPO.parent / "shared" / "advisory-db"


def read_pins(lockfiles: list[Path]) -> dict[str, str]:
    """``name==version`` lines of pip-compile lock files, by canonical name."""
    pins: dict[str, str] = {}
    for lockfile in lockfiles:
        for line in lockfile.read_text(encoding="utf-8").splitlines():
            match = _PIN.match(line.strip())
            if match:
                pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def snapshot_of(db: Path) -> str:
    """The copy's commit and date as its README states them."""
    readme = db / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    commit = re.search(r"\b[0-9a-f]{40}\b", text)
    date = re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", text)
    return (
        f"commit {commit.group(0) if commit else 'unknown'}"
        f" of {date.group(0) if date else 'an unknown date'}"
    )


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV's evaluation of one ECOSYSTEM range: the last event at or below ``version``."""
    ordered: list[tuple[Version, str]] = []
    for event in events:
        for kind, value in event.items():
            if kind not in ("introduced", "fixed", "last_affected"):
                continue
            parsed = Version("0") if value == "0" else _version(str(value))
            if parsed is not None:
                ordered.append((parsed, kind))
    affected = False
    for at, kind in sorted(ordered, key=lambda item: item[0]):
        if kind == "introduced" and version >= at:
            affected = True
        elif (kind == "fixed" and version >= at) or (kind == "last_affected" and version > at):
            affected = False
    return affected


def affects(entry: dict[str, Any], version_text: str) -> bool:
    """Whether one ``affected[]`` entry covers the pinned version."""
    version = _version(version_text)
    listed = [str(v) for v in entry.get("versions") or []]
    if version_text in listed or (version is not None and version in map(_version, listed)):
        return True
    if version is None:
        return False
    ranges = [r for r in entry.get("ranges") or [] if r.get("type") == "ECOSYSTEM"]
    return any(in_range(version, r.get("events") or []) for r in ranges)


def fixed_versions(entry: dict[str, Any]) -> list[str]:
    return [
        str(event["fixed"])
        for r in entry.get("ranges") or []
        if r.get("type") == "ECOSYSTEM"
        for event in r.get("events") or []
        if "fixed" in event
    ]


def _advisory_files(db: Path, names: set[str]) -> list[Path]:
    vulns = db / "vulns"
    folders = [d for d in vulns.iterdir() if d.is_dir() and canonicalize_name(d.name) in names]
    return sorted(p for d in folders for p in d.iterdir() if p.suffix in (".yaml", ".yml"))


def audit(db: Path, pins: dict[str, str]) -> Report:
    if not (db / "vulns").is_dir():
        raise FileNotFoundError(f"no advisory database at {db} (vulns/ is missing)")
    report = Report(snapshot_of(db), pins)
    for path in _advisory_files(db, set(pins)):
        try:
            advisory = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            report.unparsed.append(str(path))
            continue
        report.advisories_read += 1
        if advisory.get("withdrawn"):
            continue
        for entry in advisory.get("affected") or []:
            package = entry.get("package") or {}
            name = canonicalize_name(str(package.get("name", "")))
            if package.get("ecosystem", "PyPI") != "PyPI" or name not in pins:
                continue
            if affects(entry, pins[name]):
                pinned = _version(pins[name])
                fixes = [f for f in fixed_versions(entry) if pinned is None or _newer(f, pinned)]
                summary = str(advisory.get("summary") or advisory.get("details") or "")
                report.findings.append(
                    Finding(
                        name,
                        pins[name],
                        str(advisory.get("id", path.stem)),
                        [str(a) for a in advisory.get("aliases") or []],
                        fixes,
                        " ".join(summary.split())[:160],
                    )
                )
    return report


def _newer(text: str, than: Version) -> bool:
    parsed = _version(text)
    return parsed is not None and parsed > than


def summarize_online(service: str, stdout: str, stderr: str) -> tuple[str, int]:
    """One pip-audit service's answer (``-f json``) in a line, and its fixable findings."""
    try:
        answer = json.loads(stdout) if stdout.strip() else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        last = (stderr.strip().splitlines() or ["no answer"])[-1]
        return f"online audit ({service}): service unreachable, not checked: {last[:200]}", 0
    deps = answer.get("dependencies") or []
    skipped = [d for d in deps if d.get("skip_reason")]
    checked = len(deps) - len(skipped)
    lines = [
        f"  VULNERABLE {d['name']} {d.get('version')}: {v.get('id')};"
        f" fixed in {', '.join(v.get('fix_versions') or []) or 'no fixed version known'}"
        for d in deps
        for v in d.get("vulns") or []
    ]
    fixable = sum(1 for d in deps for v in d.get("vulns") or [] if v.get("fix_versions"))
    state = "service unreachable or knows none of them" if deps and not checked else "answered"
    head = (
        f"online audit ({service}): {state}; {checked} of {len(deps)} package(s) checked,"
        f" {len(skipped)} could not be looked up, {len(lines)} vulnerable ({fixable} with a fix)"
    )
    return "\n".join([head, *lines]), fixable


def online(lockfiles: list[Path], service: str) -> tuple[str, int]:
    command = [sys.executable, "-m", "pip_audit", "--disable-pip", "--progress-spinner", "off"]
    command += ["-s", service, "-f", "json", "--timeout", "20"]
    for lockfile in lockfiles:
        command += ["-r", str(lockfile)]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
            command, capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"online audit ({service}): not run: {exc}", 0
    return summarize_online(service, done.stdout, done.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("lockfiles", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--online", action="store_true", help="also ask pip-audit's services")
    args = parser.parse_args(argv)
    db = args.db or default_db()
    pins = read_pins(args.lockfiles)
    try:
        report = audit(db, pins)
    except (FileNotFoundError, NotADirectoryError) as exc:
        print(f"offline audit: {exc}; set DOCGEN_ADVISORY_DB", file=sys.stderr)
        return 2
    print(f"offline audit: PyPA advisory database at {db}, {report.snapshot}")
    print("  (a snapshot: advisories published after that date are not known to it)")
    for finding in report.findings:
        print(f"  VULNERABLE {finding.line()}")
    for path in report.unparsed:
        print(f"  unreadable advisory file: {path}")
    print(
        f"offline audit: {len(pins)} pinned package(s), {report.advisories_read} advisories"
        f" read, {len(report.findings)} affecting a pinned version"
        f" ({len(report.fixable)} with a fix)"
    )
    status = 1 if report.fixable else 0
    if args.online:
        for service in ("pypi", "osv"):
            text, fixable = online(args.lockfiles, service)
            print(text)
            status = 1 if fixable else status
    return status


if __name__ == "__main__":
    sys.exit(main())

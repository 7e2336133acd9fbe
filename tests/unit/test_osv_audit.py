"""bin/osv_audit.py, the offline audit of the lock files, on a tiny synthetic copy of the
PyPA advisory database: a vulnerable pin fails, a fixed pin passes, withdrawn advisories
and GIT ranges are ignored, ranges and version lists follow OSV's rules."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import ROOT

_spec = importlib.util.spec_from_file_location("osv_audit", ROOT / "bin" / "osv_audit.py")
assert _spec and _spec.loader
osv_audit = importlib.util.module_from_spec(_spec)
sys.modules["osv_audit"] = osv_audit  # dataclasses look their module up
_spec.loader.exec_module(osv_audit)

COMMIT = "0123456789abcdef0123456789abcdef01234567"
ADVISORIES = {
    "Example_Pkg/PYSEC-2099-1.yaml": """
        id: PYSEC-2099-1
        summary: Remote code execution in example-pkg
        aliases: [CVE-2099-0001]
        affected:
        - package: {name: Example-Pkg, ecosystem: PyPI}
          ranges:
          - type: GIT
            repo: https://example.invalid/repo
            events: [{introduced: "0"}, {fixed: deadbeef}]
          - type: ECOSYSTEM
            events: [{introduced: "1.0"}, {fixed: 1.2.0}]
        """,
    "example-pkg/PYSEC-2099-2.yaml": """
        id: PYSEC-2099-2
        details: Withdrawn after review.
        withdrawn: "2099-01-02T00:00:00Z"
        affected:
        - package: {name: example-pkg, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}]
        """,
    "other/PYSEC-2099-3.yaml": """
        id: PYSEC-2099-3
        details: Denial of service, no release fixes it.
        affected:
        - package: {name: other, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "2.0"}, {last_affected: 2.5.1}]
        """,
    "listed/PYSEC-2099-4.yaml": """
        id: PYSEC-2099-4
        details: Only some releases.
        affected:
        - package: {name: listed, ecosystem: PyPI}
          versions: ["0.9", 1.0rc1]
        """,
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    root = tmp_path / "advisory-db"
    (root / "vulns").mkdir(parents=True)
    (root / "README.md").write_text(f"Copy of commit {COMMIT} of 2099-01-31.\n")
    for name, text in ADVISORIES.items():
        path = root / "vulns" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def _lock(tmp_path: Path, *pins: str) -> Path:
    path = tmp_path / "requirements.lock"
    path.write_text("".join(f"{pin} \\\n    --hash=sha256:00\n    # via x\n" for pin in pins))
    return path


def test_a_vulnerable_pin_fails_naming_the_advisory_and_the_fix(db, tmp_path, capsys):
    status = osv_audit.main(["--db", str(db), str(_lock(tmp_path, "example_pkg==1.1.9"))])
    out = capsys.readouterr().out
    assert status == 1
    assert f"commit {COMMIT} of 2099-01-31" in out
    assert "VULNERABLE example-pkg 1.1.9: PYSEC-2099-1, CVE-2099-0001; fixed in 1.2.0" in out
    assert "PYSEC-2099-2" not in out  # withdrawn
    assert "1 affecting a pinned version (1 with a fix)" in out


@pytest.mark.parametrize("version", ["1.2.0", "1.2.1", "0.9.9"])
def test_a_pin_outside_the_range_passes(db, tmp_path, capsys, version):
    status = osv_audit.main(["--db", str(db), str(_lock(tmp_path, f"example-pkg=={version}"))])
    assert status == 0
    assert "0 affecting a pinned version" in capsys.readouterr().out


def test_last_affected_without_a_fix_is_reported_but_does_not_fail(db, tmp_path, capsys):
    status = osv_audit.main(["--db", str(db), str(_lock(tmp_path, "other==2.5.1"))])
    out = capsys.readouterr().out
    assert status == 0
    assert "VULNERABLE other 2.5.1: PYSEC-2099-3; no fixed version known" in out
    assert osv_audit.main(["--db", str(db), str(_lock(tmp_path, "other==2.5.2"))]) == 0
    assert "0 affecting" in capsys.readouterr().out


def test_explicit_version_lists_are_matched_as_pep_440_versions(db, tmp_path):
    assert osv_audit.audit(db, {"listed": "1.0rc1"}).findings
    assert osv_audit.audit(db, {"listed": "0.9.0"}).findings  # 0.9.0 == 0.9
    assert not osv_audit.audit(db, {"listed": "1.0"}).findings


def test_the_database_defaults_beside_the_repository_and_can_be_overridden(
    db, monkeypatch, tmp_path, capsys
):
    monkeypatch.delenv("DOCGEN_ADVISORY_DB", raising=False)
    assert osv_audit.default_db() == ROOT.parent / "shared" / "advisory-db"
    monkeypatch.setenv("DOCGEN_ADVISORY_DB", str(db))
    assert osv_audit.main([str(_lock(tmp_path, "example-pkg==1.0"))]) == 1
    monkeypatch.setenv("DOCGEN_ADVISORY_DB", str(tmp_path / "missing"))
    assert osv_audit.main([str(_lock(tmp_path, "example-pkg==1.0"))]) == 2
    assert "no advisory database" in capsys.readouterr().err


def test_the_project_lock_files_are_read(tmp_path):
    pins = osv_audit.read_pins([ROOT / "requirements.lock", ROOT / "requirements-dev.lock"])
    assert "cryptography" in pins and "pytest" in pins and "pikepdf" in pins


def test_an_unreachable_online_service_is_reported_not_failed():
    text, fixable = osv_audit.summarize_online(
        "osv", "", "Traceback ...\nrequests.exceptions.ConnectionError: Max retries exceeded"
    )
    assert fixable == 0
    assert text.startswith("online audit (osv): service unreachable, not checked: ")
    assert "ConnectionError" in text
    skipped = {"name": "flask", "skip_reason": "Dependency not found on PyPI"}
    text, fixable = osv_audit.summarize_online("pypi", json.dumps({"dependencies": [skipped]}), "")
    assert fixable == 0 and "knows none of them; 0 of 1 package(s) checked" in text


def test_an_online_finding_with_a_fix_counts():
    answer = {
        "dependencies": [
            {"name": "flask", "version": "3.1.0", "vulns": []},
            {
                "name": "jinja2",
                "version": "3.1.5",
                "vulns": [{"id": "GHSA-xxxx", "fix_versions": ["3.1.6"]}],
            },
        ]
    }
    text, fixable = osv_audit.summarize_online("pypi", json.dumps(answer), "")
    assert fixable == 1
    assert "answered; 2 of 2 package(s) checked" in text
    assert "VULNERABLE jinja2 3.1.5: GHSA-xxxx; fixed in 3.1.6" in text

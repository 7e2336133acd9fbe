"""The house size limits hold over docgen/ (Python and the form's JavaScript): modules,
functions and parameter lists.

bin/sizes does the counting; no function is allowed more than 6 parameters (its
``--allow-params`` stays for a tree that must pass while a function is being split).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _sizes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bin" / "sizes"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_docgen_keeps_to_the_size_limits():
    run = _sizes("docgen")
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_module_function_or_parameter_list_over_the_limit_fails(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    source = f"def long(a, b, c, d, e, f, g):\n{body}\n" + "# filler\n" * 400
    (tmp_path / "big.py").write_text(source, encoding="utf-8")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "gen.py").write_text(source, encoding="utf-8")
    run = _sizes(str(tmp_path))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert f"    486  {tmp_path / 'big.py'}" in lines
    assert f"     86  {tmp_path / 'big.py'}:1 long" in lines
    assert f"      7  {tmp_path / 'big.py'}:1 long" in lines
    assert "gen.py" not in run.stdout


def test_methods_do_not_count_self_and_a_stale_allowance_fails(tmp_path):
    (tmp_path / "m.py").write_text(
        "class C:\n    def m(self, a, b, c, d, e, f):\n        return a\n", encoding="utf-8"
    )
    assert _sizes(str(tmp_path)).returncode == 0
    stale = _sizes(str(tmp_path), "--allow-params", f"{(tmp_path / 'm.py').as_posix()}:m")
    assert stale.returncode == 1
    assert "no longer over the parameter limit" in stale.stdout


def test_the_forms_javascript_keeps_to_the_limits_but_module_scopes(tmp_path):
    body = "\n".join(f"      x{i} = {i};" for i in range(85))
    source = (
        "(function () {\n  'use strict';\n  var parts = {};\n"
        f"  parts.rows = function (ctx) {{\n    function draw(a, b, c, d, e, f, g) {{\n{body}\n"
        "    }\n    var row = (item) => item;\n    return draw;\n  };\n}());\n"
    )
    (tmp_path / "rows.js").write_text(source, encoding="utf-8")
    run = _sizes(str(tmp_path))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    where = tmp_path / "rows.js"
    # the file's wrapper and the part's factory are module scopes: only draw is listed
    assert [line for line in lines if str(where) in line] == [
        f"     87  {where}:5 draw",
        f"      7  {where}:5 draw",
    ]


def test_the_forms_scripts_are_checked():
    run = _sizes("docgen/web/static", "--function-lines", "20")
    assert run.returncode == 1
    assert "docgen/web/static/pairs.js" in run.stdout

"""Every command answers as the installed script and as ``python -m docgen.cli``.

``python -m docgen.cli`` runs the module as ``__main__``: a command group added after
``main()`` would be missing there (``No such command``) while the installed script still
had it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from docgen.cli import main

pytestmark = pytest.mark.slow

SCRIPT = Path(sys.executable).with_name("docgen")
GROUPS = sorted(name for name, cmd in main.commands.items() if isinstance(cmd, click.Group))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def test_module_help_lists_every_command():
    result = _run(sys.executable, "-m", "docgen.cli", "--help")
    assert result.returncode == 0, result.stderr
    for name in main.commands:
        assert f"  {name} " in result.stdout


@pytest.mark.parametrize("group", GROUPS)
def test_a_subcommand_of_each_group_answers_through_python_m(group):
    sub = sorted(main.commands[group].commands)[0]  # type: ignore[attr-defined]
    result = _run(sys.executable, "-m", "docgen.cli", group, sub, "--help")
    assert result.returncode == 0, result.stderr
    assert f"Usage: python -m docgen.cli {group} {sub}" in result.stdout


# what only running a command needs: the settings, the document models, the database, the
# renderers. Help, asked of a script on every call, starts without them.
HEAVY = ("pydantic", "pydantic_settings", "sqlalchemy", "weasyprint", "docx", "docgen.config")


@pytest.mark.parametrize("args", [("--help",), ("profile", "list", "--help")], ids=" ".join)
def test_help_imports_no_settings_models_database_or_renderer(args):
    result = _run(sys.executable, "-X", "importtime", "-m", "docgen.cli", *args)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "docgen.cli_common" in imported  # the log is read: it names the modules
    assert sorted(imported & set(HEAVY)) == []


def test_the_installed_script_runs_a_template_command():
    result = _run(str(SCRIPT), "template", "list", "--help")
    assert result.returncode == 0, result.stderr
    assert "列出模板版本" in result.stdout


def test_the_command_groups_include_template_and_calc():
    assert {"template", "calc", "batch", "profile", "reference"} <= set(GROUPS)

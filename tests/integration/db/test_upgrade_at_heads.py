"""A database already at the newest schema is opened without running Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from docgen import db

ROOT = Path(__file__).resolve().parents[3]


def test_the_heads_read_from_the_files_are_alembics():
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    assert db.heads() == frozenset(ScriptDirectory.from_config(config).get_heads())


def _opens(url: str) -> str:
    code = (
        "import sys; from docgen import db; import sqlalchemy as sa\n"
        f"engine = db.upgrade({url!r})\n"
        "tables = set(sa.inspect(engine).get_table_names())\n"
        "print('alembic' in sys.modules, 'batch_items' in tables)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def test_a_new_database_is_migrated_and_an_up_to_date_one_only_opened(tmp_path):
    url = f"sqlite:///{tmp_path / 'docgen.db'}"
    assert _opens(url) == "True True"  # made by the migrations
    assert _opens(url) == "False True"  # a later worker finds it made: Alembic not loaded

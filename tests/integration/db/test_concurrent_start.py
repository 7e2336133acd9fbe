"""Several docgen processes started at once on a new database all start: one of them
creates the schema under the migration lock, the others find it made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

from docgen import db

STARTS = 6


@pytest.mark.slow
def test_processes_started_at_once_on_a_new_database_all_start(
    database_url: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DOCGEN_DATA_DIR": str(tmp_path / "data"),
        "DOCGEN_DATABASE_URL": database_url,
    }
    # `profile list` migrates the database before it reads the (empty) list
    command = [sys.executable, "-m", "docgen.cli", "profile", "list"]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(STARTS)
    ]
    outcomes = [(p.communicate(timeout=180), p.returncode) for p in processes]

    failed = [err.decode(errors="replace")[-400:] for (_, err), code in outcomes if code != 0]
    assert failed == []
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    engine = db.engine_for(database_url)
    with engine.connect() as connection:
        applied = set(connection.scalars(sa.text("SELECT version_num FROM alembic_version")))
    assert applied == set(ScriptDirectory.from_config(config).get_heads())
    assert set(db.Base.metadata.tables) <= set(sa.inspect(engine).get_table_names())

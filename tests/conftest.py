"""Fixtures shared by every test: settings, the service, the Flask app and clients."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from docgen.config import Settings
from docgen.services import Docgen

# Property tests judge results, not speed: a loaded 2-core CI machine must not fail them
# on Hypothesis's per-example deadline.
hypothesis_settings.register_profile(
    "docgen", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("docgen")


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def service(settings: Settings) -> Docgen:
    """One service for the session: fonts and stylesheets are loaded once, as in production."""
    return Docgen(settings)


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    from docgen.web import create_app

    yield create_app({"TESTING": True, "SETTINGS": settings})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --- databases --------------------------------------------------------------------------
# Tests of stored state run against both backends: SQLite (the embedded default) and the
# PostgreSQL server at 127.0.0.1:5432 (DOCGEN_TEST_POSTGRES_URL overrides it). Each test
# gets a fresh, empty database, dropped afterwards.

POSTGRES_ADMIN_URL = os.environ.get(
    "DOCGEN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _fresh_postgres_database() -> tuple[str, Callable[[], None]]:
    import sqlalchemy as sa

    name = f"docgen_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"

    def drop() -> None:
        from docgen import db

        engine = db._engines.pop(url, None)
        if engine is not None:
            engine.dispose()
        db._upgraded.discard(url)
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database URL, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'docgen.db'}"
        return
    url, drop = _fresh_postgres_database()
    try:
        yield url
    finally:
        drop()

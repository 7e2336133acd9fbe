"""Fixtures shared by every test: settings, the service, the Flask app and clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import Docgen


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

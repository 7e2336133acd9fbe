"""The web modules reach the service through one typed accessor."""

from __future__ import annotations

import pytest
from flask import Flask

from docgen.config import Settings
from docgen.services import DocumentService
from docgen.web.extension import app_service, install


def test_the_installed_service_is_the_one_every_request_gets(tmp_path):
    app = Flask(__name__)
    service = DocumentService(Settings(data_dir=tmp_path))
    install(app, service)
    assert app_service(app) is service
    with app.app_context():
        assert app_service() is service


def test_something_else_in_its_place_is_refused():
    app = Flask(__name__)
    app.extensions["docgen"] = object()
    with pytest.raises(TypeError, match="not a DocumentService"):
        app_service(app)

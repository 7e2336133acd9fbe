"""docgen serve's gunicorn hooks: fonts prepared once in the master, workers warmed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from docgen.config import Settings
from docgen.web import create_app, gunicorn_conf


def test_master_prepares_the_pdf_fonts_and_a_worker_warms_up_before_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))

    gunicorn_conf.on_starting(server=None)

    fonts = sorted(p.name.split("-")[0] for p in (tmp_path / "fonts").glob("*.otf"))
    assert fonts == ["bold", "regular"]

    app = create_app({"TESTING": True, "SETTINGS": Settings(data_dir=tmp_path)})
    worker = SimpleNamespace(app=SimpleNamespace(wsgi=lambda: app))
    gunicorn_conf.post_fork(server=None, worker=worker)

    service = app.extensions["docgen"]
    assert "stylesheets" in vars(service.pdf)  # parsed once, before the first request
    assert service.pdf._templates  # the sample letter's template is compiled
